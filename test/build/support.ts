// Helpers for the build tests (their projects come from ../project.ts): articles with valid
// frontmatter, whole directory snapshots, and a check that a bundle on disk matches its schemas
// exactly.
import assert from 'node:assert/strict'
import {readFile, readdir} from 'node:fs/promises'
import {join, relative, sep} from 'node:path'
import {compileSchema} from '../../src/config/schema.js'
import {readSchema} from '../../src/config/package-files.js'

import {createHash} from 'node:crypto'
import {bundleSchemaVersion} from '../../src/publish/bundle.js'

/**
 * The strict variant of a published bundle schema, for our own tests: the shipped schemas let
 * consumers accept any 1.x and keys added later; our output must have exactly the current
 * version and no key the schema does not name.
 */
export function strictSchema(schema: Record<string, unknown>): Record<string, unknown> {
  const strict = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strict)
    if (typeof node !== 'object' || node === null) return node
    const copy = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, strict(value)])) as Record<string, unknown>
    if (copy.properties !== undefined && copy.additionalProperties === undefined) copy.additionalProperties = false
    const properties = copy.properties as Record<string, unknown> | undefined
    if (properties?.schemaVersion !== undefined) properties.schemaVersion = {const: bundleSchemaVersion}
    return copy
  }
  return strict(schema) as Record<string, unknown>
}

const strictValidator = (name: string) => compileSchema(strictSchema(readSchema(name)))
export const validateArticle = strictValidator('bundle-article.schema.json')
export const validateIndex = strictValidator('bundle-index.schema.json')
export const validateManifest = strictValidator('bundle-manifest.schema.json')
export const validateHub = strictValidator('bundle-hub.schema.json')
export const validateSearchIndex = strictValidator('bundle-search-index.schema.json')

export interface ArticleFields {
  title?: string
  description?: string
  slug?: string
  lastReviewed?: string
  extra?: string
}

/** The number of lines `article()` puts before the body (both fences included). */
export const headerLines = 9

/** A whole article file: valid frontmatter (9 lines, plus one per `slug`/`extra` line) and `body`. */
export function article(body: string, fields: ArticleFields = {}): string {
  return [
    '---',
    `title: ${JSON.stringify(fields.title ?? 'Placeholder article')}`,
    `description: ${JSON.stringify(fields.description ?? 'A placeholder article used to test publishing.')}`,
    'category: testing',
    `lastReviewed: ${fields.lastReviewed ?? '2025-12-22'}`,
    'reviewedBy:',
    '  name: Dr Jane Smith',
    '  credential: GMC registered GP',
    ...(fields.slug ? [`slug: ${fields.slug}`] : []),
    ...(fields.extra ? [fields.extra] : []),
    '---',
    body
  ].join('\n')
}

/** A body in the seed article's wording, with the sections the bundle extracts. */
export function seedBody(title = 'Lower back pain', note = ''): string {
  return `# ${title}

In most cases, back pain improves with time and conservative management.${note}

These articles are intended as educational sources, not diagnostic nor taking place of a proper medical assessment.

## How musculoskeletal back pain commonly presents

### Red flag symptoms

- Loss of bladder or bowel control
- Progressive leg weakness

## When to seek GP review

You should consider a GP appointment if:

- Back pain is not improving after 2 to 4 weeks
- Pain spreads down the leg

Last reviewed by Dr Jane Smith, GMC registered GP
`
}

/**
 * The entries of a project directory, sorted, without the content-hash cache: the cache is the
 * one thing a build writes outside its output directory, by design (test/cache.test.ts).
 */
/** What the content-hash cache adds to a project: its directory, and node_modules/.cache/healthlint for its secret. */
const cacheEntries = new Set(['.healthlint-cache', 'node_modules'])

export async function projectEntries(cwd: string): Promise<string[]> {
  return (await readdir(cwd)).filter((name) => !cacheEntries.has(name)).sort()
}

/**
 * Every file under `root` (relative, `/`-separated) → its bytes, without the content-hash cache;
 * undefined when root is missing.
 */
export async function snapshot(root: string): Promise<Map<string, Buffer> | undefined> {
  let entries
  try {
    entries = await readdir(root, {recursive: true, withFileTypes: true})
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  const files = new Map<string, Buffer>()
  for (const entry of entries.filter((entry) => entry.isFile())) {
    const path = join(entry.parentPath, entry.name)
    if (cacheEntries.has(relative(root, path).split(sep)[0]!)) continue
    files.set(relative(root, path).split(sep).join('/'), await readFile(path))
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)))
}

/**
 * Check the bundle in `dir`: index.json and every article JSON validate against their schemas,
 * the files on disk are exactly those the index lists, and each JSON matches its entry.
 */
export async function assertValidBundle(dir: string): Promise<{index: {articles: Array<Record<string, unknown>>; tombstones: Array<{slug: string; reason: string; to?: string; since: string}>; categories: Array<Record<string, unknown>>}; files: Map<string, Buffer>}> {
  const files = (await snapshot(dir))!
  assert.ok(files, `${dir} exists`)
  const index = JSON.parse(files.get('index.json')!.toString('utf8')) as {articles: Array<Record<string, unknown> & {slug: string; lang: string; files: {html: string; json: string}}>; tombstones: Array<{slug: string; reason: string; to?: string; since: string}>; categories: Array<Record<string, unknown> & {file: string}>}
  assert.ok(validateIndex(index), JSON.stringify(validateIndex.errors))
  const listed = ['index.json']
  for (const entry of index.articles) {
    listed.push(entry.files.html, entry.files.json)
    const json = JSON.parse(files.get(entry.files.json)!.toString('utf8')) as Record<string, unknown>
    assert.ok(validateArticle(json), `${entry.files.json}: ${JSON.stringify(validateArticle.errors)}`)
    for (const key of ['slug', 'title', 'description', 'category', 'lastReviewed', 'nextReviewDue', 'contentHash', 'lang', 'translationOf', 'url', 'categoryName', 'datePublished', 'dateModified', 'reviewOverdue']) {
      assert.equal(json[key], entry[key], `${entry.files.json} and index.json agree on ${key}`)
    }
    const page = files.get(entry.files.html)!.toString('utf8')
    assert.ok(page.startsWith(`<!doctype html>\n<html lang="${entry.lang}">`), `${entry.files.html} declares its language`)
  }
  const articleFiles = [...files.keys()].filter((path) => path.startsWith('articles/'))
  assert.deepEqual(articleFiles.sort(), listed.filter((path) => path !== 'index.json').sort(), 'articles/ holds exactly the files the index lists')
  for (const category of index.categories) {
    listed.push(category.file)
    assert.ok(validateHub(JSON.parse(files.get(category.file)!.toString('utf8'))), `${category.file}: ${JSON.stringify(validateHub.errors)}`)
  }
  const published = new Set(index.articles.map((entry) => entry.slug))
  for (const tombstone of index.tombstones) assert.ok(!published.has(tombstone.slug), `${tombstone.slug} is not both published and a tombstone`)
  assert.ok(validateSearchIndex(JSON.parse(files.get('search-index.json')!.toString('utf8'))), JSON.stringify(validateSearchIndex.errors))
  const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as {files: Array<{path: string; sha256: string; bytes: number}>}
  assert.ok(validateManifest(manifest), JSON.stringify(validateManifest.errors))
  assert.deepEqual([...files.keys()].filter((path) => path !== 'manifest.json').sort(), manifest.files.map((file) => file.path), 'the manifest lists every other file, sorted')
  for (const file of manifest.files) {
    assert.equal(createHash('sha256').update(files.get(file.path)!).digest('hex'), file.sha256, `${file.path}: its manifest hash`)
    assert.equal(files.get(file.path)!.length, file.bytes)
  }
  for (const path of listed) assert.ok(files.has(path), `${path} is in the bundle`)
  const slugs = index.articles.map((entry) => entry.slug)
  assert.deepEqual(slugs, [...slugs].sort(), 'index.json is sorted by slug')
  return {index, files}
}

/** The attributes of every tag in `html`, as [tag, name, value]. hast-util-to-html always quotes values with `"`. */
export function attributesOf(html: string): Array<[string, string, string]> {
  const found: Array<[string, string, string]> = []
  // Values may hold `<` and `>` (legal in quoted attributes), never `"`: match whole values.
  for (const tag of html.matchAll(/<([a-zA-Z][^\s>/]*)((?:\s+[^\s="'>/]+(?:="[^"]*")?)*)\s*\/?>/g)) {
    for (const attribute of tag[2]!.matchAll(/([^\s="]+)(?:="([^"]*)")?/g)) {
      found.push([tag[1]!.toLowerCase(), attribute[1]!.toLowerCase(), attribute[2] ?? ''])
    }
  }
  return found
}

/** `html` with every attribute value emptied, so counting tags is not fooled by values. */
export function withoutAttributeValues(html: string): string {
  return html.replace(/="[^"]*"/g, '=""')
}

const forbiddenTags = new Set(['script', 'style', 'iframe', 'object', 'embed', 'form', 'button', 'textarea', 'select', 'meta', 'base', 'link', 'svg', 'math', 'noscript', 'xmp', 'frame', 'frameset'])

/** The output-safety contract for an HTML fragment published from an article body. */
export function assertSafeFragment(html: string, where: string, whole = html): void {
  const attributes = attributesOf(html)
  // A section's fragment links resolve in the whole body (footnotes are not in any section).
  const ids = new Set(attributesOf(whole).filter(([, name]) => name === 'id').map(([, , value]) => value))
  for (const [tag, name, value] of attributes) {
    assert.ok(!forbiddenTags.has(tag), `${where}: no <${tag}>`)
    if (tag === 'input') assert.match(html, /<input type="checkbox" disabled>/, `${where}: only task-list checkboxes`)
    assert.ok(!name.startsWith('on'), `${where}: no event handler ${name}`)
    assert.ok(!['style', 'srcdoc', 'formaction', 'action', 'xlink:href'].includes(name), `${where}: no ${name} attribute`)
    if (['href', 'src', 'cite', 'longdesc', 'action', 'data'].includes(name)) {
      assert.doesNotMatch(value, /^\s*(javascript|vbscript|data|file):/i, `${where}: ${name}="${value}"`)
      assert.doesNotMatch(value, /^[\\/]{2}/, `${where}: protocol-relative ${name}="${value}"`)
    }
    if (name === 'id' || name === 'name') assert.ok(value.startsWith('user-content-'), `${where}: ${name}="${value}" is prefixed`)
    if (name === 'href' && value.startsWith('#')) assert.ok(ids.has(value.slice(1)), `${where}: href="${value}" resolves to an id`)
  }
}

/**
 * The output-safety contract for a whole bundle (`files` as `snapshot` returns them): JSON
 * escapes `<`, `>`, `&`, U+2028 and U+2029 and its HTML fragments are safe; each page has one
 * script, the JSON-LD block, and a safe body.
 */
export function assertSafeBundle(files: Map<string, Buffer>): void {
  for (const [path, bytes] of files) {
    const text = bytes.toString('utf8')
    if (path.endsWith('.json')) {
      assert.doesNotMatch(text, /[<>&\u2028\u2029]/, `${path} escapes <, >, &, U+2028 and U+2029`)
      const json = JSON.parse(text) as {html?: string; sections?: Array<{html: string}>}
      if (json.html !== undefined) {
        assertSafeFragment(json.html, `${path} html`)
        for (const section of json.sections ?? []) assertSafeFragment(section.html, `${path} section`, json.html)
      }
    } else if (path.endsWith('.xml')) {
      assert.doesNotMatch(text, /<script|<!DOCTYPE|<!ENTITY/i, `${path}: no script, no document type`)
    } else if (path.endsWith('.html')) {
      const head = /<head>([\s\S]*)<\/head>/.exec(text)![1]!
      assert.equal(withoutAttributeValues(head).match(/<script/g)?.length, 1, `${path}: one script, the JSON-LD block`)
      assert.match(head, /<script type="application\/ld\+json">[^<]*<\/script>/)
      assertSafeFragment(text.slice(text.indexOf('</head>')), `${path} page`)
    }
  }
}
