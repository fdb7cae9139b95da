// The readability, hard-sentence and plain-english rules beyond their examples: the error
// above the maximum, the fixtures, the real article, and the options that need files.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {packageRoot} from '../../src/paths.js'
import {briefOf, lintText, messagesOf} from '../helpers.js'

const fixture = (name: string) => readFileSync(join(packageRoot, 'test', 'fixtures', 'readability', name), 'utf8')
const header = '---\ntitle: Placeholder\n---\n\n'

describe('readability', () => {
  it('reports a deliberately dense passage as an error, though the rule warns by default', async () => {
    const file = await lintText(fixture('dense.md'))
    const [message, ...rest] = file.messages.filter((m) => m.ruleId === 'readability')
    assert.equal(rest.length, 0)
    assert.equal(message?.fatal, true)
    assert.equal(
      message?.reason,
      'The reading age of this article is 23 (SMOG grade 17.5): a SMOG grade above 14 is a priority for rewriting in NHS guidance, and the target is a reading age of 11. Rewrite it before publishing. Start with its hardest sentences, on lines 14, 15 and 13: use shorter sentences and everyday words.'
    )
    assert.equal(message?.line, 11, 'at the start of the body')
  })

  it('keeps the error when configured as an error, and is silent when off', async () => {
    const asError = await lintText(fixture('dense.md'), {rules: {readability: 'error'}})
    assert.deepEqual(asError.messages.filter((m) => m.ruleId === 'readability').map((m) => m.fatal), [true])
    const off = await lintText(fixture('dense.md'), {rules: {readability: 'off'}})
    assert.deepEqual(briefOf(off, 'readability'), [])
  })

  it('warns instead when the maximum is raised above the SMOG grade', async () => {
    const file = await lintText(fixture('dense.md'), {rules: {readability: ['warning', {maxSmogGrade: 18}]}})
    const messages = file.messages.filter((m) => m.ruleId === 'readability')
    assert.deepEqual(messages.map((m) => m.fatal), [false])
    assert.match(messages[0]!.reason, /^The reading age of this article is 23 \(SMOG grade 17\.5\), above the target of 11\./)
  })

  it('does not flag a plainly written passage, nor any of its sentences', async () => {
    const file = await lintText(fixture('plain.md'))
    assert.deepEqual(briefOf(file, 'readability'), [])
    assert.deepEqual(briefOf(file, 'hard-sentence'), [])
    assert.deepEqual(briefOf(file, 'plain-english'), [])
    assert.equal(Math.round(file.data.readability!.readingAge), 8)
  })

  it('names one line when the hard sentences share it', async () => {
    const file = await lintText(header + 'In most cases, back pain improves with time and conservative management. Physiotherapy focuses on improving spinal mobility.\n')
    assert.match(briefOf(file, 'readability')[0] ?? '', /Start with its hardest sentence, on line 5: /)
  })

  it('stores the target it checked against for the report', async () => {
    const file = await lintText(fixture('plain.md'), {rules: {readability: ['warning', {targetAge: 9}]}})
    assert.equal(file.data.readabilityTarget, 9)
  })
})

describe('the real article', () => {
  it('gets scores and warnings but no errors from the readability rules', async () => {
    const file = await lintText(readFileSync(join(packageRoot, 'articles', 'lower-back-pain.md'), 'utf8'), {path: 'articles/lower-back-pain.md'})
    const ours = messagesOf(file).filter((m) => ['readability', 'hard-sentence', 'plain-english'].includes(m.ruleId))
    assert.ok(ours.length > 0)
    assert.deepEqual(ours.filter((m) => m.severity === 'error'), [])
    const scores = file.data.readability!
    assert.equal(Math.round(scores.readingAge), 15)
    assert.equal(scores.sentences, 69)
  })
})

describe('hard-sentence', () => {
  const words = (count: number) => Array.from({length: count}, (_, index) => ['you', 'can', 'go', 'for', 'a', 'walk'][index % 6]).join(' ')

  it('allows 20 words and flags 21', async () => {
    assert.deepEqual(briefOf(await lintText(header + words(20) + '.\n'), 'hard-sentence'), [])
    assert.deepEqual(briefOf(await lintText(header + words(21) + '.\n'), 'hard-sentence'), [
      '5:1: This sentence has 21 words, more than the 20 that NHS guidance suggests. Split it into shorter sentences.'
    ])
  })

  it('does not judge sentences shorter than minWords by the formulas', async () => {
    const input = header + 'Physiotherapy improves mobility considerably.\n'
    assert.deepEqual(briefOf(await lintText(input), 'hard-sentence'), [])
    assert.equal((await lintText(input, {rules: {'hard-sentence': ['warning', {minWords: 4}]}})).messages.filter((m) => m.ruleId === 'hard-sentence').length, 1)
  })

  it('reports each sentence at its own position and records which were hard', async () => {
    const file = await lintText(header + 'Back pain is common. Physiotherapy focuses on improving spinal mobility and rebuilding strength.\n\n- Keep moving\n')
    assert.deepEqual(messagesOf(file, 'hard-sentence').map((m) => [m.line, m.column, m.endLine, m.endColumn]), [[5, 22, 5, 97]])
    assert.deepEqual(file.data.hardSentences, [1])
  })
})

describe('plain-english', () => {
  it('reports every use, whatever the case or apostrophe', async () => {
    const file = await lintText(header + 'Prior to the visit, eat. PRIOR TO bed, rest.\n')
    assert.deepEqual(briefOf(file, 'plain-english').map((brief) => brief.split(' is ')[0]), ['5:1: “Prior to”', '5:26: “PRIOR TO”'])
  })

  it('lets config words override the seed and ignore phrases shadow the words in them', async () => {
    const rules = {'plain-english': ['warning', {add: {Chronic: 'lasting a long time'}, ignore: ['lumbar spine']}]}
    const file = await lintText(header + 'Chronic pain in the lumbar spine.\n', {rules})
    assert.deepEqual(briefOf(file, 'plain-english'), [
      '5:1: “Chronic” is not plain English: use “lasting a long time” instead, or explain it if patients need the term.'
    ])
  })

  it('reads more words from a vocabulary file, and refuses one it cannot use as a config error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'healthlint-vocabulary-'))
    try {
      writeFileSync(join(dir, 'words.json'), JSON.stringify({words: {'flare ups': ['times when it gets worse']}}))
      const rules = {'plain-english': ['warning', {vocabulary: 'words.json'}]}
      const file = await lintText(header + 'Repeated flare ups happen.\n', {rules, cwd: dir})
      assert.deepEqual(briefOf(file, 'plain-english'), [
        '5:10: “flare ups” is not plain English: use “times when it gets worse” instead, or explain it if patients need the term.'
      ])
      await assert.rejects(lintText(header + 'Text.\n', {rules: {'plain-english': ['warning', {vocabulary: 'missing.json'}]}, cwd: dir}),
        {name: 'ConfigError', message: /^the configuration: the `vocabulary` option of rule `plain-english` names `missing\.json`, which does not exist\./})
      writeFileSync(join(dir, 'bad.json'), '{"words": {"a": 1}}')
      await assert.rejects(lintText(header + 'Text.\n', {rules: {'plain-english': ['warning', {vocabulary: 'bad.json'}]}, cwd: dir}),
        {name: 'ConfigError', message: /names `bad\.json`, which is not a mapping of words to lists of alternatives: fix the file or the option\./})
      writeFileSync(join(dir, 'broken.json'), '{"words": {"secret-value": ')
      await assert.rejects(lintText(header + 'Text.\n', {rules: {'plain-english': ['warning', {vocabulary: 'broken.json'}]}, cwd: dir}),
        (error: Error) => /which is not valid JSON: fix the file/.test(error.message) && !error.message.includes('secret-value'))
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })

  it('has a seed vocabulary of words with alternatives and named exceptions', () => {
    const data = JSON.parse(readFileSync(join(packageRoot, 'rules', 'data', 'plain-english.json'), 'utf8')) as {words: Record<string, string[]>}
    const entries = Object.entries(data.words)
    assert.ok(entries.length >= 300)
    for (const [word, alternatives] of entries) {
      assert.equal(word, word.trim().toLowerCase(), 'keys are written in lower case, without spaces around them')
      assert.ok(Array.isArray(alternatives) && alternatives.every((item) => typeof item === 'string' && item.trim() !== ''), `${word} has a list of alternatives`)
    }
    assert.ok(entries.filter(([, alternatives]) => alternatives.length > 0).length >= 300)
  })
})
