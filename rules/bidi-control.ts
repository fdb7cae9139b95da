// bidi-control: no Unicode bidirectional control characters in the article.
//
// Why: a right-to-left override can make "up to 4 times in 24 hours" display in a different
// order from the text that was reviewed (the "Trojan Source" trick), so what a patient reads is
// not what the clinician approved. Articles written in English never need them. Turn it off
// only for articles in right-to-left languages, and review those by eye.
import {defineRule, withoutOptions} from '../src/rule.js'
import {pointAt} from '../src/pipeline/load.js'

const bidi = /[\u202A-\u202E\u2066-\u2069]/g
const names: Record<string, string> = {
  '\u202A': 'left-to-right embedding',
  '\u202B': 'right-to-left embedding',
  '\u202C': 'pop directional formatting',
  '\u202D': 'left-to-right override',
  '\u202E': 'right-to-left override',
  '\u2066': 'left-to-right isolate',
  '\u2067': 'right-to-left isolate',
  '\u2068': 'first strong isolate',
  '\u2069': 'pop directional isolate'
}

export default defineRule({
  id: 'bidi-control',
  description: 'The article contains no Unicode bidirectional control characters (such as the right-to-left override).',
  rationale: 'Bidirectional controls can make text display in a different order from what was written and reviewed, so a dose could read differently on screen than in review.',
  severity: 'error',
  requires: 'file',
  safety: true,
  ...withoutOptions,
  examples: {
    valid: [{name: 'ordinary text', input: '---\ntitle: Dosing\n---\n\nTake 1 to 2 tablets, up to 4 times in 24 hours.\n'}],
    invalid: [
      {
        name: 'a right-to-left override around a dose',
        input: '---\ntitle: Dosing\n---\n\nUp to \u202E4 times in 24 hours\u202C.\n',
        messages: [
          '5:7: This text contains an invisible right-to-left override character (U+202E), which can make it display in a different order from how it was written. Delete it and retype the text around it.',
          '5:27: This text contains an invisible pop directional formatting character (U+202C), which can make it display in a different order from how it was written. Delete it and retype the text around it.'
        ]
      }
    ]
  },
  check({file, report}) {
    if (!file.data.loaded) return
    const text = String(file.value)
    for (const match of text.matchAll(bidi)) {
      const code = match[0].codePointAt(0)!.toString(16).toUpperCase()
      report(`This text contains an invisible ${names[match[0]]} character (U+${code}), which can make it display in a different order from how it was written. Delete it and retype the text around it.`, pointAt(text, match.index))
    }
  }
})
