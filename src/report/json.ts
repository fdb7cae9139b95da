// `--format json`: one object per file, in the order the files were given, messages sorted by
// position. The keys documented in the README are a stable contract; keys may be added.
import type {VFile} from 'vfile'
import {visibleMessages} from './messages.js'
import type {ReportedMessage} from './messages.js'
import {readabilityReportOf} from './readability.js'
import {toJsonOverride} from './overrides.js'
import type {JsonSafetyOverride, ReportedConfig} from './overrides.js'

export interface JsonFileReport {
  path: string
  messages: ReportedMessage[]
  /** Inline suppressions applied to this file, in file order (always present). */
  suppressions: JsonSuppression[]
  /** Safety rules the run's configuration turned off, lowered or changed (always present). */
  safetyOverrides: JsonSafetyOverride[]
  [key: string]: unknown
}

/** One rule turned off by one suppression comment, and how many messages it removed. */
export interface JsonSuppression {
  ruleId: string
  kind: 'disable-next-line' | 'disable'
  reason: string
  /** Where the comment is. */
  line: number
  column: number
  endLine: number
  endColumn: number
  /** The lines it covers, inclusive. */
  fromLine: number
  toLine: number
  suppressed: number
}

export function toJsonReport(file: VFile, quiet = false, config?: ReportedConfig): JsonFileReport {
  const report: JsonFileReport = {
    path: file.history[0] ?? '',
    messages: visibleMessages(file, quiet),
    suppressions: (file.data.suppressions ?? []).map((item) => ({
      ruleId: item.ruleId,
      kind: item.kind,
      reason: item.reason,
      line: item.position.start.line,
      column: item.position.start.column,
      endLine: item.position.end.line,
      endColumn: item.position.end.column,
      fromLine: item.fromLine,
      toLine: item.toLine,
      suppressed: item.suppressed
    })),
    safetyOverrides: (config?.safetyOverrides ?? []).map(toJsonOverride)
  }
  const readability = readabilityReportOf(file)
  if (readability) report.readability = readability
  return report
}

/** A streaming JSON array writer: `[`, then each file as it finishes, then `]`. */
export function createJsonStream(write: (chunk: string) => void, quiet: boolean, config?: ReportedConfig) {
  let first = true
  return {
    file(file: VFile) {
      write((first ? '[\n' : ',\n') + JSON.stringify(toJsonReport(file, quiet, config)))
      first = false
    },
    end() {
      write(first ? '[]\n' : '\n]\n')
    }
  }
}
