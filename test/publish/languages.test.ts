// Articles in other languages: the English-only rules (readability, plain English, spelling,
// style) skip them with one info message saying so, while the safety rules and the frontmatter
// checks still run; the page and the bundle carry the article's language.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {join} from 'node:path'
import {runCli} from '../helpers.js'
import {article, assertValidBundle, seedBody} from '../build/support.js'
import {temporaryProject} from '../project.js'

const now = '2026-01-15'
// English placeholder wording with plain-English problems ("utilise", "prior to"): what matters
// is which rules look at it.
const body = seedBody('Poen cefn', ' Utilise a heat pack prior to exercise.')

describe('articles in other languages', () => {
  it('skip the English-only rules with an info message, and still get the safety and frontmatter checks', async () => {
    const cwd = temporaryProject({
      'articles/english.md': article(body, {title: 'English'}),
      'articles/cymraeg.md': article(body, {title: 'Cymraeg', extra: 'lang: cy-GB'}),
      'articles/heb-faneri-coch.md': article(body.replace('### Red flag symptoms', '### Symptomau'), {title: 'Heb', extra: 'lang: cy-GB\ncolour: red'})
    })
    const result = await runCli(['lint', '--format', 'json', '--now', now], cwd)
    const report = JSON.parse(result.stdout) as Array<{path: string; messages: Array<{ruleId: string; severity: string; message: string}>}>
    const rulesOf = (name: string) => report.find((entry) => entry.path.endsWith(name))!.messages.map((message) => message.ruleId)
    assert.ok(rulesOf('english.md').includes('plain-english'), 'the English article is checked for plain English')
    assert.ok(!rulesOf('english.md').includes('language'))
    const welsh = report.find((entry) => entry.path.endsWith('cymraeg.md'))!.messages
    for (const id of ['plain-english', 'readability', 'hard-sentence', 'uk-spelling']) assert.ok(!welsh.some((message) => message.ruleId === id), `${id} skips a Welsh article`)
    const info = welsh.find((message) => message.ruleId === 'language')
    assert.equal(info?.severity, 'info')
    assert.match(info!.message, /^This article's language is cy-GB, so the English-only rules \(readability, hard-sentence, plain-english, .*\) did not check it; the safety rules and the frontmatter checks did\./)
    // Safety and frontmatter rules run whatever the language.
    assert.ok(rulesOf('heb-faneri-coch.md').includes('require-red-flags'))
    assert.ok(rulesOf('heb-faneri-coch.md').includes('frontmatter-schema'))
  })

  it('take the site\'s language when they have none of their own', async () => {
    const cwd = temporaryProject({
      'healthlint.config.json': JSON.stringify({site: {lang: 'cy-GB'}}),
      'articles/cymraeg.md': article(body, {title: 'Cymraeg'}),
      'articles/english.md': article(body, {title: 'English', extra: 'lang: en-GB'})
    })
    const result = await runCli(['build', '--format', 'json', '--now', now], cwd)
    assert.equal(result.code, 0, result.stderr)
    const report = JSON.parse(result.stdout) as Array<{path: string; messages: Array<{ruleId: string}>}>
    assert.ok(report.find((entry) => entry.path.endsWith('cymraeg.md'))!.messages.some((message) => message.ruleId === 'language'))
    assert.ok(report.find((entry) => entry.path.endsWith('english.md'))!.messages.some((message) => message.ruleId === 'plain-english'))
    const {index, files} = await assertValidBundle(join(cwd, 'dist'))
    assert.deepEqual(index.articles.map((entry) => [entry.slug, entry.lang]), [['cymraeg', 'cy-GB'], ['english', 'en-GB']])
    assert.match(files.get('articles/cymraeg.html')!.toString('utf8'), /^<!doctype html>\n<html lang="cy-GB">/)
  })
})
