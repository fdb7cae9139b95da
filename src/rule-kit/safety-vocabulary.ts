// The heading lists the safety sections are read with: the built-in wordings, extended (never
// replaced) by the `headings` the config gives `require-red-flags` and `require-seek-review`.
// The rules and the build ask for them here, so both read an article with the same words.
import {extend} from './phrases.js'
import {defaultRedFlagHeadings, defaultSeekReviewHeadings} from './vocabulary.js'
import type {SectionVocabulary} from './recognise.js'

const vocabularies = new WeakMap<readonly string[], WeakMap<readonly string[], SectionVocabulary>>()

/** The vocabulary for the configured heading lists (the same object for the same lists). */
export function safetyVocabularyOf(redFlagHeadings: readonly string[] | undefined, seekReviewHeadings: readonly string[] | undefined): SectionVocabulary {
  const red = extend(defaultRedFlagHeadings, redFlagHeadings)
  const seek = extend(defaultSeekReviewHeadings, seekReviewHeadings)
  let bySeek = vocabularies.get(red)
  if (!bySeek) vocabularies.set(red, (bySeek = new WeakMap()))
  let vocabulary = bySeek.get(seek)
  if (!vocabulary) bySeek.set(seek, (vocabulary = {redFlagHeadings: red, seekReviewHeadings: seek}))
  return vocabulary
}
