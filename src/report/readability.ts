// How the reports show an article's readability: the scores as a fixed-order, rounded object
// (JSON), and a one-line summary (stylish). Both read only what the score stage and the
// readability rules stored on `file.data`.
import type {VFile} from 'vfile'
import type {ReadabilityScores} from '../pipeline/score.js'
import {readingAgeBand} from '../rule-kit/readability.js'
import {plural} from '../rule-kit/plural.js'

export interface ReadabilityReport extends ReadabilityScores {
  /** The reading-age band: the lower and higher of the Flesch–Kincaid and SMOG reading ages, in whole years. */
  readingAgeLow: number
  readingAgeHigh: number
  /** The `readability` rule's target reading age, when the rule ran. */
  targetAge?: number
  /** How many sentences the `hard-sentence` rule flagged, when it ran. */
  hardSentences?: number
}

/** The scores in a fixed key order, rounded to 2 decimals: the form every output uses. */
export function roundedScores(scores: ReadabilityScores): ReadabilityScores {
  return {
    sentences: scores.sentences,
    words: scores.words,
    syllables: scores.syllables,
    polysyllables: scores.polysyllables,
    complexWords: scores.complexWords,
    letters: scores.letters,
    fleschReadingEase: round(scores.fleschReadingEase),
    fleschKincaidGrade: round(scores.fleschKincaidGrade),
    smog: round(scores.smog),
    gunningFog: round(scores.gunningFog),
    colemanLiau: round(scores.colemanLiau),
    automatedReadabilityIndex: round(scores.automatedReadabilityIndex),
    readingAge: round(scores.readingAge)
  }
}

/** The readability object of the JSON report: the rounded scores and the rules' verdicts. */
export function readabilityReportOf(file: VFile): ReadabilityReport | undefined {
  const scores: ReadabilityScores | undefined = file.data.readability
  if (!scores) return undefined
  const band = readingAgeBand(scores)
  const report: ReadabilityReport = {...roundedScores(scores), readingAgeLow: band.low, readingAgeHigh: band.high}
  if (file.data.readabilityTarget !== undefined) report.targetAge = file.data.readabilityTarget
  if (file.data.hardSentences) report.hardSentences = file.data.hardSentences.length
  return report
}

/**
 * "reading age 12–14 (Flesch–Kincaid 7.1, SMOG 9.0), aim 9 to 11; 3 of 41 sentences hard", or
 * undefined without prose.
 */
export function readabilitySummaryOf(file: VFile): string | undefined {
  const scores = file.data.readability
  if (!scores) return undefined
  const target = file.data.readabilityTarget
  const hard = file.data.hardSentences
  const band = readingAgeBand(scores)
  const ages = band.low === band.high ? String(band.low) : `${band.low}–${band.high}`
  const age = `reading age ${ages} (Flesch–Kincaid ${scores.fleschKincaidGrade.toFixed(1)}, SMOG ${scores.smog.toFixed(1)})${target === undefined ? '' : `, aim 9 to ${target}`}`
  const sentences = hard ? `${hard.length} of ${scores.sentences} sentences hard` : `${plural(scores.sentences, 'sentence')}`
  return `${age}; ${sentences}`
}

function round(value: number): number {
  // `+ 0` turns -0 into 0, so the output never shows "-0".
  return Math.round(value * 100) / 100 + 0
}
