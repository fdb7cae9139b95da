// frontmatter-syntax: the article starts with a YAML frontmatter block that can be read safely.
//
// Why: the frontmatter says who reviewed the article and when; if it cannot be read, none of
// the safety checks can run. Only plain YAML between two `---` lines is accepted: other fence
// languages (`---js`) are never evaluated, and YAML features that metadata never needs
// (aliases, anchors, merge keys, tags, prototype keys) are refused because they are how
// crafted files attack parsers. Turn it off: never.
import {defineRule, reportRecordedProblems, withoutOptions} from '../src/rule-kit/rule.js'
import type {RecordedMessages} from '../src/pipeline/problems.js'

/** The messages of the problems the frontmatter stage records for this rule. */
export const recordedMessages: RecordedMessages<'frontmatter-syntax'> = {
  missing: () => 'This article has no frontmatter. Start the file with a line `---`, then the YAML fields (title, description, category, lastReviewed, reviewedBy), then another line `---`.',
  'other-format': ({fence, language}) => `The frontmatter fence \`${fence}\` asks for ${language ? `\`${language}\`` : 'another format'} frontmatter, which healthlint never reads or runs. Start the file with a line of exactly \`---\` and write the fields in YAML.`,
  'not-closed': () => 'The frontmatter is never closed: add a line `---` after the last YAML field, before the article text.',
  'closing-line': () => 'The line that closes the frontmatter must be exactly `---`.',
  'too-large': ({bytes, limit}) => `The frontmatter is ${bytes} bytes, more than the limit of ${limit}. Article metadata needs only a few lines: move long text into the article body, or raise \`limits.maxFrontmatterBytes\` in the config.`,
  empty: () => 'The frontmatter is empty. Add the fields title, description, category, lastReviewed and reviewedBy between the two `---` lines.',
  unreadable: ({why}) => `The frontmatter could not be read (${why}). Write it as simple \`key: value\` lines.`,
  'duplicate-key': () => 'This key appears twice in the frontmatter. Keep one of them and delete the other.',
  'invalid-yaml': ({error}) => `The frontmatter is not valid YAML: ${error}. Check quotes, colons and brackets on this line and the one before.`,
  'too-deep': ({limit}) => `The frontmatter is nested more than ${limit} levels deep. Article metadata needs at most a list of small records.`,
  tag: ({tag}) => `The YAML tag \`${tag}\` is not allowed in frontmatter: write plain text, numbers, lists and mappings only.`,
  'merge-key': () => 'YAML merge keys (`<<`) are not allowed in frontmatter. Write each field out in full.',
  'forbidden-key': ({key}) => `The key \`${key}\` is not allowed in frontmatter (it could change how programs read the data). Remove it.`,
  'complex-key': () => 'Frontmatter keys must be plain words such as `title`.',
  anchors: ({anchor, count}) => `YAML anchors (\`&${anchor}\`) are not allowed in frontmatter (${count} found). Write each value out in full.`,
  aliases: ({count}) => `YAML aliases (\`*name\`) are not allowed in frontmatter (${count} found). Write each value out in full.`,
  'not-a-mapping': ({what}) => `The frontmatter is ${what}, but it must be a set of \`key: value\` fields such as \`title: Lower back pain\`.`,
  'ended-early': () => 'This `---` line, and the `key: value` lines above it, look like frontmatter, but the frontmatter already ended earlier (a line of `---` inside a value closes it). Indent or remove that earlier `---` so all fields stay in the frontmatter.'
}

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
  check: reportRecordedProblems('frontmatter-syntax', recordedMessages)
})
