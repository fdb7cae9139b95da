// The bundle format: its types, and the light parts shared by the emit stage and the build (which
// needs only these when every article's output comes from the cache).
import type {VFile} from 'vfile'
import type {ReadabilityScores} from '../pipeline/score.js'
import '../pipeline/data.js'
import type {SafetyOverride} from '../config/config.js'
import {toJsonOverride} from '../report/overrides.js'
import type {JsonSafetyOverride} from '../report/overrides.js'
import type {Source} from './site.js'
import type {BundleCategory, Tombstone} from './tombstones.js'

/** The bundle format's version: see "Versioning" in the README. Bump it by the rule given there. */
export const bundleSchemaVersion = '1.2'

/** Whether the article asks not to be published yet. */
export function isDraft(file: VFile): boolean {
  return file.data.frontmatter?.data?.status === 'draft'
}

/** The index of a bundle: entries sorted by slug (code-unit order, independent of locale). */
export function indexOf(entries: Iterable<BundleIndexEntry>, safetyOverrides: readonly SafetyOverride[] = []): BundleIndex {
  const articles = [...entries].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
  // A site embedding the bundle can see whether every safety rule ran as shipped.
  return {schemaVersion: bundleSchemaVersion, safetyOverrides: safetyOverrides.map(toJsonOverride), articles}
}

/**
 * JSON that is safe wherever it is pasted: inside HTML, a `<script>` block or a JavaScript
 * string. `<`, `>`, `&`, U+2028 and U+2029 only occur inside JSON strings, where `\uXXXX` means
 * the same character.
 */
export function toJsonText(value: unknown, indent?: number): string {
  // Plain replacements, not one with a callback: a page's JSON record holds thousands of `<`.
  return JSON.stringify(value, null, indent).replaceAll('<', '\\u003c').replaceAll('>', '\\u003e').replaceAll('&', '\\u0026').replaceAll('\u2028', '\\u2028').replaceAll('\u2029', '\\u2029')
}

export interface BundleSection {
  /** The heading's `id` in `html` (starts with `user-content-`). */
  id: string
  heading: string
  /** The section's content after its heading, up to the next heading of any level. */
  html: string
  text: string
}

export interface BundleArticle {
  schemaVersion: string
  slug: string
  title: string
  description: string
  category: string
  tags: string[]
  lastReviewed: string
  nextReviewDue: string
  reviewedBy: {name: string; credential: string}
  contributors: Array<{name: string; role: string}>
  readability: ReadabilityScores | null
  html: string
  sections: BundleSection[]
  redFlags: string[]
  seekReview: string[]
  contentHash: string
  /** Since 1.2: the language, the site's address, hub name, evidence, dates and review state. */
  lang: string
  translationOf: string | null
  translations: Array<{lang: string; slug: string; url: string | null}>
  url: string | null
  categoryName: string | null
  sources: Source[]
  datePublished: string
  dateModified: string
  reviewOverdue: boolean
  safetyOverrides: JsonSafetyOverride[]
}

export interface BundleIndexEntry {
  slug: string
  title: string
  description: string
  category: string
  lastReviewed: string
  nextReviewDue: string
  contentHash: string
  files: {html: string; json: string}
  /** Since 1.2. */
  lang: string
  translationOf: string | null
  url: string | null
  categoryName: string | null
  datePublished: string
  dateModified: string
  reviewOverdue: boolean
}

export interface BundleIndex {
  schemaVersion: string
  /** Safety rules the build's configuration changed, and why (see report/overrides.ts). */
  safetyOverrides: JsonSafetyOverride[]
  articles: BundleIndexEntry[]
  /** Since 1.2: the site, its hubs, and what is no longer (or not yet again) published. */
  site?: {name: string | null; baseUrl: string | null; lang: string}
  categories?: BundleCategory[]
  tombstones?: Tombstone[]
}
