// The readability scores in the reports: a fixed-order, rounded object per file in JSON, and a
// one-line summary per file in stylish.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {join} from 'node:path'
import {packageRoot} from '../../src/config/package-files.js'
import {toJsonReport} from '../../src/report/json.js'
import {readabilitySummaryOf} from '../../src/report/readability.js'
import {lintText, runCli} from '../helpers.js'

const fixtures = join(packageRoot, 'test', 'fixtures', 'readability')
const keys = ['sentences', 'words', 'syllables', 'polysyllables', 'complexWords', 'letters', 'fleschReadingEase', 'fleschKincaidGrade', 'smog', 'gunningFog', 'colemanLiau', 'automatedReadabilityIndex', 'readingAge', 'readingAgeLow', 'readingAgeHigh', 'targetAge', 'hardSentences']

describe('readability in the JSON report', () => {
  it('gives each file its scores, keys in a fixed order, numbers to 2 decimals', async () => {
    const {code, stdout} = await runCli(['lint', '--format', 'json', '--now', '2026-01-15', 'dense.md', 'plain.md'], fixtures)
    assert.equal(code, 1, 'the fixtures lack their safety sections')
    const reports = JSON.parse(stdout) as Array<{path: string; readability: Record<string, number>}>
    assert.deepEqual(reports.map((report) => report.path), ['dense.md', 'plain.md'])
    for (const {readability} of reports) {
      assert.deepEqual(Object.keys(readability), keys)
      for (const value of Object.values(readability)) assert.equal(Math.round(value * 100) / 100, value)
    }
    const plain = reports[1]!.readability
    // By hand: 5 sentences, 34 words, 41 syllables ("GP" is two), no polysyllables, so SMOG is its floor.
    assert.deepEqual([plain.sentences, plain.words, plain.syllables, plain.polysyllables], [5, 34, 41, 0])
    assert.equal(plain.smog, 3.13)
    assert.equal(plain.readingAge, 8.13)
    // Flesch–Kincaid: 0.39 × 34/5 + 11.8 × 41/34 − 15.59 = 1.29, a reading age of 6; SMOG's floor 3.13, 8.
    assert.deepEqual([plain.readingAgeLow, plain.readingAgeHigh], [6, 8])
    assert.equal(plain.targetAge, 11)
    assert.equal(plain.hardSentences, 0)
    assert.equal(reports[0]!.readability.hardSentences, 2)
  })

  it('is byte-identical from run to run', async () => {
    const argv = ['lint', '--format', 'json', '--now', '2026-01-15', '.']
    assert.equal((await runCli(argv, fixtures)).stdout, (await runCli(argv, fixtures)).stdout)
  })

  it('leaves readability out for a file without prose, and the rules\' fields out when they are off', async () => {
    const empty = await lintText('---\ntitle: Placeholder\n---\n\n```\ncode\n```\n')
    assert.equal('readability' in toJsonReport(empty), false)
    const off = await lintText('---\ntitle: Placeholder\n---\n\nText here.\n', {rules: {readability: 'off', 'hard-sentence': 'off'}})
    assert.deepEqual(Object.keys(toJsonReport(off).readability as object), keys.slice(0, -2))
  })

  it('keeps every field it had before the reading-age band was added', () => {
    const before = ['sentences', 'words', 'syllables', 'polysyllables', 'complexWords', 'letters', 'fleschReadingEase', 'fleschKincaidGrade', 'smog', 'gunningFog', 'colemanLiau', 'automatedReadabilityIndex', 'readingAge', 'targetAge', 'hardSentences']
    assert.deepEqual(before.filter((key) => !keys.includes(key)), [])
  })
})

describe('readability in the stylish report', () => {
  it('adds one summary line per file', async () => {
    const {stdout} = await runCli(['lint', '--now', '2026-01-15', '--no-color', 'dense.md', 'plain.md'], fixtures)
    assert.match(stdout, /\n {2}reading age 23 \(Flesch–Kincaid 17\.6, SMOG 17\.5\), aim 9 to 11; 2 of 3 sentences hard\n\nplain\.md\n/)
    assert.match(stdout, /\n {2}reading age 6–8 \(Flesch–Kincaid 1\.3, SMOG 3\.1\), aim 9 to 11; 0 of 5 sentences hard\n\n✖/)
  })

  it('leaves the summary out with --quiet', async () => {
    const {stdout} = await runCli(['lint', '--now', '2026-01-15', '--quiet', '--no-color', 'plain.md'], fixtures)
    assert.doesNotMatch(stdout, /reading age/)
  })

  it('says only what the enabled rules found', async () => {
    const input = '---\ntitle: Placeholder\n---\n\nText here. More text.\n'
    assert.equal(readabilitySummaryOf(await lintText(input, {rules: {'hard-sentence': 'off'}})), 'reading age 2–8 (Flesch–Kincaid -3.0, SMOG 3.1), aim 9 to 11; 2 sentences')
    assert.equal(readabilitySummaryOf(await lintText(input, {rules: {readability: 'off'}})), 'reading age 2–8 (Flesch–Kincaid -3.0, SMOG 3.1); 0 of 2 sentences hard')
  })
})
