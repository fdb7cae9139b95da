// Everything a build writes besides each article's two files, and what it needs to know while
// publishing them: each article's dates (from the previous bundle's manifest), its language
// versions, and whether its only errors are an overdue review (which `publish.overdue` decides).
// The build calls `contextFor` before rendering an article, `published` or `withheld` after, and
// `finish` once at the end, which writes index.json (with tombstones and hubs), hubs/, the
// sitemap and feeds, the search index, the schemas and stylesheet, and last manifest.json with
// the SHA-256 of every file written through `write`.
//
// What `finish` needs is kept as `BundleParts`, each record with the article's place in the run:
// a shard's build (`build --shard`) writes its parts instead of the site files, and
// `merge-bundles` joins the shards' parts and calls `finishBundle`, so the site files are made by
// the same code, from the same records in the same order, as in one build.
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
import type {SearchDocument} from './site-files.js'
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
  /** The article's index among the run's articles (default: the order the writer is told of them). */
  positionOf?: (file: VFile) => number
}

export type WithheldReason = 'review-overdue' | 'errors'

/** One published article, as the site files need it. */
export interface PublishedPart {
  /** The article's index among the run's articles (the input order). */
  position: number
  entry: BundleIndexEntry
  history: ManifestArticle
  /** The slugs it was published under before (its `redirectFrom`). */
  redirectFrom: string[]
  search: SearchDocument
}

/** One withheld article with a safe slug (the first in the run for its slug). */
export interface WithheldPart {
  position: number
  slug: string
  reason: WithheldReason
}

/** What the site files are made from: every file written so far and every article's record. */
export interface BundleParts {
  files: ManifestFile[]
  published: PublishedPart[]
  withheld: WithheldPart[]
}

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
  /** What `finish` would make the site files from (a shard's build writes these instead). */
  parts(): BundleParts
}

export function createBundleWriter(options: BundleWriterOptions): BundleWriter {
  const {config, now, previous, translations} = options
  const files: ManifestFile[] = []
  const published: PublishedPart[] = []
  const withheld: WithheldPart[] = []
  const withheldSlugs = new Set<string>()
  let order = 0
  const positionOf = options.positionOf ?? (() => order++)
  const write = async (path: string, content: string) => {
    await options.write(path, content)
    files.push({path, sha256: sha256(content), bytes: Buffer.byteLength(content, 'utf8')})
  }

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
      const redirectFrom = file.data.frontmatter?.data?.redirectFrom
      // A copy holding only its own strings (a slice of the article's text would keep it alive).
      published.push(JSON.parse(JSON.stringify({
        position: positionOf(file),
        entry,
        history: {slug: article.slug, source: pathOf(file), contentHash: article.contentHash, datePublished: article.datePublished, dateModified: article.dateModified},
        redirectFrom: Array.isArray(redirectFrom) ? redirectFrom.filter((slug): slug is string => typeof slug === 'string') : [],
        search: searchDocumentOf(article, entry.files.html, emitted.text)
      })) as PublishedPart)
    },
    withheld(file, reason) {
      const {slug, safe} = slugAndSafety(file)
      const position = positionOf(file)
      if (safe && !withheldSlugs.has(slug)) {
        withheldSlugs.add(slug)
        withheld.push({position, slug, reason})
      }
    },
    finish: () => finishBundle({files, published, withheld}, {config, now, previous, write: options.write}),
    parts: () => ({files, published, withheld})
  }
}

export interface FinishOptions {
  config: ResolvedConfig
  now: string
  previous: PreviousBundle | undefined
  write: (path: string, content: string) => Promise<void>
}

/**
 * Write the site files of a bundle whose articles are `parts` (records in any order: they are
 * taken in the run's order), then the manifest, which lists `parts.files` and every site file.
 */
export async function finishBundle(parts: BundleParts, options: FinishOptions): Promise<{tombstones: Tombstone[]}> {
  const {config, now, previous} = options
  const byPosition = (a: {position: number}, b: {position: number}) => a.position - b.position
  const published = [...parts.published].sort(byPosition)
  const files = [...parts.files]
  const write = async (path: string, content: string) => {
    await options.write(path, content)
    files.push({path, sha256: sha256(content), bytes: Buffer.byteLength(content, 'utf8')})
  }
  const json = (path: string, value: unknown, indent = 2) => write(path, toJsonText(value, indent === 0 ? undefined : indent) + '\n')
  const entries = published.map((part) => part.entry)
  const redirects = new Map(published.map((part) => [part.entry.slug, {source: part.history.source, redirectFrom: part.redirectFrom}]))
  const withheld = new Map<string, WithheldReason>()
  for (const part of [...parts.withheld].sort(byPosition)) if (!withheld.has(part.slug)) withheld.set(part.slug, part.reason)

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
  const search = createSearchIndex()
  for (const part of published) search.add(part.search)
  // Unindented: indenting tripled its size (15 MB for the 1,500 MedQuAD articles, 5.5 MB without).
  await json('search-index.json', search.toJSON(bundleSchemaVersion), 0)
  // Re-serialised like every JSON file of the bundle (`<`, `>` and `&` escaped), so the guarantee has no exception.
  for (const name of bundleSchemaNames) await json(`schemas/${name}`, JSON.parse(readFileSync(join(packageRoot, 'schemas', name), 'utf8')))
  await write(stylesheetPath, readFileSync(join(packageRoot, 'src', 'publish', 'assets', 'healthlint.css'), 'utf8'))
  // Last: it lists every other file.
  await options.write('manifest.json', toJsonText(manifestOf(bundleSchemaVersion, files, published.map((part) => part.history), previous), 2) + '\n')
  return {tombstones}
}

function slugAndSafety(file: VFile): {slug: string; safe: boolean} {
  const {slug} = slugOf(file.data.frontmatter?.data, pathOf(file))
  return {slug, safe: /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) && slug.length <= 80}
}
