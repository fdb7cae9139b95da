// Published pages in a real browser. Every hostile article is built (the catalogue's bodies
// under valid frontmatter, healthlint's own attack articles, and a sentinel article whose every
// vector would call `__pwned()`); each page the build publishes is loaded in headless Chromium,
// and each article's JSON `html` fragments are inserted with `innerHTML` into a host page, as a
// downstream site would. Every element then gets mouse, focus and click events. No payload may
// run: no dialog, no change to the sentinel global, and no request except to the local server
// and to the images the page visibly shows.
import {before, describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {createServer} from 'node:http'
import type {Server} from 'node:http'
import {readFileSync, readdirSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import type {AddressInfo} from 'node:net'
import {extname, join, normalize} from 'node:path'
import type {Page} from 'playwright-core'
import {build} from '../../src/publish/build.js'
import {resolveConfig} from '../../src/config/config.js'
import {launchBrowser} from '../browser.js'
import {attributesOf} from '../build/support.js'
import {config, fixtures, header} from '../hostile/corpus.js'
import {slow} from '../slow.js'
import {temporaryProject} from '../project.js'
import {builtInRules} from '../../rules/index.js'

/** Vectors that would call the sentinel function if any of them survived. */
const sentinelBody = `# Sentinel

[link](javascript:__pwned\\(1\\)) [upper](JAVASCRIPT:__pwned\\(2\\)) [entity](&#x6A;avascript&#x3A;__pwned\\(3\\)) <javascript:__pwned(4)>

![image](javascript:__pwned\\(5\\)) ![svg](data:image/svg+xml,<svg%20onload=__pwned\\(6\\)>)

<img src=x onerror=__pwned(7)> <svg onload=__pwned(8)> <details open ontoggle=__pwned(9)><summary>s</summary></details>

<a href="javascript:__pwned(10)">raw</a> <iframe srcdoc="<script>parent.__pwned(11)</script>"></iframe> <script>__pwned(12)</script>

[title](https://www.nhs.uk "x\\" onmouseover=\\"__pwned(13)") <input autofocus onfocus=__pwned(14)> <p onmouseover=__pwned(15)>hover</p>

<math><mi xlink:href="javascript:__pwned(16)">m</mi></math> <noscript><p title="</noscript><img src=x onerror=__pwned(17)>"></noscript>
`

/** Every hostile article that has a body, as a publishable article; the extras as they are. */
function payloadFiles(): Record<string, string> {
  const files: Record<string, string> = {'articles/sentinel.md': header + sentinelBody}
  for (const name of readdirSync(fixtures).filter((entry) => entry.endsWith('.md')).sort()) {
    const text = readFileSync(join(fixtures, name), 'utf8')
    if (name.startsWith('extra-')) {
      files[`articles/${name}`] = text
      continue
    }
    const lines = text.split('\n')
    const close = lines.indexOf('---', 1)
    if (lines[0] === '---' && close > 0) files[`articles/${name}`] = header + lines.slice(close + 1).join('\n')
  }
  return files
}

const types: Record<string, string> = {'.html': 'text/html; charset=utf-8', '.json': 'application/json'}

/** Serve `root` on 127.0.0.1, plus an empty host page at /host.html. */
function serve(root: string): Promise<{server: Server; origin: string}> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname
    if (path === '/host.html') {
      response.writeHead(200, {'content-type': types['.html']!}).end('<!doctype html><html><head><title>Host</title></head><body><main id="host"></main></body></html>')
      return
    }
    const file = normalize(join(root, decodeURIComponent(path)))
    if (!file.startsWith(root + '/')) return void response.writeHead(403).end()
    readFile(file).then(
      (body) => response.writeHead(200, {'content-type': types[extname(file)] ?? 'application/octet-stream'}).end(body),
      () => response.writeHead(404).end()
    )
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`})))
}

interface Observed {
  dialogs: string[]
  requests: string[]
}

/** A page that records dialogs and aborts (and records) every request off the local server. */
async function watchedPage(newPage: () => Promise<Page>, origin: string): Promise<{page: Page; observed: Observed}> {
  const page = await newPage()
  const observed: Observed = {dialogs: [], requests: []}
  page.on('dialog', (dialog) => {
    observed.dialogs.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss()
  })
  await page.route('**/*', (route) => {
    const url = route.request().url()
    if (url.startsWith(origin + '/')) return route.continue()
    observed.requests.push(url)
    return route.abort()
  })
  await page.addInitScript({content: initScript})
  return {page, observed}
}

// Browser-side code is kept as text: the project's TypeScript has no DOM types.

/**
 * Before any page script: the sentinel global and the function the sentinel article's vectors
 * call. Clicks on ordinary links (http, https, mailto, tel, #) would leave the page, so those are
 * stopped; any other link is let through, so that a `javascript:` one would run.
 */
const initScript = `
window.__sentinel = 'untouched'
window.__pwned = (id) => { window.__sentinel = 'pwned ' + id }
document.addEventListener('click', (event) => {
  const link = event.target && event.target.closest ? event.target.closest('a[href]') : null
  if (link && /^(https?|mailto|tel):|^#/i.test(link.getAttribute('href') || '')) event.preventDefault()
}, true)
`

/** Fire the events inline handlers listen to on every element, then let timers and loads run. */
const pokeScript = `(async () => {
  for (const element of Array.from(document.querySelectorAll('body *'))) {
    for (const type of ['mouseover', 'mouseenter', 'mousemove', 'mousedown', 'mouseup', 'pointerover', 'pointerdown', 'focusin', 'animationstart', 'toggle', 'load', 'error']) {
      element.dispatchEvent(new Event(type, {bubbles: true}))
    }
    if (typeof element.focus === 'function') element.focus()
    if (typeof element.click === 'function') element.click()
  }
  await new Promise((resolve) => setTimeout(resolve, 50))
})()`

async function poke(page: Page): Promise<void> {
  await page.evaluate(pokeScript)
}

/** Put `markup` into the host page's <main>, as a downstream site embedding a fragment would. */
async function insert(page: Page, markup: string): Promise<void> {
  await page.evaluate(`document.getElementById('host').innerHTML = ${JSON.stringify(markup)}`)
}

/** The `src` of every image in `html`: the only requests off the local server a page may make. */
const imageSources = (html: string) => new Set(attributesOf(html).filter(([tag, name]) => tag === 'img' && name === 'src').map(([, , value]) => value.replaceAll('&#x26;', '&').replaceAll('&amp;', '&')))

async function assertNothingRan(page: Page, observed: Observed, allowed: Set<string>, where: string): Promise<void> {
  assert.deepEqual(observed.dialogs, [], `${where}: no dialog`)
  assert.equal(await page.evaluate('window.__sentinel'), 'untouched', `${where}: the sentinel is untouched`)
  assert.equal(await page.evaluate('typeof window.__HOSTILE_EVAL__'), 'undefined', where)
  for (const url of observed.requests) assert.ok(allowed.has(url), `${where}: unexpected request to ${url}`)
}

describe('published pages in a browser', slow, () => {
  let dist: string
  let slugs: string[]
  before(async () => {
    const cwd = temporaryProject(payloadFiles())
    const summary = await build(['articles'], {cwd, config: resolveConfig(config, {rules: builtInRules}), now: '2026-01-15', out: 'dist'})
    dist = join(cwd, 'dist')
    slugs = summary.published
  })

  it('runs no payload in any published page or inserted fragment', async (t) => {
    assert.ok(slugs.includes('sentinel') && slugs.includes('xss-javascript-links') && slugs.length >= 20, `published: ${slugs.join(', ')}`)
    const browser = await launchBrowser(t)
    if (!browser) return
    const {server, origin} = await serve(dist)
    try {
      const context = await browser.newContext({javaScriptEnabled: true})
      let fragments = 0
      // Two viewer-and-host pairs take turns at the list (most of each page's time is waiting
      // for loads and timers); each page is still loaded, poked and checked on its own.
      const queue = [...slugs]
      await Promise.all([0, 1].map(async () => {
        const viewer = await watchedPage(() => context.newPage(), origin)
        const host = await watchedPage(() => context.newPage(), origin)
        await host.page.goto(origin + '/host.html', {waitUntil: 'load'})
        for (let slug = queue.shift(); slug !== undefined; slug = queue.shift()) {
          const page = `/articles/${slug}.html`
          const html = await readFile(join(dist, page), 'utf8')
          viewer.observed.requests.length = 0
          await viewer.page.goto(origin + page, {waitUntil: 'load'})
          await poke(viewer.page)
          assert.equal(new URL(viewer.page.url()).pathname, page, `${slug}: the page did not navigate away`)
          await assertNothingRan(viewer.page, viewer.observed, imageSources(html), page)

          // Each fragment in its own container, as a site would place the article and its sections.
          const json = JSON.parse(await readFile(join(dist, `articles/${slug}.json`), 'utf8')) as {html: string; sections: Array<{html: string}>}
          const parts = [json.html, ...json.sections.map((section) => section.html)]
          host.observed.requests.length = 0
          await insert(host.page, parts.map((part) => `<section>${part}</section>`).join(''))
          await poke(host.page)
          await assertNothingRan(host.page, host.observed, imageSources(parts.join('')), `${slug} fragments`)
          fragments += parts.length
        }
      }))
      t.diagnostic(`${slugs.length} pages and ${fragments} fragments loaded in Chromium; no payload ran`)
    } finally {
      await browser.close()
      server.close()
    }
  })

  it('would notice a payload that runs (the harness is not blind)', async (t) => {
    const browser = await launchBrowser(t)
    if (!browser) return
    const {server, origin} = await serve(dist)
    try {
      const context = await browser.newContext()
      const watched = await watchedPage(() => context.newPage(), origin)
      await watched.page.goto(origin + '/host.html', {waitUntil: 'load'})
      await insert(watched.page, '<img src="https://tracker.example/x.gif" onerror="__pwned(1)"><p onmouseover="alert(2)">x</p><a href="javascript:__pwned(3)">y</a>')
      await poke(watched.page)
      assert.deepEqual(watched.observed.dialogs, ['alert: 2'])
      assert.match(String(await watched.page.evaluate('window.__sentinel')), /^pwned [13]$/)
      assert.deepEqual(watched.observed.requests, ['https://tracker.example/x.gif'])
    } finally {
      await browser.close()
      server.close()
    }
  })
})
