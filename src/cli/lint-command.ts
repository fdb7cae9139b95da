// `healthlint lint`: report every article as it finishes, then the totals and the exit code.
import {resolve} from 'node:path'
import {selectChanged} from '../io/changed.js'
import {createLinter, lint} from '../pipeline/lint.js'
import type {LintOptions} from '../pipeline/lint.js'
import {expandPaths} from '../io/files.js'
import {pathOf, readRunIndex} from '../pipeline/slugs.js'
import type {RunIndex} from '../pipeline/slugs.js'
import {pathsOfShard} from '../pipeline/shard.js'
import {shardRunOf} from '../pipeline/shard-run.js'
import type {ShardRun} from '../pipeline/shard-run.js'
import {createShardReport} from '../report/shard-report.js'
import {openReplay} from './replay.js'
import {appendSummaryFile} from './summary-file.js'
import {saveRun} from './quick-replay.js'
import type {ReplayRecord} from './replay.js'
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
  // A run that wrote anything to stderr (a notice about the cache, say) is not kept for a quick
  // replay (quick-replay.ts), which writes only the report.
  let noticed = false
  const {stderr} = environment
  environment = {...environment, stderr: {write: (chunk) => ((noticed = true), stderr.write(chunk))}}
  const paths = options.changed ? await changedPaths(environment, options) : options.paths
  if (options.fix && paths.length > 0) await (await import('./fix.js')).fixArticles(environment, options, paths)
  const cache = cacheFor(environment, options)
  const lintOptions: LintOptions = {cwd: environment.cwd, config: options.config, now: options.now, jobs: options.jobs, ...(cache ? {cache} : {}), ...(options.changed ? {slugScope: options.paths} : {})}
  // With a cache, the run is keyed first (replay.ts): an unchanged run writes its report again.
  // A shard reads the whole run's index first, to know its own articles.
  const prepared = cache || options.shard ? await prepareRun(paths, lintOptions, environment, options, cache) : undefined
  const keep = async (record: ReplayRecord) => {
    const request = options.replayRequest
    if (!request || !prepared?.replay || noticed || options.config.plugins.length > 0) return
    await saveRun(request, {dataFiles: options.config.dataFiles, paths: prepared.paths, hashes: prepared.index.hashes, stdout: record.stdout, summary: record.summary, exitCode: exitCodeFor(record.totals, options.maxWarnings)})
  }
  if (prepared?.replay?.stored) {
    const code = await replayed(environment, options, prepared.replay.stored)
    if (code !== exitCodes.usage) await keep(prepared.replay.stored)
    return code
  }
  let written = ''
  const reporter = countingReporter(prepared?.replay ? {...environment, stdout: {isTTY: environment.stdout.isTTY, write: (chunk) => environment.stdout.write((written += chunk, chunk))}} : environment, options, prepared?.shard)
  const {totals} = reporter
  const summary = options.summary ? createSummary(options.config, environment.cwd) : undefined
  const files = prepared ? createLinter({...lintOptions, slugs: prepared.index.slugs, hashes: prepared.index.hashes}).lintFiles(prepared.selected) : lint(paths, lintOptions)
  for await (const file of files) {
    reporter.file(file)
    summary?.file(file)
  }
  reporter.end()
  const summaryText = summary?.format(totals)
  const record: ReplayRecord = {stdout: written, totals: {...totals}, ...(summaryText === undefined ? {} : {summary: summaryText})}
  if (prepared?.replay) await prepared.replay.save(record)
  // Every cache write finished before the command returns (the facts, and the replay record).
  await cache?.flush()
  if (summaryText !== undefined && !(await appendSummary(environment, options, summaryText))) return exitCodes.usage
  await keep(record)
  return exitCodeFor(totals, options.maxWarnings)
}

/**
 * The articles of the run and their index, the articles this run checks (all, or its shard's),
 * and the run's replay when it can be keyed.
 */
async function prepareRun(inputs: string[], lintOptions: LintOptions, environment: CliEnvironment, options: CommonOptions, cache: ArticleCache | undefined) {
  const paths = await expandPaths(inputs, environment.cwd)
  const scope = lintOptions.slugScope ? await expandPaths(lintOptions.slugScope, environment.cwd) : paths
  const index = await readRunIndex(paths, environment.cwd, options.config.limits, scope)
  const selected = options.shard ? pathsOfShard(paths, index.slugs, options.shard) : paths
  const shard = options.shard ? shardContextOf('lint', options, paths, index) : undefined
  if (!cache) return {paths, selected, index, shard, replay: undefined}
  const replay = await openReplay(cache, {
    inputs: options.changed ? ['--changed', ...options.paths] : inputs,
    cwd: environment.cwd,
    config: options.config,
    now: options.now,
    format: options.format,
    quiet: options.quiet,
    color: options.color,
    paths: selected,
    hashes: index.hashes,
    slugs: index.slugs,
    env: environment.env,
    summary: options.summary !== undefined,
    ...(shard ? {shard: shard.run} : {})
  })
  return {paths, selected, index, shard, replay}
}

/** What a shard's reporter needs: its run (shard-run.ts) and each article's place in the run. */
export interface ShardContext {
  run: ShardRun
  positions: ReadonlyMap<string, number>
}

function shardContextOf(command: ShardRun['command'], options: CommonOptions, paths: readonly string[], index: RunIndex): ShardContext {
  return {
    run: shardRunOf({command, config: options.config, now: options.now, paths, hashes: index.hashes, slugs: index.slugs, shard: options.shard!}),
    positions: new Map(paths.map((path, position) => [path, position]))
  }
}

/** An unchanged run: the previous report, summary and exit code. */
async function replayed(environment: CliEnvironment, options: CommonOptions, stored: ReplayRecord): Promise<number> {
  environment.stdout.write(stored.stdout)
  if (stored.summary !== undefined && !(await appendSummary(environment, options, stored.summary))) return exitCodes.usage
  return exitCodeFor(stored.totals, options.maxWarnings)
}

export function appendSummary(environment: CliEnvironment, options: CommonOptions, text: string): Promise<boolean> {
  return appendSummaryFile(environment, options.summary, text)
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

/**
 * The chosen report format, fed each finished article, keeping the totals for the exit code. A
 * shard's `--format json` is its shard report (report/shard-report.ts), for merge-reports.
 */
export function countingReporter(environment: CliEnvironment, options: CommonOptions, shard?: ShardContext) {
  const totals = emptyTotals()
  const shardReport = shard && options.format === 'json' ? createShardReport((chunk) => environment.stdout.write(chunk), shard.run, options.config) : undefined
  const reporter = shardReport ? {file: (file: VFile) => shardReport.file(file, shard!.positions.get(pathOf(file))!), end: () => shardReport.end()} : reporters[options.format]!({
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
