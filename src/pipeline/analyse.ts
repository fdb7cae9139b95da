// The analysis of one article: parse → score → the rules that depend only on the article and
// the config. This module pulls in the whole Markdown and natural-language stack, so lint.ts
// imports it only when an article is not in the cache.
import type {VFile} from 'vfile'
import type {ResolvedConfig} from '../config.js'
import {parseArticle} from './parse.js'
import {scoreArticle} from './score.js'
import {createChecker} from './check.js'
import type {Suppression} from './suppress.js'

export interface Analyser {
  /** Parse, score and check `file` (loaded); returns the suppressions, not yet applied. */
  analyse(file: VFile): Promise<Suppression[]>
}

export function createAnalyser(config: ResolvedConfig): Analyser {
  const checker = createChecker(config)
  return {
    async analyse(file) {
      parseArticle(file, config.limits)
      scoreArticle(file)
      return checker.analyse(file)
    }
  }
}
