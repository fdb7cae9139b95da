// Publishing: lint every article, then write a bundle of those without errors and swap it in
// atomically. Articles stream through one at a time (lint → render → write), so memory holds
// only the index entries and the search index (publish/bundle-writer.ts), never all the articles. The cache may say which articles pass, but
// what is published (pages, JSON, the paths they are written to) is always rendered from the
// article's source (pipeline/publish.ts): nothing read from the cache is written into a bundle.
import {resolve} from 'node:path'
import type {VFile} from 'vfile'
import {createLinter} from '../pipeline/lint.js'
import type {LintOptions} from '../pipeline/lint.js'
import {expandPaths} from '../io/files.js'
import {pathOf, readRunIndex} from '../pipeline/slugs.js'
import {isDraft, toJsonText} from './bundle.js'
import {renderArticle} from './render.js'
import {asOutputError, openStaging, shardRecordName} from './staging.js'
import {compareMessages} from '../pipeline/finish.js'
import {withoutStack} from '../rule-kit/rule.js'
import {createBundleWriter} from './bundle-writer.js'
import {projectPrevious, readPreviousBundle} from './manifest.js'
import {readTranslations} from './translations.js'
import type {Tombstone} from './tombstones.js'
import {pathsOfShard} from '../pipeline/shard.js'
import type {Shard} from '../pipeline/shard.js'
import {shardRunOf} from '../pipeline/shard-run.js'
import type {ShardRun} from '../pipeline/shard-run.js'
import {shardRecordOf} from './shard-bundle.js'
import type {ShardOutcome} from './shard-bundle.js'
import {countsOf} from '../report/messages.js'
import {recordOutcome} from './outcome.js'

export interface BuildOptions extends LintOptions {
  /** The output directory, relative to cwd. */
  out: string
  /** The previous bundle to compare with (relative to cwd; default `out`). */
  previous?: string
  /** Told why the previous bundle could not be compared with. */
  onNote?: (note: string) => void
  /** Told about each article as soon as its fate is known, in input order. */
  onArticle?: (file: VFile, outcome: ArticleOutcome) => void
  /**
   * Build only the articles of this shard (`build --shard i/n`): their two files each, and,
   * instead of the site files, `healthlint-shard.json` with what merge-bundles makes them from.
   */
  shard?: Shard
  /** With `shard`: the articles whose messages count for the exit code (`--changed`; default all). */
  reported?: ReadonlySet<string>
  /** Told the run's articles before any is checked: all of them, those this build checks, and the shard's run. */
  onRun?: (run: RunArticles) => void
}

export interface RunArticles {
  /** Every article of the run, in order. */
  paths: readonly string[]
  /** The articles this build checks: all of them, or the shard's. */
  selected: readonly string[]
  /** With a shard: what makes its output part of the run (pipeline/shard.ts). */
  shardRun?: ShardRun
}

export type ArticleOutcome =
  | {status: 'published'; slug: string; reviewOverdue?: true}
  /** The article has errors (its messages say which); nothing of it is published. */
  | {status: 'withheld'; reason?: 'review-overdue'}
  /** A draft (`status: draft`): checked, but not published, whether or not it has errors. */
  | {status: 'skipped'}

export interface BuildSummary {
  /** The output directory, as given. */
  out: string
  /** Slugs published, sorted. */
  published: string[]
  /** Paths of articles withheld for errors, in input order. */
  withheld: string[]
  /** Paths of drafts, in input order. */
  skipped: string[]
  /** Of `withheld`, those whose only errors are an overdue review (publish.overdue: withhold). */
  overdue: string[]
  /** Of `published`, those published with an overdue notice (publish.overdue: flag), sorted. */
  flagged: string[]
  /** What index.json lists as no longer published. */
  tombstones: Tombstone[]
}

export {publishRuleId} from './render.js'

/**
 * Build the bundle for `inputs` into `options.out`. Throws MissingPathError (bad input) or
 * OutputError (an output directory that cannot be replaced) before anything is written; on any
 * failure the previous bundle stays in place.
 */
export async function build(inputs: string[], options: BuildOptions): Promise<BuildSummary> {
  const paths = await expandPaths(inputs, options.cwd)
  const {slugs, hashes} = await readRunIndex(paths, options.cwd, options.config.limits)
  const {shard} = options
  // A shard checks its own articles, but knows every article's slug and place in the run.
  const selected = shard ? pathsOfShard(paths, slugs, shard) : paths
  const shardRun = shard ? shardRunOf({command: 'build', config: options.config, now: options.now, paths, hashes, slugs, shard}) : undefined
  options.onRun?.({paths, selected, ...(shardRun ? {shardRun} : {})})
  const positions = new Map(paths.map((path, index) => [path, index]))
  const outcomes: ShardOutcome[] = []
  const staging = await openStaging(resolve(options.cwd, options.out), {root: options.cwd}).catch((error: unknown) => {
    throw asOutputError(error, options.out)
  })
  const summary: BuildSummary = {out: options.out, published: [], withheld: [], skipped: [], overdue: [], flagged: [], tombstones: []}
  const previous = await readPreviousBundle(resolve(options.cwd, options.previous ?? options.out), (note) => options.onNote?.(note))
  const translations = await readTranslations(paths, slugs, options.cwd, options.config.limits, options.config.site)
  const writer = createBundleWriter({config: options.config, now: options.now, previous, translations, write: (path, content) => staging.write(path, content), positionOf: (file) => positions.get(pathOf(file))!})
  // With workers, they render each page as they analyse it (or, for a cached article, from its
  // bytes read again), so this thread reads, decides and writes.
  const linter = createLinter({...options, slugs, hashes, render: {previous, translations}})
  try {
    for await (const file of linter.lintFiles(selected)) {
      const outcome = await publish(file)
      recordOutcome(summary, pathOf(file), outcome)
      if (shardRun) outcomes.push({position: positions.get(pathOf(file))!, path: pathOf(file), outcome, counts: !options.reported || options.reported.has(pathOf(file)) ? countsOf(file) : null})
      options.onArticle?.(file, outcome)
    }
    if (shardRun) {
      // The site files need every shard's articles: merge-bundles makes them from these records.
      await staging.write(shardRecordName, shardRecordOf({run: shardRun, previous: previous ? projectPrevious(previous) : null, parts: writer.parts(), outcomes}))
    } else {
      summary.tombstones = (await writer.finish()).tombstones
    }
    await linter.flush()
    await staging.commit()
  } catch (error) {
    await staging.discard()
    throw asOutputError(error, options.out)
  }
  summary.published.sort()
  summary.flagged.sort()
  return summary

  async function publish(file: VFile): Promise<ArticleOutcome> {
    const ahead = file.data.preRendered
    delete file.data.preRendered
    if (isDraft(file)) return {status: 'skipped'}
    // An overdue review is the one error `publish.overdue` may let through, with a notice.
    const overdue = writer.onlyOverdue(file)
    if (file.messages.some((message) => message.fatal === true) && !(overdue && options.config.site.overdue === 'flag')) {
      writer.withheld(file, overdue ? 'review-overdue' : 'errors')
      return overdue ? {status: 'withheld', reason: 'review-overdue'} : {status: 'withheld'}
    }
    // Rendered ahead on a worker for the same context, unless it guessed the notice differently
    // (a review-date rule set to warn, say): then rendered here.
    const result = ahead?.reviewOverdue === overdue ? ahead.result : await renderArticle(file, options.cwd, options.config, writer.contextFor(file, overdue))
    if (!result.ok) {
      const message = withoutStack(() => file.message(result.reason, {place: result.place ?? {line: 1, column: 1}, ruleId: result.ruleId, source: 'healthlint'}))
      message.fatal = true
      // A limit's error links to its rule's documentation; publishing's own messages have none.
      const url = options.config.ruleSet.get(result.ruleId)?.url
      if (url !== undefined) message.url = url
      file.messages.sort(compareMessages)
      writer.withheld(file, 'errors')
      return {status: 'withheld'}
    }
    const {slug, page, article, entry} = result.value
    await writer.write(entry.files.html, page)
    await writer.write(entry.files.json, toJsonText(article, 2) + '\n')
    writer.published(file, result.value)
    return overdue ? {status: 'published', slug, reviewOverdue: true} : {status: 'published', slug}
  }
}
