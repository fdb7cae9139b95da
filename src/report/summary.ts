// The job summary: a Markdown table, one row per article (failing articles first), appended to
// the file GitHub names in GITHUB_STEP_SUMMARY (or `--summary FILE`), so a reviewer sees every
// article's state at a glance on the run's page. Built from counts and dates only: the files
// themselves are not kept.
import type {VFile} from 'vfile'
import type {ResolvedConfig} from '../config/config.js'
import {reviewDueOf} from '../rule-kit/review-due.js'
import {reportPathOf} from './file-path.js'
import {severityOf} from './messages.js'
import type {Totals} from './messages.js'
import {formatTotals} from './stylish.js'
import {describeOverride} from './overrides.js'
import type {ReportedConfig} from './overrides.js'
import {withoutControls} from './safe-text.js'

export interface SummaryRow {
  path: string
  errors: number
  warnings: number
  readingAge: number | undefined
  reviewDue: string | undefined
  /** Today, to mark reviews that are overdue. */
  now: string | undefined
}

export function summaryRowOf(file: VFile, config: Pick<ResolvedConfig, 'settings'>, base: string): SummaryRow {
  let errors = 0
  let warnings = 0
  for (const message of file.messages) {
    const severity = severityOf(message)
    if (severity === 'error') errors++
    else if (severity === 'warning') warnings++
  }
  return {
    path: reportPathOf(file, base),
    errors,
    warnings,
    readingAge: file.data.readability?.readingAge,
    // A copy: a date read from the frontmatter may be a slice of the whole article text, which a
    // row kept for every article would otherwise keep alive until the end of the run.
    reviewDue: copyOf(reviewDueOf(file.data.frontmatter?.data, config)),
    now: file.data.now
  }
}

function copyOf(value: string | undefined): string | undefined {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as string)
}

const none = '–'

/** The summary's Markdown: a heading, the totals, and the table. */
export function formatSummary(rows: SummaryRow[], totals: Totals, config?: ReportedConfig): string {
  // Failing articles first, then those with warnings, each group in the order linted.
  const rank = (row: SummaryRow) => (row.errors > 0 ? 0 : row.warnings > 0 ? 1 : 2)
  const sorted = rows.map((row, index) => ({row, index})).sort((a, b) => rank(a.row) - rank(b.row) || a.index - b.index)
  const lines = [
    '## healthlint',
    '',
    formatTotals(totals, {quiet: false, color: false}).trim(),
    ''
  ]
  const overrides = config?.safetyOverrides ?? []
  if (overrides.length > 0) {
    lines.push(`**⚠ ${overrides.length} safety rule${overrides.length === 1 ? ' is' : 's are'} changed by the configuration.** A clinical owner should review ${overrides.length === 1 ? 'this change' : 'these changes'}:`, '')
    for (const override of overrides) lines.push(`- ${escapeMarkdown(describeOverride(override, config?.source))}`)
    lines.push('')
  }
  if (rows.length > 0) {
    lines.push('| Article | Errors | Warnings | Reading age | Review due |', '| --- | ---: | ---: | ---: | --- |')
    for (const {row} of sorted) {
      const age = row.readingAge === undefined || !Number.isFinite(row.readingAge) ? none : String(Math.round(row.readingAge))
      const due = row.reviewDue === undefined ? none : row.now !== undefined && row.reviewDue < row.now ? `${row.reviewDue} (overdue)` : row.reviewDue
      const status = row.errors > 0 ? '✖ ' : row.warnings > 0 ? '⚠ ' : '✔ '
      lines.push(`| ${status}${escapeMarkdown(row.path)} | ${row.errors} | ${row.warnings} | ${age} | ${due} |`)
    }
    lines.push('')
  }
  return lines.join('\n') + '\n'
}

/**
 * Make text safe in a Markdown table cell: line breaks become spaces (a cell is one line), and
 * the punctuation that GitHub's Markdown acts on is backslash-escaped, so a pipe cannot split
 * the cell and a file name cannot format, link, mention, or turn into math or an emoji.
 * (Any ASCII punctuation may be escaped; `/`, `-` and `.` are left alone to keep paths legible.)
 */
export function escapeMarkdown(text: string): string {
  return withoutControls(text).replace(/\r\n?|\n/g, ' ').replace(/[\\`*_[\]<>|~&!$:#@]/g, '\\$&')
}

export function createSummary(config: Pick<ResolvedConfig, 'settings'> & Partial<ReportedConfig>, base: string) {
  const rows: SummaryRow[] = []
  return {
    /** One article's row; `known` gives its review due date when the file no longer has its frontmatter (a shard's report). */
    file(file: VFile, known?: {reviewDue: string | undefined}) {
      const row = summaryRowOf(file, config, base)
      rows.push(known ? {...row, reviewDue: known.reviewDue} : row)
    },
    format(totals: Totals) {
      return formatSummary(rows, totals, {source: config.source, safetyOverrides: config.safetyOverrides ?? []})
    }
  }
}
