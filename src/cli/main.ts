// The command line: everything from outside (arguments, working directory, streams,
// environment) is passed in, and `main` returns the exit code. Only this folder touches process.
import {parseArgs} from 'node:util'
import type {ParseArgsConfig} from 'node:util'
import {ConfigError, loadConfig} from '../config.js'
import type {ResolvedConfig} from '../config.js'
import {MissingPathError} from '../files.js'
import {readPackageJson} from '../paths.js'
import {isIsoDate, today} from '../today.js'
import {runLint} from './lint-command.js'
import {runBuild} from './build-command.js'
import {OutputError} from '../output.js'
import {reporters} from '../report/index.js'

export interface CliEnvironment {
  argv: string[]
  cwd: string
  stdout: {write(chunk: string): unknown; isTTY?: boolean}
  stderr: {write(chunk: string): unknown}
  env: Record<string, string | undefined>
  /** The clock, for "today" when --now is not given. */
  clock?: () => Date
}

export const exitCodes = {ok: 0, problems: 1, usage: 2} as const

const usage = `Usage: healthlint <command> [options] [paths…]

Commands:
  lint [paths…]      Check articles (default: articles/)
  build [paths…]     Check articles and publish those without errors (default: articles/ → dist/)

Options:
  --format NAME      Report format: stylish (default) or json
  --config PATH      Configuration file (default: healthlint.config.json if present)
  --now YYYY-MM-DD   The date to treat as today for review-date checks (default: today, UTC)
  --quiet            Report errors only
  --max-warnings N   Exit 1 when there are more than N warnings
  --out DIR          (build) Output directory (default: dist/)
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
  out: {type: 'string'},
  color: {type: 'boolean'},
  'no-color': {type: 'boolean'},
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
}

export async function main(environment: CliEnvironment): Promise<number> {
  const {stdout, stderr} = environment
  let parsed
  try {
    parsed = parseArgs({args: environment.argv, options, allowPositionals: true, strict: true})
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
  if (command !== 'lint' && command !== 'build') {
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
  const format = values.format ?? 'stylish'
  if (!Object.hasOwn(reporters, format)) {
    stderr.write(`healthlint: unknown --format \`${format}\`; use one of ${Object.keys(reporters).join(', ')}.\n`)
    return exitCodes.usage
  }

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
    out: values.out ?? 'dist/'
  }
  try {
    return await (command === 'build' ? runBuild : runLint)(environment, common)
  } catch (error) {
    if (error instanceof MissingPathError || error instanceof OutputError) {
      stderr.write(`healthlint: ${error.message}\n`)
      return exitCodes.usage
    }
    throw error
  }
}
