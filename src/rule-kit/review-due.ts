// When an article's next clinical review is due: its `nextReview` when given, otherwise
// `lastReviewed` plus the review interval (review-date's `maxAgeDays`, a year by default). The
// review-date rule, the CI job summary, the schedule, the preview and the published bundles all
// work it out here, so they cannot disagree.
import {addDays, isIsoDate} from '../io/today.js'

/** A year: the review interval when the config sets none (review-date's default `maxAgeDays`). */
export const defaultReviewIntervalDays = 365

/** The date a review falls due by the policy alone: `lastReviewed` plus the interval. */
export function policyDueOf(lastReviewed: string, intervalDays: number): string {
  return addDays(lastReviewed, intervalDays)
}

/** The review due date as YYYY-MM-DD, or undefined when the frontmatter has no usable date. */
export function reviewDueOf(data: Record<string, unknown> | undefined, config: {settings: {reviewIntervalDays: number}}): string | undefined {
  if (!data) return undefined
  if (typeof data.nextReview === 'string' && isIsoDate(data.nextReview)) return data.nextReview
  if (typeof data.lastReviewed !== 'string' || !isIsoDate(data.lastReviewed)) return undefined
  return policyDueOf(data.lastReviewed, config.settings.reviewIntervalDays)
}
