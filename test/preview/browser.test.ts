// The preview in headless Chromium: the index, messages at their places on an article page,
// the page updating itself when the file is saved, keyboard access, and a screenshot written to
// test-artifacts/ for people to look at.
import {describe, it, before, after} from 'node:test'
import type {TestContext} from 'node:test'
import assert from 'node:assert/strict'
import {mkdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import type {Browser, Page} from 'playwright-core'
import {resolveConfig} from '../../src/config/config.js'
import {createLinter} from '../../src/pipeline/lint.js'
import {toReported} from '../../src/report/messages.js'
import {packageRoot} from '../../src/config/package-files.js'
import {startPreview} from '../../src/preview/server.js'
import type {PreviewServer} from '../../src/preview/server.js'
import {launchBrowser} from '../browser.js'
import {previewProject} from './support.js'
import {testRules} from '../helpers.js'
import {slow} from '../slow.js'
import {builtInRules} from '../../rules/index.js'

const now = '2026-01-15'
// Hard sentences are marked in these tests; the other prose rules and the seed's missing urgent
// action are not what they are about.
const rules = testRules({'red-flags-urgent-action': 'off', readability: 'off', 'plain-english': 'off', 'expand-abbreviations': 'off'})
const config = resolveConfig({rules}, {rules: builtInRules})
const seed = readFileSync(join(packageRoot, 'articles', 'lower-back-pain.md'), 'utf8')
// The first real article as it arrived: its red-flag list has lost its heading.
const unfixed = readFileSync(join(packageRoot, 'test', 'fixtures', 'lower-back-pain.unfixed.md'), 'utf8').replace('slug: lower-back-pain\n', 'slug: lower-back-pain-unfixed\n')
const messy = `---
title: Placeholder topic
description: A placeholder description of this article for testing the preview.
category: musculoskeletal
lastReviewed: 2025-12-22
colour: blue
reviewedBy:
  name: Dr Zamiel Hussain
  credential: GMC registered GP
---

# Placeholder topic

These articles are intended as educational sources, not diagnostic nor taking place of a proper medical assessment.

See [www.nhs.uk](https://www.nhs.uk.evil.example/login) for more.

Another paragraph with <span>inline html</span> here.

### Red flag symptoms

- Placeholder symptom

## When to seek GP review

- Placeholder reason

Last reviewed by Dr Zamiel Hussain, GMC registered GP
`

describe('preview in Chromium', slow, () => {
  let root: string
  let server: PreviewServer
  let launched: Promise<Browser | undefined> | undefined

  before(async () => {
    root = previewProject({'articles/lower-back-pain.md': seed, 'articles/unfixed.md': unfixed, 'articles/messy.md': messy}, rules)
    server = await startPreview({cwd: root, config, now, paths: ['articles'], port: 0})
  })
  after(async () => {
    await (await launched)?.close()
    await server.close()
    rmSync(root, {recursive: true, force: true})
  })

  /** A new page in the shared browser (launched on first use), failing on any console error. */
  async function open(context: TestContext, path: string): Promise<Page | undefined> {
    launched ??= launchBrowser(context)
    const browser = await launched
    if (!browser) {
      context.skip('Chromium is not installed')
      return undefined
    }
    const page = await browser.newPage({viewport: {width: 1280, height: 900}})
    const problems: string[] = []
    page.on('console', (message) => void (message.type() === 'error' && problems.push(message.text())))
    page.on('pageerror', (error) => void problems.push(error.message))
    context.after(async () => {
      await page.close()
      // A Content-Security-Policy violation or a script error shows up here.
      assert.deepEqual(problems, [])
    })
    await page.goto(new URL(path, server.url).href)
    return page
  }

  it('lists the articles with their status, review date and problem counts', async (context) => {
    const page = await open(context, '/')
    if (!page) return
    assert.equal(await page.locator('h1').textContent(), 'Articles')
    const rows = await page.locator('table.hl-index tbody tr').evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell as unknown as {innerText: string}).innerText.replace(/\s+/g, ' ').trim()))
    )
    // What lint says about each article, as the index should show it.
    const linter = createLinter({cwd: root, config, now})
    const expected = []
    for (const [path, title] of [['articles/lower-back-pain.md', 'Lower back pain'], ['articles/messy.md', 'Placeholder topic'], ['articles/unfixed.md', 'Lower back pain']] as const) {
      const file = await linter.lintFile(path)
      const errors = file.messages.filter((message) => message.fatal === true).length
      const warnings = file.messages.filter((message) => message.fatal === false).length
      const status = errors === 0 ? '✔ Ready Ready to publish.' : `✖ Withheld Not published: build withholds an article with errors (${errors} error${errors === 1 ? '' : 's'}).`
      expected.push([`${title} ${path}`, status, String(Math.round(file.data.readability!.readingAge)), '22 December 2026 (in 341 days)', `✖ ${errors} error${errors === 1 ? '' : 's'}`, `▲ ${warnings} warning${warnings === 1 ? '' : 's'}`])
    }
    assert.deepEqual(expected.map((row) => row[1]!.slice(0, 10)), ['✔ Ready Re', '✖ Withheld', '✖ Withheld'])
    assert.deepEqual(rows, expected)
    await page.getByRole('link', {name: 'Placeholder topic'}).click()
    await page.waitForURL(/\/article\/articles%2Fmessy\.md$/)
  })

  it('marks each message at its place, and lists it with its rule', async (context) => {
    const page = await open(context, '/article/articles%2Fmessy.md')
    if (!page) return
    // A frontmatter error has no place in the text: it is in the panel at the top.
    const top = page.locator('.hl-summary li[data-hl-rule="frontmatter-schema"]')
    assert.match(await top.textContent() ?? '', /Error 1 Line 6, column 1 frontmatter-schema`colour` is not a frontmatter field\./)

    // The look-alike link: its text is marked inside the link, with a reference after it.
    const link = page.locator('article a[href="https://www.nhs.uk.evil.example/login"]')
    assert.equal(await link.locator('mark.hl-warning').textContent(), 'www.nhs.uk')
    const linkMark = await link.locator('mark').getAttribute('id')
    assert.match(await page.locator(`li:has(a[href="#${linkMark}"])`).textContent() ?? '', /suspicious-link.*This link’s text shows the address “www\.nhs\.uk” but it opens “www\.nhs\.uk\.evil\.example”/)

    // Raw HTML that publishing drops: a marker in the paragraph where it stood.
    const paragraph = page.locator('article p', {hasText: 'Another paragraph with'})
    assert.equal(await paragraph.locator('.hl-point').count(), 2)
    const before = await paragraph.evaluate((element) => {
      const range = element.ownerDocument.createRange()
      range.setStart(element, 0)
      range.setEndBefore(element.querySelector('.hl-point')!)
      return range.toString()
    })
    assert.equal(before, 'Another paragraph with ')

    // Following a message's link moves focus to its mark.
    await page.locator(`a.hl-goto[href="#${linkMark}"]`).click()
    assert.equal(await page.evaluate('document.activeElement.id'), linkMark)
  })

  it('highlights each hard sentence exactly, and lists it with its number', async (context) => {
    const page = await open(context, '/article/articles%2Flower-back-pain.md')
    if (!page) return
    const file = await createLinter({cwd: root, config, now}).lintFile('articles/lower-back-pain.md')
    const text = String(file.value)
    const lines = text.split('\n')
    const offsetOf = (line: number, column: number) => lines.slice(0, line - 1).reduce((sum, each) => sum + each.length + 1, 0) + column - 1
    const hard = file.messages.map((message, index) => ({number: index + 1, message: toReported(message)})).filter(({message}) => message.ruleId === 'hard-sentence')
    assert.ok(hard.length > 5)
    for (const {number, message} of hard) {
      // The sentence as written (list markers and line breaks aside) is the marked text.
      const sentence = text.slice(offsetOf(message.line, message.column), offsetOf(message.endLine, message.endColumn)).replace(/\s+/g, ' ')
      const marked = await page.locator(`mark[data-hl-message="${number}"]`).allTextContents()
      assert.equal(marked.join('').replace(/\s+/g, ' '), sentence, `message ${number}`)
      assert.equal(await page.locator(`#hl-m-${number}`).evaluate((element) => element.tagName), 'MARK')
      assert.match(await page.locator(`#hl-item-${number}`).textContent() ?? '', new RegExp(`Warning ${number} Line ${message.line}, column ${message.column} hard-sentence`))
    }
    await page.locator(`#hl-m-${hard[0]!.number}`).scrollIntoViewIfNeeded()
    mkdirSync(join(packageRoot, 'test-artifacts'), {recursive: true})
    await page.screenshot({path: join(packageRoot, 'test-artifacts', 'preview-hard-sentences.png')})
  })

  it('calls out a red-flag list that has lost its heading, right above the list', async (context) => {
    const page = await open(context, '/article/articles%2Funfixed.md')
    if (!page) return
    const callout = page.locator('article .hl-callout', {hasText: 'require-red-flags'})
    assert.equal(await callout.count(), 1)
    assert.match(await callout.textContent() ?? '', /Error \d+ · require-red-flagsThis list looks like urgent symptoms/)
    const next = await callout.evaluate((element) => [element.nextElementSibling?.tagName, element.nextElementSibling?.querySelector('li')?.textContent])
    assert.deepEqual(next, ['UL', 'Loss of bladder or bowel control'])

    mkdirSync(join(packageRoot, 'test-artifacts'), {recursive: true})
    const screenshot = join(packageRoot, 'test-artifacts', 'preview-article.png')
    await callout.scrollIntoViewIfNeeded()
    await page.screenshot({path: screenshot})
    assert.deepEqual([...readFileSync(screenshot).subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    assert.ok(statSync(screenshot).size > 20_000)
  })

  it('updates the page by itself within a second of the file being saved, keeping the text in view where it was', async (context) => {
    const page = await open(context, '/article/articles%2Fmessy.md')
    if (!page) return
    await page.locator('body[data-hl-listening="true"]').waitFor({state: 'attached', timeout: 5000})
    // A short window, scrolled so that a paragraph below the frontmatter panel is at the top.
    await page.setViewportSize({width: 1280, height: 400})
    const paragraph = page.locator('article p', {hasText: 'Another paragraph with'})
    await paragraph.evaluate((element) => element.scrollIntoView({block: 'start', behavior: 'instant'}))
    const topBefore = await paragraph.evaluate((element) => element.getBoundingClientRect().top)

    const saved = Date.now()
    writeFileSync(join(root, 'articles', 'messy.md'), messy.replace('colour: blue\n', ''))
    await page.locator('[data-hl-rule="frontmatter-schema"]').waitFor({state: 'detached', timeout: 5000})
    const elapsed = Date.now() - saved
    context.diagnostic(`the page updated ${elapsed} ms after the save`)
    assert.ok(elapsed < 1000, `the page took ${elapsed} ms to update`)

    // The frontmatter panel above has gone, yet the paragraph stays where it was on screen.
    assert.ok(await page.evaluate('window.scrollY') as number > 0)
    assert.ok(Math.abs(await paragraph.evaluate((element) => element.getBoundingClientRect().top) - topBefore) <= 1)
    const warnings = (await createLinter({cwd: root, config, now}).lintFile('articles/messy.md')).messages.length
    assert.match(await page.locator('#hl-status').textContent() ?? '', new RegExp(`^Updated at .+: ✖ 0 errors ▲ ${warnings} warnings?$`))
    assert.equal(await page.locator('.hl-summary .hl-status').textContent(), '✔ Ready')
  })

  it('lets a keyboard user skip to the problems and move through them', async (context) => {
    const page = await open(context, '/article/articles%2Funfixed.md')
    if (!page) return
    await page.keyboard.press('Tab')
    assert.equal(await page.evaluate('document.activeElement.textContent'), 'Skip to the problems')
    await page.keyboard.press('Enter')
    assert.equal(await page.evaluate('document.activeElement.id'), 'hl-messages')
    await page.keyboard.press('Tab')
    const first = await page.locator('#hl-messages li a.hl-goto').first().getAttribute('href')
    assert.equal(await page.evaluate('document.activeElement.getAttribute("href")'), first)
    await page.keyboard.press('Enter')
    assert.equal(await page.evaluate('"#" + document.activeElement.id'), first)

    // Without the skip link, Tab still reaches the list, after the links before it.
    await page.reload()
    const linksBefore = await page.locator('header a, .hl-summary a, #hl-article a').count()
    let reached = false
    for (let presses = 0; presses < linksBefore + 3 && !reached; presses++) {
      await page.keyboard.press('Tab')
      reached = await page.evaluate('document.activeElement?.closest("#hl-messages li") != null')
    }
    assert.ok(reached, 'Tab reaches the list of problems')
  })
})
