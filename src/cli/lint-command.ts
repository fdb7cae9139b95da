// `healthlint lint`: report every article as it finishes, then the totals and the exit code.
import {lint} from '../lint.js'
import {addToTotals, emptyTotals} from '../report/messages.js'
import {reporters} from '../report/index.js'
import type {CliEnvironment, CommonOptions} from './main.js'
import {exitCodes} from './main.js'

export async function runLint(environment: CliEnvironment, options: CommonOptions): Promise<number> {
  const totals = emptyTotals()
  const reporter = reporters[options.format]!({
    write: (chunk) => environment.stdout.write(chunk),
    quiet: options.quiet,
    color: options.color,
    cwd: environment.cwd,
    env: environment.env
  })
  for await (const file of lint(options.paths, {cwd: environment.cwd, config: options.config, now: options.now})) {
    addToTotals(totals, file)
    reporter.file(file)
  }
  reporter.end(totals)
  return exitCodeFor(totals, options.maxWarnings)
}

export function exitCodeFor(totals: {errors: number; warnings: number}, maxWarnings: number | undefined): number {
  if (totals.errors > 0) return exitCodes.problems
  if (maxWarnings !== undefined && totals.warnings > maxWarnings) return exitCodes.problems
  return exitCodes.ok
}
