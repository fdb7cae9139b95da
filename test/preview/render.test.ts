// The preview's pages without a server: what the index says about each article (the same
// decisions as build), and article pages for articles build could not publish.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {resolveConfig} from '../../src/config/config.js'
import {packageRoot} from '../../src/config/package-files.js'
import {renderArticle, renderIndex, summaryOf} from '../../src/preview/render.js'
import {lintText, testRules} from '../helpers.js'
import {builtInRules} from '../../rules/index.js'

const now = '2026-01-15'
const seed = readFileSync(join(packageRoot, 'articles', 'lower-back-pain.md'), 'utf8')
// Only the article's structure matters here: the prose rules are off.
const rules = testRules({'red-flags-urgent-action': 'off', readability: 'off', 'hard-sentence': 'off', 'plain-english': 'off', 'expand-abbreviations': 'off'})
const config = resolveConfig({rules}, {rules: builtInRules})

describe('summaryOf', () => {
  it('says what build will do: publish, skip a draft, withhold for errors or for metadata it cannot publish', async () => {
    const file = await lintText(seed, {rules, now})
    const ready = summaryOf(file, config)
    assert.equal(typeof file.data.readability?.readingAge, 'number')
    assert.deepEqual(ready, {path: 'articles/example-article.md', title: 'Lower back pain', status: 'ready', statusText: 'Ready to publish.', readingAge: file.data.readability?.readingAge, reviewDue: '2026-12-22', errors: 0, warnings: 0, infos: 0})

    const draft = summaryOf(await lintText(seed.replace('category: musculoskeletal\n', 'category: musculoskeletal\nstatus: draft\n'), {rules, now}), config)
    assert.equal(draft.status, 'draft')

    const withErrors = summaryOf(await lintText(seed.replace('category: musculoskeletal\n', 'category: musculoskeletal\ncolour: blue\n'), {rules, now}), config)
    assert.deepEqual([withErrors.status, withErrors.statusText, withErrors.errors], ['withheld', 'Not published: build withholds an article with errors (1 error).', 1])

    // With the schema rule off there is no error, but build still refuses the metadata.
    const offRules = {...rules, 'frontmatter-schema': 'off'}
    const unpublishable = summaryOf(await lintText(seed.replace('category: musculoskeletal\n', 'category: musculoskeletal\ncolour: blue\n'), {rules: offRules, now}), resolveConfig({rules: testRules(offRules)}, {rules: builtInRules}))
    assert.deepEqual([unpublishable.status, unpublishable.errors], ['withheld', 0])
    assert.match(unpublishable.statusText, /^Not published: This article cannot be published because its frontmatter is missing or not valid\./)
  })

  it('falls back to the path when there is no title', async () => {
    const summary = summaryOf(await lintText('', {rules, now}), config)
    assert.deepEqual([summary.title, summary.reviewDue, summary.errors], ['articles/example-article.md', undefined, 1])
  })
})

describe('renderIndex', () => {
  it('shows the reading age in whole years and an overdue review', async () => {
    const file = await lintText(seed.replace('lastReviewed: 2025-12-22', 'lastReviewed: 2024-12-01'), {rules: {...rules, 'review-date': 'off'}, now})
    file.data.readability = {readingAge: 11.6} as NonNullable<typeof file.data.readability>
    const html = renderIndex([summaryOf(file, config)], now)
    assert.match(html, /<td class="hl-number">12<\/td>/)
    assert.match(html, /<time datetime="2025-12-01">1 December 2025<\/time> <span class="hl-overdue">\(overdue by 45 days\)<\/span>/)
  })

  it('escapes titles and paths', async () => {
    const file = await lintText(seed.replace('title: Lower back pain', 'title: "<img src=x onerror=alert(1)>"'), {rules, now, path: 'articles/<b>.md'})
    const html = renderIndex([summaryOf(file, config)], now)
    assert.ok(!html.includes('<img'), html)
    assert.ok(html.includes('&#x3C;img src=x onerror=alert(1)>'))
    assert.ok(html.includes('href="/article/articles%2F%3Cb%3E.md"'))
  })
})

describe('renderArticle', () => {
  it('lists every message of a file with no body at the top, and shows no article body', async () => {
    const html = renderArticle(await lintText('', {rules, now}), config, now)
    assert.match(html, /<h3 id="hl-file-heading">Problems in the frontmatter or the file \(1\)<\/h3>/)
    assert.match(html, /data-hl-rule="empty-article"/)
    assert.match(html, /<p class="hl-empty">This article has no body that can be shown\.<\/p>/)
    assert.match(html, /Problems in the text \(0\)/)
  })

  it('shows the body of an article whose frontmatter build refuses, with its title', async () => {
    const body = 'Placeholder paragraph without a title.\n'
    const bodyRules = {...rules, 'require-disclaimer': 'off', 'require-red-flags': 'off', 'require-reviewer': 'off', 'require-seek-review': 'off'}
    const html = renderArticle(await lintText(`---\ntitle: Placeholder\ncolour: blue\n---\n\n${body}`, {rules: bodyRules, now}), resolveConfig({rules: testRules(bodyRules)}, {rules: builtInRules}), now)
    assert.match(html, /<article><h1>Placeholder<\/h1><p>Placeholder paragraph without a title\.<\/p>/)
    // No footer: build would publish no page, so there are no review dates to show on one.
    assert.doesNotMatch(html, /<footer>/)
  })

  it('shows an article whose rendering runs over its time budget as an error, without its body', async () => {
    const bodyRules = {...rules, 'require-disclaimer': 'off', 'require-red-flags': 'off', 'require-reviewer': 'off', 'require-seek-review': 'off'}
    // Linted and shown in full with a budget that suffices even on a loaded machine: only the
    // rendering's own budget is under test.
    const generous = {maxCheckMilliseconds: 60_000}
    const file = await lintText(seed.replace(/\n## /, '\n' + '## Side effects\n\n- Placeholder item\n\n'.repeat(2000) + '## '), {rules: bodyRules, now, limits: generous})
    assert.equal(file.messages.filter((message) => message.fatal).length, 0, 'the article passes lint')
    const tight = resolveConfig({rules: testRules(bodyRules)}, {rules: builtInRules})
    tight.limits.maxCheckMilliseconds = 1
    const started = performance.now()
    const html = renderArticle(file, tight, now)
    assert.ok(performance.now() - started < 5000)
    assert.match(html, /data-hl-rule="markdown-limits"/)
    assert.match(html, /Turning this article into a page took longer than 1 ms, so it was stopped and the article is not published\./)
    assert.match(html, /hl-status-withheld/)
    assert.match(html, /<p class="hl-empty">This article has no body that can be shown\.<\/p>/)
    assert.doesNotMatch(html, /Placeholder item/)
    // Within a budget that suffices, the same article is shown in full.
    assert.match(renderArticle(file, resolveConfig({rules: testRules(bodyRules), limits: generous}, {rules: builtInRules}), now), /<li>Placeholder item<\/li>/)
  })
})
