// bidi-control and invisible-characters through the real pipeline: one code point of every
// class, raw and as every kind of reference, in every place a rule looks at text, reported by
// the right rule, with the right severity, at the character or at the reference's `&`.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {lintText, messagesOf} from '../helpers.js'

interface Sample {
  codePoint: number
  rule: 'bidi-control' | 'invisible-characters'
  severity: 'error' | 'warning'
  named?: string
  /** Text the message names the character with. */
  name: string
}

const samples: Sample[] = [
  {codePoint: 0x200f, rule: 'bidi-control', severity: 'error', named: 'rlm', name: 'U+200F RIGHT-TO-LEFT MARK'},
  {codePoint: 0x200e, rule: 'bidi-control', severity: 'error', named: 'lrm', name: 'U+200E LEFT-TO-RIGHT MARK'},
  {codePoint: 0x061c, rule: 'bidi-control', severity: 'error', name: 'U+061C ARABIC LETTER MARK'},
  {codePoint: 0x202e, rule: 'bidi-control', severity: 'error', name: 'U+202E RIGHT-TO-LEFT OVERRIDE'},
  {codePoint: 0x202b, rule: 'bidi-control', severity: 'error', name: 'U+202B RIGHT-TO-LEFT EMBEDDING'},
  {codePoint: 0x2067, rule: 'bidi-control', severity: 'error', name: 'U+2067 RIGHT-TO-LEFT ISOLATE'},
  {codePoint: 0x200b, rule: 'invisible-characters', severity: 'warning', named: 'ZeroWidthSpace', name: 'U+200B ZERO WIDTH SPACE'},
  {codePoint: 0x00ad, rule: 'invisible-characters', severity: 'warning', named: 'shy', name: 'U+00AD SOFT HYPHEN'},
  {codePoint: 0x2060, rule: 'invisible-characters', severity: 'warning', named: 'NoBreak', name: 'U+2060 WORD JOINER'},
  {codePoint: 0x034f, rule: 'invisible-characters', severity: 'warning', name: 'U+034F COMBINING GRAPHEME JOINER'},
  {codePoint: 0x3164, rule: 'invisible-characters', severity: 'warning', name: 'U+3164 HANGUL FILLER'},
  {codePoint: 0x0600, rule: 'invisible-characters', severity: 'warning', name: 'U+0600 ARABIC NUMBER SIGN'},
  {codePoint: 0x0007, rule: 'invisible-characters', severity: 'warning', name: 'U+0007 ALERT (a control character)'},
  {codePoint: 0x0085, rule: 'invisible-characters', severity: 'warning', name: 'U+0085 NEXT LINE (a control character)'},
  {codePoint: 0x2062, rule: 'invisible-characters', severity: 'error', named: 'InvisibleTimes', name: 'U+2062 INVISIBLE TIMES'},
  {codePoint: 0xfff9, rule: 'invisible-characters', severity: 'error', name: 'U+FFF9 INTERLINEAR ANNOTATION ANCHOR'},
  {codePoint: 0xe0041, rule: 'invisible-characters', severity: 'error', name: 'U+E0041 TAG LATIN CAPITAL LETTER A'}
]

const forms = (sample: Sample): Array<[string, string]> => [
  ['raw', String.fromCodePoint(sample.codePoint)],
  ['hexadecimal reference', `&#x${sample.codePoint.toString(16)};`],
  ['upper-case hexadecimal reference', `&#X${sample.codePoint.toString(16).toUpperCase()};`],
  ['decimal reference', `&#${sample.codePoint};`],
  ...(sample.named ? [['named reference', `&${sample.named};`] as [string, string]] : [])
]

// Each place: a body line with `@` where the character goes (line 5 of the article).
const places: Array<[string, string]> = [
  ['text', 'Take 1@2 tablets.'],
  ['link text', 'See [www.nhs@.uk](https://www.nhs.uk/).'],
  ['link destination', 'See [the NHS](https://www.nhs@.uk/).'],
  ['link title', 'See [the NHS](https://www.nhs.uk/ "Dose 1@2").'],
  ['image alt', 'See ![Take 1@2 tablets](https://www.nhs.uk/chart.png).'],
  ['raw HTML', 'See <span title="1@2">the chart</span>.'],
  ['a reference definition', 'See [the NHS].\n\n[the NHS]: https://www.nhs.uk/ "Dose 1@2"'],
  ['a table cell', '| Dose |\n| --- |\n| 1@2 |']
]

const header = '---\ntitle: Dosing\ndescription: A placeholder article used to test hidden characters.\n---\n\n'

/** Line and column of the first `@` in `text`. */
function placeOf(text: string): string {
  const before = text.slice(0, text.indexOf('@')).split('\n')
  return `${before.length}:${before.at(-1)!.length + 1}`
}

describe('hidden characters in every place, raw and as references', () => {
  for (const sample of samples) {
    it(`U+${sample.codePoint.toString(16).toUpperCase().padStart(4, '0')} is reported by ${sample.rule}`, async () => {
      for (const [form, written] of forms(sample)) {
        for (const [place, line] of places) {
          const input = header + line + '\n'
          const file = await lintText(input.replace('@', written))
          const messages = messagesOf(file, sample.rule)
          const label = `${form} in ${place}`
          assert.equal(messages.length, 1, `${label}: one message (${messages.map((m) => m.message).join(' / ')})`)
          const [message] = messages
          assert.equal(`${message!.line}:${message!.column}`, placeOf(input), `${label}: at the character or the reference`)
          assert.equal(message!.severity, sample.severity, label)
          assert.ok(message!.message.includes(sample.name), `${label}: names ${sample.name}: ${message!.message}`)
          if (form !== 'raw') assert.ok(message!.message.includes(`“${written}”`), `${label}: quotes the reference`)
          const other = sample.rule === 'bidi-control' ? 'invisible-characters' : 'bidi-control'
          assert.deepEqual(messagesOf(file, other), [], `${label}: not reported by ${other}`)
        }
      }
    })
  }

  it('finds escapes and references in frontmatter values', async () => {
    const cases: Array<[string, string, string]> = [
      ['title: "Take 1\\u200F-2 tablets"', 'bidi-control', '2:15'],
      ['title: "Take 1\\U0000202E-2 tablets"', 'bidi-control', '2:15'],
      ['title: "Take 1\\x85 tablet"', 'invisible-characters', '2:15'],
      ['title: "Take 1\\N tablet"', 'invisible-characters', '2:15'],
      ['title: Take 1&rlm;-2 tablets', 'bidi-control', '2:14'],
      ['title: Take 1\u200F-2 tablets', 'bidi-control', '2:14'],
      ["title: 'Take 1&#8203;2 tablets'", 'invisible-characters', '2:15']
    ]
    for (const [line, rule, place] of cases) {
      const file = await lintText(`---\n${line}\ndescription: A placeholder article used to test hidden characters.\n---\n\nText.\n`)
      assert.deepEqual(messagesOf(file, rule).map((message) => `${message.line}:${message.column}`), [place], line)
    }
    // Not escapes: a single-quoted or plain value keeps the backslash as text; an escaped backslash.
    for (const line of ["title: 'Take 1\\u200F-2 tablets'", 'title: Take 1\\u200F-2 tablets', 'title: "Take 1\\\\u200F-2 tablets"']) {
      const file = await lintText(`---\n${line}\n---\n\nText.\n`)
      assert.deepEqual(messagesOf(file, 'bidi-control'), [], line)
    }
  })

  it('does not report references that code shows as written, but does report raw characters there', async () => {
    const file = await lintText(header + 'Write `&rlm;` or `&#x200B;`.\n\n```html\n<p>&#x202E;&ZeroWidthSpace;</p>\n```\n\n    &lrm; indented code\n\nEscaped: \\&rlm;\n')
    assert.deepEqual(messagesOf(file, 'bidi-control'), [])
    assert.deepEqual(messagesOf(file, 'invisible-characters'), [])
    const raw = await lintText(header + 'Write `a\u202Eb`.\n')
    assert.deepEqual(messagesOf(raw, 'bidi-control').map((message) => `${message.line}:${message.column}`), ['6:9'])
  })

  it('reports references side by side each at its own place', async () => {
    const file = await lintText(header + 'Take 1&rlm;&rlm;2 tablets.\n')
    assert.deepEqual(messagesOf(file, 'bidi-control').map((message) => `${message.line}:${message.column}`), ['6:7', '6:12'])
  })

  it('keeps the configured severity for ordinary invisible characters, and errors for those that change meaning', async () => {
    const file = await lintText(header + 'Take 1\u200B2 or 1\u20622 tablets.\n', {rules: {'invisible-characters': 'error'}})
    assert.deepEqual(messagesOf(file, 'invisible-characters').map((message) => message.severity), ['error', 'error'])
    const off = await lintText(header + 'Take 1\u20622 tablets.\n', {rules: {'invisible-characters': 'off'}})
    assert.deepEqual(messagesOf(off, 'invisible-characters'), [])
  })

  it('still checks the raw text of an article whose body did not parse', async () => {
    const file = await lintText(header + '> '.repeat(200) + 'Take 1&rlm;2\u200F tablets.\n')
    assert.deepEqual(messagesOf(file, 'bidi-control').length, 2)
  })
})
