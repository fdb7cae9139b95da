// Generators for the fuzz tests: random frontmatter, random Markdown built from the pieces that
// attacks and parser bugs are made of, raw bytes, and random mutations of real articles.
import {readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import fc from 'fast-check'
import {packageRoot} from '../../src/config/package-files.js'

/** Fixed in CI, so a failure is reproducible; `HEALTHLINT_FUZZ_SEED` and `HEALTHLINT_FUZZ_RUNS` change them. */
export const seed = Number(process.env.HEALTHLINT_FUZZ_SEED ?? 20260115)
const scale = Number(process.env.HEALTHLINT_FUZZ_RUNS ?? 1) || 1

/** fast-check's parameters for a property run `runs` times by default. */
export function parameters(runs: number): {seed: number; numRuns: number; endOnFailure: true} {
  return {seed, numRuns: Math.max(1, Math.round(runs * scale)), endOnFailure: true}
}

/** Valid healthlint frontmatter (10 lines with the closing fence and a blank line). */
export const header = '---\ntitle: Placeholder article\ndescription: A placeholder article used to test publishing.\ncategory: testing\nlastReviewed: 2025-12-22\nreviewedBy:\n  name: Dr Jane Smith\n  credential: GMC registered GP\n---\n\n'

const markdownPieces = [
  '*', '_', '**', '__', '~~', '`', '```', '[', ']', '(', ')', '<', '>', '!', '#', '|', '\\', '&', ';',
  '> ', '- ', '* ', '1. ', '  ', '\t', '\n', '\n\n', '\r\n', ' ', '---', '===', '[^1]', '[^1]: note', '[x]: ',
  'text', 'Back pain ', 'word', '# Heading', '| a | b |\n| - | - |', '- [ ] task',
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">', '</a>', '<!--', '-->', '<!-->',
  '<svg onload=alert(1)>', '<iframe srcdoc="x">', '<style>', 'style="x"', ' onclick=alert(1)', '<math><mi xlink:href="javascript:alert(1)">',
  'javascript:alert(1)', 'JaVaScRiPt:', 'vbscript:', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', '//evil.example', '\\\\evil.example',
  'https://www.nhs.uk', 'http://', 'mailto:a@b.example', 'www.example.org', '&#106;', '&#x6A;avascript&#58;', '&colon;', '&lt;', '%0a',
  '[link](javascript:alert(1))', '![img](data:image/svg+xml,<svg onload=alert(1)>)', '<javascript:alert(1)>', '[a](<javascript:alert(1)>)',
  '[a](https://x.example "t\\" onmouseover=\\"alert(1)")', '\u202e', '\u2066', '\u200b', '\ufeff', '\u00a0', '\u2028', 'pаracetamol', '\0', '\ud800', 'é', '🙂'
]

/** Markdown made of attack and syntax pieces, with some free text between them. */
export const markdown = fc.array(fc.oneof({weight: 5, arbitrary: fc.constantFrom(...markdownPieces)}, {weight: 1, arbitrary: fc.string({maxLength: 8, unit: 'binary'})}), {maxLength: 80}).map((parts) => parts.join(''))

const keys = ['title', 'description', 'category', 'lastReviewed', 'reviewedBy', 'name', 'credential', 'slug', 'tags', 'nextReview', 'status', 'contributors', '__proto__', 'constructor', 'prototype', '<<', '? x', '-', '"quoted"', 'toString', 'x']
const values = [
  '', 'Placeholder article', '2025-12-22', '2025-02-30', '01234', '0x1F', '.inf', 'yes', '~', 'null', '&a x', '*a', '&a [1, 2]', '!!js/function "x"', '!!binary aGk=', '!include x.yaml', '!!python/object:os.system',
  '[a, b', '{a: 1}', '[[[[[]]]]]', '|', '>-', '"unterminated', "'single'", '"\\u202e"', '<script>alert(1)</script>', 'javascript:alert(1)', '../../etc/passwd', '---', '- item', '  nested: value', '#comment', '%YAML 1.1', '\t', 'x'.repeat(300)
]
const fences = ['---', '---', '---', '--- ', '---js', '---javascript', '--- coffee', '---yaml', '---constructor', '+++', '', '---\ufeff', '---\r']

/** A whole article: a random fence, YAML-ish lines, maybe a closing fence, then Markdown. */
export const article = fc.record({
  open: fc.constantFrom(...fences),
  lines: fc.array(fc.tuple(fc.constantFrom('', '  ', '    ', '- '), fc.constantFrom(...keys), fc.constantFrom(': ', ':', ' : ', ''), fc.constantFrom(...values)).map((parts) => parts.join('')), {maxLength: 12}),
  close: fc.constantFrom('---', '---', '--- ', '...', '', '----'),
  body: markdown,
  newline: fc.constantFrom('\n', '\n', '\r\n')
}).map(({open, lines, close, body, newline}) => [open, ...lines, close, '', body].join(newline))

/** Random bytes, sometimes behind a valid header, for the decoder. */
export const bytes = fc.oneof(
  fc.uint8Array({maxLength: 200}),
  fc.uint8Array({maxLength: 200}).map((tail) => Buffer.concat([Buffer.from(header), tail]))
)

/** Bodies of real articles (MedQuAD, CC BY 4.0: test/fixtures/medquad-sample/SOURCE-medquad.md). */
export function sampleBodies(): string[] {
  const directory = join(packageRoot, 'test/fixtures/medquad-sample')
  return readdirSync(directory).filter((name) => name.endsWith('.md') && name !== 'SOURCE-medquad.md').sort().map((name) => {
    const text = readFileSync(join(directory, name), 'utf8')
    return text.slice(text.indexOf('\n---\n', 4) + 5)
  })
}

/** A real article's body with a few random edits: pieces inserted, text deleted or replaced. */
export function mutatedBody(bodies: string[]): fc.Arbitrary<string> {
  const edit = fc.tuple(fc.double({min: 0, max: 1, noNaN: true}), fc.integer({min: 0, max: 40}), fc.oneof(fc.constantFrom(...markdownPieces), fc.string({maxLength: 6, unit: 'binary'})))
  return fc.tuple(fc.integer({min: 0, max: bodies.length - 1}), fc.array(edit, {minLength: 1, maxLength: 6})).map(([which, edits]) => {
    let body = bodies[which]!
    for (const [where, remove, insert] of edits) {
      const at = Math.floor(where * body.length)
      body = body.slice(0, at) + insert + body.slice(at + remove)
    }
    return body
  })
}
