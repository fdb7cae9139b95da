// The review schedule: which articles' clinical reviews fall due soonest, with their reviewer,
// for the content team's planning. Reads the frontmatter only (no rules run), and formats the
// list as a table, as CSV (RFC 4180) or as an iCalendar file (RFC 5545) that Outlook and Google
// Calendar import. Everything is computed from `now`, so the same articles and date always give
// the same bytes.
import type {ResolvedConfig} from '../config/config.js'
import {expandPaths} from '../io/files.js'
import {loadArticle} from '../pipeline/load.js'
import {parseFrontmatter} from '../pipeline/frontmatter.js'
import {slugOf} from '../pipeline/slugs.js'
import {reviewDueOf} from '../rule-kit/review-due.js'
import {addDays, daysBetween} from '../io/today.js'
import {displayPath, oneLine} from '../report/safe-text.js'
import {plural} from '../rule-kit/plural.js'

export interface ScheduleOptions {
  cwd: string
  config: ResolvedConfig
  /** Today as YYYY-MM-DD. */
  now: string
  /** Include reviews due within this many days of `now` (overdue ones always). */
  within: number
}

export interface ScheduledReview {
  path: string
  slug: string
  title: string
  reviewer: {name: string; credential: string} | undefined
  lastReviewed: string | undefined
  /** YYYY-MM-DD. */
  due: string
  /** Days from `now` to `due`; negative when overdue. */
  daysLeft: number
}

export interface ReviewSchedule {
  now: string
  within: number
  /** Overdue reviews first: sorted by due date, then path. */
  reviews: ScheduledReview[]
  /** Articles with no usable `lastReviewed` or `nextReview` (lint reports why), in path order. */
  undated: string[]
}

export const scheduleFormats = ['table', 'csv', 'ics'] as const
export type ScheduleFormat = (typeof scheduleFormats)[number]

/** Read the frontmatter of the articles at `inputs` and list the reviews due. */
export async function reviewScheduleOf(inputs: string[], options: ScheduleOptions): Promise<ReviewSchedule> {
  const paths = await expandPaths(inputs, options.cwd)
  const reviews: ScheduledReview[] = []
  const undated: string[] = []
  for (const path of paths) {
    const file = await loadArticle(path, options.cwd, options.config.limits)
    if (file.data.loaded) parseFrontmatter(file, options.config.limits)
    const data = file.data.frontmatter?.data
    const due = reviewDueOf(data, options.config)
    if (!due) {
      undated.push(path)
      continue
    }
    const daysLeft = daysBetween(options.now, due)
    if (daysLeft > options.within) continue
    const {slug} = slugOf(data, path)
    const reviewedBy = data?.reviewedBy as Record<string, unknown> | null | undefined
    const name = typeof reviewedBy?.name === 'string' ? reviewedBy.name : ''
    const credential = typeof reviewedBy?.credential === 'string' ? reviewedBy.credential : ''
    reviews.push({
      path,
      slug,
      title: typeof data?.title === 'string' && data.title.trim() !== '' ? oneLine(data.title) : slug,
      reviewer: name || credential ? {name: oneLine(name), credential: oneLine(credential)} : undefined,
      lastReviewed: typeof data?.lastReviewed === 'string' ? data.lastReviewed : undefined,
      due,
      daysLeft
    })
  }
  reviews.sort((a, b) => compare(a.due, b.due) || compare(a.path, b.path))
  return {now: options.now, within: options.within, reviews, undated: undated.sort(compare)}
}

export function formatSchedule(schedule: ReviewSchedule, format: ScheduleFormat): string {
  return format === 'csv' ? formatCsv(schedule) : format === 'ics' ? formatIcs(schedule) : formatTable(schedule)
}

const reviewerOf = (review: ScheduledReview) => (review.reviewer ? [review.reviewer.name, review.reviewer.credential].filter(Boolean).join(', ') : '')

/** A plain-text table for people, with a one-line summary above it. */
export function formatTable(schedule: ReviewSchedule): string {
  const until = addDays(schedule.now, schedule.within)
  const overdue = schedule.reviews.filter((review) => review.daysLeft < 0).length
  if (schedule.reviews.length === 0) return `No reviews due by ${until} (within ${schedule.within} days of ${schedule.now}).\n`
  const summary = `${plural(schedule.reviews.length, 'review')} due by ${until} (within ${schedule.within} days of ${schedule.now})${overdue > 0 ? `, ${overdue} overdue` : ''}.`
  const rows = [
    ['Due', 'Days left', 'Article', 'Title', 'Reviewer', 'Last reviewed'],
    ...schedule.reviews.map((review) => [review.due, String(review.daysLeft), displayPath(review.path), review.title, reviewerOf(review) || '(none named)', oneLine(review.lastReviewed ?? '')])
  ]
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => [...row[column]!].length)))
  const lines = rows.map((row) =>
    row
      .map((cell, column) => (column === 1 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd()
  )
  return `${summary}\n\n${lines.join('\n')}\n`
}

/**
 * CSV per RFC 4180: a header row, CRLF line endings, fields quoted when they hold a comma,
 * quote or line break. Text that a spreadsheet would run as a formula (starting with = + - @)
 * is prefixed with `'`, as OWASP advises, since the file is meant to be opened in Excel.
 */
export function formatCsv(schedule: ReviewSchedule): string {
  const rows = [
    ['due', 'daysLeft', 'path', 'title', 'reviewer', 'credential', 'lastReviewed'],
    ...schedule.reviews.map((review) => [
      review.due,
      String(review.daysLeft),
      text(review.path),
      text(review.title),
      text(review.reviewer?.name ?? ''),
      text(review.reviewer?.credential ?? ''),
      review.lastReviewed === undefined ? '' : text(review.lastReviewed)
    ])
  ]
  return rows.map((row) => row.map(csvField).join(',') + '\r\n').join('')
}

function text(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

/**
 * iCalendar per RFC 5545: one all-day event per review on its due date. The UID comes from the
 * article's slug, so importing a newer file updates events rather than duplicating them; the
 * DTSTAMP comes from `now`, so the file is reproducible.
 */
export function formatIcs(schedule: ReviewSchedule): string {
  const compact = (date: string) => date.replaceAll('-', '')
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//healthlint//review-schedule//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', 'X-WR-CALNAME:Article review schedule']
  const uids = new Set<string>()
  for (const review of schedule.reviews) {
    // Two articles with the same slug (a lint error) still need distinct events.
    let uid = `${review.slug}@healthlint`
    if (uids.has(uid)) uid = `${review.path.replace(/[^A-Za-z0-9.-]+/g, '-')}@healthlint`
    uids.add(uid)
    const description = [
      `Reviewer: ${reviewerOf(review) || 'none named'}`,
      `Article: ${review.path}`,
      `Last reviewed: ${review.lastReviewed ?? 'unknown'}`
    ].join('\n')
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeIcsText(uid)}`,
      `DTSTAMP:${compact(schedule.now)}T000000Z`,
      `DTSTART;VALUE=DATE:${compact(review.due)}`,
      `DTEND;VALUE=DATE:${compact(addDays(review.due, 1))}`,
      `SUMMARY:${escapeIcsText(`Review due: ${review.title}`)}`,
      `DESCRIPTION:${escapeIcsText(description)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT'
    )
  }
  lines.push('END:VCALENDAR')
  return lines.map(foldIcsLine).join('')
}

/** Escape a TEXT value (RFC 5545 §3.3.11). */
export function escapeIcsText(value: string): string {
  // A bare CR is a line break too (a file name may hold one), and RFC 5545 allows no other
  // control character in a TEXT value.
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n?|\n/g, '\\n').replace(/[\u0000-\u0008\u000A-\u001F\u007F]/g, '')
}

/**
 * Fold a content line so no physical line is longer than 75 octets (RFC 5545 §3.1), never
 * splitting a UTF-8 character, and end every physical line with CRLF.
 */
export function foldIcsLine(line: string): string {
  const parts: string[] = []
  let current = ''
  let octets = 0
  for (const character of line) {
    const size = Buffer.byteLength(character)
    // A continuation line starts with a space, which counts towards its 75 octets.
    const limit = parts.length === 0 ? 75 : 74
    if (octets + size > limit) {
      parts.push(current)
      current = ''
      octets = 0
    }
    current += character
    octets += size
  }
  parts.push(current)
  return parts.join('\r\n ') + '\r\n'
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
