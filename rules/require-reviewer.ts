// require-reviewer: the article says who reviewed it ("Last reviewed by <name>, <credential>",
// "Medical reviewer: …", "Written by … Reviewed by …"), and that statement agrees with
// `reviewedBy` in the frontmatter; the review dates the page gives agree with the frontmatter.
//
// Why: patients trust an article because a named clinician checked it. A page that names no
// reviewer, or names a different one (or date) than the record the team keeps in the
// frontmatter, cannot be trusted to be the reviewed version. Names are compared the way a reader
// would: ignoring letter case, punctuation, titles ("Dr"), post-nominals ("MRCGP") and initials
// for given names ("Dr A Obi" is Dr Amara Obi), but "Dr B Obi" or "Dr Amara Okafor" is someone
// else. Dates are read by their labels: "Page last reviewed" against `lastReviewed`, "Next review
// due" or "Review date" against `nextReview` (or the due date the review policy gives), and
// "Updated" or "Published" (editorial dates) not at all. Turn it off: never.
import {defineRule, wordList} from '../src/rule-kit/rule.js'
import {reviewLinesOf} from '../src/rule-kit/review-lines.js'
import {quote} from '../src/rule-kit/phrases.js'
import {isIsoDate} from '../src/io/today.js'
import type {WrittenDate} from '../src/rule-kit/dates.js'
import {defaultLastReviewedLabels, defaultNextReviewLabels, defaultReviewerStatements, defaultUpdatedLabels, nameTitles} from '../src/rule-kit/vocabulary.js'

type Options = {
  statements: string[]
  lastReviewedLabels: string[]
  nextReviewLabels: string[]
  updatedLabels: string[]
}

const frontmatter = (name: string, date = '2025-12-22', extra = '') => `---\ntitle: Lower back pain\nlastReviewed: ${date}\n${extra}reviewedBy:\n  name: ${name}\n  credential: GMC registered GP\n---\n\n# Lower back pain\n\nPlaceholder paragraph.\n\n`
const titles = new Set(nameTitles)

export default defineRule<Options>({
  id: 'require-reviewer',
  description: 'The article says who reviewed it ("Last reviewed by <name>, <credential>"), and the name, and any review dates it gives, agree with reviewedBy, lastReviewed and nextReview in the frontmatter.',
  rationale: 'Patients trust an article because a named clinician checked it. A page that names no reviewer, or a different reviewer or date than the frontmatter, may not be the reviewed version.',
  severity: 'error',
  requires: 'tree',
  safety: true,
  reportsMissing: true,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      statements: wordList('How a line naming the reviewer begins, in any letter case; a configured list is added to the defaults.'),
      lastReviewedLabels: wordList('Labels of the date of the last review (compared with lastReviewed); added to the defaults.'),
      nextReviewLabels: wordList('Labels of the date the next review is due (compared with nextReview, or lastReviewed plus review-date\'s maxAgeDays); added to the defaults.'),
      updatedLabels: wordList('Labels of editorial dates, which are not review dates and are not compared; added to the defaults.')
    }
  },
  defaults: {
    statements: defaultReviewerStatements as string[],
    lastReviewedLabels: defaultLastReviewedLabels as string[],
    nextReviewLabels: defaultNextReviewLabels as string[],
    updatedLabels: defaultUpdatedLabels as string[]
  },
  vocabulary: {titles: {description: 'left out when comparing names', words: nameTitles}},
  examples: {
    valid: [
      {name: 'the seed\'s statement and date', input: frontmatter('Dr Zamiel Hussain') + 'Last reviewed by Dr Zamiel Hussain, GMC registered GP\n\nUpdated: 22 December 2025\n'},
      {name: 'other wording, punctuation and a title left out', input: frontmatter('Dr. Jane Smith') + '*Medically reviewed by* **Jane Smith** (GMC registered GP) on 22/12/2025.\n'},
      {name: 'an initial, and post-nominals without a comma', input: frontmatter('Dr Amara Obi') + 'Peer reviewed by Dr A Obi MRCGP\n'},
      {name: 'a byline naming the writer and the reviewer', input: frontmatter('Dr Amara Obi') + 'Written by Placeholder Writer. Reviewed by Dr Amara Obi, GP.\n'},
      {name: 'NHS-style footer lines', input: frontmatter('Dr Jane Smith', '2025-12-22', 'nextReview: 2028-12-22\n') + 'Medical reviewer: Dr Jane Smith, GP\n\nPage last reviewed: 22 December 2025  \nNext review due: 22 December 2028\n'},
      {name: 'a month and year, and an editorial date', input: frontmatter('Dr Jane Smith') + 'Reviewer: Dr Jane Smith, GP\n\nLast reviewed: December 2025 | Published: 3 March 2024\n'},
      {name: '"Updated advice" is not a date line', input: frontmatter('Dr Jane Smith') + 'Reviewed by Dr Jane Smith, GP\n\nUpdated advice: from 1 September 2025 the placeholder service changed.\n'},
      {name: 'the document named before the statement', input: frontmatter('Ms Hannah Cole') + 'Leaflet reviewed by Ms Hannah Cole, Consultant Midwife\n\nThis booklet was last reviewed on 22 December 2025.\n'},
      {name: 'a statement wording added by the config', input: frontmatter('Dr Jane Smith') + 'Checked by Dr Jane Smith, GMC registered GP\n', options: {statements: ['Checked by']}}
    ],
    invalid: [
      {
        name: 'no reviewer statement',
        input: frontmatter('Dr Zamiel Hussain') + 'Updated: 22 December 2025\n',
        messages: ['13:1: The article does not say who reviewed it. Add a line at the end such as "Last reviewed by Dr Zamiel Hussain, GMC registered GP", naming the clinician in reviewedBy.']
      },
      {
        name: 'a different reviewer, after the document\'s name',
        input: frontmatter('Dr Zamiel Hussain') + 'Leaflet reviewed by Dr Jane Smith, GMC registered GP\n',
        messages: ['13:1: The article says it was reviewed by "Dr Jane Smith", but reviewedBy.name in the frontmatter is "Dr Zamiel Hussain". Correct whichever is wrong, so both name the clinician who reviewed it.']
      },
      {
        name: 'a different reviewer than the frontmatter',
        input: frontmatter('Dr Zamiel Hussain') + 'Last reviewed by Dr Jane Smith, GMC registered GP\n',
        messages: ['13:1: The article says it was reviewed by "Dr Jane Smith", but reviewedBy.name in the frontmatter is "Dr Zamiel Hussain". Correct whichever is wrong, so both name the clinician who reviewed it.']
      },
      {
        name: 'an initial that is someone else\'s',
        input: frontmatter('Dr Amara Obi') + 'Reviewed by Dr B Obi, GP\n',
        messages: ['13:1: The article says it was reviewed by "Dr B Obi", but reviewedBy.name in the frontmatter is "Dr Amara Obi". Correct whichever is wrong, so both name the clinician who reviewed it.']
      },
      {
        name: 'a different date than lastReviewed',
        input: frontmatter('Dr Zamiel Hussain') + 'Last reviewed by Dr Zamiel Hussain, GMC registered GP\n\nLast reviewed: 1 March 2025\n',
        messages: ['15:1: The article says it was last reviewed on "1 March 2025" (2025-03-01), but lastReviewed in the frontmatter is 2025-12-22. Make them agree: both should be the date of the last clinical review.']
      },
      {
        name: 'no credential',
        input: frontmatter('Dr Zamiel Hussain') + 'Last reviewed by Dr Zamiel Hussain\n',
        messages: ['13:1: The statement "Last reviewed by Dr Zamiel Hussain" does not give the reviewer\'s credential. Add it after a comma, as in "Last reviewed by Dr Zamiel Hussain, GMC registered GP".']
      }
    ]
  },
  provides: (options) => ({reviewLabels: options}),
  check(context) {
    const {tree, options} = context
    if (tree.children.length === 0) return // empty-article reports an empty body.
    const data = context.frontmatter?.data
    const reviewer = data?.reviewedBy as {name?: unknown; credential?: unknown} | null | undefined
    const name = typeof reviewer?.name === 'string' ? reviewer.name : undefined
    const credential = typeof reviewer?.credential === 'string' ? reviewer.credential : undefined
    const lastReviewed = typeof data?.lastReviewed === 'string' && isIsoDate(data.lastReviewed) ? data.lastReviewed : undefined

    const {statement, dates} = reviewLinesOf(tree, options)

    if (!statement) {
      const example = `Last reviewed by ${name ?? '<name>'}, ${credential ?? '<credential>'}`
      context.report(`The article does not say who reviewed it. Add a line at the end such as "${example}", naming the clinician in reviewedBy.`, tree.children.at(-1), {expected: [example]})
    } else {
      const {name: stated, postNominals} = nameOf(statement.rest)
      if (name !== undefined && stated !== '' && !sameName(stated, name)) {
        context.report(
          `The article says it was reviewed by ${quote(stated)}, but reviewedBy.name in the frontmatter is ${quote(name)}. Correct whichever is wrong, so both name the clinician who reviewed it.`,
          statement.node,
          {actual: stated, expected: [name]}
        )
      }
      if (stated === '' || (!postNominals && !hasCredential(statement.rest))) {
        const example = `Last reviewed by ${stated || name || '<name>'}, ${credential ?? '<credential>'}`
        context.report(`The statement ${quote(statement.text)} does not give the reviewer's credential. Add it after a comma, as in "${example}".`, statement.node, {expected: [example]})
      }
    }

    if (lastReviewed === undefined) return // frontmatter-schema reports a missing or bad date.
    for (const {node, kind, date} of dates) {
      if (kind === 'last') { // the next review is review-date's
        if (sameDate(date, lastReviewed)) continue
        context.report(
          `The article says it was last reviewed on ${quote(date.written)} (${date.iso}), but lastReviewed in the frontmatter is ${lastReviewed}. Make them agree: both should be the date of the last clinical review.`,
          node,
          {actual: date.iso, expected: [lastReviewed]}
        )
      }
    }
  }
})

// Post-nominals: letters after a name ("MRCGP", "FRCP(Edin)", "MBChB", "BSc", "PhD", "RGN").
const postNominal = /^(?:[A-Z]{2,}[A-Za-z]*(?:\([A-Za-z]+\))?|[A-Z][a-z]?[A-Z][A-Za-z]*|PhD|BSc|MSc|MA|BA|MD|BPharm|MPharm|DPhil|MChem|Hons|\(Hons\))[.,]?$/

/** The reviewer's name, up to the credential, a date or post-nominals. */
function nameOf(rest: string): {name: string; postNominals: boolean} {
  const head = rest.split(/,|\(|;|\s[-–—]\s|\s(?:on|in|at|from)\s|\d/)[0]!.replace(/[.\s]+$/, '').trim()
  const words = head.split(/\s+/).filter(Boolean)
  const shouting = words.every((word) => word === word.toUpperCase())
  const kept: string[] = []
  let postNominals = false
  // Post-nominals come after a name ("Dr A Obi MRCGP"), never before it ("Dr AJ Obi").
  let named = false
  for (const word of words) {
    if (!shouting && named && word.length >= 2 && postNominal.test(word) && !titles.has(word.toLowerCase().replace(/\.$/, ''))) {
      postNominals = true
      break
    }
    kept.push(word)
    if (/\p{Ll}/u.test(word) && !titles.has(word.toLowerCase().replace(/\.$/, ''))) named = true
  }
  return {name: kept.join(' ').replace(/[.,]+$/, ''), postNominals}
}

function hasCredential(rest: string): boolean {
  const match = /,|\(|\s[-–—]\s/.exec(rest)
  if (!match) return false
  const after = rest.slice(match.index + match[0].length).replace(/\son\s.*$/, '')
  return /\p{L}/u.test(after.replace(/\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}\b/gi, ''))
}

/** A name's words, lower case, without titles, punctuation or post-nominals. */
function nameWords(name: string): string[] {
  const {name: bare} = nameOf(name)
  const words = bare.replace(/[.,'’]/g, ' ').split(/\s+/).filter(Boolean)
  const shouting = words.every((word) => word === word.toUpperCase())
  return words
    // "AJ Obi": initials written together, unless the whole name is in capitals.
    .flatMap((word, index) => (!shouting && index < words.length - 1 && /^\p{Lu}{2,3}$/u.test(word) ? word.split('') : [word]))
    .map((word) => word.toLowerCase())
    .filter((word) => !titles.has(word))
}

/**
 * Whether two names are the same person: the same surname, and given names that agree where
 * both are given (an initial agrees with a name it begins).
 */
function sameName(stated: string, recorded: string): boolean {
  const a = nameWords(stated)
  const b = nameWords(recorded)
  if (a.length === 0 || b.length === 0) return true
  if (a.at(-1) !== b.at(-1)) return false
  const [x, y] = [a.slice(0, -1), b.slice(0, -1)]
  if (x.length === 0 || y.length === 0) return true
  const first = (p: string, q: string) => p === q || (p.length === 1 && q.startsWith(p)) || (q.length === 1 && p.startsWith(q))
  return first(x[0]!, y[0]!)
}

function sameDate(date: WrittenDate, iso: string): boolean {
  return date.precision === 'day' ? date.iso === iso : date.iso.slice(0, 7) === iso.slice(0, 7)
}
