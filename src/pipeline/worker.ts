// One analysis worker thread (pool.ts starts them), and so an entry point: it takes the built-in
// rule set itself. It receives the resolved configuration once, as data, without its rule set
// (structured clone carries no functions, so a config can never hand a worker code), and
// then articles as the main thread loaded them: text, file name, hash and the load stage's
// problems. It runs the same analysis as the main thread would (analyse.ts, with its per-article
// time budget and the limits) and posts the article's facts back as plain data (facts.ts), which
// the main thread restores, finishes, caches and reports exactly as a cache hit.
import {parentPort, workerData} from 'node:worker_threads'
import {VFile} from 'vfile'
import type {ResolvedConfig} from '../config/config.js'
import {builtInRules} from '../../rules/index.js'
import {createAnalyser} from './analyse.js'
import {createChecker} from './check.js'
import {bodyStart, readBody} from './parse.js'
import {recordProblem} from './problems.js'
import {factsOf} from './facts.js'
import type {ArticleFacts} from './facts.js'
import type {Problem} from './problems.js'
import type {PreRendered, RenderSetup} from '../publish/render.js'
import './data.js'

/** An article as the main thread loaded it, sent to a worker. */
export interface AnalysisRequest {
  id: number
  path: string
  cwd: string
  /** The decoded text; absent when the file could not be read or decoded. */
  value?: string
  loaded: boolean
  contentHash?: string
  problems?: Problem[]
  now?: string
  /**
   * Set when analysing this article already failed (the reason, in words): run only the rules
   * whose work is bounded, and report the failure under `markdown-limits`.
   */
  failed?: string
  /**
   * A build's: render the page too, after the analysis (`analysed`), or only render it (`only`:
   * its facts came from the cache; `value` holds its bytes, just read again).
   */
  render?: 'analysed' | 'only'
}

export type AnalysisReply = {id: number; facts?: ArticleFacts; preRendered?: PreRendered} | {id: number; error: string}

/** The resolved config but its rule set (code), and the rule ids it was resolved against. */
export interface WorkerSetup {
  config: Omit<ResolvedConfig, 'ruleSet'>
  ruleIds: readonly string[]
  /** A build's: what rendering pages needs from the run. */
  render?: RenderSetup
}

/** The VFile of `request`, as the main thread had it before the analysis. */
export function fileOf(request: AnalysisRequest): VFile {
  const file = new VFile({path: request.path, cwd: request.cwd})
  if (request.value !== undefined) file.value = request.value
  file.data.loaded = request.loaded
  if (request.contentHash !== undefined) file.data.contentHash = request.contentHash
  if (request.problems) file.data.problems = request.problems
  if (request.now !== undefined) file.data.now = request.now
  return file
}

const warmUpText = '---\ntitle: Warm-up\n---\n\n# Warm-up\n\nThis text is analysed once when a worker starts, and never reported.\n\n- One item.\n- [A link](https://example.org).\n'

if (parentPort) {
  const port = parentPort
  const setup = workerData as WorkerSetup
  // Only a config resolved against the built-in rules comes here (pool.ts: none with plugins).
  if (setup.ruleIds.join('\n') !== builtInRules.ids.join('\n')) throw new Error('the worker was given a config resolved against other rules than the built-in ones')
  const config: ResolvedConfig = {...setup.config, ruleSet: builtInRules}
  const analyser = createAnalyser(config)
  let checker: ReturnType<typeof createChecker> | undefined
  // Rendering loads the HTML stack: only in a build's workers, and only once.
  const renderer = setup.render ? await import('../publish/render.js') : undefined
  const preRender = (source: VFile, file: VFile) => renderer!.preRender(source, file, config, setup.render!, file.data.now ?? '')
  // One throw-away analysis before the first article, so that the first article does not pay for
  // compiling the rules and loading their modules inside its time budget: otherwise each worker's
  // first article could be stopped where one thread (warm by then) would finish it. With a budget
  // of its own: a module whose loading the watchdog interrupted would stay half-loaded.
  const warmUp = createAnalyser({...config, limits: {...config.limits, maxCheckMilliseconds: 120_000}})
  await warmUp.analyse(fileOf({id: -1, path: 'warm-up.md', cwd: process.cwd(), loaded: true, value: warmUpText}))
  port.on('message', async (request: AnalysisRequest) => {
    let reply: AnalysisReply
    try {
      const file = fileOf(request)
      if (request.render === 'only' && renderer) {
        reply = {id: request.id, preRendered: preRender(file, file)}
      } else if (request.failed === undefined) {
        reply = {id: request.id, facts: factsOf(file, await analyser.analyse(file))}
        // From its own tree; an article without one (refused or unreadable) is left to the main
        // thread, which reads it again and says why it cannot be published.
        if (request.render === 'analysed' && renderer && file.data.tree) reply.preRendered = preRender(file, file)
      } else {
        checker ??= createChecker(config)
        readBody(file, config.limits)
        recordProblem(file, 'markdown-limits', 'analysis-failed', {reason: request.failed}, bodyStart(file))
        checker.analyseBounded(file)
        reply = {id: request.id, facts: factsOf(file, [])}
      }
    } catch (error) {
      reply = {id: request.id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error)}
    }
    port.postMessage(reply)
  })
}
