// The command line: everything from outside (arguments, working directory, streams,
// environment) is passed in, and `main` returns the exit code. Only this folder touches process.
//
// Only what every command needs is imported up front; each command's modules (and the config
// with its schemas and rules) are imported when the command runs, so `--version`, `--help` and
// usage errors answer at once, and a run whose articles are all cached never loads the
// Markdown stack.
import {parseArgs} from 'node:util'
import type {ParseArgsConfig} from 'node:util'
import type {ResolvedConfig} from '../config.js'
import {readPackageJson} from '../paths.js'
import {isIsoDate, today} from '../today.js'
import {formatNames, scheduleFormatNames} from '../report/formats.js'
import {defaultHost} from '../preview/defaults.js'
import {guardedStream} from '../report/safe-text.js'

export interface CliEnvironment {
  argv: string[]
  cwd: string
  stdout: {write(chunk: string): unknown; isTTY?: boolean}
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

const usage = `Usage: healthlint <command> [options] [paths…]

Commands:
  lint [paths…]      Check articles (default: articles/)
  build [paths…]     Check articles and publish those without errors (default: articles/ → dist/)
  review-schedule [paths…]
                     List the reviews due soonest, with reviewer and due date (default: articles/)
  preview [paths…]   Serve the articles in a web browser with their problems marked on them,
                     updating as files are saved (default: articles/)

Options:
  --format NAME      Report format: stylish (default), json, github (annotations for GitHub
                     Actions), sarif (SARIF 2.1.0) or junit (JUnit XML);
                     for review-schedule: table (default), csv or ics
  --config PATH      Configuration file (default: healthlint.config.json if present)
  --now YYYY-MM-DD   The date to treat as today for review-date checks (default: today, UTC)
  --quiet            Report errors only
  --changed[=REF]    Lint only the articles changed since the merge base with REF (default: the
                     pull request's base branch, else origin/HEAD, origin/main, main …), or all of
                     them when a rule, schema or the config changed. Write REF after \`=\`.
  --summary FILE     Append a Markdown summary table to FILE (default: $GITHUB_STEP_SUMMARY)
  --max-warnings N   Exit 1 when there are more than N warnings
  --out DIR          (build) Output directory (default: dist/)
  --previous DIR     (build) The previous bundle to compare with (default: the --out directory)
  --watch            (lint) Re-check articles as they change; print what changed
  --fix              (lint) Apply the fixes of rules whose replacement is certain (contractions,
                     Latin abbreviations, numbers, US spellings), say what changed on stderr,
                     then report what is left
  --within DAYS      (review-schedule) Reviews due within DAYS days, and overdue ones (default: 90)
  --port N           (preview) Port to listen on (default: 8321; 0 picks a free one)
  --host HOST        (preview) Interface to listen on (default: 127.0.0.1, this computer only;
                     another value lets other computers read the articles, drafts included)
  --no-cache         Analyse every article, neither reading nor writing the cache
                     (default: .healthlint-cache/, or \`cache.directory\` in the config)
  --cache-dir DIR    Keep the cache in DIR, which may be outside the working directory
  --no-color         Plain output
  -h, --help         Show this help
  -v, --version      Show the version

Exit codes: 0 no errors, 1 errors found (or too many warnings), 2 usage, configuration or output-directory problem.
`

const options = {
  format: {type: 'string'},
  config: {type: 'string'},
  now: {type: 'string'},
  quiet: {type: 'boolean'},
  'max-warnings': {type: 'string'},
  summary: {type: 'string'},
  out: {type: 'string'},
  previous: {type: 'string'},
  watch: {type: 'boolean'},
  fix: {type: 'boolean'},
  within: {type: 'string'},
  port: {type: 'string'},
  host: {type: 'string'},
  color: {type: 'boolean'},
  'no-color': {type: 'boolean'},
  'no-cache': {type: 'boolean'},
  'cache-dir': {type: 'string'},
  help: {type: 'boolean', short: 'h'},
  version: {type: 'boolean', short: 'v'}
} satisfies ParseArgsConfig['options']

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
}

export async function main(environment: CliEnvironment): Promise<number> {
  const {stdout} = environment
  // Everything on stderr may quote a file name, a path or a config value: none of it may start a
  // GitHub workflow command or move a terminal's cursor.
  const stderr = guardedStream(environment.stderr)
  environment = {...environment, stderr}
  let parsed
  let changed
  try {
    changed = extractChanged(environment.argv)
    parsed = parseArgs({args: changed.argv, options, allowPositionals: true, strict: true})
  } catch (error) {
    stderr.write(`healthlint: ${(error as Error).message}\n\n${usage}`)
    return exitCodes.usage
  }
  const {values, positionals} = parsed
  if (values.version) {
    stdout.write(`${readPackageJson().version}\n`)
    return exitCodes.ok
  }
  const [command, ...paths] = positionals
  if (values.help || command === 'help') {
    stdout.write(usage)
    return exitCodes.ok
  }
  if (command !== 'lint' && command !== 'build' && command !== 'review-schedule' && command !== 'preview') {
    stderr.write(command ? `healthlint: unknown command \`${command}\`.\n\n${usage}` : usage)
    return exitCodes.usage
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
  if (values.fix && (command !== 'lint' || values.watch)) {
    stderr.write(`healthlint: --fix works with \`lint\` only${values.watch ? ', and not with --watch' : ''}.\n`)
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

  const {ConfigError, loadConfig} = await import('../config.js')
  let config: ResolvedConfig
  try {
    config = await loadConfig(environment.cwd, values.config)
  } catch (error) {
    if (error instanceof ConfigError) {
      stderr.write(`healthlint: ${error.message}\n`)
      return exitCodes.usage
    }
    throw error
  }

  const color = values['no-color'] ? false : values.color ?? (Boolean(stdout.isTTY) && !environment.env.NO_COLOR && format === 'stylish')
  const common: CommonOptions = {
    paths: paths.length > 0 ? paths : ['articles/'],
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
    cache: !values['no-cache']
  }
  const summary = values.summary ?? environment.env.GITHUB_STEP_SUMMARY
  if (summary) common.summary = summary
  if (changed.changed) common.changed = changed.changed
  if (values['cache-dir'] !== undefined) common.cacheDirectory = values['cache-dir']
  if (values.previous !== undefined) common.previous = values.previous
  try {
    if (command === 'review-schedule') return await (await import('./schedule-command.js')).runReviewSchedule(environment, common)
    if (command === 'preview') return await (await import('./preview-command.js')).runPreview(environment, common)
    if (common.watch) return await (await import('./watch-command.js')).runWatch(environment, common)
    if (command === 'build') return await (await import('./build-command.js')).runBuild(environment, common)
    return await (await import('./lint-command.js')).runLint(environment, common)
  } catch (error) {
    const [{MissingPathError}, {ChangedError}, {OutputError}] = await Promise.all([import('../files.js'), import('../changed.js'), import('../output.js')])
    if (error instanceof MissingPathError || error instanceof ChangedError || error instanceof OutputError) {
      stderr.write(`healthlint: ${error.message}\n`)
      return exitCodes.usage
    }
    throw error
  }
}

/**
 * Take `--changed` and `--changed=REF` out of `argv` (parseArgs has no options with an optional
 * value). `--changed REF` is not accepted: REF would be indistinguishable from a path to lint.
 */
export function extractChanged(argv: string[]): {argv: string[]; changed: {ref?: string} | undefined} {
  const rest: string[] = []
  let changed: {ref?: string} | undefined
  for (const [index, argument] of argv.entries()) {
    if (argument === '--') {
      rest.push(...argv.slice(index))
      break
    }
    if (argument !== '--changed' && !argument.startsWith('--changed=')) {
      rest.push(argument)
      continue
    }
    if (changed) throw new TypeError('Option \'--changed\' is given more than once.')
    const ref = argument.startsWith('--changed=') ? argument.slice('--changed='.length) : undefined
    if (ref === '') throw new TypeError('Option \'--changed=REF\' needs a ref after `=`, such as --changed=origin/main.')
    changed = ref === undefined ? {} : {ref}
  }
  return {argv: rest, changed}
}
