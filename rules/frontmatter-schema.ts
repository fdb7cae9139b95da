// frontmatter-schema: the frontmatter has the fields `schemas/article.schema.json` requires,
// each in the expected form, and nothing else.
//
// Why: the title, summary, category, review date and reviewer are what patients and downstream
// sites rely on to judge an article; a typo in a key (`reviewdBy`) would silently drop the
// reviewer. Each problem is reported at the key or value that is wrong, with what was found and
// what is expected. Once the config declares `categories`, `category` must be one of them (with
// a did-you-mean), so an article never lands in a hub the site does not have. Turn it off: never.
import {basename, extname} from 'node:path'
import type {ErrorObject} from 'ajv'
import {closest, distance} from 'fastest-levenshtein'
import {defineRule} from '../src/rule-kit/rule.js'
import type {RuleContext} from '../src/rule-kit/rule.js'
import {compileSchema} from '../src/config/schema.js'
import {readSchema} from '../src/config/package-files.js'

const schema = readSchema('article.schema.json')
// Compiled on first use: a run whose articles are all cached never needs it.
let compiled: ReturnType<typeof compileSchema> | undefined
const validator = () => (compiled ??= compileSchema(schema))
const fields = Object.keys(schema.properties as Record<string, unknown>)
const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/

const header = '---\ndescription: Why lower back pain happens and when to get help.\ncategory: musculoskeletal\nreviewedBy:\n  name: Dr Jane Smith\n  credential: GMC registered GP\n'

type Options = {categories: string[]}

export default defineRule<Options>({
  id: 'frontmatter-schema',
  description: 'The frontmatter has the required fields (title, description, category, lastReviewed, reviewedBy) in the right form, and no unknown fields.',
  rationale: 'Patients and downstream sites judge an article by its title, summary, review date and reviewer. A missing or mistyped field would silently drop that information.',
  severity: 'error',
  requires: 'file',
  boundedWork: true,
  safety: true,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      categories: {type: 'array', items: {type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$'}, description: 'The hubs `category` may name; empty: any. Set from the config\'s `categories`.'}
    }
  },
  defaults: {categories: []},
  fromSite: (site) => (site.categories.length > 0 ? {categories: [...site.categories]} : {}),
  examples: {
    valid: [
      {name: 'all required fields', input: header + 'title: Lower back pain\nlastReviewed: 2025-12-22\n---\n\nText.\n'},
      {name: 'a declared category', input: header + 'title: Lower back pain\nlastReviewed: 2025-12-22\n---\n\nText.\n', options: {categories: ['mental-health', 'musculoskeletal']}},
      {name: 'a Welsh translation', input: header + 'title: Poen yng ngwaelod y cefn\nlastReviewed: 2025-12-22\nlang: cy-GB\ntranslationOf: lower-back-pain\nredirectFrom: [poen-cefn]\n---\n\nText.\n'},
      {name: 'optional fields', input: header + 'title: Lower back pain\nlastReviewed: 2025-12-22\nslug: back-pain\ntags: [back, pain]\nnextReview: 2026-06-01\nstatus: draft\ncontributors:\n  - name: Sam Lee\n    role: Physiotherapist\nsources:\n  - title: NICE NG59\n    url: https://www.nice.org.uk/guidance/ng59\n---\n\nText.\n'}
    ],
    invalid: [
      {
        name: 'a date that is not YYYY-MM-DD',
        input: header + 'title: Lower back pain\nlastReviewed: last spring\n---\n\nText.\n',
        messages: ['8:15: `lastReviewed` must be a real date written as YYYY-MM-DD, such as 2026-03-01; found `last spring`.']
      },
      {
        name: 'an impossible calendar date',
        input: header + 'title: Lower back pain\nlastReviewed: 2025-02-30\n---\n\nText.\n',
        messages: ['8:15: `lastReviewed` must be a real date written as YYYY-MM-DD, such as 2026-03-01; found `2025-02-30`.']
      },
      {
        name: 'a misspelt key, with a suggestion',
        input: '---\ntitle: Lower back pain\ndescription: Why it happens.\ncategory: musculoskeletal\nlastReviewed: 2025-12-22\nreviewdBy:\n  name: Dr Jane Smith\n  credential: GMC registered GP\n---\n\nText.\n',
        messages: [
          '1:1: The frontmatter is missing `reviewedBy`: add it (a mapping with `name` and `credential`).',
          '6:1: `reviewdBy` is not a frontmatter field. Did you mean `reviewedBy`?'
        ]
      },
      {
        name: 'a nested value of the wrong type',
        input: '---\ntitle: Lower back pain\ndescription: Why it happens.\ncategory: musculoskeletal\nlastReviewed: 2025-12-22\nreviewedBy:\n  name: Dr Jane Smith\n  credential: 7\n---\n\nText.\n',
        messages: ['8:15: `reviewedBy.credential` must be the reviewer\'s registration as plain text, such as GMC registered GP; found `7`.']
      },
      {
        name: 'a category the site does not declare, with a suggestion',
        input: header.replace('musculoskeletal', 'musculoskeletel') + 'title: Lower back pain\nlastReviewed: 2025-12-22\n---\n\nText.\n',
        options: {categories: ['musculoskeletal', 'mental-health']},
        messages: ['3:11: `category` is `musculoskeletel`, which is not one of the site\'s categories (musculoskeletal, mental-health). Did you mean `musculoskeletal`?']
      },
      {
        name: 'a category far from any declared one',
        input: header.replace('musculoskeletal', 'dermatology') + 'title: Lower back pain\nlastReviewed: 2025-12-22\n---\n\nText.\n',
        options: {categories: ['musculoskeletal']},
        messages: ['3:11: `category` is `dermatology`, which is not one of the site\'s categories (musculoskeletal). Use one of them, or declare it under `categories` in the config.']
      }
    ]
  },
  check
})

function check(context: RuleContext<Options>): void {
  const {frontmatter, file} = context
  const data = frontmatter?.data
  if (!frontmatter || !data) return
  const ranges = frontmatter.ranges
  const opening = frontmatter.position.start

  const validate = validator()
  if (!validate(data)) {
    // One message per value: the first (most basic) problem ajv found there.
    const seen = new Set<string>()
    for (const error of validate.errors ?? []) {
      const path = error.keyword === 'additionalProperties'
        ? `${error.instancePath}/${String(error.params.additionalProperty)}`
        : error.keyword === 'required'
          ? `${error.instancePath}/${String(error.params.missingProperty)}`
          : error.instancePath
      if (seen.has(path)) continue
      seen.add(path)
      report(context, error, path)
    }
  }

  const {categories} = context.options
  if (categories.length > 0 && typeof data.category === 'string' && slugPattern.test(data.category) && !categories.includes(data.category)) {
    const suggestion = closest(data.category, categories)
    const hint = distance(data.category, suggestion) <= Math.max(2, Math.floor(suggestion.length / 3))
      ? ` Did you mean \`${suggestion}\`?`
      : ' Use one of them, or declare it under `categories` in the config.'
    context.report(`\`category\` is \`${data.category}\`, which is not one of the site's categories (${categories.join(', ')}).${hint}`, ranges.get('/category')?.value ?? opening, {actual: data.category, expected: categories})
  }

  if (typeof data.slug !== 'string' && file.path) {
    const name = basename(file.path, extname(file.path))
    if (!slugPattern.test(name)) {
      context.report(`The file name \`${name}\` cannot be used as the article's address. Rename the file in lower case with hyphens (such as \`lower-back-pain.md\`), or add a \`slug\` field.`, opening)
    }
  }

  function report(context: RuleContext<Options>, error: ErrorObject, path: string): void {
    const name = path.slice(1).split('/').map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~')).join('.')
    switch (error.keyword) {
      case 'required': {
        const parent = ranges.get(error.instancePath)
        const expected = expectationOf(error.parentSchema, String(error.params.missingProperty))
        context.report(
          `The frontmatter is missing \`${name}\`: add it${expected ? ` (${expected})` : ''}.`,
          error.instancePath === '' ? opening : parent?.key ?? parent?.value.start ?? opening
        )
        return
      }
      case 'additionalProperties': {
        const key = String(error.params.additionalProperty)
        const siblings = Object.keys((error.parentSchema?.properties ?? {}) as Record<string, unknown>)
        const suggestion = siblings.length > 0 ? closest(key, siblings) : undefined
        const hint = suggestion && distance(key.toLowerCase(), suggestion.toLowerCase()) <= Math.max(2, Math.floor(suggestion.length / 3))
          ? ` Did you mean \`${suggestion}\`?`
          : ` Remove it, or use one of the known fields: ${(error.instancePath === '' ? fields : siblings).join(', ')}.`
        context.report(`\`${name}\` is not a frontmatter field.${hint}`, ranges.get(path)?.key ?? opening, {actual: key, ...(suggestion ? {expected: [suggestion]} : {})})
        return
      }
      default: {
        const expected = (error.parentSchema?.['x-expected'] as string | undefined) ?? `valid (${error.message ?? 'see the schema'})`
        context.report(
          `\`${name}\` must be ${expected}; found \`${show(error.data)}\`.`,
          ranges.get(path)?.value ?? opening,
          {actual: show(error.data), expected: [expected]}
        )
      }
    }
  }
}

function expectationOf(parentSchema: ErrorObject['parentSchema'], property: string): string | undefined {
  const properties = parentSchema?.properties as Record<string, Record<string, unknown>> | undefined
  return properties?.[property]?.['x-expected'] as string | undefined
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value)
  return text.length > 60 ? text.slice(0, 59) + '…' : text
}
