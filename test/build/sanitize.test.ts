// Payload articles: each XSS vector of the hostile catalogue (test/fixtures/hostile, copied from
// the shared catalogue) is published inside an article with valid frontmatter. The published
// HTML must be clean whether or not the unsafe-html rule is on, and the rule must report each
// construct at its line.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {packageRoot} from '../../src/config/package-files.js'
import {runCli, testRules} from '../helpers.js'
import {article, assertSafeBundle, assertValidBundle} from './support.js'
import {temporaryProject} from '../project.js'

/** Hostile file → the lines (in the original file) where unsafe-html must report. */
const payloads: Record<string, number[]> = {
  'xss-script-tag.md': [7, 9],
  'xss-event-handlers.md': [7, 9, 11, 13, 15],
  'xss-javascript-links.md': [7, 9, 11, 13, 15, 17, 19, 23],
  'xss-data-urls.md': [7, 9, 11],
  'xss-raw-html-embeds.md': [7, 9, 11, 13, 15, 17, 19, 21, 23],
  'xss-mxss-parser-differentials.md': [7, 9, 11, 13, 15, 17, 19],
  'xss-dom-clobbering.md': [7, 9, 11],
  'link-phishing-and-tracking.md': [7],
  'control-valid-article.md': [],
  'control-html-in-code.md': []
}

/** The body of a hostile file, and how many lines its frontmatter took. */
function bodyOf(name: string): {body: string; frontmatterLines: number} {
  const lines = readFileSync(join(packageRoot, 'test/fixtures/hostile', name), 'utf8').split('\n')
  const close = lines.indexOf('---', 1)
  return {body: lines.slice(close + 1).join('\n'), frontmatterLines: close + 1}
}

/** `article()` with a slug puts 10 lines of frontmatter before the body. */
const shiftOf = (name: string) => 10 - bodyOf(name).frontmatterLines

function payloadProject(): string {
  const files: Record<string, string> = {}
  for (const name of Object.keys(payloads)) {
    files[`articles/${name}`] = article(bodyOf(name).body, {slug: name.replace(/\.md$/, '')})
  }
  return temporaryProject(files)
}

// The payload bodies are attacks, not articles: the rules that ask for an article's sections
// are switched off so that only the output-safety behaviour decides what is published.
const sectionRules = ['require-red-flags', 'red-flags-urgent-action', 'require-seek-review', 'require-disclaimer', 'require-reviewer']

async function buildPayloads(config: {rules?: Record<string, unknown>} = {}) {
  const cwd = await payloadProject()
  const argv = ['build', 'articles', '--out', 'dist', '--now', '2026-01-15', '--format', 'json']
  const rules = testRules({...Object.fromEntries(sectionRules.map((id) => [id, 'off'])), ...config.rules})
  const {writeFile} = await import('node:fs/promises')
  await writeFile(join(cwd, 'healthlint.config.json'), JSON.stringify({rules}))
  const result = await runCli(argv, cwd)
  const reports = JSON.parse(result.stdout) as Array<{path: string; messages: Array<{ruleId: string; line: number; severity: string}>}>
  return {cwd, result, reports}
}

async function assertCleanBundle(cwd: string): Promise<void> {
  const {index, files} = await assertValidBundle(join(cwd, 'dist'))
  assert.equal(index.articles.length, Object.keys(payloads).length, 'every payload article is published, without its payload')
  assertSafeBundle(files)
}

describe('publishing hostile Markdown', () => {
  it('publishes clean HTML and reports every removed construct at its line', async () => {
    const {cwd, result, reports} = await buildPayloads()
    assert.equal(result.code, 0, result.stderr)
    for (const [name, lines] of Object.entries(payloads)) {
      const report = reports.find((candidate) => candidate.path === `articles/${name}`)!
      const found = report.messages.filter((message) => message.ruleId === 'unsafe-html')
      assert.ok(found.every((message) => message.severity === 'warning'))
      assert.deepEqual([...new Set(found.map((message) => message.line))], lines.map((line) => line + shiftOf(name)), name)
    }
    await assertCleanBundle(cwd)
  })

  it('publishes clean HTML with the unsafe-html rule turned off', async () => {
    const {cwd, result, reports} = await buildPayloads({rules: {'unsafe-html': 'off'}})
    assert.equal(result.code, 0, result.stderr)
    assert.ok(reports.every((report) => report.messages.every((message) => message.ruleId !== 'unsafe-html')))
    await assertCleanBundle(cwd)
  })

  it('keeps footnote links working and shows HTML inside code as text', async () => {
    const {cwd} = await buildPayloads()
    const control = JSON.parse(readFileSync(join(cwd, 'dist/articles/control-valid-article.json'), 'utf8')) as {html: string}
    assert.match(control.html, /<a href="#user-content-fn-1" id="user-content-fnref-1"/)
    assert.match(control.html, /<li id="user-content-fn-1">/)
    assert.doesNotMatch(control.html, /user-content-user-content-/)
    const code = JSON.parse(readFileSync(join(cwd, 'dist/articles/control-html-in-code.json'), 'utf8')) as {html: string}
    assert.match(code.html, /<code>&#x3C;script>alert\(1\)&#x3C;\/script><\/code>/)
    assert.match(code.html, /&#x3C;img src=x onerror=alert\(1\)>/)
    const links = JSON.parse(readFileSync(join(cwd, 'dist/articles/xss-javascript-links.json'), 'utf8')) as {html: string}
    assert.match(links.html, /<a>Book a test<\/a>/, 'the link text stays')
    assert.match(links.html, /<a href="https:\/\/www.nhs.uk" title="a&#x22; onmouseover=&#x22;alert\(9\)">/, 'a title stays an escaped attribute')
  })

  it('withholds a body too deeply nested to convert, without crashing', async () => {
    const files: Record<string, string> = {}
    for (const name of ['deep-nesting-list.md', 'deep-nesting-blockquote.md']) {
      files[`articles/${name}`] = article(bodyOf(name).body)
    }
    const cwd = temporaryProject(files)
    const result = await runCli(['build', 'articles', '--out', 'dist', '--now', '2026-01-15', '--format', 'json'], cwd)
    assert.equal(result.code, 1, result.stderr)
    const reports = JSON.parse(result.stdout) as Array<{messages: Array<{severity: string}>}>
    assert.ok(reports.every((report) => report.messages.some((message) => message.severity === 'error')))
    const {index} = await assertValidBundle(join(cwd, 'dist'))
    assert.equal(index.articles.length, 0)
  })
})
