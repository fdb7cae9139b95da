// `--format json`: one object per file, in the order the files were given, messages sorted by
// position. The keys documented in the README are a stable contract; keys may be added.
import type {VFile} from 'vfile'
import {visibleMessages} from './messages.js'
import type {ReportedMessage} from './messages.js'
import {readabilityReportOf} from './readability.js'

export interface JsonFileReport {
  path: string
  messages: ReportedMessage[]
  [key: string]: unknown
}

export function toJsonReport(file: VFile, quiet = false): JsonFileReport {
  const report: JsonFileReport = {path: file.history[0] ?? '', messages: visibleMessages(file, quiet)}
  const readability = readabilityReportOf(file)
  if (readability) report.readability = readability
  return report
}

/** A streaming JSON array writer: `[`, then each file as it finishes, then `]`. */
export function createJsonStream(write: (chunk: string) => void, quiet: boolean) {
  let first = true
  return {
    file(file: VFile) {
      write((first ? '[\n' : ',\n') + JSON.stringify(toJsonReport(file, quiet)))
      first = false
    },
    end() {
      write(first ? '[]\n' : '\n]\n')
    }
  }
}
