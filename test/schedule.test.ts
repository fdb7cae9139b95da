// The review schedule: whole outputs in each format against expected files (each date and day
// count checked by hand against the fixture articles), the .ics read back with a real
// iCalendar parser, the CSV with a strict reader, and the edge cases of each format.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import ICAL from 'ical.js'
import {packageRoot} from '../src/config/package-files.js'
import {resolveConfig} from '../src/config/config.js'
import {escapeIcsText, foldIcsLine, formatCsv, formatIcs, formatTable, reviewScheduleOf} from '../src/schedule/schedule.js'
import type {ReviewSchedule, ScheduledReview} from '../src/schedule/schedule.js'
import {runCli} from './helpers.js'
import {builtInRules} from '../rules/index.js'

const fixtures = join(packageRoot, 'test', 'fixtures', 'review-schedule')
const expected = (format: string) => readFileSync(join(fixtures, `expected.${format}`), 'utf8')
const run = (...argv: string[]) => runCli(['review-schedule', 'articles', '--now', '2026-03-01', '--within', '60', ...argv], fixtures)
const undatedNote = 'healthlint: this article has no readable `lastReviewed` or `nextReview` date, so it is not in the schedule (`healthlint lint` says why):\n  articles/undated.md\n'

describe('healthlint review-schedule', () => {
  for (const format of ['table', 'csv', 'ics']) {
    it(`writes the expected ${format}, and names undated articles on stderr`, async () => {
      const result = await run('--format', format)
      assert.equal(result.code, 0)
      assert.equal(result.stdout, expected(format))
      assert.equal(result.stderr, undatedNote)
    })
  }

  it('defaults to a table', async () => {
    assert.equal((await run()).stdout, expected('table'))
  })

  it('refuses an unknown format, a bad --within and a missing path', async () => {
    assert.equal((await run('--format', 'json')).code, 2)
    assert.match((await run('--format', 'json')).stderr, /use one of table, csv, ics/)
    assert.equal((await run('--within', '-1')).code, 2)
    assert.equal((await run('--within', '1.5')).code, 2)
    const missing = await runCli(['review-schedule', 'no-such-folder', '--now', '2026-03-01'], fixtures)
    assert.equal(missing.code, 2)
    assert.match(missing.stderr, /No such file or directory: no-such-folder/)
  })
})

describe('reviewScheduleOf', () => {
  const config = resolveConfig({}, {rules: builtInRules})
  const scheduleAt = (now: string, within: number) => reviewScheduleOf(['articles'], {cwd: fixtures, config, now, within})

  it('lists overdue reviews first, ties in path order, and leaves out reviews further ahead', async () => {
    const schedule = await scheduleAt('2026-03-01', 60)
    assert.deepEqual(schedule.reviews.map((review) => [review.due, review.daysLeft, review.path]), [
      ['2026-01-10', -50, 'articles/formula.md'],
      ['2026-01-10', -50, 'articles/lower-back-pain.md'],
      ['2026-03-15', 14, 'articles/hay-fever.md'],
      ['2026-04-20', 50, 'articles/knee-pain.md']
    ])
    assert.deepEqual(schedule.undated, ['articles/undated.md'])
  })

  it('with --within 0, keeps overdue reviews and those due today', async () => {
    const schedule = await scheduleAt('2026-03-15', 0)
    assert.deepEqual(schedule.reviews.map((review) => [review.path, review.daysLeft]), [
      ['articles/formula.md', -64],
      ['articles/lower-back-pain.md', -64],
      ['articles/hay-fever.md', 0]
    ])
  })

  it('reads the reviewer and slug, and falls back to the file name', async () => {
    const {reviews} = await scheduleAt('2026-03-01', 60)
    const hayFever = reviews.find((review) => review.path === 'articles/hay-fever.md')!
    assert.equal(hayFever.slug, 'hay-fever')
    assert.deepEqual(hayFever.reviewer, {name: 'Dr Jane Smith', credential: 'GMC registered GP'})
    const formula = reviews.find((review) => review.path === 'articles/formula.md')!
    assert.equal(formula.slug, 'formula')
    assert.equal(formula.reviewer, undefined)
  })
})

const review = (overrides: Partial<ScheduledReview>): ScheduledReview => ({
  path: 'articles/a.md',
  slug: 'a',
  title: 'A',
  reviewer: {name: 'Dr Jane Smith', credential: 'GMC registered GP'},
  lastReviewed: '2025-01-01',
  due: '2026-01-01',
  daysLeft: 10,
  ...overrides
})
const scheduleOf = (reviews: ScheduledReview[]): ReviewSchedule => ({now: '2025-12-22', within: 90, reviews, undated: []})

describe('the .ics calendar', () => {
  it('reads back with ical.js as one all-day event per review', () => {
    const calendar = new ICAL.Component(ICAL.parse(expected('ics')))
    assert.equal(calendar.getFirstPropertyValue('version'), '2.0')
    assert.equal(calendar.getFirstPropertyValue('prodid'), '-//healthlint//review-schedule//EN')
    assert.equal(calendar.getFirstPropertyValue('calscale'), 'GREGORIAN')
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component))
    assert.deepEqual(events.map((event) => [event.uid, event.startDate.toString(), event.endDate.toString(), event.startDate.isDate]), [
      ['formula@healthlint', '2026-01-10', '2026-01-11', true],
      ['lower-back-pain@healthlint', '2026-01-10', '2026-01-11', true],
      ['hay-fever@healthlint', '2026-03-15', '2026-03-16', true],
      ['knee-pain@healthlint', '2026-04-20', '2026-04-21', true]
    ])
    assert.equal(events[2]!.summary, 'Review due: Hay fever, "seasonal" allergy; notes')
    assert.equal(events[3]!.description, 'Reviewer: Dr Amélie Durand, GMC registered GP, clinical lead for musculoskeletal health and physiotherapy services\nArticle: articles/knee-pain.md\nLast reviewed: 2025-04-20')
    assert.equal(String(events[0]!.component.getFirstPropertyValue('dtstamp')), '2026-03-01T00:00:00Z')
  })

  it('uses CRLF only, and folds every line to at most 75 octets', () => {
    const text = expected('ics')
    assert.doesNotMatch(text, /[^\r]\n/)
    for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `too long: ${line}`)
    assert.ok(text.includes('\r\n '), 'the fixture has folded lines')
  })

  it('folds without splitting a character, and unfolds to the original', () => {
    const line = 'DESCRIPTION:' + 'é'.repeat(100) + '🩺'.repeat(20)
    const folded = foldIcsLine(line)
    for (const part of folded.split('\r\n').slice(0, -1)) {
      assert.ok(Buffer.byteLength(part) <= 75)
      assert.ok(!part.includes('\uFFFD'))
    }
    assert.equal(folded.replaceAll('\r\n ', '').replace(/\r\n$/, ''), line)
    assert.equal(foldIcsLine('SHORT:x'), 'SHORT:x\r\n')
  })

  it('escapes backslashes, semicolons, commas and line breaks in text', () => {
    assert.equal(escapeIcsText('a\\b;c,d\ne\r\nf'), 'a\\\\b\\;c\\,d\\ne\\nf')
    const calendar = new ICAL.Component(ICAL.parse(formatIcs(scheduleOf([review({title: 'Back\\slash; semi, comma'})]))))
    assert.equal(new ICAL.Event(calendar.getFirstSubcomponent('vevent')!).summary, 'Review due: Back\\slash; semi, comma')
  })

  it('gives two articles with the same slug distinct UIDs, and an empty schedule an empty calendar', () => {
    const ics = formatIcs(scheduleOf([review({path: 'articles/a.md'}), review({path: 'articles/old/a.md'})]))
    const uids = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((event) => event.getFirstPropertyValue('uid'))
    assert.deepEqual(uids, ['a@healthlint', 'articles-old-a.md@healthlint'])
    const empty = new ICAL.Component(ICAL.parse(formatIcs(scheduleOf([]))))
    assert.equal(empty.getAllSubcomponents('vevent').length, 0)
  })
})

/** A strict RFC 4180 reader, to check the CSV independently of how it was written. */
function readCsv(text: string): string[][] {
  const rows: string[][] = []
  const pattern = /("((?:[^"]|"")*)"|[^",\r\n]*)(,|\r\n)/gy
  let row: string[] = []
  let match
  while ((match = pattern.exec(text))) {
    row.push(match[2] === undefined ? match[1]! : match[2].replaceAll('""', '"'))
    if (match[3] === '\r\n') {
      rows.push(row)
      row = []
    }
    if (pattern.lastIndex === text.length) break
  }
  assert.equal(pattern.lastIndex, text.length, 'the whole file is well-formed CSV')
  return rows
}

describe('the CSV', () => {
  it('reads back field for field, with CRLF records and quoted fields', () => {
    const rows = readCsv(expected('csv'))
    assert.equal(rows.length, 5)
    assert.ok(rows.every((row) => row.length === 7))
    assert.deepEqual(rows[3], ['2026-03-15', '14', 'articles/hay-fever.md', 'Hay fever, "seasonal" allergy; notes', 'Dr Jane Smith', 'GMC registered GP', '2025-12-01'])
  })

  it('quotes line breaks, and defuses spreadsheet formulas in text but not negative numbers', () => {
    const csv = formatCsv(scheduleOf([review({title: 'Line\r\nbreak', reviewer: {name: '@name', credential: '+credential'}, daysLeft: -3})]))
    assert.deepEqual(readCsv(csv)[1], ['2026-01-01', '-3', 'articles/a.md', 'Line\r\nbreak', "'@name", "'+credential", '2025-01-01'])
  })
})

describe('the table', () => {
  it('says when nothing is due', () => {
    assert.equal(formatTable(scheduleOf([])), 'No reviews due by 2026-03-22 (within 90 days of 2025-12-22).\n')
  })
})
