// Which articles are language versions of each other, found before any page is rendered (each
// page links to every other version with `hreflang`). An article names the one it translates
// with `translationOf`; the original and all its translations form one set. Only the articles
// whose frontmatter mentions `translationOf`, and the originals they name, are parsed.
import type {Limits, SiteSettings} from '../config/config.js'
import {loadArticle} from '../pipeline/load.js'
import {parseFrontmatter} from '../pipeline/frontmatter.js'
import {slugOf} from '../pipeline/slugs.js'
import type {SlugIndex} from '../pipeline/slugs.js'
import type {Translation} from './site.js'
import {langOf} from './site.js'

/** Slug → the other versions of that article (sorted by slug); absent without any. */
export type TranslationIndex = ReadonlyMap<string, Translation[]>

export async function readTranslations(paths: readonly string[], slugs: SlugIndex, cwd: string, limits: Limits, site: SiteSettings): Promise<TranslationIndex> {
  const sets = new Map<string, Map<string, string>>()
  const dataOf = (file: Awaited<ReturnType<typeof loadArticle>>) => {
    parseFrontmatter(file, limits)
    const data = file.data.frontmatter?.data
    return data ? JSON.parse(JSON.stringify(data)) as Record<string, unknown> : undefined
  }
  for (const path of paths) {
    const loaded = await loadArticle(path, cwd, limits, {hash: false})
    if (!loaded.data.loaded || !String(loaded.value).includes('translationOf')) continue
    const data = dataOf(loaded)
    if (!data || typeof data.translationOf !== 'string' || data.status === 'draft') continue
    const original = data.translationOf
    // Only an original that exactly one article in the run publishes (duplicate-slug withholds the rest).
    const owners = slugs.get(original)
    if (owners?.length !== 1) continue
    const originalFile = await loadArticle(owners[0]!, cwd, limits, {hash: false})
    const originalData = originalFile.data.loaded ? dataOf(originalFile) : undefined
    if (!originalData || originalData.status === 'draft') continue
    const set = sets.get(original) ?? new Map([[original, langOf(originalData, site)]])
    set.set(slugOf(data, path).slug, langOf(data, site))
    sets.set(original, set)
  }
  const index = new Map<string, Translation[]>()
  for (const set of sets.values()) {
    const versions = [...set].map(([slug, lang]) => ({slug, lang})).sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
    for (const version of versions) index.set(version.slug, versions.filter((other) => other.slug !== version.slug))
  }
  return index
}
