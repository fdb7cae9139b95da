// The content-hash cache (`.healthlint-cache/` by default). An unchanged article skips parsing,
// scoring and the rules: its facts (facts.ts) are read back and only what depends on today or
// on the other articles is decided again (finish.ts).
//
// Layout: one directory per cache key — the tool (its version and a hash of its own compiled
// code and word lists), the resolved config and the schemas — holding one file per article,
// named by the SHA-256 of its bytes and a hash of its file name. The file name is part of the
// key because an article without a `slug` takes its address from it (and the frontmatter-schema
// rule checks it); the directory is not. Every file repeats its key in a header, and a file
// whose header, JSON or shape does not match is ignored and rewritten, never trusted. Writes
// are atomic (a temporary file renamed into place), so concurrent runs can share a cache. The
// two most recently used other key directories are kept (say, two configs used in turn); older
// ones are removed (see `prepare`). Messages are stored compactly (each distinct string once per file): most
// messages of an article repeat a few wordings, and parsing them is most of a warm run.
import {createHash, randomBytes} from 'node:crypto'
import {readdirSync, readFileSync} from 'node:fs'
import {mkdir, readdir, readFile, rename, rm, stat, unlink, writeFile} from 'node:fs/promises'
import {basename, extname, join} from 'node:path'
import type {ResolvedConfig} from './config.js'
import {packageRoot, readPackageJson} from './paths.js'
import {isArticleFacts, isEmittedFacts} from './pipeline/facts.js'
import {isFix} from './fix.js'
import type {ArticleFacts, EmittedFacts, PlainMessage} from './pipeline/facts.js'
import type {Point, Position} from 'unist'

/** Bump when the layout or the facts change shape. */
export const cacheFormat = 2

export interface CacheKey {
  /** The package version and a hash of its compiled code and data. */
  toolVersion: string
  /** Hash of the resolved rules and limits. */
  configHash: string
  /** Hash of the JSON schemas. */
  schemaHash: string
}

export interface CacheStats {
  hits: number
  misses: number
  /** Entries that existed but were corrupt, foreign or for other content, and were ignored. */
  rejected: number
  writes: number
}

export interface ArticleCache {
  /** The cache directory (absolute). */
  readonly directory: string
  readonly stats: CacheStats
  /** The cached facts of the article at `path` with these bytes, or undefined. */
  readFacts(contentHash: string, path: string): Promise<ArticleFacts | undefined>
  /** The cached publishing output of the article, or undefined. */
  readEmitted(contentHash: string, path: string): Promise<EmittedFacts | undefined>
  writeFacts(contentHash: string, path: string, facts: ArticleFacts): Promise<void>
  writeEmitted(contentHash: string, path: string, emitted: EmittedFacts): Promise<void>
  /** Wait for every pending write. */
  flush(): Promise<void>
}

type Kind = 'facts' | 'emitted'

interface Envelope extends CacheKey {
  format: number
  kind: Kind
  contentHash: string
  name: string
  value: unknown
}

const keptOtherKeys = 2
const maxPendingWrites = 16
const staleTemporaryMs = 10 * 60 * 1000

/** Open the cache in `directory` (absolute) for `key`. Nothing is created until the first write. */
export function openCache(directory: string, key: CacheKey): ArticleCache {
  const keyId = sha256(JSON.stringify([cacheFormat, key.toolVersion, key.configHash, key.schemaHash])).slice(0, 16)
  const keyDirectory = join(directory, keyId)
  const stats: CacheStats = {hits: 0, misses: 0, rejected: 0, writes: 0}
  const pending = new Set<Promise<void>>()
  let ready: Promise<void> | undefined
  let broken = false

  const entryName = (kind: Kind, contentHash: string, name: string) =>
    `${/^[0-9a-f]{64}$/.test(contentHash) ? contentHash : sha256(contentHash)}-${sha256(name).slice(0, 12)}${kind === 'emitted' ? '.emitted' : ''}.json`
  const entryPath = (kind: Kind, contentHash: string, name: string) => join(keyDirectory, entryName(kind, contentHash, name))

  // The entries there were when the run began, listed once: looking a missing entry up in the
  // listing is far cheaper than failing to open it (a cold run would otherwise try every one).
  let listing: Set<string> | undefined
  const listed = () => {
    if (!listing) {
      try {
        listing = new Set(readdirSync(keyDirectory))
      } catch {
        listing = new Set()
      }
    }
    return listing
  }

  async function read(kind: Kind, contentHash: string, path: string): Promise<unknown> {
    const name = nameOf(path)
    const entry = entryName(kind, contentHash, name)
    let text: string | undefined
    if (listed().has(entry)) {
      try {
        // Synchronous: a small file in the page cache reads faster than a thread-pool round trip.
        text = readFileSync(join(keyDirectory, entry), 'utf8')
      } catch {
        // Removed since it was listed: a miss.
      }
    }
    if (text === undefined) {
      stats.misses++
      return undefined
    }
    let envelope: Partial<Envelope>
    try {
      envelope = JSON.parse(text) as Partial<Envelope>
    } catch {
      stats.rejected++
      return undefined
    }
    const valid = typeof envelope === 'object' && envelope !== null && envelope.format === cacheFormat && envelope.kind === kind &&
      envelope.toolVersion === key.toolVersion && envelope.configHash === key.configHash && envelope.schemaHash === key.schemaHash &&
      envelope.contentHash === contentHash && envelope.name === name
    if (!valid) {
      stats.rejected++
      return undefined
    }
    return envelope.value
  }

  async function write(kind: Kind, contentHash: string, path: string, value: unknown): Promise<void> {
    if (broken) return
    while (pending.size >= maxPendingWrites) await Promise.race(pending)
    const name = nameOf(path)
    const envelope: Envelope = {format: cacheFormat, kind, ...key, contentHash, name, value}
    const task = (async () => {
      ready ??= prepare(directory, keyDirectory)
      await ready
      const destination = entryPath(kind, contentHash, name)
      const temporary = `${destination}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`
      try {
        await writeFile(temporary, JSON.stringify(envelope))
        await rename(temporary, destination)
        listing?.add(basename(destination))
        stats.writes++
      } catch (error) {
        await unlink(temporary).catch(() => undefined)
        throw error
      }
    })().catch(() => {
      // A cache that cannot be written (read-only checkout, full disk) must not fail the run.
      broken = true
    })
    pending.add(task)
    void task.finally(() => pending.delete(task))
  }

  return {
    directory,
    stats,
    async readFacts(contentHash, path) {
      const stored = await read('facts', contentHash, path)
      if (stored === undefined) return undefined
      const value = decodeFacts(stored)
      if (!isArticleFacts(value) || value.contentHash !== contentHash) {
        stats.rejected++
        return undefined
      }
      stats.hits++
      return value
    },
    async readEmitted(contentHash, path) {
      const value = await read('emitted', contentHash, path)
      if (value === undefined) return undefined
      if (!isEmittedFacts(value)) {
        stats.rejected++
        return undefined
      }
      return value
    },
    writeFacts: (contentHash, path, facts) => write('facts', contentHash, path, encodeFacts(facts)),
    writeEmitted: (contentHash, path, emitted) => write('emitted', contentHash, path, emitted),
    async flush() {
      while (pending.size > 0) await Promise.all(pending)
    }
  }
}

// Compact messages: [reason, ruleId, source, url, fatal, place, note, actual, expected, fix?],
// strings as indexes into the entry's `strings` (-1 for none), fatal as 1, 0 or -1 (null), the
// place as [] or [line, column, offset] or the same for start and end (offset null when absent),
// and a fix, when there is one, as [start line, column, offset, end line, column, offset, text].
type StoredMessage = [number, number, number, number, number, Array<number | null>, number, number, number[] | null, number[]?]
type StoredPoint = Array<number | null>

function encodeFacts(facts: ArticleFacts): unknown {
  const strings: string[] = []
  const indexes = new Map<string, number>()
  const ref = (value: string | null | undefined) => {
    if (value === null || value === undefined) return -1
    let index = indexes.get(value)
    if (index === undefined) {
      index = strings.push(value) - 1
      indexes.set(value, index)
    }
    return index
  }
  const point = (value: Point): StoredPoint => [value.line, value.column, value.offset ?? null]
  const messages = facts.messages.map((message): StoredMessage => {
    const stored: StoredMessage = [
      ref(message.reason), ref(message.ruleId), ref(message.source), ref(message.url),
      message.fatal === true ? 1 : message.fatal === false ? 0 : -1,
      !message.place ? [] : 'start' in message.place ? [...point(message.place.start), ...point(message.place.end)] : point(message.place),
      ref(message.note), ref(message.actual), message.expected ? message.expected.map(ref) : null
    ]
    const fix = message.fix
    if (fix) stored.push([fix.start.line, fix.start.column, fix.start.offset, fix.end.line, fix.end.column, fix.end.offset, ref(fix.text)])
    return stored
  })
  return {...facts, messages, strings}
}

/** The facts from their stored form; anything malformed gives undefined (a rejected entry). */
function decodeFacts(stored: unknown): unknown {
  if (typeof stored !== 'object' || stored === null) return undefined
  const {messages, strings, ...rest} = stored as {messages?: unknown; strings?: unknown}
  if (!Array.isArray(messages) || !Array.isArray(strings) || !strings.every((item) => typeof item === 'string')) return undefined
  const text = (index: unknown): string | null | typeof invalid => (index === -1 ? null : typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < strings.length ? strings[index] as string : invalid)
  const point = (values: unknown[]): Point => {
    const result: Point = {line: values[0] as number, column: values[1] as number}
    if (values[2] !== null) result.offset = values[2] as number
    return result
  }
  const decoded: PlainMessage[] = []
  for (const item of messages) {
    if (!Array.isArray(item) || (item.length !== 9 && item.length !== 10)) return undefined
    const [reason, ruleId, source, url, fatal, place, note, actual, expected, fix] = item as StoredMessage
    const values = [text(reason), text(ruleId), text(source), text(url), text(note), text(actual)]
    if (values.includes(invalid) || values[0] === null) return undefined
    if (!Array.isArray(place) || ![0, 3, 6].includes(place.length) || !place.every((value) => value === null || typeof value === 'number')) return undefined
    const [reasonText, ruleIdText, sourceText, urlText, noteText, actualText] = values as Array<string | null>
    const message: PlainMessage = {
      reason: reasonText!,
      place: place.length === 0 ? null : place.length === 3 ? point(place) : {start: point(place.slice(0, 3)), end: point(place.slice(3))} satisfies Position,
      ruleId: ruleIdText!,
      source: sourceText!,
      url: urlText!,
      fatal: fatal === 1 ? true : fatal === 0 ? false : null
    }
    if (noteText !== null) message.note = noteText!
    if (actualText !== null) message.actual = actualText!
    if (expected !== null) {
      if (!Array.isArray(expected)) return undefined
      const list = expected.map(text)
      if (list.some((value) => value === null || value === invalid)) return undefined
      message.expected = list as string[]
    }
    if (fix !== undefined) {
      if (!Array.isArray(fix) || fix.length !== 7) return undefined
      const fixText = text(fix[6])
      if (fixText === null || fixText === invalid) return undefined
      const candidate = {start: {line: fix[0], column: fix[1], offset: fix[2]}, end: {line: fix[3], column: fix[4], offset: fix[5]}, text: fixText}
      if (!isFix(candidate)) return undefined
      message.fix = candidate
    }
    decoded.push(message)
  }
  return {...rest, messages: decoded}
}

const invalid = Symbol('invalid')

/** The cache key for `config`: this tool, these rules and limits, these schemas. */
export function cacheKeyOf(config: Pick<ResolvedConfig, 'rules' | 'limits'>): CacheKey {
  return {
    toolVersion: toolFingerprint(),
    configHash: sha256(stableJson({rules: config.rules, limits: config.limits})),
    schemaHash: hashFiles([join(packageRoot, 'schemas')])
  }
}

let fingerprint: string | undefined

/**
 * The version, and a hash of the compiled code and the rules' data files: a change to the code
 * without a version bump (a local edit, a pre-release) must still invalidate the cache.
 */
export function toolFingerprint(): string {
  fingerprint ??= `${readPackageJson().version}+${hashFiles([join(packageRoot, 'build', 'src'), join(packageRoot, 'build', 'rules'), join(packageRoot, 'rules', 'data')]).slice(0, 16)}`
  return fingerprint
}

/** The file name an article's slug defaults to (see pipeline/slugs.ts): part of the key. */
function nameOf(path: string): string {
  return basename(path, extname(path))
}

const cacheTag = 'CACHEDIR.TAG'
// The Cache Directory Tagging Specification's signature: backup tools skip a directory holding it.
const cacheTagText = 'Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by healthlint.\n'

/**
 * Create the key directory, and prune old keys. A cache directory healthlint creates gets a
 * .gitignore and a CACHEDIR.TAG; old keys are pruned only in a directory holding that tag, so a
 * `cache.directory` pointed at an existing folder by mistake is never tidied up or git-ignored.
 */
async function prepare(directory: string, keyDirectory: string): Promise<void> {
  if ((await mkdir(directory, {recursive: true})) !== undefined) {
    await writeFile(join(directory, '.gitignore'), '# Created by healthlint: the cache is local to each checkout.\n*\n', {flag: 'wx'}).catch(() => undefined)
    await writeFile(join(directory, cacheTag), cacheTagText, {flag: 'wx'}).catch(() => undefined)
  }
  await mkdir(keyDirectory, {recursive: true})
  if (!(await readFile(join(directory, cacheTag), 'utf8').catch(() => '')).startsWith(cacheTagText.slice(0, 44))) return
  const others: Array<{path: string; mtime: number}> = []
  for (const entry of await readdir(directory, {withFileTypes: true})) {
    const path = join(directory, entry.name)
    if (!entry.isDirectory() || !/^[0-9a-f]{16}$/.test(entry.name) || path === keyDirectory) continue
    others.push({path, mtime: (await stat(path)).mtimeMs})
  }
  others.sort((a, b) => b.mtime - a.mtime)
  for (const old of others.slice(keptOtherKeys)) await rm(old.path, {recursive: true, force: true})
  // Temporary files a killed run left behind (a running one renames its own within moments).
  for (const name of await readdir(keyDirectory)) {
    if (!name.endsWith('.tmp')) continue
    const path = join(keyDirectory, name)
    const age = Date.now() - (await stat(path).catch(() => ({mtimeMs: Date.now()}))).mtimeMs
    if (age > staleTemporaryMs) await rm(path, {force: true})
  }
}

function hashFiles(roots: string[]): string {
  const hash = createHash('sha256')
  for (const root of roots) {
    let names: string[]
    try {
      names = (readdirSync(root, {recursive: true}) as string[]).sort()
    } catch {
      continue
    }
    for (const name of names) {
      if (!/\.(?:js|json)$/.test(name)) continue
      hash.update(`${name}\0`).update(readFileSync(join(root, name))).update('\0')
    }
  }
  return hash.digest('hex')
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** JSON with object keys sorted, so equal configs hash equally whatever their key order. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}
