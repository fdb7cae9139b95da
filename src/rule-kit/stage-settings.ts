// What the rules' options tell the stages after the rules: the review interval the bundle, the
// reports and the schedule show; the extra section headings the build reads safety sections
// with; the labels the check stage reads the page's review lines with. A rule says what it
// provides in its metadata (`provides`), and config resolution gathers it here once, so no
// stage reads another rule's options by its id.
import type {ReviewLabels} from './review-lines.js'
import {defaultReviewIntervalDays} from './review-due.js'

export interface StageSettings {
  /** Days after `lastReviewed` when a clinical review falls due (review-date's `maxAgeDays`). */
  reviewIntervalDays: number
  /** Headings the config adds to the built-in red-flags headings (require-red-flags). */
  redFlagHeadings: readonly string[] | undefined
  /** Headings the config adds to the built-in seek-review headings (require-seek-review). */
  seekReviewHeadings: readonly string[] | undefined
  /** The wordings the page's review lines are read with (require-reviewer). */
  reviewLabels: ReviewLabels | undefined
}

/**
 * The settings from what each rule provides, in rule order: the first rule to provide a setting
 * decides it (built-in rules come first, so a plugin cannot change a built-in rule's policy), and
 * a value of the wrong shape is ignored, as if no rule gave it.
 */
export function settingsOf(provided: ReadonlyArray<Partial<StageSettings>>): StageSettings {
  const first = <K extends keyof StageSettings>(key: K, valid: (value: unknown) => boolean): StageSettings[K] | undefined =>
    provided.map((part) => part[key]).find((value) => value !== undefined && valid(value))
  const isDays = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value > 0
  const isWords = (value: unknown) => Array.isArray(value) && value.every((item) => typeof item === 'string')
  return {
    reviewIntervalDays: first('reviewIntervalDays', isDays) ?? defaultReviewIntervalDays,
    redFlagHeadings: first('redFlagHeadings', isWords),
    seekReviewHeadings: first('seekReviewHeadings', isWords),
    reviewLabels: first('reviewLabels', (value) => typeof value === 'object' && value !== null)
  }
}
