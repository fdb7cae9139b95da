// The pipeline: load → parse → score → check, one article at a time, so results can be
// reported (and memory released) as each article finishes.
import {VFile} from 'vfile'
import type {ResolvedConfig} from './config.js'
import {decodeInto, loadArticle} from './pipeline/load.js'
import {parseArticle} from './pipeline/parse.js'
import {scoreArticle} from './pipeline/score.js'
import {createChecker} from './pipeline/check.js'
import {expandPaths} from './files.js'
import {collectSlugs} from './pipeline/slugs.js'
import type {SlugIndex} from './pipeline/slugs.js'
import './vfile-data.js'

export interface LintOptions {
  /** The working directory paths are relative to. */
  cwd: string
  config: ResolvedConfig
  /** Today as YYYY-MM-DD. */
  now: string
  /** Every article's slug in the run, for the `duplicate-slug` rule (`lint` and `build` collect it). */
  slugs?: SlugIndex
}

export interface Linter {
  /** Load the article at `path` (relative to cwd) from disk and check it. */
  lintFile(path: string): Promise<VFile>
  /** Check an article held in memory, as if it had been read from `path`. */
  lintBytes(path: string, bytes: Uint8Array): Promise<VFile>
}

export function createLinter(options: LintOptions): Linter {
  const checker = createChecker(options.config)
  const finish = async (file: VFile) => {
    file.data.now = options.now
    if (options.slugs) file.data.slugs = options.slugs
    parseArticle(file, options.config.limits)
    scoreArticle(file)
    await checker.check(file)
    return file
  }
  return {
    async lintFile(path) {
      return finish(await loadArticle(path, options.cwd, options.config.limits))
    },
    async lintBytes(path, bytes) {
      return finish(decodeInto(new VFile({path, cwd: options.cwd}), bytes))
    }
  }
}

/**
 * Lint the articles at `inputs` (files, directories or globs), yielding each file's VFile in
 * order as soon as it is done. Throws MissingPathError before linting when a path matches nothing.
 */
export async function* lint(inputs: string[], options: LintOptions): AsyncGenerator<VFile> {
  const paths = await expandPaths(inputs, options.cwd)
  const slugs = await collectSlugs(paths, options.cwd, options.config.limits)
  const linter = createLinter({...options, slugs})
  for (const path of paths) yield await linter.lintFile(path)
}
