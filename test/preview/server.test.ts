// The preview server over plain HTTP (no browser): what it serves, what it refuses, its headers,
// where it listens, its change events, and the `preview` command.
import {describe, it, before, after} from 'node:test'
import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import {request as httpRequest} from 'node:http'
import {connect} from 'node:net'
import {readFileSync, rmSync, writeFileSync} from 'node:fs'
import {networkInterfaces} from 'node:os'
import {join} from 'node:path'
import {resolveConfig} from '../../src/config/config.js'
import {createLinter} from '../../src/pipeline/lint.js'
import {emitArticle} from '../../src/publish/emit.js'
import {packageRoot} from '../../src/config/package-files.js'
import {isAllowedHost, startPreview} from '../../src/preview/server.js'
import type {PreviewServer} from '../../src/preview/server.js'
import {main} from '../../src/cli/main.js'
import {previewProject} from './support.js'
import {testRules} from '../helpers.js'
import {builtInRules} from '../../rules/index.js'

const now = '2026-01-15'
const seed = readFileSync(join(packageRoot, 'articles', 'lower-back-pain.md'), 'utf8')
// Only the article's structure matters here: the prose rules are off.
const rules = testRules({'red-flags-urgent-action': 'off', readability: 'off', 'hard-sentence': 'off', 'plain-english': 'off', 'expand-abbreviations': 'off'})

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A raw request: the path is sent exactly as given (fetch would normalise `..`). */
function request(url: string, path: string, options: {method?: string; headers?: Record<string, string>} = {}): Promise<Answer> {
  const {hostname, port} = new URL(url)
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({host: hostname, port, path, method: options.method ?? 'GET', headers: options.headers}, (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (body += chunk))
      response.on('end', () => resolve({status: response.statusCode ?? 0, headers: response.headers, body}))
    })
    outgoing.on('error', reject)
    outgoing.end()
  })
}

describe('preview server', () => {
  let root: string
  let server: PreviewServer
  before(async () => {
    root = previewProject({'articles/lower-back-pain.md': seed, 'articles/other/not-listed.md': seed.replace('title: Lower back pain', 'title: Not listed')}, rules)
    server = await startPreview({cwd: root, config: resolveConfig({rules}, {rules: builtInRules}), now, paths: ['articles/lower-back-pain.md'], port: 0, watch: false})
  })
  after(async () => {
    await server.close()
    rmSync(root, {recursive: true, force: true})
  })

  it('listens on the loopback interface by default, on a free port', async () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/)
    assert.notEqual(new URL(server.url).port, '0')
    // Not reachable from this machine's other addresses (when it has any).
    const others = Object.values(networkInterfaces()).flat().filter((address) => address && !address.internal && address.family === 'IPv4')
    for (const address of others) {
      const reached = await new Promise<boolean>((resolve) => {
        const socket = connect({host: address!.address, port: Number(new URL(server.url).port)})
        socket.once('connect', () => (socket.destroy(), resolve(true)))
        socket.once('error', () => resolve(false))
      })
      assert.equal(reached, false, `reachable on ${address!.address}`)
    }
  })

  it('serves the index and the article with strict security headers', async () => {
    const index = await request(server.url, '/')
    assert.equal(index.status, 200)
    assert.equal(index.headers['content-type'], 'text/html; charset=utf-8')
    assert.equal(index.headers['content-security-policy'], "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' https:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
    assert.equal(index.headers['x-content-type-options'], 'nosniff')
    assert.equal(index.headers['referrer-policy'], 'no-referrer')
    assert.match(index.body, /<a href="\/article\/articles%2Flower-back-pain\.md">Lower back pain<\/a>/)
    assert.doesNotMatch(index.body, /Not listed/)
    // No inline script or style anywhere: the policy would block it.
    assert.doesNotMatch(index.body, /<script(?![^>]*\bsrc=)|<style|\sstyle=/)

    const css = await request(server.url, '/assets/preview.css')
    assert.equal(css.status, 200)
    assert.equal(css.headers['content-type'], 'text/css; charset=utf-8')
    assert.equal(css.headers['x-content-type-options'], 'nosniff')
    const script = await request(server.url, '/assets/preview.js')
    assert.equal(script.headers['content-type'], 'text/javascript; charset=utf-8')
  })

  it('shows the article exactly as build publishes it (a clean article: nothing added inside)', async () => {
    const page = await request(server.url, '/article/articles%2Flower-back-pain.md')
    assert.equal(page.status, 200)
    const config = resolveConfig({rules}, {rules: builtInRules})
    const file = await createLinter({cwd: root, config, now}).lintFile('articles/lower-back-pain.md')
    assert.deepEqual(file.messages, [])
    const emitted = emitArticle(file, config)
    assert.ok(emitted.ok)
    const articleOf = (html: string) => /<article>[\s\S]*<\/article>/.exec(html)?.[0]
    assert.ok(articleOf(emitted.value.page))
    assert.equal(articleOf(page.body), articleOf(emitted.value.page))
    assert.match(page.body, /<h2 id="hl-messages-heading">Problems in the text \(0\)<\/h2>/)
  })

  it('serves only the articles it was given: no path leads anywhere else', async () => {
    const attempts = [
      '/article/articles%2Fother%2Fnot-listed.md',
      '/article/..%2Fhealthlint.config.json',
      '/article/articles%2F..%2Fhealthlint.config.json',
      '/article/%2Fetc%2Fpasswd',
      '/article/..%2F..%2F..%2F..%2Fetc%2Fpasswd',
      '/article/.%2Farticles%2Flower-back-pain.md',
      '/article/%E0%A4%A',
      '/articles/lower-back-pain.md',
      '/assets/../package.json',
      '/assets/..%2F..%2F..%2Fpackage.json',
      '/assets/preview.ts',
      '/assets/server.ts',
      '/src/preview/assets/preview.css',
      '/package.json'
    ]
    // The listed path itself, however its slashes are written, is the one article served.
    assert.equal((await request(server.url, '/article/articles/lower-back-pain.md')).status, 200)
    for (const path of attempts) {
      const answer = await request(server.url, path)
      assert.equal(answer.status, 404, path)
      assert.match(answer.body, /There is no such article in this preview/, path)
      assert.equal(answer.headers['content-security-policy']?.toString().startsWith("default-src 'none'"), true, path)
    }
  })

  it('answers only requests addressed to its own name (no DNS rebinding), and only GET and HEAD', async () => {
    const port = new URL(server.url).port
    assert.equal((await request(server.url, '/', {headers: {Host: 'attacker.example'}})).status, 421)
    assert.equal((await request(server.url, '/', {headers: {Host: `attacker.example:${port}`}})).status, 421)
    assert.equal((await request(server.url, '/', {headers: {Host: `localhost:${port}`}})).status, 200)
    assert.equal((await request(server.url, '/', {headers: {Host: `127.0.0.1:${port}`}})).status, 200)
    const post = await request(server.url, '/', {method: 'POST'})
    assert.equal(post.status, 405)
    assert.equal(post.headers.allow, 'GET, HEAD')
    const head = await request(server.url, '/', {method: 'HEAD'})
    assert.equal(head.status, 200)
    assert.equal(head.body, '')
  })
})

describe('isAllowedHost', () => {
  it('accepts this server\'s own names and port only', () => {
    assert.equal(isAllowedHost('127.0.0.1:8321', '127.0.0.1', 8321), true)
    assert.equal(isAllowedHost('LOCALHOST:8321', '127.0.0.1', 8321), true)
    assert.equal(isAllowedHost('[::1]:8321', '::1', 8321), true)
    assert.equal(isAllowedHost('127.0.0.1:8322', '127.0.0.1', 8321), false)
    assert.equal(isAllowedHost('127.0.0.1', '127.0.0.1', 8321), false)
    assert.equal(isAllowedHost('localhost.attacker.example:8321', '127.0.0.1', 8321), false)
    assert.equal(isAllowedHost(undefined, '127.0.0.1', 8321), false)
    // Whoever listens on every interface has chosen to share the preview.
    assert.equal(isAllowedHost('192.0.2.7:8321', '0.0.0.0', 8321), true)
  })
})

describe('preview change events', () => {
  it('tells open pages within a second that a saved article changed', async () => {
    const root = previewProject({'articles/a.md': seed}, rules)
    const server = await startPreview({cwd: root, config: resolveConfig({rules}, {rules: builtInRules}), now, paths: ['articles'], port: 0})
    const controller = new AbortController()
    try {
      const response = await fetch(new URL('/events', server.url), {signal: controller.signal})
      assert.equal(response.headers.get('content-type'), 'text/event-stream; charset=utf-8')
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
      let received = ''
      const waitFor = async (text: string) => {
        while (!received.includes(text)) {
          const {value, done} = await reader.read()
          if (done) assert.fail(`stream ended before ${text}`)
          received += value
        }
      }
      await waitFor('retry: 500\n\n')
      const saved = Date.now()
      writeFileSync(join(root, 'articles', 'a.md'), seed.replace('category: musculoskeletal\n', 'category: musculoskeletal\ncolour: blue\n'))
      await waitFor('event: change\ndata: {"paths":["articles/a.md"]}\n\n')
      const elapsed = Date.now() - saved
      assert.ok(elapsed < 1000, `took ${elapsed} ms`)
      const page = await request(server.url, '/article/articles%2Fa.md')
      assert.match(page.body, /`colour` is not a frontmatter field/)
    } finally {
      controller.abort()
      await server.close()
      rmSync(root, {recursive: true, force: true})
    }
  })
})

describe('preview re-checks', () => {
  it('re-checks the other articles when a slug changes (duplicate-slug), and drops removed ones', async () => {
    const root = previewProject({'articles/a.md': seed, 'articles/b.md': seed.replace('title: Lower back pain', 'title: Other')}, rules)
    const updates: string[][] = []
    const server = await startPreview({cwd: root, config: resolveConfig({rules}, {rules: builtInRules}), now, paths: ['articles'], port: 0, onUpdate: (changes) => void updates.push(changes.map((change) => `${change.path}${change.removed ? ' removed' : ''}`))})
    const waitForUpdate = async (count: number) => {
      const deadline = Date.now() + 5000
      while (updates.length < count) {
        if (Date.now() > deadline) assert.fail(`no update: ${JSON.stringify(updates)}`)
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    }
    try {
      writeFileSync(join(root, 'articles', 'b.md'), seed.replace('title: Lower back pain', 'title: Other').replace('category: musculoskeletal\n', 'category: musculoskeletal\nslug: a\n'))
      await waitForUpdate(1)
      assert.deepEqual(updates[0], ['articles/a.md', 'articles/b.md'])
      assert.match((await request(server.url, '/article/articles%2Fa.md')).body, /data-hl-rule="duplicate-slug"/)

      rmSync(join(root, 'articles', 'b.md'))
      await waitForUpdate(2)
      assert.deepEqual(updates[1], ['articles/a.md', 'articles/b.md removed'])
      assert.doesNotMatch((await request(server.url, '/article/articles%2Fa.md')).body, /duplicate-slug/)
      assert.equal((await request(server.url, '/article/articles%2Fb.md')).status, 404)
      assert.equal(server.articles(), 1)
    } finally {
      await server.close()
      rmSync(root, {recursive: true, force: true})
    }
  })
})

describe('healthlint preview', () => {
  const run = (argv: string[], cwd: string, signal?: AbortSignal) => {
    let stdout = ''
    let stderr = ''
    const done = main({argv, cwd, env: {}, ...(signal ? {signal} : {}), stdout: {write: (chunk: string) => (stdout += chunk)}, stderr: {write: (chunk: string) => (stderr += chunk)}})
    return {done, stdout: () => stdout, stderr: () => stderr}
  }

  it('prints where it is, serves until stopped, then exits 0', async () => {
    const root = previewProject({'articles/a.md': seed}, rules)
    const controller = new AbortController()
    const cli = run(['preview', '--port', '0', '--now', now], root, controller.signal)
    try {
      const deadline = Date.now() + 5000
      while (!cli.stdout().includes('Press Ctrl+C to stop.')) {
        if (Date.now() > deadline) assert.fail(`no address printed: ${cli.stdout()}${cli.stderr()}`)
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      const url = /at (http:\/\/127\.0\.0\.1:\d+\/)\n/.exec(cli.stdout())?.[1]
      assert.ok(url, cli.stdout())
      assert.equal(cli.stdout(), `Previewing 1 article at ${url}\nPages update by themselves when an article is saved. Press Ctrl+C to stop.\n`)
      assert.equal((await request(url, '/')).status, 200)
    } finally {
      controller.abort()
    }
    assert.equal(await cli.done, 0)
    assert.equal(cli.stderr(), '')
    rmSync(root, {recursive: true, force: true})
  })

  it('stops cleanly on SIGINT when run as a process, even with a page listening for changes', async () => {
    const root = previewProject({'articles/a.md': seed}, rules)
    const child = spawn(process.execPath, [join(packageRoot, 'bin', 'healthlint.js'), 'preview', '--port', '0'], {cwd: root, stdio: ['ignore', 'pipe', 'pipe']})
    let stdout = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    const controller = new AbortController()
    try {
      const deadline = Date.now() + 5000
      while (!stdout.includes('Press Ctrl+C to stop.')) {
        if (Date.now() > deadline) assert.fail(`no address printed: ${stdout}`)
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      const events = await fetch(new URL('/events', /at (\S+)\n/.exec(stdout)![1]), {signal: controller.signal})
      assert.equal(events.status, 200)
      child.kill('SIGINT')
      let timer: NodeJS.Timeout | undefined
      const code = await Promise.race([exited, new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), 5000)))])
      clearTimeout(timer)
      assert.equal(code, 0)
    } finally {
      controller.abort()
      child.kill('SIGKILL')
      rmSync(root, {recursive: true, force: true})
    }
  })

  it('refuses a bad --port, a port in use, and a path that does not exist (exit 2)', async () => {
    const root = previewProject({'articles/a.md': seed}, rules)
    for (const port of ['nope', '-1', '65536', '1.5', '']) {
      const cli = run(['preview', `--port=${port}`], root)
      assert.equal(await cli.done, 2)
      assert.match(cli.stderr(), /--port must be a whole number from 0 to 65535/)
    }
    const missing = run(['preview', 'no-such-folder', '--port', '0'], root)
    assert.equal(await missing.done, 2)
    assert.equal(missing.stderr(), 'healthlint: No such file or directory: no-such-folder\n')

    const first = await startPreview({cwd: root, config: resolveConfig({rules}, {rules: builtInRules}), now, paths: ['articles'], port: 0, watch: false})
    try {
      const port = new URL(first.url).port
      const busy = run(['preview', '--port', port, '--now', now], root)
      assert.equal(await busy.done, 2)
      assert.equal(busy.stderr(), `healthlint: port ${port} is already in use. Stop what is using it, or choose another port with --port (0 picks a free one).\n`)
    } finally {
      await first.close()
      rmSync(root, {recursive: true, force: true})
    }
  })
})
