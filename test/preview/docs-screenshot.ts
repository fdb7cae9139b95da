// Writes docs/preview.png, the README's picture of the preview: the real article
// articles/lower-back-pain.md with the default configuration, from the top of the page down
// past its first marked problem. Not a test (npm test runs only *.test.js); run it after changing how the preview
// looks:
//
//   npx tsc -p . && node build/test/preview/docs-screenshot.js
import {mkdirSync} from 'node:fs'
import {join} from 'node:path'
import {chromium} from 'playwright-core'
import {resolveConfig} from '../../src/config/config.js'
import {packageRoot} from '../../src/config/package-files.js'
import {startPreview} from '../../src/preview/server.js'
import {chromiumArgs, chromiumPath} from '../browser.js'
import {builtInRules} from '../../rules/index.js'

const server = await startPreview({cwd: packageRoot, config: resolveConfig({}, {rules: builtInRules}), now: '2026-01-15', paths: ['articles/lower-back-pain.md'], port: 0, watch: false})
const browser = await chromium.launch({executablePath: chromiumPath, args: chromiumArgs})
try {
  const page = await browser.newPage({viewport: {width: 1280, height: 800}})
  await page.goto(new URL('/article/articles%2Flower-back-pain.md', server.url).href)
  // Tall enough to show the first problem marked in the text (or the top of the page when there is none).
  const first = page.locator('article [id^="hl-m-"]').first()
  const bottom = (await first.count()) > 0 ? await first.evaluate((element) => element.getBoundingClientRect().bottom) : 0
  await page.setViewportSize({width: 1280, height: Math.max(800, Math.ceil(bottom) + 250)})
  mkdirSync(join(packageRoot, 'docs'), {recursive: true})
  await page.screenshot({path: join(packageRoot, 'docs', 'preview.png')})
  process.stdout.write('Wrote docs/preview.png\n')
} finally {
  await browser.close()
  await server.close()
}
