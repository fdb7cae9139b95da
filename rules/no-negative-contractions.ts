// no-negative-contractions: "do not", "cannot", "should not" rather than "don't", "can't",
// "shouldn't".
//
// Why: the NHS service manual content style guide and the GOV.UK style guide both ask writers to
// avoid negative contractions, because many readers (people with low literacy, dyslexia or
// English as a second language) find them harder to read and misread them as the opposite, and in
// health advice "do not take" read as "do take" can harm. Positive contractions ("you'll",
// "it's") stay allowed. The fix writes the words in full; in quoted speech (between double
// quotation marks) the contraction is still reported, but not fixed: those are someone's words.
// Turn it off: for content that quotes conversation at length.
import {defineRule} from '../src/rule-kit/rule.js'
import type {RuleContext} from '../src/rule-kit/rule.js'
import {isInside, matchCase, matchesOf, quotedStretches, reportSpan, textBlocks} from '../src/rule-kit/text-blocks.js'

export type NoNegativeContractionsOptions = Record<string, never>

/** Every negative contraction and its words in full ("ain't" has no single meaning, so none). */
export const negativeContractions: Readonly<Record<string, string | undefined>> = {
  "don't": 'do not', "doesn't": 'does not', "didn't": 'did not', "can't": 'cannot', "couldn't": 'could not',
  "won't": 'will not', "wouldn't": 'would not', "shouldn't": 'should not', "mustn't": 'must not', "needn't": 'need not',
  "mightn't": 'might not', "shan't": 'shall not', "isn't": 'is not', "aren't": 'are not', "wasn't": 'was not',
  "weren't": 'were not', "haven't": 'have not', "hasn't": 'has not', "hadn't": 'had not', "daren't": 'dare not', "ain't": undefined
}

const header = '---\ntitle: Placeholder\n---\n\n'
const pattern = /(?<![\p{L}\p{N}'’])\p{L}+n['’]t(?![\p{L}\p{N}])/gu

export default defineRule<NoNegativeContractionsOptions>({
  id: 'no-negative-contractions',
  description: 'Negative contractions ("don\'t", "can\'t", "shouldn\'t") are written in full ("do not", "cannot", "should not").',
  rationale: 'The NHS service manual content style guide and the GOV.UK style guide ask for no negative contractions: many readers find them harder to read and misread them as the opposite ("do take" for "don\'t take"). Positive contractions such as "you\'ll" are fine. Fixable; quoted speech is reported but not fixed. Turn it off only for content that quotes conversation at length.',
  severity: 'warning',
  requires: 'tree',
  englishOnly: true,
  fixable: true,
  optionsSchema: {type: 'object', additionalProperties: false, properties: {}},
  defaults: {} as NoNegativeContractionsOptions,
  examples: {
    valid: [
      {name: 'words in full, and positive contractions', input: header + 'Do not take more than the dose on the label. You’ll feel better soon, and it\'s safe to walk.\n'},
      {name: 'a contraction in a code span or block', input: header + 'The setting is `don\'t-remind`.\n\n```\ncan\'t\n```\n'},
      {name: 'a word ending in "nt"', input: header + 'The patient can rant about parking.\n'}
    ],
    invalid: [
      {
        name: 'contractions with either apostrophe, at the start of a sentence and inside one',
        input: header + 'Don\'t drive. You shouldn’t lift heavy things and you can\'t rush it.\n',
        messages: [
          '5:1: “Don\'t” is a negative contraction, which readers can misread as the opposite: write “Do not”.',
          '5:18: “shouldn’t” is a negative contraction, which readers can misread as the opposite: write “should not”.',
          '5:54: “can\'t” is a negative contraction, which readers can misread as the opposite: write “cannot”.'
        ],
        fixed: header + 'Do not drive. You should not lift heavy things and you cannot rush it.\n'
      },
      {
        name: 'quoted speech is still reported, but not fixed',
        input: header + 'Many people say “I can\'t sleep”.\n',
        messages: ['5:20: “can\'t” is a negative contraction, which readers can misread as the opposite: write “cannot” (it is in quoted speech, so it is not fixed automatically).'],
        fixed: header + 'Many people say “I can\'t sleep”.\n'
      },
      {
        name: 'split by emphasis: reported from its first letter to its last, not fixed',
        input: header + 'Do*n\'t* run.\n',
        messages: ['5:1: “Don\'t” is a negative contraction, which readers can misread as the opposite: write “Do not”.'],
        fixed: header + 'Do*n\'t* run.\n'
      },
      {
        name: 'in a heading, a list and link text',
        input: header + '## When you don\'t need a GP\n\n- [What you mustn\'t do](https://example.org/advice)\n',
        messages: [
          '5:13: “don\'t” is a negative contraction, which readers can misread as the opposite: write “do not”.',
          '7:13: “mustn\'t” is a negative contraction, which readers can misread as the opposite: write “must not”.'
        ],
        fixed: header + '## When you do not need a GP\n\n- [What you must not do](https://example.org/advice)\n'
      }
    ]
  },
  check
})

function check(context: RuleContext<NoNegativeContractionsOptions>): void {
  for (const block of textBlocks(context.tree, context.file)) {
    if (!/n['’]t/.test(block.text)) continue
    const quoted = quotedStretches(block.text)
    for (const match of matchesOf(block.text, pattern)) {
      const written = match[0]
      const full = negativeContractions[written.toLowerCase().replace('’', "'")]
      if (full === undefined) {
        if (written.toLowerCase().replace('’', "'") === "ain't") {
          reportSpan(context, block, match.index, match.index + written.length, `“${written}” is a negative contraction, which readers can misread as the opposite: write the words in full, such as “is not” or “do not have”.`)
        }
        continue
      }
      const replacement = matchCase(written, full)
      const inQuote = isInside(quoted, match.index)
      const reason = `“${written}” is a negative contraction, which readers can misread as the opposite: write “${replacement}”${inQuote ? ' (it is in quoted speech, so it is not fixed automatically)' : ''}.`
      reportSpan(context, block, match.index, match.index + written.length, reason, inQuote ? {expected: [replacement]} : {fix: replacement})
    }
  }
}
