// mixed-script: no word mixes Latin letters with look-alike Cyrillic or Greek ones.
//
// Why: "pаracetamol" with a Cyrillic "а" looks right but is a different word to search engines,
// screen readers and spell checkers; mixing scripts is also how phishing text disguises names.
// Words are read as shown: character references decoded (`p&#x430;racetamol`) and invisible
// characters ignored (a zero-width space cannot split the word in two), in the body's text, image
// descriptions and link titles, and in the frontmatter's text values. Turn it off: for articles
// that legitimately mix alphabets within words (rare in English).
import {defineRule, withoutOptions} from '../src/rule-kit/rule.js'
import type {Definition, Image, ImageReference, Link, Nodes, Text} from 'mdast'
import type {Point, Position} from 'unist'
import {positionedAncestors, visit} from '../src/rule-kit/visit.js'
import {pointAt} from '../src/pipeline/load.js'
import {sourceOffsets, withoutIgnorables} from '../src/rule-kit/unicode.js'

// A word: letters and marks, with any invisible characters inside it.
const word = /[\p{L}\p{M}](?:[\p{L}\p{M}\p{Default_Ignorable_Code_Point}]*[\p{L}\p{M}])?/gu
const latin = /\p{Script=Latin}/u
// Cyrillic and Greek letters that look like Latin ones (from Unicode's confusables list).
const lookalike = /[аеорсухіјѕԁԛԝһӏАВЕКМНОРСТХІЈЅοανρτυικΑΒΕΖΗΙΚΜΝΟΡΤΥΧ]/u

export default defineRule({
  id: 'mixed-script',
  description: 'No word mixes Latin letters with Cyrillic or Greek letters that look like Latin ones (in the text, image descriptions, link titles and frontmatter).',
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
      },
      {
        name: 'a Cyrillic a written as a reference, after another reference',
        input: '---\ntitle: Dosing\n---\n\nFish &amp; chips, then p&#x430;racetamol.\n',
        messages: ['5:24: The word “p\u0430racetamol” mixes Latin letters with Cyrillic or Greek look-alikes (such as a Cyrillic “а”). Retype the word using only Latin letters.']
      },
      {
        name: 'a word in text that GFM splits after parsing (around an autolink after a bracket)',
        input: '---\ntitle: Dosing\n---\n\n[www.nhs.uk] and p\u0430racetamol.\n',
        messages: ['5:18: The word “p\u0430racetamol” mixes Latin letters with Cyrillic or Greek look-alikes (such as a Cyrillic “а”). Retype the word using only Latin letters.']
      },
      {
        name: 'a look-alike split by a zero-width space, in an image description and the title',
        input: '---\ntitle: About p\u0430racetamol\n---\n\n![Box of p\u200B\u0430racetamol](https://www.nhs.uk/box.png)\n',
        messages: [
          '2:14: The word “p\u0430racetamol” mixes Latin letters with Cyrillic or Greek look-alikes (such as a Cyrillic “а”). Retype the word using only Latin letters.',
          '5:10: The word “p\u0430racetamol” mixes Latin letters with Cyrillic or Greek look-alikes (such as a Cyrillic “а”). Retype the word using only Latin letters.'
        ]
      }
    ]
  },
  check({tree, file, frontmatter, report}) {
    const raw = String(file.value)
    /** Check the decoded `value` whose source runs from `from` to `to` (raw offsets). */
    const checkText = (value: string, from: number | undefined, to: number | undefined, fallback?: Point, within?: Position) => {
      // Most text has no look-alike letter at all: skip it without splitting it into words.
      if (!lookalike.test(value)) return
      let offsets: number[] | undefined
      for (const match of value.matchAll(word)) {
        const text = withoutIgnorables(match[0])
        if (!latin.test(text) || !lookalike.test(text)) continue
        let place = fallback
        if (from !== undefined && to !== undefined) {
          offsets ??= sourceOffsets(raw, from, to, value)
          place = pointAt(raw, offsets[match.index]!)
        } else if (within?.start.offset !== undefined) {
          // A node without a position: find the word as written inside its positioned ancestor.
          const found = raw.indexOf(match[0], within.start.offset)
          if (found !== -1 && found < (within.end.offset ?? raw.length)) place = pointAt(raw, found)
        }
        report(`The word “${text}” mixes Latin letters with Cyrillic or Greek look-alikes (such as a Cyrillic “а”). Retype the word using only Latin letters.`, place)
      }
    }
    const range = (node: {position?: {start: {offset?: number}; end: {offset?: number}}}) => [node.position?.start.offset, node.position?.end.offset] as const
    let ancestors: Map<Nodes, Nodes> | undefined
    visit(tree, 'text', (node: Text) => {
      if (node.position) return checkText(node.value, ...range(node))
      const ancestor = (ancestors ??= positionedAncestors(tree)).get(node)?.position
      checkText(node.value, undefined, undefined, ancestor?.start, ancestor)
    })
    const described = (node: Image | ImageReference) => {
      const [from, to] = range(node)
      // The description starts after `![`.
      if (node.alt) checkText(node.alt, from === undefined ? undefined : from + 2, to)
    }
    visit(tree, 'image', described)
    visit(tree, 'imageReference', described)
    // Titles are positioned at their link, image or definition.
    const titled = (node: Link | Image | Definition) => {
      if (node.title && node.position) checkText(node.title, undefined, undefined, node.position.start)
    }
    visit(tree, 'link', titled)
    visit(tree, 'image', titled)
    visit(tree, 'definition', titled)
    if (frontmatter?.data) {
      const walk = (value: unknown, pointer: string) => {
        if (typeof value === 'string') {
          const place = frontmatter.ranges.get(pointer)?.value
          checkText(value, place?.start.offset, place?.end.offset, place?.start)
        } else if (Array.isArray(value)) {
          value.forEach((item, index) => walk(item, `${pointer}/${index}`))
        } else if (value && typeof value === 'object') {
          for (const [key, item] of Object.entries(value)) walk(item, `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`)
        }
      }
      walk(frontmatter.data, '')
    }
  }
})
