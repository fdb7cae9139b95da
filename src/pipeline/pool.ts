// A pool of analysis worker threads (worker.ts), so that a run uses every core. The main thread
// keeps reading, the cache, the finish stage and the reports; the workers only parse, score and
// run the rules that depend on the article and the config, and post back the facts (facts.ts),
// which the main thread restores exactly as it restores a cache hit; in a build they also render
// each page (publish/render.ts `preRender`), which the build uses or renders again itself. Output
// is the same, byte for byte, whatever the number of workers: results are taken in input order
// (lint.ts).
//
// A worker that throws or dies never loses an article: the article is analysed again in a
// (fresh) worker with only the rules whose work is bounded, and reported under
// `markdown-limits` with what went wrong; if even that fails, it gets that error on its own.
import {availableParallelism} from 'node:os'
import {Worker} from 'node:worker_threads'
import type {ResourceLimits} from 'node:worker_threads'
import type {VFile} from 'vfile'
import type {ResolvedConfig} from '../config/config.js'
import type {ArticleFacts} from './facts.js'
import {recordedMessages} from '../../rules/markdown-limits.js'
// Types only: worker.ts loads the whole Markdown stack, which this thread may never need.
import type {AnalysisReply, AnalysisRequest, WorkerSetup} from './worker.js'
import type {PreRendered, RenderSetup} from '../publish/render.js'

/**
 * Fewest articles to analyse for `--jobs auto` to start workers. Each worker loads the Markdown
 * stack and compiles the rules on its own: measured on 2 cores (README, "Worker threads"), that
 * costs about 0.75 s of CPU for the pool, plus about 8 ms an article for copying and restoring
 * facts, so on an idle machine two workers overtake one thread at about 50–60 articles.
 */
export const workerCrossover = 60

/**
 * On 2 cores, `auto` uses two workers (the main thread then shares a core with them) from this
 * many articles: measured on an idle 2-core machine (README, "Worker threads"), two workers were
 * 1.07–1.19× faster than one thread at 1,500 MedQuAD articles, 1.00–1.08× at 750, and slower at
 * 150 and 400, for about 250 MB more peak RSS.
 */
export const twoCoreCrossover = 1000

/**
 * Each worker's young generation, in MB (node's default is 48: three semi-spaces of 16). An
 * article's trees live through its whole analysis, so with the default they are copied by
 * several scavenges and promoted, to be collected again by the old generation's collector; with
 * semi-spaces of 64 MB most are dead by the first scavenge. Measured on 2 idle cores (1,500
 * MedQuAD articles, two workers): 19.7–20.3 s against 22.1–22.6 s, for 816–845 MB of peak RSS
 * against 567–595 MB (README, "Memory"). `--jobs 1` keeps to one thread and node's defaults.
 */
export const workerYoungGenerationMb = 192

/** Articles in flight per worker: enough that a worker never waits for the main thread. */
const inFlightPerWorker = 2

/** Workers lost one after another, with no answer between, before the pool stops starting them. */
const maxLostInARow = 4

export interface PoolOptions {
  config: ResolvedConfig
  /** Number of worker threads (1 or more). */
  size: number
  /** Each worker's V8 limits (default: node's, but a young generation of `workerYoungGenerationMb`). */
  resourceLimits?: ResourceLimits
  /** A build's: the workers render pages too (publish/render.ts `preRender`). */
  render?: RenderSetup
}

export interface AnalysisPool {
  /**
   * Analyse `file` (loaded on this thread) on a worker; resolves to its facts, never rejects.
   * `failed` is true when the analysis did not finish (such facts are not cached).
   */
  analyse(file: VFile, options?: {render?: boolean}): Promise<PooledFacts>
  /**
   * Render the page of `file` (loaded on this thread; its facts came from the cache) on a
   * worker, for a pool made with `render`; undefined when a worker could not (this thread then
   * renders it).
   */
  render(file: VFile): Promise<PreRendered | undefined>
  /** Stop every worker. */
  close(): Promise<void>
}

/**
 * How many analysis workers a run of `articles` articles uses: 0 means analyse on this thread.
 * `jobs` is `--jobs`: 1 is this thread, N ≥ 2 is N workers. `auto` leaves one core to this
 * thread (reading, the cache, reporting) and V8's garbage collector, and uses a worker on each of
 * the others when that is 2 or more and the run has `workerCrossover` articles or more. On 2
 * cores, two workers from `twoCoreCrossover` articles (below that, this thread alone): there they
 * pay for their start-up and copying only on large runs, for three quarters more memory.
 */
export function workersFor(jobs: number | 'auto', articles: number, cores = availableParallelism()): number {
  // (lint.ts analyses a run whose config loaded plugins on this thread: their code is loaded once.)
  if (jobs !== 'auto') return jobs <= 1 ? 0 : Math.min(jobs, Math.max(articles, 1))
  if (cores === 2) return articles >= twoCoreCrossover ? 2 : 0
  if (cores - 1 < 2 || articles < workerCrossover) return 0
  return cores - 1
}

export interface PooledFacts {
  facts: ArticleFacts
  failed: boolean
  /** The page, when asked for and the analysis did not fail. */
  preRendered?: PreRendered
}

interface Task {
  request: AnalysisRequest
  /** Facts for an analysis; none (and no page) for a render whose worker failed. */
  resolve: (result: Partial<PooledFacts>) => void
}

interface Slot {
  worker: Worker
  /** In the order sent: a worker answers in that order, so the first is the one it is on. */
  tasks: Task[]
}

export function createPool(options: PoolOptions): AnalysisPool {
  const {ruleSet, ...data} = options.config
  const setup: WorkerSetup = {config: data, ruleIds: ruleSet.ids, ...(options.render ? {render: options.render} : {})}
  const slots: Slot[] = []
  const waiting: Task[] = []
  let nextId = 0
  let closed = false
  // Workers lost in a row without one answer: past `maxLostInARow`, workers cannot run here at
  // all (a heap limit too small to load the rules, say), and every article left gets the error.
  let lostInARow = 0
  let giveUp: string | undefined

  const start = (): Slot => {
    const worker = new Worker(new URL('./worker.js', import.meta.url), {
      workerData: setup,
      resourceLimits: {maxYoungGenerationSizeMb: workerYoungGenerationMb, ...options.resourceLimits}
    })
    const slot: Slot = {worker, tasks: []}
    worker.on('message', (reply: AnalysisReply) => {
      const index = slot.tasks.findIndex((task) => task.request.id === reply.id)
      if (index === -1) return
      const [task] = slot.tasks.splice(index, 1) as [Task]
      lostInARow = 0
      if ('error' in reply) retry(task, `an internal error: ${reply.error}`)
      else task.resolve({...(reply.facts ? {facts: reply.facts} : {}), failed: task.request.failed !== undefined, ...(reply.preRendered ? {preRendered: reply.preRendered} : {})})
      pump()
    })
    const lost = (reason: string) => {
      const at = slots.indexOf(slot)
      if (at === -1) return
      slots.splice(at, 1)
      if (closed) return
      if (++lostInARow >= maxLostInARow) giveUp = reason
      const [culprit, ...others] = slot.tasks
      slot.tasks = []
      // The others were only queued behind the article that broke the worker: send them again.
      waiting.unshift(...others)
      if (culprit) retry(culprit, reason)
      if (!closed) pump()
    }
    worker.on('error', (error: Error) => lost(`the worker thread stopped: ${error.name}: ${error.message}`))
    worker.on('exit', (code) => lost(`the worker thread exited with code ${code}`))
    return slot
  }

  const retry = (task: Task, reason: string) => {
    // A page this thread can render itself: never tried again on a worker.
    if (task.request.render === 'only') task.resolve({failed: true})
    else if (task.request.failed === undefined) {
      const {render, ...request} = task.request
      waiting.unshift({request: {...request, failed: reason}, resolve: task.resolve})
    } else {
      task.resolve({facts: failedFacts(task.request, task.request.failed, ruleSet), failed: true})
    }
  }

  const pump = () => {
    if (closed) return
    if (giveUp !== undefined) {
      for (const task of waiting.splice(0)) task.resolve(task.request.render === 'only' ? {failed: true} : {facts: failedFacts(task.request, task.request.failed ?? giveUp, ruleSet), failed: true})
      return
    }
    while (waiting.length > 0) {
      // A worker is started only when every one running is busy: a warm run with one article
      // changed starts one worker, not one per core.
      let slot = slots.reduce<Slot | undefined>((best, candidate) => (!best || candidate.tasks.length < best.tasks.length ? candidate : best), undefined)
      if ((!slot || slot.tasks.length > 0) && slots.length < options.size) {
        slot = start()
        slots.push(slot)
      }
      if (slot!.tasks.length >= inFlightPerWorker) return
      const task = waiting.shift()!
      slot!.tasks.push(task)
      try {
        slot!.worker.postMessage(task.request)
      } catch (error) {
        // The article cannot be copied to a worker (it can always be: text and plain data).
        slot!.tasks.pop()
        retry(task, `it could not be sent to a worker thread: ${(error as Error).message}`)
        if (task.request.failed !== undefined) continue
      }
    }
  }

  const send = (file: VFile, render: AnalysisRequest['render']) => {
    const request: AnalysisRequest = {id: nextId++, path: file.path, cwd: file.cwd, loaded: file.data.loaded === true}
    if (typeof file.value === 'string') request.value = file.value
    if (file.data.contentHash !== undefined) request.contentHash = file.data.contentHash
    if (file.data.problems) request.problems = file.data.problems
    if (file.data.now !== undefined) request.now = file.data.now
    if (render && options.render) request.render = render
    return new Promise<Partial<PooledFacts>>((resolve) => {
      waiting.push({request, resolve})
      pump()
    })
  }

  return {
    async analyse(file, analyseOptions) {
      return (await send(file, analyseOptions?.render ? 'analysed' : undefined)) as PooledFacts
    },
    async render(file) {
      return options.render ? (await send(file, 'only')).preRendered : undefined
    },
    async close() {
      closed = true
      const stopping = slots.splice(0).map((slot) => slot.worker.terminate())
      await Promise.all(stopping)
    }
  }
}

/**
 * The facts of an article whose analysis failed twice, or whose workers could not start: that
 * failure, always an error (a body nobody checked must not be published).
 */
function failedFacts(request: AnalysisRequest, reason: string, rules: ResolvedConfig['ruleSet']): ArticleFacts {
  return {
    contentHash: request.contentHash ?? '',
    loaded: request.loaded,
    messages: [{reason: recordedMessages['analysis-failed']({reason}), place: {line: 1, column: 1}, ruleId: 'markdown-limits', source: 'healthlint', url: rules.get('markdown-limits')?.url ?? null, fatal: true}],
    suppressions: []
  }
}
