// invisible-characters: no zero-width, format or control characters hidden in the text.
//
// Why: a zero-width space inside "4 g" or a word makes search, screen readers and copy-paste
// behave unexpectedly, and hidden characters can disguise one word as another. They are almost
// always pasted in by accident. A few can change what the text means, and are errors whatever
// the configured severity: invisible operators (U+2062 INVISIBLE TIMES between "2" and "3" shows
// "23" but a screen reader says "2 times 3"), interlinear annotation controls (software shows or
// hides the text they mark) and tag characters outside an emoji flag (text that software reads
// and people cannot see). The set is every `Default_Ignorable_Code_Point`, format character
// (`Cf`) and control (`Cc`, except tab and line breaks) that is not a bidi control (those are
// `bidi-control`'s), found raw, as character references and as frontmatter escapes; emoji
// sequences, joiners inside scripts that need them and variation selectors after the characters
// they select are allowed (see src/rule-kit/unicode.ts). Turn it off: rarely, for articles in scripts
// that need joiners between Latin letters.
import {defineRule, withoutOptions} from '../src/rule-kit/rule.js'
import {pointAt} from '../src/pipeline/load.js'
import {describeCodePoint, findHiddenCharacters, writtenAs} from '../src/rule-kit/unicode.js'
import type {Meaning} from '../src/rule-kit/unicode.js'

const header = '---\ntitle: Dosing\n---\n\n'
const consequence: Record<Meaning | 'none', string> = {
  none: 'hidden characters break search, screen readers and copy-paste',
  operator: 'screen readers and other software read it as an operator the page does not show, so a number can mean something other than what is seen',
  annotation: 'software may show or hide the text it marks, so readers can see different text',
  tag: 'it hides text that software reads but people cannot see'
}

export default defineRule({
  id: 'invisible-characters',
  description: 'The text contains no zero-width, format or control characters (raw or as character references); emoji sequences are allowed.',
  rationale: 'Invisible characters break search, screen readers and copy-paste, can disguise one word as another, and a few (invisible operators, annotation controls, tags) change what software reads. They are almost always pasted in by accident.',
  severity: 'warning',
  requires: 'file',
  ...withoutOptions,
  examples: {
    valid: [
      {name: 'ordinary text and an emoji with a joiner', input: header + 'Maximum dose: 4 g a day. 👩\u200D⚕️\n'},
      {name: 'a flag of Wales and a heart with a presentation selector', input: header + 'Services in Wales 🏴\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F} ❤\uFE0F\n'},
      {name: 'a zero-width non-joiner inside a Persian word', input: header + 'The leaflet is also in Persian (\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645).\n'},
      {name: 'a non-breaking space between a number and its unit', input: header + 'Maximum dose: 4\u00A0g a day.\n'}
    ],
    invalid: [
      {
        name: 'a zero-width space inside a dose',
        input: header + 'Maximum dose: 4\u200Bg a day.\n',
        messages: ['5:16: This text contains an invisible U+200B ZERO WIDTH SPACE. Delete it: hidden characters break search, screen readers and copy-paste.']
      },
      {
        name: 'zero-width characters written as character references',
        input: header + 'Maximum dose: 4&ZeroWidthSpace;g, [www.nhs&#x200B;.uk](https://www.nhs.uk/) &#8288;a day.\n',
        messages: [
          '5:16: The character reference “&ZeroWidthSpace;” here stands for an invisible U+200B ZERO WIDTH SPACE. Delete the reference: hidden characters break search, screen readers and copy-paste.',
          '5:43: The character reference “&#x200B;” here stands for an invisible U+200B ZERO WIDTH SPACE. Delete the reference: hidden characters break search, screen readers and copy-paste.',
          '5:77: The character reference “&#8288;” here stands for an invisible U+2060 WORD JOINER. Delete the reference: hidden characters break search, screen readers and copy-paste.'
        ]
      },
      {
        name: 'an invisible operator inside a number',
        input: header + 'Take 1&InvisibleTimes;2 tablets.\n',
        severity: 'error',
        messages: ['5:7: The character reference “&InvisibleTimes;” here stands for an invisible U+2062 INVISIBLE TIMES. Delete the reference: screen readers and other software read it as an operator the page does not show, so a number can mean something other than what is seen.']
      },
      {
        name: 'a control character',
        input: header + 'Take one\u0008 tablet.\n',
        messages: ['5:9: This text contains an invisible U+0008 BACKSPACE (a control character). Delete it: hidden characters break search, screen readers and copy-paste.']
      }
    ]
  },
  check({file, tree, frontmatter, report}) {
    if (!file.data.loaded) return
    const text = String(file.value)
    for (const item of findHiddenCharacters(file, text, tree, frontmatter)) {
      if (item.kind !== 'invisible') continue
      const fix = item.form === 'reference' ? 'Delete the reference' : item.form === 'escape' ? 'Delete the escape' : 'Delete it'
      const reason = `${writtenAs(item)} an invisible ${describeCodePoint(item.codePoint)}. ${fix}: ${consequence[item.meaning ?? 'none']}.`
      report(reason, pointAt(text, item.offset), item.meaning ? {severity: 'error'} : undefined)
    }
  }
})
