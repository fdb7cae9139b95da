// Matching a vocabulary of words and phrases against prose: the plain-english rule reports the
// matches; hard-sentence counts them among the words that make a sentence hard. Phrases match
// whole words, whatever their case and apostrophe, within a run of words (never across
// punctuation, symbols, code or a URL); the longest phrase wins.
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import type {Sentence, Word} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {packageRoot} from '../config/package-files.js'

export interface Entry {
  tokens: string[]
  /** Plainer wording; empty for a name that is never reported ("cardiac arrest"). */
  alternatives: string[]
}

/** Entries by their first word, longest phrase first. */
export type Vocabulary = Map<string, Entry[]>

export interface RunWord {
  node: Word
  key: string
}

let seed: Record<string, string[] | string> | undefined

/** The words of `rules/data/plain-english.json`, read on first use. */
export function seedWords(): Record<string, string[] | string> {
  seed ??= (JSON.parse(readFileSync(join(packageRoot, 'rules', 'data', 'plain-english.json'), 'utf8')) as {words: Record<string, string[]>}).words
  return seed
}

/**
 * Later sources override earlier ones; `known` phrases (ignored or allowed terms) become names
 * that are never reported, so they also shadow the shorter listed words in them.
 */
export function buildVocabulary(sources: ReadonlyArray<Record<string, string[] | string>>, known: readonly string[]): Vocabulary {
  const entries = new Map<string, Entry>()
  const add = (phrase: string, alternatives: string[]) => {
    const tokens = tokensOf(phrase)
    if (tokens.length > 0) entries.set(tokens.join(' '), {tokens, alternatives})
  }
  for (const words of sources) {
    for (const [phrase, alternatives] of Object.entries(words)) add(phrase, typeof alternatives === 'string' ? [alternatives] : alternatives)
  }
  for (const phrase of known) add(phrase, [])
  const vocabulary: Vocabulary = new Map()
  for (const entry of entries.values()) {
    const list = vocabulary.get(entry.tokens[0]!) ?? []
    list.push(entry)
    vocabulary.set(entry.tokens[0]!, list)
  }
  for (const list of vocabulary.values()) list.sort((a, b) => b.tokens.length - a.tokens.length)
  return vocabulary
}

/** A word's text: most words are one text node, so this is usually no walk at all. */
export function wordText(word: Word): string {
  const only = word.children.length === 1 ? word.children[0] : undefined
  return only?.type === 'TextNode' ? only.value : toString(word)
}

// Runs kept on the sentence node under a private symbol (plain-english and hard-sentence both
// read them; a property, not a WeakMap, since weak keys by the hundred thousand cost the GC).
const runsKey = Symbol('healthlint.runs')

interface WithRuns {
  [runsKey]?: RunWord[][]
}

/** Runs of words with only white space between them, in one sentence (worked out once per sentence). */
export function sentenceRuns(sentence: Sentence): readonly RunWord[][] {
  const known = (sentence as WithRuns)[runsKey]
  if (known) return known
  const runs: RunWord[][] = []
  let run: RunWord[] = []
  for (const child of sentence.children) {
    if (child.type === 'WordNode') run.push({node: child, key: normalise(wordText(child))})
    else if (child.type !== 'WhiteSpaceNode' && run.length > 0) {
      runs.push(run)
      run = []
    }
  }
  if (run.length > 0) runs.push(run)
  ;(sentence as WithRuns)[runsKey] = runs
  return runs
}

/** Each match in `run`: the entry and the index of its first word. */
export function matchesIn(run: readonly RunWord[], vocabulary: Vocabulary): Array<{entry: Entry; index: number}> {
  const found: Array<{entry: Entry; index: number}> = []
  let index = 0
  while (index < run.length) {
    const entry = firstMatch(run, index, vocabulary.get(run[index]!.key))
    if (!entry) {
      index++
      continue
    }
    found.push({entry, index})
    index += entry.tokens.length
  }
  return found
}

function firstMatch(run: readonly RunWord[], index: number, candidates: readonly Entry[] | undefined): Entry | undefined {
  if (candidates) for (const candidate of candidates) if (matches(run, index, candidate.tokens)) return candidate
  return undefined
}

function matches(run: readonly RunWord[], index: number, tokens: readonly string[]): boolean {
  if (index + tokens.length > run.length) return false
  return tokens.every((token, offset) => run[index + offset]!.key === token)
}

function tokensOf(phrase: string): string[] {
  return phrase.split(/\s+/).filter(Boolean).map(normalise)
}

export function normalise(word: string): string {
  const lower = word.toLowerCase()
  return lower.includes('’') ? lower.replaceAll('’', "'") : lower
}
