// `healthlint/bundle`: the types of a published bundle and its format version, for a site or app
// that reads `dist/` and never lints. The JSON Schemas of the same formats are
// `healthlint/schemas/bundle-article.schema.json` and `healthlint/schemas/bundle-index.schema.json`.
export type {BundleArticle, BundleIndex, BundleIndexEntry, BundleSection} from './publish/bundle.js'
export {bundleSchemaVersion} from './publish/bundle.js'
