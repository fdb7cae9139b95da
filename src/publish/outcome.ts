// What became of each article of a build, added to its summary: by the build as it goes, and by
// merge-bundles from the shards' records, so both summaries are made the same way.
import type {ArticleOutcome, BuildSummary} from './build.js'

/** Add what became of the article at `path` to `summary` (published and flagged are sorted at the end). */
export function recordOutcome(summary: BuildSummary, path: string, outcome: ArticleOutcome): void {
  if (outcome.status === 'published') summary.published.push(outcome.slug)
  else summary[outcome.status].push(path)
  if (outcome.status === 'published' && outcome.reviewOverdue) summary.flagged.push(outcome.slug)
  if (outcome.status === 'withheld' && outcome.reason === 'review-overdue') summary.overdue.push(path)
}
