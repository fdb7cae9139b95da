// The content-hash cache (`.healthlint-cache/` by default). An unchanged article skips parsing,
// scoring and the rules: its facts (facts.ts) are read back and only what depends on today or
// on the other articles is decided again (finish.ts). The cache holds facts for lint only: what
// `build` publishes is always rendered from the article's source (pipeline/publish.ts).
//
// Layout: one directory per cache key — the tool (its version and a hash of its own compiled
// code, word lists and installed dependencies), the resolved config (data files included, by content) and the schemas —
// holding one file per article, named by the SHA-256 of its bytes and a hash of its file name.
// The file name is part of the key because an article without a `slug` takes its address from it
// (and the frontmatter-schema rule checks it); the directory is not. Writes are atomic (a
// temporary file renamed into place), so concurrent runs can share a cache. The two most
// recently used other key directories are kept (say, two configs used in turn); older ones are
// removed (see `prepare`). Messages are stored compactly (each distinct string once per file):
// most messages of an article repeat a few wordings, and parsing them is most of a warm run.
//
// Trust. The key is predictable, and a pull request can commit files, so an entry is believed
// only when it carries an HMAC made with a secret that no pull request can know or commit: 32
// random bytes created on first use, mode 0600, in `node_modules/.cache/healthlint/` — outside
// the cache directory, in a folder every Node project git-ignores and `npm ci` deletes before
// it installs, so a committed one never reaches CI. An entry without a valid HMAC is ignored
// (counted as rejected) and rewritten. A cache directory or secret that git tracks is not used
// at all, nor one that is, or is reached through, a symbolic link (git can commit links), and
// entries and temporary files are never opened through a link.
import {createHash, createHmac, randomBytes, timingSafeEqual} from 'node:crypto'
import {readdirSync} from 'node:fs'
import {lstat, mkdir, open, readdir, rename, rm, unlink} from 'node:fs/promises'
import {basename, dirname, extname, join, relative} from 'node:path'
import type {ResolvedConfig} from '../config/config.js'
import {findSymbolicLink, isInside, readRegularFile} from './safe-path.js'
import {schemaHash, toolFingerprint} from './fingerprint.js'
import {defaultSecretDirectory, isTracked, loadSecret, secretName} from './secret.js'
import {isArticleFacts} from '../pipeline/facts.js'
import {isFix} from '../rule-kit/fix.js'
import type {ArticleFacts, PlainMessage} from '../pipeline/facts.js'
import type {Point, Position} from 'unist'

/** Bump when the layout or the facts change shape. */
export const cacheFormat = 3

export interface CacheKey {
  /** The package version and a hash of its compiled code and data. */
  toolVersion: string
  /** Hash of the resolved rules and limits (the content of every data file they name included). */
  configHash: string
  /** Hash of the JSON schemas. */
  schemaHash: string
}

export interface CacheStats {
  hits: number
  misses: number
  /** Entries that existed but were corrupt, foreign, unauthenticated or for other content, and were ignored. */
  rejected: number
  writes: number
}

export interface CacheOptions {
  /**
   * The directory of the secret that authenticates entries. Default: `node_modules/.cache/healthlint`
   * in the cache directory's parent (the CLI uses the working directory's).
   */
  secretDirectory?: string
  /**
   * The working directory: symbolic links are looked for on the way from it down to the cache
   * directory and the secret (default: only the cache directory itself is checked).
   */
  root?: string
  /** Told, once and in one line, why the cache is not used (tracked by git, a link, …). */
  onNotice?: (notice: string) => void
}

export interface ArticleCache {
  /** The cache directory (absolute). */
  readonly directory: string
  readonly stats: CacheStats
  /** The cached facts of the article at `path` with these bytes, or undefined. */
  readFacts(contentHash: string, path: string): Promise<ArticleFacts | undefined>
  writeFacts(contentHash: string, path: string, facts: ArticleFacts): Promise<void>
  /**
   * Any other plain data under this key, authenticated like the facts: `slot` names the entry
   * (one per slot, overwritten), `name` is what the entry's file name is made from.
   */
  readRecord(slot: string, name: string): Promise<unknown>
  writeRecord(slot: string, name: string, value: unknown): Promise<void>
  /** Wait for every pending write. */
  flush(): Promise<void>
}

interface Envelope extends CacheKey {
  format: number
  contentHash: string
  name: string
  value: unknown
}

const keptOtherKeys = 2
const maxPendingWrites = 16
const staleTemporaryMs = 10 * 60 * 1000
/** Larger entries are not read: no real article's facts come near it. */
const maxEntryBytes = 16 * 1024 * 1024
const macLength = 64

/** Open the cache in `directory` (absolute) for `key`. Nothing is created until the first read or write. */
export function openCache(directory: string, key: CacheKey, options: CacheOptions = {}): ArticleCache {
  const keyId = sha256(JSON.stringify([cacheFormat, key.toolVersion, key.configHash, key.schemaHash])).slice(0, 16)
  const keyDirectory = join(directory, keyId)
  const secretDirectory = options.secretDirectory ?? defaultSecretDirectory(dirname(directory))
  const stats: CacheStats = {hits: 0, misses: 0, rejected: 0, writes: 0}
  const pending = new Set<Promise<void>>()
  let trust: Promise<Buffer | undefined> | undefined
  let secret: Buffer | undefined
  let ready: Promise<void> | undefined
  let broken = false

  // Whether the cache may be used, and its secret: checked once, on first use.
  const trusted = () => {
    trust ??= checkTrust(directory, keyDirectory, secretDirectory, options).then(
      (value) => (secret = value),
      () => undefined
    )
    return trust
  }

  const entryName = (contentHash: string, name: string) =>
    `${/^[0-9a-f]{64}$/.test(contentHash) ? contentHash : sha256(contentHash)}-${sha256(name).slice(0, 12)}.json`
  // The MAC covers where the entry is as well as what it says, so no entry can be moved to
  // stand for another article or key.
  const macOf = (entry: string, body: string) => createHmac('sha256', secret!).update(`${keyId}\0${entry}\0`).update(body).digest()

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

  async function read(contentHash: string, path: string): Promise<unknown> {
    if (!(await trusted())) {
      stats.misses++
      return undefined
    }
    const name = nameOf(path)
    const entry = entryName(contentHash, name)
    const text = listed().has(entry) ? readEntry(join(keyDirectory, entry)) : undefined
    if (text === undefined) {
      stats.misses++
      return undefined
    }
    if (text === null) {
      stats.rejected++
      return undefined
    }
    // `<hex HMAC>\n<JSON>`: compared in constant time before the JSON is even parsed.
    const body = text.slice(macLength + 1)
    const mac = /^[0-9a-f]{64}\n/.test(text.slice(0, macLength + 1)) ? Buffer.from(text.slice(0, macLength), 'hex') : undefined
    if (!mac || !timingSafeEqual(mac, macOf(entry, body))) {
      stats.rejected++
      return undefined
    }
    let envelope: Partial<Envelope>
    try {
      envelope = JSON.parse(body) as Partial<Envelope>
    } catch {
      stats.rejected++
      return undefined
    }
    const valid = typeof envelope === 'object' && envelope !== null && envelope.format === cacheFormat &&
      envelope.toolVersion === key.toolVersion && envelope.configHash === key.configHash && envelope.schemaHash === key.schemaHash &&
      envelope.contentHash === contentHash && envelope.name === name
    if (!valid) {
      stats.rejected++
      return undefined
    }
    return envelope.value
  }

  async function write(contentHash: string, path: string, value: unknown): Promise<void> {
    if (broken) return
    while (pending.size >= maxPendingWrites) await Promise.race(pending)
    const name = nameOf(path)
    const envelope: Envelope = {format: cacheFormat, ...key, contentHash, name, value}
    const task = (async () => {
      if (!(await trusted())) return
      ready ??= prepare(directory, keyDirectory)
      await ready
      const entry = entryName(contentHash, name)
      const body = JSON.stringify(envelope)
      const destination = join(keyDirectory, entry)
      const temporary = `${destination}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`
      try {
        // `wx` (O_CREAT | O_EXCL) never opens an existing file or a link; rename replaces a
        // link at the destination with the entry rather than writing through it.
        const handle = await open(temporary, 'wx')
        try {
          await handle.writeFile(`${macOf(entry, body).toString('hex')}\n${body}`)
        } finally {
          await handle.close()
        }
        await rename(temporary, destination)
        listing?.add(entry)
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
      const stored = await read(contentHash, path)
      if (stored === undefined) return undefined
      const value = decodeFacts(stored)
      if (!isArticleFacts(value) || value.contentHash !== contentHash) {
        stats.rejected++
        return undefined
      }
      stats.hits++
      return value
    },
    writeFacts: (contentHash, path, facts) => write(contentHash, path, encodeFacts(facts)),
    readRecord: (slot, name) => read(slot, name),
    writeRecord: (slot, name, value) => write(slot, name, value),
    async flush() {
      while (pending.size > 0) await Promise.all(pending)
    }
  }
}

/**
 * Whether the cache may be used: the secret, or undefined after telling `onNotice` why not. The
 * cache directory, its key directory and the secret's directory must not be (or be reached
 * through) symbolic links, and git must track nothing in the cache or secret directory.
 */
async function checkTrust(directory: string, keyDirectory: string, secretDirectory: string, options: CacheOptions): Promise<Buffer | undefined> {
  const root = options.root
  const shown = (path: string) => (root !== undefined && isInside(root, path) ? relative(root, path) || '.' : path)
  const refuse = (notice: string) => {
    options.onNotice?.(notice)
    return undefined
  }
  const linked = (path: string) => {
    try {
      return root !== undefined ? findSymbolicLink(root, path) : findSymbolicLink(dirname(path), path)
    } catch {
      return path
    }
  }
  for (const path of [directory, keyDirectory]) {
    const link = linked(path)
    if (link !== undefined) return refuse(`the cache directory ${shown(directory)} is or passes through a symbolic link (${shown(link)}), so the cache was not used and every article was analysed; make it a plain directory, or delete it.`)
  }
  const secretLink = linked(join(secretDirectory, secretName))
  if (secretLink !== undefined) return refuse(`the cache secret ${shown(join(secretDirectory, secretName))} is or passes through a symbolic link (${shown(secretLink)}), so the cache was not used and every article was analysed; delete ${shown(secretDirectory)}.`)
  const [cacheTracked, secretTracked] = await Promise.all([isTracked(directory), isTracked(secretDirectory)])
  if (cacheTracked) return refuse(`the cache directory ${shown(directory)} is tracked by git, so it was ignored and every article was analysed; a cache must never be committed (remove it with \`git rm -r --cached ${shown(directory)}\`).`)
  if (secretTracked) return refuse(`the cache secret's directory ${shown(secretDirectory)} is tracked by git, so the cache was not used and every article was analysed; remove it with \`git rm -r --cached ${shown(secretDirectory)}\`.`)
  try {
    return await loadSecret(secretDirectory)
  } catch (error) {
    return refuse(`the cache secret ${shown(join(secretDirectory, secretName))} could not be used (${(error as Error).message}), so the cache was not used and every article was analysed; delete it and run again.`)
  }
}

/** A file's text; undefined when it is missing, null when it is not a regular file (a link, say) or too large. */
function readEntry(path: string): string | undefined | null {
  // Removed since it was listed (a miss), or a link (refused).
  const bytes = readRegularFile(path, maxEntryBytes)
  return bytes ? bytes.toString('utf8') : bytes
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

export {defaultSecretDirectory} from './secret.js'
export {toolFingerprint} from './fingerprint.js'

/** The cache key for `config`: this tool, these rules and limits (with their data files' content), these plugins' code, these schemas. */
export function cacheKeyOf(config: Pick<ResolvedConfig, 'rules' | 'limits'> & Partial<Pick<ResolvedConfig, 'plugins'>> & {site?: {lang: string}}): CacheKey {
  const plugins = config.plugins ?? []
  // The site's language decides which rules run on articles without `lang` (only a language
  // other than the default changes the key, so existing caches stay valid).
  const lang = config.site?.lang !== undefined && config.site.lang !== 'en-GB' ? {lang: config.site.lang} : {}
  return {
    toolVersion: toolFingerprint(),
    configHash: sha256(stableJson({rules: config.rules, limits: config.limits, ...(plugins.length > 0 ? {plugins: plugins.map(({name, hash}) => ({name, hash}))} : {}), ...lang})),
    schemaHash: schemaHash()
  }
}

/** The file name an article's slug defaults to (see pipeline/slugs.ts): part of the key. */
function nameOf(path: string): string {
  return basename(path, extname(path))
}

const cacheTag = 'CACHEDIR.TAG'
// The Cache Directory Tagging Specification's signature: backup tools skip a directory holding
// it. Every tool's tag starts with the same signature, so only this exact text is healthlint's.
const cacheTagText = 'Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by healthlint.\n'

/**
 * Create the key directory, and prune old keys. A cache directory healthlint creates gets a
 * .gitignore and a CACHEDIR.TAG; old keys are pruned only in a directory holding that tag with
 * exactly healthlint's text, so a `cache.directory` pointed at an existing folder by mistake (or
 * at another tool's cache) is never tidied up or git-ignored. Nothing is followed through a link.
 */
async function prepare(directory: string, keyDirectory: string): Promise<void> {
  if ((await mkdir(directory, {recursive: true})) !== undefined) {
    // `wx` creates a new file and never writes through a link.
    await writeNew(join(directory, '.gitignore'), '# Created by healthlint: the cache is local to each checkout.\n*\n')
    await writeNew(join(directory, cacheTag), cacheTagText)
  }
  await mkdir(keyDirectory).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error
  })
  for (const path of [directory, keyDirectory]) {
    const stats = await lstat(path)
    if (!stats.isDirectory()) throw new Error(`${path} is not a directory`)
  }
  if (readEntry(join(directory, cacheTag)) !== cacheTagText) return
  const others: Array<{path: string; mtime: number}> = []
  for (const entry of await readdir(directory, {withFileTypes: true})) {
    const path = join(directory, entry.name)
    // A Dirent describes the entry itself: a link to a directory is not a directory here.
    if (!entry.isDirectory() || !/^[0-9a-f]{16}$/.test(entry.name) || path === keyDirectory) continue
    others.push({path, mtime: (await lstat(path)).mtimeMs})
  }
  others.sort((a, b) => b.mtime - a.mtime)
  // rm removes links inside a directory without following them.
  for (const old of others.slice(keptOtherKeys)) await rm(old.path, {recursive: true, force: true})
  // Temporary files a killed run left behind (a running one renames its own within moments).
  for (const entry of await readdir(keyDirectory, {withFileTypes: true})) {
    if (!entry.name.endsWith('.tmp') || !entry.isFile()) continue
    const path = join(keyDirectory, entry.name)
    const age = Date.now() - (await lstat(path).catch(() => ({mtimeMs: Date.now()}))).mtimeMs
    if (age > staleTemporaryMs) await rm(path, {force: true})
  }
}

async function writeNew(path: string, text: string): Promise<void> {
  try {
    const handle = await open(path, 'wx')
    try {
      await handle.writeFile(text)
    } finally {
      await handle.close()
    }
  } catch {
    // Already there (another run made it), or not writable: the cache works without it.
  }
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
