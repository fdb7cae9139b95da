// no-latin-abbreviations: plain words instead of "e.g.", "i.e.", "etc.", "via", "approx." and
// similar Latin or formal abbreviations.
//
// Why: the NHS service manual content style guide and the GOV.UK style guide ask writers not to
// use "eg", "ie" and "etc": many people do not know what they mean, screen readers read them out
// oddly, and "i.e." and "e.g." are often confused. Where the plain words are certain ("for
// example", "that is", "about"), the message carries a fix; "etc.", "via" and "vs" need a
// rewrite, so they are reported only. Names (a capitalised "Via" inside a sentence) are left
// alone. Turn it off: for content written for clinicians rather than patients.
import {defineRule} from '../src/rule-kit/rule.js'
import type {RuleContext} from '../src/rule-kit/rule.js'
import {isInside, matchCase, matchesOf, quotedStretches, reportSpan, startsSentence, textBlocks} from '../src/rule-kit/text-blocks.js'

export type NoLatinAbbreviationsOptions = Record<string, never>

interface Abbreviation {
  /** Matches the abbreviation as written (whole words). */
  pattern: RegExp
  /** Plain words that replace it exactly, for the fix. */
  replacement?: string
  /** What to write instead, when there is no one replacement. */
  advice?: string
}

const boundary = '(?<![\\p{L}\\p{N}.])'
// Not before a letter, nor before a dot and a letter ("e.g.now" where emphasis joins words).
const end = '(?![\\p{L}\\p{N}]|\\.[\\p{L}\\p{N}])'
const abbreviations: readonly Abbreviation[] = [
  {pattern: new RegExp(`${boundary}(?:e\\.\\s?g\\.?|eg)${end}`, 'giu'), replacement: 'for example'},
  {pattern: new RegExp(`${boundary}(?:i\\.\\s?e\\.?|ie)${end}`, 'giu'), replacement: 'that is'},
  {pattern: new RegExp(`${boundary}(?:etc\\.?|et cetera)${end}`, 'giu'), advice: 'list the things you mean, or start the list with “such as” or “including”'},
  {pattern: new RegExp(`${boundary}approx\\.?${end}`, 'giu'), replacement: 'about'},
  {pattern: new RegExp(`${boundary}viz\\.?${end}`, 'giu'), replacement: 'namely'},
  {pattern: new RegExp(`${boundary}cf\\.?${end}`, 'giu'), replacement: 'compare'},
  {pattern: new RegExp(`${boundary}(?:N\\.B\\.?|NB)${end}`, 'gu'), replacement: 'note'},
  {pattern: new RegExp(`${boundary}via${end}`, 'giu'), advice: 'use “through”, “by” or “using”'},
  {pattern: new RegExp(`${boundary}vs\\.?${end}`, 'giu'), advice: 'use “or”, “against” or “compared with”'},
  {pattern: new RegExp(`${boundary}per annum${end}`, 'giu'), replacement: 'a year'},
  {pattern: new RegExp(`${boundary}circa${end}`, 'giu'), replacement: 'about'}
]

const header = '---\ntitle: Placeholder\n---\n\n'

export default defineRule<NoLatinAbbreviationsOptions>({
  id: 'no-latin-abbreviations',
  description: 'Latin and formal abbreviations ("e.g.", "i.e.", "etc.", "via", "approx.") are replaced by plain words.',
  rationale: 'The NHS service manual content style guide and the GOV.UK style guide ask for "for example" rather than "e.g.", "that is" rather than "i.e.", and no "etc.": many readers do not know them, they are easily confused, and screen readers read them oddly. Fixable where the plain words are certain ("for example", "that is", "about"); "etc.", "via" and "vs" need a rewrite and are reported only. Turn it off only for content written for clinicians.',
  severity: 'warning',
  requires: 'tree',
  englishOnly: true,
  fixable: true,
  optionsSchema: {type: 'object', additionalProperties: false, properties: {}},
  defaults: {} as NoLatinAbbreviationsOptions,
  examples: {
    valid: [
      {name: 'plain words', input: header + 'Some medicines, for example ibuprofen, can upset your stomach.\n'},
      {name: 'abbreviations in code', input: header + 'Type `e.g.` or `etc.` in the box.\n\n```\ni.e. via\n```\n'},
      {name: 'words that contain the letters', input: header + 'Tie your laces. The viaduct is near the clinic. Eggs are fine.\n'},
      {name: 'a name, and abbreviations in capitals', input: header + 'Walk along the Via Francigena if you feel well. Stage IE is early. People with CF. The EG scan.\n'}
    ],
    invalid: [
      {
        name: 'e.g., i.e. and approx. are fixed',
        input: header + 'Take a painkiller (e.g. paracetamol). Rest for approx. 2 days, i.e., the weekend.\n',
        messages: [
          '5:20: “e.g.” is a Latin abbreviation that many readers do not know: write “for example”.',
          '5:48: “approx.” is a Latin abbreviation that many readers do not know: write “about”.',
          '5:64: “i.e.” is a Latin abbreviation that many readers do not know: write “that is”.'
        ],
        fixed: header + 'Take a painkiller (for example, paracetamol). Rest for about 2 days, that is, the weekend.\n'
      },
      {
        name: 'etc. and via need a rewrite',
        input: header + 'Bring your inhalers, tablets etc. Send it via email.\n',
        messages: [
          '5:30: “etc.” is a Latin abbreviation that many readers do not know: list the things you mean, or start the list with “such as” or “including”.',
          '5:43: “via” is a formal word that many readers do not know: use “through”, “by” or “using”.'
        ],
        fixed: header + 'Bring your inhalers, tablets etc. Send it via email.\n'
      },
      {
        name: 'at the start of a sentence, without dots',
        input: header + 'Eg drink water.\n',
        messages: ['5:1: “Eg” is a Latin abbreviation that many readers do not know: write “For example”.'],
        fixed: header + 'For example, drink water.\n'
      }
    ]
  },
  check
})

// Any of them, roughly: most blocks have none, and one test is cheaper than eleven.
const anyOf = /(?:^|[^\p{L}\p{N}])(?:e\.?\s?g|i\.?\s?e|etc|et cetera|approx|viz|cf|n\.?b|via|vs|per annum|circa)(?![\p{L}\p{N}])/iu

function check(context: RuleContext<NoLatinAbbreviationsOptions>): void {
  for (const block of textBlocks(context.tree, context.file)) {
    if (!anyOf.test(block.text)) continue
    const found: Array<{index: number; written: string; abbreviation: Abbreviation}> = []
    for (const abbreviation of abbreviations) {
      for (const match of matchesOf(block.text, abbreviation.pattern)) {
        const written = match[0]
        // A capitalised word inside a sentence is a name ("Via Appia").
        if (/^\p{Lu}\p{Ll}/u.test(written) && !startsSentence(block.text, match.index)) continue
        // In capitals it is another abbreviation: "stage IE", "CF" (cystic fibrosis).
        if (abbreviation.pattern.flags.includes('i') && /^\p{Lu}[\p{Lu}.\s]*$/u.test(written) && written.replace(/[.\s]/g, '').length > 1) continue
        found.push({index: match.index, written, abbreviation})
      }
    }
    if (found.length === 0) continue
    const quoted = quotedStretches(block.text)
    found.sort((a, b) => a.index - b.index)
    for (const {index, written, abbreviation} of found) {
      const kind = abbreviation.advice?.startsWith('use') ? 'a formal word' : 'a Latin abbreviation'
      if (abbreviation.replacement === undefined) {
        reportSpan(context, block, index, index + written.length, `“${written}” is ${kind} that many readers do not know: ${abbreviation.advice}.`)
        continue
      }
      const words = startsSentence(block.text, index) ? matchCase(written[0]!, abbreviation.replacement) : abbreviation.replacement
      const replacement = ['for example', 'that is'].includes(words.toLowerCase()) ? withComma(block.text, index + written.length, words) : words
      const inQuote = isInside(quoted, index)
      reportSpan(context, block, index, index + written.length, `“${written}” is ${kind} that many readers do not know: write “${words}”.`, inQuote ? {expected: [words]} : {fix: replacement})
    }
  }
}

/** "for example" and "that is" take a comma before what follows, unless punctuation already does. */
function withComma(text: string, after: number, words: string): string {
  return /^\s+[\p{L}\p{N}(“"']/u.test(text.slice(after)) ? `${words},` : words
}
