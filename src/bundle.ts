// `healthlint/bundle`: the types of a published bundle and its format version, for a site or app
// that reads `dist/` and never lints. The JSON Schemas of the same formats are
// `healthlint/schemas/bundle-article.schema.json`, `bundle-index.schema.json`,
// `bundle-manifest.schema.json`, `bundle-hub.schema.json` and `bundle-search-index.schema.json`
// (a bundle also carries them in `schemas/`). `Published*` are generated from those schemas and
// are what a consumer should read with (later 1.x versions may add keys); `Bundle*` are what
// this version writes.
export type {BundleArticle, BundleIndex, BundleIndexEntry, BundleSection} from './publish/bundle.js'
export type {PublishedArticle, PublishedIndex, PublishedManifest, PublishedHub, PublishedSearchIndex} from './publish/bundle-types.js'
export {bundleSchemaVersion} from './publish/bundle.js'
