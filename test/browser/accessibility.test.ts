// Every published page, checked with axe-core in headless Chromium (Debian's, through
// playwright-core): zero violations at WCAG 2.0, 2.1 and 2.2 levels A and AA, on screen and as
// printed. The pages cover what publishing adds: the stylesheet, a translation (lang and
// hreflang), the language links, the sources list, the overdue notice and the footer.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {AxeBuilder} from '@axe-core/playwright'
import {build} from '../../src/publish/build.js'
import {resolveConfig} from '../../src/config/config.js'
import {builtInRules} from '../../rules/index.js'
import {packageRoot} from '../../src/config/package-files.js'
import {launchBrowser} from '../browser.js'
import {article, seedBody} from '../build/support.js'
import {temporaryProject} from '../project.js'

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']

describe('published pages in a browser', () => {
  it('have no axe-core violations at WCAG 2.2 A and AA, on screen and in print', async (t) => {
    const seed = await readFile(join(packageRoot, 'articles/lower-back-pain.md'), 'utf8')
    const cwd = temporaryProject({
      'articles/lower-back-pain.md': seed.replace('contributors:', 'sources:\n  - title: Low back pain and sciatica in over 16s (NICE NG59)\n    url: https://www.nice.org.uk/guidance/ng59\ncontributors:'),
      // The English placeholder body under a Welsh tag: the test is of the page, not the wording.
      'articles/poen-cefn.md': article(seedBody('Poen cefn'), {title: 'Poen yng ngwaelod y cefn', extra: 'lang: cy-GB\ntranslationOf: lower-back-pain'}),
      'articles/neck-pain.md': article(seedBody('Neck pain'), {title: 'Neck pain', lastReviewed: '2025-11-01'})
    })
    const config = resolveConfig({site: {baseUrl: 'https://example.org/health/', name: 'Example health'}, publish: {overdue: 'flag'}}, {rules: builtInRules})
    const summary = await build(['articles'], {cwd, config, now: '2026-12-01', out: 'dist'})
    assert.deepEqual(summary.published, ['lower-back-pain', 'neck-pain', 'poen-cefn'])
    assert.deepEqual(summary.flagged, ['neck-pain'])

    const browser = await launchBrowser(t)
    if (!browser) return
    try {
      const context = await browser.newContext()
      const page = await context.newPage()
      for (const slug of summary.published) {
        await page.emulateMedia({media: 'screen'})
        await page.goto(pathToFileURL(join(cwd, 'dist/articles', `${slug}.html`)).href)
        // The stylesheet loaded: the page is styled, so contrast is judged on the real colours.
        assert.equal(await page.locator('main').evaluate((main) => (main.ownerDocument.defaultView as unknown as {getComputedStyle(node: unknown): {maxWidth: string}}).getComputedStyle(main).maxWidth), '704px', `${slug}: the stylesheet applies`)
        for (const media of ['screen', 'print'] as const) {
          await page.emulateMedia({media})
          const results = await new AxeBuilder({page}).withTags(tags).analyze()
          assert.deepEqual(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`), [], `${slug} (${media})`)
          const passed = new Set(results.passes.map((pass) => pass.id))
          for (const rule of ['html-has-lang', 'html-lang-valid', 'valid-lang', 'color-contrast', 'document-title']) {
            if (rule === 'valid-lang' && (slug !== 'poen-cefn' || media === 'print')) continue
            assert.ok(passed.has(rule), `${slug} (${media}): axe checked ${rule} and it passed`)
          }
        }
      }
    } finally {
      await browser.close()
    }
  })
})
