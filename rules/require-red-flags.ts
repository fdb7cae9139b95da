// require-red-flags: the article has a red-flags section (a heading such as "Red flag symptoms"
// or "Call 999 or go to A&E if") with at least one item under it.
//
// Why: red flags are how a patient reading about a common problem learns which symptoms mean
// something serious. A list of such symptoms without its heading (the first real article's
// defect) reads as ordinary symptoms. Where no red-flags heading exists but a list looks like
// red-flag symptoms, the rule says so at that list. Turn it off: only for content that is not
// about symptoms (such as an administrative page), and then per file, never globally.
import type {List, Root} from 'mdast'
import {CONTINUE, SKIP, visit} from '../src/visit.js'
import {defineRule, wordList} from '../src/rule.js'
import {normalise, requiredSection, textOf} from '../src/pipeline/sections.js'
import {findPhrase, quote} from '../src/phrases.js'
import {defaultRedFlagHeadings} from '../src/vocabulary.js'

type Options = {
  headings: string[]
  symptomTerms: string[]
  listShare: number
}

// Words that mark a listed symptom as a possible red flag. Detection only: the rule never adds
// these to an article.
const defaultSymptomTerms = [
  'loss of bladder or bowel control',
  'bladder',
  'bowel',
  'numbness',
  'numb',
  'weakness',
  'paralysis',
  'fever',
  'high temperature',
  'unexplained weight loss',
  'weight loss',
  'chest pain',
  'difficulty breathing',
  'shortness of breath',
  'breathless',
  'severe',
  'sudden',
  'suddenly',
  'trauma',
  'blood',
  'bleeding',
  'unconscious',
  'confusion',
  'confused',
  'collapse',
  'fainting',
  'seizure',
  'stiff neck',
  'slurred speech',
  'loss of vision',
  'vision loss'
]

const seedHeader = '# Lower back pain\n\nLower back pain is one of the most common reasons adults seek GP advice.\n\n'
const seedRedFlags = '- Loss of bladder or bowel control\n- Numbness around the genitals or inner thighs\n- Progressive leg weakness\n- Severe pain following trauma\n- Back pain with fever or unexplained weight loss\n'

export default defineRule<Options>({
  id: 'require-red-flags',
  description: 'The article has a red-flags section (a heading such as "Red flag symptoms" or "Urgent advice") with at least one item under it.',
  rationale: 'Red flags tell a patient which symptoms mean something serious. Without them, or with the list but not its heading, a reader may wait at home with a symptom that needs urgent help.',
  severity: 'error',
  requires: 'tree',
  safety: true,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      headings: wordList('Headings that open a red-flags section, matched in any letter case as the whole heading or its beginning.'),
      symptomTerms: wordList('Words that make a listed item look like a red-flag symptom, for spotting a red-flag list that has lost its heading.'),
      listShare: {type: 'number', minimum: 0, maximum: 1, description: 'Share of a list\'s items (0 to 1, at least two items) that must contain a symptom term for the list to count as red-flag symptoms.'}
    }
  },
  defaults: {headings: [...defaultRedFlagHeadings], symptomTerms: defaultSymptomTerms, listShare: 0.6},
  examples: {
    valid: [
      {name: 'the seed\'s list under its heading', input: seedHeader + '### Red flag symptoms\n\n' + seedRedFlags},
      {name: 'another wording, in capitals, with a colon', input: seedHeader + '## URGENT ADVICE:\n\n- First placeholder symptom\n'},
      {name: 'a heading that begins with a recognised wording', input: seedHeader + '## Call 999 or go to A&E if you have\n\n- First placeholder symptom\n- Second placeholder symptom\n'},
      {name: 'text rather than a list under the heading', input: seedHeader + '## Red flags\n\nPlaceholder paragraph written by the clinical reviewer.\n'},
      {name: 'items in a subsection', input: seedHeader + '## When to get urgent help\n\n### Placeholder subheading\n\n- First placeholder symptom\n'},
      {name: 'a heading added by the config', input: seedHeader + '## Danger signs\n\n- First placeholder symptom\n', options: {headings: ['Danger signs']}}
    ],
    invalid: [
      {
        name: 'the seed\'s red-flag list without its heading',
        input: seedHeader + '## How musculoskeletal back pain commonly presents\n\n- Dull or aching pain in the lower back\n- Muscle spasm or tightness\n\nSymptoms can develop suddenly or build up gradually.\n\n' + seedRedFlags,
        messages: ['12:1: This list looks like red-flag symptoms ("Loss of bladder or bowel control", …) but has no heading saying so, so readers cannot tell that these symptoms need urgent help. Add a heading such as "Red flag symptoms" directly above the list.']
      },
      {
        name: 'other red-flag words, under an unrelated heading',
        input: seedHeader + '## Symptoms\n\n- Chest pain\n- Difficulty breathing\n- Stiffness in the morning\n',
        messages: ['7:1: This list looks like red-flag symptoms ("Chest pain", …) but has no heading saying so, so readers cannot tell that these symptoms need urgent help. Add a heading such as "Red flag symptoms" directly above the list.']
      },
      {
        name: 'no red-flags section and no list that looks like one',
        input: seedHeader + '## How musculoskeletal back pain commonly presents\n\n- Dull or aching pain in the lower back\n- Stiffness, especially in the morning or after rest\n- Presence of leg pain, numbness, or weakness\n',
        messages: ['1:1: This article has no red-flags section. Add a heading such as "Red flag symptoms" and list under it the symptoms that need urgent help, as agreed with the clinical reviewer.']
      },
      {
        name: 'a red-flags heading with nothing under it',
        input: seedHeader + '## Red flags\n\n## Common causes of lower back pain\n\nPlaceholder paragraph.\n',
        messages: ['5:1: The red-flags section "Red flags" has nothing under it. List under this heading the symptoms that need urgent help, as agreed with the clinical reviewer.']
      },
      {
        name: 'a heading the config no longer recognises',
        input: seedHeader + '## Red flags\n\n- First placeholder symptom\n',
        options: {headings: ['Danger signs']},
        messages: ['1:1: This article has no red-flags section. Add a heading such as "Danger signs" and list under it the symptoms that need urgent help, as agreed with the clinical reviewer.']
      }
    ]
  },
  check(context) {
    const {tree, options} = context
    if (tree.children.length === 0) return // empty-article reports an empty body.
    const required = requiredSection(tree, options.headings)
    if (required.found === 'content') return
    if (required.found === 'empty') {
      context.report(`The red-flags section ${quote(required.section.title)} has nothing under it. List under this heading the symptoms that need urgent help, as agreed with the clinical reviewer.`, required.section.heading)
      return
    }
    const example = options.headings.includes('Red flag symptoms') ? 'Red flag symptoms' : options.headings[0] ?? 'Red flag symptoms'
    const lists = redFlagLookingLists(tree, options)
    for (const {list, first} of lists) {
      context.report(
        `This list looks like red-flag symptoms (${quote(first, 40)}, …) but has no heading saying so, so readers cannot tell that these symptoms need urgent help. Add a heading such as "${example}" directly above the list.`,
        list,
        {expected: [example]}
      )
    }
    if (lists.length === 0) {
      context.report(`This article has no red-flags section. Add a heading such as "${example}" and list under it the symptoms that need urgent help, as agreed with the clinical reviewer.`, tree.children[0], {expected: [example]})
    }
  }
})

/** Lists most of whose items (and at least two) contain a red-flag symptom term. */
function redFlagLookingLists(tree: Root, options: Options): Array<{list: List; first: string}> {
  const found: Array<{list: List; first: string}> = []
  visit(tree, 'list', (list) => {
    // An item's own text: a nested list is judged as a list of its own.
    const items = list.children.map((item) => normalise(item.children.filter((child) => child.type !== 'list').map((child) => textOf(child)).join('\n'))).filter(Boolean)
    const matching = items.filter((item) => findPhrase(item, options.symptomTerms) !== undefined)
    if (matching.length >= 2 && matching.length >= options.listShare * items.length) {
      found.push({list, first: matching[0]!})
      return SKIP // its nested lists are part of the same finding
    }
    return CONTINUE
  })
  return found
}
