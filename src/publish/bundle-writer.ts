// Everything a build writes besides each article's two files, and what it needs to know while
// publishing them: each article's dates (from the previous bundle's manifest), its language
// versions, and whether its only errors are an overdue review (which `publish.overdue` decides).
// The build calls `contextFor` before rendering an article, `published` or `withheld` after, and
// `finish` once at the end, which writes index.json (with tombstones and hubs), hubs/, the
// sitemap and feeds, the search index, the schemas and stylesheet, and last manifest.json with
// the SHA-256 of every file written through `write`.
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import type {VFile} from 'vfile'
import type {ResolvedConfig} from '../config/config.js'
import {packageRoot} from '../config/package-files.js'
import {bundleSchemaVersion, indexOf, toJsonText} from './bundle.js'
import type {BundleIndexEntry} from './bundle.js'
import type {EmittedArticle} from './emit.js'
import {pathOf, slugOf} from '../pipeline/slugs.js'
import {manifestOf, sha256} from './manifest.js'
import {isOverdue, publishContextOf} from './context.js'
import type {ManifestArticle, ManifestFile, PreviousBundle} from './manifest.js'
import type {PublishContext} from './site.js'
import {stylesheetPath} from './site.js'
import {atomFeedOf, categoriesOf, createSearchIndex, hubOf, jsonFeedOf, searchDocumentOf, sitemapOf} from './site-files.js'
import {tombstonesOf} from './tombstones.js'
import type {Tombstone} from './tombstones.js'
import type {TranslationIndex} from './translations.js'
import '../pipeline/data.js'

/** The bundle schemas copied into `schemas/` of every bundle. */
export const bundleSchemaNames = ['bundle-article.schema.json', 'bundle-hub.schema.json', 'bundle-index.schema.json', 'bundle-manifest.schema.json', 'bundle-search-index.schema.json']

export interface BundleWriterOptions {
  config: ResolvedConfig
  now: string
  previous: PreviousBundle | undefined
  translations: TranslationIndex
  /** Write a file into the staged bundle. */
  write: (path: string, content: string) => Promise<void>
}

export type WithheldReason = 'review-overdue' | 'errors'

export interface BundleWriter {
  /** Write a bundle file, recording its hash for the manifest. */
  write(path: string, content: string): Promise<void>
  /** Whether `file`'s only errors come from its overdue review (so `publish.overdue` applies). */
  onlyOverdue(file: VFile): boolean
  /** The dates and language versions of an article about to be rendered. */
  contextFor(file: VFile, reviewOverdue: boolean): PublishContext
  published(file: VFile, emitted: EmittedArticle): void
  withheld(file: VFile, reason: WithheldReason): void
  /** Write the index and every site file, then the manifest. */
  finish(): Promise<{tombstones: Tombstone[]}>
}

export function createBundleWriter(options: BundleWriterOptions): BundleWriter {
  const {config, now, previous, translations} = options
  const files: ManifestFile[] = []
  const entries: BundleIndexEntry[] = []
  const history: ManifestArticle[] = []
  const redirects = new Map<string, {source: string; redirectFrom: readonly string[]}>()
  const withheld = new Map<string, WithheldReason>()
  const search = createSearchIndex()
  const write = async (path: string, content: string) => {
    await options.write(path, content)
    files.push({path, sha256: sha256(content), bytes: Buffer.byteLength(content, 'utf8')})
  }
  const json = (path: string, value: unknown, indent = 2) => write(path, toJsonText(value, indent === 0 ? undefined : indent) + '\n')

  return {
    write,
    onlyOverdue(file) {
      const errors = file.messages.filter((message) => message.fatal === true)
      return errors.length > 0 && errors.every((message) => message.ruleId === 'review-date') && isOverdue(file, config, now)
    },
    contextFor(file, reviewOverdue) {
      return publishContextOf(file, {previous, translations, now}, reviewOverdue)
    },
    published(file, emitted) {
      const {article, entry} = emitted
      // A copy holding only its own strings (a slice of the article's text would keep it alive).
      entries.push(JSON.parse(JSON.stringify(entry)) as BundleIndexEntry)
      history.push({slug: article.slug, source: pathOf(file), contentHash: article.contentHash, datePublished: article.datePublished, dateModified: article.dateModified})
      const redirectFrom = file.data.frontmatter?.data?.redirectFrom
      redirects.set(article.slug, {source: pathOf(file), redirectFrom: Array.isArray(redirectFrom) ? redirectFrom.filter((slug): slug is string => typeof slug === 'string') : []})
      search.add(searchDocumentOf(article, entry.files.html, emitted.text))
    },
    withheld(file, reason) {
      const {slug, safe} = slugAndSafety(file)
      if (safe && !withheld.has(slug)) withheld.set(slug, reason)
    },
    async finish() {
      const tombstones = tombstonesOf({published: redirects, withheld}, previous, now)
      const categories = categoriesOf(config.site, entries)
      const index = {
        ...indexOf(entries, config.safetyOverrides),
        site: {name: config.site.name ?? null, baseUrl: config.site.baseUrl ?? null, lang: config.site.lang},
        categories,
        tombstones
      }
      await json('index.json', index)
      for (const category of categories) await json(category.file, hubOf(bundleSchemaVersion, category, entries))
      if (config.site.baseUrl !== undefined) {
        await write('sitemap.xml', sitemapOf(entries))
        await write('feed.xml', atomFeedOf(config.site, entries))
        await json('feed.json', jsonFeedOf(config.site, entries))
      }
      // Unindented: indenting tripled its size (15 MB for the 1,500 MedQuAD articles, 5.5 MB without).
      await json('search-index.json', search.toJSON(bundleSchemaVersion), 0)
      // Re-serialised like every JSON file of the bundle (`<`, `>` and `&` escaped), so the guarantee has no exception.
      for (const name of bundleSchemaNames) await json(`schemas/${name}`, JSON.parse(readFileSync(join(packageRoot, 'schemas', name), 'utf8')))
      await write(stylesheetPath, readFileSync(join(packageRoot, 'src', 'publish', 'assets', 'healthlint.css'), 'utf8'))
      // Last: it lists every other file.
      await options.write('manifest.json', toJsonText(manifestOf(bundleSchemaVersion, files, history, previous), 2) + '\n')
      return {tombstones}
    }
  }
}

function slugAndSafety(file: VFile): {slug: string; safe: boolean} {
  const {slug} = slugOf(file.data.frontmatter?.data, pathOf(file))
  return {slug, safe: /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) && slug.length <= 80}
}
