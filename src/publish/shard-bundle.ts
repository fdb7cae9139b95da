// Sharded builds: `build --shard i/n` writes its articles' two files each and, instead of the site
// files (which need every article), `healthlint-shard.json`: the records the site files are made
// from (publish/bundle-writer.ts `BundleParts`), each article's outcome, the previous bundle it
// compared with, and the run it belongs to. `healthlint merge-bundles` joins the shards' records
// and makes the site files with the same code as one build (`finishBundle`), so the merged bundle
// is byte for byte the one an unsharded build writes from the same inputs, config, `--now` and
// previous bundle.
//
// A shard directory may come from another job, perhaps a pull request's: it is read as untrusted
// input. Every value used is checked; only `healthlint-shard.json` and the article files it lists
// (`articles/<slug>.html` and `.json` of the articles it published, as regular files, never
// through a symbolic link, with the size and SHA-256 it records) may be in it, and anything else
// is refused; the merged bundle is written through the build's staging (publish/staging.ts), so
// nothing is written outside --out, and nothing at all unless every shard is sound.
import {createHash} from 'node:crypto'
import {constants} from 'node:fs'
import {lstat, open, readdir} from 'node:fs/promises'
import {resolve} from 'node:path'
import type {ResolvedConfig} from '../config/config.js'
import {findSymbolicLink} from '../io/safe-path.js'
import {ShardInputError, isShardRun, shardsMismatch} from '../pipeline/shard-run.js'
import type {ShardRun} from '../pipeline/shard-run.js'
import {isSafeSlug} from '../pipeline/slugs.js'
import {addCounts, emptyTotals} from '../report/messages.js'
import type {MessageCounts, Totals} from '../report/messages.js'
import {toJsonText} from './bundle.js'
import type {BundleIndexEntry} from './bundle.js'
import {finishBundle} from './bundle-writer.js'
import type {BundleParts, PublishedPart, WithheldPart} from './bundle-writer.js'
import type {ArticleOutcome, BuildSummary} from './build.js'
import {isPreviousIndex, isPreviousManifest, projectPrevious} from './manifest.js'
import type {ManifestFile, PreviousBundle} from './manifest.js'
import type {SearchDocument} from './site-files.js'
import {asOutputError, openStaging, shardRecordName} from './staging.js'
import {recordOutcome} from './outcome.js'

export const shardBundleName = 'healthlint-shard-bundle'
/** The shard record's own version: 1 is this layout. */
export const shardBundleVersion = 1
/** The largest shard record read back (the 1,500 MedQuAD articles make about 3 MB). */
export const maxShardRecordBytes = 256 * 1024 * 1024

/** One article of a shard and what became of it. */
export interface ShardOutcome {
  position: number
  path: string
  outcome: ArticleOutcome
  /** Its messages by severity, or null when they do not count (`--changed`: not reported). */
  counts: MessageCounts | null
}

export interface ShardRecord {
  run: ShardRun
  /** What the shard read of the previous bundle (manifest.ts `projectPrevious`), or null without one. */
  previous: PreviousBundle | null
  parts: BundleParts
  outcomes: ShardOutcome[]
}

/** `healthlint-shard.json`, the last file a shard's build writes. */
export function shardRecordOf(record: ShardRecord): string {
  const {run, previous, parts, outcomes} = record
  return toJsonText({bundle: shardBundleName, version: shardBundleVersion, run, previous, files: parts.files, published: parts.published, withheld: parts.withheld, outcomes}) + '\n'
}

export interface MergeBundlesOptions {
  cwd: string
  config: ResolvedConfig
  /** The output directory, relative to cwd. */
  out: string
}

export interface MergeResult {
  summary: BuildSummary
  /** The messages of the articles the shards reported, as one build counts them for its exit code. */
  totals: Totals
}

/**
 * Join the shard directories `directories` (relative to cwd) into one bundle in `options.out`.
 * Throws ShardInputError (a shard that is not sound, or not part of the others' run) or
 * OutputError (--out cannot be replaced) before anything is written; on any failure the
 * previous output stays as it was.
 */
export async function mergeBundles(directories: readonly string[], options: MergeBundlesOptions): Promise<MergeResult> {
  const shards: Array<{name: string; directory: string; record: ShardRecord}> = []
  for (const name of directories) {
    const directory = resolve(options.cwd, name)
    shards.push({name, directory, record: await readShardRecord(directory, name, options.cwd)})
  }
  const mismatch = shardsMismatch(shards.map(({name, record}) => ({name, run: record.run})), options.config, 'build')
  if (mismatch) throw new ShardInputError(mismatch)
  checkDisjoint(shards)
  for (const shard of shards) await checkListing(shard.directory, shard.name, shard.record.parts.files)
  shards.sort((a, b) => a.record.run.shard.index - b.record.run.shard.index)
  const [first] = shards
  const {run, previous} = first!.record

  const staging = await openStaging(resolve(options.cwd, options.out), {root: options.cwd}).catch((error: unknown) => {
    throw asOutputError(error, options.out)
  })
  try {
    for (const shard of shards) {
      for (const file of shard.record.parts.files) await staging.write(file.path, await readListedFile(shard.directory, shard.name, file))
    }
    const parts: BundleParts = {
      files: shards.flatMap((shard) => shard.record.parts.files),
      published: shards.flatMap((shard) => shard.record.parts.published),
      withheld: shards.flatMap((shard) => shard.record.parts.withheld)
    }
    const {tombstones} = await finishBundle(parts, {config: options.config, now: run.now, previous: previous ?? undefined, write: (path, content) => staging.write(path, content)})
    await staging.commit()
    return resultOf(shards.flatMap((shard) => shard.record.outcomes), tombstones, options.out)
  } catch (error) {
    await staging.discard()
    throw asOutputError(error, options.out)
  }
}

function resultOf(outcomes: ShardOutcome[], tombstones: BuildSummary['tombstones'], out: string): MergeResult {
  const summary: BuildSummary = {out, published: [], withheld: [], skipped: [], overdue: [], flagged: [], tombstones}
  const totals = emptyTotals()
  for (const {path, outcome, counts} of [...outcomes].sort((a, b) => a.position - b.position)) {
    recordOutcome(summary, path, outcome)
    if (counts) addCounts(totals, counts)
  }
  summary.published.sort()
  summary.flagged.sort()
  return {summary, totals}
}

/** Every article of the run in exactly one shard, and no slug published or withheld by two. */
function checkDisjoint(shards: ReadonlyArray<{name: string; record: ShardRecord}>): void {
  const positions = new Map<number, string>()
  const slugs = new Map<string, string>()
  for (const {name, record} of shards) {
    for (const outcome of record.outcomes) {
      const other = positions.get(outcome.position)
      if (other !== undefined) throw new ShardInputError(`${name} and ${other} both hold article ${outcome.position + 1} of the run (${outcome.path}): they are not shards of one split.`)
      positions.set(outcome.position, name)
    }
    const own = new Set([...record.parts.published.map((part) => part.entry.slug), ...record.parts.withheld.map((part) => part.slug)])
    for (const slug of own) {
      const other = slugs.get(slug)
      if (other !== undefined) throw new ShardInputError(`${name} and ${other} both have an article with the slug \`${slug}\`: articles that share a slug are always in one shard, so these are not shards of one split.`)
      slugs.set(slug, name)
    }
  }
  const articles = shards[0]!.record.run.articles
  if (positions.size !== articles) throw new ShardInputError(`the shards hold ${positions.size} of the run's ${articles} articles: a shard's record is incomplete.`)
}

/** The shard directory holds its record and the files it lists, and nothing else. */
async function checkListing(directory: string, name: string, files: readonly ManifestFile[]): Promise<void> {
  const listed = new Set(files.map((file) => file.path.slice('articles/'.length)))
  for (const entry of await readdir(directory, {withFileTypes: true})) {
    if (entry.name === shardRecordName) continue
    if (entry.name !== 'articles' || !entry.isDirectory()) throw new ShardInputError(`${name} holds ${entry.name}, which a shard's build does not write: give the directories \`healthlint build --shard\` wrote, as they are.`)
  }
  const found = await readdir(resolve(directory, 'articles'), {withFileTypes: true}).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return []
    throw error
  })
  for (const entry of found) {
    if (!entry.isFile()) throw new ShardInputError(`${name}/articles/${entry.name} is not a regular file (a symbolic link, or a folder); a shard's build writes only files.`)
    if (!listed.has(entry.name)) throw new ShardInputError(`${name} holds articles/${entry.name}, which its ${shardRecordName} does not list: give the directories \`healthlint build --shard\` wrote, as they are.`)
  }
  if (found.length !== listed.size) throw new ShardInputError(`${name} lacks ${listed.size - found.length} of the article files its ${shardRecordName} lists.`)
}

/** A listed file's text, read without following a link and checked against its size and SHA-256. */
async function readListedFile(directory: string, name: string, file: ManifestFile): Promise<string> {
  const bytes = await readRegularFile(resolve(directory, ...file.path.split('/')), `${name}/${file.path}`, file.bytes)
  if (bytes.length !== file.bytes || createHash('sha256').update(bytes).digest('hex') !== file.sha256) {
    throw new ShardInputError(`${name}/${file.path} is not the file its shard wrote (its size or SHA-256 differs from ${shardRecordName}).`)
  }
  return bytes.toString('utf8')
}

/** A regular file's bytes, opened without following a symbolic link, at most `limit` bytes. */
async function readRegularFile(path: string, label: string, limit: number): Promise<Buffer> {
  let handle
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new ShardInputError(code === 'ENOENT' ? `${label} is missing.` : code === 'ELOOP' ? `${label} is a symbolic link; healthlint never reads a shard's files through a link.` : `${label} cannot be read (${code ?? 'error'}).`)
  }
  try {
    const stats = await handle.stat()
    if (!stats.isFile()) throw new ShardInputError(`${label} is not a regular file.`)
    if (stats.size > limit) throw new ShardInputError(`${label} is larger (${stats.size} bytes) than ${limit === maxShardRecordBytes ? `the ${limit} bytes a shard record may have` : 'its shard recorded'}.`)
    return await handle.readFile()
  } finally {
    await handle.close()
  }
}

async function readShardRecord(directory: string, name: string, cwd: string): Promise<ShardRecord> {
  const link = findSymbolicLink(cwd, directory)
  if (link !== undefined) throw new ShardInputError(`${name} ${link === directory ? 'is' : `goes through ${link}, which is`} a symbolic link; give the shard directories themselves.`)
  const stats = await lstat(directory).catch(() => undefined)
  if (!stats?.isDirectory()) throw new ShardInputError(`${name} is not a directory: give the --out directories of \`healthlint build --shard\`.`)
  const bytes = await readRegularFile(resolve(directory, shardRecordName), `${name}/${shardRecordName}`, maxShardRecordBytes).catch((error: unknown) => {
    if (error instanceof ShardInputError && error.message.endsWith('is missing.')) throw new ShardInputError(`${name} has no ${shardRecordName}: it is not the output of \`healthlint build --shard\`.`)
    throw error
  })
  let value: unknown
  try {
    value = JSON.parse(bytes.toString('utf8'))
  } catch {
    throw new ShardInputError(`${name}/${shardRecordName} is not valid JSON.`)
  }
  return checkRecord(value, `${name}/${shardRecordName}`)
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0
const isDate = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
const isHash = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f]{64}$/.test(value)
const isText = (value: unknown): value is string => typeof value === 'string'
const isSlug = (value: unknown): value is string => typeof value === 'string' && isSafeSlug(value)
const isTextOrNull = (value: unknown): value is string | null => value === null || typeof value === 'string'
const hasKeys = (value: Record<string, unknown>, keys: readonly string[]) => Object.keys(value).length === keys.length && keys.every((key) => Object.hasOwn(value, key))

/** The record, checked value by value and rebuilt from the checked values only. */
function checkRecord(value: unknown, label: string): ShardRecord {
  const fail = (what: string): never => {
    throw new ShardInputError(`${label} ${what}: it is damaged, or not written by healthlint.`)
  }
  if (!isObject(value) || value.bundle !== shardBundleName) throw new ShardInputError(`${label} is not a healthlint shard record: give the --out directories of \`healthlint build --shard\`.`)
  if (value.version !== shardBundleVersion) throw new ShardInputError(`${label} is a shard record of version ${JSON.stringify(value.version)}; this healthlint reads version ${shardBundleVersion}.`)
  const run = value.run
  if (!isShardRun(run) || run.command !== 'build') return fail('has no valid `run`')
  const articles = run.articles
  const isPosition = (position: unknown): position is number => isCount(position) && position < articles

  let previous: PreviousBundle | null = null
  if (value.previous !== null) {
    const given = value.previous
    if (!isObject(given) || !isPreviousIndex({schemaVersion: '1.0', ...(isObject(given.index) ? given.index : {})}) || (given.manifest !== undefined && !isPreviousManifest({schemaVersion: '1.0', ...(isObject(given.manifest) ? given.manifest : {})}))) return fail('has a `previous` bundle that is not valid')
    previous = projectPrevious(given as PreviousBundle)
  }

  if (!Array.isArray(value.files)) return fail('has no list of `files`')
  const files: ManifestFile[] = value.files.map((file: unknown) => {
    if (!isObject(file) || !isText(file.path) || !/^articles\/[a-z0-9]+(-[a-z0-9]+)*\.(html|json)$/.test(file.path) || !isHash(file.sha256) || !isCount(file.bytes)) return fail('lists a file that is not an article page or record')
    return {path: file.path, sha256: file.sha256, bytes: file.bytes}
  })

  if (!Array.isArray(value.published)) return fail('has no list of `published` articles')
  const published = value.published.map((part: unknown) => checkPublished(part, isPosition) ?? fail('has a published article whose record is not valid'))
  if (!Array.isArray(value.withheld)) return fail('has no list of `withheld` articles')
  const withheld = value.withheld.map((part: unknown): WithheldPart => {
    if (!isObject(part) || !isPosition(part.position) || !isSlug(part.slug) || (part.reason !== 'errors' && part.reason !== 'review-overdue')) return fail('has a withheld article whose record is not valid')
    return {position: part.position, slug: part.slug, reason: part.reason}
  })
  if (!Array.isArray(value.outcomes)) return fail('has no list of `outcomes`')
  const outcomes = value.outcomes.map((item: unknown) => checkOutcome(item, isPosition) ?? fail('has an article outcome that is not valid'))

  // The files are exactly the two of each published article, each once.
  const expected = published.flatMap((part) => [part.entry.files.html, part.entry.files.json]).sort()
  const paths = files.map((file) => file.path).sort()
  if (expected.length !== paths.length || expected.some((path, index) => path !== paths[index])) return fail('lists files that are not the two of each published article')
  const publishedSlugs = new Set(published.map((part) => part.entry.slug))
  if (publishedSlugs.size !== published.length) return fail('publishes a slug twice')
  const outcomeSlugs = outcomes.flatMap((item) => (item.outcome.status === 'published' ? [item.outcome.slug] : [])).sort()
  if (outcomeSlugs.length !== publishedSlugs.size || outcomeSlugs.some((slug) => !publishedSlugs.has(slug))) return fail('has outcomes that disagree with its published articles')
  const outcomeAt = new Map(outcomes.map((item) => [item.position, item.outcome]))
  if (outcomeAt.size !== outcomes.length) return fail('lists an article twice')
  if (published.some((part) => {
    const outcome = outcomeAt.get(part.position)
    return outcome?.status !== 'published' || outcome.slug !== part.entry.slug
  }) || withheld.some((part) => outcomeAt.get(part.position)?.status !== 'withheld')) return fail('has records that disagree with its outcomes')
  return {run, previous, parts: {files, published, withheld}, outcomes}
}

function checkPublished(part: unknown, isPosition: (value: unknown) => value is number): PublishedPart | undefined {
  if (!isObject(part) || !isPosition(part.position) || !isObject(part.entry) || !isObject(part.history) || !isObject(part.search)) return undefined
  if (!Array.isArray(part.redirectFrom) || !part.redirectFrom.every(isText)) return undefined
  const entry = checkEntry(part.entry)
  const {history, search} = part
  if (!entry || !hasKeys(history, ['slug', 'source', 'contentHash', 'datePublished', 'dateModified']) || history.slug !== entry.slug || !isText(history.source) ||
    history.contentHash !== entry.contentHash || history.datePublished !== entry.datePublished || history.dateModified !== entry.dateModified) return undefined
  const searchKeys = ['slug', 'title', 'description', 'headings', 'safety', 'opening', 'lang', 'url', 'file'] as const
  if (!hasKeys(search, searchKeys) || search.slug !== entry.slug || search.file !== entry.files.html || search.url !== entry.url ||
    ![search.title, search.description, search.headings, search.safety, search.opening, search.lang].every(isText)) return undefined
  const document: SearchDocument = {
    slug: entry.slug,
    title: search.title as string,
    description: search.description as string,
    headings: search.headings as string,
    safety: search.safety as string,
    opening: search.opening as string,
    lang: search.lang as string,
    url: entry.url,
    file: entry.files.html
  }
  return {
    position: part.position,
    entry,
    history: {slug: entry.slug, source: history.source, contentHash: entry.contentHash, datePublished: entry.datePublished, dateModified: entry.dateModified},
    redirectFrom: part.redirectFrom as string[],
    search: document
  }
}

const entryKeys = ['slug', 'title', 'description', 'category', 'lastReviewed', 'nextReviewDue', 'contentHash', 'files', 'lang', 'translationOf', 'url', 'categoryName', 'datePublished', 'dateModified', 'reviewOverdue'] as const

/** An index entry as emit.ts makes it (same keys, same order), or undefined. */
function checkEntry(entry: Record<string, unknown>): BundleIndexEntry | undefined {
  if (!hasKeys(entry, entryKeys) || !isSlug(entry.slug) || !isObject(entry.files)) return undefined
  const {files} = entry
  if (!hasKeys(files, ['html', 'json']) || files.html !== `articles/${entry.slug}.html` || files.json !== `articles/${entry.slug}.json`) return undefined
  if (![entry.title, entry.description, entry.category, entry.lang].every(isText) || ![entry.lastReviewed, entry.nextReviewDue, entry.datePublished, entry.dateModified].every(isDate)) return undefined
  if (!isHash(entry.contentHash) || !isTextOrNull(entry.translationOf) || !isTextOrNull(entry.url) || !isTextOrNull(entry.categoryName) || typeof entry.reviewOverdue !== 'boolean') return undefined
  return {
    slug: entry.slug,
    title: entry.title as string,
    description: entry.description as string,
    category: entry.category as string,
    lastReviewed: entry.lastReviewed as string,
    nextReviewDue: entry.nextReviewDue as string,
    contentHash: entry.contentHash,
    files: {html: files.html, json: files.json},
    lang: entry.lang as string,
    translationOf: entry.translationOf,
    url: entry.url,
    categoryName: entry.categoryName,
    datePublished: entry.datePublished as string,
    dateModified: entry.dateModified as string,
    reviewOverdue: entry.reviewOverdue
  }
}

function checkOutcome(item: unknown, isPosition: (value: unknown) => value is number): ShardOutcome | undefined {
  if (!isObject(item) || !isPosition(item.position) || !isText(item.path) || !isObject(item.outcome)) return undefined
  const given = item.outcome
  let outcome: ArticleOutcome
  if (given.status === 'published' && isSlug(given.slug) && (given.reviewOverdue === undefined || given.reviewOverdue === true)) outcome = given.reviewOverdue ? {status: 'published', slug: given.slug, reviewOverdue: true} : {status: 'published', slug: given.slug}
  else if (given.status === 'withheld' && (given.reason === undefined || given.reason === 'review-overdue')) outcome = given.reason ? {status: 'withheld', reason: 'review-overdue'} : {status: 'withheld'}
  else if (given.status === 'skipped') outcome = {status: 'skipped'}
  else return undefined
  let counts: ShardOutcome['counts'] = null
  if (item.counts !== null) {
    const given = item.counts
    if (!isObject(given) || !isCount(given.errors) || !isCount(given.warnings) || !isCount(given.infos)) return undefined
    counts = {errors: given.errors, warnings: given.warnings, infos: given.infos}
  }
  return {position: item.position, path: item.path, outcome, counts}
}
