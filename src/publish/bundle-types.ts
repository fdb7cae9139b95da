// The published bundle's types, for sites that read it (exported from the package).
// GENERATED from schemas/bundle-*.schema.json by test/publish/bundle-types.ts: do not edit;
// run `npx tsc -p tsconfig.json && node build/test/publish/bundle-types.js --write`.
// Later 1.x versions may add keys: a consumer ignores those it does not know.
/* eslint-disable */

/**
 * healthlint published article (articles/<slug>.json). One published article in a healthlint bundle. Every string is plain text except `html` and `sections[].html`, which are sanitised HTML fragments. Later 1.x versions may add keys: ignore those you do not know (tests validate against a strict variant that allows none).
 */
export interface PublishedArticle {
  /**
   * MAJOR.MINOR of the bundle format: any 1.x (see Versioning in the README). A consumer checks MAJOR and ignores keys it does not know.
   */
  schemaVersion: string
  /**
   * The article's address: its files are articles/<slug>.html and articles/<slug>.json.
   */
  slug: string
  title: string
  /**
   * The summary, also the page's meta description.
   */
  description: string
  category: string
  tags: string[]
  lastReviewed: string
  /**
   * Frontmatter `nextReview`, or lastReviewed plus the review-date rule's maxAgeDays (365 by default).
   */
  nextReviewDue: string
  reviewedBy: {
    name: string
    credential: string
  }
  contributors: {
    name: string
    role: string
  }[]
  /**
   * Document readability scores of the article's prose, or null when the article has none to score.
   */
  readability: null | {
    sentences: number
    words: number
    syllables: number
    polysyllables: number
    complexWords: number
    letters: number
    fleschReadingEase: number
    fleschKincaidGrade: number
    smog: number
    gunningFog: number
    colemanLiau: number
    automatedReadabilityIndex: number
    /**
     * UK reading age in years: US grade + 5.
     */
    readingAge: number
  }
  /**
   * The article body as a sanitised HTML fragment, ready to embed.
   */
  html: string
  /**
   * The body split at each top-level heading; each holds what follows its heading up to the next heading of any level.
   */
  sections: {
    /**
     * The heading's id in `html`, so `#<id>` links to it.
     */
    id: string
    /**
     * The heading's text.
     */
    heading: string
    /**
     * The section's content after its heading, as a sanitised HTML fragment.
     */
    html: string
    /**
     * The same content as plain text, whitespace collapsed.
     */
    text: string
  }[]
  /**
   * The items of the red flags section as plain text, in order ([] without one).
   */
  redFlags: string[]
  /**
   * The items of the "when to seek review" section as plain text, in order ([] without one).
   */
  seekReview: string[]
  /**
   * SHA-256 of the source file's bytes, lower-case hex.
   */
  contentHash: string
  /**
   * The article's language, a BCP 47 tag (since 1.2): its `lang`, else the config's site.lang, else en-GB.
   */
  lang: string
  /**
   * The slug of the article this one translates, or null (since 1.2).
   */
  translationOf: null | string
  /**
   * The other language versions of this article, sorted by slug (since 1.2).
   */
  translations: {
    lang: string
    slug: string
    url: string | null
  }[]
  /**
   * The page's canonical address: site.baseUrl + articles/<slug>.html, or null without site.baseUrl (since 1.2).
   */
  url: string | null
  /**
   * The hub's display name from the config's categories, or null when it declares none (since 1.2).
   */
  categoryName: string | null
  /**
   * The evidence the article is based on, from the frontmatter, in order (since 1.2).
   */
  sources: {
    title: string
    url: string
  }[]
  /**
   * The build date the article was first published (since 1.2; see the manifest).
   */
  datePublished: string
  /**
   * The build date its current content was first published (since 1.2; see the manifest).
   */
  dateModified: string
  /**
   * True when published although its clinical review is overdue (publish.overdue: flag); the page then shows a notice (since 1.2).
   */
  reviewOverdue: boolean
  /**
   * The same list as index.json's safetyOverrides (since 1.2).
   */
  safetyOverrides: {
    ruleId: string
    severity: 'off' | 'warning' | 'error'
    defaultSeverity: 'warning' | 'error'
    changedOptions: string[]
    reason: string | null
  }[]
}

/**
 * healthlint bundle index (index.json). Every article in a healthlint bundle, sorted by slug, its hubs, and what it no longer publishes. Later 1.x versions may add keys: ignore those you do not know.
 */
export interface PublishedIndex {
  /**
   * MAJOR.MINOR of the bundle format: any 1.x (see Versioning in the README). A consumer checks MAJOR and ignores keys it does not know.
   */
  schemaVersion: string
  /**
   * Safety rules the build's configuration turned off, lowered below their default severity or gave other options, with the reason it gives (since 1.1). Empty when every safety rule ran as shipped.
   */
  safetyOverrides: {
    ruleId: string
    severity: 'off' | 'warning' | 'error'
    defaultSeverity: 'warning' | 'error'
    changedOptions: string[]
    /**
     * The configuration's reason; null only when the severity is unchanged and just options differ.
     */
    reason: string | null
  }[]
  articles: {
    slug: string
    title: string
    description: string
    category: string
    lastReviewed: string
    nextReviewDue: string
    /**
     * SHA-256 of the source file's bytes, lower-case hex.
     */
    contentHash: string
    /**
     * The article's two files, relative to the bundle's root.
     */
    files: {
      html: string
      json: string
    }
    /**
     * As in the article JSON (since 1.2).
     */
    lang: string
    translationOf: string | null
    url: string | null
    categoryName: string | null
    datePublished: string
    dateModified: string
    reviewOverdue: boolean
  }[]
  /**
   * The config's site settings (since 1.2).
   */
  site: {
    name: string | null
    baseUrl: string | null
    lang: string
  }
  /**
   * Every hub the config declares or an article names, sorted by slug, with its index file (since 1.2).
   */
  categories: {
    slug: string
    name: string | null
    description: string | null
    /**
     * How many articles the hub has.
     */
    articles: number
    file: string
  }[]
  /**
   * Slugs this bundle does not publish but a site may have linked to, and why, sorted by slug (since 1.2). A slug is never both an article and a tombstone.
   */
  tombstones: {
    slug: string
    /**
     * review-overdue: withheld until a clinician reviews it; errors: withheld for other errors; removed: no longer in the articles; renamed-to: published under `to` now. The set may grow in later 1.x versions.
     */
    reason: string
    /**
     * With renamed-to: the slug it is published under now.
     */
    to?: string
    /**
     * The build date from which the slug has been in this state.
     */
    since: string
  }[]
}

/**
 * healthlint build manifest (manifest.json). Every file of the bundle with its SHA-256, what changed since the previous bundle, and each article's publication history (since 1.2). Later 1.x versions may add keys: ignore those you do not know.
 */
export interface PublishedManifest {
  /**
   * MAJOR.MINOR of the bundle format: any 1.x.
   */
  schemaVersion: string
  /**
   * Whether a previous bundle was found (in --out, or --previous) and compared with.
   */
  previous: boolean
  /**
   * Every file of the bundle but manifest.json, sorted by path.
   */
  files: {
    path: string
    sha256: string
    bytes: number
  }[]
  /**
   * Paths added, changed (different SHA-256) and removed since the previous bundle; without one, every file is added.
   */
  changes: {
    added: string[]
    changed: string[]
    removed: string[]
  }
  /**
   * Every published article's history, sorted by slug. The next build reads it to keep datePublished and dateModified.
   */
  articles: {
    slug: string
    /**
     * The article's source file, relative to the working directory of the build.
     */
    source: string
    contentHash: string
    datePublished: string
    dateModified: string
  }[]
  /**
   * Slugs published for the first time, republished with new content, and no longer published, since the previous bundle.
   */
  articleChanges: {
    added: string[]
    updated: string[]
    removed: string[]
  }
}

/**
 * healthlint hub index (hubs/<category>.json). One hub (category): its display name and description from the config, and its articles sorted by slug (since 1.2). Later 1.x versions may add keys: ignore those you do not know.
 */
export interface PublishedHub {
  /**
   * MAJOR.MINOR of the bundle format: any 1.x.
   */
  schemaVersion: string
  slug: string
  /**
   * The display name from the config's categories, or null when it declares none.
   */
  name: string | null
  description: string | null
  articles: {
    slug: string
    title: string
    description: string
    lang: string
    url: string | null
    files: {
      html: string
      json: string
    }
    dateModified: string
    reviewOverdue: boolean
  }[]
}

/**
 * healthlint search index (search-index.json). A MiniSearch index of the published articles (since 1.2). Load it with MiniSearch.loadJSON(JSON.stringify(file.index), file.options); each result's stored fields are title, description, lang, url and file. Later 1.x versions may add keys: ignore those you do not know.
 */
export interface PublishedSearchIndex {
  /**
   * MAJOR.MINOR of the bundle format: any 1.x.
   */
  schemaVersion: string
  engine: 'minisearch'
  options: {
    idField: 'slug'
    fields: string[]
    storeFields: string[]
  }
  /**
   * MiniSearch's own serialisation (its serializationVersion says which).
   */
  index: {
    documentCount: number
    index: unknown[]
    storedFields: {
      [k: string]: unknown | undefined
    }
    serializationVersion: number
    [k: string]: unknown | undefined
  }
}
