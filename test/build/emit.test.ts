// The emitter on its own: what each bundle field holds, and that frontmatter values are escaped
// wherever they land (text, attributes, the JSON-LD block, JSON files).
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {roundedScores} from '../../src/report/readability.js'
import {join} from 'node:path'
import {readFile} from 'node:fs/promises'
import {resolveConfig} from '../../src/config/config.js'
import type {ResolvedConfig} from '../../src/config/config.js'
import {emitArticle, emitWithinBudget, formatDate, renderPage} from '../../src/publish/emit.js'
import {toJsonText} from '../../src/publish/bundle.js'
import type {EmittedArticle} from '../../src/publish/emit.js'
import type {BundleArticle} from '../../src/publish/bundle.js'
import {isPublishableUrl} from '../../src/publish/sanitize.js'
import {lintText, runCli, testRules} from '../helpers.js'
import {article, assertValidBundle, attributesOf, seedBody, validateArticle, withoutAttributeValues} from './support.js'
import {temporaryProject} from '../project.js'
import {builtInRules} from '../../rules/index.js'

const defaults = resolveConfig({}, {rules: builtInRules})

/** A config with settings for rules other helpers add (review-date, require-red-flags …). */
function withRule(id: string, options: Record<string, unknown>): ResolvedConfig {
  return resolveConfig({rules: {[id]: ['error', options]}}, {rules: builtInRules})
}

async function emit(input: string, config: ResolvedConfig = defaults, path = 'articles/lower-back-pain.md', limits?: Record<string, number>): Promise<EmittedArticle> {
  const file = await lintText(input, {path, ...(limits ? {limits} : {})})
  const result = emitArticle(file, config)
  assert.ok(result.ok, result.ok ? '' : result.reason)
  assert.ok(validateArticle(result.value.article), JSON.stringify(validateArticle.errors))
  return result.value
}

/** Decode the character references hast-util-to-html writes. */
function decode(text: string): string {
  return text.replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16))).replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&quot;', '"')
}

describe('emitArticle', () => {
  it('fills every field from the frontmatter, the body and the source bytes', async () => {
    const input = article(seedBody(), {extra: 'tags: [back, pain]\ncontributors:\n  - name: Sam Lee\n    role: Physiotherapist'})
    const {slug, article: json, entry} = await emit(input)
    assert.equal(slug, 'lower-back-pain')
    assert.equal(json.title, 'Placeholder article')
    assert.deepEqual(json.tags, ['back', 'pain'])
    assert.deepEqual(json.reviewedBy, {name: 'Dr Jane Smith', credential: 'GMC registered GP'})
    assert.deepEqual(json.contributors, [{name: 'Sam Lee', role: 'Physiotherapist'}])
    assert.equal(json.lastReviewed, '2025-12-22')
    assert.equal(json.nextReviewDue, '2026-12-22', 'a year after the last review by default')
    assert.deepEqual(json.redFlags, ['Loss of bladder or bowel control', 'Progressive leg weakness'])
    assert.deepEqual(json.seekReview, ['Back pain is not improving after 2 to 4 weeks', 'Pain spreads down the leg'])
    const {createHash} = await import('node:crypto')
    assert.equal(json.contentHash, createHash('sha256').update(input).digest('hex'))
    const linted = await lintText(input, {path: 'articles/lower-back-pain.md'})
    assert.deepEqual(json.readability, roundedScores(linted.data.readability!), 'the scores the lint computed, as the JSON report rounds them')
    assert.deepEqual(entry.files, {html: 'articles/lower-back-pain.html', json: 'articles/lower-back-pain.json'})
  })

  it('splits the body into sections at every heading, with ids that match the HTML', async () => {
    const {article: json} = await emit(article('Intro before any heading.\n\n# Title\n\nOne.\n\n## Part *two*\n\nTwo.\n\n### Deeper\n\nThree.\n\n## Part two\n\nFour, see [part two](#part-two) and [the other](#part-two-1) and [nowhere](#missing).\n'))
    assert.deepEqual(json.sections.map(({id, heading, text}) => ({id, heading, text})), [
      {id: 'user-content-title', heading: 'Title', text: 'One.'},
      {id: 'user-content-part-two', heading: 'Part two', text: 'Two.'},
      {id: 'user-content-deeper', heading: 'Deeper', text: 'Three.'},
      {id: 'user-content-part-two-1', heading: 'Part two', text: 'Four, see part two and the other and nowhere.'}
    ])
    assert.equal(json.sections[0]!.html, '<p>One.</p>')
    assert.match(json.html, /^<p>Intro before any heading.<\/p>/)
    assert.match(json.html, /<a href="#user-content-part-two">part two<\/a> and <a href="#user-content-part-two-1">the other<\/a> and <a>nowhere<\/a>/)
  })

  it('takes the review interval and section headings from the rules\' options', async () => {
    const interval = await emit(article(seedBody()), withRule('review-date', {maxAgeDays: 180}))
    assert.equal(interval.article.nextReviewDue, '2026-06-20')
    const explicit = await emit(article(seedBody(), {extra: 'nextReview: 2026-03-01'}), withRule('review-date', {maxAgeDays: 180}))
    assert.equal(explicit.article.nextReviewDue, '2026-03-01', 'nextReview wins')
    const body = '# Title\n\n## Urgent symptoms\n\nCall 999 if you have placeholder symptom A.\n\n## Ask your GP\n\n- Placeholder reason B\n'
    const configured = await emit(article(body), resolveConfig({rules: {'require-red-flags': ['error', {headings: ['Urgent symptoms']}], 'require-seek-review': ['error', {headings: ['Ask your GP']}]}}, {rules: builtInRules}))
    assert.deepEqual(configured.article.redFlags, ['Call 999 if you have placeholder symptom A.'], 'paragraphs when the section has no list')
    assert.deepEqual(configured.article.seekReview, ['Placeholder reason B'])
    const unconfigured = await emit(article(body))
    assert.deepEqual([unconfigured.article.redFlags, unconfigured.article.seekReview], [['Call 999 if you have placeholder symptom A.'], ['Placeholder reason B']], 'recognised by meaning without the config')
    const neutral = await emit(article('# Title\n\n## Placeholder heading A\n\n- Placeholder item\n'))
    assert.deepEqual([neutral.article.redFlags, neutral.article.seekReview], [[], []])
  })

  it('publishes only the documented readability scores, rounded to 2 decimals', async () => {
    const file = await lintText(article(seedBody()), {path: 'articles/lower-back-pain.md'})
    const scores = {sentences: 3, words: 40, syllables: 60, polysyllables: 2, complexWords: 2, letters: 180, fleschReadingEase: 70.1, fleschKincaidGrade: 6.2, smog: 7.1, gunningFog: 8, colemanLiau: 7.5, automatedReadabilityIndex: 5.9, readingAge: 11.2}
    file.data.readability = {...scores, readingAge: 11.2049, internalNote: 'not for the bundle'} as typeof scores
    const result = emitArticle(file, defaults)
    assert.ok(result.ok)
    assert.deepEqual(result.value.article.readability, scores)
    assert.ok(validateArticle(result.value.article))
  })

  it('takes the bundle\'s plain text from the published, sanitised HTML, never from raw HTML', async () => {
    const body = [
      '# Title',
      '',
      '## Red flags',
      '',
      '- Chest pain <img src=x onerror=alert(1)>',
      '- <a href="javascript:alert(2)">Call 999</a> if you cannot breathe',
      '- [Severe headache](javascript:alert(3)) with a stiff neck',
      '- A rash that does not fade <!-- note for editors: alert(4) -->',
      '- <!-- a comment block: alert(8) --> hides the rest of its line',
      '- <img src=x onerror=alert(5)>',
      '- Fever[^1] and ![a blue tinge to the lips](https://example.org/lips.png)',
      '',
      '## When to seek GP review',
      '',
      '<script>alert(6)</script>',
      '',
      'Pain that lasts <svg onload=alert(7)>more than 2 weeks</svg>.',
      '',
      '[^1]: A temperature of 38C or above.',
      ''
    ].join('\n')
    const {article: json} = await emit(article(body))
    assert.deepEqual(json.redFlags, [
      'Chest pain',
      'Call 999 if you cannot breathe',
      'Severe headache with a stiff neck',
      'A rash that does not fade',
      'Fever and a blue tinge to the lips'
    ])
    assert.deepEqual(json.seekReview, ['Pain that lasts more than 2 weeks.'])
    const text = JSON.stringify([json.redFlags, json.seekReview, json.sections.map(({heading, text}) => [heading, text])])
    for (const raw of ['alert', 'onerror', 'javascript', '<', 'note for editors']) assert.ok(!text.includes(raw), `no ${raw} in the bundle's plain text: ${text}`)
  })

  it('numbers repeated heading ids as before, in linear time', async () => {
    const {article: json} = await emit(article('# A\n\n# A\n\n# A 1\n\n# A\n\n# Section\n\n# !!!\n'))
    assert.deepEqual(json.sections.map(({id}) => id), ['a', 'a-1', 'a-1-1', 'a-2', 'section', 'section-1'].map((id) => `user-content-${id}`))
    // Linted with a budget that suffices on a loaded machine: the ids are under test, not lint's speed.
    const many = await emit(article('## Side effects\n'.repeat(8000)), defaults, undefined, {maxCheckMilliseconds: 60_000})
    assert.equal(many.article.sections.at(-1)!.id, 'user-content-side-effects-7999')
    assert.equal(new Set(many.article.sections.map(({id}) => id)).size, 8000)
  })

  it('stops a conversion over the article\'s time budget, with a markdown-limits error at the body', async () => {
    const file = await lintText(article('## Side effects\n\n- Placeholder item\n'.repeat(2000)), {path: 'articles/lower-back-pain.md'})
    const tight = {...defaults, limits: {...defaults.limits, maxCheckMilliseconds: 1}}
    const stopped = emitWithinBudget(file, tight)
    assert.deepEqual(stopped.ok ? undefined : [stopped.ruleId, stopped.place], ['markdown-limits', {line: 10, column: 1}])
    assert.match(stopped.ok ? '' : stopped.reason, /^Turning this article into a page took longer than 1 ms, so it was stopped and the article is not published\..*raise `limits\.maxCheckMilliseconds`/)
    assert.deepEqual({...stopped, reason: undefined}, {ok: false, reason: undefined, place: {line: 10, column: 1}, ruleId: 'markdown-limits'})
    assert.ok(emitWithinBudget(file, defaults).ok, 'the same article within the default budget')
  })

  it('refuses what it cannot publish safely, even with the rules that check it turned off', async () => {
    const off = resolveConfig({rules: testRules({'frontmatter-schema': 'off', 'frontmatter-syntax': 'off'})}, {rules: builtInRules})
    const badSlug = await lintText(article('Text.', {slug: '../../etc/x'}), {path: 'articles/a.md', rules: {'frontmatter-schema': 'off'}})
    const slugResult = emitArticle(badSlug, off)
    assert.equal(slugResult.ok, false)
    const badName = await lintText(article('Text.'), {path: 'articles/Bad Name.md', rules: {'frontmatter-schema': 'off'}})
    assert.match((emitArticle(badName, off) as {reason: string}).reason, /slug `Bad Name` is not lower-case words/)
    const missing = await lintText('---\ntitle: Only a title\n---\n\nText.\n', {rules: {'frontmatter-schema': 'off'}})
    assert.match((emitArticle(missing, off) as {reason: string}).reason, /frontmatter is missing or not valid/)
  })
})

describe('escaping frontmatter values', () => {
  const hostile = '</script><script>alert("x")</script> & \u2028\u2029 \'quote\' "double"'

  it('writes JSON that cannot close a script block or break a JavaScript string', () => {
    const text = toJsonText({title: hostile}, 2)
    assert.doesNotMatch(text, /[<>&\u2028\u2029]/)
    assert.match(text, /\\u003c\/script\\u003e/)
    assert.deepEqual(JSON.parse(text), {title: hostile})
  })

  it('escapes values in the page\'s text, attributes and JSON-LD block', () => {
    const json: BundleArticle = {
      schemaVersion: '1.2', slug: 'x', title: hostile, description: hostile, category: 'testing', tags: [], lastReviewed: '2025-12-22', nextReviewDue: '2026-12-22',
      reviewedBy: {name: hostile, credential: hostile}, contributors: [{name: hostile, role: hostile}], readability: null, html: '', sections: [], redFlags: [], seekReview: [], contentHash: '0'.repeat(64),
      lang: 'cy-GB', translationOf: 'y', translations: [{lang: 'en-GB', slug: 'y', url: null}], url: 'https://example.org/articles/x.html', categoryName: hostile,
      sources: [{title: hostile, url: 'https://example.org/a"b'}], datePublished: '2025-12-22', dateModified: '2025-12-22', reviewOverdue: true, safetyOverrides: []
    }
    const page = renderPage(json, {type: 'root', children: []})
    // Quoted attribute values may hold `<` safely; outside them there is one script element.
    assert.equal(withoutAttributeValues(page).match(/<script/g)?.length, 1)
    assert.equal(withoutAttributeValues(page).match(/<\/script>/g)?.length, 1)
    assert.ok(attributesOf(page).every(([, name]) => !name.startsWith('on')))
    const block = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(page)![1]!
    const structured = JSON.parse(block) as Record<string, unknown>
    assert.equal(structured.name, hostile)
    assert.equal(structured.lastReviewed, '2025-12-22')
    assert.deepEqual(structured.medicalAudience, {'@type': 'MedicalAudience', audienceType: 'Patient'})
    assert.equal(structured['@type'], 'MedicalWebPage')
    assert.equal(decode(/<title>([^<]*)<\/title>/.exec(page)![1]!), hostile)
    const description = attributesOf(page).find(([tag, name, value]) => tag === 'meta' && name === 'content' && value.includes('script'))
    assert.equal(decode(description![2]), hostile)
    assert.deepEqual((structured.citation as Array<{name: string}>).map((source) => source.name), [hostile])
    assert.equal((structured.contributor as Array<{jobTitle: string}>)[0]!.jobTitle, hostile)
    assert.equal(structured.inLanguage, 'cy-GB')
    assert.match(page, /^<!doctype html>\n<html lang="cy-GB">/)
    assert.match(page, /<link rel="alternate" hreflang="en-GB" href="y.html">/)
    assert.match(page, /<link rel="canonical" href="https:\/\/example.org\/articles\/x.html">/)
    assert.match(page, /<div class="review-overdue" role="note">/)
    assert.ok(attributesOf(page).some(([tag, name, value]) => tag === 'a' && name === 'href' && value === 'https://example.org/a&#x22;b'), 'the source address is escaped in its attribute')
    assert.match(page, /<p class="review-dates">Last reviewed: <time datetime="2025-12-22">22 December 2025<\/time>. Next review due: <time datetime="2026-12-22">22 December 2026<\/time>.<\/p>/)
  })

  it('escapes the characters the frontmatter schema allows, end to end', async () => {
    const title = 'Back & neck pain: "sciatica" and \'stiffness\'\u2028update'
    const cwd = temporaryProject({'articles/back.md': article(seedBody(), {title, description: 'Pain & "stiffness"\u2029notes'})})
    const result = await runCli(['build', '--now', '2026-01-15'], cwd)
    assert.equal(result.code, 0, result.stdout + result.stderr)
    await assertValidBundle(join(cwd, 'dist'))
    const json = await readFile(join(cwd, 'dist/articles/back.json'), 'utf8')
    assert.doesNotMatch(json, /[<>&\u2028\u2029]/)
    assert.equal((JSON.parse(json) as {title: string}).title, title)
    const page = await readFile(join(cwd, 'dist/articles/back.html'), 'utf8')
    assert.equal(decode(/<title>([^<]*)<\/title>/.exec(page)![1]!), title)
    assert.match(page, /<meta name="description" content="Pain &#x26; &#x22;stiffness&#x22;\u2029notes">/)
    const block = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(page)![1]!
    assert.doesNotMatch(block, /[&\u2028\u2029]/)
    assert.equal((JSON.parse(block) as {name: string}).name, title)
  })
})

describe('helpers', () => {
  it('formats dates the UK way', () => {
    assert.equal(formatDate('2025-12-22'), '22 December 2025')
    assert.equal(formatDate('2026-01-05'), '5 January 2026')
  })

  it('decides which URLs survive like the sanitiser does', () => {
    for (const url of ['https://www.nhs.uk', 'http://example.org', 'mailto:help@example.org', 'tel:111', '#red-flags', 'other-article.html', '/conditions/back-pain/', '?q=1', 'page#a:b']) {
      assert.ok(isPublishableUrl(url, 'href'), url)
    }
    for (const url of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'vbscript:x', 'data:text/html,x', 'file:///etc/passwd', '//evil.example', '\\\\evil.example', 'java\tscript:x', 'HTTPS://www.nhs.uk']) {
      assert.equal(isPublishableUrl(url, 'href'), false, url)
    }
    assert.equal(isPublishableUrl('mailto:x@example.org', 'src'), false)
  })
})
