import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {lintText, messagesOf, runCli} from '../helpers.js'
import {placeholderArticle, placeholderBody} from '../ci-project.js'
import {removeProject, temporaryProject} from '../project.js'

const rule = 'review-date'
const article = (dates: string) => `---\ntitle: Placeholder\n${dates}---\n\nPlaceholder paragraph.\n`
const check = async (dates: string, now: string, options?: Record<string, unknown>, severity = 'error') => {
  const file = await lintText(article(dates), {now, rules: options ? {[rule]: [severity, options]} : {}})
  return messagesOf(file, rule).map((message) => `${message.severity} ${message.line}:${message.column} ${message.message.split('.')[0]}`)
}

describe('review-date', () => {
  it('moves from clean to warning to error at the policy\'s boundaries', async () => {
    const dates = 'lastReviewed: 2025-01-01\n'
    assert.deepEqual(await check(dates, '2025-12-01'), []) // 334 days: one day before the window
    assert.deepEqual(await check(dates, '2025-12-02'), ['warning 3:15 The clinical review falls due on 2026-01-01, in 30 days (365 days after lastReviewed 2025-01-01)'])
    assert.deepEqual(await check(dates, '2025-12-31'), ['warning 3:15 The clinical review falls due on 2026-01-01, in 1 day (365 days after lastReviewed 2025-01-01)'])
    assert.deepEqual(await check(dates, '2026-01-01'), ['warning 3:15 The clinical review falls due on 2026-01-01, today (365 days after lastReviewed 2025-01-01)'])
    assert.deepEqual(await check(dates, '2026-01-02'), ['error 3:15 The last clinical review (2025-01-01) is 366 days old, more than the 365 days allowed: it fell due on 2026-01-01'])
  })

  it('takes the maximum age and the window from the options', async () => {
    const dates = 'lastReviewed: 2025-01-01\n'
    assert.deepEqual(await check(dates, '2025-03-25', {maxAgeDays: 90, warnDays: 7}), ['warning 3:15 The clinical review falls due on 2025-04-01, in 7 days (90 days after lastReviewed 2025-01-01)'])
    assert.deepEqual(await check(dates, '2025-03-24', {maxAgeDays: 90, warnDays: 7}), [])
    assert.deepEqual(await check(dates, '2025-03-31', {warnDays: 0, maxAgeDays: 90}), [])
    assert.deepEqual(await check(dates, '2025-04-01', {warnDays: 0, maxAgeDays: 90}), ['warning 3:15 The clinical review falls due on 2025-04-01, today (90 days after lastReviewed 2025-01-01)'])
  })

  it('warns at nextReview when it comes before the policy date', async () => {
    assert.deepEqual(await check('lastReviewed: 2025-12-22\nnextReview: 2026-06-01\n', '2026-05-20'), ['warning 4:13 The clinical review falls due on 2026-06-01, in 12 days (nextReview)'])
    assert.deepEqual(await check('lastReviewed: 2025-12-22\nnextReview: 2026-06-01\n', '2026-06-01'), ['warning 4:13 The clinical review falls due on 2026-06-01, today (nextReview)'])
  })

  it('reports both an overdue review and a passed nextReview', async () => {
    assert.deepEqual(await check('lastReviewed: 2024-01-01\nnextReview: 2024-06-01\n', '2026-03-01'), [
      'error 3:15 The last clinical review (2024-01-01) is 790 days old, more than the 365 days allowed: it fell due on 2024-12-31',
      'error 4:13 The next review was due on 2024-06-01 (nextReview) and has passed'
    ])
  })

  it('reports a future lastReviewed and nothing else', async () => {
    assert.deepEqual(await check('lastReviewed: 2026-03-02\nnextReview: 2026-01-01\n', '2026-03-01'), ['error 3:15 lastReviewed is 2026-03-02, after today (2026-03-01)'])
  })

  it('leaves missing or malformed dates to frontmatter-schema', async () => {
    for (const dates of ['', 'lastReviewed: 2025-02-30\n', 'lastReviewed: 20251222\n', 'lastReviewed:\n', 'lastReviewed: [2025-12-22]\n']) {
      assert.deepEqual(await check(dates, '2026-03-01'), [], dates)
    }
    assert.deepEqual(await check('lastReviewed: 2025-12-22\nnextReview: soon\n', '2026-03-01'), [])
  })

  it('reports everything as a warning when configured as a warning', async () => {
    assert.deepEqual(await check('lastReviewed: 2024-01-01\n', '2026-03-01', {}, 'warning'), ['warning 3:15 The last clinical review (2024-01-01) is 790 days old, more than the 365 days allowed: it fell due on 2024-12-31'])
  })

  it('runs when the body could not be parsed', async () => {
    const file = await lintText('---\ntitle: Placeholder\nlastReviewed: 2024-01-01\n---\n', {now: '2026-03-01'})
    assert.equal(messagesOf(file, rule).length, 1)
  })
  it('checks the next review the page states, from the cached facts too', async () => {
    const root = temporaryProject({'articles/placeholder.md': placeholderArticle({lastReviewed: '2026-01-10', nextReview: '2027-01-10'}, `${placeholderBody}\n\nNext review due: January 2027\n`)})
    try {
      const run = async (now: string) => {
        const result = await runCli(['lint', '--now', now, '--format', 'json'], root)
        const [file] = JSON.parse(result.stdout) as Array<{messages: Array<{ruleId: string; message: string}>}>
        return file!.messages.filter((message) => message.ruleId === rule).map((message) => message.message.split(',')[0])
      }
      assert.deepEqual(await run('2026-03-01'), [], 'agrees with nextReview, by month')
      assert.ok(existsSync(join(root, '.healthlint-cache')), 'the facts are cached')
      assert.deepEqual(await run('2027-02-15'), [
        'The last clinical review (2026-01-10) is 401 days old',
        'The next review was due on 2027-01-10 (nextReview) and has passed. Have a clinician review the article',
        'The page says the next review is due on "January 2027" (2027-01-01)'
      ], 'the stated date, read from the cache, has passed')
    } finally {
      removeProject(root)
    }
  })
})
