// Which words count as familiar (hard-sentence): inflections, UK spellings, compounds, and the
// words patients know; and which terms the text explains.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {ParseEnglish} from 'parse-english'
import type {Sentence} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {familiarityOf} from '../../src/words/familiar.js'
import {explainedWords} from '../../src/words/explained.js'

const sentenceOf = (text: string) => (new ParseEnglish().parse(text).children[0] as {children: Array<{type: string}>}).children.find((node) => node.type === 'SentenceNode') as Sentence
const explained = (text: string) => [...explainedWords(sentenceOf(text))].map((word) => toString(word))

describe('familiar words', () => {
  it('count inflections as their base word', () => {
    for (const word of ['tests', 'weeks', 'tablets', 'took', 'children', 'stopped', 'making', 'easier', 'stiffness', 'worsens']) assert.equal(familiarityOf(word), 'everyday', word)
  })

  it('know the medicines and the everyday words of UK health care', () => {
    for (const word of ['paracetamol', 'ibuprofen', 'antibiotics', 'pharmacist', 'gp', 'a&e', 'physiotherapy', 'x-ray']) assert.equal(familiarityOf(word), 'everyday', word)
  })

  it('find compounds, negations and UK spellings', () => {
    for (const word of ['heartburn', 'wraparound', 'unexplained', 'long-term', 'behaviour', 'anaemia']) assert.equal(familiarityOf(word), 'everyday', word)
  })

  it('grade the rest by how common they are', () => {
    assert.equal(familiarityOf('appropriate'), 'known')
    assert.equal(familiarityOf('susceptible'), 'uncommon')
    for (const word of ['musculoskeletal', 'titrate', 'claudication', 'aetiology']) assert.equal(familiarityOf(word), 'rare', word)
    assert.equal(familiarityOf('titrate', new Set(['titrate'])), 'everyday', 'an allowed term')
  })
})

describe('explained terms', () => {
  it('are the term in brackets after a plain one, and the term before a plain explanation', () => {
    assert.deepEqual(explained('It is an infection of the middle ear (otitis media).').sort(), ['ear', 'media', 'middle', 'of', 'otitis', 'the'])
    assert.deepEqual(explained('Hypertension (high blood pressure) is common.'), ['high', 'blood', 'pressure', 'Hypertension'])
  })

  it('are named with "called" or "also known as"', () => {
    assert.deepEqual(explained('A nurse puts patches called electrodes on you.'), ['electrodes', 'on', 'you'])
    assert.deepEqual(explained('Conjunctivitis, also called pink eye, is common.').sort(), ['Conjunctivitis', 'eye', 'pink'])
  })

  it('are not the words before brackets that hold only an abbreviation', () => {
    assert.deepEqual(explained('Take proton pump inhibitors (PPIs) daily.'), ['PPIs'])
    assert.deepEqual(explained('No brackets here.'), [])
    assert.deepEqual(explained('An unclosed (bracket here.'), [])
  })
})
