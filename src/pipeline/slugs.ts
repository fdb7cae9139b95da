// Slugs: an article's address, `articles/<slug>.html` in the bundle. A slug comes from the
// frontmatter `slug` or, without one, the file name. Two articles with one slug would overwrite
// each other, so before checking any article, `collectSlugs` reads every article's slug (load
// and frontmatter only: no Markdown parsing) and the `duplicate-slug` rule reports clashes on
// every article involved. Most articles have no `slug` field, and a quick look at the bytes
// that could hold the YAML proves it, so the YAML is parsed only when it might have one.
import {basename, extname} from 'node:path'
import type {VFile} from 'vfile'
import type {Limits} from '../config/config.js'
import {loadArticle} from './load.js'

/** Lower-case letters and digits in words joined by single hyphens: never `.`, `/` or `\`. */
export const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/
export const maxSlugLength = 80

/** Slug → the paths (as given) of the articles that use it, in input order. */
export type SlugIndex = ReadonlyMap<string, readonly string[]>

export interface SlugSource {
  slug: string
  /** Whether the slug was written in the frontmatter (true) or taken from the file name. */
  fromFrontmatter: boolean
}

/** The slug an article is published under (not checked: see `isSafeSlug`). */
export function slugOf(data: Record<string, unknown> | undefined, path: string): SlugSource {
  if (typeof data?.slug === 'string') return {slug: data.slug, fromFrontmatter: true}
  return {slug: basename(path, extname(path)), fromFrontmatter: false}
}

export function isSafeSlug(slug: string): boolean {
  return slug.length <= maxSlugLength && slugPattern.test(slug)
}

/** The path an article was given as (what reports show and `SlugIndex` lists). */
export function pathOf(file: VFile): string {
  return file.history[0] ?? ''
}

/** Read the slug of every article in `paths`; unreadable articles count under their file name. */
export async function collectSlugs(paths: readonly string[], cwd: string, limits: Limits): Promise<SlugIndex> {
  return (await readRunIndex(paths, cwd, limits)).slugs
}

export interface RunIndex {
  slugs: SlugIndex
  /** Path → SHA-256 of the bytes read, for the articles that could be read. */
  hashes: ReadonlyMap<string, string>
}

/**
 * Read every article once before checking any: its slug (see above), and the hash of its bytes,
 * so that an article found in the cache need not be read a second time. `scope` is every
 * article whose slug counts (by default `paths`): `lint --changed` checks a few articles but
 * must see a clash with any article left unchanged. Hashes are kept for `paths` only.
 */
export async function readRunIndex(paths: readonly string[], cwd: string, limits: Limits, scope: readonly string[] = paths): Promise<RunIndex> {
  const index = new Map<string, string[]>()
  const hashes = new Map<string, string>()
  const checked = new Set(paths)
  const inScope = new Set(scope)
  let frontmatter: Promise<typeof import('./frontmatter.js')> | undefined
  for (const path of [...scope, ...paths.filter((path) => !inScope.has(path))]) {
    const file = await loadArticle(path, cwd, limits, {hash: checked.has(path)})
    if (file.data.contentHash !== undefined) hashes.set(path, file.data.contentHash)
    if (file.data.loaded && mayHaveSlugField(String(file.value), limits)) {
      frontmatter ??= import('./frontmatter.js')
      ;(await frontmatter).parseFrontmatter(file, limits)
    }
    // A copy: a slug parsed out of the frontmatter may be a slice of the whole text, which the
    // index would otherwise keep alive for the rest of the run.
    const slug = JSON.parse(JSON.stringify(slugOf(file.data.frontmatter?.data, path).slug)) as string
    const owners = index.get(slug)
    if (owners) owners.push(path)
    else index.set(slug, [path])
  }
  return {slugs: index, hashes}
}

/**
 * False when the frontmatter parser cannot find a `slug` key in `text`: there is no YAML block
 * (parseFrontmatter reads one only after a first line of exactly `---`, up to the first line of
 * exactly `---`, and at most `maxFrontmatterBytes` of it), or the block has neither the letters
 * `slug` nor a backslash (a double-quoted key could spell them with escapes). Anchors, aliases
 * and tags that could build a key are refused by the parser anyway.
 */
export function mayHaveSlugField(text: string, limits: Limits): boolean {
  const firstBreak = text.indexOf('\n')
  if (firstBreak === -1 || text.slice(0, firstBreak).replace(/\r$/, '').trimEnd() !== '---') return false
  const close = /^---[ \t]*\r?$/gm
  close.lastIndex = firstBreak + 1
  const found = close.exec(text)
  if (!found) return false
  // A block over the byte limit is not parsed; a block within it has at most that many characters.
  const yaml = text.slice(firstBreak + 1, Math.min(found.index, firstBreak + 1 + limits.maxFrontmatterBytes))
  return yaml.includes('slug') || yaml.includes('\\')
}
