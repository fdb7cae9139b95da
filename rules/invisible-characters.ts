// invisible-characters: no zero-width or control characters hidden in the text.
//
// Why: a zero-width space inside "4 g" or a word makes search, screen readers and copy-paste
// behave unexpectedly, and hidden characters can disguise one word as another. They are almost
// always pasted in by accident. Turn it off: rarely; a zero-width joiner inside emoji is allowed.
import {defineRule, withoutOptions} from '../src/rule.js'
import {pointAt} from '../src/pipeline/load.js'

// Zero-width space, non-joiner, word joiner, soft hyphen, BOM inside text, and C0/C1 controls
// other than tab and line breaks. The zero-width joiner (U+200D) is left alone: emoji use it.
const invisible = /[\u200B\u200C\u2060\u00AD\uFEFF\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g
const names: Record<string, string> = {
  '\u200B': 'zero-width space',
  '\u200C': 'zero-width non-joiner',
  '\u2060': 'word joiner',
  '\u00AD': 'soft hyphen',
  '\uFEFF': 'zero-width no-break space'
}

export default defineRule({
  id: 'invisible-characters',
  description: 'The text contains no zero-width spaces, soft hyphens or control characters.',
  rationale: 'Invisible characters break search, screen readers and copy-paste, and can disguise one word as another. They are almost always pasted in by accident.',
  severity: 'warning',
  requires: 'file',
  ...withoutOptions,
  examples: {
    valid: [{name: 'ordinary text and an emoji with a joiner', input: '---\ntitle: Dosing\n---\n\nMaximum dose: 4 g a day. 👩\u200D⚕️\n'}],
    invalid: [
      {
        name: 'a zero-width space inside a dose',
        input: '---\ntitle: Dosing\n---\n\nMaximum dose: 4\u200Bg a day.\n',
        messages: ['5:16: There is an invisible zero-width space (U+200B) here. Delete it: hidden characters break search, screen readers and copy-paste.']
      }
    ]
  },
  check({file, report}) {
    if (!file.data.loaded) return
    const text = String(file.value)
    for (const match of text.matchAll(invisible)) {
      const code = match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')
      const name = names[match[0]] ?? 'control character'
      report(`There is an invisible ${name} (U+${code}) here. Delete it: hidden characters break search, screen readers and copy-paste.`, pointAt(text, match.index))
    }
  }
})
