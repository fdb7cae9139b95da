// require-reviewer: the article says who reviewed it ("Last reviewed by <name>, <credential>"),
// and that statement agrees with `reviewedBy` in the frontmatter: the same name, and, where the
// body gives a date ("Updated: 22 December 2025"), the same date as `lastReviewed`.
//
// Why: patients trust an article because a named clinician checked it. A page that names no
// reviewer, or names a different one (or date) than the record the team keeps in the
// frontmatter, cannot be trusted to be the reviewed version. Names are compared ignoring letter
// case, punctuation and titles such as "Dr". Turn it off: never.
import type {Paragraph} from 'mdast'
import {visit} from '../src/visit.js'
import {defineRule, wordList} from '../src/rule.js'
import {normalise, plainTextOf} from '../src/pipeline/sections.js'
import {quote} from '../src/phrases.js'
import {isIsoDate} from '../src/today.js'

type Options = {
  statements: string[]
  dateLabels: string[]
}

const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
const monthPattern = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?'
const datePatterns: Array<{pattern: RegExp; read(match: RegExpExecArray): [string, string, string]}> = [
  {pattern: /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/, read: (m) => [m[1]!, m[2]!, m[3]!]},
  {pattern: new RegExp(`(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?\\s+${monthPattern},?\\s+(\\d{4})(?!\\d)`, 'i'), read: (m) => [m[3]!, monthOf(m[2]!), m[1]!]},
  {pattern: new RegExp(`(?<![\\p{L}])${monthPattern}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'iu'), read: (m) => [m[3]!, monthOf(m[1]!), m[2]!]},
  // Day first, as UK readers write it.
  {pattern: /(?<!\d)(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/, read: (m) => [m[3]!, m[2]!, m[1]!]}
]
const titles = new Set(['dr', 'doctor', 'prof', 'professor', 'mr', 'mrs', 'ms', 'miss', 'mx'])

const frontmatter = (name: string, date = '2025-12-22') => `---\ntitle: Lower back pain\nlastReviewed: ${date}\nreviewedBy:\n  name: ${name}\n  credential: GMC registered GP\n---\n\n# Lower back pain\n\nPlaceholder paragraph.\n\n`

export default defineRule<Options>({
  id: 'require-reviewer',
  description: 'The article says who reviewed it ("Last reviewed by <name>, <credential>"), and the name, and any date it gives, agree with reviewedBy and lastReviewed in the frontmatter.',
  rationale: 'Patients trust an article because a named clinician checked it. A page that names no reviewer, or a different reviewer or date than the frontmatter, may not be the reviewed version.',
  severity: 'error',
  requires: 'tree',
  safety: true,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      statements: wordList('How a paragraph naming the reviewer begins, in any letter case.'),
      dateLabels: wordList('How a paragraph giving the review date begins (its date is compared with lastReviewed).')
    }
  },
  defaults: {
    statements: ['Last reviewed by', 'Reviewed by', 'Clinically reviewed by', 'Medically reviewed by', 'Page reviewed by', 'This page was reviewed by', 'This article was reviewed by'],
    dateLabels: ['Updated', 'Last updated', 'Last reviewed', 'Page last reviewed', 'Reviewed on', 'Review date', 'Date of review']
  },
  examples: {
    valid: [
      {name: 'the seed\'s statement and date', input: frontmatter('Dr Zamiel Hussain') + 'Last reviewed by Dr Zamiel Hussain, GMC registered GP\n\nUpdated: 22 December 2025\n'},
      {name: 'other wording, punctuation and a title left out', input: frontmatter('Dr. Jane Smith') + '*Medically reviewed by* **Jane Smith** (GMC registered GP) on 22/12/2025.\n'},
      {name: 'a date written month first', input: frontmatter('Dr Jane Smith') + 'Reviewed by DR JANE SMITH, GMC registered GP.\n\nLast updated: December 22, 2025\n'},
      {name: 'a statement wording added by the config', input: frontmatter('Dr Jane Smith') + 'Checked by Dr Jane Smith, GMC registered GP\n', options: {statements: ['Checked by']}}
    ],
    invalid: [
      {
        name: 'no reviewer statement',
        input: frontmatter('Dr Zamiel Hussain') + 'Updated: 22 December 2025\n',
        messages: ['13:1: The article does not say who reviewed it. Add a line at the end such as "Last reviewed by Dr Zamiel Hussain, GMC registered GP", naming the clinician in reviewedBy.']
      },
      {
        name: 'a different reviewer than the frontmatter',
        input: frontmatter('Dr Zamiel Hussain') + 'Last reviewed by Dr Jane Smith, GMC registered GP\n',
        messages: ['13:1: The article says it was reviewed by "Dr Jane Smith", but reviewedBy.name in the frontmatter is "Dr Zamiel Hussain". Correct whichever is wrong, so both name the clinician who reviewed it.']
      },
      {
        name: 'a different date than lastReviewed',
        input: frontmatter('Dr Zamiel Hussain') + 'Last reviewed by Dr Zamiel Hussain, GMC registered GP\n\nUpdated: 1 March 2025\n',
        messages: ['15:1: The article gives the date "1 March 2025" (2025-03-01), but lastReviewed in the frontmatter is 2025-12-22. Make them agree: both should be the date of the last clinical review.']
      },
      {
        name: 'no credential',
        input: frontmatter('Dr Zamiel Hussain') + 'Last reviewed by Dr Zamiel Hussain\n',
        messages: ['13:1: The statement "Last reviewed by Dr Zamiel Hussain" does not give the reviewer\'s credential. Add it after a comma, as in "Last reviewed by Dr Zamiel Hussain, GMC registered GP".']
      }
    ]
  },
  check(context) {
    const {tree, options} = context
    if (tree.children.length === 0) return // empty-article reports an empty body.
    const data = context.frontmatter?.data
    const reviewer = data?.reviewedBy as {name?: unknown; credential?: unknown} | null | undefined
    const name = typeof reviewer?.name === 'string' ? reviewer.name : undefined
    const credential = typeof reviewer?.credential === 'string' ? reviewer.credential : undefined
    const lastReviewed = typeof data?.lastReviewed === 'string' && isIsoDate(data.lastReviewed) ? data.lastReviewed : undefined

    let statement: {paragraph: Paragraph; text: string; rest: string} | undefined
    const dated: Array<{paragraph: Paragraph; text: string}> = []
    visit(tree, 'paragraph', (paragraph: Paragraph) => {
      const text = plainTextOf(paragraph)
      const rest = afterPrefix(text, options.statements)
      if (rest !== undefined && !statement) statement = {paragraph, text, rest}
      if (rest !== undefined || afterPrefix(text, options.dateLabels) !== undefined) dated.push({paragraph, text})
    })

    if (!statement) {
      const example = `Last reviewed by ${name ?? '<name>'}, ${credential ?? '<credential>'}`
      context.report(`The article does not say who reviewed it. Add a line at the end such as "${example}", naming the clinician in reviewedBy.`, tree.children.at(-1), {expected: [example]})
    } else {
      const stated = nameOf(statement.rest)
      if (name !== undefined && stated !== '' && comparableName(stated) !== comparableName(name)) {
        context.report(
          `The article says it was reviewed by ${quote(stated)}, but reviewedBy.name in the frontmatter is ${quote(name)}. Correct whichever is wrong, so both name the clinician who reviewed it.`,
          statement.paragraph,
          {actual: stated, expected: [name]}
        )
      }
      if (stated === '' || !hasCredential(statement.rest)) {
        const example = `Last reviewed by ${stated || name || '<name>'}, ${credential ?? '<credential>'}`
        context.report(`The statement ${quote(statement.text)} does not give the reviewer's credential. Add it after a comma, as in "${example}".`, statement.paragraph, {expected: [example]})
      }
    }

    if (lastReviewed === undefined) return // frontmatter-schema reports a missing or bad date.
    for (const {paragraph, text} of dated) {
      const date = dateIn(text)
      if (date === undefined || date.iso === lastReviewed) continue
      context.report(
        `The article gives the date ${quote(date.written)} (${date.iso}), but lastReviewed in the frontmatter is ${lastReviewed}. Make them agree: both should be the date of the last clinical review.`,
        paragraph,
        {actual: date.iso, expected: [lastReviewed]}
      )
    }
  }
})

/** The text after the first of `prefixes` that `text` begins with (ignoring case and a colon). */
function afterPrefix(text: string, prefixes: readonly string[]): string | undefined {
  const lower = text.toLowerCase()
  for (const prefix of prefixes) {
    const wanted = normalise(prefix).toLowerCase()
    if (!lower.startsWith(wanted)) continue
    const rest = text.slice(wanted.length)
    if (rest !== '' && !/^[\s:]/.test(rest)) continue // "Reviewed" must not match "Reviewers"
    return rest.replace(/^[\s:]+/, '')
  }
  return undefined
}

/** The reviewer's name: the statement up to the credential or a date. */
function nameOf(rest: string): string {
  return rest.split(/,|\(|\s[-–—]\s|\son\s/)[0]!.replace(/[.\s]+$/, '').trim()
}

function hasCredential(rest: string): boolean {
  const match = /,|\(|\s[-–—]\s/.exec(rest)
  if (!match) return false
  const after = rest.slice(match.index + match[0].length).replace(/\son\s.*$/, '')
  return /\p{L}/u.test(after)
}

function comparableName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[.,'’]/g, ' ')
    .split(/\s+/)
    .filter((word) => word !== '' && !titles.has(word))
    .join(' ')
}

/** The first date written in `text`, as written and as YYYY-MM-DD, if it is a real date. */
function dateIn(text: string): {written: string; iso: string} | undefined {
  for (const {pattern, read} of datePatterns) {
    const match = pattern.exec(text)
    if (!match) continue
    const [year, month, day] = read(match)
    const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
    if (isIsoDate(iso)) return {written: match[0], iso}
  }
  return undefined
}

function monthOf(name: string): string {
  const index = months.findIndex((month) => month.startsWith(name.toLowerCase().replace(/\.$/, '').slice(0, 3)))
  return String(index + 1)
}
