// The Markdown parser (CommonMark + GFM), in one place for the parse stage and its tests.
//
// Each GFM construct is tried wherever its syntax could start, and some are costly where there
// is nothing to find: autolink literals (a bare `www.…`, `http://…` or e-mail address becomes a
// link) are tried at the start of every word, which alone doubles micromark's parsing time
// (measured on the MedQuAD corpus: 4.4 s against 2.2 s), and the table construct looks at the
// start of every paragraph line and builds events for it (about 5% of the parse, and of the
// allocation, on the same corpus, which has few tables). Every construct needs a character
// that most bodies lack — autolink literals `@`, `www` or `http` (any case; `mailto:` and
// `xmpp:` addresses need `@` too), tables `|`, strikethrough `~`, task list items and footnotes
// `[` — so a body is parsed with only the extensions its text could use. The tree is the same
// either way: a test compares this parser with the full GFM one on real articles and on
// generated Markdown.
import {unified} from 'unified'
import type {Processor} from 'unified'
import remarkParse from 'remark-parse'
import {gfmAutolinkLiteral} from 'micromark-extension-gfm-autolink-literal'
import {gfmFootnote} from 'micromark-extension-gfm-footnote'
import {gfmStrikethrough} from 'micromark-extension-gfm-strikethrough'
import {gfmTable} from 'micromark-extension-gfm-table'
import {gfmTaskListItem} from 'micromark-extension-gfm-task-list-item'
import {gfmAutolinkLiteralFromMarkdown} from 'mdast-util-gfm-autolink-literal'
import {gfmFootnoteFromMarkdown} from 'mdast-util-gfm-footnote'
import {gfmStrikethroughFromMarkdown} from 'mdast-util-gfm-strikethrough'
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table'
import {gfmTaskListItemFromMarkdown} from 'mdast-util-gfm-task-list-item'
import remarkGfm from 'remark-gfm'
import type {Root} from 'mdast'

/** remark-gfm's constructs, in its order, each with what its syntax needs in the text. */
const constructs = [
  {name: 'autolink literal', may: (text: string) => /@|www|http/i.test(text), syntax: () => gfmAutolinkLiteral(), tree: () => gfmAutolinkLiteralFromMarkdown()},
  {name: 'footnote', may: (text: string) => text.includes('['), syntax: () => gfmFootnote(), tree: () => gfmFootnoteFromMarkdown()},
  {name: 'strikethrough', may: (text: string) => text.includes('~'), syntax: () => gfmStrikethrough(), tree: () => gfmStrikethroughFromMarkdown()},
  {name: 'table', may: (text: string) => text.includes('|'), syntax: () => gfmTable(), tree: () => gfmTableFromMarkdown()},
  {name: 'task list item', may: (text: string) => text.includes('['), syntax: () => gfmTaskListItem(), tree: () => gfmTaskListItemFromMarkdown()}
] as const

// One frozen processor per set of constructs (at most 32), made on first use.
const processors = new Map<number, Processor>()

function processorFor(mask: number): Processor {
  let processor = processors.get(mask)
  if (!processor) {
    const chosen = constructs.filter((_, index) => (mask & (1 << index)) !== 0)
    processor = unified().use(remarkParse).use(function (this: Processor) {
      const data = this.data()
      ;(data.micromarkExtensions ??= []).push(...chosen.map((construct) => construct.syntax()))
      ;(data.fromMarkdownExtensions ??= []).push(...chosen.map((construct) => construct.tree()))
    }).freeze() as unknown as Processor
    processors.set(mask, processor)
  }
  return processor
}

const gfm = unified().use(remarkParse).use(remarkGfm).freeze()

/** False when no GFM autolink literal can occur in `text`. */
export function mayHaveAutolinkLiteral(text: string): boolean {
  return constructs[0].may(text)
}

/** The GFM constructs whose syntax can occur in `text`, by name. */
export function possibleConstructs(text: string): string[] {
  return constructs.filter((construct) => construct.may(text)).map((construct) => construct.name)
}

export function parseMarkdown(body: string): Root {
  let mask = 0
  constructs.forEach((construct, index) => {
    if (construct.may(body)) mask |= 1 << index
  })
  return processorFor(mask).parse(body) as Root
}

/** Always with every GFM extension: for the test that the two parsers agree. */
export function parseMarkdownWithAutolinks(body: string): Root {
  return gfm.parse(body) as Root
}
