// encoding: the article is UTF-8 text without NUL bytes or bare carriage returns.
//
// Why: a file saved in another encoding turns "Caffeine" into "Caf�ine", and a NUL byte inside
// a dose ("Give 2\0 doses") can hide or change what patients read. healthlint refuses to guess:
// the file must be re-saved. Turn it off: never; a file it flags cannot be read reliably.
import {defineRule, reportRecordedProblems, withoutOptions} from '../src/rule-kit/rule.js'
import type {RecordedMessages} from '../src/pipeline/problems.js'

/** The messages of the problems the load stage records for this rule. */
export const recordedMessages: RecordedMessages<'encoding'> = {
  utf16: () => 'This file is saved as UTF-16. Save it as UTF-8 (in most editors: "Save with encoding" → UTF-8).',
  'invalid-utf8': ({byte}) => `This file is not valid UTF-8 (byte 0x${byte} here); it was probably saved as Windows-1252 or Latin-1. Save it as UTF-8.`,
  nul: () => 'This file contains a NUL character (byte 0x00), which usually means a corrupted or binary file. Remove it, or re-save the article as plain UTF-8 text.',
  'bare-cr': () => 'This file uses a bare carriage return (CR) as a line ending. Save it with LF or CRLF line endings.'
}

export default defineRule({
  id: 'encoding',
  description: 'Articles are UTF-8 text (a BOM and CRLF line endings are fine), with no UTF-16, NUL bytes or bare CR line endings.',
  rationale: 'Text decoded with the wrong encoding, or with control bytes in it, can change what a patient reads (a dose, a name). healthlint never guesses: the file must be saved as UTF-8.',
  severity: 'error',
  requires: 'file',
  boundedWork: true,
  safety: true,
  ...withoutOptions,
  examples: {
    valid: [
      {name: 'UTF-8 with CRLF line endings', input: '---\r\ntitle: Café\r\n---\r\n\r\nText.\r\n'},
      {name: 'UTF-8 with a byte order mark', input: '\uFEFF---\ntitle: Hay fever\n---\n\nText.\n'}
    ],
    invalid: [
      {
        name: 'a NUL byte in the text',
        input: '---\ntitle: Dose\n---\n\nGive 2\u0000 doses.\n',
        messages: ['5:7: This file contains a NUL character (byte 0x00), which usually means a corrupted or binary file. Remove it, or re-save the article as plain UTF-8 text.']
      },
      {
        name: 'bare CR line endings',
        input: '---\rtitle: Old Mac\r---\r',
        messages: ['1:4: This file uses a bare carriage return (CR) as a line ending. Save it with LF or CRLF line endings.']
      }
    ]
  },
  check: reportRecordedProblems('encoding', recordedMessages)
})
