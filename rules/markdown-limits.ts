// markdown-limits: the Markdown body stays within the structure limits that keep parsing and
// publishing fast and safe.
//
// Why: crafted Markdown (thousands of nested quotes or lists, runs of brackets and emphasis
// markers) can make Markdown tools run for minutes or crash. Real articles never come near the
// limits; an article over them is refused with a message at its place. Turn it off: never.
import {defineRule, reportRecordedProblems} from '../src/rule.js'

export default defineRule({
  id: 'markdown-limits',
  description: 'The body parses as Markdown within the limits on nesting and complexity.',
  rationale: 'Crafted Markdown can hang or crash Markdown tools. The limits are far above what any real article needs, so they only stop attacks and accidents.',
  severity: 'error',
  requires: 'file',
  safety: true,
  optionsSchema: {type: 'object', additionalProperties: false, properties: {}},
  defaults: {},
  examples: {
    valid: [{name: 'ordinary nesting', input: '---\ntitle: Hay fever\n---\n\n> Quote\n>\n> - item\n>   - nested item\n'}],
    invalid: []
  },
  check: reportRecordedProblems('markdown-limits')
})
