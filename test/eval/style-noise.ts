// `npm run eval:style-noise`: how many messages the style and accessibility rules add per
// article on real health text — the MedQuAD corpus (NIH pages, US English), each article wrapped
// in healthlint's frontmatter as the bench does (test/bench/medquad.ts). Prints, per rule, the
// messages per article (median, p90, max) and how many articles have any. Not a test.
//
// Settings (environment): HEALTHLINT_CORPUS (the MedQuAD directory), NOISE_LIMIT (first N
// articles), NOISE_SAMPLE=rule-id[,rule-id…] (also print up to NOISE_SAMPLE_SIZE, default 40, of each rule's
// messages with the words they point at, spread over the corpus, to judge their precision).
import {readFile, readdir} from 'node:fs/promises'
import {join} from 'node:path'
import {resolveConfig} from '../../src/config/config.js'
import {createLinter} from '../../src/pipeline/lint.js'
import {rules} from '../../rules/index.js'
import {findShared, withHealthlintFrontmatter} from '../bench/medquad.js'
import {builtInRules} from '../../rules/index.js'

/** The rules of issue 17 (style and content accessibility), the subject of this check. */
export const styleRules = [
  'no-negative-contractions', 'no-latin-abbreviations', 'number-style', 'no-prescription-abbreviations', 'expand-abbreviations',
  'uk-spelling', 'image-alt-text', 'descriptive-link-text', 'heading-structure', 'table-headers', 'no-all-caps',
  'no-exclamation-marks', 'address-the-reader'
]

async function main(): Promise<void> {
  const source = process.env.HEALTHLINT_CORPUS ?? findShared('corpus/medquad')
  const limit = process.env.NOISE_LIMIT ? Number(process.env.NOISE_LIMIT) : Infinity
  const sampleRules = (process.env.NOISE_SAMPLE ?? '').split(',').filter(Boolean)
  const sampleSize = Number(process.env.NOISE_SAMPLE_SIZE ?? 40)
  const names = (await readdir(source)).filter((name) => name.endsWith('.md')).sort().slice(0, limit)
  // Only the style rules run: the others' messages are not what is measured.
  const config = resolveConfig({rules: Object.fromEntries(rules.map((rule) => [rule.id, styleRules.includes(rule.id) ? rule.severity : 'off']))}, {rules: builtInRules})
  const linter = createLinter({cwd: process.cwd(), config, now: '2026-03-01'})
  const counts = new Map<string, number[]>(styleRules.map((id) => [id, []]))
  const samples = new Map<string, string[]>(sampleRules.map((id) => [id, []]))
  for (const name of names) {
    const text = withHealthlintFrontmatter(await readFile(join(source, name), 'utf8'))
    const file = await linter.lintBytes(`articles/${name}`, new TextEncoder().encode(text))
    const lines = text.split('\n')
    for (const id of styleRules) {
      const messages = file.messages.filter((message) => message.ruleId === id)
      counts.get(id)!.push(messages.length)
      if (samples.has(id)) {
        for (const message of messages) {
          const line = lines[(message.line ?? 1) - 1] ?? ''
          const start = Math.max(0, (message.column ?? 1) - 41)
          samples.get(id)!.push(`${name}:${message.line}:${message.column}: ${message.reason}\n    …${line.slice(start, (message.column ?? 1) + 60)}…`)
        }
      }
    }
  }
  const quantile = (values: number[], q: number) => {
    const sorted = [...values].sort((a, b) => a - b)
    return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0
  }
  const rows = [
    `Style rules on ${names.length} MedQuAD articles (messages per article):`,
    '',
    '| rule | median | p90 | max | total | articles with any |',
    '| --- | --- | --- | --- | --- | --- |'
  ]
  for (const [id, values] of counts) {
    const total = values.reduce((sum, value) => sum + value, 0)
    rows.push(`| ${id} | ${quantile(values, 0.5)} | ${quantile(values, 0.9)} | ${Math.max(0, ...values)} | ${total} | ${values.filter((value) => value > 0).length} |`)
  }
  process.stdout.write(rows.join('\n') + '\n')
  for (const [id, list] of samples) {
    const step = Math.max(1, Math.floor(list.length / sampleSize))
    process.stdout.write(`\n${list.length} messages of ${id}; a spread of ${Math.min(sampleSize, list.length)}:\n` + list.filter((_, index) => index % step === 0).slice(0, sampleSize).join('\n') + '\n')
  }
}

await main()
