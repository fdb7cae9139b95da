// Property-based fuzzing of build: random Markdown and random edits of real articles, under valid
// frontmatter so that most of them publish. Whatever is published validates against the bundle
// schemas and has no script, event handler or dangerous URL; every article gets a fate.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {join} from 'node:path'
import fc from 'fast-check'
import {build} from '../../src/publish/build.js'
import {resolveConfig} from '../../src/config/config.js'
import {assertSafeBundle, assertValidBundle} from '../build/support.js'
import {article, header, markdown, mutatedBody, parameters, sampleBodies} from './arbitraries.js'
import {testRules} from '../helpers.js'
import {temporaryProject} from '../project.js'
import {builtInRules} from '../../rules/index.js'

// The section rules are off: random bodies are not articles, and most should publish so that the
// output-safety properties are exercised on as much HTML as possible.
const config = resolveConfig({rules: testRules(Object.fromEntries(['require-red-flags', 'red-flags-urgent-action', 'require-seek-review', 'require-disclaimer', 'require-reviewer'].map((id) => [id, 'off'])))}, {rules: builtInRules})

describe('fuzzing build', () => {
  it('publishes only valid, safe bundles from random articles', async (t) => {
    const bodies = sampleBodies()
    const inputs = fc.array(fc.oneof(markdown.map((body) => header + body), mutatedBody(bodies).map((body) => header + body), article), {minLength: 1, maxLength: 4})
    let published = 0
    let articles = 0
    await fc.assert(fc.asyncProperty(inputs, async (texts) => {
      const files = Object.fromEntries(texts.map((text, index) => [`articles/fuzz-${index}.md`, text]))
      const cwd = temporaryProject(files)
      const summary = await build(['articles'], {cwd, config, now: '2026-01-15', out: 'dist'})
      assert.equal(summary.published.length + summary.withheld.length + summary.skipped.length, texts.length, 'every article gets a fate')
      const {index, files: bundle} = await assertValidBundle(join(cwd, 'dist'))
      assert.deepEqual(index.articles.map((entry) => entry.slug), summary.published)
      assertSafeBundle(bundle)
      published += summary.published.length
      articles += texts.length
    }), parameters(40))
    t.diagnostic(`${published} of ${articles} random articles published`)
    assert.ok(published > articles / 4, 'enough random articles are published for the safety properties to mean something')
  })
})
