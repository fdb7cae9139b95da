// The Markdown parser (CommonMark + GFM), in one place for the parse stage and its tests.
//
// GFM's autolink literals (a bare `www.…`, `http://…` or e-mail address becomes a link) are
// tried at the start of every word, and that alone doubles micromark's parsing time (measured on
// the MedQuAD corpus: 4.4 s against 2.2 s). Every form of them needs `@`, `www` or `http` in the
// text (any case: `mailto:` and `xmpp:` addresses need `@` too), so a body with none of those
// is parsed with the other GFM extensions only. The tree is the same either way: a test compares
// the two parsers on real articles and on generated Markdown.
import {unified} from 'unified'
import type {Processor} from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import {gfmFootnote} from 'micromark-extension-gfm-footnote'
import {gfmStrikethrough} from 'micromark-extension-gfm-strikethrough'
import {gfmTable} from 'micromark-extension-gfm-table'
import {gfmTaskListItem} from 'micromark-extension-gfm-task-list-item'
import {gfmFootnoteFromMarkdown} from 'mdast-util-gfm-footnote'
import {gfmStrikethroughFromMarkdown} from 'mdast-util-gfm-strikethrough'
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table'
import {gfmTaskListItemFromMarkdown} from 'mdast-util-gfm-task-list-item'
import type {Root} from 'mdast'

/** remark-gfm's parsing, without autolink literals (the same extensions, in the same order). */
function gfmWithoutAutolinkLiterals(this: Processor): void {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem())
  ;(data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown())
}

const gfm = unified().use(remarkParse).use(remarkGfm).freeze()
const gfmWithoutAutolinks = unified().use(remarkParse).use(gfmWithoutAutolinkLiterals).freeze()

/** False when no GFM autolink literal can occur in `text`. */
export function mayHaveAutolinkLiteral(text: string): boolean {
  return /@|www|http/i.test(text)
}

export function parseMarkdown(body: string): Root {
  return (mayHaveAutolinkLiteral(body) ? gfm : gfmWithoutAutolinks).parse(body) as Root
}

/** Always with every GFM extension: for the test that the two parsers agree. */
export function parseMarkdownWithAutolinks(body: string): Root {
  return gfm.parse(body) as Root
}
