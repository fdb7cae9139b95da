// Stage 3: score. Turns the article's prose into natural-language sentences and words, counts
// them once, and computes the document's readability scores.
//
// Prose is the Markdown body without code, inline code, HTML, images, tables and URLs (links
// whose text is the address itself); the frontmatter was already blanked out by the parse stage,
// so every sentence and word keeps its position in the original file. Sentences come from
// `parse-english`, converted as `mdast-util-to-nlcst` does it (to-prose.ts): remark-retext
// would build a plain Latin parser and split "Dr. Smith" or "e.g." into extra sentences.
//
// Headings are prose (plain-english reads them) but are not scored: a heading is a label, and
// counting it as a sentence would make every article look easier than it is. List items are
// scored, each as its own sentence, because that is how patients read them.
import type {Nodes as MdastNodes, Root} from 'mdast'
import type {Root as NlcstRoot, Sentence} from 'nlcst'
import type {VFile} from 'vfile'
import {toString as mdastToString} from 'mdast-util-to-string'
import {wordText} from '../words/vocabulary-index.js'
import {
  automatedReadabilityIndex,
  colemanLiau,
  fleschKincaidGrade,
  fleschReadingEase,
  gunningFog,
  readingAgeOf,
  smogGrade
} from '../rule-kit/readability.js'
import type {Counts} from '../rule-kit/readability.js'
import {countDigits, countSyllables, isPhoneNumberStart} from '../words/syllables.js'
import {repairSentences} from './sentences.js'
import {toProse} from './to-prose.js'

/** Document-level readability scores; the names are part of the JSON report contract. */
export interface ReadabilityScores extends Counts {
  fleschReadingEase: number
  fleschKincaidGrade: number
  smog: number
  gunningFog: number
  colemanLiau: number
  automatedReadabilityIndex: number
  /** UK reading age: the SMOG grade + 5 (the NHS measures patient information with SMOG). */
  readingAge: number
}

/** One scored sentence: its counts. */
export interface ScoredSentence extends Omit<Counts, 'sentences'> {
  /** The sentence, positioned in the original file. */
  node: Sentence
  /** The syllables of each of its words (word nodes, in order). */
  wordSyllables: number[]
}

// Not prose: skipped entirely (tables too, by the converter itself). Links whose text is their
// address are kept in the sentence as a non-word, so "see https://… for more" stays one sentence.
const urlType = 'healthlintUrl'
export const proseOptions = {ignore: ['code', 'html', 'image', 'imageReference', 'definition', 'math', 'yaml', 'toml'], source: [urlType]}

/** What the counts need to know of a word, worked out once per distinct word (see `wordFacts`). */
interface WordFacts {
  syllables: number
  letters: number
  /** Whether it starts with a lower-case letter (or no letter): a complex word if polysyllabic. */
  startsLower: boolean
  /** Only digits: read digit by digit after a phone number's start. */
  digitsOnly: boolean
  /** Whether it can start a phone number (see `isPhoneNumberStart`). */
  phoneStart: boolean
}

// Facts per distinct word: most words in an article (and across articles) repeat, and counting
// syllables is the costly part. Bounded so a huge run cannot grow it without limit.
const wordCache = new Map<string, WordFacts>()
const wordCacheLimit = 50_000
const letterPattern = /[\p{L}\p{N}]/gu

/**
 * Score the article's prose. Stores `file.data.prose` (the natural-language tree),
 * `file.data.sentences` (the scored sentences, in order) and `file.data.readability`
 * (absent when the article has no prose words). Never throws for content.
 */
export function scoreArticle(file: VFile): void {
  const tree = file.data.tree
  if (!tree || tree.children.length === 0 || !tree.position) return
  let prose: NlcstRoot
  try {
    prose = toProse(proseView(tree) as MdastNodes, file, proseOptions)
  } catch {
    // The converter throws only for unpositioned trees, which the parse stage never makes, or
    // when nesting is deep enough to exhaust the stack (markdown-limits reports that article).
    return
  }
  repairSentences(prose)
  file.data.prose = prose

  const headings = headingRanges(tree)
  const sentences: ScoredSentence[] = []
  for (const paragraph of prose.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode' || inHeading(sentence, headings)) continue
      const scored = scoreSentence(sentence)
      if (scored) sentences.push(scored)
    }
  }
  file.data.sentences = sentences
  const scores = scoreDocument(sentences)
  if (scores) file.data.readability = scores
}

/** Document scores from scored sentences, or undefined when there are no words. */
export function scoreDocument(sentences: readonly ScoredSentence[]): ReadabilityScores | undefined {
  const counts: Counts = {sentences: sentences.length, words: 0, syllables: 0, polysyllables: 0, complexWords: 0, letters: 0}
  for (const sentence of sentences) {
    counts.words += sentence.words
    counts.syllables += sentence.syllables
    counts.polysyllables += sentence.polysyllables
    counts.complexWords += sentence.complexWords
    counts.letters += sentence.letters
  }
  return scoresOf(counts)
}

/** Every score from the counts, or undefined when there is nothing to score. */
export function scoresOf(counts: Counts): ReadabilityScores | undefined {
  if (counts.sentences === 0 || counts.words === 0) return undefined
  const smog = smogGrade(counts)
  return {
    ...counts,
    fleschReadingEase: fleschReadingEase(counts),
    fleschKincaidGrade: fleschKincaidGrade(counts),
    smog,
    gunningFog: gunningFog(counts),
    colemanLiau: colemanLiau(counts),
    automatedReadabilityIndex: automatedReadabilityIndex(counts),
    readingAge: readingAgeOf(smog)
  }
}

/**
 * Count one sentence: every word node, its syllables (see `syllablesOfWords`), its letters and
 * digits; polysyllables have 3+ syllables, complex words are polysyllables not starting with a
 * capital.
 */
function scoreSentence(node: Sentence): ScoredSentence | undefined {
  const values: string[] = []
  for (const child of node.children) if (child.type === 'WordNode') values.push(wordText(child))
  if (values.length === 0) return undefined
  // Each word's facts are looked up once, for its syllables and its counts.
  const facts = values.map(wordFacts)
  const wordSyllables = syllablesOf(values, facts)
  const counts = {words: values.length, syllables: 0, polysyllables: 0, complexWords: 0, letters: 0}
  for (const [index, syllables] of wordSyllables.entries()) {
    counts.syllables += syllables
    counts.letters += facts[index]!.letters
    if (syllables >= 3) {
      counts.polysyllables++
      if (facts[index]!.startsLower) counts.complexWords++
    }
  }
  return {node, ...counts, wordSyllables}
}

/**
 * The syllables of a sentence's words, in order: each word's own count, except that the groups
 * of digits after a phone number's first ("01632 960 123") are read digit by digit.
 */
export function syllablesOfWords(values: readonly string[]): number[] {
  return syllablesOf(values, values.map(wordFacts))
}

function syllablesOf(values: readonly string[], facts: readonly WordFacts[]): number[] {
  let phone = false
  return values.map((value, index) => {
    const {digitsOnly, phoneStart, syllables} = facts[index]!
    const read = phone && digitsOnly ? countDigits(value) : syllables
    phone = phoneStart || (phone && digitsOnly)
    return read
  })
}

function wordFacts(value: string): WordFacts {
  let facts = wordCache.get(value)
  if (!facts) {
    if (wordCache.size >= wordCacheLimit) wordCache.clear()
    facts = {
      syllables: countSyllables(value),
      letters: value.match(letterPattern)?.length ?? 0,
      startsLower: value.charCodeAt(0) === value.toLowerCase().charCodeAt(0),
      digitsOnly: /^\d+$/.test(value),
      phoneStart: isPhoneNumberStart(value)
    }
    wordCache.set(value, facts)
  }
  return facts
}

/**
 * The tree as prose sees it: links whose text is their own address (autolinks, bare URLs,
 * e-mail addresses) become a non-word node. Untouched subtrees are shared, not copied.
 */
function proseView<Node extends MdastNodes>(node: Node): MdastNodes | {type: string; position: Node['position']} {
  if (node.type === 'link' && isAddress(mdastToString(node), node.url)) return {type: urlType, position: node.position}
  if (!('children' in node)) return node
  let changed = false
  const children = node.children.map((child) => {
    const viewed = proseView(child as MdastNodes)
    if (viewed !== child) changed = true
    return viewed
  })
  return changed ? ({...node, children} as MdastNodes) : node
}

function isAddress(text: string, url: string): boolean {
  const trimmed = text.trim()
  return trimmed === url || trimmed === url.replace(/^mailto:/i, '') || /^(?:[a-z][a-z\d+.-]*:\/\/|www\.)\S+$/i.test(trimmed)
}

function headingRanges(tree: Root): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  const stack: MdastNodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'heading') {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start !== undefined && end !== undefined) ranges.push([start, end])
    } else if ('children' in node) {
      for (const child of node.children) stack.push(child as MdastNodes)
    }
  }
  return ranges
}

function inHeading(sentence: Sentence, headings: ReadonlyArray<[number, number]>): boolean {
  const offset = sentence.position?.start.offset
  if (offset === undefined) return false
  return headings.some(([start, end]) => offset >= start && offset < end)
}
