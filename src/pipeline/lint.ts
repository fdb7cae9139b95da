// The pipeline: load → parse → score → check → finish, one article at a time, so results can be
// reported (and memory released) as each article finishes. With a cache, an article whose bytes,
// file name, config and tool are unchanged skips parse, score and check: its facts are read back
// (pipeline/facts.ts) and only the rules that depend on today or on the other articles run again
// (pipeline/finish.ts). The Markdown stack is imported on the first article that needs it.
import {VFile} from 'vfile'
import type {ResolvedConfig} from '../config/config.js'
import {decodeInto, loadArticle, loadBytes} from './load.js'
import {createFinisher} from './finish.js'
import {expandPaths} from '../io/files.js'
import {pathOf, readRunIndex} from './slugs.js'
import type {SlugIndex} from './slugs.js'
import {factsOf, restoreFacts, survivesJson} from './facts.js'
import type {ArticleFacts} from './facts.js'
import type {ArticleCache} from '../io/cache.js'
import type {Analyser} from './analyse.js'
import type {ResourceLimits} from 'node:worker_threads'
import {createPool, workersFor} from './pool.js'
import type {AnalysisPool} from './pool.js'
import type {RenderSetup} from '../publish/render.js'
import './data.js'

export interface LintOptions {
  /** The working directory paths are relative to. */
  cwd: string
  config: ResolvedConfig
  /** Today as YYYY-MM-DD. */
  now: string
  /** Every article's slug in the run, for the `duplicate-slug` rule (`lint` and `build` collect it). */
  slugs?: SlugIndex
  /**
   * Path → hash of its bytes, from reading the run's index (`readRunIndex`): an article whose
   * facts are cached under that hash is not read again.
   */
  hashes?: ReadonlyMap<string, string>
  /** The content-hash cache (cache.ts); without one, every article is analysed. */
  cache?: ArticleCache
  /**
   * For `lint()`: the inputs (files, directories or globs) whose articles' slugs count for
   * `duplicate-slug`, when that is more than the inputs checked (`lint --changed` checks the
   * changed articles against all of them). By default, the inputs.
   */
  slugScope?: string[]
  /**
   * `lintFiles` only: analyse on this thread (1, the default), on N worker threads (N ≥ 2), or
   * `auto`: one worker per core when the run is long enough to pay for them (pipeline/pool.ts).
   * The output is the same whatever the number.
   */
  jobs?: number | 'auto'
  /**
   * A build's: with workers, they render each article's page too (kept on `file.data.preRendered`
   * for the build to use or not), so that this thread only reads, decides and writes.
   */
  render?: RenderSetup
  /** Each analysis worker's V8 limits (default: node's, but the young generation of pool.ts `workerYoungGenerationMb`). */
  workerLimits?: ResourceLimits
}

export interface Linter {
  /** Load the article at `path` (relative to cwd) from disk and check it. */
  lintFile(path: string): Promise<VFile>
  /** Check an article held in memory, as if it had been read from `path`. */
  lintBytes(path: string, bytes: Uint8Array): Promise<VFile>
  /** The same, under the size limit a file read from disk has (an editor's text: the language server). */
  lintText(path: string, bytes: Uint8Array): Promise<VFile>
  /** Lint the articles at `paths`, yielding each as soon as it is done, in order. */
  lintFiles(paths: readonly string[]): AsyncGenerator<VFile>
  /** Wait until every cache write has finished. */
  flush(): Promise<void>
}

export function createLinter(options: LintOptions): Linter {
  const {config, cache} = options
  const finisher = createFinisher(config)
  let analyser: Promise<Analyser> | undefined

  const analyse = async (file: VFile) => {
    analyser ??= import('./analyse.js').then((module) => module.createAnalyser(config))
    const suppressions = await (await analyser).analyse(file)
    return {suppressions, facts: factsOf(file, suppressions)}
  }

  // The cache lookup: the facts, if any (never what a build publishes: see build.ts).
  const prepare = async (file: VFile): Promise<Prepared> => {
    // Files that could not be read have no hash and are never cached.
    const hash = file.data.contentHash
    if (hash === undefined || !cache) return {file}
    const cached = await cache.readFacts(hash, pathOf(file))
    return cached ? {file, cached} : {file}
  }

  const complete = async ({file, cached}: Prepared, pool?: AnalysisPool) => {
    file.data.now = options.now
    if (options.slugs) file.data.slugs = options.slugs
    let suppressions
    if (cached) {
      suppressions = restoreFacts(file, cached)
      // A build's cached article: its page is rendered from its bytes, read again, on a worker.
      if (pool && options.render) await preRenderCached(file, pool)
    } else {
      // On a worker, the facts come back as plain data and are restored like a cache hit.
      const pooled = pool ? await pool.analyse(file, {render: options.render !== undefined}) : undefined
      if (pooled?.preRendered) file.data.preRendered = pooled.preRendered
      const fresh = pooled ? {facts: pooled.facts, suppressions: restoreFacts(file, pooled.facts)} : await analyse(file)
      suppressions = fresh.suppressions
      const hash = file.data.contentHash
      const store = hash !== undefined && cache && !pooled?.failed && survivesJson(fresh.facts) ? cache : undefined
      if (store) await store.writeFacts(hash!, pathOf(file), fresh.facts)
    }
    finisher.finish(file, suppressions)
    return file
  }

  const preRenderCached = async (file: VFile, pool: AnalysisPool) => {
    const source = await loadArticle(pathOf(file), options.cwd, config.limits)
    // Other bytes than the facts were found in: left to the build, which says so (render.ts).
    if (source.data.contentHash === undefined || source.data.contentHash !== file.data.contentHash) return
    source.data.now = options.now
    const preRendered = await pool.render(source)
    if (preRendered) file.data.preRendered = preRendered
  }

  const load = async (path: string) => {
    const hash = options.hashes?.get(path)
    if (hash !== undefined && cache) {
      // A hit needs only the hash: the facts carry everything reported (not the text or tree).
      const file = new VFile({path, cwd: options.cwd})
      file.data.contentHash = hash
      const prepared = await prepare(file)
      if (prepared.cached) return prepared
    }
    return prepare(await loadArticle(path, options.cwd, config.limits))
  }

  return {
    async lintFile(path) {
      return complete(await load(path))
    },
    async lintBytes(path, bytes) {
      return complete(await prepare(decodeInto(new VFile({path, cwd: options.cwd}), bytes)))
    },
    async lintText(path, bytes) {
      return complete(await prepare(loadBytes(path, options.cwd, bytes, config.limits)))
    },
    async *lintFiles(paths) {
      // Plugins' rules are code, which is never sent to a worker: a run with plugins stays here.
      const workers = config.plugins.length > 0 ? 0 : workersFor(options.jobs ?? 1, paths.length)
      if (workers === 0) {
        // One at a time: reads are synchronous (see load.ts) and cache writes go on in the background.
        for (const path of paths) yield await complete(await load(path))
        return
      }
      // This thread reads, looks up the cache, finishes and reports; the workers (started on the
      // first article not in the cache) analyse. A window of articles is in flight, taken in order.
      const pool = createPool({config, size: workers, ...(options.workerLimits ? {resourceLimits: options.workerLimits} : {}), ...(options.render ? {render: options.render} : {})})
      const window: Array<Promise<VFile>> = []
      try {
        for (const path of paths) {
          const done = load(path).then((prepared) => complete(prepared, pool))
          done.catch(() => {})
          window.push(done)
          if (window.length >= workers * 8) yield await window.shift()!
        }
        while (window.length > 0) yield await window.shift()!
      } finally {
        await pool.close()
      }
    },
    async flush() {
      await cache?.flush()
    }
  }
}

interface Prepared {
  file: VFile
  cached?: ArticleFacts
}

/**
 * Lint the articles at `inputs` (files, directories or globs), yielding each file's VFile in
 * order as soon as it is done. Throws MissingPathError before linting when a path matches nothing.
 */
export async function* lint(inputs: string[], options: LintOptions): AsyncGenerator<VFile> {
  const paths = await expandPaths(inputs, options.cwd)
  const scope = options.slugScope ? await expandPaths(options.slugScope, options.cwd) : paths
  const {slugs, hashes} = await readRunIndex(paths, options.cwd, options.config.limits, scope)
  const linter = createLinter({...options, slugs, hashes})
  yield* linter.lintFiles(paths)
  await linter.flush()
}
