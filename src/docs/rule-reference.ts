// The rule reference in README.md (and a plugin's own docs), generated from the rules' own metadata (id, description,
// rationale, severity, options schema, defaults, examples), so the docs cannot drift from the
// code. `test/docs.test.ts` fails when README.md is out of date;
// `node build/src/docs/rule-reference.js --write` rewrites the region between the markers.
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import type {AnyRule} from '../rule-kit/rule-set.js'
import {packageRoot} from '../config/package-files.js'

export const startMarker = '<!-- rules:start -->'
export const endMarker = '<!-- rules:end -->'

interface OptionSchema {
  type?: string
  description?: string
}

/** The Markdown table: one row per rule, linking to its section. */
export function rulesTable(list: readonly AnyRule[]): string {
  const rows = list.map((rule) => `| [${rule.id}](#rule-${rule.id}) | ${escape(rule.description)} | ${rule.severity} | ${optionsSummary(rule) || '–'} |`)
  return ['| Rule | What it checks | Default severity | Options (default) |', '| --- | --- | --- | --- |', ...rows].join('\n') + '\n'
}

/** One section per rule, with the anchor its messages' `url` points at. */
export function ruleSections(list: readonly AnyRule[]): string {
  return list.map(ruleSection).join('\n')
}

/** The whole generated region: the table, then the rules' sections. */
export function rulesReference(list: readonly AnyRule[]): string {
  return `${rulesTable(list)}\n${ruleSections(list)}`
}

/**
 * `readme` with the text between the markers replaced by `generated`; undefined when the
 * markers are missing or out of order.
 */
export function replaceRulesRegion(readme: string, generated: string): string | undefined {
  const start = readme.indexOf(startMarker)
  const end = readme.indexOf(endMarker)
  if (start === -1 || end < start) return undefined
  return `${readme.slice(0, start + startMarker.length)}\n\n${generated}\n${readme.slice(end)}`
}

function ruleSection(rule: AnyRule): string {
  const lines = [`<a id="rule-${rule.id}"></a>`, '', `### ${rule.id}`, '', escape(rule.description), '', escape(rule.rationale), '']
  lines.push(`- Default severity: ${rule.severity}`)
  lines.push(`- Runs on: ${rule.requires === 'file' ? 'every article, even one whose body could not be parsed' : 'articles whose body parsed as Markdown'}`)
  if (rule.safety) lines.push('- Safety rule: yes')
  if (rule.fixable) lines.push('- Fixable: yes (`healthlint lint --fix` applies the fix)')
  const options = optionsOf(rule)
  if (options.length > 0) {
    lines.push('- Options:')
    for (const [name, schema] of options) {
      lines.push(`  - \`${name}\`${schema.description ? `: ${escape(schema.description)}` : ''} Default: ${escape(showFull(rule.defaults[name]))}.`)
    }
  }
  for (const [name, {description, words}] of Object.entries(rule.vocabulary ?? {})) {
    lines.push(`- Built-in ${name} (${escape(description)}): ${escape(showFull(words))}.`)
  }
  if (rule.examples.invalid.length > 0) {
    lines.push('- Flags, for example:')
    for (const example of rule.examples.invalid) {
      lines.push(`  - ${escape(example.name)}${example.severity ? ` (${example.severity})` : ''}: ${(example.messages ?? []).map((message) => `“${escape(message.replace(/^\d+:\d+: /, ''))}”`).join('; ')}`)
    }
  }
  if (rule.examples.valid.length > 0) {
    lines.push(`- Does not flag, for example: ${rule.examples.valid.map((example) => escape(example.name)).join('; ')}.`)
  }
  return lines.join('\n') + '\n'
}

function optionsOf(rule: AnyRule): Array<[string, OptionSchema]> {
  const properties = (rule.optionsSchema.properties ?? {}) as Record<string, OptionSchema>
  return Object.entries(properties)
}

function optionsSummary(rule: AnyRule): string {
  return optionsOf(rule).map(([name]) => `\`${name}\` (${escape(showShort(rule.defaults[name]))})`).join('<br>')
}

function showShort(value: unknown): string {
  if (Array.isArray(value)) return value.length === 1 ? `1 entry` : `${value.length} entries`
  return showFull(value)
}

function showFull(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map((item) => `"${String(item)}"`).join(', ')
  // A mapping option (words and their alternatives): none, or its entries.
  if (value !== null && typeof value === 'object') return Object.keys(value).length === 0 ? 'none' : JSON.stringify(value)
  return value === undefined ? 'none' : String(value)
}

/** Make text safe in a Markdown table cell or list item. */
function escape(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
}

// `node build/src/docs/rule-reference.js --write` rewrites README.md; without `--write` it prints the region.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const {rules} = await import('../../rules/index.js')
  const path = join(packageRoot, 'README.md')
  if (process.argv.includes('--write')) {
    const updated = replaceRulesRegion(readFileSync(path, 'utf8'), rulesReference(rules))
    if (updated === undefined) {
      process.stderr.write(`README.md has no ${startMarker} … ${endMarker} region to write the rules into.\n`)
      process.exitCode = 1
    } else {
      writeFileSync(path, updated)
    }
  } else {
    process.stdout.write(rulesReference(rules))
  }
}
