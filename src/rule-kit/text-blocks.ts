// The article's prose as plain text, one block (paragraph, heading or table cell) at a time, for
// the style rules that match words and patterns. Each block's text is made of the source text of
// its `text` nodes, so every character maps back to an exact offset in the original file (what a
// fix needs). Code spans, HTML, images and bare addresses are not prose: each becomes one
// object-replacement character (U+FFFC), so words on either side never join and nothing inside
// them is matched or fixed. Link destinations and the frontmatter are never in a block at all.
import type {Nodes, Root} from 'mdast'
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {toString} from 'mdast-util-to-string'
import type {ReportExtra, RuleContext} from './rule.js'

export const gap = '\uFFFC'

export interface TextBlock {
  node: Nodes
  kind: 'paragraph' | 'heading' | 'tableCell'
  /** Heading depth (1–6) for headings. */
  depth?: number
  /** Inside a block quote (a callout). */
  inQuote: boolean
  text: string
  /** Where each run of source text sits: its index in `text`, its offset in the file, its length. */
  runs: Array<{at: number; offset: number; length: number}>
}

const cache = new WeakMap<Root, TextBlock[]>()

/** The prose blocks of `tree`, in document order (worked out once per tree). */
export function textBlocks(tree: Root, file: VFile): TextBlock[] {
  let blocks = cache.get(tree)
  if (blocks) return blocks
  blocks = []
  const source = String(file.value ?? '')
  const walk = (node: Nodes, inQuote: boolean) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      const block: TextBlock = {node, kind: node.type, inQuote, text: '', runs: []}
      if (node.type === 'heading') block.depth = node.depth
      collect(node, block, source)
      blocks!.push(block)
      return
    }
    if (node.type === 'code' || node.type === 'html' || node.type === 'yaml' || node.type === 'definition') return
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child, inQuote || node.type === 'blockquote')
  }
  walk(tree, false)
  cache.set(tree, blocks)
  return blocks
}

function collect(node: Nodes, block: TextBlock, source: string): void {
  for (const child of ('children' in node ? node.children : []) as Nodes[]) {
    if (child.type === 'text') {
      const start = child.position?.start.offset
      const end = child.position?.end.offset
      if (start === undefined || end === undefined) {
        block.text += gap
        continue
      }
      block.runs.push({at: block.text.length, offset: start, length: end - start})
      block.text += source.slice(start, end)
    } else if (child.type === 'break') {
      block.text += '\n'
    } else if (child.type === 'link' && isBareAddress(child)) {
      block.text += gap
    } else if ('children' in child) {
      collect(child, block, source)
    } else {
      // inline code, HTML, images, footnote references: not prose.
      block.text += gap
    }
  }
}

/**
 * Every match of the global `pattern` in `text`, as `text.matchAll(pattern)` gives them, but
 * without cloning the pattern for each text (matchAll copies it, which is most of its cost on
 * the many short blocks of an article).
 */
export function matchesOf(text: string, pattern: RegExp): RegExpExecArray[] {
  const found: RegExpExecArray[] = []
  pattern.lastIndex = 0
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    found.push(match)
    if (match[0] === '') pattern.lastIndex += pattern.unicode && (text.codePointAt(pattern.lastIndex) ?? 0) > 0xffff ? 2 : 1
  }
  pattern.lastIndex = 0
  return found
}

/** A link whose text is its own address (an autolink, or a pasted URL or email address). */
export function isBareAddress(link: Extract<Nodes, {type: 'link'}>): boolean {
  const text = toString(link).trim()
  return text === link.url || `mailto:${text}` === link.url || /^(https?:\/\/|www\.)\S+$/i.test(text)
}

/** The file offset of `text[index]`, when it is source text (not a gap or a line break). */
export function offsetAt(block: TextBlock, index: number): number | undefined {
  for (const run of block.runs) if (index >= run.at && index < run.at + run.length) return run.offset + index - run.at
  return undefined
}

/** The file offsets of `text[from, to)`, when that stretch is one run of source text. */
export function spanOf(block: TextBlock, from: number, to: number): {start: number; end: number} | undefined {
  for (const run of block.runs) {
    if (from >= run.at && to <= run.at + run.length) return {start: run.offset + from - run.at, end: run.offset + to - run.at}
  }
  return undefined
}

const locations = new WeakMap<VFile, ReturnType<typeof location>>()

/** The line, column and offset of `offset` in the file. */
export function pointAt(file: VFile, offset: number): Required<Pick<Point, 'line' | 'column' | 'offset'>> {
  let place = locations.get(file)
  if (!place) {
    place = location(file)
    locations.set(file, place)
  }
  const point = place.toPoint(offset)
  return {line: point?.line ?? 1, column: point?.column ?? 1, offset}
}

/**
 * The stretches of `text` between double quotation marks (“…” or "…"): quoted speech. A
 * closing mark that is never matched ends the quotation at the block's end.
 */
export function quotedStretches(text: string): Array<[number, number]> {
  const stretches: Array<[number, number]> = []
  let open = -1
  for (let index = 0; index < text.length; index++) {
    const character = text[index]
    if (character === '“' || (character === '"' && open === -1)) {
      if (open === -1) open = index
    } else if ((character === '”' || character === '"') && open !== -1) {
      stretches.push([open, index + 1])
      open = -1
    }
  }
  if (open !== -1) stretches.push([open, text.length])
  return stretches
}

export function isInside(stretches: ReadonlyArray<[number, number]>, index: number): boolean {
  return stretches.some(([from, to]) => index >= from && index < to)
}

/** Whether the word at `index` of `text` starts a sentence (or the block). */
export function startsSentence(text: string, index: number): boolean {
  let at = index - 1
  while (at >= 0 && /[\s"“‘'(\[*_]/.test(text[at]!)) at--
  return at < 0 || /[.!?:\n]/.test(text[at]!)
}

/** `replacement` written in the letter case of `original` (all capitals, or a capital first). */
export function matchCase(original: string, replacement: string): string {
  if (original.length > 1 && original === original.toUpperCase() && original !== original.toLowerCase()) return replacement.toUpperCase()
  if (original[0] && original[0] !== original[0].toLowerCase()) return replacement[0]!.toUpperCase() + replacement.slice(1)
  return replacement
}

/**
 * Report `text[from, to)` of `block`, with a fix replacing it by `extra.fix` when that stretch
 * is one run of source text (so the edit touches exactly those characters).
 */
export function reportSpan(
  context: RuleContext<Record<string, unknown>> | RuleContext<never>,
  block: TextBlock,
  from: number,
  to: number,
  reason: string,
  extra: {fix?: string; expected?: string[]; note?: string} = {}
): void {
  const span = spanOf(block, from, to)
  const {file} = context
  const actual = block.text.slice(from, to)
  const report: ReportExtra = {actual}
  if (extra.expected) report.expected = extra.expected
  else if (extra.fix !== undefined) report.expected = [extra.fix]
  if (extra.note) report.note = extra.note
  if (!span) {
    // Straddles markup ("do*n't*"): report from its first character to its last, without a fix.
    const first = offsetAt(block, from)
    const last = offsetAt(block, to - 1)
    const place = first !== undefined && last !== undefined && last >= first
      ? {start: pointAt(file, first), end: pointAt(file, last + 1)}
      : undefined
    ;(context as RuleContext<Record<string, unknown>>).report(reason, place ? {start: {line: place.start.line, column: place.start.column}, end: {line: place.end.line, column: place.end.column}} : block.node, report)
    return
  }
  const start = pointAt(file, span.start)
  const end = pointAt(file, span.end)
  if (extra.fix !== undefined) report.fix = {start, end, text: extra.fix}
  ;(context as RuleContext<Record<string, unknown>>).report(reason, {start: {line: start.line, column: start.column}, end: {line: end.line, column: end.column}}, report)
}
