// Syllable counts: numbers as read aloud, acronyms as spelled, the CMU pronouncing dictionary
// through its table (UK spellings found under their American form), the medical lexicon, and the
// fallback; and the committed word tables are what their generator makes.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {syllable} from 'syllable'
import {countSyllables} from '../../src/words/syllables.js'
import {americanSpelling} from '../../src/words/spelling.js'
import {frequentWordsPath, frequentWordsText, syllableTablePath, syllableTableText} from '../../src/words/tables.js'
import {syllablesOfWords} from '../../src/pipeline/score.js'

const counts = (words: string[]) => words.map((word) => countSyllables(word))

describe('syllables', () => {
  it('come from the pronouncing dictionary where the syllable package is wrong', () => {
    // The examples: syllable says diabetes 3, anxiety 3, pancreas 2, area 2, fluid 1, large 2, plaque 2, checked 2.
    assert.deepEqual(counts(['diabetes', 'anxiety', 'pancreas', 'area', 'fluid', 'large', 'plaque', 'checked']), [4, 4, 3, 3, 2, 1, 1, 1])
  })

  it('take the full form a dictionary divides, and the British one for "our" and "ire"', () => {
    assert.deepEqual(counts(['usually', 'family', 'several', 'temperature', 'especially']), [4, 3, 3, 4, 4])
    assert.deepEqual(counts(['our', 'hour', 'hours', 'fire']), [1, 1, 1, 1])
    assert.deepEqual(counts(['us', 'aged']), [1, 1], 'not their spelled or adjective forms')
  })

  it('find UK spellings under their American form', () => {
    assert.equal(americanSpelling('anaemia'), 'anemia')
    assert.equal(americanSpelling('oesophagus'), 'esophagus')
    assert.equal(americanSpelling('centre'), 'center')
    assert.equal(americanSpelling('tumours'), 'tumors')
    assert.deepEqual(counts(['haemorrhage', 'centre', 'litre', 'behaviour', 'oedema', 'colour']), [3, 2, 2, 3, 3, 2])
  })

  it('count the medical words the dictionary lacks by hand', () => {
    assert.deepEqual(counts(['paracetamol', 'physiotherapy', 'musculoskeletal', 'co-codamol', 'gastroenteritis']), [5, 6, 6, 4, 6])
    assert.notEqual(syllable('gastroenteritis'), 6, 'the fallback alone would be wrong')
  })

  it('read numbers aloud', () => {
    assert.deepEqual(counts(['16', '16.', '7', '11', '100', '120', '1,000', '3,500', '2.5', '0.5', '2025', '2005']), [2, 2, 2, 3, 3, 6, 3, 6, 3, 3, 5, 5])
    assert.deepEqual(counts(['111', '999', '01632']), [3, 3, 5], 'phone numbers digit by digit')
    assert.deepEqual(counts(['1st', '2nd', '16th', '20th', '9.30am', '12.30pm', '8pm', '1-3']), [1, 2, 2, 3, 5, 5, 3, 3])
    assert.deepEqual(syllablesOfWords(['call', '01632', '960', '123']), [1, 5, 3, 3], 'the groups after a phone number\'s first')
  })

  it('spell acronyms, unless they are read as words', () => {
    assert.deepEqual(counts(['GP', 'GPs', 'NHS', 'A&E', 'COPD', 'HIV', 'EXT1', 'W']), [2, 2, 3, 3, 4, 3, 4, 3])
    assert.deepEqual(counts(['AIDS', 'COVID', 'NICE']), [1, 2, 1])
    assert.deepEqual(counts(['AccessGP', 'non-AE']), [4, 3])
  })

  it('read abbreviations as they are said', () => {
    assert.deepEqual(counts(['Dr', 'Dr.', 'vs.', 'approx.', 'ml', 'mg', 'e.g.', 'i.e.']), [2, 2, 2, 5, 4, 3, 2, 2])
    assert.equal(countSyllables('no'), 1, 'a word that is also an abbreviation keeps its reading')
  })

  it('never fail on odd words', () => {
    for (const word of ['', '.', "'", '—', '£5', '24/7', '%', 'x'.repeat(500), '9'.repeat(40), 'Ωμέγα']) assert.ok(Number.isInteger(countSyllables(word)))
  })
})

describe('the word tables', () => {
  it('are what the generator makes from the dictionary and the frequency list (node build/src/words/tables.js --write)', async () => {
    assert.equal(readFileSync(syllableTablePath, 'utf8'), await syllableTableText())
    assert.equal(readFileSync(frequentWordsPath, 'utf8'), await frequentWordsText())
  })
})
