// The files a site needs besides the articles, all derived from the index entries of one build:
// `sitemap.xml`, an Atom feed (`feed.xml`) and a JSON Feed 1.1 (`feed.json`) of new and updated
// articles, `hubs/<category>.json` indexes, and a static search index (`search-index.json`,
// MiniSearch). Sitemap and feeds need absolute addresses, so they are written only when the
// config gives `site.baseUrl`. Dates come from the manifest's history (manifest.ts), never the
// clock; everything is sorted, so the same build gives the same bytes.
import MiniSearch from 'minisearch'
import {toXml} from 'xast-util-to-xml'
import {x} from 'xastscript'
import type {Element as XmlElement} from 'xast'
import type {SiteSettings} from '../config/config.js'
import type {BundleIndexEntry} from './bundle.js'
import type {BundleCategory} from './tombstones.js'

/** Most articles in a feed: the most recently changed. */
export const feedLength = 50

const bySlug = (a: {slug: string}, b: {slug: string}) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)

/** Newest change first, then by slug. */
function newestFirst(entries: readonly BundleIndexEntry[]): BundleIndexEntry[] {
  return [...entries].sort((a, b) => (a.dateModified !== b.dateModified ? (a.dateModified < b.dateModified ? 1 : -1) : bySlug(a, b)))
}

const timestamp = (date: string) => `${date}T00:00:00Z`

/** `sitemap.xml` (sitemaps.org 0.9) with every published page and its `lastmod`. */
export function sitemapOf(entries: readonly BundleIndexEntry[]): string {
  const urls = [...entries].sort(bySlug).filter((entry) => entry.url !== null).map((entry) => x('url', [x('loc', entry.url!), x('lastmod', entry.dateModified)]))
  return xmlDocument(x('urlset', {xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9'}, urls))
}

function feedTitle(site: SiteSettings): string {
  return site.name ?? new URL(site.baseUrl!).host
}

/** An Atom 1.0 feed of the most recently new or updated articles (`feed.xml`). */
export function atomFeedOf(site: SiteSettings, entries: readonly BundleIndexEntry[]): string {
  const items = newestFirst(entries).slice(0, feedLength)
  const updated = items[0]?.dateModified
  const feed = x('feed', {xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': site.lang}, [
    x('id', site.baseUrl + 'feed.xml'),
    x('title', feedTitle(site)),
    // The newest article's date: an empty feed has none of its own, so the epoch stands in.
    x('updated', timestamp(updated ?? '1970-01-01')),
    x('author', [x('name', feedTitle(site))]),
    x('link', {rel: 'self', href: site.baseUrl + 'feed.xml'}),
    x('link', {rel: 'alternate', href: site.baseUrl!}),
    ...items.map((entry) => x('entry', {'xml:lang': entry.lang}, [
      x('id', entry.url!),
      x('title', entry.title),
      x('link', {rel: 'alternate', href: entry.url!, hreflang: entry.lang}),
      x('published', timestamp(entry.datePublished)),
      x('updated', timestamp(entry.dateModified)),
      x('summary', entry.description),
      x('category', {term: entry.category, ...(entry.categoryName ? {label: entry.categoryName} : {})})
    ]))
  ])
  return xmlDocument(feed)
}

/** A JSON Feed 1.1 (`feed.json`) of the same articles as the Atom feed. */
export function jsonFeedOf(site: SiteSettings, entries: readonly BundleIndexEntry[]): Record<string, unknown> {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: feedTitle(site),
    home_page_url: site.baseUrl,
    feed_url: site.baseUrl + 'feed.json',
    language: site.lang,
    items: newestFirst(entries).slice(0, feedLength).map((entry) => ({
      id: entry.url,
      url: entry.url,
      title: entry.title,
      content_text: entry.description,
      summary: entry.description,
      date_published: timestamp(entry.datePublished),
      date_modified: timestamp(entry.dateModified),
      language: entry.lang,
      tags: [entry.category]
    }))
  }
}

function xmlDocument(root: XmlElement): string {
  return toXml({type: 'root', children: [{type: 'instruction', name: 'xml', value: 'version="1.0" encoding="utf-8"'}, {type: 'text', value: '\n'}, root]}, {closeEmptyElements: true}) + '\n'
}

/** The hubs: every category the config declares or an article names, sorted by slug. */
export function categoriesOf(site: SiteSettings, entries: readonly BundleIndexEntry[]): BundleCategory[] {
  const counts = new Map<string, number>(Object.keys(site.categories).map((slug) => [slug, 0]))
  for (const entry of entries) counts.set(entry.category, (counts.get(entry.category) ?? 0) + 1)
  return [...counts].map(([slug, articles]) => {
    const declared = Object.hasOwn(site.categories, slug) ? site.categories[slug]! : undefined
    return {slug, name: declared?.name ?? null, description: declared?.description ?? null, articles, file: `hubs/${slug}.json`}
  }).sort(bySlug)
}

/** `hubs/<category>.json`: the hub's name and description and its articles, sorted by slug. */
export function hubOf(schemaVersion: string, category: BundleCategory, entries: readonly BundleIndexEntry[]): Record<string, unknown> {
  return {
    schemaVersion,
    slug: category.slug,
    name: category.name,
    description: category.description,
    articles: entries.filter((entry) => entry.category === category.slug).sort(bySlug).map((entry) => ({
      slug: entry.slug,
      title: entry.title,
      description: entry.description,
      lang: entry.lang,
      url: entry.url,
      files: entry.files,
      dateModified: entry.dateModified,
      reviewOverdue: entry.reviewOverdue
    }))
  }
}

/** How `search-index.json` was built: pass these to `MiniSearch.loadJSON` to load it. */
export const searchOptions = {
  idField: 'slug',
  fields: ['title', 'description', 'headings', 'safety', 'opening'],
  storeFields: ['title', 'description', 'lang', 'url', 'file']
}

/**
 * The most the index holds of each long field, in characters (cut at a space). A site searches
 * an article by its title, summary, headings, red flags and "when to get help" items and its
 * opening, not its whole body, so the index, and the build's memory while it makes it, grows
 * with the number of articles and not with their length.
 */
export const searchFieldLimits = {headings: 1000, safety: 2000, opening: 1000}

export interface SearchDocument {
  slug: string
  title: string
  description: string
  /** The section headings, one a line. */
  headings: string
  /** The red-flags and seek-review items, one a line. */
  safety: string
  /** The start of the published text. */
  opening: string
  lang: string
  url: string | null
  file: string
}

/** The search record of a published article: bounded fields, holding only their own strings. */
export function searchDocumentOf(article: {slug: string; title: string; description: string; lang: string; url: string | null; sections: ReadonlyArray<{heading: string}>; redFlags: readonly string[]; seekReview: readonly string[]}, file: string, text: string): SearchDocument {
  const document: SearchDocument = {
    slug: article.slug,
    title: article.title,
    description: article.description,
    headings: capped(article.sections.map((section) => section.heading).join('\n'), searchFieldLimits.headings),
    safety: capped([...article.redFlags, ...article.seekReview].join('\n'), searchFieldLimits.safety),
    opening: capped(text, searchFieldLimits.opening),
    lang: article.lang,
    url: article.url,
    file
  }
  // A copy: a substring (a title read from the frontmatter, a slice of the text) can keep the
  // whole string it came from alive, the article's source, for as long as the index lives.
  return JSON.parse(JSON.stringify(document)) as SearchDocument
}

/** `text` up to `max` characters, cut after the last whole word. */
export function capped(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max + 1)
  const space = cut.search(/\s\S*$/)
  return (space > 0 ? cut.slice(0, space) : cut.slice(0, max)).trimEnd()
}

/**
 * The search index: each article's bounded record is kept as it is published, and the index is
 * built from them at the end, once the articles' own data can be collected, so the index's
 * working memory is not held while every other article is analysed.
 */
export function createSearchIndex(): {add(document: SearchDocument): void; toJSON(schemaVersion: string): Record<string, unknown>} {
  const documents: SearchDocument[] = []
  return {
    add: (document) => void documents.push(document),
    toJSON: (schemaVersion) => {
      const search = new MiniSearch<SearchDocument>(searchOptions)
      search.addAll(documents)
      documents.length = 0
      return {schemaVersion, engine: 'minisearch', options: searchOptions, index: search.toJSON()}
    }
  }
}
