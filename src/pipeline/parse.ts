// Stage 2: parse. Reads the frontmatter, then parses the body as Markdown (CommonMark + GFM).
// The body is parsed from the file's text with the frontmatter blanked out, so every node's
// position is a position in the original file.
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import type {Limits} from '../config.js'
import {parseFrontmatter} from './frontmatter.js'
import {recordProblem} from './problems.js'
import {checkBodyText, checkTree} from './limits.js'

const markdown = unified().use(remarkParse).use(remarkGfm).freeze()

export function parseArticle(file: VFile, limits: Limits): void {
  if (!file.data.loaded) return
  const body = parseFrontmatter(file, limits)
  if (!checkBodyText(file, body, limits)) return
  try {
    const tree = markdown.parse(body) as Root
    if (checkTree(file, tree, limits)) file.data.tree = tree
  } catch (error) {
    // micromark should not throw on any input; if it ever does, keep the file's other checks.
    recordProblem(file, 'markdown-limits', `The article body could not be parsed as Markdown (${error instanceof RangeError ? 'it is nested too deeply' : 'internal parser error'}). Simplify the structure near the start of the body.`, {line: 1, column: 1})
  }
}
