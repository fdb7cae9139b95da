// Dates as UK pages write them: "12 March 2026", "12th Mar 2026", "March 12, 2026", 12/03/2026
// (day first), 12.03.2026, 2026-03-12, and month and year ("March 2026"). One reader, so every
// rule that compares a written date with the frontmatter reads the same forms.
import {isIsoDate} from '../io/today.js'

export interface WrittenDate {
  written: string
  /** YYYY-MM-DD; for a month and year, the first of the month. */
  iso: string
  precision: 'day' | 'month'
}

const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
const month = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?'
const forms: Array<{pattern: RegExp; read(match: RegExpExecArray): [string, string, string]; precision: 'day' | 'month'}> = [
  {pattern: /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/, read: (m) => [m[1]!, m[2]!, m[3]!], precision: 'day'},
  {pattern: new RegExp(`(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${month},?\\s+(\\d{4})(?!\\d)`, 'i'), read: (m) => [m[3]!, monthOf(m[2]!), m[1]!], precision: 'day'},
  {pattern: new RegExp(`(?<![\\p{L}])${month}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'iu'), read: (m) => [m[3]!, monthOf(m[1]!), m[2]!], precision: 'day'},
  // Day first, as UK readers write it; with slashes, dots or hyphens.
  {pattern: /(?<![\d.])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?!\d)/, read: (m) => [m[4]!, m[3]!, m[1]!], precision: 'day'},
  {pattern: /(?<![\d.])(\d{1,2})([/.])(\d{1,2})\2(\d{2})(?![\d/.])/, read: (m) => [`20${m[4]!}`, m[3]!, m[1]!], precision: 'day'},
  {pattern: new RegExp(`(?<![\\p{L}\\d])${month},?\\s+(\\d{4})(?!\\d)`, 'iu'), read: (m) => [m[2]!, monthOf(m[1]!), '1'], precision: 'month'},
  {pattern: /(?<![\d/.])(\d{1,2})\/(\d{4})(?!\d)/, read: (m) => [m[2]!, m[1]!, '1'], precision: 'month'}
]

/**
 * The first real date written in `text` (the earliest-placed of the forms), or undefined. With
 * `atStart`, only a date at the start (after "on", a colon or a dash).
 */
export function dateIn(text: string, atStart = false): WrittenDate | undefined {
  let best: (WrittenDate & {index: number}) | undefined
  for (const {pattern, read, precision} of forms) {
    const match = pattern.exec(text)
    if (!match) continue
    if (best && best.index <= match.index) continue
    const [year, monthNumber, day] = read(match)
    const iso = `${year}-${monthNumber.padStart(2, '0')}-${day.padStart(2, '0')}`
    if (isIsoDate(iso)) best = {written: match[0], iso, precision, index: match.index}
  }
  if (!best) return undefined
  if (atStart && !/^[\s:–—-]*(?:on\s+)?$/i.test(text.slice(0, best.index))) return undefined
  return {written: best.written, iso: best.iso, precision: best.precision}
}

function monthOf(name: string): string {
  const index = months.findIndex((candidate) => candidate.startsWith(name.toLowerCase().replace(/\.$/, '').slice(0, 3)))
  return String(index + 1)
}
