// What an article's page needs from the run besides its own source (site.ts `PublishContext`):
// its dates, from the previous bundle's manifest; its other language versions; and whether it
// is published with an overdue-review notice. One function for the build's main thread and for
// the worker threads that render pages (pipeline/worker.ts), so a page is the same wherever it
// is rendered.
import type {VFile} from 'vfile'
import type {ResolvedConfig} from '../config/config.js'
import {policyDueOf} from '../rule-kit/review-due.js'
import {pathOf, slugOf} from '../pipeline/slugs.js'
import {datesOf} from './manifest.js'
import type {PreviousBundle} from './manifest.js'
import type {PublishContext} from './site.js'
import type {TranslationIndex} from './translations.js'
import '../pipeline/data.js'

export interface RunContext {
  previous: PreviousBundle | undefined
  translations: TranslationIndex
  now: string
}

/** The context of `file` (checked, with its frontmatter) in this run. */
export function publishContextOf(file: VFile, run: RunContext, reviewOverdue: boolean): PublishContext {
  const data = file.data.frontmatter?.data ?? {}
  const {slug} = slugOf(data, pathOf(file))
  const lastReviewed = typeof data.lastReviewed === 'string' ? data.lastReviewed : run.now
  return {...datesOf(run.previous, {slug, source: pathOf(file), contentHash: file.data.contentHash ?? '', lastReviewed}, run.now), reviewOverdue, translations: run.translations.get(slug) ?? []}
}

/** Whether the article's clinical review has passed at `now`: nextReview, or lastReviewed plus the policy's days. */
export function isOverdue(file: VFile, config: ResolvedConfig, now: string): boolean {
  const data = file.data.frontmatter?.data
  if (!data || typeof data.lastReviewed !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(data.lastReviewed)) return false
  const policyDue = policyDueOf(data.lastReviewed, config.settings.reviewIntervalDays)
  const nextReview = typeof data.nextReview === 'string' ? data.nextReview : undefined
  return policyDue < now || (nextReview !== undefined && nextReview < now)
}
