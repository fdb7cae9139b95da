// bidi-control: no Unicode bidirectional control characters in the article.
//
// Why: a bidi control reorders the text around it on screen. A right-to-left override can make
// "up to 4 times in 24 hours" display in another order than the text that was reviewed (the
// "Trojan Source" trick), and a single right-to-left mark is enough to make "1-2 tablets" show
// as "12- tablets" or "0.5 ml" as "05. ml", so what a patient reads is not what the clinician
// approved. They are found raw, as character references (`&#x202E;`, `&rlm;`) and as
// frontmatter escapes (`"\u202E"`); the set is Unicode's `Bidi_Control` property (see
// src/rule-kit/unicode.ts). Articles written in English never need them. Turn it off only for articles
// in right-to-left languages, and review those by eye.
import {defineRule, withoutOptions} from '../src/rule-kit/rule.js'
import {pointAt} from '../src/pipeline/load.js'
import {describeCodePoint, findHiddenCharacters, writtenAs} from '../src/rule-kit/unicode.js'

const header = '---\ntitle: Dosing\n---\n\n'

export default defineRule({
  id: 'bidi-control',
  description: 'The article contains no Unicode bidirectional control characters (marks, embeddings, overrides, isolates), written raw or as character references.',
  rationale: 'Bidirectional controls make text display in a different order from what was written and reviewed: one invisible right-to-left mark makes “1-2 tablets” show as “12- tablets”.',
  severity: 'error',
  requires: 'file',
  safety: true,
  ...withoutOptions,
  examples: {
    valid: [
      {name: 'ordinary text', input: header + 'Take 1 to 2 tablets, up to 4 times in 24 hours.\n'},
      {name: 'a reference shown as code', input: header + 'An editor may show the mark as `&rlm;` or `&#x200F;`.\n'}
    ],
    invalid: [
      {
        name: 'a right-to-left override around a dose',
        input: header + 'Up to \u202E4 times in 24 hours\u202C.\n',
        messages: [
          '5:7: This text contains an invisible U+202E RIGHT-TO-LEFT OVERRIDE, which makes the text around it display in a different order from how it was written. Delete it and retype the text around it.',
          '5:27: This text contains an invisible U+202C POP DIRECTIONAL FORMATTING, which makes the text around it display in a different order from how it was written. Delete it and retype the text around it.'
        ]
      },
      {
        name: 'right-to-left marks in a dose',
        input: header + 'Take 1\u200F-\u200F2 tablets.\n',
        messages: [
          '5:7: This text contains an invisible U+200F RIGHT-TO-LEFT MARK, which makes the text around it display in a different order from how it was written. Delete it and retype the text around it.',
          '5:9: This text contains an invisible U+200F RIGHT-TO-LEFT MARK, which makes the text around it display in a different order from how it was written. Delete it and retype the text around it.'
        ]
      },
      {
        name: 'an Arabic letter mark and an override written as character references',
        input: header + 'Give 0&#x61C;.5 ml, [up to &#8238;4 times](https://www.nhs.uk/).\n',
        messages: [
          '5:7: The character reference “&#x61C;” here stands for an invisible U+061C ARABIC LETTER MARK, which makes the text around it display in a different order from how it was written. Delete the reference.',
          '5:28: The character reference “&#8238;” here stands for an invisible U+202E RIGHT-TO-LEFT OVERRIDE, which makes the text around it display in a different order from how it was written. Delete the reference.'
        ]
      },
      {
        name: 'a named reference in a link title, and an escape in the frontmatter',
        input: '---\ntitle: "Take 1\\u200F-2 tablets"\n---\n\nSee [the leaflet](https://www.nhs.uk/ "Dose &rlm;1-2").\n',
        messages: [
          '2:15: The escape “\\u200F” in this frontmatter value stands for an invisible U+200F RIGHT-TO-LEFT MARK, which makes the text around it display in a different order from how it was written. Delete the escape.',
          '5:45: The character reference “&rlm;” here stands for an invisible U+200F RIGHT-TO-LEFT MARK, which makes the text around it display in a different order from how it was written. Delete the reference.'
        ]
      }
    ]
  },
  check({file, tree, frontmatter, report}) {
    if (!file.data.loaded) return
    const text = String(file.value)
    for (const item of findHiddenCharacters(file, text, tree, frontmatter)) {
      if (item.kind !== 'bidi') continue
      const fix = item.form === 'reference' ? 'Delete the reference.' : item.form === 'escape' ? 'Delete the escape.' : 'Delete it and retype the text around it.'
      report(`${writtenAs(item)} an invisible ${describeCodePoint(item.codePoint)}, which makes the text around it display in a different order from how it was written. ${fix}`, pointAt(text, item.offset))
    }
  }
})
