// Stage 4a: what `build` publishes comes from the article's source, never from the cache. The
// cache holds facts for lint (the messages that decide whether an article may be published);
// the page, the JSON record and the paths they are written to are rendered here from the bytes
// on disk, through the sanitiser, every time. An article whose facts came from the cache has no
// Markdown tree, so it is read, parsed and scored again; one analysed in this run is rendered
// from its own tree. Either way the work runs within the article's time budget (budget.ts), so
// publishing cannot be made to hang where the analysis could not.
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import type {ResolvedConfig} from '../config/config.js'
import {runWithin} from '../pipeline/budget.js'
import {emitArticle, overBudget} from './emit.js'
import type {EmittedArticle} from './emit.js'
import {loadArticle} from '../pipeline/load.js'
import {parseBody, readBody} from '../pipeline/parse.js'
import {scoreArticle} from '../pipeline/score.js'
import {pathOf} from '../pipeline/slugs.js'
import '../pipeline/data.js'
import type {PublishContext} from './site.js'
import {isOverdue, publishContextOf} from './context.js'
import type {PreviousBundle} from './manifest.js'
import type {TranslationIndex} from './translations.js'

/** The article's output, or why it is not published: the rule to report it under, the reason and where. */
export type RenderResult = {ok: true; value: EmittedArticle} | {ok: false; ruleId: string; reason: string; place?: Point}

/** Rule id of the messages publishing itself adds (metadata or body it cannot turn into a page). */
export const publishRuleId = 'publish'

/**
 * Render `file` (linted, without errors) for publishing, from its source. `cwd` is the
 * directory its path is relative to.
 */
export async function renderArticle(file: VFile, cwd: string, config: ResolvedConfig, context?: PublishContext): Promise<RenderResult> {
  // Analysed in this run: its tree, frontmatter and scores come from its bytes, just read.
  if (file.data.tree) return renderLoaded(file, file, config, context)
  const source = await loadArticle(pathOf(file), cwd, config.limits)
  // The verdict is for the bytes the facts were found in; these must be the same bytes.
  if (source.data.contentHash === undefined || source.data.contentHash !== file.data.contentHash) {
    return {ok: false, ruleId: publishRuleId, reason: 'This file changed while it was being published, so it was not published. Run the build again.'}
  }
  return renderLoaded(source, file, config, context)
}

/**
 * Render `source`, the article's bytes as loaded in this run: `file` itself when it was analysed
 * here (it has its tree), else a fresh load of the same bytes (parsed and scored first). A
 * build's worker threads render this way too (pipeline/worker.ts).
 */
export function renderLoaded(source: VFile, file: VFile, config: ResolvedConfig, context?: PublishContext | ((parsed: VFile) => PublishContext)): RenderResult {
  const {limits} = config
  const fresh = !source.data.tree
  const finished = runWithin(limits.maxCheckMilliseconds, () => {
    if (fresh) {
      const body = readBody(source, limits)
      if (body !== undefined) parseBody(source, body, limits)
      scoreArticle(source)
    }
    return emitArticle(source, config, typeof context === 'function' ? context(source) : context)
  })
  if (!finished.ok) {
    const stopped = overBudget(file, config)
    return {ok: false, ruleId: 'markdown-limits', reason: stopped.reason, ...(stopped.place ? {place: stopped.place} : {})}
  }
  const result = finished.value
  return result.ok ? result : {ok: false, ruleId: publishRuleId, reason: result.reason, ...(result.place ? {place: result.place} : {})}
}

/** A page rendered ahead, on a build's worker thread, for the context it assumed (pipeline/worker.ts). */
export interface PreRendered {
  /** The `reviewOverdue` it was rendered with: the build uses it only when it decides the same. */
  reviewOverdue: boolean
  result: RenderResult
}

/** What a build's worker threads need to render pages as the main thread would. */
export interface RenderSetup {
  previous: PreviousBundle | undefined
  translations: TranslationIndex
}

/**
 * Render `source` ahead of the build's verdict, on a worker: with the overdue notice exactly
 * when `publish.overdue: flag` would publish it overdue (the main thread checks that guess).
 */
export function preRender(source: VFile, file: VFile, config: ResolvedConfig, setup: RenderSetup, now: string): PreRendered {
  // Worked out once the source is parsed: a cached article's frontmatter is read only then.
  let reviewOverdue = false
  const result = renderLoaded(source, file, config, (parsed) => {
    reviewOverdue = config.site.overdue === 'flag' && isOverdue(parsed, config, now)
    return publishContextOf(parsed, {...setup, now}, reviewOverdue)
  })
  return {reviewOverdue, result}
}
