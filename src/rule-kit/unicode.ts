// Characters that do not show: which ones healthlint reports, under which rule, and where they
// are written. The sets come from Unicode properties (regular-expression property escapes, so a
// Node/ICU update that adds a code point to a property extends them with no change here):
//
// - `bidi-control` (error): `\p{Bidi_Control}`: the marks (U+200E LRM, U+200F RLM, U+061C ALM),
//   embeddings, overrides and isolates. Each can reorder what a patient reads: "1<RLM>-<RLM>2
//   tablets" shows as "12- tablets".
// - `invisible-characters`: every other `\p{Default_Ignorable_Code_Point}` or `\p{Cf}` format
//   character, and the C0/C1 controls `\p{Cc}` except tab, line feed and carriage return (which
//   the encoding stage governs). A warning, because they break search, screen readers and
//   copy-paste but do not change what is shown; an error where they can change what the text
//   means (`meaningOf`): invisible operators (format characters with the Math property, such as
//   U+2062 INVISIBLE TIMES, which a screen reader speaks as "times" between two digits that show
//   as one number), interlinear annotation controls (which make software show or hide a run of
//   text) and tag characters outside an emoji flag (text that software reads and people cannot
//   see).
//
// Allowed, because they are how the writing systems and emoji that need them work:
// - inside an emoji sequence (UTS #51): the zero-width joiner of a ZWJ sequence (👩‍⚕️), a
//   presentation selector after an emoji (❤️), the tags of a subdivision flag (the Scotland and
//   Wales flags are U+1F3F4 followed by tag characters);
// - U+200C/U+200D (`\p{Join_Control}`) between two letters of a script that shapes or joins
//   letters (anything but Latin, Greek and Cyrillic: Persian needs ZWNJ, Indic scripts both);
// - a variation selector (`\p{Variation_Selector}`) after a non-ASCII letter, mark, number or
//   symbol it can select a form of (CJK ideographs, Mongolian, mathematical symbols);
// - the byte order mark at the very start of a file, which the load stage strips.
//
// A character is found wherever it is written: raw, or as a character reference that Markdown
// and HTML decode (`&#x202E;`, `&#8207;`, `&rlm;`, `&ZeroWidthSpace;`) anywhere but in code, or
// as an escape in a double-quoted frontmatter value (`"\u202E"`). It is reported at the raw
// character or at the start of the reference or escape that decodes to it.
import type {Root} from 'mdast'
import {decodeNamedCharacterReference} from 'decode-named-character-reference'
import type {Frontmatter} from '../pipeline/frontmatter.js'
import {visit} from './visit.js'
import {characterNames} from './unicode-names.js'

/** Every code point either rule looks at (tab, LF and CR are excluded by `kindOf`). */
const hiddenClass = String.raw`[\p{Bidi_Control}\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cc}]`
const hiddenPattern = new RegExp(hiddenClass, 'gu')
const hiddenCharacter = new RegExp(`^${hiddenClass}$`, 'u')
const bidiControl = /^\p{Bidi_Control}$/u
const formatCharacter = /^\p{Cf}$/u
const controlCharacter = /^\p{Cc}$/u
const mathematical = /^\p{Math}$/u
const ignorable = /\p{Default_Ignorable_Code_Point}/gu

export type HiddenKind = 'bidi' | 'invisible'

/** Why an invisible character can change what the text means, or undefined when it cannot. */
export type Meaning = 'operator' | 'annotation' | 'tag'

/** Which rule reports `codePoint`, or undefined when it is an ordinary character. */
export function kindOf(codePoint: number): HiddenKind | undefined {
  if (codePoint === 0x09 || codePoint === 0x0a || codePoint === 0x0d) return undefined
  const character = String.fromCodePoint(codePoint)
  if (!hiddenCharacter.test(character)) return undefined
  return bidiControl.test(character) ? 'bidi' : 'invisible'
}

/** How an invisible character can change meaning (see the module comment). */
export function meaningOf(codePoint: number): Meaning | undefined {
  const character = String.fromCodePoint(codePoint)
  if (formatCharacter.test(character) && mathematical.test(character)) return 'operator'
  // U+FFF9–U+FFFB: anchor, separator and terminator of an interlinear annotation.
  if (codePoint >= 0xfff9 && codePoint <= 0xfffb) return 'annotation'
  // The Tags block (U+E0000–U+E007F); inside an emoji flag they are allowed before this is asked.
  if (codePoint >= 0xe0000 && codePoint <= 0xe007f) return 'tag'
  return undefined
}

/** `U+200F RIGHT-TO-LEFT MARK`; a code point without a name is described by its class. */
export function describeCodePoint(codePoint: number): string {
  const code = 'U+' + codePoint.toString(16).toUpperCase().padStart(4, '0')
  const character = String.fromCodePoint(codePoint)
  const name = characterName(codePoint)
  if (controlCharacter.test(character)) return name ? `${code} ${name} (a control character)` : `${code} (a control character)`
  if (name) return `${code} ${name}`
  return formatCharacter.test(character) ? `${code} (a format character)` : `${code} (an invisible code point)`
}

/** The Unicode name (or, for controls, the first alias), when one is known. */
export function characterName(codePoint: number): string | undefined {
  if (codePoint >= 0xfe00 && codePoint <= 0xfe0f) return `VARIATION SELECTOR-${codePoint - 0xfe00 + 1}`
  if (codePoint >= 0xe0100 && codePoint <= 0xe01ef) return `VARIATION SELECTOR-${codePoint - 0xe0100 + 17}`
  return characterNames[codePoint]
}

/** `text` without default-ignorable code points: for comparing what is shown. */
export function withoutIgnorables(text: string): string {
  return text.replace(ignorable, '')
}

export interface HiddenCharacter {
  codePoint: number
  kind: HiddenKind
  meaning: Meaning | undefined
  /** Offset in the file's text of the character, or of the reference or escape that decodes to it. */
  offset: number
  /** The reference or escape as written (`&rlm;`, `\u202E`); undefined for a raw character. */
  written: string | undefined
  /** `reference` (HTML character reference) or `escape` (YAML escape); undefined when raw. */
  form: 'reference' | 'escape' | undefined
}

// A character reference as CommonMark defines it: decimal (1–7 digits), hexadecimal (1–6) or
// named (in HTML's list), always with its semicolon.
const referencePattern = /&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z][A-Za-z0-9]{0,31}));/g

/** The text a character reference body (`#x202E`, `#8207`, `rlm`) stands for, or undefined. */
export function decodeReference(hex: string | undefined, decimal: string | undefined, name: string | undefined): string | undefined {
  if (name !== undefined) {
    const decoded = decodeNamedCharacterReference(name)
    return decoded === false ? undefined : decoded
  }
  const value = Number.parseInt((hex ?? decimal)!, hex === undefined ? 10 : 16)
  // As HTML and micromark do: NUL, surrogates and values past U+10FFFF become U+FFFD.
  if (value === 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) return '\uFFFD'
  return String.fromCodePoint(value)
}

interface Span {
  /** Index in the decoded text. */
  at: number
  /** Length in the decoded text. */
  length: number
  /** Range of the reference in the raw text. */
  raw: number
  rawEnd: number
}

/**
 * The text as Markdown and HTML show it (character references decoded outside code), with the
 * raw offset of every decoded character. Positions map back through `spans`.
 */
interface DecodedText {
  text: string
  spans: Span[]
}

function decodeReferences(raw: string, code: Array<[number, number]>): DecodedText {
  if (!raw.includes('&')) return {text: raw, spans: []}
  const spans: Span[] = []
  let text = ''
  let last = 0
  let codeIndex = 0
  for (const match of raw.matchAll(referencePattern)) {
    const start = match.index
    while (codeIndex < code.length && code[codeIndex]![1] <= start) codeIndex++
    const inCode = codeIndex < code.length && code[codeIndex]![0] <= start
    if (inCode || escaped(raw, start)) continue
    const decoded = decodeReference(match[1], match[2], match[3])
    if (decoded === undefined) continue
    text += raw.slice(last, start)
    spans.push({at: text.length, length: decoded.length, raw: start, rawEnd: start + match[0].length})
    text += decoded
    last = start + match[0].length
  }
  text += raw.slice(last)
  return {text, spans}
}

/** Whether the character at `offset` is backslash-escaped (an odd run of backslashes before it). */
function escaped(text: string, offset: number): boolean {
  let count = 0
  while (offset - count - 1 >= 0 && text.charCodeAt(offset - count - 1) === 0x5c) count++
  return count % 2 === 1
}

/** The raw offset, and the reference if any, of decoded index `index`. */
function origin(decoded: DecodedText, raw: string, index: number): {offset: number; written: string | undefined} {
  const {spans} = decoded
  let low = 0
  let high = spans.length - 1
  let before: Span | undefined
  while (low <= high) {
    const middle = (low + high) >> 1
    const span = spans[middle]!
    if (span.at <= index) {
      before = span
      low = middle + 1
    } else {
      high = middle - 1
    }
  }
  if (!before) return {offset: index, written: undefined}
  if (index < before.at + before.length) return {offset: before.raw, written: raw.slice(before.raw, before.rawEnd)}
  return {offset: before.rawEnd + (index - before.at - before.length), written: undefined}
}

// UTS #51: a ZWJ sequence of emoji (each optionally with a skin tone or presentation selector),
// a tag sequence (a subdivision flag), a keycap, or an emoji with a presentation selector.
const emojiSequence =
  /\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}|[0-9#*]\uFE0F?\u20E3|\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|[\uFE0E\uFE0F])?(?:\u200D\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F)?)*|(?![0-9#*])\p{Emoji}[\uFE0E\uFE0F]/gu
const joinControl = /^\p{Join_Control}$/u
const variationSelector = /^\p{Variation_Selector}$/u
const joiningLetter = /^[\p{L}\p{M}]$/u
const nonJoiningScript = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}]$/u
const selectableBase = /^[\p{L}\p{M}\p{N}\p{S}]$/u

/** Ranges of the emoji sequences in `text`, computed once and only when needed. */
function emojiRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  for (const match of text.matchAll(emojiSequence)) ranges.push([match.index, match.index + match[0].length])
  return ranges
}

function inRanges(ranges: Array<[number, number]>, index: number): boolean {
  let low = 0
  let high = ranges.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const [start, end] = ranges[middle]!
    if (index < start) high = middle - 1
    else if (index >= end) low = middle + 1
    else return true
  }
  return false
}

function codePointBefore(text: string, index: number): string {
  if (index <= 0) return ''
  const low = text.charCodeAt(index - 1)
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) return text.slice(index - 2, index)
  return text.charAt(index - 1)
}

function codePointAfter(text: string, index: number): string {
  const codePoint = text.codePointAt(index)
  return codePoint === undefined ? '' : String.fromCodePoint(codePoint)
}

/** Whether the hidden character at `index` of `text` is allowed where it stands. */
function allowedAt(text: string, index: number, character: string, emoji: () => Array<[number, number]>): boolean {
  const codePoint = character.codePointAt(0)!
  const emojiPart = codePoint === 0x200d || codePoint === 0xfe0e || codePoint === 0xfe0f || (codePoint >= 0xe0020 && codePoint <= 0xe007f)
  if (emojiPart && inRanges(emoji(), index)) return true
  if (joinControl.test(character)) {
    const before = codePointBefore(text, index)
    const after = codePointAfter(text, index + character.length)
    return joiningLetter.test(before) && joiningLetter.test(after) && !nonJoiningScript.test(before) && !nonJoiningScript.test(after)
  }
  if (variationSelector.test(character)) {
    const before = codePointBefore(text, index)
    return before.charCodeAt(0) > 0x7f && selectableBase.test(before)
  }
  return false
}

/** Ranges (raw offsets) of inline code and code blocks, where references are shown as written. */
function codeRanges(tree: Root): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  const add = (node: {position?: {start: {offset?: number}; end: {offset?: number}}}) => {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start !== undefined && end !== undefined) ranges.push([start, end])
  }
  visit(tree, 'code', add)
  visit(tree, 'inlineCode', add)
  return ranges.sort((a, b) => a[0] - b[0])
}

// A YAML double-quoted scalar's escapes (YAML 1.2, 5.7). Only those that can stand for a hidden
// character are decoded; the rest are skipped whole so that `\\u202E` is not read as one.
const yamlEscape = /\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|([0abtnvfreN_LP \t"/\\])|)/g
const yamlNamed: Record<string, number> = {0: 0x00, a: 0x07, b: 0x08, v: 0x0b, f: 0x0c, e: 0x1b, N: 0x85}
const doubleQuoted = /^"(?:[^"\\]|\\[\s\S])*"$/

function yamlEscapes(raw: string, frontmatter: Frontmatter | undefined): HiddenCharacter[] {
  const found: HiddenCharacter[] = []
  if (!frontmatter?.data) return found
  const seen = new Set<number>()
  for (const {value} of frontmatter.ranges.values()) {
    const start = value.start.offset
    const end = value.end.offset
    if (start === undefined || end === undefined || raw.charCodeAt(start) !== 0x22) continue
    const source = raw.slice(start, end)
    if (!doubleQuoted.test(source) || !source.includes('\\')) continue
    for (const match of source.matchAll(yamlEscape)) {
      const offset = start + match.index
      const digits = match[1] ?? match[2] ?? match[3]
      const codePoint = digits !== undefined ? Number.parseInt(digits, 16) : yamlNamed[match[4] ?? '']
      if (codePoint === undefined || codePoint > 0x10ffff || seen.has(offset)) continue
      const kind = kindOf(codePoint)
      if (!kind) continue
      seen.add(offset)
      found.push({codePoint, kind, meaning: kind === 'invisible' ? meaningOf(codePoint) : undefined, offset, written: match[0], form: 'escape'})
    }
  }
  return found
}

const cache = new WeakMap<object, {raw: string; found: HiddenCharacter[]}>()

/**
 * Every hidden character of the article `raw` (the file's text), raw or written as a reference
 * or escape, in file order, except those allowed where they stand. `tree` is the body (empty
 * when it did not parse: then references are decoded everywhere). Computed once per file for
 * both rules (`key` is the file).
 */
export function findHiddenCharacters(key: object, raw: string, tree: Root, frontmatter: Frontmatter | undefined): HiddenCharacter[] {
  const cached = cache.get(key)
  if (cached && cached.raw === raw) return cached.found
  const decoded = decodeReferences(raw, codeRanges(tree))
  const text = decoded.text
  let emoji: Array<[number, number]> | undefined
  const emojiOnce = () => (emoji ??= emojiRanges(text))
  const found: HiddenCharacter[] = []
  for (const match of text.matchAll(hiddenPattern)) {
    const character = match[0]
    const codePoint = character.codePointAt(0)!
    const kind = kindOf(codePoint)
    if (!kind || allowedAt(text, match.index, character, emojiOnce)) continue
    const {offset, written} = origin(decoded, raw, match.index)
    found.push({codePoint, kind, meaning: kind === 'invisible' ? meaningOf(codePoint) : undefined, offset, written, form: written === undefined ? undefined : 'reference'})
  }
  const all = [...found, ...yamlEscapes(raw, frontmatter)].sort((a, b) => a.offset - b.offset)
  // A reference that decodes to two hidden characters is one place to fix: report it once per rule.
  const unique = all.filter((item, index) => index === 0 || item.offset !== all[index - 1]!.offset || item.kind !== all[index - 1]!.kind)
  cache.set(key, {raw, found: unique})
  return unique
}

/** "The character reference “&rlm;” here stands for" / "This text contains": the start of a message. */
export function writtenAs(item: HiddenCharacter): string {
  if (item.form === 'reference') return `The character reference “${item.written}” here stands for`
  if (item.form === 'escape') return `The escape “${item.written}” in this frontmatter value stands for`
  return 'This text contains'
}

/**
 * The raw offset of every UTF-16 unit of `value`, a decoded string (a Markdown text node's
 * value, an image's alt, a frontmatter scalar) whose source starts at `from` in `raw` and ends
 * before `to`. The source is walked alongside the value: a character matches itself, a
 * character reference or backslash escape matches what it decodes to, and anything else in the
 * source (container markers, indentation, quotes) is skipped. Units the walk cannot place get
 * the offset of the last one placed.
 */
export function sourceOffsets(raw: string, from: number, to: number, value: string): number[] {
  const offsets: number[] = []
  let index = from
  let unit = 0
  const reference = new RegExp(referencePattern.source, 'y')
  while (unit < value.length && index < to) {
    const code = raw.charCodeAt(index)
    if (code === value.charCodeAt(unit)) {
      offsets.push(index++)
      unit++
      continue
    }
    if (code === 0x26) {
      reference.lastIndex = index
      const match = reference.exec(raw)
      const decoded = match ? decodeReference(match[1], match[2], match[3]) : undefined
      if (match && decoded !== undefined && value.startsWith(decoded, unit)) {
        for (let k = 0; k < decoded.length; k++) offsets.push(index)
        unit += decoded.length
        index += match[0].length
        continue
      }
    }
    if (code === 0x5c && raw.charCodeAt(index + 1) === value.charCodeAt(unit)) {
      offsets.push(index)
      index += 2
      unit++
      continue
    }
    index++
  }
  const last = offsets.at(-1) ?? from
  while (offsets.length < value.length) offsets.push(last)
  return offsets
}
