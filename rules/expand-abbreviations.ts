// expand-abbreviations: an abbreviation is written out in full the first time it is used, as in
// "chronic obstructive pulmonary disease (COPD)", unless patients already know it (GP, NHS, A&E).
//
// Why: the NHS service manual content style guide asks writers to spell out an abbreviation the
// first time, with the short form in brackets, unless it is better known than its full form
// (GP, NHS); GOV.UK asks the same. A reader who does not know "DVT" or "UTI" cannot search for it
// or ask about it. The first use in the body counts (headings are labels and are not expected to
// expand): it is expanded when it stands in brackets after the words ("… disease (COPD)") or is
// followed by them in brackets ("COPD (chronic …)"). Gene and protein symbols ("the FBN1
// gene"), Roman numerals, prescription shorthand (an error under no-prescription-abbreviations)
// and words in capitals for emphasis (no-all-caps) are left to the rules that own them.
// Add the abbreviations your readers know to `known`. Not fixed: only a person knows the words.
// Turn it off: for content written for clinicians.
import {defineRule, wordList} from '../src/rule-kit/rule.js'
import type {RuleContext} from '../src/rule-kit/rule.js'
import {matchesOf, reportSpan, textBlocks} from '../src/rule-kit/text-blocks.js'
import {capitalRuns, isShouting} from '../src/rule-kit/capitals.js'
import {prescriptionMeaning} from './no-prescription-abbreviations.js'

export interface ExpandAbbreviationsOptions extends Record<string, unknown> {
  known: string[]
}

// Two or more capitals (digits and "&" allowed inside), an optional "-19" style suffix and a
// plural or possessive ending: "COPD", "A&E", "GPs", "COVID-19", "HbA1c" is not (lower case).
const abbreviation = /(?<![\p{L}\p{N}&'’-])(\p{Lu}[\p{Lu}\p{N}&]*\p{Lu}[\p{Lu}\p{N}]*|\p{Lu}[\p{Lu}\p{N}&]*\p{N}[\p{Lu}\p{N}]*)(-\d+)?(s|['’]s)?(?![\p{L}\p{N}&'’])/gu
// Roman numerals, with a sub-stage letter ("stage IIIB").
const roman = /^[IVXLCDM]+[A-E]?$/
const header = '---\ntitle: Placeholder\n---\n\n'

export default defineRule<ExpandAbbreviationsOptions>({
  id: 'expand-abbreviations',
  description: 'An abbreviation is written out in full the first time it is used ("chronic obstructive pulmonary disease (COPD)"), unless it is on the list of those patients know.',
  rationale: 'The NHS service manual content style guide and the GOV.UK style guide ask for an abbreviation to be spelled out the first time, with the short form in brackets, unless it is better known than its full form (GP, NHS, A&E). A reader who does not know it cannot search for it or ask about it. Add abbreviations your readers know to `known`. Turn it off only for content written for clinicians.',
  severity: 'warning',
  requires: 'tree',
  optionsSchema: {type: 'object', additionalProperties: false, properties: {known: wordList('Abbreviations patients know, never reported (plurals such as "GPs" included).')}},
  defaults: {known: ['A&E', 'GP', 'NHS', 'NHS 111', 'UK', 'US', 'OK', 'TV', 'COVID-19', 'DNA', 'MRI', 'CT']},
  examples: {
    valid: [
      {name: 'expanded at first use, either way round', input: header + 'Chronic obstructive pulmonary disease (COPD) is common. COPD gets worse slowly. A DVT (deep vein thrombosis) needs treatment; a DVT is a clot.\n'},
      {name: 'pronunciations, and names for a gene', input: header + 'Sleep apnoea (AP-nee-uh) and pica (PI-ka or PE-ka) are common. CHMP2B-related dementia is rare.\n'},
      {name: 'known abbreviations, plurals included', input: header + 'Ask your GP, or go to A&E. GPs work for the NHS in the UK. COVID-19 is an infection.\n'},
      {name: 'look-alikes', input: header + 'Type II diabetes and stage IIIB cancer. I am OK. The FBN1 gene, and the DNM2, BIN1 or TTN genes. DO NOT stop taking it. Take it BD. Age-related macular degeneration, also known as AMD, affects sight.\n'},
      {name: 'an abbreviation only in a heading, or in code', input: header + '## About IBS\n\nRun `npm run ERCP`.\n'},
      {name: 'a configured abbreviation', input: header + 'Ask at the MIU.\n', options: {known: ['MIU']}}
    ],
    invalid: [
      {
        name: 'not expanded at first use',
        input: header + 'An ERCP can find gallstones. ERCP is done in hospital. You may have IBS.\n',
        messages: [
          '5:4: Write “ERCP” out in full the first time you use it, with the abbreviation in brackets after it, or add it to the rule’s `known` list if patients know it.',
          '5:69: Write “IBS” out in full the first time you use it, with the abbreviation in brackets after it, or add it to the rule’s `known` list if patients know it.'
        ]
      },
      {
        name: 'a plural, a hyphenated use, and "ER" is not found inside "ERCP"',
        input: header + 'Some UTIs clear up. ERCP (endoscopic retrograde cholangiopancreatography) is a test. Take an ACE-inhibitor.\n',
        messages: [
          '5:6: Write “UTI” out in full the first time you use it, with the abbreviation in brackets after it, or add it to the rule’s `known` list if patients know it.',
          '5:94: Write “ACE” out in full the first time you use it, with the abbreviation in brackets after it, or add it to the rule’s `known` list if patients know it.'
        ]
      }
    ]
  },
  check
})

function check(context: RuleContext<ExpandAbbreviationsOptions>): void {
  const known = new Set<string>()
  for (const item of context.options.known) for (const word of item.split(/\s+/)) known.add(word)
  const seen = new Set<string>()
  for (const block of textBlocks(context.tree, context.file)) {
    if (block.kind === 'heading') continue
    let runs: ReturnType<typeof capitalRuns> | undefined
    for (const match of matchesOf(block.text, abbreviation)) {
      const base = match[1]!
      const suffixed = base + (match[2] ?? '')
      const name = known.has(suffixed) ? suffixed : base
      if (seen.has(name) || known.has(suffixed) || known.has(base) || roman.test(base)) continue
      seen.add(name)
      if (prescriptionMeaning(base)) continue
      runs ??= capitalRuns(block.text)
      if (isShouting(runs, match.index, known)) continue
      const start = match.index
      const end = start + match[0].length
      const before = block.text.slice(0, start)
      const after = block.text.slice(end)
      // A pronunciation in brackets: "(KATH-e-ter-ih-ZA-shun)", "(PI-ka or PE-ka)".
      if (isRespelling(block.text, start, end)) continue
      // "CHMP2B-related", "HLA-associated": named for a gene or protein.
      if (/^-(?:related|associated|linked|mediated)\b/.test(after)) continue
      // A gene or protein symbol is a name, not an abbreviation to expand.
      // Also the last of a list of them ("the DNM2, BIN1, or TTN gene").
      if (/^(?:,?\s+(?:and\s+|or\s+)?[\p{Lu}\p{N}-]+)*,?\s+(?:genes?|proteins?|mutations?|variants?)\b/iu.test(after)) continue
      // Expanded before it: "… degeneration, also known as AMD".
      if (/[\p{L})][\s,]+(?:also\s+)?(?:known as|called|or|shortened to)\s+$/iu.test(before)) continue
      // Named as a gene before it: "two similar genes, MAP2K1 and MAP2K2".
      if (/\bgenes?,?\s+(?:called\s+|named\s+)?(?:[\p{Lu}\p{N}-]+,?\s+(?:and\s+|or\s+)?)*$/u.test(before)) continue
      // Expanded: "… disease (COPD)" or "COPD (chronic …)".
      if (/\(\s*$/.test(before) && /^\s*[),;]/.test(after)) continue
      if (/^\s*\(\s*\p{L}[^)]*\p{Ll}[^)]*\)/u.test(after)) continue
      reportSpan(context, block, start, start + base.length, `Write “${base}” out in full the first time you use it, with the abbreviation in brackets after it, or add it to the rule’s \`known\` list if patients know it.`)
    }
  }
}

/** Whether `text[start, end)` is part of a pronunciation respelling in brackets. */
function isRespelling(text: string, start: number, end: number): boolean {
  const open = text.lastIndexOf('(', start)
  const close = text.indexOf(')', end)
  if (open === -1 || close === -1 || text.slice(open, start).includes(')')) return false
  const inside = text.slice(open + 1, close)
  return /^\p{L}+(?:-\p{L}+)+(?:,?\s+or\s+\p{L}+(?:-\p{L}+)+)*$/u.test(inside) && /\p{Ll}/u.test(inside) && /\p{Lu}{2}/u.test(inside)
}
