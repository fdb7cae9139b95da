// `--format github`: GitHub Actions workflow commands, so each problem shows on its line in
// the pull request's "Files changed" view. GitHub shows at most 10 annotations of each kind per
// step, so the most important come first (errors, then warnings, then notices; safety rules
// before others; then file order) and a last notice counts what was not annotated.
//
// The log also lists every message in the plain (stylish) layout, so nothing is lost past the
// cap. Article text reaches that listing through messages, so it is fenced with
// `::stop-commands::` — the runner then ignores anything in it that looks like a workflow
// command. The token is a hash of the listing itself: deterministic, yet no article can
// contain the token that ends its own fence.
import {createHash} from 'node:crypto'
import type {RuleSet} from '../rule-kit/rule-set.js'
import {reportPathOf} from './file-path.js'
import {visibleMessages} from './messages.js'
import type {MessageSeverity, ReportedMessage} from './messages.js'
import {formatStylish, formatTotals} from './stylish.js'
import {describeOverride, formatOverrides} from './overrides.js'
import {escapeData} from './safe-text.js'
import type {Reporter, ReporterOptions} from './index.js'
import {plural} from '../rule-kit/plural.js'

/** GitHub's limit on annotations of one kind (error, warning or notice) in one step. */
export const annotationLimit = 10

export type AnnotationKind = 'error' | 'warning' | 'notice'

export interface AnnotationProperties {
  title: string
  file: string
  line: number
  endLine: number
  col: number
  endColumn: number
}

export {escapeData}

/** Escape a command property as @actions/core does: also `:` and `,`, which delimit properties. */
export function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C')
}

/**
 * One workflow command. Properties are written in the order @actions/core's
 * `toCommandProperties` uses, so the line is byte-identical to `core.error(message, {…})`.
 */
export function formatCommand(kind: AnnotationKind, properties: Partial<AnnotationProperties>, message: string): string {
  const order: Array<keyof AnnotationProperties> = ['title', 'file', 'line', 'endLine', 'col', 'endColumn']
  const pairs = order.filter((key) => properties[key] !== undefined && properties[key] !== '').map((key) => `${key}=${escapeProperty(String(properties[key]))}`)
  return `::${kind}${pairs.length > 0 ? ' ' + pairs.join(',') : ''}::${escapeData(message)}`
}

/** A message waiting to be annotated, with where its file came in the run. */
export interface PendingAnnotation {
  path: string
  fileIndex: number
  message: ReportedMessage
}

const kindOf: Record<MessageSeverity, AnnotationKind> = {error: 'error', warning: 'warning', info: 'notice'}
const kindRank: Record<AnnotationKind, number> = {error: 0, warning: 1, notice: 2}
/** The annotation order: kind, then safety rules first, then file order and position. */
export function annotationOrder(rules: RuleSet): (a: PendingAnnotation, b: PendingAnnotation) => number {
  const safetyRules = new Set(rules.rules.filter((rule) => rule.safety).map((rule) => rule.id))
  return (a, b) => (
    kindRank[kindOf[a.message.severity]] - kindRank[kindOf[b.message.severity]] ||
    Number(!safetyRules.has(a.message.ruleId)) - Number(!safetyRules.has(b.message.ruleId)) ||
    a.fileIndex - b.fileIndex ||
    a.message.line - b.message.line ||
    a.message.column - b.message.column
  )
}

/** The workflow commands for `pending`: at most `limit` of each kind, then what was left out. */
export function formatAnnotations(pending: PendingAnnotation[], rules: RuleSet, limit = annotationLimit): string {
  const sorted = [...pending].sort(annotationOrder(rules))
  const groups: Record<AnnotationKind, PendingAnnotation[]> = {error: [], warning: [], notice: []}
  for (const item of sorted) groups[kindOf[item.message.severity]].push(item)
  const overflows = (Object.keys(groups) as AnnotationKind[]).some((kind) => groups[kind].length > limit)
  // The closing notice is itself a notice: keep a slot for it so that it is always shown.
  const caps: Record<AnnotationKind, number> = {error: limit, warning: limit, notice: overflows ? limit - 1 : limit}

  const lines: string[] = []
  const hidden: Record<AnnotationKind, number> = {error: 0, warning: 0, notice: 0}
  for (const kind of ['error', 'warning', 'notice'] as const) {
    for (const item of groups[kind].slice(0, caps[kind])) {
      const {message} = item
      lines.push(
        formatCommand(
          kind,
          {title: `healthlint: ${message.ruleId}`, file: item.path, line: message.line, endLine: message.endLine, col: message.column, endColumn: message.endColumn},
          message.note ? `${message.message}\n${message.note}` : message.message
        )
      )
    }
    hidden[kind] = Math.max(0, groups[kind].length - caps[kind])
  }
  if (overflows) {
    const parts = (['error', 'warning', 'notice'] as const).filter((kind) => hidden[kind] > 0).map((kind) => plural(hidden[kind], `more ${kind}`))
    lines.push(
      formatCommand(
        'notice',
        {title: 'healthlint: more problems than GitHub annotates'},
        `${joinWords(parts)} ${hidden.error + hidden.warning + hidden.notice === 1 ? 'was' : 'were'} not annotated (GitHub shows at most ${limit} of each kind per step). The job log lists every problem, and the job summary counts them per article.`
      )
    )
  }
  return lines.map((line) => line + '\n').join('')
}

/** The plain listing, fenced so the runner runs no command hidden in article text. */
export function fenceCommands(log: string): string {
  const token = 'healthlint-' + createHash('sha256').update(log).digest('hex').slice(0, 32)
  return `::stop-commands::${token}\n${log}${log.endsWith('\n') ? '' : '\n'}::${token}::\n`
}

export function createGithubReporter(options: ReporterOptions): Reporter {
  // Annotation paths are relative to the repository root, which is GITHUB_WORKSPACE on a runner.
  const base = options.env.GITHUB_WORKSPACE || options.cwd
  const plain = {quiet: options.quiet, color: false}
  let listing = ''
  const pending: PendingAnnotation[] = []
  let fileIndex = 0
  // Safety rules the config changed are annotated on the config file, ahead of every article.
  for (const override of options.config?.safetyOverrides ?? []) {
    pending.push({
      path: options.config?.source ?? '',
      fileIndex: -1,
      message: {ruleId: override.ruleId, severity: 'warning', message: describeOverride(override, options.config?.source), line: 1, column: 1, endLine: 1, endColumn: 1}
    })
  }
  return {
    file(file) {
      listing += formatStylish(file, plain)
      const path = reportPathOf(file, base, options.cwd)
      for (const message of visibleMessages(file, options.quiet)) pending.push({path, fileIndex, message})
      fileIndex++
    },
    end(totals) {
      options.write(fenceCommands(listing + formatOverrides(options.config) + formatTotals(totals, plain)))
      options.write(formatAnnotations(pending, options.rules))
    }
  }
}

function joinWords(parts: string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`
}
