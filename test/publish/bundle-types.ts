// Generates src/publish/bundle-types.ts, the TypeScript types of the published bundle, from the
// bundle schemas with json-schema-to-typescript, so the types cannot drift from the schemas:
// `node build/test/publish/bundle-types.js --write` rewrites the file; test/publish/bundle-types.test.ts
// fails when it is out of date.
import {readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {compile} from 'json-schema-to-typescript'
import type {JSONSchema} from 'json-schema-to-typescript'
import {packageRoot} from '../../src/config/package-files.js'

/** Each bundle schema and the name of its type. */
export const bundleTypes: ReadonlyArray<[schema: string, type: string]> = [
  ['bundle-article.schema.json', 'PublishedArticle'],
  ['bundle-index.schema.json', 'PublishedIndex'],
  ['bundle-manifest.schema.json', 'PublishedManifest'],
  ['bundle-hub.schema.json', 'PublishedHub'],
  ['bundle-search-index.schema.json', 'PublishedSearchIndex']
]

export const typesPath = join(packageRoot, 'src', 'publish', 'bundle-types.ts')

export async function generateBundleTypes(): Promise<string> {
  const parts = [
    '// The published bundle\'s types, for sites that read it (exported from the package).',
    '// GENERATED from schemas/bundle-*.schema.json by test/publish/bundle-types.ts: do not edit;',
    '// run `npx tsc -p tsconfig.json && node build/test/publish/bundle-types.js --write`.',
    '// Later 1.x versions may add keys: a consumer ignores those it does not know.',
    '/* eslint-disable */',
    ''
  ]
  for (const [name, type] of bundleTypes) {
    const schema = JSON.parse(await readFile(join(packageRoot, 'schemas', name), 'utf8')) as JSONSchema & {$id?: string}
    // The type's name comes from the title; keep the schema's own title in the comment.
    // Local definitions inlined: named aliases (`Date`, `Slug`) would clash across the schemas
    // and shadow globals.
    const typed = inlineDefinitions({...schema, title: type, description: `${schema.title as string}. ${schema.description ?? ''}`.trim()}) as JSONSchema
    delete typed.$id
    const code = await compile(typed, type, {bannerComment: '', additionalProperties: false, declareExternallyReferenced: true, format: true, strictIndexSignatures: true, style: {semi: false, singleQuote: true, bracketSpacing: false, printWidth: 140}})
    parts.push(code.trim(), '')
  }
  return parts.join('\n')
}

/** `schema` with every `{"$ref": "#/$defs/x"}` replaced by the definition (merged with its siblings), and no `$defs`. */
function inlineDefinitions(schema: Record<string, unknown>): Record<string, unknown> {
  const definitions = (schema.$defs ?? {}) as Record<string, Record<string, unknown>>
  const inline = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(inline)
    if (typeof node !== 'object' || node === null) return node
    const {$ref, ...rest} = node as Record<string, unknown>
    const base = typeof $ref === 'string' && $ref.startsWith('#/$defs/') ? inline(definitions[$ref.slice('#/$defs/'.length)]) as Record<string, unknown> : {}
    return {...base, ...Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, inline(value)]))}
  }
  const {$defs, ...rest} = schema
  return inline(rest) as Record<string, unknown>
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const code = await generateBundleTypes()
  if (process.argv.includes('--write')) await writeFile(typesPath, code)
  else process.stdout.write(code)
}
