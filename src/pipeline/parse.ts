// Stage 2: parse. Reads the frontmatter, then parses the body as Markdown (CommonMark + GFM).
// The body is parsed from the file's text with the frontmatter blanked out, so every node's
// position is a position in the original file. The deterministic caps of limits.ts come first;
// the parse itself runs within the article's time budget (budget.ts, analyse.ts).
import type {VFile} from 'vfile'
import type {Limits} from '../config/config.js'
import {parseFrontmatter} from './frontmatter.js'
import {recordProblem} from './problems.js'
import {checkBodyText, checkTree} from './limits.js'
import {parseMarkdown} from './markdown.js'

/**
 * Read the frontmatter and check the body text against the caps: the body to parse, or
 * undefined when there is none to parse (not loaded, or refused with a recorded problem).
 */
export function readBody(file: VFile, limits: Limits): string | undefined {
  if (!file.data.loaded) return undefined
  const body = parseFrontmatter(file, limits)
  return checkBodyText(file, body, limits) ? body : undefined
}

/** Parse `body` as Markdown into `file.data.tree`, unless the tree breaks the structure limits. */
export function parseBody(file: VFile, body: string, limits: Limits): void {
  let tree
  try {
    tree = parseMarkdown(body)
  } catch (error) {
    // micromark should not throw on any input; if it ever does (or the stack runs out), keep
    // the file's other checks.
    const reason = error instanceof RangeError ? 'it is nested too deeply' : 'internal parser error'
    recordProblem(file, 'markdown-limits', 'unparsable', {reason}, bodyStart(file))
    return
  }
  if (checkTree(file, tree, limits)) file.data.tree = tree
}

/** Parse the whole article: `readBody`, then `parseBody`. */
export function parseArticle(file: VFile, limits: Limits): void {
  const body = readBody(file, limits)
  if (body !== undefined) parseBody(file, body, limits)
}

/** Where the body starts: the line after the frontmatter. */
export function bodyStart(file: VFile): {line: number; column: number} {
  return {line: file.data.frontmatter?.position.end.line ?? 1, column: 1}
}
