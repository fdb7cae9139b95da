// What makes one sentence hard to read, as an editor judges it (the hard-sentence rule, and the
// readability rule's pointer to the hardest sentences): its length, and the words in it that
// many patients do not know. The criteria are the NHS content guide's and the Plain English
// Campaign's: sentences of about 20 words at most (25 or more lose most readers), everyday words,
// medical terms explained. A word is unfamiliar when it is
//
// - on the plain-english vocabulary with a plainer alternative ("analgesia", "prior to"), the
//   NHS and Plain English Campaign A to Z lists;
// - rare: on none of the word lists (see familiar.ts), as "musculoskeletal" or "titrate";
// - an abbreviation that is not everyday (GP, NHS and A&E are) and not explained;
// - long and uncommon: three syllables or more, outside the 10,000 commonest words of spoken
//   English ("susceptible", "intermittent");
// - long and not everyday, which counts half: three syllables or more, among the 10,000
//   commonest words but not on the Dale–Chall list, the 3,000 commonest or the words patients
//   know ("appropriate", "management"). Many such words are known to most readers
//   ("medication", "activity"); two of them weigh as much as one unfamiliar word.
//
// A sentence is hard when it is longer than `maxWords` (by more than `toleranceWords` if every
// word in it is familiar), or its unfamiliar words weigh 2 or more,
// or 1 or more in a short line that rests on them ("Analgesia as required"; not a question used
// as a prompt, "How is it diagnosed?"), or 1.5 or more, one of them a whole 1, in a sentence of
// `denseWords` words or more.
//
// Never unfamiliar: numbers, names (a capitalised word inside a sentence), words the text
// explains in brackets (explained.ts), the article's title words, allowed terms.
import type {Sentence, Word} from 'nlcst'
import {explainedWords} from './explained.js'
import {familiarityOf} from './familiar.js'
import {matchesIn, normalise, sentenceRuns, wordText} from './vocabulary-index.js'
import type {Vocabulary} from './vocabulary-index.js'

export interface UnfamiliarWord {
  /** As written (a phrase for a vocabulary match: "as required"). */
  text: string
  /** The word nodes it covers. */
  nodes: Word[]
  /** 1, or ½ for a long word most readers know. */
  weight: number
}

export interface SentenceDifficulty {
  words: number
  /** Every unfamiliar word (none when the sentence is not hard), in text order. */
  unfamiliar: UnfamiliarWord[]
  /**
   * The words a message names: the unfamiliar ones (weight 1), and the half-weight ones too when
   * the verdict needs them — never "recovery" just because it came in a long sentence.
   */
  named: UnfamiliarWord[]
  /** Over `maxWords`. */
  long: boolean
  /** Over `veryLongWords`. */
  veryLong: boolean
  /** Whether an editor would send it back. */
  hard: boolean
}

export interface DifficultyOptions {
  /** Longest acceptable sentence, in words (NHS: 20). */
  maxWords: number
  /** How many words more a sentence of familiar words only may have. */
  toleranceWords: number
  /** A stronger signal, in words (25 or more loses most readers). */
  veryLongWords: number
  /** Lines of at most this many words rest on each word: one unfamiliar word makes them hard. */
  shortLineWords: number
  /** From this many words, one unfamiliar word is enough, on top of the length. */
  denseWords: number
  /** Words and phrases matched against the vocabulary; entries without alternatives are names. */
  vocabulary: Vocabulary
  /** More everyday words, lower case (allowed terms). */
  everyday: ReadonlySet<string>
  /**
   * The words of the article's title, lower case: the condition the page is about, which it
   * names and explains. A word counts as one of them when it starts like one, for at least 7
   * letters ("eosinophils" on a page about eosinophilic leukaemia, "bronchial" on bronchitis).
   */
  title: readonly string[]
}

// The judgement of a sentence, kept on the scored sentence itself (a property under a private
// symbol, not a WeakMap: a run judges hundreds of thousands of sentences, and weak keys cost the
// garbage collector). The readability rule asks for the same judgement as hard-sentence (see
// `judgingOptions`, which returns one object per distinct set of options), so it is made once.
const judged = Symbol('healthlint.judged')

interface Judged {
  [judged]?: {options: DifficultyOptions; difficulty: SentenceDifficulty}
}

/** Judge one scored sentence (its node and the syllables of its words, in order). */
export function assessSentence(sentence: {node: Sentence; wordSyllables: readonly number[]}, options: DifficultyOptions): SentenceDifficulty {
  const holder = sentence as Judged
  const known = holder[judged]
  if (known?.options === options) return known.difficulty
  const difficulty = assess(sentence.node, sentence.wordSyllables, options)
  holder[judged] = {options, difficulty}
  return difficulty
}

function assess(node: Sentence, wordSyllables: readonly number[], options: DifficultyOptions): SentenceDifficulty {
  const words: Word[] = []
  for (const child of node.children) if (child.type === 'WordNode') words.push(child)
  const explained = explainedWords(node)
  // The words a vocabulary entry covers, judged by it; most sentences have none.
  let covered: Set<Word> | undefined
  const unfamiliar: UnfamiliarWord[] = []
  let seen: Set<string> | undefined
  const add = (text: string, nodes: Word[], weight: number) => {
    const key = normalise(text)
    if (seen?.has(key)) return
    ;(seen ??= new Set()).add(key)
    unfamiliar.push({text, nodes, weight})
  }
  for (const run of sentenceRuns(node)) {
    for (const {entry, index} of matchesIn(run, options.vocabulary)) {
      const nodes = run.slice(index, index + entry.tokens.length).map((item) => item.node)
      covered ??= new Set()
      for (const word of nodes) covered.add(word)
      if (entry.alternatives.length === 0 || nodes.every((word) => explained.has(word) || isTitleWord(wordText(word).toLowerCase(), options.title))) continue
      add(nodes.map((word) => wordText(word)).join(' '), nodes, 1)
    }
  }
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!
    if (covered?.has(word) || explained.has(word)) continue
    const written = wordText(word)
    const value = written.endsWith('.') ? written.slice(0, -1) : written
    const weight = cachedWeightOf(value, index, wordSyllables[index] ?? 0, options.everyday)
    // The title's words are the page's subject, named and explained (checked only for the few
    // words that would count, since the rest of the judgement does not depend on the title).
    if (weight > 0 && !isTitleWord(value.toLowerCase(), options.title)) add(value, [word], weight)
  }
  if (unfamiliar.length > 1) {
    const order = new Map(words.map((word, index) => [word, index]))
    unfamiliar.sort((a, b) => order.get(a.nodes[0]!)! - order.get(b.nodes[0]!)!)
  }
  const count = words.length
  // A sentence a little over the limit passes when every word in it is familiar: one plain
  // instruction or a list of everyday things, which an editor may leave as it is.
  const long = count > options.maxWords + (unfamiliar.length === 0 ? options.toleranceWords : 0)
  const veryLong = count > options.veryLongWords
  let weight = 0
  let strong = false
  for (const word of unfamiliar) {
    weight += word.weight
    if (word.weight >= 1) strong = true
  }
  const end = node.children.at(-1)
  const question = end?.type === 'PunctuationNode' && end.value === '?'
  const shortLine = count <= options.shortLineWords && !question
  const byWords = (total: number) => total >= 2 || (shortLine && total >= 1) || (count >= options.denseWords && strong && total >= 1.5)
  const hard = long || byWords(weight)
  if (!hard) return {words: count, unfamiliar: [], named: [], long, veryLong, hard}
  const whole = unfamiliar.filter((word) => word.weight >= 1)
  const named = long || byWords(whole.length) ? whole : unfamiliar
  return {words: count, unfamiliar, named, long, veryLong, hard}
}

// Weights by set of everyday words (one per set of allowed terms), then by word as written:
// most words repeat, within an article and across a run. A word's weight also depends on its
// syllables (a word's own count, unless it is read digit by digit in a phone number) and on
// whether it starts the sentence, so each entry keeps the weights for one syllable count, at the
// start and elsewhere. The title's words are left out here (see `assess`), so one article's
// title never colours another's verdicts. Bounded.
const weights = new WeakMap<ReadonlySet<string>, Map<string, CachedWeight>>()

interface CachedWeight {
  syllables: number
  /** At the start of the sentence, and elsewhere (-1: not yet worked out). */
  first: number
  inside: number
}

function cachedWeightOf(value: string, index: number, syllables: number, everyday: ReadonlySet<string>): number {
  let byWord = weights.get(everyday)
  if (!byWord) weights.set(everyday, (byWord = new Map()))
  let cached = byWord.get(value)
  if (cached?.syllables !== syllables) {
    if (byWord.size >= 50_000) byWord.clear()
    cached = {syllables, first: -1, inside: -1}
    byWord.set(value, cached)
  }
  if (index === 0) return cached.first >= 0 ? cached.first : (cached.first = weightOf(value, index, syllables, everyday))
  return cached.inside >= 0 ? cached.inside : (cached.inside = weightOf(value, index, syllables, everyday))
}

/** 1 for an unfamiliar word, ½ for a long word most readers know, 0 for a familiar one (the title aside). */
function weightOf(value: string, index: number, syllables: number, everyday: ReadonlySet<string>): number {
  if (!/\p{L}/u.test(value) || /^\p{L}$/u.test(value)) return 0 // numbers, single letters
  const caseless = value.toLowerCase()
  // Abbreviations: everyday ones are on the lists (GP, NHS, A&E); the rest need explaining.
  if (/^[\p{Lu}\d&]{2,}s?$/u.test(value) && /\p{Lu}.*\p{Lu}/u.test(value)) {
    return familiarityOf(caseless.replace(/s$/, ''), everyday) !== 'everyday' && familiarityOf(caseless, everyday) !== 'everyday' ? 1 : 0
  }
  // A capital inside a sentence (or inside a word) is a name: "Sonali", "AccessGP", "Bell's".
  if (/^\p{Lu}/u.test(value) && index > 0) return 0
  if (/\p{Ll}\p{Lu}/u.test(value)) return 0
  const familiarity = familiarityOf(caseless, everyday)
  if (familiarity === 'rare') return caseless.replace(/[^\p{L}]/gu, '').length > 3 ? 1 : 0
  if (syllables < 3) return 0
  return familiarity === 'uncommon' ? 1 : familiarity === 'known' ? 0.5 : 0
}

function isTitleWord(caseless: string, title: readonly string[]): boolean {
  return title.some((word) => word === caseless || (word.length >= 7 && caseless.length >= 7 && commonPrefix(word, caseless) >= 7))
}

function commonPrefix(a: string, b: string): number {
  let length = 0
  while (length < a.length && a[length] === b[length]) length++
  return length
}
