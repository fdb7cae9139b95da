// number-style: numbers, ranges, times and dates written the way UK health content writes them:
// "2 to 4 weeks", "between 2 and 4", "9am to 5:30pm", "midday", "22 December 2025".
//
// Why: the NHS service manual content style guide and the GOV.UK style guide use numerals for
// numbers (they are easier to scan and to take in: "take 2 tablets", not "take two tablets"),
// "to" rather than a dash in a range (a dash can be read as a minus, and screen readers read it
// differently), "am"/"pm" with no space and a colon for minutes, "midday" and "midnight" rather
// than "12pm" and "12am", and dates written day, month in words, year — never a numeric date,
// which means different days in the UK and the US. "One" stays a word ("one of the most
// common"), as both guides allow. Every replacement that is certain is a fix: a number word, a
// dash range, a time, a date with a month name or an unambiguous numeric date.
// Turn it off: per check with the options, for content with its own conventions.
import {defineRule} from '../src/rule-kit/rule.js'
import type {RuleContext} from '../src/rule-kit/rule.js'
import {isInside, matchesOf, quotedStretches, reportSpan, startsSentence, textBlocks} from '../src/rule-kit/text-blocks.js'
import type {TextBlock} from '../src/rule-kit/text-blocks.js'

export interface NumberStyleOptions extends Record<string, unknown> {
  words: boolean
  ranges: boolean
  times: boolean
  dates: boolean
}

const units: Record<string, number> = {two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19}
const tens: Record<string, number> = {twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90}
const ones: Record<string, number> = {one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9}
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

const numberWord = new RegExp(`(?<![\\p{L}\\p{N}'’-])(${[...Object.keys(tens), ...Object.keys(units)].join('|')})(?:-(${Object.keys(ones).join('|')}))?(?![\\p{L}\\p{N}'’])`, 'giu')
// Words after a number word that make it a fraction, a large number or an idiom, not a count.
const notACount = /^(?:-|\s+)(?:halves|half|thirds?|quarters?|fifths?|sixths?|eighths?|tenths?|hundred|thousand|million|billion)(?![\p{L}])/iu

const amount = '\\d+(?:\\.\\d+)?'
const rangeUnit = '(?:am|pm|%|kg|g|mg|mcg|ml|l|cm|mm|km|m)?'
const dashRange = new RegExp(`(?<![\\p{L}\\p{N}.,:/£$€-])(${amount})(${rangeUnit})(\\s?[-–—]\\s?|\\s[-–—]\\s)(${amount})(${rangeUnit})(?![\\p{L}\\p{N}/:-]|[.,]\\d)`, 'gu')
const time = /(?<![\p{L}\p{N}.:,£$])(\d{1,2})(?:([:.])(\d{2}))?(\s?)(a\.m\.|p\.m\.|am|pm|AM|PM|A\.M\.|P\.M\.)(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])12\s?noon(?![\p{L}])/gu
const isoDate = /(?<![\p{L}\p{N}\/.:-])(\d{4})-(\d{2})-(\d{2})(?![\p{L}\p{N}\/:-])/gu
const numericDate = /(?<![\p{L}\p{N}\/.:-])(\d{1,2})([\/.])(\d{1,2})\2(\d{4}|\d{2})(?![\p{L}\p{N}\/:-]|\.\d)/gu
const monthDay = new RegExp(`(?<![\\p{L}\\p{N}])(${months.join('|')}) (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?(?![\\p{L}\\p{N}:])`, 'gu')
const ordinalDay = new RegExp(`(?<![\\p{L}\\p{N}])(\\d{1,2})(st|nd|rd|th) (?:of )?(${months.join('|')})(?![\\p{L}])`, 'gu')

const header = '---\ntitle: Placeholder\n---\n\n'

export default defineRule<NumberStyleOptions>({
  id: 'number-style',
  description: 'Numbers are numerals ("2 to 4 weeks"), ranges use "to" not a dash, times are written "9am" or "5:30pm" (or "5.30pm"), and dates "22 December 2025".',
  rationale: 'The NHS service manual content style guide and the GOV.UK style guide use numerals for numbers except "one" (easier to scan), "to" in ranges (a dash can read as a minus), "9am", "5:30pm" (the NHS writes "5.30pm": either is accepted), "midday" and "midnight", and dates with the month as a word: a numeric date such as 03/04/2026 means different days in the UK and the US. Fixable where the replacement is certain; a numeric date whose day and month could be either way round is reported only. Turn checks off with the options.',
  severity: 'warning',
  requires: 'tree',
  englishOnly: true,
  fixable: true,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      words: {type: 'boolean', description: 'Report numbers written as words (two to ninety-nine; "one" is allowed).'},
      ranges: {type: 'boolean', description: 'Report ranges written with a dash ("2-4", "between 2-4").'},
      times: {type: 'boolean', description: 'Report times not written "9am", "9:30am" (or "9.30am"), "midday" or "midnight".'},
      dates: {type: 'boolean', description: 'Report numeric dates, US-order dates and ordinal days ("22nd").'}
    }
  },
  defaults: {words: true, ranges: true, times: true, dates: true},
  examples: {
    valid: [
      {name: 'numerals, "to" ranges, UK times and dates', input: header + 'Rest for 2 to 4 weeks. The clinic is open 9am to 5:30pm (8am to 6.30pm on Mondays), and closes at midday on 24 December 2026.\n'},
      {name: '"one", fractions, large numbers, names and a word before a numeral', input: header + 'One of the most common causes is strain. About two-thirds of people get better. One or two people in ten thousand get it. The Four Corners area is dry. Drink eight 8-ounce glasses.\n'},
      {name: 'phone numbers, codes, dates in ISO form in code, and scores', input: header + 'Call 0300 123-4567 or (877) 448-7848 or 448-7848. Ask about COVID-19 and type-2 codes. See `2025-12-22`. The score was 3-1.\n'},
      {name: 'number words in quoted speech', input: header + 'She said “I walked for two hours”.\n'},
      {name: 'everything off', input: header + 'Take two tablets 2-3 times a day at 9 am on 12/03/2026.\n', options: {words: false, ranges: false, times: false, dates: false}}
    ],
    invalid: [
      {
        name: 'number words and a number-word range',
        input: header + 'Take two tablets. Pain lasts two to four weeks, or twenty-one days.\n',
        messages: [
          '5:6: Write “two” as a numeral: “2”.',
          '5:30: Write “two” as a numeral: “2”.',
          '5:37: Write “four” as a numeral: “4”.',
          '5:52: Write “twenty-one” as a numeral: “21”.'
        ],
        fixed: header + 'Take 2 tablets. Pain lasts 2 to 4 weeks, or 21 days.\n'
      },
      {
        name: 'dash ranges, with "between" and "from"',
        input: header + 'Rest for 2-4 weeks. Take it between 2–3 times a day, from 10am - 2pm.\n',
        messages: [
          '5:10: Write the range “2-4” with “to”: “2 to 4”.',
          '5:29: Write the range “between 2–3” with “and”: “between 2 and 3”.',
          '5:59: Write the range “10am - 2pm” with “to”: “10am to 2pm”.'
        ],
        fixed: header + 'Rest for 2 to 4 weeks. Take it between 2 and 3 times a day, from 10am to 2pm.\n'
      },
      {
        name: 'times',
        input: header + 'Come at 9.00 am, 2:30PM, 4.15 pm or 12pm.\n',
        messages: [
          '5:9: Write the time “9.00 am” as “9am”.',
          '5:18: Write the time “2:30PM” as “2:30pm”.',
          '5:26: Write the time “4.15 pm” as “4.15pm”.',
          '5:37: Write the time “12pm” as “midday”.'
        ],
        fixed: header + 'Come at 9am, 2:30pm, 4.15pm or midday.\n'
      },
      {
        name: 'dates',
        input: header + 'Updated on December 22, 2025, 2025-12-23 and 22nd December. Next: 24/12/2025 or 03/04/2026.\n',
        messages: [
          '5:12: Write the date “December 22, 2025” as “22 December 2025”.',
          '5:31: Write the date “2025-12-23” as “23 December 2025”.',
          '5:46: Write the date “22nd December” as “22 December”.',
          '5:67: Write the date “24/12/2025” as “24 December 2025”.',
          '5:81: Write the date “03/04/2026” with the month as a word, such as “3 April 2026”: in numbers it means a different day in the US.'
        ],
        fixed: header + 'Updated on 22 December 2025, 23 December 2025 and 22 December. Next: 24 December 2025 or 03/04/2026.\n'
      }
    ]
  },
  check
})

function check(context: RuleContext<NumberStyleOptions>): void {
  const {options} = context
  for (const block of textBlocks(context.tree, context.file)) {
    const quoted = quotedStretches(block.text)
    const found: Found[] = []
    if (options.words) findWords(block, quoted, found)
    const digits = /\d/.test(block.text)
    if (options.ranges && digits) findRanges(block, found)
    if (options.times && digits) findTimes(block, found)
    if (options.dates && digits) findDates(block, found)
    found.sort((a, b) => a.from - b.from)
    let last = -1
    for (const item of found) {
      // One message for one stretch of text (a date's numbers are not also a range).
      if (item.from < last) continue
      last = item.to
      const fix = item.fix !== undefined && !isInside(quoted, item.from) ? {fix: item.fix} : item.fix !== undefined ? {expected: [item.fix]} : {}
      reportSpan(context, block, item.from, item.to, item.reason, fix)
    }
  }
}

interface Found {
  from: number
  to: number
  reason: string
  fix?: string
}

function findWords(block: TextBlock, quoted: Array<[number, number]>, found: Found[]): void {
  const text = block.text
  for (const match of matchesOf(text, numberWord)) {
    if (isInside(quoted, match.index)) continue
    const written = match[0]
    const after = text.slice(match.index + written.length)
    if (notACount.test(after)) continue
    const before = text.slice(0, match.index)
    // A capital inside a sentence is a name ("the Four Corners area"); a numeral right after
    // needs the word to keep them apart ("eight 8-ounce glasses").
    if (/^\p{Lu}/u.test(written) && !startsSentence(text, match.index)) continue
    if (/^\s*\d/.test(after)) continue
    // "one or two", "a day or two", "in two": idioms for "a few", not counts.
    if (/\bone\s+or\s+$/i.test(before) && /^two$/i.test(written)) continue
    if (/^two$/i.test(written) && /\b(?:or|in)\s+$/i.test(before) && /^\s*(?:[.,;:!?)]|$)/.test(after)) continue
    const value = (units[match[1]!.toLowerCase()] ?? tens[match[1]!.toLowerCase()]!) + (match[2] ? ones[match[2].toLowerCase()]! : 0)
    found.push({from: match.index, to: match.index + written.length, reason: `Write “${written}” as a numeral: “${value}”.`, fix: String(value)})
  }
}

function findRanges(block: TextBlock, found: Found[]): void {
  const text = block.text
  for (const match of matchesOf(text, dashRange)) {
    const [written, first, firstUnit, , second, secondUnit] = match as unknown as string[]
    const before = text.slice(0, match.index)
    // Phone numbers ("0300 123-4567"), leading zeros and descending pairs (scores) are not ranges.
    if (/(?:\d|\))\s?$/.test(before) || /^0\d/.test(first!) || /^0\d/.test(second!)) continue
    // "448-7848" is a local phone number (ranges of that size start at a round number: "100-1000").
    if (/^\d{3}$/.test(first!) && /^\d{4}$/.test(second!) && !first!.endsWith('0')) continue
    if (Number(first) > Number(second) && !(firstUnit === 'am' && secondUnit === 'pm')) continue
    // A unit only after the second number, or both: keep them as written.
    const between = /\bbetween\s+$/i.exec(before)
    const joiner = between ? 'and' : 'to'
    const from = between ? match.index - between[0].length : match.index
    const original = text.slice(from, match.index + written!.length)
    const replacement = `${between ? between[0] : ''}${first}${firstUnit} ${joiner} ${second}${secondUnit}`
    found.push({from, to: match.index + written!.length, reason: `Write the range “${original}” with “${joiner}”: “${replacement}”.`, fix: replacement})
  }
}

function findTimes(block: TextBlock, found: Found[]): void {
  for (const match of matchesOf(block.text, time)) {
    const written = match[0]
    let replacement: string
    if (/noon/i.test(written)) replacement = 'midday'
    else {
      const hour = Number(match[1])
      const minutes = match[3]
      const half = match[5]!.toLowerCase().replaceAll('.', '')
      if (hour < 1 || hour > 12 || (minutes !== undefined && Number(minutes) > 59)) continue
      if (hour === 12 && (minutes === undefined || minutes === '00')) replacement = half === 'pm' ? 'midday' : 'midnight'
      // The NHS writes "9.30am", GOV.UK "9:30am": the writer's separator is kept.
      else replacement = `${hour}${minutes !== undefined && minutes !== '00' ? `${match[2]}${minutes}` : ''}${half}`
    }
    if (replacement === written) continue
    found.push({from: match.index, to: match.index + written.length, reason: `Write the time “${written}” as “${replacement}”.`, fix: replacement})
  }
}

function findDates(block: TextBlock, found: Found[]): void {
  const text = block.text
  const push = (index: number, written: string, day: number, month: number, year: string | undefined) => {
    if (!isRealDate(day, month, year === undefined ? 2024 : Number(year))) return
    const replacement = `${day} ${months[month - 1]}${year === undefined ? '' : ` ${year}`}`
    found.push({from: index, to: index + written.length, reason: `Write the date “${written}” as “${replacement}”.`, fix: replacement})
  }
  for (const match of matchesOf(text, isoDate)) push(match.index, match[0], Number(match[3]), Number(match[2]), match[1])
  for (const match of matchesOf(text, monthDay)) {
    // "May 5" at the start of a sentence is more often "May 5 people …" than a date.
    if (match[1] === 'May' && match[3] === undefined) continue
    push(match.index, match[0], Number(match[2]), months.indexOf(match[1]!) + 1, match[3])
  }
  for (const match of matchesOf(text, ordinalDay)) push(match.index, match[0], Number(match[1]), months.indexOf(match[3]!) + 1, undefined)
  for (const match of matchesOf(text, numericDate)) {
    const [written, a, separator, b, year] = match as unknown as string[]
    // "1.2.34" is a version number, not a date.
    if (separator === '.' && year!.length === 2) continue
    const first = Number(a)
    const second = Number(b)
    const fullYear = year!.length === 4 ? year! : undefined
    const ukOrder = first > 12 && second <= 12
    const usOrder = second > 12 && first <= 12
    if ((ukOrder || usOrder) && fullYear) {
      push(match.index, written!, ukOrder ? first : second, ukOrder ? second : first, fullYear)
      continue
    }
    if (!isRealDate(first, second, 2024) && !isRealDate(second, first, 2024)) continue
    const example = isRealDate(first, second, 2024) ? `${first} ${months[second - 1]}${fullYear ? ` ${fullYear}` : ''}` : `${second} ${months[first - 1]}`
    found.push({from: match.index, to: match.index + written!.length, reason: `Write the date “${written}” with the month as a word, such as “${example}”: in numbers it means a different day in the US.`})
  }
}

function isRealDate(day: number, month: number, year: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}
