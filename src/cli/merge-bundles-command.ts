// `healthlint merge-bundles DIRS… --out DIR`: join the directories `build --shard i/n` wrote into
// the bundle one unsharded build writes (publish/shard-bundle.ts), say what was published,
// withheld and skipped as build does, and exit as build would have: 0, 1 when an article had
// errors (or more warnings than --max-warnings), 2 for a shard that cannot be merged or an
// output directory that cannot be replaced (nothing is written then).
import {mergeBundles} from '../publish/shard-bundle.js'
import type {CliEnvironment, CommonOptions} from './main.js'
import {formatSummary} from './build-command.js'
import {exitCodeFor} from './lint-command.js'

export async function runMergeBundles(environment: CliEnvironment, options: CommonOptions, directories: readonly string[]): Promise<number> {
  const {summary, totals} = await mergeBundles(directories, {cwd: environment.cwd, config: options.config, out: options.out})
  environment.stderr.write(formatSummary(summary))
  return exitCodeFor(totals, options.maxWarnings)
}
