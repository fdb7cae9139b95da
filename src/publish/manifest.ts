// The build manifest (`manifest.json`): every file of the bundle with its SHA-256, what changed
// since the previous bundle (so a site can sync incrementally), and each article's history —
// the source it came from, its content hash, and the build dates it was first published and
// last changed. `dateModified` comes from that history, never from the clock: it is the `--now`
// of the build that first published the article's current content.
//
// The previous bundle is the one in `--out` (or `--previous DIR`). It is read as untrusted data:
// regular files only (no symbolic links), at most `maxPreviousBytes`, and checked for the shape
// this module needs; anything else is ignored with a note, never a crash.
import {createHash} from 'node:crypto'
import {lstat, readFile} from 'node:fs/promises'
import {join} from 'node:path'
import type {Tombstone} from './tombstones.js'

export interface ManifestArticle {
  slug: string
  /** The article's source file, relative to the working directory, `/`-separated. */
  source: string
  contentHash: string
  datePublished: string
  dateModified: string
}

export interface ManifestFile {
  path: string
  sha256: string
  bytes: number
}

export interface Changes {
  added: string[]
  changed: string[]
  removed: string[]
}

export interface BundleManifest {
  schemaVersion: string
  /** Whether a previous bundle was found and compared with. */
  previous: boolean
  /** Every file of the bundle but manifest.json, sorted by path. */
  files: ManifestFile[]
  /** Files added, changed and removed since the previous bundle (all `added` without one). */
  changes: Changes
  /** Every published article's history, sorted by slug. */
  articles: ManifestArticle[]
  /** Slugs first published, republished with new content, and no longer published. */
  articleChanges: {added: string[]; updated: string[]; removed: string[]}
}

/** What this build reads of the previous bundle. */
export interface PreviousBundle {
  index?: {articles: Array<{slug: string}>; tombstones?: Tombstone[]}
  manifest?: {articles: ManifestArticle[]; files: ManifestFile[]}
}

/** Largest previous index.json or manifest.json read. */
export const maxPreviousBytes = 64 * 1024 * 1024

/**
 * Read the previous bundle in `directory` (absolute). Missing: undefined. Unreadable or the
 * wrong shape: undefined, with `note` told why (the build then treats every article as new).
 */
export async function readPreviousBundle(directory: string, note: (reason: string) => void = () => {}): Promise<PreviousBundle | undefined> {
  const index = await readJson(join(directory, 'index.json'), note)
  if (index === undefined) return undefined
  if (!isPreviousIndex(index)) {
    note('its index.json is not a healthlint 1.x bundle index, so it is not compared with')
    return undefined
  }
  const previous: PreviousBundle = {index}
  const manifest = await readJson(join(directory, 'manifest.json'), note)
  if (manifest !== undefined) {
    if (isPreviousManifest(manifest)) previous.manifest = manifest
    else note('its manifest.json is not a healthlint 1.x manifest, so article history starts again')
  }
  return previous
}

async function readJson(path: string, note: (reason: string) => void): Promise<unknown> {
  let stats
  try {
    stats = await lstat(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    note(`${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
    return undefined
  }
  if (!stats.isFile() || stats.size > maxPreviousBytes) {
    note(`${path} is not a regular file of at most ${maxPreviousBytes} bytes, so it is ignored`)
    return undefined
  }
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown
  } catch {
    note(`${path} is not valid JSON, so it is ignored`)
    return undefined
  }
}

const slug = /^[a-z0-9]+(-[a-z0-9]+)*$/
const date = /^\d{4}-\d{2}-\d{2}$/
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const isVersion1 = (value: unknown) => typeof value === 'string' && /^1\.\d+$/.test(value)

export function isPreviousIndex(value: unknown): value is NonNullable<PreviousBundle['index']> {
  if (!isObject(value) || !isVersion1(value.schemaVersion) || !Array.isArray(value.articles)) return false
  if (!value.articles.every((entry) => isObject(entry) && typeof entry.slug === 'string' && slug.test(entry.slug))) return false
  if (value.tombstones === undefined) return true
  return Array.isArray(value.tombstones) && value.tombstones.every((tombstone) =>
    isObject(tombstone) && typeof tombstone.slug === 'string' && slug.test(tombstone.slug) && typeof tombstone.reason === 'string' &&
    typeof tombstone.since === 'string' && date.test(tombstone.since) && (tombstone.to === undefined || (typeof tombstone.to === 'string' && slug.test(tombstone.to))))
}

export function isPreviousManifest(value: unknown): value is NonNullable<PreviousBundle['manifest']> {
  if (!isObject(value) || !isVersion1(value.schemaVersion) || !Array.isArray(value.articles) || !Array.isArray(value.files)) return false
  return value.articles.every((article) =>
    isObject(article) && typeof article.slug === 'string' && slug.test(article.slug) && typeof article.source === 'string' &&
    typeof article.contentHash === 'string' && /^[0-9a-f]{64}$/.test(article.contentHash) &&
    typeof article.datePublished === 'string' && date.test(article.datePublished) && typeof article.dateModified === 'string' && date.test(article.dateModified)
  ) && value.files.every((file) => isObject(file) && typeof file.path === 'string' && typeof file.sha256 === 'string')
}

/**
 * Exactly what a build reads of the previous bundle, in a fixed shape: what a shard's build
 * records (build --shard), so that merge-bundles compares with the same previous bundle.
 */
export function projectPrevious(previous: PreviousBundle): PreviousBundle {
  const projected: PreviousBundle = {}
  if (previous.index) {
    projected.index = {articles: previous.index.articles.map((entry) => ({slug: entry.slug}))}
    if (previous.index.tombstones) projected.index.tombstones = previous.index.tombstones.map((tombstone) => ({slug: tombstone.slug, reason: tombstone.reason, ...(tombstone.to === undefined ? {} : {to: tombstone.to}), since: tombstone.since}))
  }
  if (previous.manifest) {
    projected.manifest = {
      articles: previous.manifest.articles.map((article) => ({slug: article.slug, source: article.source, contentHash: article.contentHash, datePublished: article.datePublished, dateModified: article.dateModified})),
      files: previous.manifest.files.map((file) => ({path: file.path, sha256: file.sha256, bytes: typeof file.bytes === 'number' ? file.bytes : 0}))
    }
  }
  return projected
}

/**
 * The dates of an article: carried over from its history while its content hash is the same;
 * `dateModified` becomes `now` when it changed. An article with no history is new in this
 * build (`now`), unless there is no previous manifest at all (a first build, or history lost),
 * when its `lastReviewed` date stands for both.
 */
export function datesOf(previous: PreviousBundle | undefined, article: {slug: string; source: string; contentHash: string; lastReviewed: string}, now: string): {datePublished: string; dateModified: string} {
  const history = previous?.manifest?.articles
  if (history === undefined) return {datePublished: article.lastReviewed, dateModified: article.lastReviewed}
  const before = history.find((entry) => entry.slug === article.slug) ?? history.find((entry) => entry.source === article.source)
  if (before === undefined) return {datePublished: now, dateModified: now}
  return {datePublished: before.datePublished, dateModified: before.contentHash === article.contentHash ? before.dateModified : now}
}

export function sha256(content: string): string {
  return createHash('sha256').update(content, 'utf8').digest('hex')
}

const byPath = (a: {path: string}, b: {path: string}) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)
const bySlug = (a: {slug: string}, b: {slug: string}) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)

/** The manifest of a bundle whose files (but manifest.json) are `files`. */
export function manifestOf(schemaVersion: string, files: readonly ManifestFile[], articles: readonly ManifestArticle[], previous: PreviousBundle | undefined): BundleManifest {
  const sorted = [...files].sort(byPath)
  const before = new Map((previous?.manifest?.files ?? []).map((file) => [file.path, file.sha256]))
  const paths = new Set(sorted.map((file) => file.path))
  const history = new Map((previous?.manifest?.articles ?? []).map((article) => [article.slug, article]))
  const published = new Set(articles.map((article) => article.slug))
  const previousSlugs = previous?.manifest ? [...history.keys()] : (previous?.index?.articles ?? []).map((entry) => entry.slug)
  return {
    schemaVersion,
    previous: previous !== undefined,
    files: sorted,
    changes: {
      added: sorted.filter((file) => !before.has(file.path)).map((file) => file.path),
      changed: sorted.filter((file) => before.has(file.path) && before.get(file.path) !== file.sha256).map((file) => file.path),
      removed: [...before.keys()].filter((path) => !paths.has(path)).sort()
    },
    articles: [...articles].sort(bySlug),
    articleChanges: {
      added: articles.filter((article) => !previousSlugs.includes(article.slug)).map((article) => article.slug).sort(),
      updated: articles.filter((article) => history.has(article.slug) && history.get(article.slug)!.contentHash !== article.contentHash).map((article) => article.slug).sort(),
      removed: previousSlugs.filter((slug) => !published.has(slug)).sort()
    }
  }
}
