// `healthlint lint`: report every article as it finishes, then the totals and the exit code.
import {appendFile} from 'node:fs/promises'
import {resolve} from 'node:path'
import {selectChanged} from '../io/changed.js'
import {lint} from '../pipeline/lint.js'
import {addToTotals, emptyTotals} from '../report/messages.js'
import {reporters} from '../report/index.js'
import {createSummary} from '../report/summary.js'
import {cacheKeyOf, defaultSecretDirectory, openCache} from '../io/cache.js'
import type {ArticleCache} from '../io/cache.js'
import type {CliEnvironment, CommonOptions} from './main.js'
import {exitCodes} from './main.js'
import type {VFile} from 'vfile'
import {plural} from '../rule-kit/plural.js'

export async function runLint(environment: CliEnvironment, options: CommonOptions): Promise<number> {
  const paths = options.changed ? await changedPaths(environment, options) : options.paths
  if (options.fix && paths.length > 0) await (await import('./fix.js')).fixArticles(environment, options, paths)
  const reporter = countingReporter(environment, options)
  const {totals} = reporter
  const summary = options.summary ? createSummary(options.config, environment.cwd) : undefined
  const cache = cacheFor(environment, options)
  for await (const file of lint(paths, {cwd: environment.cwd, config: options.config, now: options.now, ...(cache ? {cache} : {}), ...(options.changed ? {slugScope: options.paths} : {})})) {
    reporter.file(file)
    summary?.file(file)
  }
  reporter.end()
  if (summary && options.summary) {
    try {
      await appendFile(resolve(environment.cwd, options.summary), summary.format(totals))
    } catch (error) {
      environment.stderr.write(`healthlint: cannot write the summary to ${options.summary}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.\n`)
      return exitCodes.usage
    }
  }
  return exitCodeFor(totals, options.maxWarnings)
}

/** The articles to lint under --changed, with a line on stderr saying what was chosen and why. */
export async function changedPaths(environment: CliEnvironment, options: CommonOptions): Promise<string[]> {
  const selection = await selectChanged({
    inputs: options.paths,
    cwd: environment.cwd,
    ref: options.changed?.ref,
    configPath: options.config.source,
    dataPaths: options.config.dataFiles,
    env: environment.env
  })
  const since = `since ${selection.ref} (merge base ${selection.base.slice(0, 12)})`
  environment.stderr.write(
    selection.all
      ? `healthlint: ${selection.trigger} changed ${since}, so every article is checked.\n`
      : `healthlint: ${plural(selection.paths.length, 'changed article')} ${since}.\n`
  )
  return selection.paths
}

/** The chosen report format, fed each finished article, keeping the totals for the exit code. */
export function countingReporter(environment: CliEnvironment, options: CommonOptions) {
  const totals = emptyTotals()
  const reporter = reporters[options.format]!({
    write: (chunk) => environment.stdout.write(chunk),
    quiet: options.quiet,
    color: options.color,
    cwd: environment.cwd,
    env: environment.env,
    rules: options.config.ruleSet,
    config: options.config
  })
  return {
    totals,
    file(file: VFile) {
      addToTotals(totals, file)
      reporter.file(file)
    },
    end() {
      reporter.end(totals)
    }
  }
}

export function exitCodeFor(totals: {errors: number; warnings: number}, maxWarnings: number | undefined): number {
  if (totals.errors > 0) return exitCodes.problems
  if (maxWarnings !== undefined && totals.warnings > maxWarnings) return exitCodes.problems
  return exitCodes.ok
}

/**
 * The content-hash cache for this run, or undefined with --no-cache. Its secret lives in the
 * working directory's node_modules/.cache/healthlint; why a cache is not used goes to stderr.
 */
export function cacheFor(environment: CliEnvironment, options: CommonOptions): ArticleCache | undefined {
  if (!options.cache) return undefined
  return openCache(resolve(environment.cwd, options.cacheDirectory ?? options.config.cache.directory), cacheKeyOf(options.config), {
    root: environment.cwd,
    secretDirectory: defaultSecretDirectory(environment.cwd),
    onNotice: (notice) => environment.stderr.write(`healthlint: ${notice}\n`)
  })
}
