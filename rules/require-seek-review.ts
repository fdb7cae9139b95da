// require-seek-review: the article has a section on when to seek a clinician's review (a heading
// such as "When to seek GP review" or "See a GP if") with content under it.
//
// Why: most patient articles are about problems that usually get better on their own; the reader
// needs to know when that stops being true and a GP should look at it. Turn it off: only for
// content that is not about symptoms, and then per file, never globally.
import {defineRule, wordList} from '../src/rule.js'
import {requiredSection} from '../src/pipeline/sections.js'
import {quote} from '../src/phrases.js'
import {defaultSeekReviewHeadings} from '../src/vocabulary.js'

type Options = {
  headings: string[]
}

const seedHeader = '# Lower back pain\n\nLower back pain is one of the most common reasons adults seek GP advice.\n\n'

export default defineRule<Options>({
  id: 'require-seek-review',
  description: 'The article has a section on when to seek a clinician\'s review (a heading such as "When to seek GP review" or "See a GP if") with content under it.',
  rationale: 'Readers managing a problem at home need to know when it is time for a GP to look at it. Without that section, a problem that is not getting better may go unreviewed.',
  severity: 'error',
  requires: 'tree',
  safety: true,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      headings: wordList('Headings that open a "when to seek review" section, matched in any letter case as the whole heading or its beginning.')
    }
  },
  defaults: {headings: [...defaultSeekReviewHeadings]},
  examples: {
    valid: [
      {
        name: 'the seed\'s section',
        input: seedHeader + '## When to seek GP review\n\nYou should consider a GP appointment if:\n\n- Back pain is not improving after 2 to 4 weeks\n- You are concerned about the cause\n'
      },
      {name: 'another wording, with a colon', input: seedHeader + '## See a GP if:\n\n- First placeholder reason\n'},
      {name: 'capitals, and text rather than a list', input: seedHeader + '## NON-URGENT ADVICE\n\nPlaceholder paragraph written by the clinical reviewer.\n'},
      {name: 'a heading that begins with a recognised wording', input: seedHeader + '### When to see a GP about back pain\n\n- First placeholder reason\n'},
      {name: 'a heading added by the config', input: seedHeader + '## Booking a review\n\n- First placeholder reason\n', options: {headings: ['Booking a review']}}
    ],
    invalid: [
      {
        name: 'no section on seeking review',
        input: seedHeader + '## Self-care and early management\n\n- Keep moving and avoid prolonged bed rest\n',
        messages: ['1:1: This article has no section on when to see a clinician. Add a heading such as "When to seek GP review" and say under it when readers should book a review, as agreed with the clinical reviewer.']
      },
      {
        name: 'a red-flags heading is not a seek-review section',
        input: seedHeader + '## Urgent advice\n\n- First placeholder symptom\n',
        messages: ['1:1: This article has no section on when to see a clinician. Add a heading such as "When to seek GP review" and say under it when readers should book a review, as agreed with the clinical reviewer.']
      },
      {
        name: 'the heading with nothing under it',
        input: seedHeader + '## When to contact your GP\n\n## Further reading\n\nPlaceholder paragraph.\n',
        messages: ['5:1: The section "When to contact your GP" has nothing under it. Say under this heading when readers should book a review, as agreed with the clinical reviewer.']
      }
    ]
  },
  check(context) {
    const {tree, options} = context
    if (tree.children.length === 0) return // empty-article reports an empty body.
    const required = requiredSection(tree, options.headings)
    if (required.found === 'content') return
    if (required.found === 'empty') {
      context.report(`The section ${quote(required.section.title)} has nothing under it. Say under this heading when readers should book a review, as agreed with the clinical reviewer.`, required.section.heading)
      return
    }
    const example = options.headings[0] ?? 'When to seek GP review'
    context.report(`This article has no section on when to see a clinician. Add a heading such as "${example}" and say under it when readers should book a review, as agreed with the clinical reviewer.`, tree.children[0], {expected: [example]})
  }
})
