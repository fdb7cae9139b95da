// review-date: the clinical review is in date. `lastReviewed` older than the policy's maximum
// age is an error, and within the warning window before that a warning gives the date the review
// falls due; a `lastReviewed` after today is an error; a `nextReview` that has passed, or that
// is before `lastReviewed`, is an error; so is a next review the page states ("Next review due:",
// a leaflet's "Review date:") that has passed or disagrees with the frontmatter. "Today" is `--now` (or the clock when it is not given).
//
// Why: clinical advice changes; an article whose review has lapsed may give patients advice that
// is no longer right. The warning gives the team time to arrange the review before the article
// must be withdrawn. Missing or malformed dates are left to frontmatter-schema. Turn it off:
// never; change `maxAgeDays` to match the organisation's review policy instead.
import {defineRule} from '../src/rule-kit/rule.js'
import type {RuleContext} from '../src/rule-kit/rule.js'
import {daysBetween, isIsoDate} from '../src/io/today.js'
import type {Position} from 'unist'
import {defaultReviewIntervalDays, policyDueOf} from '../src/rule-kit/review-due.js'
import {plural} from '../src/rule-kit/plural.js'

type Options = {
  maxAgeDays: number
  warnDays: number
}

const article = (dates: string) => `---\ntitle: Lower back pain\n${dates}---\n\nPlaceholder paragraph.\n`

export default defineRule<Options>({
  id: 'review-date',
  description: 'The clinical review is in date: lastReviewed not older than the policy allows (a warning shortly before it falls due) and not in the future, and nextReview, if given, neither passed nor before lastReviewed; a next review the page states ("Next review due", "Review date") neither passed nor different from the frontmatter.',
  rationale: 'Clinical advice changes; an article whose review has lapsed may tell patients something that is no longer right. The warning gives the team time to arrange the review.',
  severity: 'error',
  requires: 'file',
  safety: true,
  dependsOnDate: true,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      maxAgeDays: {type: 'integer', minimum: 1, description: 'Days after lastReviewed when the review falls due.'},
      warnDays: {type: 'integer', minimum: 0, description: 'Days before the review falls due when a warning starts (0: a warning only on the day it falls due).'}
    }
  },
  defaults: {maxAgeDays: defaultReviewIntervalDays, warnDays: 30},
  provides: (options) => ({reviewIntervalDays: options.maxAgeDays}),
  examples: {
    valid: [
      {name: 'a recent review', input: article('lastReviewed: 2025-12-22\n'), now: '2026-03-01'},
      {name: 'the day before the warning window opens', input: article('lastReviewed: 2025-12-22\n'), now: '2026-11-21'},
      {name: 'reviewed today, next review later', input: article('lastReviewed: 2026-03-01\nnextReview: 2026-09-01\n'), now: '2026-03-01'},
      {name: 'a longer policy from the config', input: article('lastReviewed: 2025-01-10\n'), now: '2026-03-01', options: {maxAgeDays: 730}},
      {name: 'a missing or malformed date (frontmatter-schema reports it)', input: article('lastReviewed: last spring\n'), now: '2026-03-01'},
      {name: 'a stated next review that agrees with nextReview', input: article('lastReviewed: 2026-02-12\nnextReview: 2029-02-12\n') + '\nPage last reviewed: 12 February 2026  \nNext review due: 12 February 2029\n', now: '2026-03-01'},
      {name: 'a month and year that agrees with the policy\'s due date', input: article('lastReviewed: 2025-12-22\n') + '\nReview date: December 2026\n', now: '2026-03-01'}
    ],
    invalid: [
      {
        name: 'a review that falls due soon',
        input: article('lastReviewed: 2025-12-22\n'),
        now: '2026-11-27',
        severity: 'warning',
        messages: ['3:15: The clinical review falls due on 2026-12-22, in 25 days (365 days after lastReviewed 2025-12-22). Arrange a review by a clinician before then, and update lastReviewed and reviewedBy.']
      },
      {
        name: 'an overdue review',
        input: article('lastReviewed: 2025-01-10\n'),
        now: '2026-03-01',
        messages: ['3:15: The last clinical review (2025-01-10) is 415 days old, more than the 365 days allowed: it fell due on 2026-01-10. Have a clinician review the article, then update lastReviewed and reviewedBy.']
      },
      {
        name: 'a review date in the future',
        input: article('lastReviewed: 2026-04-01\n'),
        now: '2026-03-01',
        messages: ['3:15: lastReviewed is 2026-04-01, after today (2026-03-01). A review cannot be in the future: write the date the clinician actually reviewed the article.']
      },
      {
        name: 'a next review that has passed',
        input: article('lastReviewed: 2025-12-22\nnextReview: 2026-02-01\n'),
        now: '2026-03-01',
        messages: ['4:13: The next review was due on 2026-02-01 (nextReview) and has passed. Have a clinician review the article, then update lastReviewed and nextReview.']
      },
      {
        name: 'a next review before the last',
        input: article('lastReviewed: 2025-12-22\nnextReview: 2025-06-01\n'),
        now: '2026-03-01',
        messages: ['4:13: nextReview (2025-06-01) is before lastReviewed (2025-12-22). Set nextReview to the date the next clinical review is due, after lastReviewed.']
      },
      {
        name: 'a trust leaflet\'s review date (the next review) that disagrees with the policy',
        input: article('lastReviewed: 2025-12-22\n') + '\nReview date: 12.03.2029\n',
        now: '2026-03-01',
        messages: ['8:1: The page says the next review is due on "12.03.2029" (2029-03-12), but the frontmatter has it due on 2026-12-22 (lastReviewed plus 365 days; there is no nextReview). Make them agree, or set nextReview in the frontmatter.']
      },
      {
        name: 'a stated next review that has passed',
        input: article('lastReviewed: 2025-12-22\n') + '\nNext review due: January 2026\n',
        now: '2026-03-01',
        messages: ['8:1: The page says the next review is due on "January 2026" (2026-01-01), which has passed. Have a clinician review the article, then update the date on the page and in the frontmatter.']
      }
    ]
  },
  check
})

function check(context: RuleContext<Options>): void {
  const {now, options} = context
  const data = context.frontmatter?.data
  const lastReviewed = dateField(data, 'lastReviewed')
  if (lastReviewed === undefined) return // frontmatter-schema reports a missing or malformed date.
  const nextReview = dateField(data, 'nextReview')
  const at = (field: string): Position | undefined => context.frontmatter?.ranges.get(`/${field}`)?.value

  if (daysBetween(now, lastReviewed) > 0) {
    context.report(`lastReviewed is ${lastReviewed}, after today (${now}). A review cannot be in the future: write the date the clinician actually reviewed the article.`, at('lastReviewed'), {actual: lastReviewed})
    return
  }

  const age = daysBetween(lastReviewed, now)
  const policyDue = policyDueOf(lastReviewed, options.maxAgeDays)
  let overdue = false
  if (age > options.maxAgeDays) {
    overdue = true
    context.report(
      `The last clinical review (${lastReviewed}) is ${age} days old, more than the ${options.maxAgeDays} days allowed: it fell due on ${policyDue}. Have a clinician review the article, then update lastReviewed and reviewedBy.`,
      at('lastReviewed'),
      {actual: lastReviewed}
    )
  }

  let nextDue: string | undefined
  if (nextReview !== undefined) {
    if (daysBetween(lastReviewed, nextReview) < 0) {
      context.report(`nextReview (${nextReview}) is before lastReviewed (${lastReviewed}). Set nextReview to the date the next clinical review is due, after lastReviewed.`, at('nextReview'), {actual: nextReview})
    } else if (daysBetween(now, nextReview) < 0) {
      overdue = true
      context.report(`The next review was due on ${nextReview} (nextReview) and has passed. Have a clinician review the article, then update lastReviewed and nextReview.`, at('nextReview'), {actual: nextReview})
    } else {
      nextDue = nextReview
    }
  }
  checkStatedNextReview(context, nextReview ?? policyDue, nextReview !== undefined)
  if (overdue) return

  // One warning, for whichever due date comes first.
  const due = nextDue !== undefined && nextDue < policyDue ? nextDue : policyDue
  const left = daysBetween(now, due)
  if (left > options.warnDays) return
  const when = left === 0 ? 'today' : `in ${plural(left, 'day')}`
  const reason = due === policyDue
    ? `The clinical review falls due on ${due}, ${when} (${options.maxAgeDays} days after lastReviewed ${lastReviewed}). Arrange a review by a clinician before then, and update lastReviewed and reviewedBy.`
    : `The clinical review falls due on ${due}, ${when} (nextReview). Arrange a review by a clinician before then, and update lastReviewed and nextReview.`
  context.report(reason, at(due === policyDue ? 'lastReviewed' : 'nextReview'), {severity: 'warning'})
}

/**
 * The next review the page states ("Next review due: 12 March 2029", a leaflet's "Review date:")
 * must not have passed, and must agree with nextReview, or without one with the policy's due date.
 */
function checkStatedNextReview(context: RuleContext<Options>, due: string, fromNextReview: boolean): void {
  const stated = context.file.data.statedNextReview
  if (!stated) return
  const precision = (iso: string) => (stated.precision === 'day' ? iso : iso.slice(0, 7))
  if (precision(stated.iso) < precision(context.now)) {
    context.report(`The page says the next review is due on "${stated.written}" (${stated.iso}), which has passed. Have a clinician review the article, then update the date on the page and in the frontmatter.`, stated.place, {actual: stated.iso})
    return
  }
  if (precision(stated.iso) === precision(due)) return
  const source = fromNextReview ? 'nextReview in the frontmatter' : `lastReviewed plus ${context.options.maxAgeDays} days; there is no nextReview`
  context.report(
    `The page says the next review is due on "${stated.written}" (${stated.iso}), but the frontmatter has it due on ${due} (${source}). Make them agree${fromNextReview ? '' : ', or set nextReview in the frontmatter'}.`,
    stated.place,
    {actual: stated.iso, expected: [due]}
  )
}

/** A frontmatter date, when present and a real YYYY-MM-DD date. */
function dateField(data: Record<string, unknown> | undefined, field: string): string | undefined {
  const value = data?.[field]
  return typeof value === 'string' && isIsoDate(value) ? value : undefined
}
