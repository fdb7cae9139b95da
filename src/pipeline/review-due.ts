// When an article's next clinical review is due: its `nextReview`, or `lastReviewed` plus the
// `review-date` rule's `maxAgeDays` (365 by default). One definition, shared by the review
// schedule and anything else that plans reviews, so they can never disagree.
import type {ResolvedConfig} from '../config.js'
import {addDays, isIsoDate} from '../today.js'

export const defaultMaxAgeDays = 365

/** The due date as YYYY-MM-DD, or undefined when the frontmatter gives no usable date. */
export function reviewDueOf(data: Record<string, unknown> | undefined, config: ResolvedConfig): string | undefined {
  if (!data) return undefined
  const {nextReview, lastReviewed} = data
  if (typeof nextReview === 'string' && isIsoDate(nextReview)) return nextReview
  if (typeof lastReviewed !== 'string' || !isIsoDate(lastReviewed)) return undefined
  const configured = config.rules['review-date']?.options.maxAgeDays
  const maxAgeDays = typeof configured === 'number' && Number.isInteger(configured) && configured > 0 ? configured : defaultMaxAgeDays
  return addDays(lastReviewed, maxAgeDays)
}
