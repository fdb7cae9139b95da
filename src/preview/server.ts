// `healthlint preview`: a small local web server for editors. It lints the articles once, serves
// an index and one page per article, and re-lints an article when its file changes, telling open
// pages over Server-Sent Events so they refresh themselves.
//
// Safety: it binds to the loopback interface unless told otherwise; it only serves articles in
// the list it was given (looked up by path, never joined onto the file system); it answers only
// requests addressed to its own host name (so a web page cannot reach it by DNS rebinding); and
// every response carries a strict Content-Security-Policy: no inline script or style, nothing
// loaded from elsewhere except the articles' own https images.
import {createServer} from 'node:http'
import type {IncomingMessage, ServerResponse} from 'node:http'
import {readFileSync} from 'node:fs'
import type {AddressInfo} from 'node:net'
import {join, resolve} from 'node:path'
import type {VFile} from 'vfile'
import type {ResolvedConfig} from '../config/config.js'
import {createLinter} from '../pipeline/lint.js'
import {expandPaths} from '../io/files.js'
import {collectSlugs} from '../pipeline/slugs.js'
import type {SlugIndex} from '../pipeline/slugs.js'
import {packageRoot} from '../config/package-files.js'
import {currentPaths, fingerprintOf, watchInputs} from '../io/watch.js'
import type {ChangeWatcher} from '../io/watch.js'
import {renderArticle, renderIndex, renderNotFound, summaryOf} from './render.js'
import type {ArticleSummary} from './render.js'
import {defaultHost} from './defaults.js'

export interface PreviewOptions {
  /** The working directory paths are relative to. */
  cwd: string
  config: ResolvedConfig
  /** Today as YYYY-MM-DD. */
  now: string
  /** Files, folders and globs naming the articles. */
  paths: string[]
  /** 0 (the default) picks a free port. */
  port?: number
  /** The interface to listen on (default 127.0.0.1, this computer only). */
  host?: string
  /** Keep watching the articles and refresh open pages (default true). */
  watch?: boolean
  /** Told after each re-check, with the paths that changed or were removed. */
  onUpdate?: (changes: PreviewChange[]) => void
  /** A problem with watching or re-checking, as one sentence. */
  onError?: (message: string) => void
}

export type PreviewChange = {path: string; removed: true} | {path: string; removed: false; summary: ArticleSummary}

export interface PreviewServer {
  /** The address of the index page, such as `http://127.0.0.1:8321/`. */
  url: string
  /** How many articles are being previewed now. */
  articles(): number
  close(): Promise<void>
}

export {defaultHost}

/** Whether `host` is this computer only (then no other machine can open the preview). */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host)
}

const contentSecurityPolicy = [
  "default-src 'none'",
  "style-src 'self'",
  "script-src 'self'",
  // Articles may show remote images over https (the remote-image rule reports them); nothing else leaves the machine.
  "img-src 'self' https:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ')

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store'
} as const

/** The preview's stylesheet and script, read from the package's source folder (tsc copies no other files). */
function readAssets(): Map<string, {body: Buffer; type: string}> {
  return new Map(
    [
      ['/assets/preview.css', 'preview.css', 'text/css; charset=utf-8'],
      ['/assets/preview.js', 'preview.js', 'text/javascript; charset=utf-8']
    ].map(([route, name, type]) => [route!, {body: readFileSync(join(packageRoot, 'src', 'preview', 'assets', name!)), type: type!}])
  )
}

interface Entry {
  fingerprint: string
  file: VFile
  summary: ArticleSummary
  /**
   * The article's page, rendered on the first request after each check: rendering can take up
   * to the article's time budget, which the preview then spends once per change, not per request.
   */
  page?: string
}

/**
 * Start the preview. Throws MissingPathError when a path matches nothing, and the listen error
 * (EADDRINUSE …) when the port cannot be used, before anything is served.
 */
export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const {cwd, config, now} = options
  const host = options.host ?? defaultHost
  const assets = readAssets()
  const state = new Map<string, Entry>()
  let slugKey = ''

  /** Re-lint what changed since the last check; every article when the slugs changed (duplicate-slug). */
  const refresh = async (paths: string[]): Promise<PreviewChange[]> => {
    const slugs = await collectSlugs(paths, cwd, config.limits)
    const key = keyOfSlugs(slugs)
    const all = key !== slugKey
    slugKey = key
    const linter = createLinter({cwd, config, now, slugs})
    const changes: PreviewChange[] = []
    for (const path of paths) {
      const fingerprint = await fingerprintOf(resolve(cwd, path))
      const previous = state.get(path)
      if (!all && previous?.fingerprint === fingerprint) continue
      const file = await linter.lintFile(path)
      const summary = summaryOf(file, config)
      state.set(path, {fingerprint, file, summary})
      // After a slug change every article is re-checked, but only those whose messages moved changed.
      if (!previous || previous.fingerprint !== fingerprint || messagesKey(previous.file) !== messagesKey(file)) {
        changes.push({path, removed: false, summary})
      }
    }
    const present = new Set(paths)
    for (const path of [...state.keys()]) {
      if (present.has(path)) continue
      state.delete(path)
      changes.push({path, removed: true})
    }
    // Keep the index in the order of the inputs, as lint reports them.
    const order = new Map(paths.map((path, index) => [path, index]))
    const sorted = [...state.entries()].sort(([a], [b]) => order.get(a)! - order.get(b)!)
    state.clear()
    for (const [path, entry] of sorted) state.set(path, entry)
    return changes
  }

  await refresh(await expandPaths(options.paths, cwd))

  const clients = new Set<ServerResponse>()
  const broadcast = (changes: PreviewChange[]) => {
    const data = JSON.stringify({paths: changes.map((change) => change.path)})
    for (const client of clients) client.write(`event: change\ndata: ${data}\n\n`)
  }

  let port = 0
  const server = createServer((request, response) => {
    try {
      handle(request, response)
    } catch (error) {
      options.onError?.(`could not answer ${request.url ?? ''}: ${(error as Error).message}`)
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'The preview could not show this page. See the terminal for the error.\n')
      else response.end()
    }
  })

  function handle(request: IncomingMessage, response: ServerResponse): void {
    if (!isAllowedHost(request.headers.host, host, port)) {
      send(response, 421, 'text/plain; charset=utf-8', 'This preview only answers requests addressed to its own host name.\n')
      return
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD')
      send(response, 405, 'text/plain; charset=utf-8', 'Only GET and HEAD are supported.\n')
      return
    }
    const pathname = pathnameOf(request.url ?? '/')
    if (pathname === '/') {
      send(response, 200, 'text/html; charset=utf-8', renderIndex([...state.values()].map((entry) => entry.summary), now), request.method)
      return
    }
    if (pathname.startsWith('/article/')) {
      // The path is looked up among the previewed articles, never opened from the file system.
      const entry = state.get(decodeSegment(pathname.slice('/article/'.length)) ?? '')
      if (entry) send(response, 200, 'text/html; charset=utf-8', (entry.page ??= renderArticle(entry.file, config, now)), request.method)
      else send(response, 404, 'text/html; charset=utf-8', renderNotFound(), request.method)
      return
    }
    if (pathname === '/events') {
      response.writeHead(200, {...securityHeaders, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive'})
      // Reconnect quickly after the preview restarts.
      response.write('retry: 500\n\n')
      clients.add(response)
      request.on('close', () => clients.delete(response))
      return
    }
    if (pathname === '/favicon.ico') {
      send(response, 204, 'text/plain; charset=utf-8', '')
      return
    }
    const asset = assets.get(pathname)
    if (asset) {
      send(response, 200, asset.type, asset.body, request.method)
      return
    }
    send(response, 404, 'text/html; charset=utf-8', renderNotFound(), request.method)
  }

  await new Promise<void>((done, fail) => {
    server.once('error', fail)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', fail)
      done()
    })
  })
  port = (server.address() as AddressInfo).port

  let watcher: ChangeWatcher | undefined
  if (options.watch ?? true) {
    watcher = await watchInputs(options.paths, cwd, {
      onChange: async () => {
        const changes = await refresh(await currentPaths(options.paths, cwd))
        if (changes.length === 0) return
        broadcast(changes)
        options.onUpdate?.(changes)
      },
      onError: (message) => options.onError?.(message)
    })
  }

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    articles: () => state.size,
    async close() {
      await watcher?.close()
      for (const client of clients) client.end()
      clients.clear()
      await new Promise<void>((done) => {
        server.close(() => done())
        server.closeAllConnections()
      })
    }
  }
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer, method = 'GET'): void {
  response.writeHead(status, {...securityHeaders, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body)})
  response.end(method === 'HEAD' ? undefined : body)
}

/**
 * Whether the request names this server: its own address, or a loopback name when it listens on
 * loopback. A server listening on every interface (0.0.0.0, ::) answers any name: whoever chose
 * that has chosen to share it.
 */
export function isAllowedHost(header: string | undefined, host: string, port: number): boolean {
  if (host === '0.0.0.0' || host === '::') return true
  if (!header) return false
  const names = new Set([host.includes(':') ? `[${host}]` : host, 'localhost', '127.0.0.1', '[::1]'])
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(header.toLowerCase())
  return match !== null && names.has(match[1]!) && Number(match[2] ?? 80) === port
}

function pathnameOf(url: string): string {
  try {
    return new URL(url, 'http://preview.invalid').pathname
  } catch {
    return ''
  }
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment)
  } catch {
    return undefined
  }
}

function keyOfSlugs(slugs: SlugIndex): string {
  return JSON.stringify([...slugs.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

function messagesKey(file: VFile): string {
  return JSON.stringify(file.messages.map((message) => [message.ruleId, message.reason, message.place]))
}
