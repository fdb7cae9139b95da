// require-disclaimer: the article says that it is general, educational information and not a
// substitute for an assessment by a clinician.
//
// Why: a patient must not mistake an article for a diagnosis of their own problem. The usual
// phrasings are recognised ("educational", "general information", "not a substitute for", "does
// not replace", …), in any paragraph of the body; headings do not count. Turn it off: only where
// the site shows the same disclaimer on every page, and then say so in the config.
import type {Paragraph} from 'mdast'
import {visit} from '../src/visit.js'
import {defineRule, wordList} from '../src/rule.js'
import {findPhrase} from '../src/phrases.js'
import {textOf} from '../src/pipeline/sections.js'

type Options = {
  phrases: string[]
}

const defaultPhrases = [
  'educational',
  'general information',
  'information only',
  'not a substitute for',
  'not a replacement for',
  'does not replace',
  'do not replace',
  'should not replace',
  'not intended to replace',
  'not intended to diagnose',
  'not diagnostic',
  'not medical advice',
  'proper medical assessment'
]

const seedHeader = '# Lower back pain\n\nLower back pain is one of the most common reasons adults seek GP advice.\n\n'

export default defineRule<Options>({
  id: 'require-disclaimer',
  description: 'The article states that it is general or educational information and not a substitute for a professional assessment.',
  rationale: 'A patient must not mistake an article for a diagnosis of their own problem; the disclaimer tells them to have it assessed.',
  severity: 'error',
  requires: 'tree',
  safety: true,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      phrases: wordList('Phrases that mark a paragraph as the disclaimer, matched as whole words in any letter case.')
    }
  },
  defaults: {phrases: defaultPhrases},
  examples: {
    valid: [
      {name: 'the seed\'s sentence', input: seedHeader + 'These articles are intended as educational sources, not diagnostic nor taking place of a proper medical assessment.\n'},
      {name: 'other wording, at the end', input: seedHeader + '## Causes\n\nPlaceholder paragraph.\n\nThis page gives general information. It does not replace an assessment by a clinician.\n'},
      {name: 'in a quote, in capitals', input: seedHeader + '> THIS LEAFLET IS NOT A SUBSTITUTE FOR A PROFESSIONAL ASSESSMENT.\n'},
      {name: 'a phrase added by the config', input: seedHeader + 'Placeholder: for guidance alone.\n', options: {phrases: ['for guidance alone']}}
    ],
    invalid: [
      {
        name: 'no disclaimer',
        input: seedHeader + '## Causes\n\nPlaceholder paragraph.\n',
        messages: ['1:1: This article has no disclaimer. Add a sentence near the start saying that it is general, educational information and not a substitute for an assessment by a clinician.']
      },
      {
        name: 'a heading alone does not count',
        input: seedHeader + '## General information\n\nPlaceholder paragraph.\n',
        messages: ['1:1: This article has no disclaimer. Add a sentence near the start saying that it is general, educational information and not a substitute for an assessment by a clinician.']
      },
      {
        name: 'a phrase inside a longer word does not count',
        input: seedHeader + 'Placeholder: noneducational.\n',
        messages: ['1:1: This article has no disclaimer. Add a sentence near the start saying that it is general, educational information and not a substitute for an assessment by a clinician.']
      }
    ]
  },
  check(context) {
    const {tree, options} = context
    if (tree.children.length === 0) return // empty-article reports an empty body.
    let found = false
    visit(tree, 'paragraph', (paragraph: Paragraph) => {
      if (findPhrase(textOf(paragraph), options.phrases) !== undefined) found = true
    })
    if (found) return
    context.report(
      'This article has no disclaimer. Add a sentence near the start saying that it is general, educational information and not a substitute for an assessment by a clinician.',
      tree.children[0],
      {note: `Recognised phrasings: ${options.phrases.join(', ')}.`}
    )
  }
})
