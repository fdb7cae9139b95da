// The readability formulas against published count-based reference values, and the score
// stage on passages whose counts are derived by hand.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {
  automatedReadabilityIndex,
  colemanLiau,
  fleschKincaidGrade,
  fleschReadingEase,
  gunningFog,
  readingAgeOf,
  smogGrade
} from '../src/rule-kit/readability.js'
import type {Counts} from '../src/rule-kit/readability.js'
import {scoresOf} from '../src/pipeline/score.js'
import {lintText} from './helpers.js'

const counts = (partial: Partial<Counts>): Counts => ({sentences: 1, words: 1, syllables: 0, polysyllables: 0, complexWords: 0, letters: 0, ...partial})
const places = (value: number) => Math.round(value * 10_000) / 10_000

describe('readability formulas (reference values from the formulas\' published examples)', () => {
  it('Flesch reading ease: 1 sentence, 6 words, 6 syllables is 116.145', () => {
    assert.equal(places(fleschReadingEase(counts({words: 6, syllables: 6}))), 116.145)
  })
  it('Flesch reading ease: 1 sentence, 12 words, 23 syllables is 32.50499…', () => {
    assert.equal(places(fleschReadingEase(counts({words: 12, syllables: 23}))), 32.505)
  })
  it('Flesch–Kincaid grade: 1 sentence, 13 words, 26 syllables is 13.08', () => {
    assert.equal(places(fleschKincaidGrade(counts({words: 13, syllables: 26}))), 13.08)
  })
  it('Coleman–Liau: 5 sentences, 119 words, 639 letters is 14.53042…', () => {
    assert.equal(places(colemanLiau(counts({sentences: 5, words: 119, letters: 639}))), 14.5304)
  })
  it('SMOG: 4 polysyllables in 1 sentence is 14.554593…', () => {
    assert.equal(places(smogGrade({sentences: 1, polysyllables: 4})), 14.5546)
  })
  it('SMOG: no polysyllables is the formula\'s floor, 3.1291', () => {
    assert.equal(places(smogGrade({sentences: 12, polysyllables: 0})), 3.1291)
  })
  it('Gunning fog: 1 sentence, 13 words, 2 complex words is 11.35384…', () => {
    assert.equal(places(gunningFog(counts({words: 13, complexWords: 2}))), 11.3538)
  })
  it('automated readability index: 6 sentences, 151 words, 623 characters is 10.585982…', () => {
    assert.equal(places(automatedReadabilityIndex(counts({sentences: 6, words: 151, letters: 623}))), 10.586)
  })
  it('reading age is the US grade + 5', () => {
    assert.equal(readingAgeOf(6), 11)
    assert.equal(readingAgeOf(9.5), 14.5)
  })
  it('a SMOG grade of 13 is a reading age of 18 (retext-readability\'s square-root step would say 7)', () => {
    const scores = scoresOf({sentences: 30, words: 600, syllables: 900, polysyllables: 90, complexWords: 90, letters: 3000})!
    assert.equal(places(scores.smog), 13.0239)
    assert.equal(places(scores.readingAge), 18.0239)
    assert.equal(Math.ceil(Math.sqrt(scores.smog) + 2.5), 7, 'the step this project does not use')
  })
  it('has no scores without sentences or words', () => {
    assert.equal(scoresOf(counts({sentences: 0, words: 0})), undefined)
    assert.equal(scoresOf(counts({sentences: 1, words: 0})), undefined)
  })
})

describe('the score stage', () => {
  it('scores "The cat sat on the mat." by hand: 1 sentence, 6 words, 6 syllables, 17 letters', async () => {
    const file = await lintText('---\ntitle: Placeholder\n---\n\nThe cat sat on the mat.\n')
    const scores = file.data.readability!
    assert.deepEqual(
      [scores.sentences, scores.words, scores.syllables, scores.polysyllables, scores.complexWords, scores.letters],
      [1, 6, 6, 0, 0, 17]
    )
    assert.equal(places(scores.fleschReadingEase), 116.145)
    assert.equal(places(scores.smog), 3.1291)
    assert.equal(places(scores.readingAge), 8.1291)
  })

  it('counts prose only: not frontmatter, headings, code, inline code, HTML or URLs', async () => {
    const input = [
      '---',
      'title: Hospital tomorrow yesterday',
      '---',
      '',
      '# Understanding everything important',
      '',
      'Ask Dr. Smith about it. Mr. Jones agreed.',
      '',
      '- Keep moving',
      '- See https://www.nhs.uk/conditions/back-pain/ for more',
      '',
      '```',
      'hospital investigations tomorrow',
      '```',
      '',
      '<div>hospital tomorrow yesterday</div>',
      '',
      'Type `physiotherapy assessment` here.',
      '',
      'Bananas are important.',
      ''
    ].join('\n')
    const file = await lintText(input)
    // By hand: "Ask Dr. Smith about it." 5 words, 1+2+1+2+1 = 7 syllables ("Dr." is read
    // "doctor"), 3+2+5+5+2 = 17 letters; "Mr. Jones agreed." 3 words, 2+1+2 = 5 syllables, 13 letters; "Keep moving" 2 words, 3 syllables,
    // 10 letters; "See … for more" 3 words, 3 syllables, 10 letters; "Type here." 2 words,
    // 2 syllables, 8 letters; "Bananas are important." 3 words, 7 syllables, 19 letters, 2
    // polysyllables of which 1 ("important") is not capitalised.
    const scores = file.data.readability!
    assert.deepEqual(
      [scores.sentences, scores.words, scores.syllables, scores.polysyllables, scores.complexWords, scores.letters],
      [6, 18, 27, 2, 1, 77]
    )
    const expected = scoresOf({sentences: 6, words: 18, syllables: 27, polysyllables: 2, complexWords: 1, letters: 77})
    assert.deepEqual(scores, expected)
    assert.equal(places(scores.smog), places(1.043 * Math.sqrt(2 * 30 / 6) + 3.1291))
    assert.equal(scores.readingAge, scores.smog + 5)
  })

  it('keeps English abbreviations inside sentences, at their true positions', async () => {
    const file = await lintText('---\ntitle: Placeholder\n---\n\nAsk Dr. Smith about it. Mr. Jones agreed, e.g. today.\n')
    const sentences = file.data.sentences!
    assert.equal(sentences.length, 2)
    assert.deepEqual(sentences.map((sentence) => sentence.node.position?.start), [
      {line: 5, column: 1, offset: 28},
      {line: 5, column: 25, offset: 52}
    ])
    assert.equal(sentences[1]!.words, 5)
  })

  it('counts the text of a link but not a link that is only its address', async () => {
    const file = await lintText('---\ntitle: Placeholder\n---\n\nRead the [NHS website](https://www.nhs.uk) or <https://www.nhs.uk> now.\n')
    assert.equal(file.data.readability?.words, 6)
  })

  it('keeps headings in the prose tree (for word rules) but not in the scores', async () => {
    const file = await lintText('---\ntitle: Placeholder\n---\n\n## Seek help\n\nCall us.\n')
    assert.equal(file.data.readability?.sentences, 1)
    const paragraphs = file.data.prose!.children.filter((node) => node.type === 'ParagraphNode')
    assert.equal(paragraphs.length, 2)
  })

  it('records nothing for an article without prose', async () => {
    const file = await lintText('---\ntitle: Placeholder\n---\n\n```\nhospital tomorrow\n```\n')
    assert.equal(file.data.readability, undefined)
    assert.deepEqual(file.data.sentences, [])
  })

  it('records nothing for an empty body or an undecodable file', async () => {
    assert.equal((await lintText('---\ntitle: Placeholder\n---\n')).data.readability, undefined)
    assert.equal((await lintText(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))).data.readability, undefined)
  })
})
