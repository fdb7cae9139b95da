// When an article's next clinical review is due: its `nextReview` when given, otherwise
// `lastReviewed` plus the review-date rule's `maxAgeDays` (a year by default). The CI job
// summary and the published bundles both show this date, so it is computed in one place.
import type {ResolvedConfig} from '../config/config.js'
import {addDays, isIsoDate} from '../io/today.js'

export const defaultMaxAgeDays = 365

/** The review due date as YYYY-MM-DD, or undefined when the frontmatter has no usable date. */
export function reviewDueOf(data: Record<string, unknown> | undefined, config: Pick<ResolvedConfig, 'rules'>): string | undefined {
  if (!data) return undefined
  if (typeof data.nextReview === 'string' && isIsoDate(data.nextReview)) return data.nextReview
  if (typeof data.lastReviewed !== 'string' || !isIsoDate(data.lastReviewed)) return undefined
  const configured = config.rules['review-date']?.options.maxAgeDays
  const maxAgeDays = typeof configured === 'number' && Number.isInteger(configured) && configured > 0 ? configured : defaultMaxAgeDays
  return addDays(data.lastReviewed, maxAgeDays)
}
