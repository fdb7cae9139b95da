// The analysis of one article: parse → score → the rules that depend only on the article and
// the config, within the article's time budget (budget.ts). This module pulls in the whole
// Markdown and natural-language stack, so lint.ts imports it only when an article is not in
// the cache.
import type {VFile} from 'vfile'
import type {ResolvedConfig} from '../config/config.js'
import {bodyStart, parseBody, readBody} from './parse.js'
import {scoreArticle} from './score.js'
import {createChecker} from './check.js'
import {runWithin} from './budget.js'
import {prepareValidator} from '../config/schema.js'
import {recordProblem} from './problems.js'
import {cachedData} from './facts.js'
import type {Suppression} from './suppress.js'

export interface Analyser {
  /** Parse, score and check `file` (loaded); returns the suppressions, not yet applied. */
  analyse(file: VFile): Promise<Suppression[]>
}

/** What parsing, scoring and the rules store on `file.data`, thrown away when they are stopped. */
const analysisData = ['tree', 'prose', 'sentences', ...(Object.keys(cachedData) as Array<keyof typeof cachedData>)] as const

export function createAnalyser(config: ResolvedConfig): Analyser {
  const checker = createChecker(config)
  // Outside any budget: a module the watchdog stopped while it loaded would stay half-loaded.
  prepareValidator()
  const {limits} = config
  return {
    async analyse(file) {
      // Outside the budget, because linear and bounded by `limits.maxFileBytes`: the frontmatter
      // (capped by `limits.maxFrontmatterBytes` before YAML parses it) and the body's caps
      // (limits.ts: one pass over the lines, each line's work proportional to its length).
      const body = readBody(file, limits)
      const messages = file.messages.length
      const problems = file.data.problems?.length ?? 0
      const finished = runWithin(limits.maxCheckMilliseconds, () => {
        if (body !== undefined) parseBody(file, body, limits)
        scoreArticle(file)
        return checker.analyse(file)
      })
      if (finished.ok) return finished.value
      // Stopped: throw away whatever the analysis built and say why. The rules that need no
      // Markdown tree then run again, within a budget of their own, since some of them read the
      // whole text (bidi-control, invisible-characters); if even they run over, only the rules
      // whose work is bounded whatever the body holds (`boundedWork`: the frontmatter's, and
      // markdown-limits to report this) run, outside any budget.
      file.messages.length = messages
      if (file.data.problems) file.data.problems.length = problems
      for (const key of analysisData) delete file.data[key]
      recordProblem(
        file,
        'markdown-limits',
        'over-budget',
        {milliseconds: limits.maxCheckMilliseconds},
        bodyStart(file)
      )
      const stopped = file.data.problems?.length ?? 0
      const again = runWithin(limits.maxCheckMilliseconds, () => checker.analyse(file))
      if (again.ok) return again.value
      file.messages.length = messages
      if (file.data.problems) file.data.problems.length = stopped
      checker.analyseBounded(file)
      return []
    }
  }
}
