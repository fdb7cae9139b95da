// plain-english: medical and formal words are replaced by plain ones where a plain one exists.
//
// Why: patients search for and understand the words they use themselves ("tummy", "high blood
// pressure", "before"), not "abdomen", "hypertension" or "prior to". The vocabulary is
// `rules/data/plain-english.json`, seeded from the NHS A to Z of health writing and the Plain
// English Campaign's A to Z of alternative words (words and alternatives only). Editors extend
// it there, or per project with the `vocabulary` (a JSON file in the repository, read once with
// the config: see `dataFiles`), `add` and `ignore` options.
// Each use is reported at the word, with the alternatives. Where patients need the medical term
// (they will hear it from their doctor), keep it and explain it: a term explained in brackets
// ("high blood pressure (hypertension)", "oedema (swelling)") is not reported. Medicine names
// patients know (rules/data/patient-words.json, and the `allowedTerms` option) are never
// reported, nor are the listed words inside them.
// Turn it off: for content written for clinicians rather than patients.
import type {Point} from 'unist'
import {defineRule} from '../src/rule-kit/rule.js'
import type {RuleContext} from '../src/rule-kit/rule.js'
import {explainedWords} from '../src/words/explained.js'
import {patientWords} from '../src/words/familiar.js'
import {buildVocabulary, matchesIn, seedWords, sentenceRuns} from '../src/words/vocabulary-index.js'
import type {Vocabulary} from '../src/words/vocabulary-index.js'

export interface PlainEnglishOptions extends Record<string, unknown> {
  /**
   * More words from a JSON file (same shape as rules/data/plain-english.json). The config names
   * the file, relative to the working directory; the config loader reads it and the rule gets
   * its words here.
   */
  vocabulary?: Words
  /** More words or phrases, each with its plain alternatives. */
  add: Record<string, string[] | string>
  /** Words or phrases from the vocabulary not to report. */
  ignore: string[]
  /** Terms patients know and need, never reported (added to the medicine names of rules/data/patient-words.json). */
  allowedTerms: string[]
}

type Words = Record<string, string[] | string>

// By the config's vocabulary file (one object per config), then by `add`, `ignore` and `allowedTerms`.
const vocabularies = new WeakMap<Words, Map<string, Vocabulary>>()
const noWords: Words = {}

const header = '---\ntitle: Placeholder\n---\n\n'

export default defineRule<PlainEnglishOptions>({
  id: 'plain-english',
  description: 'Medical and formal words that have a plain alternative (from the NHS and Plain English Campaign A to Z lists) are flagged with the alternative.',
  rationale: 'Patients understand and search for the words they use themselves, such as "tummy" rather than "abdomen" or "before" rather than "prior to". Keep a medical term where patients will hear it from their doctor, and explain it. Turn it off only for content written for clinicians.',
  severity: 'warning',
  requires: 'tree',
  englishOnly: true,
  dataFiles: {vocabulary: wordsOf},
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      vocabulary: {type: 'string', minLength: 1},
      add: {
        type: 'object',
        additionalProperties: {anyOf: [{type: 'string'}, {type: 'array', items: {type: 'string'}}]}
      },
      ignore: {type: 'array', items: {type: 'string'}},
      allowedTerms: {type: 'array', items: {type: 'string'}, description: 'Terms patients know and need (such as the medicines your service prescribes), never reported; added to the common UK medicine names of rules/data/patient-words.json.'}
    }
  },
  defaults: {add: {}, ignore: [], allowedTerms: []},
  examples: {
    valid: [
      {name: 'everyday words', input: header + 'You may have a pain in your tummy before it gets better.\n'},
      {name: 'words that only contain a listed word', input: header + 'The renewal is due. Chronically late trains are annoying.\n'},
      {name: 'a condition name that keeps a listed word', input: header + 'Cardiac arrest is not the same as a heart attack.\n'},
      {name: 'listed words in code', input: header + 'Set `prior_to` or:\n\n```\nin order to\n```\n'},
      {name: 'an ignored word', input: header + 'This is a chronic condition.\n', options: {ignore: ['chronic']}},
      {name: 'a phrase broken by punctuation', input: header + 'Get help in order, to start with.\n'},
      {name: 'a plain term with the medical term in brackets', input: header + 'It is an infection of the middle ear (otitis media). You may have high blood pressure (hypertension).\n'},
      {name: 'a medical term with its plain explanation in brackets', input: header + 'Hypertension (high blood pressure) is common. Oedema (swelling) may follow.\n'},
      {name: 'a term allowed in the config', input: header + 'Your nurse will explain the lumbar puncture.\n', options: {allowedTerms: ['lumbar puncture']}}
    ],
    invalid: [
      {
        name: 'a medical word',
        input: header + 'Hypertension is common.\n',
        messages: ['5:1: “Hypertension” is not plain English: use “high blood pressure” instead, or explain it if patients need the term.']
      },
      {
        name: 'a formal phrase across a line break, and a word in a heading',
        input: header + '## Before you commence\n\nCall us prior\nto your visit.\n',
        messages: [
          '5:15: “commence” is not plain English: use “start” or “begin” instead, or explain it if patients need the term.',
          '7:9: “prior to” is not plain English: use “before” instead, or explain it if patients need the term.'
        ]
      },
      {
        name: 'brackets holding only an abbreviation explain nothing',
        input: header + 'Hypertension (HTN) is common.\n',
        messages: ['5:1: “Hypertension” is not plain English: use “high blood pressure” instead, or explain it if patients need the term.']
      },
      {
        name: 'a word added in the config',
        input: header + 'Take the tablets as directed.\n',
        options: {add: {'as directed': ['as your doctor told you']}},
        messages: ['5:18: “as directed” is not plain English: use “as your doctor told you” instead, or explain it if patients need the term.']
      }
    ]
  },
  check
})

function check(context: RuleContext<PlainEnglishOptions>): void {
  const {file, options} = context
  const prose = file.data.prose
  if (!prose) return
  const vocabulary = vocabularyFor(options)
  const text = String(file.value)
  for (const paragraph of prose.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode') continue
      let explained: ReturnType<typeof explainedWords> | undefined
      for (const run of sentenceRuns(sentence)) {
        for (const {entry, index} of matchesIn(run, vocabulary)) {
          const words = run.slice(index, index + entry.tokens.length)
          const first = words[0]!.node.position
          const last = words.at(-1)!.node.position
          // Never report what cannot be located.
          if (entry.alternatives.length === 0 || first?.start.offset === undefined || last?.end.offset === undefined) continue
          explained ??= explainedWords(sentence)
          if (words.every((word) => explained!.has(word.node))) continue
          const written = text.slice(first.start.offset, last.end.offset).replace(/\s+/g, ' ')
          context.report(
            `“${written}” is not plain English: use ${listOf(entry.alternatives.map((alternative) => `“${alternative}”`))} instead, or explain it if patients need the term.`,
            {start: point(first.start), end: point(last.end)},
            {actual: written, expected: entry.alternatives}
          )
        }
      }
    }
  }
}

function vocabularyFor(options: PlainEnglishOptions): Vocabulary {
  const extra = options.vocabulary ?? noWords
  let byOptions = vocabularies.get(extra)
  if (!byOptions) vocabularies.set(extra, (byOptions = new Map()))
  const key = JSON.stringify([options.add, options.ignore, options.allowedTerms])
  let vocabulary = byOptions.get(key)
  if (!vocabulary) byOptions.set(key, (vocabulary = buildVocabulary([seedWords(), extra, options.add], [...patientWords().medicines, ...options.allowedTerms, ...options.ignore])))
  return vocabulary
}

/** The words of a vocabulary file's text: `{"words": {...}}` or the mapping itself. */
function wordsOf(text: string): Words {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    // Not the parser's message: it quotes the file.
    throw new Error('not valid JSON')
  }
  const words = data && typeof data === 'object' && 'words' in data ? (data as {words: unknown}).words : data
  if (!words || typeof words !== 'object' || Array.isArray(words)) throw new Error('not a mapping of words to lists of alternatives')
  for (const value of Object.values(words)) {
    if (typeof value !== 'string' && !(Array.isArray(value) && value.every((item) => typeof item === 'string'))) {
      throw new Error('not a mapping of words to lists of alternatives')
    }
  }
  return words as Words
}

function point(place: Point): Point {
  return {line: place.line, column: place.column}
}

function listOf(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`
}
