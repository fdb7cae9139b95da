// require-disclaimer: the article says that it is general, educational information and that it
// does not replace an assessment or advice from a clinician.
//
// Why: a patient must not mistake an article for a diagnosis of their own problem. A disclaimer
// is a sentence (or two adjacent ones) that says both what the information is ("general
// information", "educational", "a guide") and that it does not replace professional advice ("not
// a substitute for", "does not replace", "cannot take the place of", "not medical advice"). A
// keyword alone is not one: "general information about opening hours" or "an educational
// psychologist" says neither. Headings do not count. Turn it off: only where the site shows the
// same disclaimer on every page, and then say so in the config.
import type {Paragraph, TableCell} from 'mdast'
import {visit} from '../src/rule-kit/visit.js'
import {defineRule, wordList} from '../src/rule-kit/rule.js'
import {extend, quote, sentencesOf} from '../src/rule-kit/phrases.js'
import {plainTextOf, textOf} from '../src/rule-kit/sections.js'
import {isDisclaimer} from '../src/rule-kit/recognise.js'
import {defaultInformationWords, defaultNotReplacingPhrases} from '../src/rule-kit/vocabulary.js'

type Options = {
  informationWords: string[]
  notReplacingPhrases: string[]
}

const seedHeader = '# Lower back pain\n\nLower back pain is one of the most common reasons adults seek GP advice.\n\n'
const missing = '1:1: This article has no disclaimer. Add a sentence near the start saying that it is general information and does not replace an assessment or advice from a clinician, such as "This page gives general information. It does not replace advice from your GP or another health professional."'

export default defineRule<Options>({
  id: 'require-disclaimer',
  description: 'The article has a disclaimer: a sentence (or two adjacent ones) saying that it is general or educational information and that it does not replace a professional assessment or advice.',
  rationale: 'A patient must not mistake an article for a diagnosis of their own problem; the disclaimer tells them to have it assessed.',
  severity: 'error',
  requires: 'tree',
  safety: true,
  reportsMissing: true,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      informationWords: wordList('Words saying what the information is (such as "general information"), matched as whole words in any letter case; a configured list is added to the defaults.'),
      notReplacingPhrases: wordList('Phrases saying that it does not replace professional advice (such as "not a substitute for"); a configured list is added to the defaults.')
    }
  },
  defaults: {informationWords: defaultInformationWords as string[], notReplacingPhrases: defaultNotReplacingPhrases as string[]},
  examples: {
    valid: [
      {name: 'the seed\'s sentence', input: seedHeader + 'These articles are intended as educational sources, not diagnostic nor taking place of a proper medical assessment.\n'},
      {name: 'two adjacent sentences, at the end', input: seedHeader + '## Causes\n\nPlaceholder paragraph.\n\nThis page gives general information. It does not replace an assessment by a clinician.\n'},
      {name: 'in a quote, in capitals', input: seedHeader + '> THIS LEAFLET IS A GENERAL GUIDE AND IS NOT A SUBSTITUTE FOR A PROFESSIONAL ASSESSMENT.\n'},
      {name: 'US wording', input: seedHeader + '*This content is for informational purposes only and is not intended as medical advice.*\n'},
      {name: 'a phrasing added by the config', input: seedHeader + 'Placeholder: for orientation alone, never in place of a clinician.\n', options: {informationWords: ['for orientation'], notReplacingPhrases: ['never in place of']}}
    ],
    invalid: [
      {name: 'no disclaimer', input: seedHeader + '## Causes\n\nPlaceholder paragraph.\n', messages: [missing]},
      {name: 'a heading alone does not count', input: seedHeader + '## General information\n\nPlaceholder paragraph.\n', messages: [missing]},
      {name: 'keywords that are not a disclaimer', input: seedHeader + 'Call 111 for general information about pharmacies. Ask your school about an educational psychologist. See [General information](https://example.org/info).\n', messages: [missing]},
      {name: 'saying what it is without saying it does not replace advice', input: seedHeader + 'This leaflet gives general information about the clinic.\n', messages: [missing]}
    ]
  },
  check(context) {
    const {tree, options} = context
    if (tree.children.length === 0) return // empty-article reports an empty body.
    const information = extend(defaultInformationWords, options.informationWords)
    const notReplacing = extend(defaultNotReplacingPhrases, options.notReplacingPhrases)
    let found = false
    const quick = notReplacing === defaultNotReplacingPhrases
    const read = (block: Paragraph | TableCell) => {
      if (found) return
      // Every default way of saying "does not replace" has a negation: most paragraphs have none.
      if (quick && !/\bno\b|\bnot\b|n['’]t\b|\bnor\b|cannot/i.test(textOf(block))) return
      const sentences = sentencesOf(plainTextOf(block))
      found = sentences.some((sentence, index) => isDisclaimer(sentence, information, notReplacing) || (index > 0 && isDisclaimer(`${sentences[index - 1]} ${sentence}`, information, notReplacing)))
    }
    visit(tree, 'paragraph', read)
    visit(tree, 'tableCell', read)
    if (found) return
    context.report(
      missing.replace(/^1:1: /, ''),
      tree.children[0],
      {note: `A disclaimer needs both: what the information is (${information.slice(0, 6).map((word) => quote(word)).join(', ')} …) and that it does not replace advice (${notReplacing.slice(0, 6).map((word) => quote(word)).join(', ')} …).`}
    )
  }
})
