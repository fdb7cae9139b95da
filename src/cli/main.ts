// The command line: everything from outside (arguments, working directory, streams,
// environment) is passed in, and `main` returns the exit code. Only this folder touches process.
//
// Only what every command needs is imported up front; each command's modules (and the config
// with its schemas and rules) are imported when the command runs, so `--version`, `--help` and
// usage errors answer at once, and a run whose articles are all cached never loads the
// Markdown stack.
import type {ResolvedConfig} from '../config/config.js'
import {readPackageJson} from '../config/package-files.js'
import {isIsoDate, today} from '../io/today.js'
import {formatNames, scheduleFormatNames} from '../report/formats.js'
import {readCommandLine} from './arguments.js'
import {defaultHost} from '../preview/defaults.js'
import {escapeForLog, guardedStream} from '../report/safe-text.js'
import type {Shard} from '../pipeline/shard.js'
import type {RunRequest} from './quick-replay.js'

export interface CliEnvironment {
  argv: string[]
  cwd: string
  /** Reports are written as text; a replayed run writes the bytes it stored. */
  stdout: {write(chunk: string | Uint8Array): unknown; isTTY?: boolean}
  stderr: {write(chunk: string): unknown}
  env: Record<string, string | undefined>
  /** The clock, for "today" when --now is not given. */
  clock?: () => Date
  /** Stops `lint --watch` and `preview` when aborted (default: the process's SIGINT and SIGTERM). */
  signal?: AbortSignal
}

export const exitCodes = {ok: 0, problems: 1, usage: 2} as const

/** `preview`'s port when --port is not given. */
export const defaultPort = 8321

export interface CommonOptions {
  paths: string[]
  format: string
  config: ResolvedConfig
  now: string
  quiet: boolean
  maxWarnings: number | undefined
  color: boolean
  out: string
  /** build: the previous bundle to compare with, instead of `out`. */
  previous?: string
  /** lint: keep watching and re-check changed articles. */
  watch: boolean
  /** lint: apply the rules' fixes before reporting. */
  fix: boolean
  /** review-schedule: days ahead to include. */
  within: number
  /** preview: the port (0 = any free one) and interface to listen on. */
  port: number
  host: string
  /** Append the Markdown job summary to this file (relative to cwd). */
  summary?: string
  /** Lint only changed articles: compare with `ref` (or the default branch). */
  changed?: {ref?: string}
  /** Use the content-hash cache (lint and build; off with --no-cache). */
  cache: boolean
  /** --cache-dir: the cache directory, relative to cwd, instead of the config's. */
  cacheDirectory?: string
  /** lint and build: analysis worker threads (1 = the main thread), or `auto` (pipeline/pool.ts). */
  jobs: number | 'auto'
  /** lint and build: check only this shard of the articles (pipeline/shard.ts). */
  shard?: Shard
  /** lint: the command as a replayed run would check it (quick-replay.ts), when it may be replayed. */
  replayRequest?: RunRequest
}

/** What lint and build check when no path is given. */
const defaultPaths = ['articles/']

export async function main(environment: CliEnvironment): Promise<number> {
  const {stdout} = environment
  // Everything on stderr may quote a file name, a path or a config value: none of it may start a
  // GitHub workflow command or move a terminal's cursor.
  const stderr = guardedStream(environment.stderr)
  environment = {...environment, stderr}
  const line = await readCommandLine(environment.argv)
  if (line.kind === 'usage-error') {
    stderr.write(`healthlint: ${line.message}`)
    return exitCodes.usage
  }
  if (line.kind === 'version') {
    stdout.write(`${readPackageJson().version}\n`)
    return exitCodes.ok
  }
  if (line.kind === 'help') {
    stdout.write(line.text)
    return exitCodes.ok
  }
  const {values, paths, changed} = line
  const command = line.command.name
  if (command === 'init') return await (await import('./init-command.js')).runInit(environment, paths)
  if (command === 'new') return await (await import('./new-command.js')).runNew(environment, paths)
  if (command === 'lsp') {
    if (values.now !== undefined && !isIsoDate(values.now)) {
      stderr.write(`healthlint: --now must be a real date written YYYY-MM-DD, such as 2026-03-01; found \`${values.now}\`.\n`)
      return exitCodes.usage
    }
    const options = {paths, configPath: values.config, allowPlugins: values['allow-plugins'] ?? false, now: values.now}
    return await (await import('./lsp-command.js')).runLsp(environment, options)
  }

  const now = values.now ?? today(environment.clock)
  if (!isIsoDate(now)) {
    stderr.write(`healthlint: --now must be a real date written YYYY-MM-DD, such as 2026-03-01; found \`${now}\`.\n`)
    return exitCodes.usage
  }
  let maxWarnings: number | undefined
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings'])
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) {
      stderr.write(`healthlint: --max-warnings must be a whole number of 0 or more; found \`${values['max-warnings']}\`.\n`)
      return exitCodes.usage
    }
  }
  const format = values.format ?? (command === 'review-schedule' ? 'table' : 'stylish')
  const formats: readonly string[] = command === 'review-schedule' ? scheduleFormatNames : formatNames
  if (!formats.includes(format)) {
    stderr.write(`healthlint: unknown --format \`${format}\`; use one of ${formats.join(', ')}.\n`)
    return exitCodes.usage
  }
  if (values.watch && format !== 'stylish') {
    stderr.write(`healthlint: --watch prints its own report of what changed, so it cannot be combined with --format ${format}.\n`)
    return exitCodes.usage
  }
  const within = Number(values.within ?? 90)
  if (!Number.isInteger(within) || within < 0) {
    stderr.write(`healthlint: --within must be a whole number of days, 0 or more; found \`${values.within}\`.\n`)
    return exitCodes.usage
  }

  const port = Number(values.port ?? defaultPort)
  if (!/^\d+$/.test(values.port ?? String(defaultPort)) || port > 65535) {
    stderr.write(`healthlint: --port must be a whole number from 0 to 65535; found \`${values.port}\`.\n`)
    return exitCodes.usage
  }
  const host = values.host ?? defaultHost
  if (host.trim() === '') {
    stderr.write('healthlint: --host needs an address to listen on, such as 127.0.0.1.\n')
    return exitCodes.usage
  }

  if (values['cache-dir'] !== undefined && values['cache-dir'].trim() === '') {
    stderr.write('healthlint: --cache-dir needs a directory, such as /tmp/healthlint-cache.\n')
    return exitCodes.usage
  }

  const jobs = values.jobs === undefined || values.jobs === 'auto' ? 'auto' : Number(values.jobs)
  if (jobs !== 'auto' && (!/^\d+$/.test(values.jobs!) || jobs < 1 || jobs > 64)) {
    stderr.write(`healthlint: --jobs must be auto or a whole number from 1 to 64; found \`${values.jobs}\`.\n`)
    return exitCodes.usage
  }

  let shard: Shard | undefined
  if (values.shard !== undefined) {
    const parsed = (await import('../pipeline/shard.js')).parseShard(values.shard)
    if ('error' in parsed) {
      stderr.write(`healthlint: ${parsed.error}\n`)
      return exitCodes.usage
    }
    shard = parsed
    if (format === 'json' && values.quiet) {
      stderr.write('healthlint: --quiet cannot be combined with --shard and --format json: a shard\'s JSON report keeps every message for `healthlint merge-reports`; give --quiet to merge-reports instead.\n')
      return exitCodes.usage
    }
  }
  if ((command === 'merge-reports' || command === 'merge-bundles') && paths.length === 0) {
    const what = command === 'merge-reports' ? 'the shards\' reports: healthlint merge-reports shard-1.json shard-2.json' : 'the shards\' directories: healthlint merge-bundles shard-1/ shard-2/ --out dist/'
    stderr.write(`healthlint: \`healthlint ${command}\` needs ${what}.\n`)
    return exitCodes.usage
  }

  const summary = values.summary ?? environment.env.GITHUB_STEP_SUMMARY
  // An unchanged `lint` is replayed before the config, the rules or the Markdown stack load.
  let replayRequest: RunRequest | undefined
  if (command === 'lint') {
    const quick = await import('./quick-replay.js')
    if (quick.isReplayable(values, changed)) {
      replayRequest = {argv: environment.argv, cwd: environment.cwd, env: environment.env, tty: Boolean(stdout.isTTY), now, configPath: values.config, inputs: paths.length > 0 ? paths : defaultPaths, summary: summary || undefined}
      const code = await quick.replayRun(replayRequest, {stdout, stderr})
      if (code !== undefined) return code
    }
  }

  const [{ConfigError, loadConfig}, {builtInRules}] = await Promise.all([import('../config/config.js'), import('../../rules/index.js')])
  let config: ResolvedConfig
  try {
    config = await loadConfig(environment.cwd, {rules: builtInRules, configPath: values.config, allowPlugins: values['allow-plugins'] ?? false})
    for (const plugin of config.plugins) stderr.write(`healthlint: loaded the plugin ${escapeForLog(plugin.name)} (rules: ${plugin.ruleIds.map(escapeForLog).join(', ')}).\n`)
  } catch (error) {
    if (error instanceof ConfigError) {
      stderr.write(`healthlint: ${error.message}\n`)
      return exitCodes.usage
    }
    throw error
  }

  const color = values['no-color'] ? false : values.color ?? (Boolean(stdout.isTTY) && !environment.env.NO_COLOR && format === 'stylish')
  const common: CommonOptions = {
    paths: paths.length > 0 ? paths : defaultPaths,
    format,
    config,
    now,
    quiet: values.quiet ?? false,
    maxWarnings,
    color,
    out: values.out ?? 'dist/',
    watch: values.watch ?? false,
    fix: values.fix ?? false,
    within,
    port,
    host,
    cache: !values['no-cache'],
    jobs
  }
  if (summary) common.summary = summary
  if (replayRequest) common.replayRequest = replayRequest
  if (changed) common.changed = changed
  if (values['cache-dir'] !== undefined) common.cacheDirectory = values['cache-dir']
  if (values.previous !== undefined) common.previous = values.previous
  if (shard) common.shard = shard
  try {
    if (command === 'merge-reports') return await (await import('./merge-reports-command.js')).runMergeReports(environment, common, paths)
    if (command === 'merge-bundles') return await (await import('./merge-bundles-command.js')).runMergeBundles(environment, common, paths)
    if (command === 'review-schedule') return await (await import('./schedule-command.js')).runReviewSchedule(environment, common)
    if (command === 'preview') return await (await import('./preview-command.js')).runPreview(environment, common)
    if (common.watch) return await (await import('./watch-command.js')).runWatch(environment, common)
    if (command === 'build') return await (await import('./build-command.js')).runBuild(environment, common)
    return await (await import('./lint-command.js')).runLint(environment, common)
  } catch (error) {
    const [{MissingPathError}, {ChangedError}, {OutputError}, {ShardInputError}] = await Promise.all([import('../io/files.js'), import('../io/changed.js'), import('../publish/staging.js'), import('../pipeline/shard-run.js')])
    if (error instanceof MissingPathError || error instanceof ChangedError || error instanceof OutputError || error instanceof ShardInputError) {
      stderr.write(`healthlint: ${error.message}\n`)
      return exitCodes.usage
    }
    throw error
  }
}
