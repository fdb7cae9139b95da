// markdown-limits: the Markdown body stays within the structure limits that keep parsing and
// publishing fast and safe.
//
// Why: crafted Markdown (thousands of nested quotes or lists, runs of brackets and emphasis
// markers) can make Markdown tools run for minutes or crash. Real articles never come near the
// limits; an article over them is refused with a message at its place. Turn it off: never.
import {defineRule, reportRecordedProblems, withoutOptions} from '../src/rule.js'

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
      }
    ]
  },
  check: reportRecordedProblems('markdown-limits')
})
