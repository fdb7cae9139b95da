// frontmatter-syntax: the article starts with a YAML frontmatter block that can be read safely.
//
// Why: the frontmatter says who reviewed the article and when; if it cannot be read, none of
// the safety checks can run. Only plain YAML between two `---` lines is accepted: other fence
// languages (`---js`) are never evaluated, and YAML features that metadata never needs
// (aliases, anchors, merge keys, tags, prototype keys) are refused because they are how
// crafted files attack parsers. Turn it off: never.
import {defineRule, reportRecordedProblems, withoutOptions} from '../src/rule-kit/rule.js'

export default defineRule({
  id: 'frontmatter-syntax',
  description: 'The article starts with plain YAML frontmatter between two `---` lines, without aliases, anchors, tags, duplicate or prototype keys.',
  rationale: 'The frontmatter holds the review facts every safety check relies on. Anything but plain YAML is refused, and never run, because crafted frontmatter is the easiest way to attack the tools that read articles.',
  severity: 'error',
  requires: 'file',
  boundedWork: true,
  safety: true,
  ...withoutOptions,
  examples: {
    valid: [
      {name: 'plain YAML', input: '---\ntitle: Hay fever\ntags: [allergy, pollen]\n---\n\nText.\n'},
      {name: 'CRLF line endings', input: '---\r\ntitle: Hay fever\r\n---\r\n\r\nText.\r\n'}
    ],
    invalid: [
      {
        name: 'JavaScript frontmatter is refused, never run',
        input: '---js\n{title: "x"}\n---\n\nText.\n',
        messages: ['1:1: The frontmatter fence `---js` asks for `js` frontmatter, which healthlint never reads or runs. Start the file with a line of exactly `---` and write the fields in YAML.']
      },
      {
        name: 'no frontmatter',
        input: '# Hay fever\n\nText.\n',
        messages: ['1:1: This article has no frontmatter. Start the file with a line `---`, then the YAML fields (title, description, category, lastReviewed, reviewedBy), then another line `---`.']
      },
      {
        name: 'a duplicate key',
        input: '---\ntitle: Hay fever\ntitle: Asthma\n---\n\nText.\n',
        messages: ['3:1: This key appears twice in the frontmatter. Keep one of them and delete the other.']
      },
      {
        name: 'an alias',
        input: '---\ntitle: &t Hay fever\ndescription: *t\n---\n\nText.\n',
        messages: [
          '2:8: YAML anchors (`&t`) are not allowed in frontmatter (1 found). Write each value out in full.',
          '3:14: YAML aliases (`*name`) are not allowed in frontmatter (1 found). Write each value out in full.'
        ]
      },
      {
        name: 'a prototype key',
        input: '---\n__proto__:\n  admin: true\n---\n\nText.\n',
        messages: ['2:1: The key `__proto__` is not allowed in frontmatter (it could change how programs read the data). Remove it.']
      },
      {
        name: 'unclosed frontmatter',
        input: '---\ntitle: Hay fever\n\nText.\n',
        messages: ['1:1: The frontmatter is never closed: add a line `---` after the last YAML field, before the article text.']
      },
      {
        name: 'a list instead of fields',
        input: '---\n- title\n- description\n---\n\nText.\n',
        messages: ['2:1: The frontmatter is a list, but it must be a set of `key: value` fields such as `title: Lower back pain`.']
      }
    ]
  },
  check: reportRecordedProblems('frontmatter-syntax')
})
