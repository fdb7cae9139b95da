// require-seek-review: the article has a section on when to seek a clinician's review — a
// heading, bold line, callout or lead-in such as "See a GP if:", "Non-urgent advice: See a GP
// if:", "When should I see a doctor?" or "Speak to your pharmacist if" — with content under it.
//
// Why: most patient articles are about problems that usually get better on their own; the reader
// needs to know when that stops being true and a clinician should look at it. Sections are
// recognised by meaning (an action with a routine service, no urgency), so a red-flags section
// ("Call 999 if") does not count. Turn it off: only for content that is not about symptoms, and
// then per file, never globally.
import {defineRule, wordList} from '../src/rule-kit/rule.js'
import {lineOf, requiredSection, sectionItemsOf} from '../src/rule-kit/sections.js'
import {safetyVocabularyOf} from '../src/rule-kit/safety-vocabulary.js'
import {nearestLabel} from '../src/rule-kit/nearest.js'
import {quote} from '../src/rule-kit/phrases.js'
import {defaultSeekReviewHeadings, meaningVocabulary, suggestedSeekReviewHeadings} from '../src/rule-kit/vocabulary.js'

type Options = {
  headings: string[]
}

const seedHeader = '# Lower back pain\n\nLower back pain is one of the most common reasons adults seek GP advice.\n\n'
const wordings = suggestedSeekReviewHeadings.map((heading) => `"${heading}"`).join(', ')

export default defineRule<Options>({
  id: 'require-seek-review',
  description: 'The article has a section on when to seek a clinician\'s review (a heading, bold line, callout or lead-in such as "See a GP if:", "Non-urgent advice" or "When to seek GP review") with content under it.',
  rationale: 'Readers managing a problem at home need to know when it is time for a GP to look at it. Without that section, a problem that is not getting better may go unreviewed.',
  severity: 'error',
  requires: 'tree',
  safety: true,
  reportsMissing: true,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      headings: wordList('Headings or labels that open a "when to seek review" section on their own, matched in any letter case as the whole label or its beginning; a configured list is added to the defaults. Labels that tell the reader to see, contact or speak to a GP, pharmacist, nurse, midwife or other clinician are recognised without being listed.')
    }
  },
  defaults: {headings: defaultSeekReviewHeadings as string[]},
  vocabulary: {
    actions: meaningVocabulary.actions,
    'routine services': meaningVocabulary['routine services'],
    suggestions: {description: 'the wordings the messages suggest', words: suggestedSeekReviewHeadings}
  },
  examples: {
    valid: [
      {
        name: 'the seed\'s section',
        input: seedHeader + '## When to seek GP review\n\nYou should consider a GP appointment if:\n\n- Back pain is not improving after 2 to 4 weeks\n- You are concerned about the cause\n'
      },
      {name: 'another wording, with a colon', input: seedHeader + '## See a GP if:\n\n- First placeholder reason\n'},
      {name: 'capitals, and text rather than a list', input: seedHeader + '## NON-URGENT ADVICE\n\nPlaceholder paragraph written by the clinical reviewer.\n'},
      {name: 'an NHS callout as a bold label with its lead-in', input: seedHeader + '**Non-urgent advice: See a GP if:**\n\n- First placeholder reason\n'},
      {name: 'a question heading', input: seedHeader + '## When should I see a doctor?\n\n- First placeholder reason\n'},
      {name: 'a lead-in sentence and a list', input: seedHeader + 'You should make an appointment with your GP if:\n\n- First placeholder reason\n'},
      {name: 'a heading that begins with a recognised wording', input: seedHeader + '### When to see a GP about back pain\n\n- First placeholder reason\n'},
      {name: 'a heading added by the config', input: seedHeader + '## Booking a review\n\n- First placeholder reason\n', options: {headings: ['Booking a review']}}
    ],
    invalid: [
      {
        name: 'no section on seeking review',
        input: seedHeader + '## Self-care and early management\n\n- Keep moving and avoid prolonged bed rest\n',
        messages: [`1:1: This article has no section on when to see a clinician. Add a heading or lead-in in a recognised wording, such as ${wordings}, and say under it when readers should book a review, as agreed with the clinical reviewer.`]
      },
      {
        name: 'a red-flags heading is not a seek-review section',
        input: seedHeader + '## Urgent advice\n\n- First placeholder symptom\n',
        messages: [`1:1: This article has no section on when to see a clinician. Add a heading or lead-in in a recognised wording, such as ${wordings}, and say under it when readers should book a review, as agreed with the clinical reviewer.`]
      },
      {
        name: 'a heading that almost matched',
        input: seedHeader + '## Getting help and support\n\n- First placeholder reason\n',
        messages: [`5:1: This article has no section on when to see a clinician; the nearest is "Getting help and support" (line 5), which does not say when to see one. Add a heading or lead-in in a recognised wording, such as ${wordings}, and say under it when readers should book a review, as agreed with the clinical reviewer.`]
      },
      {
        name: 'the heading with nothing under it',
        input: seedHeader + '## When to see a GP\n\n## Further reading\n\nPlaceholder paragraph.\n',
        messages: ['5:1: The section "When to see a GP" has nothing under it. Say under it when readers should book a review, as agreed with the clinical reviewer.']
      }
    ]
  },
  provides: (options) => ({seekReviewHeadings: options.headings}),
  check(context) {
    const {tree, options} = context
    if (tree.children.length === 0) return // empty-article reports an empty body.
    const vocabulary = safetyVocabularyOf(undefined, options.headings)
    const required = requiredSection(tree, vocabulary, 'seek-review')
    if (required.found !== 'none') {
      for (const entry of required.sections) {
        for (const item of sectionItemsOf(entry, tree, vocabulary)) {
          if (!item.placeholder) continue
          context.report(`The section ${quote(entry.section.title)} has the placeholder ${quote(item.text || '(empty)')} where a reason to see a clinician should be. Replace it with what the clinical reviewer advises.`, item.node)
        }
      }
    }
    if (required.found === 'content') return
    if (required.found === 'empty') {
      const {section} = required.section
      context.report(`The section ${quote(section.title)} has nothing under it. Say under it when readers should book a review, as agreed with the clinical reviewer.`, section.label)
      return
    }
    const nearest = nearestLabel(tree, vocabulary, 'seek-review')
    const where = nearest ? `; the nearest is ${quote(nearest.section.title)} (line ${lineOf(nearest.section)}), which does not say when to see one` : ''
    context.report(
      `This article has no section on when to see a clinician${where}. Add a heading or lead-in in a recognised wording, such as ${wordings}, and say under it when readers should book a review, as agreed with the clinical reviewer.`,
      nearest?.section.label ?? tree.children[0],
      {expected: [...suggestedSeekReviewHeadings]}
    )
  }
})
