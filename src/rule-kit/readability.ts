// Readability formulas, from counts: the published formulas, applied to the counts of the
// article's whole prose (the score stage), and the reading-age band the readability rule and
// the reports give. They are document measures: no formula judges a single sentence here (the
// hard-sentence rule judges length and words, see src/words/difficulty.ts).

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

/** The instruments of the reading-age band, by name as messages give them. */
export interface ReadingAgeBand {
  /** The lower and upper reading age of the band, in whole years. */
  low: number
  high: number
  /** Each instrument's reading age (US grade + 5), unrounded, lowest first. */
  instruments: Array<{name: string; grade: number; age: number}>
}

/**
 * The reading-age band of a text: the reading ages that Flesch–Kincaid and SMOG give it, in
 * whole years. Both are published, widely used and validated for health information; where they
 * disagree the band shows by how much, instead of one number that hides it (SMOG counts every
 * long word, so a few medicine names raise it; Flesch–Kincaid weighs sentence length).
 */
export function readingAgeBand(scores: {fleschKincaidGrade: number; smog: number}): ReadingAgeBand {
  const instruments = [
    {name: 'Flesch–Kincaid', grade: scores.fleschKincaidGrade, age: readingAgeOf(scores.fleschKincaidGrade)},
    {name: 'SMOG', grade: scores.smog, age: readingAgeOf(scores.smog)}
  ].sort((a, b) => a.age - b.age)
  return {low: Math.round(instruments[0]!.age), high: Math.round(instruments.at(-1)!.age), instruments}
}
