// Readability formulas, from counts. Two uses:
//
// - document scores (the score stage): the published formulas, applied to the counts of the
//   article's whole prose;
// - the per-sentence judgement of retext-readability (the hard-sentence rule), reimplemented
//   with the same counts, ages and quirks so the verdicts are identical, but reading the word
//   lists through Sets and the counts the score stage already made (no second walk or parse).
//   `test/readability-parity.test.ts` compares the verdicts with retext-readability's own.

/** What the formulas count. `letters` are letters and digits (Coleman–Liau, ARI). */
export interface Counts {
  sentences: number
  words: number
  syllables: number
  /** Words of three or more syllables (SMOG). */
  polysyllables: number
  /** Polysyllables that do not start with a capital letter (Gunning fog). */
  complexWords: number
  letters: number
}

/** Flesch reading ease: 0 (very hard) to about 120 (very easy). */
export function fleschReadingEase(counts: Counts): number {
  return 206.835 - 1.015 * (counts.words / counts.sentences) - 84.6 * (counts.syllables / counts.words)
}

/** Flesch–Kincaid grade level (a US school grade). */
export function fleschKincaidGrade(counts: Counts): number {
  return 0.39 * (counts.words / counts.sentences) + 11.8 * (counts.syllables / counts.words) - 15.59
}

/** SMOG grade (McLaughlin 1969): polysyllables scaled to a 30-sentence sample. */
export function smogGrade(counts: Pick<Counts, 'sentences' | 'polysyllables'>): number {
  return 1.043 * Math.sqrt(counts.polysyllables * (30 / counts.sentences)) + 3.1291
}

/** Gunning fog index (a US school grade). */
export function gunningFog(counts: Counts): number {
  return 0.4 * (counts.words / counts.sentences + 100 * (counts.complexWords / counts.words))
}

/** Coleman–Liau index (a US school grade), from letters per 100 words and sentences per 100 words. */
export function colemanLiau(counts: Counts): number {
  return 0.0588 * ((counts.letters / counts.words) * 100) - 0.296 * ((counts.sentences / counts.words) * 100) - 15.8
}

/** Automated readability index (a US school grade), from characters (letters and digits) per word. */
export function automatedReadabilityIndex(counts: Counts): number {
  return 4.71 * (counts.letters / counts.words) + 0.5 * (counts.words / counts.sentences) - 21.43
}

/** UK reading age from a US school grade: children start US grade 1 aged about 6. */
export function readingAgeOf(grade: number): number {
  return grade + 5
}

/** The counts retext-readability takes from one sentence. */
export interface SentenceCounts {
  words: number
  syllables: number
  polysyllables: number
  complexWords: number
  /** Characters of the words as written, punctuation inside words included (retext's `letter`). */
  characters: number
  /** Distinct words on the Dale–Chall list of easy words. */
  daleChallWords: number
  /** Distinct words on the Spache list of familiar words. */
  spacheWords: number
}

/**
 * retext-readability's seven ages for one sentence: automated readability, Coleman–Liau,
 * Dale–Chall, Flesch, Gunning fog, SMOG and Spache, each turned into an age its own way
 * (including its SMOG step, which is only used here, for parity). NaN where its formula
 * package would give NaN (no syllables for Flesch); NaN is never above a target.
 */
export function sentenceAges(counts: SentenceCounts): number[] {
  const {words} = counts
  const perSentence = words // sentence count is 1
  const difficult = words - counts.daleChallWords
  const unfamiliar = words - counts.spacheWords
  const ari = 4.71 * (counts.characters / words) + 0.5 * perSentence - 21.43
  const cl = 0.0588 * ((counts.characters / words) * 100) - 0.296 * ((1 / words) * 100) - 15.8
  const share = difficult / words
  const daleChall = 0.1579 * share * 100 + 0.0496 * perSentence + (share > 0.05 ? 3.6365 : 0)
  const flesch = counts.syllables === 0 ? Number.NaN : 206.835 - 1.015 * perSentence - 84.6 * (counts.syllables / words)
  const fog = 0.4 * (perSentence + 100 * (counts.complexWords / words))
  const smog = 3.1291 + 1.043 * Math.sqrt(counts.polysyllables * 30)
  const spache = 0.659 + 0.121 * perSentence + ((0.082 * unfamiliar) / words) * 100
  return [
    gradeToAge(ari),
    gradeToAge(cl),
    gradeToAge(daleChallGrade(daleChall)),
    20 - Math.floor(flesch / 10),
    gradeToAge(fog),
    Math.ceil(Math.sqrt(smog) + 2.5),
    gradeToAge(spache)
  ]
}

export interface HardnessOptions {
  /** Target reading age. */
  age: number
  /** Sentences with fewer words are never judged (one long word skews a short sentence). */
  minWords: number
}

/** How many of the seven formulas put the sentence above `age` (0 when it is too short to judge). */
export function formulasAbove(counts: SentenceCounts, ages: readonly number[], options: HardnessOptions): number {
  if (counts.words < options.minWords) return 0
  let above = 0
  for (const age of ages) if (age > options.age) above++
  return above
}

function gradeToAge(grade: number): number {
  return Math.round(grade + 5)
}

/** The upper grade of the Dale–Chall score band (dale-chall-formula's `daleChallGradeLevel`). */
function daleChallGrade(score: number): number {
  const floored = Math.min(Math.max(Math.floor(score), 4), 10)
  return [4, 6, 8, 10, 12, 15, Number.POSITIVE_INFINITY][floored - 4] ?? Number.NaN
}
