// The Markdown parser (CommonMark + GFM), in one place for the parser thread and its tests.
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import type {Root} from 'mdast'

const markdown = unified().use(remarkParse).use(remarkGfm).freeze()

export function parseMarkdown(body: string): Root {
  return markdown.parse(body) as Root
}
