// The light parts of the bundle format, shared by the emit stage and the build (which needs
// only these when every article's output comes from the cache).
import type {VFile} from 'vfile'
import type {BundleIndex, BundleIndexEntry} from './emit.js'
import '../vfile-data.js'
import type {SafetyOverride} from '../config.js'
import {toJsonOverride} from '../report/overrides.js'

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
  return JSON.stringify(value, null, indent).replace(/[<>&\u2028\u2029]/g, (character) => '\\u' + character.charCodeAt(0).toString(16).padStart(4, '0'))
}
