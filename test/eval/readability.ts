// The readability evaluation: how far healthlint's counts and its hard-sentence judgement agree
// with people, on the hand-made data in test/eval/readability/ (see its README and criteria.md).
//
// - Sentence boundaries: every article of counts/ is segmented by the score stage; a boundary
//   is where a sentence ends. Agreement is the boundaries both put ÷ the boundaries either puts.
// - Syllables: every word counted by hand, against the syllables of the words healthlint finds
//   at the same place. Agreement is the words whose counts are equal ÷ the words counted.
// - hard-sentence: each sentence of sentences.jsonl is linted as the body of an article and
//   flagged or not; precision and recall against the labels, and the flag rate on the
//   plain NHS-style sentences.
//
// `npm run eval:readability` prints the figures (add `--details` for every disagreement);
// test/eval/readability.test.ts asserts the targets.
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {packageRoot} from '../../src/config/package-files.js'
import {toString} from 'nlcst-to-string'
import {syllablesOfWords} from '../../src/pipeline/score.js'
import {lintText} from '../helpers.js'

export const dataDir = join(packageRoot, 'test', 'eval', 'readability')
const header = '---\ntitle: Evaluation\n---\n\n'

interface CountArticle {
  source: string
  text: string
  sentences: Array<{text: string; words: Array<[string, number]>}>
}

export interface CountFigures {
  articles: number
  /** Sentence ends put by hand, by healthlint, and by both. */
  boundaries: {hand: number; ours: number; both: number; agreement: number}
  /** The same for boundaries inside a paragraph (a paragraph's end is always a boundary). */
  inParagraph: {hand: number; ours: number; both: number; agreement: number}
  syllables: {words: number; equal: number; agreement: number}
  disagreements: string[]
}

export async function evaluateCounts(): Promise<CountFigures> {
  const directory = join(dataDir, 'counts')
  const names = readdirSync(directory).filter((name) => name.endsWith('.json')).sort()
  const figures: CountFigures = {articles: 0, boundaries: tally(), inParagraph: tally(), syllables: {words: 0, equal: 0, agreement: 0}, disagreements: []}
  for (const name of names) {
    const article = JSON.parse(readFileSync(join(directory, name), 'utf8')) as CountArticle
    figures.articles++
    const file = await lintText(header + article.text)
    const ours = (file.data.sentences ?? []).map((sentence) => {
      const words = sentence.node.children.filter((child) => child.type === 'WordNode')
      const syllables = syllablesOfWords(words.map((word) => toString(word)))
      return {
        start: sentence.node.position!.start.offset! - header.length,
        end: sentence.node.position!.end.offset! - header.length,
        words: words.map((word, index) => ({
          start: word.position!.start.offset! - header.length,
          end: word.position!.end.offset! - header.length,
          syllables: syllables[index]!
        }))
      }
    })
    const paragraphEnds = new Set<number>()
    for (const match of article.text.matchAll(/\n\n|$/g)) paragraphEnds.add(trimEnd(article.text, match.index))
    // Where the hand-made sentences and their words are in the text.
    let cursor = 0
    const hand: Array<{start: number; end: number; text: string}> = []
    const handWords: Array<{start: number; end: number; word: string; syllables: number}> = []
    for (const sentence of article.sentences) {
      const start = article.text.indexOf(sentence.text, cursor)
      if (start < 0) throw new Error(`${name}: sentence not found in its text: ${sentence.text}`)
      const end = start + sentence.text.length
      hand.push({start, end, text: sentence.text})
      let at = start
      for (const [word, syllables] of sentence.words) {
        const found = article.text.indexOf(word, at)
        if (found < 0 || found >= end) throw new Error(`${name}: word "${word}" not found in: ${sentence.text}`)
        handWords.push({start: found, end: found + word.length, word, syllables})
        at = found + word.length
      }
      cursor = end
    }
    const handEnds = new Set(hand.map((sentence) => trimEnd(article.text, sentence.end)))
    const ourEnds = new Set(ours.map((sentence) => trimEnd(article.text, sentence.end)))
    count(figures.boundaries, handEnds, ourEnds)
    count(figures.inParagraph, without(handEnds, paragraphEnds), without(ourEnds, paragraphEnds))
    for (const end of handEnds) if (!ourEnds.has(end)) figures.disagreements.push(`${name}: a sentence ends here by hand, not in healthlint: …${article.text.slice(Math.max(0, end - 40), end)}|${article.text.slice(end, end + 30)}…`)
    for (const end of ourEnds) if (!handEnds.has(end)) figures.disagreements.push(`${name}: healthlint ends a sentence here, not by hand: …${article.text.slice(Math.max(0, end - 40), end)}|${article.text.slice(end, end + 30)}…`)
    const ourWords = ours.flatMap((sentence) => sentence.words)
    for (const word of handWords) {
      const overlapping = ourWords.filter((candidate) => candidate.start < word.end && candidate.end > word.start)
      const syllables = overlapping.reduce((sum, candidate) => sum + candidate.syllables, 0)
      figures.syllables.words++
      if (overlapping.length > 0 && syllables === word.syllables) figures.syllables.equal++
      else figures.disagreements.push(`${name}: "${word.word}" has ${word.syllables} syllables by hand, ${overlapping.length === 0 ? 'no word' : syllables} in healthlint`)
    }
  }
  for (const part of [figures.boundaries, figures.inParagraph]) part.agreement = part.both / (part.hand + part.ours - part.both)
  figures.syllables.agreement = figures.syllables.equal / figures.syllables.words
  return figures
}

function tally() {
  return {hand: 0, ours: 0, both: 0, agreement: 0}
}

function count(into: {hand: number; ours: number; both: number}, hand: Set<number>, ours: Set<number>): void {
  into.hand += hand.size
  into.ours += ours.size
  for (const end of hand) if (ours.has(end)) into.both++
}

function without(set: Set<number>, remove: Set<number>): Set<number> {
  return new Set([...set].filter((item) => !remove.has(item)))
}

/** The offset just after the last non-space character before `offset`. */
function trimEnd(text: string, offset: number): number {
  let end = offset
  while (end > 0 && /\s/.test(text[end - 1]!)) end--
  return end
}

export interface LabelledSentence {
  id: string
  text: string
  hard: boolean
  source: string
  style: string
  why: string
}

export interface HardFigures {
  sentences: number
  labelledHard: number
  flagged: number
  truePositives: number
  precision: number
  recall: number
  /** Flagged ÷ sentences, on the plain NHS-style sentences. */
  plainFlagRate: number
  plainSentences: number
  byStyle: Record<string, {sentences: number; hard: number; flagged: number; agreed: number}>
  disagreements: string[]
}

export function labelledSentences(): LabelledSentence[] {
  return readFileSync(join(dataDir, 'sentences.jsonl'), 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as LabelledSentence)
}

/** The title of a sentence's source article: the seed's, or a MedQuAD file's from its name. */
function titleOf(source: string): string {
  if (source === 'seed') return 'Lower back pain'
  const medquad = /^medquad:[a-z]+-\d+(?:-\d+)*-(.+)\.md$/.exec(source)
  return medquad ? medquad[1]!.replaceAll('-', ' ') : 'Evaluation'
}

export async function evaluateHardSentences(): Promise<HardFigures> {
  const sentences = labelledSentences()
  const figures: HardFigures = {sentences: 0, labelledHard: 0, flagged: 0, truePositives: 0, precision: 0, recall: 0, plainFlagRate: 0, plainSentences: 0, byStyle: {}, disagreements: []}
  let plainFlagged = 0
  for (const sentence of sentences) {
    // Each sentence alone, as a paragraph of its own (a list item or a line of a leaflet is one),
    // in an article with its source's title: the rule counts the title's words as familiar.
    const file = await lintText(`---\ntitle: ${JSON.stringify(titleOf(sentence.source))}\n---\n\n` + sentence.text.replace(/^([-*+]|\d+[.)])\s/, '\\$1 ') + '\n')
    const messages = file.messages.filter((message) => message.ruleId === 'hard-sentence')
    const flagged = messages.length > 0
    figures.sentences++
    if (sentence.hard) figures.labelledHard++
    if (flagged) figures.flagged++
    if (flagged && sentence.hard) figures.truePositives++
    const style = (figures.byStyle[sentence.style] ??= {sentences: 0, hard: 0, flagged: 0, agreed: 0})
    style.sentences++
    if (sentence.hard) style.hard++
    if (flagged) style.flagged++
    if (flagged === sentence.hard) style.agreed++
    if (sentence.style === 'nhs-plain') {
      figures.plainSentences++
      if (flagged) plainFlagged++
    }
    if (flagged !== sentence.hard) {
      figures.disagreements.push(`${sentence.id} labelled ${sentence.hard ? 'hard' : 'not hard'} (${sentence.why}), ${flagged ? `flagged: ${messages[0]!.reason}` : 'not flagged'}: ${sentence.text}`)
    }
  }
  figures.precision = figures.flagged === 0 ? 1 : figures.truePositives / figures.flagged
  figures.recall = figures.labelledHard === 0 ? 1 : figures.truePositives / figures.labelledHard
  figures.plainFlagRate = figures.plainSentences === 0 ? 0 : plainFlagged / figures.plainSentences
  return figures
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`

export async function printFigures(details: boolean): Promise<string> {
  const counts = await evaluateCounts()
  const hard = await evaluateHardSentences()
  const lines = [
    `Count set: ${counts.articles} articles, hand-segmented and hand-counted (test/eval/readability/counts/).`,
    `  sentence boundaries: ${percent(counts.boundaries.agreement)} agree (${counts.boundaries.both} of ${counts.boundaries.hand} by hand, ${counts.boundaries.ours} by healthlint); target ≥ 99.5%`,
    `    inside paragraphs: ${percent(counts.inParagraph.agreement)} agree (${counts.inParagraph.both} of ${counts.inParagraph.hand} by hand, ${counts.inParagraph.ours} by healthlint)`,
    `  syllables: ${percent(counts.syllables.agreement)} of ${counts.syllables.words} words agree; target ≥ 99%`,
    `Labelled sentences: ${hard.sentences} (test/eval/readability/sentences.jsonl), ${hard.labelledHard} hard.`,
    `  hard-sentence: precision ${hard.precision.toFixed(3)} (target ≥ 0.8), recall ${hard.recall.toFixed(3)} (target ≥ 0.7); ${hard.flagged} flagged, ${hard.truePositives} of them hard`,
    `  flag rate on plain NHS-style sentences: ${percent(hard.plainFlagRate)} of ${hard.plainSentences} (target < 10%)`,
    ...Object.entries(hard.byStyle).sort(([a], [b]) => a.localeCompare(b)).map(([style, figures]) => `    ${style}: ${figures.sentences} sentences, ${figures.hard} hard, ${figures.flagged} flagged, ${figures.agreed} agree`)
  ]
  if (details) lines.push('', 'Disagreements:', ...counts.disagreements, ...hard.disagreements)
  return lines.join('\n') + '\n'
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(await printFigures(process.argv.includes('--details')))
}
