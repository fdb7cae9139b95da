// The readability, hard-sentence and plain-english rules beyond their examples: the calibrated
// thresholds, the fixtures, the real article, and the options that need files.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {packageRoot} from '../../src/config/package-files.js'
import {briefOf, lintText, messagesOf} from '../helpers.js'
import {readingAgeBand} from '../../src/rule-kit/readability.js'
import {bandText} from '../../rules/readability.js'
import {removeProject, temporaryProject} from '../project.js'

const fixture = (name: string) => readFileSync(join(packageRoot, 'test', 'fixtures', 'readability', name), 'utf8')
const header = '---\ntitle: Placeholder\n---\n\n'

describe('readability', () => {
  it('warns about a deliberately dense passage, naming both instruments, and gives no error by default', async () => {
    const file = await lintText(fixture('dense.md'))
    const [message, ...rest] = file.messages.filter((m) => m.ruleId === 'readability')
    assert.equal(rest.length, 0)
    assert.equal(message?.fatal, false)
    assert.match(message?.reason ?? '', /^The reading age of this article is \d+(?:–\d+)? \(Flesch–Kincaid grade \d+\.\d, SMOG grade \d+\.\d\), well above the NHS aim of 9 to 11 and above 14\. Start with its hardest sentences, on lines 13, 14 and 15: /)
    assert.equal(message?.line, 11, 'at the start of the body')
  })

  it('gives an error only above an errorAge the project sets, whatever the rule\'s severity', async () => {
    const strict = await lintText(fixture('dense.md'), {rules: {readability: ['warning', {errorAge: 16}]}})
    const messages = strict.messages.filter((m) => m.ruleId === 'readability')
    assert.deepEqual(messages.map((m) => m.fatal), [true])
    assert.match(messages[0]!.reason, /above the maximum of 16 set for this project\. Rewrite it before publishing/)
    const lenient = await lintText(fixture('dense.md'), {rules: {readability: ['warning', {errorAge: 25}]}})
    assert.deepEqual(lenient.messages.filter((m) => m.ruleId === 'readability').map((m) => m.fatal), [false])
    const off = await lintText(fixture('dense.md'), {rules: {readability: 'off'}})
    assert.deepEqual(briefOf(off, 'readability'), [])
  })

  it('judges the band: a note only when even its lower end is above the aim, a warning when it is above 14', async () => {
    const band = (fk: number, smog: number) => readingAgeBand({fleschKincaidGrade: fk, smog})
    assert.deepEqual([band(7.1, 9.0).low, band(7.1, 9.0).high], [12, 14])
    assert.deepEqual([band(9.0, 7.1).low, band(9.0, 7.1).high], [12, 14], 'whichever instrument is lower')
    assert.equal(bandText(band(7.1, 9.0)), 'The reading age of this article is 12–14 (Flesch–Kincaid grade 7.1, SMOG grade 9.0)')
    assert.equal(bandText(band(6.8, 7.1)), 'The reading age of this article is 12 (Flesch–Kincaid grade 6.8, SMOG grade 7.1)')
  })

  it('does not flag a plainly written passage, nor any of its sentences', async () => {
    const file = await lintText(fixture('plain.md'))
    assert.deepEqual(briefOf(file, 'readability'), [])
    assert.deepEqual(briefOf(file, 'hard-sentence'), [])
    assert.deepEqual(briefOf(file, 'plain-english'), [])
    assert.equal(Math.round(file.data.readability!.readingAge), 8)
  })

  it('gives no warning to plain NHS-style pages that name the medicines and conditions patients need', async () => {
    // Short everyday sentences with the names a patient needs, in the NHS style (placeholder
    // pages written for this test; the advice is not the point).
    const pages = [
      'Earache is common, especially in children. It often gets better on its own within 3 days. You can take paracetamol or ibuprofen to ease the pain. Do not give aspirin to children under 16. You usually do not need antibiotics. Ask a pharmacist for advice. See a GP if the pain lasts more than 3 days. Call 111 if your child has a high temperature and is not their usual self.',
      'Hay fever is an allergy to pollen. It is worse between late March and September. You can get antihistamine tablets, eye drops and nasal sprays from a pharmacy. Wear sunglasses outside. Shower and change your clothes after you have been outside. See a GP if your symptoms do not get better after taking medicines from the pharmacy.',
      'Gastroenteritis is an infection of the stomach and bowel. It causes diarrhoea and being sick. It usually gets better in about a week. Drink plenty of fluids, such as water or squash. Stay off school or work until you have not been sick or had diarrhoea for 2 days. Call 111 if you are worried about a baby under 12 months. Call 999 or go to A&E if you have blood in your poo.'
    ]
    for (const page of pages) {
      const file = await lintText(header + page.split('. ').join('.\n\n') + '\n')
      const messages = file.messages.filter((m) => m.ruleId === 'readability')
      assert.ok(messages.every((m) => m.fatal === undefined), `${page.slice(0, 30)}…: ${messages.map((m) => m.reason).join(' ')}`)
      assert.deepEqual(briefOf(file, 'hard-sentence'), [], page.slice(0, 30))
    }
  })

  it('names one line when the hardest sentences share it', async () => {
    const file = await lintText(header + 'Most back pain can be assessed without examination in an initial remote consultation. In most cases, back pain improves with time and conservative management. Lower back pain is one of the most common reasons adults seek GP advice.\n')
    assert.match(briefOf(file, 'readability')[0] ?? '', /Start with its hardest sentence, on line 5: /)
  })

  it('stores the aim it checked against for the report', async () => {
    const file = await lintText(fixture('plain.md'), {rules: {readability: ['warning', {targetAge: 9}]}})
    assert.equal(file.data.readabilityTarget, 9)
  })
})

describe('the real article', () => {
  it('gets scores, a note on its reading age and warnings, but no errors from the readability rules', async () => {
    const file = await lintText(readFileSync(join(packageRoot, 'articles', 'lower-back-pain.md'), 'utf8'), {path: 'articles/lower-back-pain.md'})
    const ours = messagesOf(file).filter((m) => ['readability', 'hard-sentence', 'plain-english'].includes(m.ruleId))
    assert.ok(ours.length > 0)
    assert.deepEqual(ours.filter((m) => m.severity === 'error'), [])
    assert.deepEqual(ours.filter((m) => m.ruleId === 'readability').map((m) => m.severity), ['info'])
    const scores = file.data.readability!
    assert.deepEqual([readingAgeBand(scores).low, readingAgeBand(scores).high], [14, 16])
    assert.equal(scores.sentences, 69)
  })
})

describe('hard-sentence', () => {
  const words = (count: number) => Array.from({length: count}, (_, index) => ['you', 'can', 'go', 'for', 'a', 'walk'][index % 6]).join(' ')

  it('allows 20 words, 22 of everyday words, and flags 21 with an unfamiliar word or 23', async () => {
    assert.deepEqual(briefOf(await lintText(header + words(20) + '.\n'), 'hard-sentence'), [])
    assert.deepEqual(briefOf(await lintText(header + words(22) + '.\n'), 'hard-sentence'), [])
    assert.deepEqual(briefOf(await lintText(header + words(23) + '.\n'), 'hard-sentence'), [
      '5:1: This sentence has 23 words, more than the 20 that NHS guidance suggests. Split it into shorter sentences.'
    ])
    assert.deepEqual(briefOf(await lintText(header + words(20) + ' musculoskeletal.\n'), 'hard-sentence'), [
      '5:1: This sentence has 21 words, more than the 20 that NHS guidance suggests, and “musculoskeletal” is a word many patients do not know. Split it, and use everyday words.'
    ])
    assert.deepEqual(briefOf(await lintText(header + words(23) + '.\n', {rules: {'hard-sentence': ['warning', {toleranceWords: 5}]}}), 'hard-sentence'), [])
  })

  it('judges short lines by their words, and does not judge a question used as a prompt', async () => {
    assert.equal(briefOf(await lintText(header + '- Paediatric dose\n- Symptomatic relief\n- Referral for physiotherapy\n'), 'hard-sentence').length, 2)
    assert.deepEqual(briefOf(await lintText(header + 'How is sciatica diagnosed?\n'), 'hard-sentence'), [])
    assert.equal(briefOf(await lintText(header + '- Paediatric dose\n', {rules: {'hard-sentence': ['warning', {shortLineWords: 0}]}}), 'hard-sentence').length, 0)
  })

  it('counts inflections as their base word, and medicines and the page\'s condition as familiar', async () => {
    const input = '---\ntitle: Sciatica\n---\n\nSciatica causes pain. Paracetamol and ibuprofen help. Most tests took weeks. The pharmacist checked the tablets.\n'
    assert.deepEqual(briefOf(await lintText(input), 'hard-sentence'), [])
  })

  it('does not count a term explained in brackets, or named with "called"', async () => {
    assert.deepEqual(briefOf(await lintText(header + 'It is a short-term infection of the middle ear (otitis media).\n\nA nurse will put sticky patches called electrodes on your chest.\n'), 'hard-sentence'), [])
    assert.equal(briefOf(await lintText(header + 'It is otitis media with intermittent claudication.\n'), 'hard-sentence').length, 1)
  })

  it('never judges the byline, the disclaimer or the review footer', async () => {
    const input = '---\ntitle: Placeholder\ncontributors:\n  - name: Sonali Talwar\n    role: Physiotherapist\n---\n\n' +
      'Expert physiotherapy insights by Sonali Talwar, musculoskeletal physiotherapist and ergonomic rehabilitation specialist.\n\n' +
      'These articles are intended as educational sources, not diagnostic nor taking place of a proper medical assessment.\n\n' +
      'Last reviewed by Dr Zamiel Hussain, GMC registered GP\n\nUpdated: 22 December 2025\n'
    assert.deepEqual(briefOf(await lintText(input), 'hard-sentence'), [])
  })

  it('reports each sentence at its own position, says how many words it has, and records which were hard', async () => {
    const file = await lintText(header + 'Back pain is common. Investigations such as imaging may be considered if inflammatory conditions are suspected.\n\n- Keep moving\n')
    const messages = messagesOf(file, 'hard-sentence')
    assert.deepEqual(messages.map((m) => [m.line, m.column, m.endLine, m.endColumn]), [[5, 22, 5, 112]])
    assert.match(messages[0]!.message, /“Investigations”, “imaging” and “inflammatory” are words many patients do not know/)
    assert.equal(file.messages.find((m) => m.ruleId === 'hard-sentence')?.actual, '12')
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
    const dir = temporaryProject({}, {prefix: 'healthlint-vocabulary-'})
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
      removeProject(dir)
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
