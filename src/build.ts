// Publishing: lint every article, then write a bundle of those without errors and swap it in
// atomically. Articles stream through one at a time (lint → emit → write), so memory holds only
// the index entries, never all the articles. The linter works out each publishable article's
// output as it checks it (`emit: true`), so the output is cached with the article's facts.
import {resolve} from 'node:path'
import type {VFile} from 'vfile'
import {createLinter} from './lint.js'
import type {LintOptions} from './lint.js'
import {expandPaths} from './files.js'
import {pathOf, readRunIndex} from './pipeline/slugs.js'
import {indexOf, isDraft, toJsonText} from './pipeline/bundle.js'
import type {BundleIndexEntry} from './pipeline/emit.js'
import type {EmittedFacts} from './pipeline/facts.js'
import {OutputError, openStaging} from './output.js'
import {compareMessages} from './pipeline/finish.js'
import {docsBase, withoutStack} from './rule.js'

export interface BuildOptions extends LintOptions {
  /** The output directory, relative to cwd. */
  out: string
  /** Told about each article as soon as its fate is known, in input order. */
  onArticle?: (file: VFile, outcome: ArticleOutcome) => void
}

export type ArticleOutcome =
  | {status: 'published'; slug: string}
  /** The article has errors (its messages say which); nothing of it is published. */
  | {status: 'withheld'}
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
}

/** Rule id of the messages publishing itself adds (metadata or body it cannot turn into a page). */
export const publishRuleId = 'publish'

/**
 * Build the bundle for `inputs` into `options.out`. Throws MissingPathError (bad input) or
 * OutputError (an output directory that cannot be replaced) before anything is written; on any
 * failure the previous bundle stays in place.
 */
export async function build(inputs: string[], options: BuildOptions): Promise<BuildSummary> {
  const paths = await expandPaths(inputs, options.cwd)
  const {slugs, hashes} = await readRunIndex(paths, options.cwd, options.config.limits)
  const linter = createLinter({...options, slugs, hashes, emit: true})
  const staging = await openStaging(resolve(options.cwd, options.out)).catch((error: unknown) => {
    throw asOutputError(error, options.out)
  })
  const summary: BuildSummary = {out: options.out, published: [], withheld: [], skipped: []}
  const entries: BundleIndexEntry[] = []
  try {
    for await (const file of linter.lintFiles(paths)) {
      const outcome = await publish(file)
      if (outcome.status === 'published') summary.published.push(outcome.slug)
      else summary[outcome.status].push(pathOf(file))
      options.onArticle?.(file, outcome)
    }
    await staging.write('index.json', toJsonText(indexOf(entries), 2) + '\n')
    await linter.flush()
    await staging.commit()
  } catch (error) {
    await staging.discard()
    throw asOutputError(error, options.out)
  }
  summary.published.sort()
  return summary

  async function publish(file: VFile): Promise<ArticleOutcome> {
    if (isDraft(file)) return {status: 'skipped'}
    if (file.messages.some((message) => message.fatal === true)) return {status: 'withheld'}
    const result = file.data.emitted ?? (await emitNow(file))
    if (!result.ok) {
      const ruleId = result.ruleId ?? publishRuleId
      const message = withoutStack(() => file.message(result.reason, {place: result.place ?? {line: 1, column: 1}, ruleId, source: 'healthlint'}))
      message.fatal = true
      if (result.ruleId) message.url = docsBase + result.ruleId
      file.messages.sort(compareMessages)
      return {status: 'withheld'}
    }
    await staging.write(result.entry.files.html, result.page)
    await staging.write(result.entry.files.json, result.json)
    entries.push(detached(result.entry))
    return {status: 'published', slug: result.slug}
  }

  // The linter emits every article that may be published; this covers one it did not expect to.
  async function emitNow(file: VFile): Promise<EmittedFacts> {
    const {emitWithinBudget, emittedFactsOf} = await import('./pipeline/emit.js')
    return emittedFactsOf(emitWithinBudget(file, options.config))
  }
}

/**
 * A copy of an index entry that holds only its own strings. Values parsed out of an article are
 * often slices of its whole text, which keep that text alive: kept for every article in a run,
 * they made memory grow with the number of articles.
 */
function detached(entry: BundleIndexEntry): BundleIndexEntry {
  return JSON.parse(JSON.stringify(entry)) as BundleIndexEntry
}

/** A file system error while writing the bundle becomes a plain message (the CLI exits 2). */
function asOutputError(error: unknown, out: string): unknown {
  if (error instanceof Error && 'syscall' in error && !(error instanceof OutputError)) {
    return new OutputError(`Could not write the bundle to ${out}: ${error.message}. The previous bundle, if any, is unchanged.`)
  }
  return error
}
