// The time budget of an article's analysis (budget.ts, analyse.ts): a task over its budget is
// stopped wherever it is, the next one runs as usual, and a stopped article is reported with
// what the rules that need no Markdown tree found, and nothing half-done.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {runWithin} from '../../src/pipeline/budget.js'
import {lintText, messagesOf} from '../helpers.js'

function busy(milliseconds: number): number {
  const end = performance.now() + milliseconds
  let turns = 0
  while (performance.now() < end) turns++
  return turns
}

describe('runWithin', () => {
  it('returns what the task returns, as the same object', () => {
    const value = {tree: [1, 2, 3]}
    const outcome = runWithin(5000, () => value)
    assert.ok(outcome.ok)
    assert.equal(outcome.value, value)
  })

  it('stops a task over its budget, then runs the next task as usual', () => {
    const started = performance.now()
    assert.deepEqual(runWithin(200, () => busy(20_000)), {ok: false})
    const elapsed = performance.now() - started
    assert.ok(elapsed < 5000, `stopped after ${Math.round(elapsed)} ms`)
    const next = runWithin(5000, () => busy(20))
    assert.ok(next.ok && next.value > 0)
  })

  it('throws the errors of the task as they are', () => {
    assert.throws(() => runWithin(5000, () => { throw new RangeError('deep') }), {name: 'RangeError', message: 'deep'})
  })
})

describe('an article over its time budget', () => {
  // 16,000 underlined headings: micromark needs seconds for them, far over a 100 ms budget.
  const slowBody = 'a\n=\n'.repeat(16_000)

  it('is stopped and reported at the start of its body, and the rules that need no tree still run', async () => {
    const file = await lintText(`---\ntitle: Slow\nunknownField: x\n---\n\nHypertension.\n\n${slowBody}`, {limits: {maxCheckMilliseconds: 100}})
    const limits = messagesOf(file, 'markdown-limits')
    assert.equal(limits.length, 1)
    assert.match(limits[0]!.message, /^Checking this article took longer than 100 ms, so it was stopped/)
    assert.deepEqual([limits[0]!.line, limits[0]!.column], [5, 1])
    assert.equal(limits[0]!.severity, 'error')
    // The frontmatter was checked; the body (and its plain-english word) was not.
    assert.ok(messagesOf(file, 'frontmatter-schema').length > 0)
    assert.deepEqual(messagesOf(file, 'plain-english'), [])
    for (const key of ['tree', 'prose', 'sentences', 'readability'] as const) assert.equal(file.data[key], undefined, key)
  })

  it('leaves the next article unaffected', async () => {
    await lintText(`---\ntitle: Slow\n---\n\n${slowBody}`, {limits: {maxCheckMilliseconds: 100}})
    const file = await lintText('---\ntitle: Fine\n---\n\nHypertension.\n', {limits: {maxCheckMilliseconds: 5000}})
    assert.deepEqual(messagesOf(file, 'markdown-limits'), [])
    assert.equal(messagesOf(file, 'plain-english').length, 1)
    assert.ok(file.data.tree)
  })
})
