// `healthlint lint`: report every article as it finishes, then the totals and the exit code.
import {lint} from '../lint.js'
import {createJsonStream} from '../report/json.js'
import {addToTotals, emptyTotals} from '../report/messages.js'
import {formatStylish, formatTotals} from '../report/stylish.js'
import type {CliEnvironment, CommonOptions} from './main.js'
import {exitCodes} from './main.js'

export async function runLint(environment: CliEnvironment, options: CommonOptions): Promise<number> {
  const {stdout} = environment
  const totals = emptyTotals()
  const json = options.format === 'json' ? createJsonStream((chunk) => stdout.write(chunk), options.quiet) : undefined
  for await (const file of lint(options.paths, {cwd: environment.cwd, config: options.config, now: options.now})) {
    addToTotals(totals, file)
    if (json) json.file(file)
    else stdout.write(formatStylish(file, {quiet: options.quiet, color: options.color}))
  }
  if (json) json.end()
  else stdout.write(formatTotals(totals, {quiet: options.quiet, color: options.color}))
  return exitCodeFor(totals, options.maxWarnings)
}

export function exitCodeFor(totals: {errors: number; warnings: number}, maxWarnings: number | undefined): number {
  if (totals.errors > 0) return exitCodes.problems
  if (maxWarnings !== undefined && totals.warnings > maxWarnings) return exitCodes.problems
  return exitCodes.ok
}
