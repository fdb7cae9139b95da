// uk-spelling: UK spellings of health words ("diarrhoea", "anaemia", "paediatric", "oestrogen",
// "colour", "centre") and UK names for medicines and services ("paracetamol" not
// "acetaminophen", "salbutamol" not "albuterol", "flu vaccine" not "flu shot").
//
// Why: the NHS service manual content style guide and the GOV.UK style guide write UK English.
// Patients search for the UK word (nobody in the UK searches for "acetaminophen"), a US medicine
// name on a UK page can make a reader think it is a different medicine (and take both), and US
// spelling makes a page read as if it were not written for UK patients. The words are
// `rules/data/uk-spelling.json` (words and alternatives only): a spelling with one UK form is a
// fix; a medicine or service name is reported with the UK words to consider, never fixed. A word
// with a capital inside a sentence is taken for a name ("Centers for Disease Control") and left
// alone; quoted speech is reported but not fixed. Extend the list with `add`, or `ignore` words.
// Turn it off: for content written for a US audience.
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {defineRule, wordList} from '../src/rule-kit/rule.js'
import type {RuleContext} from '../src/rule-kit/rule.js'
import {packageRoot} from '../src/config/package-files.js'
import {isInside, matchCase, matchesOf, quotedStretches, reportSpan, startsSentence, textBlocks} from '../src/rule-kit/text-blocks.js'

export interface UkSpellingOptions extends Record<string, unknown> {
  /** More US spellings (a string: one UK spelling, fixed) or terms (a list: alternatives, reported). */
  add: Record<string, string | string[]>
  ignore: string[]
}

interface SpellingData {
  spellings: Record<string, string>
  terms: Record<string, string[]>
}

const data = JSON.parse(readFileSync(join(packageRoot, 'rules', 'data', 'uk-spelling.json'), 'utf8')) as SpellingData

interface Entry {
  alternatives: string[]
  /** A spelling (one UK form, fixed) rather than a term. */
  spelling: boolean
}

interface Lexicon {
  words: Map<string, Entry>
  /** Phrases of more than one word, by their words in lower case with single spaces. */
  phrases: Map<string, Entry>
  /** Any of the phrases, longest first (undefined when there are none). */
  phrasePattern: RegExp | undefined
}

const lexicons = new Map<string, Lexicon>()
// Single words: "color-blind" is checked as "color" and "blind"; hyphenated entries are phrases.
const word = /\p{L}+/gu
const header = '---\ntitle: Placeholder\n---\n\n'

export default defineRule<UkSpellingOptions>({
  id: 'uk-spelling',
  description: 'Health words are spelled the UK way ("diarrhoea", "anaemia", "oestrogen") and medicines and services have their UK names ("paracetamol", not "acetaminophen").',
  rationale: 'The NHS service manual content style guide and the GOV.UK style guide write UK English. Patients search for the UK word, and a US medicine name on a UK page can make a reader think it is a different medicine. US spellings are fixable (one UK spelling each); medicine and service names are reported with UK alternatives. A capitalised word inside a sentence is taken for a name. Turn it off only for content written for a US audience.',
  severity: 'warning',
  requires: 'tree',
  englishOnly: true,
  fixable: true,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      add: {type: 'object', additionalProperties: {anyOf: [{type: 'string', minLength: 1}, {type: 'array', items: {type: 'string'}}]}, description: 'More words: a US spelling with its one UK spelling (a string, fixed), or a US word or phrase with UK alternatives (a list, reported).'},
      ignore: wordList('Words or phrases from rules/data/uk-spelling.json not to report.')
    }
  },
  defaults: {add: {}, ignore: []},
  examples: {
    valid: [
      {name: 'UK spellings and names', input: header + 'Diarrhoea and anaemia are common. Take paracetamol. Ask about the flu vaccine at the health centre.\n'},
      {name: 'a name with a US spelling, and code', input: header + 'The US Centers for Disease Control publish data. Set `color: red`.\n'},
      {name: 'words that contain a listed word', input: header + 'The colouring and the behaviour of tumours.\n'},
      {name: 'an ignored word', input: header + 'Use a gray cloth.\n', options: {ignore: ['gray']}}
    ],
    invalid: [
      {
        name: 'US spellings, with plurals and -ize forms, in any case',
        input: header + 'Diarrhea can cause anemia. Tumors are organized in centers. See a pediatrician about color-blindness.\n',
        messages: [
          '5:1: “Diarrhea” is the US spelling: write “Diarrhoea”.',
          '5:20: “anemia” is the US spelling: write “anaemia”.',
          '5:28: “Tumors” is the US spelling: write “Tumours”.',
          '5:39: “organized” is the US spelling: write “organised”.',
          '5:52: “centers” is the US spelling: write “centres”.',
          '5:67: “pediatrician” is the US spelling: write “paediatrician”.',
          '5:86: “color” is the US spelling: write “colour”.'
        ],
        fixed: header + 'Diarrhoea can cause anaemia. Tumours are organised in centres. See a paediatrician about colour-blindness.\n'
      },
      {
        name: 'US medicine and service names are reported, not fixed',
        input: header + 'Take acetaminophen or use your albuterol inhaler. Get a flu shot.\n',
        messages: [
          '5:6: “acetaminophen” is the US name: in the UK it is “paracetamol”.',
          '5:32: “albuterol” is the US name: in the UK it is “salbutamol”.',
          '5:57: “flu shot” is the US name: in the UK it is “flu vaccine” or “flu jab”.'
        ],
        fixed: header + 'Take acetaminophen or use your albuterol inhaler. Get a flu shot.\n'
      },
      {
        name: 'a word added in the config',
        input: header + 'Wear a bandaid.\n',
        options: {add: {bandaid: ['plaster']}},
        messages: ['5:8: “bandaid” is the US name: in the UK it is “plaster”.']
      }
    ]
  },
  check
})

function check(context: RuleContext<UkSpellingOptions>): void {
  const lexicon = lexiconFor(context.options)
  for (const block of textBlocks(context.tree, context.file)) {
    const found: Array<{from: number; to: number; entry: Entry}> = []
    if (lexicon.phrasePattern) {
      for (const match of matchesOf(block.text, lexicon.phrasePattern)) {
        const entry = lexicon.phrases.get(match[0].toLowerCase().replace(/\s+/g, ' '))
        if (entry) found.push({from: match.index, to: match.index + match[0].length, entry})
      }
    }
    for (const match of matchesOf(block.text, word)) {
      const entry = lexicon.words.get(match[0].toLowerCase())
      // Part of a longer token ("x-color", "it's"), checked here rather than in the pattern (faster).
      if (!entry || /[\p{N}'’]/u.test(block.text[match.index - 1] ?? '') || /['’]\p{L}/u.test(block.text.slice(match.index + match[0].length, match.index + match[0].length + 2))) continue
      found.push({from: match.index, to: match.index + match[0].length, entry})
    }
    if (found.length === 0) continue
    found.sort((a, b) => a.from - b.from || b.to - a.to)
    const quoted = quotedStretches(block.text)
    let last = -1
    for (const {from, to, entry} of found) {
      if (from < last) continue
      last = to
      const written = block.text.slice(from, to)
      // A capital inside a sentence: a name ("Centers for Disease Control", "Dr Gray").
      if (/^\p{Lu}/u.test(written) && !startsSentence(block.text, from)) continue
      // …and at the start of one, followed by another capitalised word ("Centers for …" is not,
      // but "Pediatric Oncology Group" is a name).
      if (/^\p{Lu}/u.test(written) && /^\s+(?:for\s+|of\s+)?\p{Lu}\p{Ll}/u.test(block.text.slice(to))) continue
      if (entry.spelling) {
        const replacement = matchCase(written, entry.alternatives[0]!)
        reportSpan(context, block, from, to, `“${written}” is the US spelling: write “${replacement}”.`, isInside(quoted, from) ? {expected: [replacement]} : {fix: replacement})
      } else {
        reportSpan(context, block, from, to, `“${written}” is the US name: in the UK it is ${listOf(entry.alternatives.map((item) => `“${item}”`))}.`, {expected: entry.alternatives})
      }
    }
  }
}

function lexiconFor(options: UkSpellingOptions): Lexicon {
  const key = JSON.stringify([options.add, options.ignore])
  let lexicon = lexicons.get(key)
  if (lexicon) return lexicon
  const entries = new Map<string, Entry>()
  const addSpelling = (us: string, uk: string) => {
    for (const [from, to] of inflections(us.toLowerCase(), uk)) if (!entries.has(from)) entries.set(from, {alternatives: [to], spelling: true})
  }
  for (const [us, uk] of Object.entries(data.spellings)) addSpelling(us, uk)
  for (const [us, alternatives] of Object.entries(data.terms)) entries.set(us.toLowerCase(), {alternatives, spelling: false})
  for (const [us, value] of Object.entries(options.add)) {
    if (typeof value === 'string') {
      for (const [from] of inflections(us.toLowerCase(), value)) entries.delete(from)
      addSpelling(us, value)
    } else entries.set(us.toLowerCase(), {alternatives: value, spelling: false})
  }
  for (const ignored of options.ignore) {
    for (const [from] of inflections(ignored.toLowerCase(), ignored)) entries.delete(from)
  }
  const words = new Map<string, Entry>()
  const phrases = new Map<string, Entry>()
  for (const [us, entry] of entries) {
    if (/^\p{L}+$/u.test(us)) words.set(us, entry)
    else phrases.set(us.split(/\s+/).join(' '), entry)
  }
  const bodies = [...phrases.keys()].sort((a, b) => b.length - a.length).map((phrase) => phrase.split(' ').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'))
  const phrasePattern = bodies.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}'’-])(?:${bodies.join('|')})(?![\\p{L}\\p{N}])`, 'giu') : undefined
  lexicon = {words, phrases, phrasePattern}
  lexicons.set(key, lexicon)
  return lexicon
}

/** A spelling and the forms derived from it: plurals, and the -ize/-yze verb's forms. */
function inflections(us: string, uk: string): Array<[string, string]> {
  const forms: Array<[string, string]> = [[us, uk]]
  const verb = /(?:ize|yze)$/.exec(us)
  if (verb && /(?:ise|yse)$/.test(uk)) {
    const usStem = us.slice(0, -1)
    const ukStem = uk.slice(0, -1)
    for (const ending of ['es', 'ed', 'ing', 'er', 'ers']) forms.push([usStem + ending, ukStem + ending])
    if (us.endsWith('ize')) for (const ending of ['ation', 'ations']) forms.push([us.slice(0, -3) + 'iz' + ending, uk.slice(0, -3) + 'is' + ending])
  } else if (!us.endsWith('s')) {
    forms.push([us + 's', uk + (uk.endsWith('s') ? '' : 's')])
  }
  return forms
}

function listOf(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`
}
