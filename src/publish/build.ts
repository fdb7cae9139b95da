// Publishing: lint every article, then write a bundle of those without errors and swap it in
// atomically. Articles stream through one at a time (lint → render → write), so memory holds
// only the index entries, never all the articles. The cache may say which articles pass, but
// what is published (pages, JSON, the paths they are written to) is always rendered from the
// article's source (pipeline/publish.ts): nothing read from the cache is written into a bundle.
import {resolve} from 'node:path'
import type {VFile} from 'vfile'
import {createLinter} from '../pipeline/lint.js'
import type {LintOptions} from '../pipeline/lint.js'
import {expandPaths} from '../io/files.js'
import {pathOf, readRunIndex} from '../pipeline/slugs.js'
import {indexOf, isDraft, toJsonText} from './bundle.js'
import type {BundleIndexEntry} from './bundle.js'
import {renderArticle} from './render.js'
import {OutputError, openStaging} from './staging.js'
import {compareMessages} from '../pipeline/finish.js'
import {withoutStack} from '../rule-kit/rule.js'

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

export {publishRuleId} from './render.js'

/**
 * Build the bundle for `inputs` into `options.out`. Throws MissingPathError (bad input) or
 * OutputError (an output directory that cannot be replaced) before anything is written; on any
 * failure the previous bundle stays in place.
 */
export async function build(inputs: string[], options: BuildOptions): Promise<BuildSummary> {
  const paths = await expandPaths(inputs, options.cwd)
  const {slugs, hashes} = await readRunIndex(paths, options.cwd, options.config.limits)
  const linter = createLinter({...options, slugs, hashes})
  const staging = await openStaging(resolve(options.cwd, options.out), {root: options.cwd}).catch((error: unknown) => {
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
    await staging.write('index.json', toJsonText(indexOf(entries, options.config.safetyOverrides), 2) + '\n')
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
    const result = await renderArticle(file, options.cwd, options.config)
    if (!result.ok) {
      const message = withoutStack(() => file.message(result.reason, {place: result.place ?? {line: 1, column: 1}, ruleId: result.ruleId, source: 'healthlint'}))
      message.fatal = true
      // A limit's error links to its rule's documentation; publishing's own messages have none.
      const url = options.config.ruleSet.get(result.ruleId)?.url
      if (url !== undefined) message.url = url
      file.messages.sort(compareMessages)
      return {status: 'withheld'}
    }
    const {slug, page, article, entry} = result.value
    await staging.write(entry.files.html, page)
    await staging.write(entry.files.json, toJsonText(article, 2) + '\n')
    entries.push(detached(entry))
    return {status: 'published', slug}
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
