import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import type {Root} from 'mdast'
import {findSection, findSections, itemsOf, sectionsOf, textOf} from '../../src/pipeline/sections.js'

const parse = (markdown: string) => unified().use(remarkParse).parse(markdown) as Root

describe('sections', () => {
  it('keeps list items and nested lists apart in item text', () => {
    const section = findSection(sectionsOf(parse('## Red flags\n\n- First item\n  - Nested item\n- Second item\n')), ['Red flags'])
    assert.ok(section)
    assert.deepEqual(itemsOf(section), ['First item Nested item', 'Second item'])
  })

  it('turns a hard line break into a space once normalised', () => {
    const tree = parse('Last reviewed by Placeholder Name,  \nPlaceholder credential\n')
    assert.equal(textOf(tree.children[0]!), 'Last reviewed by Placeholder Name,\nPlaceholder credential')
  })

  it('finds every matching section, nested ones included', () => {
    const sections = sectionsOf(parse('## Urgent advice\n\n### Red flags\n\n- Item\n\n## Other\n'))
    assert.deepEqual(findSections(sections, ['Urgent advice', 'Red flags']).map((section) => section.title), ['Urgent advice', 'Red flags'])
  })
})
