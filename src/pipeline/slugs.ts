// Slugs: an article's address, `articles/<slug>.html` in the bundle. A slug comes from the
// frontmatter `slug` or, without one, the file name. Two articles with one slug would overwrite
// each other, so before checking any article, `collectSlugs` reads every article's slug (load
// and frontmatter only: no Markdown parsing) and the `duplicate-slug` rule reports clashes on
// every article involved.
import {basename, extname} from 'node:path'
import type {VFile} from 'vfile'
import type {Limits} from '../config.js'
import {loadArticle} from './load.js'
import {parseFrontmatter} from './frontmatter.js'

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
  const index = new Map<string, string[]>()
  for (const path of paths) {
    const file = await loadArticle(path, cwd, limits)
    if (file.data.loaded) parseFrontmatter(file, limits)
    const {slug} = slugOf(file.data.frontmatter?.data, path)
    const owners = index.get(slug)
    if (owners) owners.push(path)
    else index.set(slug, [path])
  }
  return index
}
