// require-red-flags: the article has a red-flags section — one that tells the reader which
// symptoms need urgent help — with at least one item under it.
//
// Why: red flags are how a patient reading about a common problem learns which symptoms mean
// something serious. The section is recognised the way an editor reads a page, not by an exact
// heading: a heading, a bold line, a callout or a lead-in such as "Call 999 or go to A&E if:",
// "Urgent advice: Ask for an urgent GP appointment or get help from NHS 111 if:", "Red flag
// symptoms", "When to get urgent help" or a traffic-light "Red" block (see the README's "How the
// safety rules read an article"). Its items are its list items, table rows or sentences, never a
// byline, disclaimer or placeholder ("TBC"). Where there is no such section but a list looks like
// urgent symptoms, the rule says so at that list, and leaves it to the editor to decide whether it
// is. Turn it off: only for content that is not about symptoms (such as an administrative page),
// and then per file, never globally.
import type {List, Root} from 'mdast'
import {CONTINUE, SKIP, visit} from '../src/rule-kit/visit.js'
import {defineRule, wordList} from '../src/rule-kit/rule.js'
import type {RuleContext} from '../src/rule-kit/rule.js'
import {classifiedSectionsOf, lineOf, normalise, requiredSection, sectionItemsOf, textOf} from '../src/rule-kit/sections.js'
import type {ClassifiedSection, SectionVocabulary} from '../src/rule-kit/sections.js'
import {safetyVocabularyOf} from '../src/rule-kit/safety-vocabulary.js'
import {nearestLabel} from '../src/rule-kit/nearest.js'
import {extend, hasPhrase, quote} from '../src/rule-kit/phrases.js'
import {defaultRedFlagHeadings, defaultUrgentSymptomTerms, meaningVocabulary, placeholderItems, suggestedRedFlagHeadings} from '../src/rule-kit/vocabulary.js'

type Options = {
  headings: string[]
  symptomTerms: string[]
  listShare: number
}

const seedHeader = '# Lower back pain\n\nLower back pain is one of the most common reasons adults seek GP advice.\n\n'
const seedRedFlags = '- Loss of bladder or bowel control\n- Numbness around the genitals or inner thighs\n- Progressive leg weakness\n- Severe pain following trauma\n- Back pain with fever or unexplained weight loss\n'
const wordings = suggestedRedFlagHeadings.map((heading) => `"${heading}"`).join(', ')

export default defineRule<Options>({
  id: 'require-red-flags',
  description: 'The article has a red-flags section (a heading, bold line, callout or lead-in such as "Call 999 or go to A&E if:", "Urgent advice" or "Red flag symptoms") with at least one item under it.',
  rationale: 'Red flags tell a patient which symptoms mean something serious. Without them, or with the list but not its heading, a reader may wait at home with a symptom that needs urgent help.',
  severity: 'error',
  requires: 'tree',
  safety: true,
  reportsMissing: true,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      headings: wordList('Headings or labels that open a red-flags section on their own, matched in any letter case as the whole label or its beginning; a configured list is added to the defaults. Labels that tell the reader to call 999, go to A&E, get an urgent GP appointment and the like are recognised without being listed.'),
      symptomTerms: wordList('Words that make a listed item look like an urgent symptom, for spotting a list of urgent symptoms that has no heading saying so; a configured list is added to the defaults.'),
      listShare: {type: 'number', minimum: 0, maximum: 1, description: 'Share of a list\'s items (0 to 1, at least two items) that must contain a symptom term for the list to look like urgent symptoms.'}
    }
  },
  defaults: {headings: defaultRedFlagHeadings as string[], symptomTerms: defaultUrgentSymptomTerms as string[], listShare: 0.6},
  vocabulary: {
    ...meaningVocabulary,
    placeholders: {description: 'items that stand for content still to be written, besides empty items and "…"', words: placeholderItems},
    suggestions: {description: 'the wordings the messages suggest', words: suggestedRedFlagHeadings}
  },
  examples: {
    valid: [
      {name: 'the seed\'s list under its heading', input: seedHeader + '### Red flag symptoms\n\n' + seedRedFlags},
      {name: 'another wording, in capitals, with a colon', input: seedHeader + '## URGENT ADVICE:\n\n- First placeholder symptom\n'},
      {name: 'an NHS callout written as a bold label with its lead-in', input: seedHeader + '**Immediate action required: Call 999 or go to A&E if:**\n\n- First placeholder symptom\n'},
      {name: 'an NHS callout written as a quote', input: seedHeader + '> Urgent advice: Ask for an urgent GP appointment or get help from NHS 111 if:\n>\n> - First placeholder symptom\n'},
      {name: 'a lead-in sentence and a list, no heading', input: seedHeader + 'If any of these symptoms return, go to your nearest Emergency Department:\n\n- First placeholder symptom\n'},
      {name: 'a numbered heading with an emoji', input: seedHeader + '## 5. ⚠️ When to get urgent help\n\n- First placeholder symptom\n'},
      {name: 'red flags in a table', input: seedHeader + '## Red flags\n\n| Symptom | What to do |\n| --- | --- |\n| First placeholder symptom | Call 999 |\n'},
      {name: 'traffic-light blocks', input: seedHeader + '**Red – if your child:**\n\n- First placeholder symptom\n\n**Amber – if your child:**\n\n- Second placeholder symptom\n'},
      {name: 'a section whose text says when to call 999', input: seedHeader + '## What to do in an asthma attack\n\n1. First placeholder step.\n2. If you do not feel better after the placeholder step, call 999 for an ambulance.\n'},
      {name: 'items in a subsection', input: seedHeader + '## When to get urgent help\n\n### Placeholder subheading\n\n- First placeholder symptom\n'},
      {name: 'a heading added by the config', input: seedHeader + '## Danger zone\n\n- First placeholder symptom\n', options: {headings: ['Danger zone']}}
    ],
    invalid: [
      {
        name: 'the seed\'s red-flag list without its heading',
        input: seedHeader + '## How musculoskeletal back pain commonly presents\n\n- Dull or aching pain in the lower back\n- Muscle spasm or tightness\n\nSymptoms can develop suddenly or build up gradually.\n\n' + seedRedFlags,
        messages: [`12:1: This list looks like urgent symptoms ("Loss of bladder or bowel control", …), but no heading says so; if it is, give it a heading such as "Call 999 or go to A&E if" or "Red flag symptoms", and say what to do, as agreed with the clinical reviewer.`]
      },
      {
        name: 'no red-flags section and no list that looks like one',
        input: seedHeader + '## How musculoskeletal back pain commonly presents\n\n- Dull or aching pain in the lower back\n- Stiffness, especially in the morning or after rest\n',
        messages: [`1:1: This article has no red-flags section. Add a heading or lead-in in a recognised wording, such as ${wordings}, and list under it the symptoms that need urgent help, as agreed with the clinical reviewer.`]
      },
      {
        name: 'a heading that almost matched',
        input: seedHeader + '## Symptoms to worry about\n\n- First placeholder symptom\n',
        messages: [`5:1: This article has no red-flags section; the nearest is "Symptoms to worry about" (line 5), which does not say that its symptoms need urgent help. Add a heading or lead-in in a recognised wording, such as ${wordings}, and list under it the symptoms that need urgent help, as agreed with the clinical reviewer.`]
      },
      {
        name: 'the page title is not a section',
        input: '# Warning signs of sepsis\n\nPlaceholder paragraph.\n\n## Looking after yourself\n\n- Rest\n- Drink water\n',
        messages: [`1:1: This article has no red-flags section. Add a heading or lead-in in a recognised wording, such as ${wordings}, and list under it the symptoms that need urgent help, as agreed with the clinical reviewer.`]
      },
      {
        name: 'a red-flags heading with nothing under it but the byline',
        input: seedHeader + '## Red flags\n\nLast reviewed by Dr Placeholder Name, GMC registered GP\n\n## Common causes of lower back pain\n\nPlaceholder paragraph.\n',
        messages: ['5:1: The red-flags section "Red flags" has nothing under it. List under it the symptoms that need urgent help, as agreed with the clinical reviewer.']
      },
      {
        name: 'a placeholder instead of symptoms',
        input: seedHeader + '## Call 999 if\n\n- TBC\n',
        messages: ['5:1: The red-flags section "Call 999 if" has nothing under it. List under it the symptoms that need urgent help, as agreed with the clinical reviewer.', '7:1: The red-flags section "Call 999 if" has the placeholder "TBC" where a symptom should be. Replace it with the symptoms that need urgent help, as agreed with the clinical reviewer.']
      }
    ]
  },
  provides: (options) => ({redFlagHeadings: options.headings}),
  check(context) {
    const {tree, options} = context
    if (tree.children.length === 0) return // empty-article reports an empty body.
    const vocabulary = safetyVocabularyOf(options.headings, undefined)
    const required = requiredSection(tree, vocabulary, 'red-flags')
    if (required.found !== 'none') reportPlaceholders(context, required.sections, vocabulary)
    if (required.found === 'content') return
    if (required.found === 'empty') {
      const {section} = required.section
      context.report(`The red-flags section ${quote(section.title)} has nothing under it. List under it the symptoms that need urgent help, as agreed with the clinical reviewer.`, section.label)
      return
    }
    const [example, second] = suggestedRedFlagHeadings
    const lists = urgentLookingLists(tree, options, classifiedSectionsOf(tree, vocabulary))
    for (const {list, first} of lists) {
      context.report(
        `This list looks like urgent symptoms (${quote(first, 40)}, …), but no heading says so; if it is, give it a heading such as "${example}" or "${suggestedRedFlagHeadings.at(-1)}", and say what to do, as agreed with the clinical reviewer.`,
        list,
        {expected: [...suggestedRedFlagHeadings]}
      )
    }
    if (lists.length > 0) return
    const nearest = nearestLabel(tree, vocabulary, 'red-flags')
    const where = nearest ? `; the nearest is ${quote(nearest.section.title)} (line ${lineOf(nearest.section)}), which does not say that its symptoms need urgent help` : ''
    context.report(
      `This article has no red-flags section${where}. Add a heading or lead-in in a recognised wording, such as ${wordings}, and list under it the symptoms that need urgent help, as agreed with the clinical reviewer.`,
      nearest?.section.label ?? tree.children[0],
      {expected: [example!, second!]}
    )
  }
})

function reportPlaceholders(context: RuleContext<Options>, sections: readonly ClassifiedSection[], vocabulary: SectionVocabulary): void {
  for (const entry of sections) {
    for (const item of sectionItemsOf(entry, context.tree, vocabulary)) {
      if (!item.placeholder) continue
      context.report(
        `The red-flags section ${quote(entry.section.title)} has the placeholder ${quote(item.text || '(empty)')} where a symptom should be. Replace it with the symptoms that need urgent help, as agreed with the clinical reviewer.`,
        item.node
      )
    }
  }
}

/**
 * Lists outside any safety section most of whose items (and at least two) contain an urgent
 * symptom term.
 */
function urgentLookingLists(tree: Root, options: Options, sections: readonly ClassifiedSection[]): Array<{list: List; first: string}> {
  const terms = extend(defaultUrgentSymptomTerms, options.symptomTerms)
  const inSafetySection = new Set<unknown>()
  for (const entry of sections) if (entry.kind !== undefined) for (const child of entry.section.children) inSafetySection.add(child)
  const found: Array<{list: List; first: string}> = []
  visit(tree, 'list', (list) => {
    if (inSafetySection.has(list)) return SKIP
    // An item's own text: a nested list is judged as a list of its own.
    const items = list.children.map((item) => normalise(item.children.filter((child) => child.type !== 'list').map((child) => textOf(child)).join('\n'))).filter(Boolean)
    const matching = items.filter((item) => hasPhrase(item, terms))
    if (matching.length >= 2 && matching.length >= options.listShare * items.length) {
      found.push({list, first: matching[0]!})
      return SKIP // its nested lists are part of the same finding
    }
    return CONTINUE
  })
  return found
}
