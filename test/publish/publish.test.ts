// Publishing for downstream sites: the site configuration, evidence and language in every
// output, hubs, sitemap and feeds, the search index, the manifest's history across builds,
// tombstones and redirects, and the overdue-review policy. Every file is checked against its
// schema (strict variants) by assertValidBundle.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {readFile, rm, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import MiniSearch from 'minisearch'
import {SaxesParser} from 'saxes'
import {compileSchema} from '../../src/config/schema.js'
import {packageRoot} from '../../src/config/package-files.js'
import {runCli} from '../helpers.js'
import {article, assertSafeBundle, assertValidBundle, seedBody, snapshot} from '../build/support.js'
import {temporaryProject} from '../project.js'
import {capped, searchDocumentOf, searchFieldLimits} from '../../src/publish/site-files.js'

const now = '2026-01-15'
const site = {site: {baseUrl: 'https://example.org/health/', name: 'Example health'}, categories: {testing: {name: 'Testing hub', description: 'Articles used to test publishing.'}, 'mental-health': {name: 'Mental health'}}}
const config = (extra: Record<string, unknown> = {}) => JSON.stringify({...site, ...extra})
const readJson = async <T = Record<string, unknown>>(path: string) => JSON.parse(await readFile(path, 'utf8')) as T
const validateJsonFeed = compileSchema(JSON.parse(await readFile(join(packageRoot, 'test/fixtures/publish/json-feed-1.1.schema.json'), 'utf8')) as Record<string, unknown>)

const sources = 'sources:\n  - title: "Low back pain & sciatica in over 16s (NICE NG59)"\n    url: https://www.nice.org.uk/guidance/ng59'
// The Welsh version's body is the English placeholder on purpose: these tests check how a
// translation is published, not its wording (healthlint never writes clinical text).
const welsh = 'lang: cy-GB\ntranslationOf: lower-back-pain'

function corpus(): Record<string, string> {
  return {
    'healthlint.config.json': config(),
    'articles/lower-back-pain.md': article(seedBody(), {title: 'Lower back pain', extra: sources}),
    'articles/poen-cefn.md': article(seedBody('Poen cefn'), {title: 'Poen yng ngwaelod y cefn', extra: welsh}),
    'articles/neck-pain.md': article(seedBody('Neck pain'), {title: 'Neck pain'})
  }
}

/** Parse strictly (saxes throws on any well-formedness error): the elements' names and texts, in order. */
function parseXml(xml: string): Array<{name: string; attributes: Record<string, string>; text: string}> {
  const parser = new SaxesParser({xmlns: true})
  const elements: Array<{name: string; attributes: Record<string, string>; text: string}> = []
  const open: typeof elements = []
  parser.on('opentag', (tag) => {
    const element = {name: tag.local, attributes: Object.fromEntries(Object.entries(tag.attributes).map(([name, value]) => [name, typeof value === 'string' ? value : value.value])), text: ''}
    elements.push(element)
    open.push(element)
  })
  parser.on('text', (text) => {
    if (open.length > 0) open.at(-1)!.text += text
  })
  parser.on('closetag', () => open.pop())
  parser.write(xml).close()
  return elements
}

describe('publishing for sites', () => {
  it('publishes sources, language versions, canonical URLs and hub names in every output', async () => {
    const cwd = temporaryProject(corpus())
    const result = await runCli(['build', '--now', now], cwd)
    assert.equal(result.code, 0, result.stdout + result.stderr)
    const {index, files} = await assertValidBundle(join(cwd, 'dist'))
    assertSafeBundle(files)
    const english = await readJson<Record<string, unknown>>(join(cwd, 'dist/articles/lower-back-pain.json'))
    assert.deepEqual(english.sources, [{title: 'Low back pain & sciatica in over 16s (NICE NG59)', url: 'https://www.nice.org.uk/guidance/ng59'}])
    assert.equal(english.url, 'https://example.org/health/articles/lower-back-pain.html')
    assert.equal(english.categoryName, 'Testing hub')
    assert.equal(english.lang, 'en-GB')
    assert.deepEqual(english.translations, [{lang: 'cy-GB', slug: 'poen-cefn', url: 'https://example.org/health/articles/poen-cefn.html'}])
    const page = files.get('articles/lower-back-pain.html')!.toString('utf8')
    assert.match(page, /<section class="sources" aria-label="Sources"><h2>Sources<\/h2><ul><li><a href="https:\/\/www.nice.org.uk\/guidance\/ng59">Low back pain &#x26; sciatica in over 16s \(NICE NG59\)<\/a><\/li><\/ul><\/section>/)
    assert.match(page, /<link rel="canonical" href="https:\/\/example.org\/health\/articles\/lower-back-pain.html">/)
    assert.match(page, /<link rel="alternate" hreflang="en-GB" href="https:\/\/example.org\/health\/articles\/lower-back-pain.html">\n<link rel="alternate" hreflang="cy-GB" href="https:\/\/example.org\/health\/articles\/poen-cefn.html">/)
    const structured = JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(page)![1]!) as Record<string, unknown>
    assert.deepEqual(structured.citation, [{'@type': 'CreativeWork', name: 'Low back pain & sciatica in over 16s (NICE NG59)', url: 'https://www.nice.org.uk/guidance/ng59'}])
    assert.equal(structured.dateModified, '2025-12-22')
    assert.equal(structured.url, english.url)

    const cymraeg = files.get('articles/poen-cefn.html')!.toString('utf8')
    assert.match(cymraeg, /^<!doctype html>\n<html lang="cy-GB">/)
    assert.match(cymraeg, /<link rel="alternate" hreflang="en-GB" href="https:\/\/example.org\/health\/articles\/lower-back-pain.html">/)
    assert.match(cymraeg, /<nav class="translations" aria-label="Other languages"><ul><li><a href="lower-back-pain.html" hreflang="en-GB" lang="en-GB">British English<\/a><\/li><\/ul><\/nav>/)
    assert.match(cymraeg, /"inLanguage":"cy-GB"/)
    const entry = index.articles.find((article) => article.slug === 'poen-cefn')!
    assert.equal(entry.lang, 'cy-GB')
    assert.equal(entry.translationOf, 'lower-back-pain')
    assert.equal(index.articles.find((article) => article.slug === 'neck-pain')!.translationOf, null)
    assert.doesNotMatch(files.get('articles/neck-pain.html')!.toString('utf8'), /hreflang/, 'an article without translations has no alternates')

    // One reviewer line: the body's own ("Last reviewed by …"), not a second one in the footer.
    assert.equal(page.slice(page.indexOf('<body>')).match(/Dr Jane Smith/g)?.length, 1)
    assert.match(page, /<footer>\n<p class="review-dates">Last reviewed: /)
    assert.match(page, /<link rel="stylesheet" href="..\/assets\/healthlint.css">/)
    assert.match(files.get('assets/healthlint.css')!.toString('utf8'), /@media print/)
  })

  it('writes hubs with display names, a sitemap, an Atom feed and a JSON Feed 1.1', async () => {
    const cwd = temporaryProject(corpus())
    assert.equal((await runCli(['build', '--now', now], cwd)).code, 0)
    const {index} = await assertValidBundle(join(cwd, 'dist'))
    assert.deepEqual(index.categories, [
      {slug: 'mental-health', name: 'Mental health', description: null, articles: 0, file: 'hubs/mental-health.json'},
      {slug: 'testing', name: 'Testing hub', description: 'Articles used to test publishing.', articles: 3, file: 'hubs/testing.json'}
    ])
    const hub = await readJson<{name: string; articles: Array<{slug: string}>}>(join(cwd, 'dist/hubs/testing.json'))
    assert.equal(hub.name, 'Testing hub')
    assert.deepEqual(hub.articles.map((article) => article.slug), ['lower-back-pain', 'neck-pain', 'poen-cefn'])

    const sitemap = parseXml(await readFile(join(cwd, 'dist/sitemap.xml'), 'utf8'))
    assert.equal(sitemap[0]!.name, 'urlset')
    assert.deepEqual(sitemap.filter((element) => element.name === 'loc').map((element) => element.text), ['lower-back-pain', 'neck-pain', 'poen-cefn'].map((slug) => `https://example.org/health/articles/${slug}.html`))
    assert.deepEqual(sitemap.filter((element) => element.name === 'lastmod').map((element) => element.text), ['2025-12-22', '2025-12-22', '2025-12-22'])

    const atom = parseXml(await readFile(join(cwd, 'dist/feed.xml'), 'utf8'))
    assert.equal(atom[0]!.name, 'feed')
    assert.equal(atom.filter((element) => element.name === 'entry').length, 3)
    for (const required of ['id', 'title', 'updated', 'author']) assert.ok(atom.some((element) => element.name === required), `the feed has <${required}>`)
    assert.deepEqual(atom.filter((element) => element.name === 'category').map((element) => element.attributes.label), ['Testing hub', 'Testing hub', 'Testing hub'])

    const feed = await readJson<{items: Array<{id: string; language: string}>}>(join(cwd, 'dist/feed.json'))
    assert.ok(validateJsonFeed(feed), JSON.stringify(validateJsonFeed.errors))
    assert.equal(feed.items.length, 3)
    assert.equal(feed.items.find((item) => item.id.endsWith('poen-cefn.html'))!.language, 'cy-GB')
  })

  it('writes no sitemap or feeds without site.baseUrl (they need absolute addresses), and no canonical link', async () => {
    const cwd = temporaryProject({...corpus(), 'healthlint.config.json': '{}'})
    assert.equal((await runCli(['build', '--now', now], cwd)).code, 0)
    const {files} = await assertValidBundle(join(cwd, 'dist'))
    for (const name of ['sitemap.xml', 'feed.xml', 'feed.json']) assert.ok(!files.has(name), `no ${name}`)
    const page = files.get('articles/lower-back-pain.html')!.toString('utf8')
    assert.doesNotMatch(page, /rel="canonical"/)
    assert.match(page, /<link rel="alternate" hreflang="cy-GB" href="poen-cefn.html">/)
  })

  it('builds a search index in which a query finds the article', async () => {
    const cwd = temporaryProject({'articles/lower-back-pain.md': await readFile(join(packageRoot, 'articles/lower-back-pain.md'), 'utf8'), 'articles/neck-pain.md': article(seedBody('Neck pain'), {title: 'Neck pain'})})
    assert.equal((await runCli(['build', '--now', now], cwd)).code, 0)
    await assertValidBundle(join(cwd, 'dist'))
    const file = await readJson<{options: {idField: string; fields: string[]; storeFields: string[]}; index: unknown}>(join(cwd, 'dist/search-index.json'))
    const search = MiniSearch.loadJSON(JSON.stringify(file.index), file.options)
    const results = search.search('numbness genitals inner thighs')
    assert.equal(results[0]?.id, 'lower-back-pain')
    assert.equal(results[0]?.title, 'Lower back pain')
    assert.equal(results[0]?.file, 'articles/lower-back-pain.html')
    assert.deepEqual(search.search('physiotherapist sonali').map((result) => result.id), ['lower-back-pain'], 'words only the seed article has')
    assert.deepEqual(search.search('zzzzunknownword'), [])
    assert.deepEqual(file.options.fields, ['title', 'description', 'headings', 'safety', 'opening'])
  })

  it('indexes bounded fields, so the index grows with the number of articles and not their length', async () => {
    // A word placed only after a long body is not indexed; one in the opening is.
    const filler = 'Keep moving gently and take breaks from sitting. '.repeat(200)
    const cwd = temporaryProject({'articles/neck-pain.md': article(seedBody('Neck pain', ` Openingword here. ${filler}Trailingword here.`), {title: 'Neck pain'})})
    assert.equal((await runCli(['build', '--now', now], cwd)).code, 0)
    const file = await readJson<{options: {idField: string; fields: string[]; storeFields: string[]}; index: unknown}>(join(cwd, 'dist/search-index.json'))
    const search = MiniSearch.loadJSON(JSON.stringify(file.index), file.options)
    assert.deepEqual(search.search('openingword').map((result) => result.id), ['neck-pain'])
    assert.deepEqual(search.search('trailingword'), [])

    const long = {slug: 'a', title: 'A', description: 'B', lang: 'en-GB', url: null, sections: Array.from({length: 500}, (_, i) => ({heading: `Heading number ${i}`})), redFlags: Array.from({length: 500}, () => 'Call 999 if you have chest pain'), seekReview: []}
    const document = searchDocumentOf(long, 'articles/a.html', filler.repeat(10))
    assert.ok(document.headings.length <= searchFieldLimits.headings && document.headings.length > searchFieldLimits.headings - 30)
    assert.ok(document.safety.length <= searchFieldLimits.safety && document.opening.length <= searchFieldLimits.opening)
  })

  it('cuts a long field after a whole word', () => {
    assert.equal(capped('short text', 100), 'short text')
    assert.equal(capped('one two three four', 9), 'one two')
    assert.equal(capped('one two three four', 7), 'one two')
    assert.equal(capped('abcdefghij', 4), 'abcd')
  })

  it('rejects site settings that are not valid, naming the setting', async () => {
    for (const [bad, expected] of [
      [{site: {baseUrl: 'http://example.org/'}}, /site\/baseUrl|baseUrl/],
      [{site: {baseUrl: 'https://example.org/health'}}, /baseUrl/],
      [{categories: {'Not A Slug': {name: 'x'}}}, /categories/],
      [{categories: {testing: {description: 'No name'}}}, /name/],
      [{publish: {overdue: 'ignore'}}, /overdue/]
    ] as const) {
      const cwd = temporaryProject({...corpus(), 'healthlint.config.json': JSON.stringify(bad)})
      const result = await runCli(['build', '--now', now], cwd)
      assert.equal(result.code, 2, JSON.stringify(bad))
      assert.match(result.stderr, expected)
      assert.equal(await snapshot(join(cwd, 'dist')), undefined, 'nothing is written')
    }
  })

  it('makes an undeclared category a frontmatter-schema error once categories are declared', async () => {
    const cwd = temporaryProject({...corpus(), 'articles/neck-pain.md': article(seedBody('Neck pain'), {title: 'Neck pain'}).replace('category: testing', 'category: testin')})
    const result = await runCli(['build', '--now', now], cwd)
    assert.equal(result.code, 1)
    assert.match(result.stdout, /articles\/neck-pain\.md:4:11 +error +`category` is `testin`, which is not one of the site's categories \(testing, mental-health\)\. Did you mean `testing`\? +frontmatter-schema/)
    const {index} = await assertValidBundle(join(cwd, 'dist'))
    assert.deepEqual(index.tombstones, [{slug: 'neck-pain', reason: 'errors', since: now}])
  })
})

describe('build --summary', () => {
  it('appends the job summary, as lint does, and still publishes', async () => {
    const cwd = temporaryProject(corpus())
    const result = await runCli(['build', '--now', now, '--summary', 'summary.md'], cwd)
    assert.equal(result.code, 0, result.stderr)
    const summary = await readFile(join(cwd, 'summary.md'), 'utf8')
    for (const path of ['articles/lower-back-pain.md', 'articles/neck-pain.md', 'articles/poen-cefn.md']) assert.ok(summary.includes(path), `${path} has a row`)
    assert.equal((await assertValidBundle(join(cwd, 'dist'))).index.articles.length, 3)
  })
})

describe('the manifest across builds', () => {
  it('lists what changed, keeps datePublished and moves dateModified only when the content changes', async () => {
    const cwd = temporaryProject(corpus())
    assert.equal((await runCli(['build', '--now', '2026-01-15'], cwd)).code, 0)
    type Manifest = {previous: boolean; changes: {added: string[]; changed: string[]; removed: string[]}; articles: Array<{slug: string; datePublished: string; dateModified: string}>; articleChanges: {added: string[]; updated: string[]; removed: string[]}}
    const first = await readJson<Manifest>(join(cwd, 'dist/manifest.json'))
    assert.equal(first.previous, false)
    assert.deepEqual(first.changes.changed, [])
    assert.ok(first.changes.added.includes('articles/neck-pain.html'))
    assert.deepEqual(first.articleChanges.added, ['lower-back-pain', 'neck-pain', 'poen-cefn'])

    await writeFile(join(cwd, 'articles/neck-pain.md'), article(seedBody('Neck pain', ' It usually gets better.'), {title: 'Neck pain'}))
    await rm(join(cwd, 'articles/poen-cefn.md'))
    await writeFile(join(cwd, 'articles/hip-pain.md'), article(seedBody('Hip pain'), {title: 'Hip pain'}))
    assert.equal((await runCli(['build', '--now', '2026-02-01'], cwd)).code, 0)
    const {index} = await assertValidBundle(join(cwd, 'dist'))
    const second = await readJson<Manifest>(join(cwd, 'dist/manifest.json'))
    assert.equal(second.previous, true)
    assert.deepEqual(second.articleChanges, {added: ['hip-pain'], updated: ['neck-pain'], removed: ['poen-cefn']})
    assert.ok(second.changes.changed.includes('articles/neck-pain.html') && second.changes.changed.includes('articles/neck-pain.json'))
    // The English page lost its link to the removed Welsh version: its files changed, its source did not.
    assert.ok(second.changes.changed.includes('articles/lower-back-pain.json'))
    assert.deepEqual((await readJson<{translations: unknown[]}>(join(cwd, 'dist/articles/lower-back-pain.json'))).translations, [])
    assert.deepEqual(second.changes.removed, ['articles/poen-cefn.html', 'articles/poen-cefn.json'])
    assert.ok(second.changes.added.includes('articles/hip-pain.html'))
    const dates = Object.fromEntries(second.articles.map((article) => [article.slug, [article.datePublished, article.dateModified]]))
    assert.deepEqual(dates, {'hip-pain': ['2026-02-01', '2026-02-01'], 'lower-back-pain': ['2025-12-22', '2025-12-22'], 'neck-pain': ['2025-12-22', '2026-02-01']})
    const neck = await readJson<{dateModified: string}>(join(cwd, 'dist/articles/neck-pain.json'))
    assert.equal(neck.dateModified, '2026-02-01')
    assert.deepEqual(index.tombstones, [{slug: 'poen-cefn', reason: 'removed', since: '2026-02-01'}])

    // A third build with nothing changed: the tombstone keeps its date, and nothing is listed as changed.
    assert.equal((await runCli(['build', '--now', '2026-03-01'], cwd)).code, 0)
    const third = await readJson<Manifest>(join(cwd, 'dist/manifest.json'))
    assert.deepEqual(third.changes, {added: [], changed: [], removed: []})
    assert.deepEqual((await assertValidBundle(join(cwd, 'dist'))).index.tombstones, [{slug: 'poen-cefn', reason: 'removed', since: '2026-02-01'}])
  })

  it('is byte-identical for the same inputs, config, --now and previous bundle (--previous)', async () => {
    const a = temporaryProject(corpus())
    const b = temporaryProject(corpus())
    assert.equal((await runCli(['build', '--now', '2026-01-15', '--out', 'old'], a)).code, 0)
    assert.equal((await runCli(['build', '--now', '2026-01-15', '--out', 'old'], b)).code, 0)
    await writeFile(join(a, 'articles/neck-pain.md'), article(seedBody('Neck pain', ' Changed.'), {title: 'Neck pain'}))
    await writeFile(join(b, 'articles/neck-pain.md'), article(seedBody('Neck pain', ' Changed.'), {title: 'Neck pain'}))
    assert.equal((await runCli(['build', '--now', '2026-02-01', '--previous', 'old'], a)).code, 0)
    assert.equal((await runCli(['build', '--now', '2026-02-01', '--previous', 'old', '--out', 'elsewhere'], b)).code, 0)
    assert.deepEqual(await snapshot(join(a, 'dist')), await snapshot(join(b, 'elsewhere')))
    assert.deepEqual((await readJson<{articleChanges: unknown}>(join(a, 'dist/manifest.json'))).articleChanges, {added: [], updated: ['neck-pain'], removed: []})
  })

  it('ignores a previous bundle that is not one, saying so, and never crashes', async () => {
    const cwd = temporaryProject({...corpus(), 'old/index.json': '{"schemaVersion": "2.0", "articles": []}'})
    const result = await runCli(['build', '--now', now, '--previous', 'old'], cwd)
    assert.equal(result.code, 0)
    assert.match(result.stderr, /the previous bundle is not compared with: its index.json is not a healthlint 1.x bundle index/)
    assert.equal((await readJson<{previous: boolean}>(join(cwd, 'dist/manifest.json'))).previous, false)
    await writeFile(join(cwd, 'old/index.json'), '{not json')
    assert.equal((await runCli(['build', '--now', now, '--previous', 'old'], cwd)).code, 0)
  })
})

describe('tombstones and redirects', () => {
  it('records a rename from redirectFrom, and from the previous manifest when the slug changes', async () => {
    const cwd = temporaryProject(corpus())
    assert.equal((await runCli(['build', '--now', '2026-01-15'], cwd)).code, 0)
    // neck-pain.md now publishes as `neck-and-shoulder-pain`: the manifest knows its source.
    await writeFile(join(cwd, 'articles/neck-pain.md'), article(seedBody('Neck pain'), {title: 'Neck pain', slug: 'neck-and-shoulder-pain'}))
    // A new file says which old address it replaces.
    await writeFile(join(cwd, 'articles/back-pain.md'), article(seedBody('Back pain'), {title: 'Back pain', extra: 'redirectFrom: [old-back-pain]'}))
    assert.equal((await runCli(['build', '--now', '2026-02-01'], cwd)).code, 0)
    const {index} = await assertValidBundle(join(cwd, 'dist'))
    assert.deepEqual(index.tombstones, [
      {slug: 'neck-pain', reason: 'renamed-to', to: 'neck-and-shoulder-pain', since: '2026-02-01'},
      {slug: 'old-back-pain', reason: 'renamed-to', to: 'back-pain', since: '2026-02-01'}
    ])
    const moved = (await readJson<{articles: Array<{slug: string; datePublished: string}>}>(join(cwd, 'dist/manifest.json'))).articles.find((article) => article.slug === 'neck-and-shoulder-pain')!
    assert.equal(moved.datePublished, '2025-12-22', 'a renamed article keeps its history')
    // The rename is remembered after the redirectFrom is gone.
    await writeFile(join(cwd, 'articles/back-pain.md'), article(seedBody('Back pain'), {title: 'Back pain'}))
    assert.equal((await runCli(['build', '--now', '2026-03-01'], cwd)).code, 0)
    assert.deepEqual((await assertValidBundle(join(cwd, 'dist'))).index.tombstones.map((tombstone) => [tombstone.slug, tombstone.reason, tombstone.since]), [['neck-pain', 'renamed-to', '2026-02-01'], ['old-back-pain', 'renamed-to', '2026-02-01']])
  })
})

describe('an overdue review', () => {
  // lastReviewed 2025-12-22 plus 365 days: due 2026-12-22, overdue from the day after.
  const late = '2026-12-23'
  const overdueCorpus = (policy?: 'withhold' | 'flag') => ({
    ...corpus(),
    ...(policy ? {'healthlint.config.json': config({publish: {overdue: policy}})} : {}),
    'articles/neck-pain.md': article(seedBody('Neck pain'), {title: 'Neck pain', lastReviewed: '2026-06-01'}),
    'articles/poen-cefn.md': article(seedBody('Poen cefn'), {title: 'Poen yng ngwaelod y cefn', lastReviewed: '2026-06-01', extra: welsh})
  })

  it('is withheld by default, listed as review-overdue, and the rest is still published', async () => {
    const cwd = temporaryProject(overdueCorpus())
    const result = await runCli(['build', '--now', late], cwd)
    assert.equal(result.code, 1, 'the run still fails, so the overdue review is seen')
    assert.match(result.stderr, /^Published 2 articles to dist\/\.\nWithheld 1 article whose clinical review is overdue: a clinician must review it and update lastReviewed and reviewedBy \(index.json lists it as review-overdue; set "publish": \{"overdue": "flag"\} in healthlint.config.json to publish with a notice instead\):\n  articles\/lower-back-pain.md\n$/)
    const {index} = await assertValidBundle(join(cwd, 'dist'))
    assert.deepEqual(index.articles.map((entry) => entry.slug), ['neck-pain', 'poen-cefn'])
    assert.deepEqual(index.tombstones, [{slug: 'lower-back-pain', reason: 'review-overdue', since: late}])
  })

  it('is published with reviewOverdue and a visible notice under publish.overdue: flag', async () => {
    const cwd = temporaryProject(overdueCorpus('flag'))
    const result = await runCli(['build', '--now', late], cwd)
    assert.equal(result.code, 1)
    assert.match(result.stderr, /Published 3 articles to dist\/\.\nIts review is overdue, so it is published with a notice saying so \(publish.overdue: flag\)\. A clinician must review it, then update lastReviewed:\n  lower-back-pain\n/)
    const {index, files} = await assertValidBundle(join(cwd, 'dist'))
    assert.deepEqual(index.tombstones, [])
    assert.equal(index.articles.find((entry) => entry.slug === 'lower-back-pain')!.reviewOverdue, true)
    assert.equal(index.articles.find((entry) => entry.slug === 'neck-pain')!.reviewOverdue, false)
    const page = files.get('articles/lower-back-pain.html')!.toString('utf8')
    assert.match(page, /<div class="review-overdue" role="note"><p><strong>This page is overdue for clinical review.<\/strong> Its review was due on 22 December 2026, so some of the information may be out of date.<\/p><\/div>/)
    assert.doesNotMatch(files.get('articles/neck-pain.html')!.toString('utf8'), /review-overdue/)
  })

  it('is not let through by flag when the article has other errors', async () => {
    const cwd = temporaryProject({...overdueCorpus('flag'), 'articles/lower-back-pain.md': article(seedBody().replace('### Red flag symptoms', '### Symptoms'), {title: 'Lower back pain'})})
    const result = await runCli(['build', '--now', late], cwd)
    assert.equal(result.code, 1)
    const {index} = await assertValidBundle(join(cwd, 'dist'))
    assert.deepEqual(index.tombstones, [{slug: 'lower-back-pain', reason: 'errors', since: late}])
  })
})
