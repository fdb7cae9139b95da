// Stage 1: load. Turns a path into a VFile holding the file's decoded text, or the facts about
// why it could not be decoded. Nothing here throws for bad content: problems are recorded on
// `file.data.problems` with a rule id and a position in the original file, and the check stage
// turns them into messages under that rule's configured severity.
import {createHash} from 'node:crypto'
import {closeSync, constants, fstatSync, lstatSync, openSync, readSync} from 'node:fs'
import type {Stats} from 'node:fs'
import {resolve} from 'node:path'
import {VFile} from 'vfile'
import type {Point} from 'unist'
import type {Limits} from '../config/config.js'
import {recordProblem} from './problems.js'

const utf8 = new TextDecoder('utf-8', {fatal: true})
const lenientUtf8 = new TextDecoder('utf-8')

export interface LoadOptions {
  /** Work out `file.data.contentHash` (default true); the slug pre-pass skips it for articles it does not check. */
  hash?: boolean
}

/**
 * Read the file at `path` (as given, relative to `cwd`) into a VFile.
 * `file.data.loaded` is true when the text could be decoded and later stages may parse it.
 */
export async function loadArticle(path: string, cwd: string, limits: Limits, options: LoadOptions = {}): Promise<VFile> {
  const file = new VFile({path, cwd})
  file.data.loaded = false
  const absolute = resolve(cwd, path)
  let bytes: Uint8Array
  try {
    // Synchronous calls: articles are small and usually in the page cache, where a round trip
    // through libuv's thread pool costs more than the read itself.
    const stats = lstatSync(absolute)
    if (stats.isSymbolicLink()) {
      recordProblem(file, 'file-type', 'symbolic-link', {}, start())
      return file
    }
    if (!stats.isFile()) {
      recordProblem(file, 'file-type', 'not-a-file', {}, start())
      return file
    }
    if (stats.size > limits.maxFileBytes) {
      recordProblem(file, 'file-type', 'too-large', {bytes: stats.size, limit: limits.maxFileBytes}, start())
      return file
    }
    const read = readExactly(absolute, stats)
    if (!read) {
      recordProblem(file, 'file-type', 'changed-while-read', {}, start())
      return file
    }
    bytes = read
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error'
    recordProblem(file, 'file-type', 'unreadable', {code: String(code)}, start())
    return file
  }
  return decodeInto(file, bytes, options)
}

/**
 * An article held in memory (an editor's unsaved text), read as `loadArticle` reads one from
 * disk: refused over `limits.maxFileBytes` first, then decoded.
 */
export function loadBytes(path: string, cwd: string, bytes: Uint8Array, limits: Limits): VFile {
  const file = new VFile({path, cwd})
  file.data.loaded = false
  if (bytes.length > limits.maxFileBytes) {
    recordProblem(file, 'file-type', 'too-large', {bytes: bytes.length, limit: limits.maxFileBytes}, start())
    return file
  }
  return decodeInto(file, bytes)
}

/** Decode raw bytes into `file`; exported for tests and for in-memory articles. */
export function decodeInto(file: VFile, bytes: Uint8Array, options: LoadOptions = {}): VFile {
  file.data.loaded = false
  if (options.hash !== false) file.data.contentHash = createHash('sha256').update(bytes).digest('hex')
  if (bytes.length === 0) {
    recordProblem(file, 'empty-article', 'empty', {}, start())
    return file
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    recordProblem(file, 'encoding', 'utf16', {}, start())
    return file
  }
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    const offset = firstInvalidUtf8(bytes)
    const before = lenientUtf8.decode(bytes.subarray(0, offset))
    recordProblem(file, 'encoding', 'invalid-utf8', {byte: (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0')}, pointAt(before, before.length))
    return file
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const nul = text.indexOf('\0')
  if (nul !== -1) {
    recordProblem(file, 'encoding', 'nul', {}, pointAt(text, nul))
    return file
  }
  const loneCr = /\r(?!\n)/.exec(text)
  if (loneCr) {
    recordProblem(file, 'encoding', 'bare-cr', {}, pointAt(text, loneCr.index))
    return file
  }
  file.value = text
  file.data.loaded = true
  return file
}

// The line index of the text `pointAt` was last asked about. Callers pass the same string
// (`String(file.value)`) for every match in a file, so each look-up is a binary search over one
// index built once per file, instead of a scan from the file's start (which made a rule that
// reports every line quadratic: 254 KB of control characters took minutes).
let indexed: {text: string; lineStarts: number[]} | undefined

/** The 1-based line and column of `offset` in `text`, counting CRLF as one line break. O(log n) after the first call for a text. */
export function pointAt(text: string, offset: number): Point {
  // Usually the very same string, which `!==` tells apart without reading it.
  if (indexed?.text !== text) indexed = {text, lineStarts: lineStartsOf(text)}
  const starts = indexed.lineStarts
  // The last line that starts at or before `offset`.
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >>> 1
    if (starts[middle]! <= offset) low = middle
    else high = middle - 1
  }
  return {line: low + 1, column: offset - starts[low]! + 1, offset}
}

/** The offset at which each line of `text` starts (after each LF; a CR before it stays on its line). */
function lineStartsOf(text: string): number[] {
  const starts = [0]
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1)
  return starts
}

function start(): Point {
  return {line: 1, column: 1, offset: 0}
}

/**
 * Read the regular file that lstat saw (`seen`, already within the size limit), or undefined
 * when the path changed in between: it is opened without following a symbolic link (and without
 * blocking on a FIFO) and must still be the same file. One byte more than its size is asked for,
 * so a file that grows meanwhile is noticed instead of read past the limit. Synchronous calls:
 * articles are small and usually in the page cache, where a round trip through libuv's thread
 * pool costs more than the read itself.
 */
function readExactly(path: string, seen: Stats): Uint8Array | undefined {
  const descriptor = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK)
  try {
    const stats = fstatSync(descriptor)
    if (!stats.isFile() || stats.ino !== seen.ino || stats.dev !== seen.dev) return undefined
    const size = seen.size
    const buffer = Buffer.allocUnsafe(size + 1)
    let total = 0
    for (;;) {
      const bytesRead = readSync(descriptor, buffer, total, buffer.length - total, total)
      total += bytesRead
      if (bytesRead === 0 || total === buffer.length) break
    }
    return total > size ? undefined : buffer.subarray(0, total)
  } finally {
    closeSync(descriptor)
  }
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0
  while (index < bytes.length) {
    const byte = bytes[index] as number
    let length = 0
    if (byte < 0x80) length = 1
    else if (byte >= 0xc2 && byte <= 0xdf) length = 2
    else if (byte >= 0xe0 && byte <= 0xef) length = 3
    else if (byte >= 0xf0 && byte <= 0xf4) length = 4
    else return index
    if (length > 1) {
      try {
        utf8.decode(bytes.subarray(index, index + length))
      } catch {
        return index
      }
    }
    index += length
  }
  return index
}
