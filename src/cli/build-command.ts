// `healthlint build`: report every article as `lint` does, publish those without errors, then
// say what was published, withheld and skipped (on stderr, so `--format json` output stays JSON).
// `--summary` appends the job summary as lint does; `--changed` reports (and summarises) only the
// changed articles, while the bundle is still built from all of them.
import {build} from '../publish/build.js'
import type {BuildSummary, RunArticles} from '../publish/build.js'
import type {CliEnvironment, CommonOptions} from './main.js'
import {exitCodes} from './main.js'
import {appendSummary, cacheFor, changedPaths, countingReporter, exitCodeFor} from './lint-command.js'
import type {ShardContext} from './lint-command.js'
import {createSummary} from '../report/summary.js'
import {displayPath} from '../report/safe-text.js'
import {pathOf} from '../pipeline/slugs.js'
import {plural} from '../rule-kit/plural.js'
import {describeShard} from '../pipeline/shard.js'

export async function runBuild(environment: CliEnvironment, options: CommonOptions): Promise<number> {
  // Made once the run's articles are known: a shard's report records its place in the run.
  let shard: ShardContext | undefined
  let made: ReturnType<typeof countingReporter> | undefined
  const reporter = () => (made ??= countingReporter(environment, options, shard))
  const cache = cacheFor(environment, options)
  const changed = options.changed ? await changedPaths(environment, options) : undefined
  // Every article when a rule, schema or the config changed (the selection is then the inputs).
  const reported = changed && changed.join('\0') !== options.paths.join('\0') ? new Set(changed) : undefined
  const jobSummary = options.summary ? createSummary(options.config, environment.cwd) : undefined
  const summary = await build(options.paths, {
    ...(options.shard ? {shard: options.shard, onRun: ({paths, shardRun}: RunArticles) => {
      // The report's run is the articles reported: with --changed, the changed ones.
      const reportedPaths = reported ? paths.filter((path) => reported.has(path)) : paths
      if (shardRun) shard = {run: {...shardRun, articles: reportedPaths.length}, positions: new Map(reportedPaths.map((path, position) => [path, position]))}
    }} : {}),
    ...(reported ? {reported} : {}),
    ...(cache ? {cache} : {}),
    cwd: environment.cwd,
    config: options.config,
    now: options.now,
    out: options.out,
    jobs: options.jobs,
    ...(options.previous !== undefined ? {previous: options.previous} : {}),
    onNote: (note) => environment.stderr.write(`healthlint: the previous bundle is not compared with: ${note}.\n`),
    onArticle: (file) => {
      if (reported && !reported.has(pathOf(file))) return
      reporter().file(file)
      jobSummary?.file(file)
    }
  })
  reporter().end()
  environment.stderr.write(formatSummary(summary))
  if (options.shard) environment.stderr.write(`This is ${describeShard(options.shard)}: \`healthlint merge-bundles\` joins the shards' directories into the bundle, with its index, hubs, feeds, search index and manifest.\n`)
  if (jobSummary && !(await appendSummary(environment, options, jobSummary.format(reporter().totals)))) return exitCodes.usage
  return exitCodeFor(reporter().totals, options.maxWarnings)
}

export function formatSummary(summary: BuildSummary): string {
  const lines = [`Published ${plural(summary.published.length, 'article')} to ${displayPath(summary.out)}.`]
  if (summary.flagged.length > 0) {
    lines.push(`${summary.flagged.length === 1 ? 'Its review is' : `The reviews of ${summary.flagged.length} of them are`} overdue, so ${summary.flagged.length === 1 ? 'it is' : 'they are'} published with a notice saying so (publish.overdue: flag). A clinician must review ${summary.flagged.length === 1 ? 'it' : 'them'}, then update lastReviewed:`, ...summary.flagged.map((slug) => `  ${slug}`))
  }
  const overdue = new Set(summary.overdue)
  const errors = summary.withheld.filter((path) => !overdue.has(path))
  if (overdue.size > 0) {
    lines.push(`Withheld ${plural(overdue.size, 'article')} whose clinical review is overdue: a clinician must review ${overdue.size === 1 ? 'it' : 'each'} and update lastReviewed and reviewedBy (index.json lists ${overdue.size === 1 ? 'it' : 'them'} as review-overdue; set "publish": {"overdue": "flag"} in healthlint.config.json to publish with a notice instead):`, ...summary.overdue.map((path) => `  ${displayPath(path)}`))
  }
  if (errors.length > 0) {
    lines.push(`Withheld ${plural(errors.length, 'article')} with errors (fix them to publish):`, ...errors.map((path) => `  ${displayPath(path)}`))
  }
  if (summary.skipped.length > 0) {
    lines.push(`Skipped ${plural(summary.skipped.length, 'draft')} (status: draft):`, ...summary.skipped.map((path) => `  ${displayPath(path)}`))
  }
  return lines.join('\n') + '\n'
}
