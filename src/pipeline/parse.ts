// Stage 2: parse. Reads the frontmatter, then parses the body as Markdown (CommonMark + GFM).
// The body is parsed from the file's text with the frontmatter blanked out, so every node's
// position is a position in the original file. Parsing runs with a time
// budget (parse-budget.ts), after the deterministic caps of limits.ts.
import type {VFile} from 'vfile'
import type {Limits} from '../config.js'
import {parseFrontmatter} from './frontmatter.js'
import {recordProblem} from './problems.js'
import {checkBodyText, checkTree} from './limits.js'
import {parseWithin} from './parse-budget.js'

export function parseArticle(file: VFile, limits: Limits): void {
  if (!file.data.loaded) return
  const body = parseFrontmatter(file, limits)
  if (!checkBodyText(file, body, limits)) return
  const outcome = parseWithin(body, limits.maxParseMilliseconds)
  if (outcome.ok) {
    if (checkTree(file, outcome.tree, limits)) file.data.tree = outcome.tree
    return
  }
  // Where the body starts: the line after the frontmatter.
  const place = {line: file.data.frontmatter?.position.end.line ?? 1, column: 1}
  if (outcome.reason === 'time') {
    recordProblem(file, 'markdown-limits', `Parsing this article's Markdown took longer than ${limits.maxParseMilliseconds} ms, so it was stopped and the body was not checked. Very long articles, or thousands of quotes, lists or underlined (===) headings, cause this: split the article, or raise \`limits.maxParseMilliseconds\` in the config.`, place)
  } else {
    // micromark should not throw on any input; if it ever does, keep the file's other checks.
    recordProblem(file, 'markdown-limits', `The article body could not be parsed as Markdown (${outcome.reason === 'depth' ? 'it is nested too deeply' : 'internal parser error'}). Simplify the structure near the start of the body.`, place)
  }
}
