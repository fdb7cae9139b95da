// suppression: every inline suppression comment is well formed, gives a reason, and names
// rules that exist and may be suppressed.
//
// Why: a comment such as `<!-- healthlint-disable-next-line rule-id -- reason -->` silences a
// check for one passage. Reviewers must be able to see why, so the reason is required, and the
// safety rules (red flags, when to seek review, disclaimer, reviewer, review date, frontmatter)
// can never be silenced from inside an article. A refused comment suppresses nothing, and this
// rule says why. The facts are found by the check stage (`src/pipeline/suppress.ts`) before the
// other rules run. Turn it off: never; it is itself a safety rule, so it cannot be suppressed.
import {defineRule, reportRecordedProblems, withoutOptions} from '../src/rule-kit/rule.js'
import type {RecordedMessages} from '../src/pipeline/problems.js'

/** The messages of the problems the check stage records for this rule (src/pipeline/suppress.ts). */
export const recordedMessages: RecordedMessages<'suppression'> = {
  'not-a-directive': ({written, suggestion}) =>
    `\`${written}\` is not a healthlint comment, so it suppresses nothing.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''} Use \`healthlint-disable-next-line\`, \`healthlint-disable\` or \`healthlint-enable\`.`,
  'no-rule': ({written, needsReason}) =>
    `This \`${written}\` comment names no rule. Name the rules it is for, such as \`<!-- ${written} rule-id${needsReason ? ' -- reason' : ''} -->\`; healthlint never turns off every rule at once.`,
  'no-reason': ({written, ids}) => `This suppression gives no reason, so it suppresses nothing. Say why the rule does not apply here, after \`--\`: \`<!-- ${written} ${ids.join(', ')} -- reason -->\`.`,
  'unknown-rule': ({id, suggestion}) => `There is no rule \`${id}\`, so this comment suppresses nothing.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}`,
  'safety-rule': ({id}) => `\`${id}\` is a safety rule and cannot be suppressed in an article, so this comment suppresses nothing: fix what it reports instead.`,
  'nothing-to-enable': ({id}) => `\`${id}\` is not turned off by a \`healthlint-disable\` comment above this one, so there is nothing to enable. Remove this comment, or check the rule id.`,
  'already-off': ({id, line}) => `\`${id}\` is already turned off by the comment on line ${line}. Remove this comment, or add \`<!-- healthlint-enable ${id} -->\` before it.`
}

const article = (body: string) => `---\ntitle: Lower back pain\n---\n\n${body}`

export default defineRule({
  id: 'suppression',
  description: 'Inline suppression comments give a reason after `--` and name existing rules that are not safety rules.',
  rationale: 'A suppression hides a problem from everyone downstream, so reviewers must see why it was made, and the safety rules can only be changed in the team’s configuration, never from inside an article.',
  severity: 'error',
  requires: 'tree',
  safety: true,
  ...withoutOptions,
  examples: {
    valid: [
      {name: 'an article without comments', input: article('Lower back pain is one of the most common reasons adults seek GP advice.\n')},
      {name: 'an ordinary HTML comment', input: article('<!-- editor: check the hub link before publishing -->\n\nVisit our Musculoskeletal Health hub.\n')},
      {name: 'a suppression of a non-safety rule, with a reason', input: article('<!-- healthlint-disable-next-line remote-image -- the practice hosts this image -->\n![](https://images.example.org/spine.png)\n')},
      {name: 'a suppression comment shown in a code block', input: article('```markdown\n<!-- healthlint-disable-next-line frontmatter-schema -->\n```\n')}
    ],
    invalid: [
      {
        name: 'no reason after `--`',
        input: article('<!-- healthlint-disable-next-line encodng -->\nText.\n'),
        messages: [
          '5:1: This suppression gives no reason, so it suppresses nothing. Say why the rule does not apply here, after `--`: `<!-- healthlint-disable-next-line encodng -- reason -->`.',
          '5:35: There is no rule `encodng`, so this comment suppresses nothing. Did you mean `encoding`?'
        ]
      },
      {
        name: 'a reason still to be written: a "[Write …]" placeholder, as the language server\'s "disable for this line" inserts',
        input: article('<!-- healthlint-disable-next-line remote-image -- [Write why this rule does not apply here] -->\n![](https://images.example.org/spine.png)\n'),
        messages: [
          '5:1: This suppression gives no reason, so it suppresses nothing. Say why the rule does not apply here, after `--`: `<!-- healthlint-disable-next-line remote-image -- reason -->`.'
        ]
      },
      {
        name: 'a rule that does not exist, inside a paragraph',
        input: article('Text. <!-- healthlint-disable markdown-limit, no-such-rule -- long table agreed with the editor -->\n'),
        messages: [
          '5:31: There is no rule `markdown-limit`, so this comment suppresses nothing. Did you mean `markdown-limits`?',
          '5:47: There is no rule `no-such-rule`, so this comment suppresses nothing.'
        ]
      },
      {
        name: 'a safety rule',
        input: article('<!--\n  healthlint-disable frontmatter-schema -- the reviewer agreed\n-->\n\nText.\n'),
        messages: ['6:22: `frontmatter-schema` is a safety rule and cannot be suppressed in an article, so this comment suppresses nothing: fix what it reports instead.']
      },
      {
        name: 'an unknown kind of comment',
        input: article('<!-- healthlint-disable-line encoding -- reason -->\nText.\n'),
        messages: ['5:1: `healthlint-disable-line` is not a healthlint comment, so it suppresses nothing. Did you mean `healthlint-disable-next-line`? Use `healthlint-disable-next-line`, `healthlint-disable` or `healthlint-enable`.']
      },
      {
        name: 'no rule named',
        input: article('<!-- healthlint-disable -- everything -->\nText.\n'),
        messages: ['5:1: This `healthlint-disable` comment names no rule. Name the rules it is for, such as `<!-- healthlint-disable rule-id -- reason -->`; healthlint never turns off every rule at once.']
      },
      {
        name: 'an enable with no disable before it',
        input: article('Text.\n\n<!-- healthlint-enable markdown-limits -->\n'),
        messages: ['7:24: `markdown-limits` is not turned off by a `healthlint-disable` comment above this one, so there is nothing to enable. Remove this comment, or check the rule id.']
      }
    ]
  },
  check: reportRecordedProblems('suppression', recordedMessages)
})
