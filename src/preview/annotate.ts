// Marking lint messages on the published HTML of an article, for the preview only. The body
// arrives sanitised (renderBody) with every node still carrying its position in the original
// file; each message is placed by its source range:
//
// - a range of text (a hard sentence, even one that is a whole paragraph or list item; a word;
//   a link) → its text is wrapped in <mark>, followed by a numbered reference to the list;
// - a range covering a whole block that is not running text (a list, a heading, a table), a
//   point at the start of a block (a message about a section or the whole article), or a range
//   between blocks (raw HTML that publishing drops) → a callout before it, so a missing heading
//   or a dropped passage is called out where it belongs;
// - a point inside text with nothing to mark (inline HTML that is dropped) → a small marker there.
//
// A hard-sentence message also marks, inside its sentence, the words it names as unfamiliar (the
// words quoted in its reason, as written), the way Hemingway marks complex words in a hard one.
//
// Every node added here is built from the message's own fields as text nodes, never from
// article markup, and the result is only ever stringified by hast-util-to-html, which escapes.
import {h} from 'hastscript'
import type {Element, ElementContent, Root, RootContent, Text} from 'hast'
import type {MessageSeverity} from '../report/messages.js'

export interface MessageToPlace {
  /** 1-based, unique on the page: ids are `hl-m-N` (in the text) and `hl-item-N` (in the list). */
  number: number
  severity: MessageSeverity
  ruleId: string
  reason: string
  /** The rule reports something missing where it belongs (its metadata `reportsMissing`): always a callout. */
  missing?: boolean
  /** Offsets in the original file; `end` ≥ `start`. */
  start: number
  end: number
}

/** How a message was shown in the text. */
export type Placement = 'mark' | 'callout' | 'point'

type Parent = Root | Element

// Block elements: reported whole, they get a callout (unless they are running text, below).
const blockElements = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'pre', 'hr', 'section', 'div', 'dl', 'dt', 'dd', 'figure'])
// Elements in which a callout (a <div>) may stand among the children.
const flowContainers = new Set(['blockquote', 'section', 'div', 'li', 'td', 'th', 'dd', 'figure'])
// Elements that cannot hold phrasing content directly: a point inside one becomes a callout.
const structuralElements = new Set(['ul', 'ol', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'dl', 'blockquote', 'section', 'div', 'figure'])
// Blocks of running text: a message covering one whole is marked on its text (a hard sentence
// can be a whole paragraph or list item), not called out.
const textBlocks = new Set(['p', 'li', 'td', 'th', 'dt', 'dd'])
// Blocks that may only stand inside their parent (a list item, a table cell): their callout goes inside.
const cellElements = new Set(['li', 'td', 'th', 'dd'])
const voidElements = new Set(['img', 'br', 'hr', 'input'])

export const severityLabels: Record<MessageSeverity, {icon: string; label: string}> = {
  error: {icon: '✖', label: 'Error'},
  warning: {icon: '▲', label: 'Warning'},
  info: {icon: 'ℹ', label: 'Note'}
}

/** Mark `messages` on `body` (in place); returns how each message number was shown. */
export function annotateBody(body: Root, messages: readonly MessageToPlace[]): Map<number, Placement> {
  const placed = new Map<number, Placement>()
  for (const message of messages) placed.set(message.number, placeMessage(body, message))
  return placed
}

function placeMessage(body: Root, message: MessageToPlace): Placement {
  const {start, end} = message
  const path = pathTo(body, start, end)
  const target = path.at(-1)!
  const range = rangeOf(target)

  if (target.type === 'element' && blockElements.has(target.tagName) && range) {
    const whole = start <= range.start && end >= range.end
    // A point at the very start of a block is about the block (a heading standing for its
    // section or the article); a paragraph or list item that is one whole sentence is still text.
    const atStart = end === start && start === range.start
    const calledOut = atStart || (whole && (message.missing || !textBlocks.has(target.tagName) || !markText(path, message)))
    if (calledOut) {
      // The block is outlined too, so it is clear what the callout is about; not a heading,
      // which stands for its whole section (or, at the top, for the whole article).
      if (whole && !/^h[1-6]$/.test(target.tagName)) target.properties.className = [...new Set([...classesOf(target), 'hl-flagged', `hl-flagged-${message.severity}`])]
      if (cellElements.has(target.tagName)) target.children.unshift(calloutOf(message))
      else insertCallout(path.slice(0, -1), target, start, message)
      return 'callout'
    }
    if (whole) return 'mark'
  }

  if (end > start && markText(path, message)) return 'mark'

  if (target.type === 'root' || structuralElements.has(target.tagName)) {
    insertCallout(path, undefined, start, message)
    return 'callout'
  }
  if (voidElements.has(target.tagName) || target.children.length === 0) {
    const parent = path.at(-2)!
    const mark = markOf(message, [target], true)
    if (target.position) mark.position = target.position
    parent.children.splice(parent.children.indexOf(target), 1, mark)
    if (!insertAfterLink(path, referenceOf(message))) parent.children.splice(parent.children.indexOf(mark) + 1, 0, referenceOf(message))
    return 'mark'
  }
  if (!insertAfterLink(path, pointOf(message))) target.children.splice(indexAt(target, start), 0, pointOf(message))
  return 'point'
}

/** Put `node` just after the outermost link on `path`, if any: references are links, and links cannot nest. */
function insertAfterLink(path: Parent[], node: Element): boolean {
  const index = path.findIndex((step) => step.type === 'element' && step.tagName === 'a')
  if (index < 1) return false
  const parent = path[index - 1]!
  parent.children.splice(parent.children.indexOf(path[index] as Element) + 1, 0, node)
  return true
}

/** The chain of elements from the root to the deepest one whose range contains [start, end]. */
function pathTo(root: Root, start: number, end: number): Parent[] {
  const path: Parent[] = [root]
  let current: Parent = root
  for (;;) {
    let next: Element | undefined
    for (const child of current.children) {
      const range = child.type === 'element' ? rangeOf(child) : undefined
      if (range && range.start <= start && end <= range.end && start < Math.max(range.end, range.start + 1)) {
        next = child as Element
        break
      }
    }
    if (!next) return path
    path.push(next)
    current = next
  }
}

/**
 * Put a callout before `anchor` in the nearest ancestor where a block may stand (or, with no
 * anchor, before the first child of that ancestor that ends after `start`).
 */
function insertCallout(path: Parent[], anchor: Element | undefined, start: number, message: MessageToPlace): void {
  let index = path.length - 1
  let child: Element | undefined = anchor
  while (index > 0 && !flowContainers.has((path[index] as Element).tagName)) {
    child = path[index] as Element
    index--
  }
  const container = path[index]!
  const at = child ? container.children.indexOf(child as RootContent & ElementContent) : indexAt(container, start, 'end')
  container.children.splice(at < 0 ? container.children.length : at, 0, calloutOf(message) as RootContent & ElementContent)
}

/** Index of the first positioned child that starts at or after `offset` (or ends after it). */
function indexAt(parent: Parent, offset: number, by: 'start' | 'end' = 'start'): number {
  const index = parent.children.findIndex((child) => {
    const range = rangeOf(child)
    return range !== undefined && (by === 'start' ? range.start >= offset : range.end > offset)
  })
  return index < 0 ? parent.children.length : index
}

/**
 * Wrap the parts of the text nodes under `container` that fall in the message's range in
 * <mark>; false when no positioned text overlaps it. Text whose length differs from its source
 * (escapes, entities) cannot be mapped character by character, so it is marked whole.
 */
function markText(path: Parent[], message: MessageToPlace): boolean {
  const container = path.at(-1)!
  const found: Array<{parent: Parent; node: Text}> = []
  const stack: Parent[] = [container]
  while (stack.length > 0) {
    const parent = stack.pop()!
    for (const child of parent.children) {
      if (child.type === 'text') {
        const range = rangeOf(child)
        if (range && range.start < message.end && range.end > message.start) found.push({parent, node: child})
      } else if (child.type === 'element') {
        stack.push(child)
      }
    }
  }
  if (found.length === 0) return false
  found.sort((a, b) => rangeOf(a.node)!.start - rangeOf(b.node)!.start)

  let last: {parent: Parent; mark: Element} | undefined
  for (const [index, {parent, node}] of found.entries()) {
    const range = rangeOf(node)!
    const exact = range.end - range.start === node.value.length
    const from = exact ? Math.max(message.start, range.start) - range.start : 0
    const to = exact ? Math.min(message.end, range.end) - range.start : node.value.length
    const pieces: Array<Text | Element> = []
    if (from > 0) pieces.push(textAt(node.value.slice(0, from), range.start))
    const mark = markOf(message, withWordsMarked(node.value.slice(from, to), range.start + from, exact, wordsOf(message)), index === 0)
    // Positioned like its text, so that later messages still find their place in and around it.
    mark.position = textAt('', range.start + from, range.start + to).position
    pieces.push(mark)
    if (to < node.value.length) pieces.push(textAt(node.value.slice(to), range.start + to, range.end))
    parent.children.splice(parent.children.indexOf(node), 1, ...pieces)
    last = {parent, mark}
  }

  // The reference goes after the last mark, or after the link the mark is in.
  const {parent, mark} = last!
  if (!insertAfterLink([...path, ...chainTo(container, parent)], referenceOf(message))) {
    parent.children.splice(parent.children.indexOf(mark) + 1, 0, referenceOf(message))
  }
  return true
}

// Rules whose messages name words inside the range they cover, quoted “like this”.
const wordRules = new Set(['hard-sentence'])

/** The words a message names, as written, longest first (so "as required" wins over "required"). */
function wordsOf(message: MessageToPlace): string[] {
  if (!wordRules.has(message.ruleId)) return []
  return [...new Set([...message.reason.matchAll(/“([^”]+)”/g)].map((match) => match[1]!))].sort((a, b) => b.length - a.length)
}

/**
 * `value` (text starting at offset `start`) as text nodes, with each whole-word occurrence of
 * `words` wrapped in <span class="hl-word">. Positioned only when the text maps onto its source
 * character by character (`exact`).
 */
function withWordsMarked(value: string, start: number, exact: boolean, words: readonly string[]): ElementContent[] {
  const piece = (from: number, to: number): Text => (exact ? textAt(value.slice(from, to), start + from, start + to) : {type: 'text', value: value.slice(from, to)})
  if (words.length === 0) return [textAt(value, start)]
  const escaped = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'gu')
  const parts: ElementContent[] = []
  let last = 0
  for (const match of value.matchAll(pattern)) {
    if (match.index > last) parts.push(piece(last, match.index))
    parts.push(h('span', {className: ['hl-word']}, [piece(match.index, match.index + match[0].length)]))
    last = match.index + match[0].length
  }
  if (last < value.length || parts.length === 0) parts.push(piece(last, value.length))
  return parts
}

/** The elements from below `from` down to `to` (inclusive); empty when `to` is `from`. */
function chainTo(from: Parent, to: Parent): Element[] {
  if (from === to) return []
  for (const child of from.children) {
    if (child.type !== 'element') continue
    if (child === to) return [child]
    const below = chainTo(child, to)
    if (below.length > 0) return [child, ...below]
  }
  return []
}

function classesOf(node: Element): string[] {
  const value = node.properties.className
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? String(value).split(/\s+/).filter(Boolean) : []
}

function rangeOf(node: RootContent | Root): {start: number; end: number} | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start === undefined || end === undefined ? undefined : {start, end}
}

function textAt(value: string, start: number, end = start + value.length): Text {
  return {type: 'text', value, position: {start: {line: 0, column: 0, offset: start}, end: {line: 0, column: 0, offset: end}}}
}

function titleOf(message: MessageToPlace): string {
  return `${severityLabels[message.severity].label} ${message.number} (${message.ruleId}): ${message.reason}`
}

function markOf(message: MessageToPlace, children: ElementContent[], first: boolean): Element {
  return h('mark', {
    className: ['hl-mark', `hl-${message.severity}`],
    ...(first ? {id: `hl-m-${message.number}`, tabIndex: -1} : {}),
    dataHlMessage: String(message.number),
    title: titleOf(message)
  }, children)
}

/** A small numbered link to the message in the list, like a footnote reference. */
function referenceOf(message: MessageToPlace): Element {
  const {icon, label} = severityLabels[message.severity]
  return h('a', {className: ['hl-ref', `hl-${message.severity}`], href: `#hl-item-${message.number}`, dataHlMessage: String(message.number)}, [
    h('span', {ariaHidden: 'true'}, [icon]),
    h('span', {className: ['hl-sr']}, [`${label} `]),
    String(message.number)
  ])
}

function pointOf(message: MessageToPlace): Element {
  return h('span', {className: ['hl-point', `hl-${message.severity}`], id: `hl-m-${message.number}`, tabIndex: -1, dataHlMessage: String(message.number), title: titleOf(message)}, [referenceOf(message)])
}

function calloutOf(message: MessageToPlace): Element {
  const {icon, label} = severityLabels[message.severity]
  return h('div', {className: ['hl-callout', `hl-${message.severity}`], id: `hl-m-${message.number}`, tabIndex: -1, role: 'note', dataHlMessage: String(message.number)}, [
    h('p', {className: ['hl-callout-head']}, [
      h('span', {ariaHidden: 'true'}, [icon + ' ']),
      h('strong', {}, [`${label} ${message.number}`]),
      ' · ',
      h('code', {}, [message.ruleId])
    ]),
    h('p', {}, [message.reason + ' ']),
    h('p', {className: ['hl-callout-link']}, [h('a', {href: `#hl-item-${message.number}`}, [`Message ${message.number} in the list`])])
  ])
}
