// markdown-limits: the Markdown body stays within the structure limits that keep parsing and
// publishing fast and safe.
//
// Why: crafted Markdown (thousands of nested quotes or lists, runs of brackets and emphasis
// markers) can make Markdown tools run for minutes or crash. Real articles never come near the
// limits; an article over them is refused with a message at its place. Turn it off: never.
import {defineRule, reportRecordedProblems, withoutOptions} from '../src/rule-kit/rule.js'
import type {RecordedMessages} from '../src/pipeline/problems.js'

/** The messages of the problems the parse and analysis stages record for this rule. */
export const recordedMessages: RecordedMessages<'markdown-limits'> = {
  lines: ({limit}) => `This article has more than ${limit} lines, far more than any article needs, so it was not parsed. Split it into several articles, or raise \`limits.maxLines\` in the config.`,
  'nested-line': ({limit}) => `This line nests quotes or lists more than ${limit} levels deep. Flatten the structure; articles need only a few levels.`,
  'wide-table': ({columns, limit}) => `This table has ${columns} columns, more than the limit of ${limit}; it would not fit on a phone screen. Split it into smaller tables or a list.`,
  'table-cells': ({limit}) => `The tables in this article have more than ${limit} cells in all by this row, far more than a reader can use, so the article was not parsed. Split the table into smaller tables or lists, or raise \`limits.maxTableCells\` in the config.`,
  'block-markers': ({limit}) => `This block has more than ${limit} emphasis, link or code markers (such as * _ [ ] ( ) \`), far more than any article needs, so it was not parsed. Split the text into paragraphs or remove the stray markers.`,
  markers: ({limit}) => `This article has more than ${limit} emphasis, link or code markers (such as * _ [ ] ( ) \`) by this line, far more than any article needs, so it was not parsed. Split it into several articles, or raise \`limits.maxDelimiters\` in the config.`,
  nodes: ({limit}) => `This article's Markdown has more than ${limit} elements (paragraphs, list items, links, emphasis and so on) by this point, far more than any article needs, so its body was not checked. Split it into several articles, or raise \`limits.maxNodes\` in the config.`,
  'nested-tree': ({limit}) => `The Markdown here is nested more than ${limit} levels deep (quotes, lists, emphasis or links inside each other). Flatten the structure.`,
  unparsable: ({reason}) => `The article body could not be parsed as Markdown (${reason}). Simplify the structure near the start of the body.`,
  'over-budget': ({milliseconds}) => `Checking this article took longer than ${milliseconds} ms, so it was stopped and its body was not checked. Very long articles, or thousands of quotes, lists or underlined (===) headings, cause this: split the article, or raise \`limits.maxCheckMilliseconds\` in the config.`
}

export default defineRule({
  id: 'markdown-limits',
  description: 'The body parses as Markdown within the limits on nesting and complexity.',
  rationale: 'Crafted Markdown can hang or crash Markdown tools. The limits are far above what any real article needs, so they only stop attacks and accidents.',
  severity: 'error',
  requires: 'file',
  boundedWork: true,
  safety: true,
  ...withoutOptions,
  examples: {
    valid: [{name: 'ordinary nesting', input: '---\ntitle: Hay fever\n---\n\n> Quote\n>\n> - item\n>   - nested item\n'}],
    invalid: [
      {
        name: 'quotes nested deeper than the limit',
        input: '---\ntitle: Deep\n---\n\n' + '> '.repeat(40) + 'text\n',
        messages: ['5:67: This line nests quotes or lists more than 32 levels deep. Flatten the structure; articles need only a few levels.']
      },
      {
        name: 'a table wider than the limit',
        input: '---\ntitle: Wide\n---\n\n|' + ' a |'.repeat(21) + '\n|' + ' - |'.repeat(21) + '\n',
        messages: ['5:1: This table has 21 columns, more than the limit of 20; it would not fit on a phone screen. Split it into smaller tables or a list.']
      },
      {
        name: 'tables with more cells in all than the limit',
        input: '---\ntitle: Cells\n---\n\n|' + ' h |'.repeat(10) + '\n|' + ' - |'.repeat(10) + '\n' + ('|' + ' 1 |'.repeat(10) + '\n').repeat(499),
        messages: ['505:1: The tables in this article have more than 5000 cells in all by this row, far more than a reader can use, so the article was not parsed. Split the table into smaller tables or lists, or raise `limits.maxTableCells` in the config.']
      },
      {
        name: 'more lines than the limit',
        input: '---\ntitle: Lines\n---\n\n' + 'Text.\n'.repeat(10_000),
        messages: ['10001:1: This article has more than 10000 lines, far more than any article needs, so it was not parsed. Split it into several articles, or raise `limits.maxLines` in the config.']
      }
    ]
  },
  check: reportRecordedProblems('markdown-limits', recordedMessages)
})
