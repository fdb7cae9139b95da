// `healthlint merge-reports FILES…`: join the shards' reports (`lint --shard i/n --format json`,
// or build's) into the report one unsharded run prints, in any --format, with the same job
// summary and exit code. Every file is read and checked before anything is written: a file that
// is not a shard report, or not one of the others' run, is a usage error (exit 2) and nothing is
// printed or appended.
import {lstat, readFile} from 'node:fs/promises'
import {resolve} from 'node:path'
import type {VFile} from 'vfile'
import {ShardInputError, shardsMismatch} from '../pipeline/shard-run.js'
import {readShardReport} from '../report/shard-report.js'
import type {ReadShardReport} from '../report/shard-report.js'
import {createSummary} from '../report/summary.js'
import type {CliEnvironment, CommonOptions} from './main.js'
import {appendSummary, countingReporter, exitCodeFor} from './lint-command.js'
import {exitCodes} from './main.js'

/** The largest report read (a run of 1,500 MedQuAD articles, 141,000 messages, makes about 60 MB). */
export const maxReportBytes = 512 * 1024 * 1024

export async function runMergeReports(environment: CliEnvironment, options: CommonOptions, files: readonly string[]): Promise<number> {
  const reports: Array<{name: string; report: ReadShardReport}> = []
  for (const name of files) reports.push({name, report: readShardReport(await readReport(environment.cwd, name), name, environment.cwd)})
  const mismatch = shardsMismatch(reports.map(({name, report}) => ({name, run: report.run})), options.config)
  if (mismatch) throw new ShardInputError(mismatch)
  // Every article of the run once: counted before anything is allocated for them.
  const articles = reports[0]!.report.run.articles
  const held = reports.reduce((sum, {report}) => sum + report.files.length, 0)
  const byPosition = new Map<number, {file: VFile; reviewDue: string | undefined; name: string}>()
  for (const {name, report} of reports) {
    for (const {position, file, reviewDue} of report.files) {
      const other = byPosition.get(position)
      if (other) throw new ShardInputError(`${name} and ${other.name} both report article ${position + 1} of the run (${file.history[0]}): they are not shards of one split.`)
      byPosition.set(position, {file, reviewDue, name})
    }
  }
  if (held !== articles) throw new ShardInputError(`the reports hold ${held} of the run's ${articles} articles: a report is incomplete.`)
  const ordered = [...byPosition].sort(([a], [b]) => a - b).map(([, entry]) => entry)

  const reporter = countingReporter(environment, options)
  const summary = options.summary ? createSummary(options.config, environment.cwd) : undefined
  for (const entry of ordered) {
    reporter.file(entry.file)
    summary?.file(entry.file, {reviewDue: entry.reviewDue})
  }
  reporter.end()
  if (summary && !(await appendSummary(environment, options, summary.format(reporter.totals)))) return exitCodes.usage
  return exitCodeFor(reporter.totals, options.maxWarnings)
}

async function readReport(cwd: string, name: string): Promise<string> {
  const path = resolve(cwd, name)
  const stats = await lstat(path).catch(() => undefined)
  if (!stats) throw new ShardInputError(`${name} does not exist.`)
  if (!stats.isFile()) throw new ShardInputError(`${name} is not a regular file: give the files the shards' reports were written to.`)
  if (stats.size > maxReportBytes) throw new ShardInputError(`${name} is larger than the ${maxReportBytes} bytes a report may have.`)
  return readFile(path, 'utf8')
}
