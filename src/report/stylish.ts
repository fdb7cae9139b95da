// `--format stylish` (the default): vfile-reporter's layout, grouped by file, for people.
// `path:line:column` leads each line so editors and terminals can jump to it.
import {styleText} from 'node:util'
import type {VFile} from 'vfile'
import {visibleMessages} from './messages.js'
import type {Totals} from './messages.js'
import {displayPath, oneLine} from './safe-text.js'
import {plural} from '../rule-kit/plural.js'

export interface StylishOptions {
  quiet: boolean
  color: boolean
}

type Style = Parameters<typeof styleText>[0]

// `validateStream: false`: the CLI has already decided (a terminal, NO_COLOR, --color,
// --no-color); newer Node versions would otherwise look at process.stdout themselves.
const paint = (color: boolean, style: Style, text: string) => (color ? styleText(style, text, {validateStream: false}) : text)

/** The block for one file, or '' when there is nothing to show. */
export function formatStylish(file: VFile, options: StylishOptions, summary?: string): string {
  const messages = visibleMessages(file, options.quiet)
  if (messages.length === 0 && !summary) return ''
  const path = displayPath(file.history[0] ?? '<stdin>')
  const lines = [paint(options.color, 'underline', path)]
  for (const message of messages) {
    const where = `${path}:${message.line}:${message.column}`
    const label = message.severity === 'error' ? paint(options.color, 'red', 'error  ') : message.severity === 'warning' ? paint(options.color, 'yellow', 'warning') : paint(options.color, 'cyan', 'info   ')
    lines.push(`  ${where}  ${label}  ${oneLine(message.message)}  ${paint(options.color, 'gray', message.ruleId)}`)
  }
  if (summary) lines.push(`  ${summary}`)
  return lines.join('\n') + '\n\n'
}

export function formatTotals(totals: Totals, options: StylishOptions): string {
  const warnings = options.quiet ? 0 : totals.warnings
  if (totals.errors === 0 && warnings === 0) {
    return `${paint(options.color, 'green', '✔')} ${plural(totals.files, 'article')} checked: no problems\n`
  }
  const mark = totals.errors > 0 ? paint(options.color, 'red', '✖') : paint(options.color, 'yellow', '⚠')
  const parts = [plural(totals.errors, 'error')]
  if (!options.quiet) parts.push(plural(totals.warnings, 'warning'))
  return `${mark} ${parts.join(', ')} in ${plural(totals.files, 'article')} checked (${totals.filesWithErrors} with errors)\n`
}
