// Sentence boundaries, repaired after parse-english. It knows English abbreviations but not
// health writing: it joins two sentences after a number or a single capital ("children under
// 16. Holding …", "call 111. You will …", "hepatitis B. There …") and after words it takes for
// abbreviations ("in the sun. Wear …", "10 min. Then …"), and it ends a sentence after
// "approx." or "vs.". Wrong boundaries shift every per-sentence judgement and the scores, so
// this pass, run on the natural-language tree before anything reads it:
//
// - splits a sentence after a word ending in a full stop when the next word starts with a
//   capital, unless the word is an abbreviation that does not end sentences (`continuing`:
//   titles, "e.g.", "approx.", "vs.") or an initial ("J. K. Rowling");
// - joins a sentence to the next when it ends with such an abbreviation, or when the next
//   starts with a lower-case letter ("etc. and", "approx. 5 tablets");
// - joins "1,000" into one word (parse-english makes it "1" and "000").
import type {Paragraph, Root, Sentence, SentenceContent, Word} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {familiarityOf} from '../words/familiar.js'

/**
 * Abbreviations that never end a sentence: titles before a name, and the Latin and medical
 * abbreviations that always lead on to more ("e.g. paracetamol", "approx. 5 mg"). Written
 * without their final full stop, in lower case; no single letters ("hepatitis C. You …"). Abbreviations that may end one ("etc.", "p.m.",
 * "min.") are not here: before a capital they end the sentence.
 */
export const continuingAbbreviations: ReadonlySet<string> = new Set([
  'dr', 'mr', 'mrs', 'ms', 'mx', 'prof', 'rev', 'revd', 'sr', 'jr', 'st', 'sgt', 'capt', 'col', 'gen', 'lt', 'hon', 'fr',
  'e.g', 'i.e', 'eg', 'ie', 'viz', 'cf', 'vs', 'approx', 'appr', 'ca', 'circa', 'incl', 'esp', 'excl', 'inc', 'no', 'nos', 'vol', 'fig', 'figs', 'ref', 'refs', 'tel', 'ext', 'dept', 'max', 'avg', 'est', 'wt', 'ht', 'temp', 'tab', 'tabs', 'caps', 'inj', 'supp', 'susp', 'sol', 'oint', 'b.d', 'b.i.d', 't.d.s', 't.i.d', 'q.d.s', 'q.i.d', 'o.d', 'p.r.n', 'prn', 'stat', 'nocte', 'mane', 'p.o', 'i.v', 'i.m', 's.c'
])


/** Repair the sentence boundaries of every paragraph of `tree`, in place. */
export function repairSentences(tree: Root): void {
  for (const paragraph of tree.children) {
    if (paragraph.type === 'ParagraphNode') repairParagraph(paragraph)
  }
}

function repairParagraph(paragraph: Paragraph): void {
  const children = paragraph.children
  for (const sentence of children) if (sentence.type === 'SentenceNode') joinNumbers(sentence)
  // Joins first (a sentence cut after "approx." may then be split where it should be).
  for (let index = 0; index < children.length; index++) {
    const sentence = children[index]!
    if (sentence.type !== 'SentenceNode') continue
    let gap = index + 1
    while (children[gap]?.type === 'WhiteSpaceNode') gap++
    const next = children[gap]
    if (next?.type !== 'SentenceNode' || !endsWithContinuing(sentence, next)) continue
    const period = sentence.children.pop()!
    const word = sentence.children.at(-1) as Word
    word.children.push(period as Word['children'][number])
    if (word.position && period.position) word.position.end = period.position.end
    const between = children.slice(index + 1, gap) as SentenceContent[]
    sentence.children.push(...between, ...next.children)
    if (sentence.position && next.position) sentence.position.end = next.position.end
    children.splice(index + 1, gap - index)
    index-- // it may join the next one too
  }
  for (let index = 0; index < children.length; index++) {
    const sentence = children[index]!
    if (sentence.type !== 'SentenceNode') continue
    const split = splitPoint(sentence)
    if (split === undefined) continue
    const word = sentence.children[split] as Word
    const period = word.children.pop()!
    if (word.position && period.position) word.position.end = period.position.start
    let restStart = split + 1
    while (sentence.children[restStart]?.type === 'WhiteSpaceNode') restStart++
    const space = sentence.children.slice(split + 1, restStart)
    const rest = sentence.children.slice(restStart)
    const first: Sentence = {type: 'SentenceNode', children: [...sentence.children.slice(0, split + 1), period as SentenceContent]}
    const second: Sentence = {type: 'SentenceNode', children: rest}
    if (sentence.position && period.position) first.position = {start: sentence.position.start, end: period.position.end}
    const restPosition = rest[0]?.position
    if (sentence.position && restPosition) second.position = {start: restPosition.start, end: sentence.position.end}
    children.splice(index, 1, first, ...(space as Paragraph['children']), second)
  }
}

/** Join the parts of a number written with thousands separators: "1,000" is one word, not "1" and "000". */
function joinNumbers(sentence: Sentence): void {
  const children = sentence.children
  for (let index = 0; index + 2 < children.length; index++) {
    const [word, comma, rest] = [children[index]!, children[index + 1]!, children[index + 2]!]
    if (word.type !== 'WordNode' || comma.type !== 'PunctuationNode' || comma.value !== ',' || rest.type !== 'WordNode') continue
    if (!/^\d{1,3}(?:,\d{3})*$/.test(toString(word)) || !/^\d{3}(?!\d)/.test(toString(rest))) continue
    word.children.push(comma as Word['children'][number], ...rest.children)
    if (word.position && rest.position) word.position.end = rest.position.end
    children.splice(index + 1, 2)
    index--
  }
}

/** Whether `sentence` ends with an abbreviation whose full stop does not end it. */
function endsWithContinuing(sentence: Sentence, next: Sentence): boolean {
  const period = sentence.children.at(-1)
  const word = sentence.children.at(-2)
  if (period?.type !== 'PunctuationNode' || period.value !== '.' || word?.type !== 'WordNode') return false
  const stem = toString(word).toLowerCase()
  if (continuingAbbreviations.has(stem)) return true
  const first = next.children.find((child) => child.type === 'WordNode')
  // A new sentence starts with a capital or a number; a lower-case word continues this one.
  return first !== undefined && next.children[0] === first && /^\p{Ll}/u.test(toString(first))
}

/** The index of the word after which `sentence` really ends, if parse-english joined two. */
function splitPoint(sentence: Sentence): number | undefined {
  const children = sentence.children
  for (let index = 0; index < children.length - 2; index++) {
    const word = children[index]!
    if (word.type !== 'WordNode' || word.children.at(-1)?.type !== 'PunctuationNode' || toString(word.children.at(-1)!) !== '.') continue
    if (children[index + 1]!.type !== 'WhiteSpaceNode') continue
    let nextIndex = index + 1
    while (children[nextIndex]?.type === 'WhiteSpaceNode') nextIndex++
    const next = children[nextIndex]
    if (next?.type !== 'WordNode' || !/^\p{Lu}/u.test(toString(next))) continue
    const stem = toString(word).slice(0, -1)
    if (continuingAbbreviations.has(stem.toLowerCase())) continue
    if (/^\p{Lu}$/u.test(stem) && isInitial(children, index, toString(next))) continue
    return index
  }
  return undefined
}

/**
 * Whether the single capital at `index` is an initial: it follows a title or another initial,
 * or a name follows it (a capitalised word on none of the word lists, as "Patel"; a known word,
 * as "There" or "Reducing", starts a sentence after "hepatitis B.").
 */
function isInitial(children: Sentence['children'], index: number, next: string): boolean {
  let before = index - 1
  while (children[before]?.type === 'WhiteSpaceNode') before--
  const previous = children[before]
  if (previous?.type === 'WordNode') {
    const value = toString(previous)
    if (/^\p{Lu}\.$/u.test(value) || continuingAbbreviations.has(value.replace(/\.$/, '').toLowerCase())) return true
  }
  if (/^\p{Lu}\.$/u.test(next)) return true
  return familiarityOf(next.toLowerCase()) === 'rare'
}
