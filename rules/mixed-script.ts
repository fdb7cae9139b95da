// mixed-script: no word mixes Latin letters with look-alike Cyrillic or Greek ones.
//
// Why: "pаracetamol" with a Cyrillic "а" looks right but is a different word to search engines,
// screen readers and spell checkers; mixing scripts is also how phishing text disguises names.
// Turn it off: for articles that legitimately mix alphabets within words (rare in English).
import {defineRule, withoutOptions} from '../src/rule.js'
import type {Text} from 'mdast'
import {visit} from '../src/visit.js'

const word = /[\p{L}\p{M}]+/gu
const latin = /\p{Script=Latin}/u
// Cyrillic and Greek letters that look like Latin ones (from Unicode's confusables list).
const lookalike = /[аеорсухіјѕԁԛԝһӏАВЕКМНОРСТХІЈЅοανρτυικΑΒΕΖΗΙΚΜΝΟΡΤΥΧ]/u

export default defineRule({
  id: 'mixed-script',
  description: 'No word mixes Latin letters with Cyrillic or Greek letters that look like Latin ones.',
  rationale: 'A word with a look-alike letter from another alphabet reads the same but is a different word to search, screen readers and spell checkers, and is a common disguise in phishing.',
  severity: 'warning',
  requires: 'tree',
  ...withoutOptions,
  examples: {
    valid: [
      {name: 'Latin words', input: '---\ntitle: Dosing\n---\n\nParacetamol and ibuprofen.\n'},
      {name: 'a Greek letter on its own', input: '---\ntitle: Units\n---\n\nA dose in μg is a thousandth of a milligram.\n'}
    ],
    invalid: [
      {
        name: 'a Cyrillic a inside a Latin word',
        input: '---\ntitle: Dosing\n---\n\nAbout p\u0430racetamol.\n',
        messages: ['5:7: The word “p\u0430racetamol” mixes Latin letters with Cyrillic or Greek look-alikes (such as a Cyrillic “а”). Retype the word using only Latin letters.']
      }
    ]
  },
  check({tree, report}) {
    visit(tree, 'text', (node: Text) => {
      const start = node.position?.start
      // Most text has no look-alike letter at all: skip it without splitting it into words.
      if (!start || start.offset === undefined || !lookalike.test(node.value)) return
      // Line breaks are counted from the previous match on, never from the node's start again,
      // so a long paragraph with many such words stays linear.
      let line = start.line
      let lineStart = -1
      let nextBreak = node.value.indexOf('\n')
      for (const match of node.value.matchAll(word)) {
        const text = match[0]
        if (!latin.test(text) || !lookalike.test(text)) continue
        while (nextBreak !== -1 && nextBreak < match.index) {
          line++
          lineStart = nextBreak
          nextBreak = node.value.indexOf('\n', nextBreak + 1)
        }
        const column = lineStart === -1 ? start.column + match.index : match.index - lineStart
        report(`The word “${text}” mixes Latin letters with Cyrillic or Greek look-alikes (such as a Cyrillic “а”). Retype the word using only Latin letters.`, {line, column})
      }
    })
  }
})
