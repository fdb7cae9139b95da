// `healthlint build`: report every article as `lint` does, publish those without errors, then
// say what was published, withheld and skipped (on stderr, so `--format json` output stays JSON).
import {build} from '../publish/build.js'
import type {CliEnvironment, CommonOptions} from './main.js'
import {cacheFor, countingReporter, exitCodeFor} from './lint-command.js'
import {displayPath} from '../report/safe-text.js'
import {plural} from '../rule-kit/plural.js'

export async function runBuild(environment: CliEnvironment, options: CommonOptions): Promise<number> {
  const reporter = countingReporter(environment, options)
  const cache = cacheFor(environment, options)
  const summary = await build(options.paths, {
    ...(cache ? {cache} : {}),
    cwd: environment.cwd,
    config: options.config,
    now: options.now,
    out: options.out,
    jobs: options.jobs,
    onArticle: (file) => reporter.file(file)
  })
  reporter.end()
  environment.stderr.write(formatSummary(summary))
  return exitCodeFor(reporter.totals, options.maxWarnings)
}

function formatSummary(summary: {out: string; published: string[]; withheld: string[]; skipped: string[]}): string {
  const lines = [`Published ${plural(summary.published.length, 'article')} to ${displayPath(summary.out)}.`]
  if (summary.withheld.length > 0) {
    lines.push(`Withheld ${plural(summary.withheld.length, 'article')} with errors (fix them to publish):`, ...summary.withheld.map((path) => `  ${displayPath(path)}`))
  }
  if (summary.skipped.length > 0) {
    lines.push(`Skipped ${plural(summary.skipped.length, 'draft')} (status: draft):`, ...summary.skipped.map((path) => `  ${displayPath(path)}`))
  }
  return lines.join('\n') + '\n'
}
