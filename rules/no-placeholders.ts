// no-placeholders: no placeholder text is left in the article — text in square brackets that
// starts with "Write", as `healthlint new` and `healthlint init` write them ("[Write a symptom
// that needs urgent help.]"), in the body or in a frontmatter value.
//
// Why: a skeleton article has every required heading, so the section rules would accept it;
// its placeholders stand where a person must write (and a clinician review) the real text.
// Until each is replaced the article fails, so a page of instructions to the writer is never
// published to patients. Each placeholder is reported once: a frontmatter value the schema
// already rejects (a `lastReviewed` that is not a date) is left to frontmatter-schema, which
// quotes it. Turn it off: never; rewrite the text instead.
import {defineRule, withoutOptions} from '../src/rule-kit/rule.js'
import type {RuleContext} from '../src/rule-kit/rule.js'
import {compileSchema} from '../src/config/schema.js'
import {readSchema} from '../src/config/package-files.js'
import {reportSpan, textBlocks} from '../src/rule-kit/text-blocks.js'

/** A placeholder: "[Write …]" on one line, its brackets possibly escaped ("\[Write …\]"). */
export const placeholderPattern = /\\?\[write\b[^[\]\n]*?\\?\]/gi

const schema = readSchema('article.schema.json')
const header = '---\ntitle: Back pain\n---\n\n'
const bodyReason = (text: string) => `Replace the placeholder “${text}” with the article’s own text.`

export default defineRule({
  id: 'no-placeholders',
  description: 'No placeholder is left in the article: text in square brackets starting with "Write", such as "[Write a reason to see a GP.]", as `healthlint new` writes them.',
  rationale: 'A skeleton article has every required heading, so only its placeholders show that the real text (and its clinical review) is still to come. An article with one is never published.',
  severity: 'error',
  requires: 'tree',
  ...withoutOptions,
  examples: {
    valid: [
      {name: 'written text, and "write" outside brackets or as a link', input: header + 'Write down your symptoms before you see a GP. [Write to us](https://example.org/contact) if a page is unclear.\n'},
      {name: 'a placeholder in code is shown as code', input: header + 'Placeholders look like `[Write the summary]`.\n'}
    ],
    invalid: [
      {
        name: 'placeholders in the frontmatter, a heading, a list and a paragraph',
        input: '---\ntitle: "[Write the title readers will see]"\nlastReviewed: "[Write the review date]"\n---\n\n# [Write the title]\n\n- [Write a sign that needs urgent help.]\n\nSee a GP about it. \\[write what else to say\\]\n',
        messages: [
          '2:8: The frontmatter field `title` is still a placeholder: replace “[Write the title readers will see]” with its real value.',
          '6:3: Replace the placeholder “[Write the title]” with the article’s own text.',
          '8:3: Replace the placeholder “[Write a sign that needs urgent help.]” with the article’s own text.',
          '10:20: Replace the placeholder “\\[write what else to say\\]” with the article’s own text.'
        ]
      }
    ]
  },
  check
})

function check(context: RuleContext<Record<string, never>>): void {
  const {frontmatter} = context
  if (frontmatter?.data) {
    const data = frontmatter.data
    let rejected: Set<string> | undefined
    for (const [pointer, text] of stringsOf(data, '')) {
      const match = text.match(new RegExp(placeholderPattern.source, 'i'))
      if (!match) continue
      // A value the schema rejects is reported there, quoting the placeholder: once is enough.
      if (!rejected) {
        const validate = compileSchema(schema)
        rejected = new Set(validate(data) ? [] : (validate.errors ?? []).map((error) => error.instancePath))
      }
      if (rejected.has(pointer)) continue
      const name = pointer.slice(1).split('/').map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~')).join('.')
      const range = frontmatter.ranges.get(pointer)
      context.report(`The frontmatter field \`${name}\` is still a placeholder: replace “${match[0]}” with its real value.`, range?.value ?? frontmatter.position, {actual: match[0]})
    }
  }
  for (const block of textBlocks(context.tree, context.file)) {
    if (!/\[write/i.test(block.text)) continue
    for (const match of block.text.matchAll(placeholderPattern)) {
      reportSpan(context, block, match.index, match.index + match[0].length, bodyReason(match[0]))
    }
  }
}

/** Every string value in the frontmatter with its JSON pointer, in document order. */
function* stringsOf(value: unknown, pointer: string): Generator<[string, string]> {
  if (typeof value === 'string') {
    yield [pointer, value]
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* stringsOf(item, `${pointer}/${index}`)
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) yield* stringsOf(item, `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`)
  }
}
