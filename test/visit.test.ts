// src/rule-kit/visit.ts must visit exactly what unist-util-visit visits, in the same order.
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, it} from 'node:test'
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import type {Nodes, Root} from 'mdast'
import {SKIP as unistSkip, visit as unistVisit} from 'unist-util-visit'
import {SKIP, visit} from '../src/rule-kit/visit.js'
import {packageRoot} from '../src/config/package-files.js'

const markdown = unified().use(remarkParse).use(remarkGfm)
const seed = readFileSync(join(packageRoot, 'articles', 'lower-back-pain.md'), 'utf8')
const nested = '# Title\n\n- one [link](https://example.org) <!-- a comment -->\n  - two\n    - three ![image](a.png)\n\n> - quoted\n>   - list\n\n| a | b |\n| - | - |\n| [x](y) | z |\n\nText <b>html</b> and https://example.org.\n'

describe('visit', () => {
  for (const [name, text] of [['the seed article', seed], ['nested lists, quotes, tables and HTML', nested]] as const) {
    const tree = markdown.runSync(markdown.parse(text)) as Root
    for (const type of ['text', 'image', 'paragraph', 'list', 'link', 'html', 'listItem', 'root'] as const) {
      it(`visits every ${type} node of ${name} in unist-util-visit's order`, () => {
        const expected: Nodes[] = []
        unistVisit(tree, type, (node: Nodes) => void expected.push(node))
        const actual: Nodes[] = []
        visit(tree, type, (node) => void actual.push(node))
        assert.equal(actual.length, expected.length)
        assert.ok(actual.every((node, index) => node === expected[index]))
      })
    }
    it(`skips the children of a node when told to, in ${name}`, () => {
      const expected: Nodes[] = []
      unistVisit(tree, 'list', (node: Nodes) => {
        expected.push(node)
        return unistSkip
      })
      const actual: Nodes[] = []
      visit(tree, 'list', (node) => {
        actual.push(node)
        return SKIP
      })
      assert.ok(expected.length > 0)
      assert.deepEqual(actual, expected)
    })
  }
})
