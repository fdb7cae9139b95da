// The stable shape of one message, shared by every reporter.
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {withoutControls} from './safe-text.js'

export type MessageSeverity = 'error' | 'warning' | 'info'

export interface ReportedMessage {
  ruleId: string
  severity: MessageSeverity
  message: string
  line: number
  column: number
  endLine: number
  endColumn: number
  note?: string
  url?: string
  /** The edit `lint --fix` would make: the range it replaces (offsets and positions in the file) and the new text. */
  fix?: ReportedFix
}

export interface ReportedFix {
  /** Start and end offsets in the file's text (UTF-16 code units, after any byte order mark). */
  range: [number, number]
  line: number
  column: number
  endLine: number
  endColumn: number
  text: string
}

export function severityOf(message: VFileMessage): MessageSeverity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
}

export function toReported(message: VFileMessage): ReportedMessage {
  const start = message.place && 'start' in message.place ? message.place.start : message.place
  const end = message.place && 'end' in message.place ? message.place.end : undefined
  const line = start?.line ?? 1
  const column = start?.column ?? 1
  const reported: ReportedMessage = {
    ruleId: message.ruleId ?? 'healthlint',
    severity: severityOf(message),
    // Reasons quote article text: no terminal escape sequence may reach a report.
    message: withoutControls(message.reason),
    line,
    column,
    endLine: end?.line ?? line,
    endColumn: end?.column ?? column
  }
  if (message.note) reported.note = withoutControls(message.note)
  if (message.url) reported.url = message.url
  if (message.fix) {
    const {start, end, text} = message.fix
    reported.fix = {range: [start.offset, end.offset], line: start.line, column: start.column, endLine: end.line, endColumn: end.column, text}
  }
  return reported
}

/** The messages a report shows: with `quiet`, errors only. */
export function visibleMessages(file: VFile, quiet: boolean): ReportedMessage[] {
  return file.messages.filter((message) => !quiet || message.fatal === true).map(toReported)
}

export interface Totals {
  files: number
  filesWithErrors: number
  errors: number
  warnings: number
  infos: number
}

export function emptyTotals(): Totals {
  return {files: 0, filesWithErrors: 0, errors: 0, warnings: 0, infos: 0}
}

/** A file's messages by severity. */
export type MessageCounts = Pick<Totals, 'errors' | 'warnings' | 'infos'>

export function countsOf(file: VFile): MessageCounts {
  const counts: MessageCounts = {errors: 0, warnings: 0, infos: 0}
  for (const message of file.messages) {
    const severity = severityOf(message)
    if (severity === 'error') counts.errors++
    else if (severity === 'warning') counts.warnings++
    else counts.infos++
  }
  return counts
}

/** Count one more file, with these messages. */
export function addCounts(totals: Totals, counts: MessageCounts): void {
  totals.files++
  totals.errors += counts.errors
  totals.warnings += counts.warnings
  totals.infos += counts.infos
  if (counts.errors > 0) totals.filesWithErrors++
}

export function addToTotals(totals: Totals, file: VFile): void {
  addCounts(totals, countsOf(file))
}
