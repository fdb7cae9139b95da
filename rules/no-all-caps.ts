// no-all-caps: no text written in capitals for emphasis ("DO NOT", "NEVER", "URGENT"); short
// abbreviations ("COPD", "A&E") are fine.
//
// Why: the NHS service manual content style guide and the GOV.UK style guide ask for no block
// capitals: text in capitals is harder to read (words lose their shape), reads as shouting, and
// some screen readers spell it out letter by letter (WCAG 2.2 technique for 1.3.1 and 3.1
// guidance). Use bold sparingly, or better words, for emphasis. A word in capitals counts as
// shouting when it is part of a run of capital words that includes an everyday word ("DO NOT"),
// or is one of the `emphasis` words alone ("NEVER", "URGENT"); anything else is taken for an
// abbreviation ("AIDS", "CHARGE syndrome" spell words too). Abbreviations that spell an everyday word ("NICE") go in `allow`.
// Turn it off: for content that quotes labels or signs word for word.
import {defineRule, wordList} from '../src/rule-kit/rule.js'
import type {RuleContext} from '../src/rule-kit/rule.js'
import {reportSpan, textBlocks} from '../src/rule-kit/text-blocks.js'
import {capitalRuns, emphasisWords, isShouting} from '../src/rule-kit/capitals.js'

export interface NoAllCapsOptions extends Record<string, unknown> {
  allow: string[]
  emphasis: string[]
}

const header = '---\ntitle: Placeholder\n---\n\n'

export default defineRule<NoAllCapsOptions>({
  id: 'no-all-caps',
  description: 'No text in capitals for emphasis ("DO NOT", "NEVER"); short abbreviations ("COPD", "A&E") are fine.',
  rationale: 'The NHS service manual content style guide and the GOV.UK style guide ask for no block capitals: they are harder to read, read as shouting, and some screen readers spell them out. Abbreviations that spell an everyday word (NICE) go in `allow`. Turn it off only for content that quotes signs or labels word for word.',
  severity: 'warning',
  requires: 'tree',
  optionsSchema: {type: 'object', additionalProperties: false, properties: {allow: wordList('Words in capitals that are abbreviations, never reported, even when they spell an everyday word.'), emphasis: wordList('Words reported when they stand alone in capitals (a run of two or more everyday words in capitals is always reported).')}},
  defaults: {allow: ['NICE', 'NHS', 'GP', 'A&E', 'UK'], emphasis: [...emphasisWords]},
  examples: {
    valid: [
      {name: 'abbreviations', input: header + 'People with COPD or IBS can ask their GP. Go to A&E. Read the NICE guidance. Adults with ALL need treatment. People with AIDS, CHARGE syndrome or a PET CT scan.\n'},
      {name: 'capitals in code', input: header + 'Type `DO NOT REPLY` in the box.\n'}
    ],
    invalid: [
      {
        name: 'shouting: a run of words, an everyday word and a long word',
        input: header + 'DO NOT take more than 8 tablets. NEVER drive after taking it. This is URGENT.\n',
        messages: [
          '5:1: “DO NOT” is written in capitals, which is harder to read and reads as shouting: write it in ordinary letters (use bold sparingly for emphasis).',
          '5:34: “NEVER” is written in capitals, which is harder to read and reads as shouting: write it in ordinary letters (use bold sparingly for emphasis).',
          '5:71: “URGENT” is written in capitals, which is harder to read and reads as shouting: write it in ordinary letters (use bold sparingly for emphasis).'
        ]
      },
      {
        name: 'a heading in capitals',
        input: header + '## WHEN TO GET HELP\n',
        messages: ['5:4: “WHEN TO GET HELP” is written in capitals, which is harder to read and reads as shouting: write it in ordinary letters (use bold sparingly for emphasis).']
      }
    ]
  },
  check
})

function check(context: RuleContext<NoAllCapsOptions>): void {
  const allow = new Set(context.options.allow)
  for (const block of textBlocks(context.tree, context.file)) {
    if (!/\p{Lu}{2}/u.test(block.text)) continue
    const runs = capitalRuns(block.text)
    for (const run of runs) {
      if (!isShouting([run], run.start, allow, context.options.emphasis)) continue
      const written = block.text.slice(run.start, run.end)
      reportSpan(context, block, run.start, run.end, `“${written}” is written in capitals, which is harder to read and reads as shouting: write it in ordinary letters (use bold sparingly for emphasis).`)
    }
  }
}
