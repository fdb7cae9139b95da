// The report of one shard (`lint --shard i/n --format json`, and `build`'s), which
// `healthlint merge-reports` joins into the report the unsharded run prints, in any format. It is
// the JSON report wrapped with the run it belongs to:
//
//   {"report": "healthlint-shard", "version": 1, "run": {…}, "files": [<JSON report entry>, …]}
//
// Each entry is exactly what `--format json` prints for the article, every message included
// (a shard report is never `--quiet`: merge-reports applies --quiet), plus `merge`: the
// article's place in the whole run and the few values the other formats read that the JSON
// report rounds or leaves out (the unrounded scores, the hard sentences, the review due date).
//
// Read back, a report is untrusted input (an artifact of another job, perhaps a pull request's):
// `readShardReport` checks every value it uses and turns the entries back into the VFiles the
// reporters read, so every format is rendered by the same code as in one run.
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import type {Position} from 'unist'
import type {ResolvedConfig} from '../config/config.js'
import type {ReadabilityScores} from '../pipeline/score.js'
import type {ShardRun} from '../pipeline/shard-run.js'
import {ShardInputError, isShardRun} from '../pipeline/shard-run.js'
import type {Suppression} from '../pipeline/suppress.js'
import {reviewDueOf} from '../rule-kit/review-due.js'
import {toJsonReport} from './json.js'
import type {JsonSuppression} from './json.js'
import type {ReportedMessage} from './messages.js'
import '../pipeline/data.js'

export const shardReportName = 'healthlint-shard'
/** The shard report's own version: 1 is this layout. */
export const shardReportVersion = 1

/** Per entry: what the reporters read beyond the JSON report's keys. */
export interface MergeData {
  /** The article's index among all the run's articles, in the order the unsharded run reports them. */
  position: number
  /** The readability scores as computed (numbers that are not finite as the strings `NaN`, `Infinity`, `-Infinity`), or null. */
  scores: Record<string, number | string> | null
  readabilityTarget: number | null
  /** The sentences `hard-sentence` flagged (indexes), or null when the rule did not run. */
  hardSentences: number[] | null
  /** When the article's next clinical review is due (YYYY-MM-DD), or null when it has no usable date. */
  reviewDue: string | null
}

export interface ShardReportWriter {
  file(file: VFile, position: number): void
  end(): void
}

/** Stream the shard report: the header, each article as it finishes, then the closing brackets. */
export function createShardReport(write: (chunk: string) => void, run: ShardRun, config: ResolvedConfig): ShardReportWriter {
  let first = true
  write(`{"report":${JSON.stringify(shardReportName)},"version":${shardReportVersion},"run":${JSON.stringify(run)},"files":[`)
  return {
    file(file, position) {
      const merge: MergeData = {
        position,
        scores: file.data.readability ? encodeScores(file.data.readability) : null,
        readabilityTarget: file.data.readabilityTarget ?? null,
        hardSentences: file.data.hardSentences ?? null,
        reviewDue: reviewDueOf(file.data.frontmatter?.data, config) ?? null
      }
      write((first ? '\n' : ',\n') + JSON.stringify({...toJsonReport(file, false, config), merge}))
      first = false
    },
    end() {
      write(first ? ']}\n' : '\n]}\n')
    }
  }
}

export interface ReadShardReport {
  run: ShardRun
  /** The articles, in the shard's order, as the reporters read them. */
  files: Array<{position: number; file: VFile; reviewDue: string | undefined}>
}

/** Parse and check one shard report (`name` labels it in messages). Throws ShardInputError. */
export function readShardReport(text: string, name: string, cwd: string): ReadShardReport {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new ShardInputError(`${name} is not valid JSON; give the output of \`healthlint lint --shard i/n --format json\`.`)
  }
  if (!isObject(value) || value.report !== shardReportName) {
    throw new ShardInputError(`${name} is not a healthlint shard report: make each shard's report with \`healthlint lint --shard i/n --format json\` (or build's).`)
  }
  if (value.version !== shardReportVersion) throw new ShardInputError(`${name} is a shard report of version ${JSON.stringify(value.version)}; this healthlint reads version ${shardReportVersion}.`)
  if (!isShardRun(value.run)) throw new ShardInputError(`${name} has no valid \`run\`: it is damaged, or not written by healthlint.`)
  if (!Array.isArray(value.files)) throw new ShardInputError(`${name} has no list of \`files\`.`)
  const run = value.run
  const files = value.files.map((entry: unknown, index: number) => {
    const problem = entryProblem(entry, run.articles)
    if (problem) throw new ShardInputError(`${name}: entry ${index + 1} of \`files\` ${problem}.`)
    const checked = entry as CheckedEntry
    return {position: checked.merge.position, file: fileOf(checked, run.now, cwd), reviewDue: checked.merge.reviewDue ?? undefined}
  })
  return {run, files}
}

interface CheckedEntry {
  path: string
  messages: ReportedMessage[]
  suppressions: JsonSuppression[]
  merge: MergeData
}

/** The VFile an entry stands for: its path, its messages, and the data reports read. */
function fileOf(entry: CheckedEntry, now: string, cwd: string): VFile {
  const file = new VFile({path: entry.path, cwd})
  file.data.now = now
  const scores = entry.merge.scores
  if (scores) file.data.readability = decodeScores(scores)
  if (entry.merge.readabilityTarget !== null) file.data.readabilityTarget = entry.merge.readabilityTarget
  if (entry.merge.hardSentences !== null) file.data.hardSentences = entry.merge.hardSentences
  file.data.suppressions = entry.suppressions.map((item): Suppression => ({
    ruleId: item.ruleId,
    kind: item.kind,
    reason: item.reason,
    position: {start: {line: item.line, column: item.column}, end: {line: item.endLine, column: item.endColumn}},
    fromLine: item.fromLine,
    toLine: item.toLine,
    suppressed: item.suppressed
  }))
  for (const reported of entry.messages) {
    const place: Position = {start: {line: reported.line, column: reported.column}, end: {line: reported.endLine, column: reported.endColumn}}
    const message = new VFileMessage(reported.message, {place, ruleId: reported.ruleId})
    message.fatal = reported.severity === 'error' ? true : reported.severity === 'warning' ? false : undefined
    if (reported.note !== undefined) message.note = reported.note
    if (reported.url !== undefined) message.url = reported.url
    if (reported.fix) {
      const {range, line, column, endLine, endColumn, text} = reported.fix
      message.fix = {start: {line, column, offset: range[0]}, end: {line: endLine, column: endColumn, offset: range[1]}, text}
    }
    file.messages.push(message)
  }
  return file
}

const scoreKeys = ['sentences', 'words', 'syllables', 'polysyllables', 'complexWords', 'letters', 'fleschReadingEase', 'fleschKincaidGrade', 'smog', 'gunningFog', 'colemanLiau', 'automatedReadabilityIndex', 'readingAge'] as const
const nonFinite: Record<string, number> = {NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY, '-Infinity': Number.NEGATIVE_INFINITY}

/** JSON has no NaN or Infinity: those are written as strings, so a score survives exactly. */
function encodeScores(scores: ReadabilityScores): Record<string, number | string> {
  return Object.fromEntries(Object.entries(scores).map(([key, value]) => [key, Number.isFinite(value) ? value : String(value)]))
}

function decodeScores(scores: Record<string, number | string>): ReadabilityScores {
  return Object.fromEntries(Object.entries(scores).map(([key, value]) => [key, typeof value === 'number' ? value : nonFinite[value]!])) as unknown as ReadabilityScores
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const isCount = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0
const isPlace = isCount
const isDate = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
const severities = new Set(['error', 'warning', 'info'])
const suppressionKinds = new Set(['disable-next-line', 'disable'])

/** What is wrong with one entry of `files`, or undefined when every value reports read is sound. */
function entryProblem(entry: unknown, articles: number): string | undefined {
  if (!isObject(entry)) return 'is not an object'
  if (typeof entry.path !== 'string' || entry.path === '' || entry.path.includes('\0')) return 'has no valid `path`'
  if (!Array.isArray(entry.messages) || !entry.messages.every(isReportedMessage)) return 'has a message that is not a valid report message'
  if (!Array.isArray(entry.suppressions) || !entry.suppressions.every(isSuppression)) return 'has a suppression that is not valid'
  const merge = entry.merge
  if (!isObject(merge)) return 'has no `merge` data (was it printed without --shard?)'
  if (!isCount(merge.position) || (merge.position as number) >= articles) return `has a \`merge.position\` outside the run's ${articles} articles`
  if (merge.scores !== null && !isScores(merge.scores)) return 'has readability scores that are not valid'
  if (merge.readabilityTarget !== null && typeof merge.readabilityTarget !== 'number') return 'has a `readabilityTarget` that is not a number'
  if (merge.hardSentences !== null && !(Array.isArray(merge.hardSentences) && merge.hardSentences.every(isCount))) return 'has `hardSentences` that are not sentence numbers'
  if (merge.reviewDue !== null && !isDate(merge.reviewDue)) return 'has a `reviewDue` that is not a YYYY-MM-DD date'
  return undefined
}

function isScores(value: unknown): boolean {
  if (!isObject(value)) return false
  const keys = Object.keys(value)
  return keys.length === scoreKeys.length && scoreKeys.every((key) => {
    const score = value[key]
    return typeof score === 'number' || (typeof score === 'string' && Object.hasOwn(nonFinite, score))
  })
}

function isReportedMessage(value: unknown): value is ReportedMessage {
  if (!isObject(value)) return false
  if (typeof value.ruleId !== 'string' || !severities.has(value.severity as string) || typeof value.message !== 'string') return false
  if (![value.line, value.column, value.endLine, value.endColumn].every(isPlace)) return false
  if (value.note !== undefined && typeof value.note !== 'string') return false
  if (value.url !== undefined && typeof value.url !== 'string') return false
  if (value.fix === undefined) return true
  const fix = value.fix
  return isObject(fix) && Array.isArray(fix.range) && fix.range.length === 2 && fix.range.every(isCount) && (fix.range[0] as number) <= (fix.range[1] as number) &&
    [fix.line, fix.column, fix.endLine, fix.endColumn].every(isPlace) && typeof fix.text === 'string'
}

function isSuppression(value: unknown): value is JsonSuppression {
  return isObject(value) && typeof value.ruleId === 'string' && suppressionKinds.has(value.kind as string) && typeof value.reason === 'string' &&
    [value.line, value.column, value.endLine, value.endColumn].every(isPlace) &&
    Number.isSafeInteger(value.fromLine) && Number.isSafeInteger(value.toLine) && isCount(value.suppressed)
}
