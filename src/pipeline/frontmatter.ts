// Stage 2a: frontmatter. Splits the YAML block off the article with gray-matter (after making
// sure gray-matter can never pick an evaluating engine), parses it with `yaml` so that every key
// and value keeps its range in the original file, and refuses everything article metadata does
// not need: other languages, aliases, anchors, merge keys, explicit tags, prototype keys,
// duplicate keys, oversized or deeply nested blocks. Problems go to `file.data.problems`.
import matter from 'gray-matter'
import {LineCounter, parseDocument, isAlias, isMap, isPair, isScalar, isSeq} from 'yaml'
import type {Node as YamlNode, Pair, Scalar} from 'yaml'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import type {Limits} from '../config/config.js'
import {recordProblem} from './problems.js'

/** Where a frontmatter value came from: the key's range and the value's range in the file. */
export interface SourceRange {
  key?: Position
  value: Position
}

export interface Frontmatter {
  /** The parsed mapping, or undefined when the block could not be read safely. */
  data: Record<string, unknown> | undefined
  /** Range of the whole block, from the opening fence to the end of the closing fence. */
  position: Position
  /** Ranges by JSON pointer (`/reviewedBy/name`), as ajv reports `instancePath`. */
  ranges: Map<string, SourceRange>
}

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype'])

const refuse = (): never => {
  throw new Error('healthlint refuses to evaluate non-YAML frontmatter')
}

// gray-matter is only asked to split: its YAML engine is replaced by a no-op (we parse the raw
// block ourselves) and every evaluating engine throws, as a second line of defence behind the
// fence check in `splitFrontmatter`.
const matterOptions = {
  language: 'yaml',
  excerpt: false,
  engines: {
    yaml: {parse: () => ({}), stringify: () => ''},
    js: {parse: refuse, stringify: refuse},
    javascript: {parse: refuse, stringify: refuse},
    coffee: {parse: refuse, stringify: refuse},
    coffeescript: {parse: refuse, stringify: refuse},
    cson: {parse: refuse, stringify: refuse}
  }
} as unknown as Parameters<typeof matter>[1]

/**
 * Split and parse the frontmatter of `file` (whose value is decoded text).
 * Returns the text to parse as Markdown: the original with the frontmatter blanked out
 * character for character, so every offset, line and column in the body is a file position.
 */
export function parseFrontmatter(file: VFile, limits: Limits): string {
  const text = String(file.value)
  const place = location(file)
  const firstBreak = text.indexOf('\n')
  const firstLine = (firstBreak === -1 ? text : text.slice(0, firstBreak)).replace(/\r$/, '')

  if (!firstLine.startsWith('---')) {
    recordProblem(file, 'frontmatter-syntax', 'missing', {}, {line: 1, column: 1, offset: 0})
    return text
  }

  // Only spaces and tabs may follow the fence (as on the closing line): `trimEnd` would also
  // accept U+FEFF, U+00A0 or U+2028 there, which gray-matter reads as a fence language.
  if (!/^---[ \t]*$/.test(firstLine)) {
    const language = firstLine.slice(3).trim()
    recordProblem(
      file,
      'frontmatter-syntax',
      'other-format',
      {fence: clip(firstLine), language: language ? clip(language) : ''},
      span(place, 0, firstLine.length),
      {actual: clip(firstLine), expected: ['---']}
    )
    // Still blank out the block, so the body is checked as the author meant it.
    const close = findClose(text, firstBreak)
    return close ? mask(text, close.end) : text
  }

  const close = findClose(text, firstBreak)
  if (!close) {
    recordProblem(file, 'frontmatter-syntax', 'not-closed', {}, span(place, 0, 3))
    return mask(text, firstBreak === -1 ? text.length : firstBreak)
  }

  // gray-matter splits; we check that it agrees with the fence we found, so that its looser
  // closing rule (any line that merely starts with `---`) cannot move the boundary silently.
  const split = matter(text, matterOptions)
  const yamlStart = firstBreak + 1
  const yaml = text.slice(yamlStart, close.start)
  if (split.matter.replace(/^[ \t]*\r?\n/, '') !== yaml.replace(/\n$/, '')) {
    const closeLine = place.toPoint(close.start)
    recordProblem(file, 'frontmatter-syntax', 'closing-line', {}, closeLine ?? {line: 1, column: 1})
  }

  const frontmatter: Frontmatter = {
    data: undefined,
    position: span(place, 0, close.end),
    ranges: new Map()
  }
  file.data.frontmatter = frontmatter

  const size = Buffer.byteLength(yaml)
  if (size > limits.maxFrontmatterBytes) {
    recordProblem(file, 'frontmatter-syntax', 'too-large', {bytes: size, limit: limits.maxFrontmatterBytes}, pointOf(place, yamlStart))
  } else if (yaml.trim() === '') {
    recordProblem(file, 'frontmatter-syntax', 'empty', {}, pointOf(place, yamlStart))
  } else {
    frontmatter.data = readYaml(file, yaml, yamlStart, limits, frontmatter.ranges)
  }

  checkDelimiterConfusion(file, text, close.end)
  return mask(text, close.end)
}

interface Fence {
  /** Offset of the first character of the closing `---` line. */
  start: number
  /** Offset just after the closing line (including its line break). */
  end: number
}

function findClose(text: string, firstBreak: number): Fence | undefined {
  if (firstBreak === -1) return undefined
  const pattern = /^---[ \t]*\r?$/gm
  pattern.lastIndex = firstBreak + 1
  const found = pattern.exec(text)
  if (!found) return undefined
  let end = found.index + found[0].length
  if (text.charAt(end) === '\n') end++
  return {start: found.index, end}
}

/** Replace every character before `end` except line breaks with a space. */
function mask(text: string, end: number): string {
  return text.slice(0, end).replace(/[^\r\n]/g, ' ') + text.slice(end)
}

function readYaml(file: VFile, yaml: string, yamlStart: number, limits: Limits, ranges: Map<string, SourceRange>): Record<string, unknown> | undefined {
  const place = location(file)
  const at = (offset: number) => pointOf(place, yamlStart + offset)
  const range = (node: {range?: [number, number, number] | null | undefined}): Position =>
    node.range ? span(place, yamlStart + node.range[0], yamlStart + node.range[1]) : {start: at(0), end: at(0)}

  const lineCounter = new LineCounter()
  let document
  try {
    document = parseDocument(yaml, {lineCounter, uniqueKeys: true, merge: false, schema: 'core', prettyErrors: false, strict: true})
  } catch (error) {
    recordProblem(file, 'frontmatter-syntax', 'unreadable', {why: error instanceof RangeError ? 'it is nested too deeply' : 'unreadable YAML'}, at(0))
    return undefined
  }

  let ok = true
  for (const error of document.errors) {
    ok = false
    if (error.code === 'DUPLICATE_KEY') recordProblem(file, 'frontmatter-syntax', 'duplicate-key', {}, at(error.pos[0]))
    else recordProblem(file, 'frontmatter-syntax', 'invalid-yaml', {error: firstSentence(error.message)}, at(error.pos[0]))
  }
  if (!ok) return undefined

  // Walk the node graph iteratively (no recursion, so depth cannot overflow the stack), refusing
  // what metadata never needs before anything converts the graph to objects.
  let aliases = 0
  let firstAlias: YamlNode | undefined
  let anchors = 0
  let firstAnchor: YamlNode | undefined
  const stack: Array<{node: unknown; depth: number}> = [{node: document.contents, depth: 0}]
  while (stack.length > 0) {
    const {node, depth} = stack.pop()!
    if (!node) continue
    if (depth > limits.maxFrontmatterDepth) {
      recordProblem(file, 'frontmatter-syntax', 'too-deep', {limit: limits.maxFrontmatterDepth}, range(node as YamlNode).start)
      return undefined
    }
    if (isAlias(node)) {
      aliases++
      if (!firstAlias || (node.range?.[0] ?? 0) < (firstAlias.range?.[0] ?? 0)) firstAlias = node
      continue
    }
    const tagged = node as YamlNode
    if (tagged.anchor) {
      anchors++
      if (!firstAnchor || (tagged.range?.[0] ?? 0) < (firstAnchor.range?.[0] ?? 0)) firstAnchor = tagged
    }
    if (tagged.tag) {
      ok = false
      const before = yaml.slice(0, tagged.range?.[0] ?? 0)
      const offset = Math.max(before.lastIndexOf(' !') + 1, before.lastIndexOf('\n!') + 1, before.lastIndexOf('[!') + 1, before.lastIndexOf('\t!') + 1, 0)
      const written = /^\S+/.exec(yaml.slice(offset))?.[0] ?? tagged.tag
      recordProblem(file, 'frontmatter-syntax', 'tag', {tag: clip(written)}, at(offset))
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key
        const keyName = isScalar(key) ? String(key.value) : undefined
        if (keyName === '<<') {
          ok = false
          recordProblem(file, 'frontmatter-syntax', 'merge-key', {}, range(key as Scalar).start)
        } else if (keyName !== undefined && forbiddenKeys.has(keyName)) {
          ok = false
          recordProblem(file, 'frontmatter-syntax', 'forbidden-key', {key: keyName}, range(key as Scalar).start)
        } else if (!isScalar(key)) {
          ok = false
          recordProblem(file, 'frontmatter-syntax', 'complex-key', {}, key ? range(key as YamlNode).start : at(0))
        }
        stack.push({node: pair.value, depth: depth + 1})
        if (key && !isScalar(key)) stack.push({node: key, depth: depth + 1})
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push({node: item, depth: depth + 1})
    } else if (isPair(node)) {
      stack.push({node: node.value, depth: depth + 1})
    }
  }
  if (firstAnchor?.anchor) {
    ok = false
    const offset = Math.max(yaml.lastIndexOf('&' + firstAnchor.anchor, firstAnchor.range?.[0] ?? 0), 0)
    recordProblem(file, 'frontmatter-syntax', 'anchors', {anchor: clip(firstAnchor.anchor), count: anchors}, at(offset))
  }
  if (firstAlias) {
    ok = false
    recordProblem(file, 'frontmatter-syntax', 'aliases', {count: aliases}, range(firstAlias).start)
  }
  if (!ok) return undefined

  if (!isMap(document.contents)) {
    const what = isSeq(document.contents) ? 'a list' : 'a single value'
    recordProblem(file, 'frontmatter-syntax', 'not-a-mapping', {what}, document.contents ? range(document.contents).start : at(0))
    return undefined
  }

  return toPlain(document.contents, '', ranges, range) as Record<string, unknown>
}

/** Convert a checked YAML node to plain data, recording each value's range by JSON pointer. */
function toPlain(node: unknown, pointer: string, ranges: Map<string, SourceRange>, range: (node: YamlNode) => Position, key?: Position): unknown {
  if (node === null || node === undefined) {
    return null
  }
  const yamlNode = node as YamlNode
  ranges.set(pointer, key ? {key, value: range(yamlNode)} : {value: range(yamlNode)})
  if (isMap(node)) {
    const result: Record<string, unknown> = {}
    for (const pair of node.items as Pair[]) {
      const name = String((pair.key as Scalar).value)
      const keyRange = range(pair.key as Scalar)
      const child = `${pointer}/${escapePointer(name)}`
      // A key without a value (`title:`) is null, positioned at its key.
      if (pair.value === null || pair.value === undefined) {
        ranges.set(child, {key: keyRange, value: keyRange})
        result[name] = null
      } else {
        result[name] = toPlain(pair.value, child, ranges, range, keyRange)
      }
    }
    return result
  }
  if (isSeq(node)) {
    return node.items.map((item, index) => toPlain(item, `${pointer}/${index}`, ranges, range))
  }
  if (isScalar(node)) {
    return node.value
  }
  return null
}

/** Warn where the frontmatter seems to continue after its closing fence (a `---` inside a value). */
function checkDelimiterConfusion(file: VFile, text: string, bodyStart: number): void {
  const lines = text.slice(bodyStart).split('\n')
  let offset = bodyStart
  let yamlLike = 0
  for (const line of lines.slice(0, 20)) {
    const bare = line.replace(/\r$/, '')
    if (/^---[ \t]*$/.test(bare)) {
      if (yamlLike > 0) {
        recordProblem(file, 'frontmatter-syntax', 'ended-early', {}, pointOf(location(file), offset))
      }
      return
    }
    if (/^[A-Za-z][\w-]*:(\s|$)/.test(bare)) yamlLike++
    offset += line.length + 1
  }
}

function span(place: ReturnType<typeof location>, start: number, end: number): Position {
  return {start: pointOf(place, start), end: pointOf(place, end)}
}

function pointOf(place: ReturnType<typeof location>, offset: number) {
  return place.toPoint(offset) ?? place.toPoint(Math.max(0, offset - 1)) ?? {line: 1, column: 1, offset: 0}
}

function escapePointer(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1')
}

function firstSentence(message: string): string {
  return message.split(/[.:\n]/)[0]!.trim()
}

function clip(value: string): string {
  return value.length > 40 ? value.slice(0, 39) + '…' : value
}
