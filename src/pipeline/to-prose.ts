// Markdown to natural language: the algorithm of `mdast-util-to-nlcst` (MIT, Titus Wormer),
// with parse-english's plugins, made cheaper where it was the run's largest allocator.
//
// Measured on 400 MedQuAD articles, turning the prose into sentences allocated a quarter of
// every byte of the analysis: parse-latin's tokenizer builds a position for every token that
// the converter then throws away and rebuilds, from two look-ups per node. Here the tokenizer
// builds none, and the converter gives each node its position once, sharing the point where
// one node ends and the next begins (and a word's with its text: points are never changed in
// place, by these libraries or by ours). The tree is otherwise the same, node for node and
// position for position: a test compares it with mdast-util-to-nlcst's on real articles and on
// generated text (test/to-prose.test.ts).
import type {Nodes as MdastNodes} from 'mdast'
import type {Paragraph, Parents, Root, Sentence, SentenceContent} from 'nlcst'
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import {toString} from 'nlcst-to-string'
import {pointEnd, pointStart} from 'unist-util-position'
import {location} from 'vfile-location'
import {ParseEnglish} from 'parse-english'

export interface ToProseOptions {
  /** Node types left out, as well as tables (mdast-util-to-nlcst's `ignore`). */
  ignore?: readonly string[]
  /** Node types kept whole as a SourceNode, as well as inline code (its `source`). */
  source?: readonly string[]
}

const defaultIgnore = ['table', 'tableRow', 'tableCell']
const defaultSource = ['inlineCode']
const newLine = /^[ \t]*((\r?\n|\r)[\t ]*)+$/
const terminalMarker = /^([!.?\u2026\u203D]+)$/

/** parse-english, with a tokenizer that leaves positions to the converter. */
class ProseParser extends ParseEnglish {
  override tokenize(value: string | null | undefined): SentenceContent[] {
    return tokenize(value)
  }
}

const parser = new ProseParser()
// parse-latin's own tokenizer classifies each UTF-16 unit by its expressions; asked about one
// unit at a time, it gives that class, which is remembered (0: not yet asked).
const reference = new ParseEnglish()
const kinds = new Uint8Array(0x10000)
const kindNames = ['', 'WhiteSpaceNode', 'PunctuationNode', 'WordNode', 'SymbolNode'] as const
const whiteSpace = 1
const word = 3

function kindOf(code: number): number {
  let kind = kinds[code]!
  if (kind === 0) {
    const type = reference.tokenize(String.fromCharCode(code))[0]?.type
    kind = type === 'WhiteSpaceNode' ? 1 : type === 'PunctuationNode' ? 2 : type === 'WordNode' ? 3 : 4
    kinds[code] = kind
  }
  return kind
}

/** parse-latin's `tokenize`, without positions: runs of words or white space, repeats of one punctuation or symbol character. */
function tokenize(value: string | null | undefined): SentenceContent[] {
  const children: SentenceContent[] = []
  if (!value) return children
  let from = 0
  let previousKind = 0
  let previous = -1
  for (let index = 0; index < value.length; index++) {
    const current = value.charCodeAt(index)
    const kind = kindOf(current)
    const continues = previousKind === kind && (kind === word || kind === whiteSpace || current === previous || (current >= 0xd800 && current <= 0xdfff))
    if (from < index && !continues) {
      children.push(node(previousKind, value.slice(from, index)))
      from = index
    }
    previousKind = kind
    previous = current
  }
  if (from < value.length) children.push(node(previousKind, value.slice(from)))
  return children
}

function node(kind: number, value: string): SentenceContent {
  return kind === word ? {type: 'WordNode', children: [{type: 'TextNode', value}]} : ({type: kindNames[kind], value} as SentenceContent)
}

interface State {
  doc: string
  toPoint: (offset: number) => Point | undefined
  ignore: readonly string[]
  source: readonly string[]
  /** The last point made, reused by a node that starts where the previous one ended. */
  last: Point | undefined
}

/** The natural-language tree of `tree` (positioned in `file`), as mdast-util-to-nlcst with parse-english makes it. */
export function toProse(tree: MdastNodes, file: VFile, options: ToProseOptions = {}): Root {
  if (!pointStart(tree)) throw new Error('toProse expected position on nodes')
  const place = location(file)
  const state: State = {
    doc: String(file),
    toPoint: (offset) => place.toPoint(offset),
    ignore: [...defaultIgnore, ...(options.ignore ?? [])],
    source: [...defaultSource, ...(options.source ?? [])],
    last: undefined
  }
  return sentenceContentToRoot(one(state, tree) ?? [])
}

function sentenceContentToRoot(nodes: SentenceContent[]): Root {
  if (nodes.length === 0) return {type: 'RootNode', children: []}
  const start = pointStart(nodes[0])
  const end = pointEnd(nodes.at(-1))
  const sentence: Sentence = {type: 'SentenceNode', children: nodes}
  if (start?.line && end?.line) sentence.position = {start, end}
  for (const plugin of parser.tokenizeSentencePlugins) plugin(sentence)
  const paragraph: Paragraph = {type: 'ParagraphNode', children: splitNode(sentence, 'PunctuationNode', terminalMarker) as Paragraph['children']}
  if (start?.line && end?.line) paragraph.position = {start: {...start}, end: {...end}}
  for (const plugin of parser.tokenizeParagraphPlugins) plugin(paragraph)
  const root: Root = {type: 'RootNode', children: splitNode(paragraph, 'WhiteSpaceNode', newLine) as Root['children']}
  if (start?.line && end?.line) root.position = {start: {...start}, end: {...end}}
  for (const plugin of parser.tokenizeRootPlugins) plugin(root)
  return root
}

function one(state: State, node: MdastNodes | {type: string; position?: Position}): SentenceContent[] | undefined {
  if (state.ignore.includes(node.type)) return undefined
  let start = node.position?.start.offset
  const end = node.position?.end.offset
  let results: SentenceContent[] | undefined
  if (state.source.includes(node.type)) {
    if (start !== undefined && end !== undefined) results = [{type: 'SourceNode', value: state.doc.slice(start, end)}]
  } else if ('children' in node) {
    return all(state, node)
  } else if (node.type === 'image' || node.type === 'imageReference') {
    const alt = (node as {alt?: string | null}).alt
    if (alt) {
      results = parser.tokenize(alt)
      if (typeof start === 'number') start += 2
    }
  } else if (node.type === 'break') {
    results = [{type: 'WhiteSpaceNode', value: '\n'}]
  } else if (node.type === 'text') {
    results = parser.tokenize((node as {value: string}).value)
  }
  if (results) patch(state, results, start)
  return results
}

function all(state: State, parent: {children: ReadonlyArray<MdastNodes>}): SentenceContent[] {
  const results: SentenceContent[] = []
  let end: Point | undefined
  for (const child of parent.children) {
    const start = pointStart(child)
    if (end && typeof end.line === 'number' && start && start.line !== end.line) {
      const lineEnding: SentenceContent = {type: 'WhiteSpaceNode', value: '\n'.repeat(start.line - end.line)}
      patch(state, [lineEnding], end.offset)
      // Make sure it is seen as a break between paragraphs.
      if (lineEnding.value.length < 2) lineEnding.value = '\n\n'
      results.push(lineEnding)
    }
    const result = one(state, child)
    if (result) for (const item of result) results.push(item)
    end = pointEnd(child)
  }
  return results
}

/** Position `nodes`, in order from `offset`; returns the offset after them. */
function patch(state: State, nodes: Array<SentenceContent | Parents['children'][number]>, offset: number | undefined): number | undefined {
  let start = offset
  for (const node of nodes) {
    const startPoint = pointAt(state, start)
    // A word's text children first, from the same start (sharing its start and end points).
    const end = 'children' in node ? patch(state, node.children as SentenceContent[], start) : start === undefined ? undefined : start + toString(node).length
    const endPoint = pointAt(state, end)
    node.position = startPoint && endPoint ? {start: startPoint, end: endPoint} : undefined
    start = end
  }
  return start
}

/** The point at `offset`: the previous node's end point when it is the same offset. */
function pointAt(state: State, offset: number | undefined): Point | undefined {
  if (offset === undefined) return undefined
  if (state.last?.offset === offset) return state.last
  const point = state.toPoint(offset)
  if (point) state.last = point
  return point
}

function splitNode(node: Sentence | Paragraph, childType: string, expression: RegExp): Array<Sentence | Paragraph> {
  const result: Array<Sentence | Paragraph> = []
  const children = node.children as Array<SentenceContent | Sentence>
  let start = 0
  for (let index = 0; index < children.length; index++) {
    const token = children[index]!
    if (index === children.length - 1 || (token.type === childType && expression.test(toString(token)))) {
      const parent = {type: node.type, children: children.slice(start, index + 1)} as Sentence | Paragraph
      const first = children[start]!
      if (first.position && token.position) parent.position = {start: first.position.start, end: token.position.end}
      result.push(parent)
      start = index + 1
    }
  }
  return result
}
