// red-flags-urgent-action: each red-flags section tells the reader what to do if they have one of
// the symptoms (call 999, go to A&E, call 111, ask for an urgent GP appointment…).
//
// Why: a list of serious symptoms without an action leaves the reader to guess how urgent
// "urgent" is. The rule only flags that the action is missing; which action fits is the clinical
// reviewer's decision, so the message never proposes one for the article. It reads the label and
// its lead-in too ("Call 999 or go to A&E if" carries its action), and the section's own text,
// not a later section's. Turn it off: for services whose urgent route is described elsewhere on
// every page, by adding that route to `actions` instead.
import {defineRule, wordList} from '../src/rule-kit/rule.js'
import {itemsOf, sectionItemsOf, sectionsOfKind, textOf} from '../src/rule-kit/sections.js'
import {safetyVocabularyOf} from '../src/rule-kit/safety-vocabulary.js'
import {extend, quote} from '../src/rule-kit/phrases.js'
import {namesUrgentService, urgentContact} from '../src/rule-kit/recognise.js'
import {defaultRedFlagHeadings, defaultUrgentServices} from '../src/rule-kit/vocabulary.js'

type Options = {
  headings: string[]
  actions: string[]
}

const seedHeader = '# Lower back pain\n\nLower back pain is one of the most common reasons adults seek GP advice.\n\n'

export default defineRule<Options>({
  id: 'red-flags-urgent-action',
  description: 'Each red-flags section says what to do if the reader has one of the symptoms, such as call 999, go to A&E, call 111 or ask for an urgent GP appointment.',
  rationale: 'A list of serious symptoms without an action leaves patients to guess how quickly to get help. The rule flags a missing action; the clinical reviewer decides which action is right.',
  severity: 'warning',
  requires: 'tree',
  safety: true,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      headings: wordList('Headings that open a red-flags section; keep the same as require-red-flags\' `headings` (a configured list is added to the defaults).'),
      actions: wordList('Words that name an urgent action or service, looked for in the section\'s label and text as whole words in any letter case; a configured list is added to the defaults.')
    }
  },
  defaults: {headings: defaultRedFlagHeadings as string[], actions: defaultUrgentServices as string[]},
  examples: {
    valid: [
      {name: 'the action in the heading', input: seedHeader + '## Call 999 or go to A&E if\n\n- First placeholder symptom\n'},
      {name: 'the action in the section\'s text', input: seedHeader + '## Red flag symptoms\n\n- First placeholder symptom\n\nAction placeholder naming the emergency department.\n'},
      {name: 'the action in a callout\'s lead-in', input: seedHeader + '> **Urgent advice:** Ask for an urgent GP appointment or get help from NHS 111 if:\n>\n> - First placeholder symptom\n'},
      {name: 'a telephone number in a list item', input: seedHeader + '## Urgent advice\n\n- First placeholder symptom\n- Action placeholder: 111\n'},
      {name: 'an urgent appointment, in a subsection', input: seedHeader + '## When to get urgent help\n\n### Placeholder subheading\n\nAction placeholder: an urgent GP appointment.\n'},
      {name: 'an action added by the config', input: seedHeader + '## Red flags\n\n- First placeholder symptom\n\nAction placeholder: the duty clinician line.\n', options: {actions: ['duty clinician line']}},
      {name: 'a named service contacted promptly', input: seedHeader + '## Danger signs\n\nPhone the maternity unit straight away, day or night, if you have:\n\n- First placeholder symptom\n'},
      {name: 'no red-flags section (require-red-flags reports that)', input: seedHeader + '## Common causes of lower back pain\n\nPlaceholder paragraph.\n'}
    ],
    invalid: [
      {
        name: 'the seed\'s red flags, with no action',
        input: seedHeader + '### Red flag symptoms\n\n- Loss of bladder or bowel control\n- Numbness around the genitals or inner thighs\n- Progressive leg weakness\n\n## Common causes of lower back pain\n\nPlaceholder paragraph naming the emergency department.\n',
        messages: ['5:1: The red-flags section "Red flag symptoms" does not say what to do if the reader has one of these symptoms. Add the action the clinical reviewer advises, such as whether to call 999, go to A&E, call 111 or ask for an urgent GP appointment.']
      },
      {
        name: 'a traffic-light "Red" block with no action',
        input: seedHeader + '**Red – if your child:**\n\n- First placeholder symptom\n\n**Amber – if your child:**\n\n- Second placeholder symptom\n\nAction placeholder: ask for an urgent GP appointment.\n',
        messages: ['5:1: The red-flags section "Red – if your child:" does not say what to do if the reader has one of these symptoms. Add the action the clinical reviewer advises, such as whether to call 999, go to A&E, call 111 or ask for an urgent GP appointment.']
      },
      {
        name: 'a named service, but not how soon',
        input: seedHeader + '## Red flags\n\n- First placeholder symptom\n\nTell your midwife at your next appointment.\n',
        messages: ['5:1: The red-flags section "Red flags" does not say what to do if the reader has one of these symptoms. Add the action the clinical reviewer advises, such as whether to call 999, go to A&E, call 111 or ask for an urgent GP appointment.']
      },
      {
        name: 'a named service, said not to be urgent',
        input: seedHeader + '## Red flags\n\n- First placeholder symptom\n\nThis is not urgent: tell your midwife now or at your next visit.\n',
        messages: ['5:1: The red-flags section "Red flags" does not say what to do if the reader has one of these symptoms. Add the action the clinical reviewer advises, such as whether to call 999, go to A&E, call 111 or ask for an urgent GP appointment.']
      },
      {
        name: 'a number that only contains 999',
        input: seedHeader + '## Red flags\n\n- First placeholder symptom\n\nPlaceholder reference 19990.\n',
        messages: ['5:1: The red-flags section "Red flags" does not say what to do if the reader has one of these symptoms. Add the action the clinical reviewer advises, such as whether to call 999, go to A&E, call 111 or ask for an urgent GP appointment.']
      }
    ]
  },
  check(context) {
    const {tree, options} = context
    const vocabulary = safetyVocabularyOf(options.headings, undefined)
    const actions = extend(defaultUrgentServices, options.actions)
    for (const entry of sectionsOfKind(tree, vocabulary, 'red-flags')) {
      if (itemsOf(entry, tree, vocabulary).length === 0) continue // an empty section is require-red-flags' finding
      const {section} = entry
      const text = [section.title, section.rest, ...sectionItemsOf(entry, tree, vocabulary).map((item) => item.text), ...section.children.map((node) => textOf(node))].join('\n')
      if (namesUrgentService(text, actions) || urgentContact(text)) continue
      context.report(
        `The red-flags section ${quote(section.title)} does not say what to do if the reader has one of these symptoms. Add the action the clinical reviewer advises, such as whether to call 999, go to A&E, call 111 or ask for an urgent GP appointment.`,
        section.label,
        {note: `Recognised actions: ${actions.join(', ')}; or contacting a named service promptly ("phone the maternity unit straight away").`}
      )
    }
  }
})
