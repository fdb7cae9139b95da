// The natural-language tree of to-prose.ts must be the one mdast-util-to-nlcst builds with
// parse-english, node for node and position for position: on every real article the tests use,
// on generated Markdown, and, for its tokenizer, on any text at all.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {join} from 'node:path'
import fc from 'fast-check'
import {toNlcst} from 'mdast-util-to-nlcst'
import {ParseEnglish} from 'parse-english'
import type {Nodes} from 'mdast'
import {VFile} from 'vfile'
import {toProse} from '../../src/pipeline/to-prose.js'
import {parseMarkdown} from '../../src/pipeline/markdown.js'
import {proseOptions} from '../../src/pipeline/score.js'
import {repositoryMarkdown} from './markdown-files.js'
import {defaultLimits} from '../../src/config/config.js'
import {checkBodyText} from '../../src/pipeline/limits.js'
import {parameters} from '../fuzz/arbitraries.js'

const reference = new ParseEnglish()

function bothTrees(text: string): [string, string] {
  const file = new VFile({path: 'article.md', value: text})
  const tree = parseMarkdown(text) as Nodes
  return [JSON.stringify(toProse(tree, file, proseOptions)), JSON.stringify(toNlcst(tree, file, reference, proseOptions))]
}

// Prose of every shape the converter and parse-english treat apart: sentence ends, initialisms,
// abbreviations, affixes, inner-word symbols and slashes, digits, quotes, line endings of every
// kind, blank lines, hard breaks, images, inline code, links, emphasis, lists, headings, tables.
const pieces = ['Back', 'pain', 'Dr', 'e.g.', 'U.K.', 'A&E', 'NHS', '111', '1,000', '3.5', 'mg', "don't", 'it’s', 'well-being', 'and/or', '(', ')', '"', '“', '”', '‘', '’',
  '.', '..', '...', '…', '!', '?', '?!', ',', ';', ':', '-', '–', '—', '/', '&', '@', '#', '%', '*', '_', '`code`', '![a picture of a knee](knee.png)', '[link](https://example.org)',
  'https://www.nhs.uk', ' ', '  ', '\t', '\n', '\n\n', '\r\n', '\r', '  \n', '\n- ', '\n1. ', '\n# ', '\n> ', '\n| a | b |\n| - | - |\n| c | d |\n', 'é', 'ñ', '🙂', '👩‍⚕️', '\u00a0', '\u200b', 'x\u0301', '\ud800']
const markdown = fc.array(fc.constantFrom(...pieces), {maxLength: 80}).map((parts) => parts.join(' ').replaceAll('  ', ' ') + '\n')
const strip = (nodes: unknown): unknown => JSON.parse(JSON.stringify(nodes, (key, value: unknown) => (key === 'position' ? undefined : value)))

describe('to-prose: the natural-language tree', () => {
  it('is mdast-util-to-nlcst’s for every real article and evaluation text', () => {
    const texts = repositoryMarkdown(join('test', 'eval')).filter(({name, text}) => checkBodyText(new VFile({path: name, value: text}), text, defaultLimits))
    assert.ok(texts.length > 100, `only ${texts.length} files`)
    for (const {name, text} of texts) {
      const [ours, theirs] = bothTrees(text)
      assert.equal(ours, theirs, name)
    }
  })

  it('is mdast-util-to-nlcst’s for generated Markdown', () => {
    fc.assert(fc.property(markdown, (text) => {
      const [ours, theirs] = bothTrees(text)
      assert.equal(ours, theirs)
    }), parameters(1500))
  })

  it('tokenizes any text as parse-latin does, positions aside', () => {
    const file = new VFile({path: 'a.md', value: ''})
    fc.assert(fc.property(fc.string({unit: 'binary', maxLength: 80}), (text) => {
      // One text node, so the tree holds exactly the tokenizer's output (after the plugins).
      const tree = {type: 'paragraph', children: [{type: 'text', value: text, position: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 1 + text.length, offset: text.length}}}], position: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 1 + text.length, offset: text.length}}} as Nodes
      const inFile = new VFile({path: file.path, value: text})
      assert.deepEqual(strip(toProse(tree, inFile)), strip(toNlcst(tree, inFile, reference)))
    }), parameters(3000))
  })

  it('shares a point where one node ends and the next starts', () => {
    const prose = toProse(parseMarkdown('Rest and keep moving.\n') as Nodes, new VFile({value: 'Rest and keep moving.\n'}))
    const sentence = prose.children[0]!.type === 'ParagraphNode' ? prose.children[0]!.children[0]! : undefined
    assert.ok(sentence?.type === 'SentenceNode')
    const [rest, space] = sentence.children
    assert.equal(rest!.position!.end, space!.position!.start)
    assert.deepEqual(rest!.position!.end, {line: 1, column: 5, offset: 4})
  })
})
