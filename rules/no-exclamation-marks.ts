// no-exclamation-marks: no exclamation marks in health advice.
//
// Why: the NHS service manual content style guide asks writers to avoid exclamation marks: in
// health information they read as alarm or as jollity, neither of which a worried reader needs,
// and they add nothing a calm, clear sentence does not. Quoted speech (between double quotation
// marks) is left as it was said. Not fixed: "!" to "." is not always the sentence an editor
// would write.
// Turn it off: for content that is not health advice.
import {defineRule, withoutOptions} from '../src/rule-kit/rule.js'
import type {RuleContext} from '../src/rule-kit/rule.js'
import {isInside, matchesOf, quotedStretches, reportSpan, textBlocks} from '../src/rule-kit/text-blocks.js'

const header = '---\ntitle: Placeholder\n---\n\n'

export default defineRule({
  id: 'no-exclamation-marks',
  description: 'No exclamation marks in advice (quoted speech aside).',
  rationale: 'The NHS service manual content style guide asks for no exclamation marks: in health information they read as alarm or jollity, and a calm, clear sentence says more. Quoted speech is left as it was said.',
  severity: 'warning',
  requires: 'tree',
  ...withoutOptions,
  examples: {
    valid: [
      {name: 'calm sentences, and quoted speech', input: header + 'Most back pain gets better. One reader told us “I feel great!”\n'},
      {name: 'an exclamation mark in code or an image', input: header + 'Type `!important`. ![A stretch](stretch.png)\n'}
    ],
    invalid: [
      {
        name: 'exclamation marks',
        input: header + 'Keep moving! It really helps!!\n\n## Good news!\n',
        messages: [
          '5:12: Remove the exclamation mark: in health advice it reads as alarm or as jollity. End the sentence with a full stop.',
          '5:29: Remove the exclamation mark: in health advice it reads as alarm or as jollity. End the sentence with a full stop.',
          '7:13: Remove the exclamation mark: in health advice it reads as alarm or as jollity. End the sentence with a full stop.'
        ]
      }
    ]
  },
  check
})

function check(context: RuleContext<Record<string, never>>): void {
  for (const block of textBlocks(context.tree, context.file)) {
    if (!block.text.includes('!')) continue
    const quoted = quotedStretches(block.text)
    for (const match of matchesOf(block.text, /!+/g)) {
      if (isInside(quoted, match.index)) continue
      reportSpan(context, block, match.index, match.index + match[0].length, 'Remove the exclamation mark: in health advice it reads as alarm or as jollity. End the sentence with a full stop.')
    }
  }
}
