// An example healthlint plugin: a content team's own rule, loaded with
// `"plugins": ["./plugin.js"]` in healthlint.config.json and `--allow-plugins` on the command
// line. It is plain JavaScript (no build step): a plugin's default export is {rules: [...]},
// each rule made with defineRule() from healthlint, exactly as the built-in rules are.
import {defineRule, visit} from 'healthlint'

// content-team-internal-names: the article does not use the organisation's internal names.
//
// Why: patients do not know what a team calls its systems and projects ("Project Lantern",
// "the HL-CMS"), so a page that uses one leaves them guessing. Not a clinical rule: it is about
// the words a content team uses. Turn it off: where an internal name is also the public one.
const internalNames = defineRule({
  id: 'content-team-internal-names',
  url: 'https://github.com/healthlint/healthlint/blob/main/examples/content-team-plugin/README.md#rule-content-team-internal-names',
  description: 'Articles do not use the organisation\'s internal names for its systems and projects.',
  rationale: 'Patients do not know what a team calls its systems and projects, so a page that uses such a name leaves them guessing. List your own names in the `names` option; turn the rule off where an internal name is also the public one.',
  severity: 'warning',
  requires: 'tree',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      names: {type: 'array', items: {type: 'string', minLength: 1}, description: 'Internal names to flag, matched as whole words in any letter case.'}
    }
  },
  defaults: {names: ['Project Lantern', 'HL-CMS']},
  examples: {
    valid: [
      {name: 'public names only', input: '# Booking an appointment\n\nYou can book online or by phone.\n'},
      {name: 'a name that only contains an internal one', input: '# Booking\n\nThe HL-CMSX form is not named here.\n'}
    ],
    invalid: [
      {
        name: 'an internal project name',
        input: '# Booking an appointment\n\nBook through Project Lantern.\n',
        messages: ['3:14: “Project Lantern” is an internal name, which patients do not know. Write what it is for the reader (for example “our online booking service”), or leave it out.']
      },
      {
        name: 'a name from the team\'s own list',
        input: '# Booking an appointment\n\nUse the Booking Hub.\n',
        options: {names: ['Booking Hub']},
        messages: ['3:9: “Booking Hub” is an internal name, which patients do not know. Write what it is for the reader (for example “our online booking service”), or leave it out.']
      }
    ]
  },
  check(context) {
    const names = context.options.names
    if (names.length === 0) return
    const escaped = names.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}-])(?:${escaped.join('|')})(?![\\p{L}\\p{N}-])`, 'giu')
    visit(context.tree, 'text', (node) => {
      const start = node.position?.start
      if (!start || start.offset === undefined) return
      for (const match of node.value.matchAll(pattern)) {
        // A text node's value is its source text here unless it holds escapes or entities; report
        // only where the two agree, so the column is always right.
        const offset = start.offset + match.index
        if (context.file.value.slice(offset, offset + match[0].length) !== match[0]) continue
        const before = node.value.slice(0, match.index)
        const newlines = before.split('\n')
        const line = start.line + newlines.length - 1
        const column = newlines.length === 1 ? start.column + match.index : newlines.at(-1).length + 1
        context.report(
          `“${match[0]}” is an internal name, which patients do not know. Write what it is for the reader (for example “our online booking service”), or leave it out.`,
          {line, column},
          {actual: match[0]}
        )
      }
    })
  }
})

export default {rules: [internalNames]}
