// The parser leaves out the GFM constructs a body cannot hold (markdown.ts): the tree must be
// exactly what the full GFM parser gives, for real articles and generated Markdown.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import {mayHaveAutolinkLiteral, parseMarkdown, parseMarkdownWithAutolinks, possibleConstructs} from '../../src/pipeline/markdown.js'
import {repositoryMarkdown} from './markdown-files.js'
import {defaultLimits} from '../../src/config/config.js'
import {checkBodyText} from '../../src/pipeline/limits.js'
import {VFile} from 'vfile'
import {parameters} from '../fuzz/arbitraries.js'

// Markdown syntax of every kind GFM adds (tables, footnotes, task lists, strikethrough, autolink
// literals), near-misses of each, and the characters their constructs look at.
const pieces = ['*', '_', '~', '~~', '`', '[', ']', '(', ')', '<', '>', '!', '#', '|', '\\', '&', ':', '/', '.', '-', '+', '=', '\n', '\n\n', ' ', '  ', '\t',
  '- ', '1. ', '> ', '- [ ] ', '- [x] ', '| a | b |\n| - | - |\n', 'a | b\n--|--\n', '[^1]', '[^1]: note\n', 'ftp://x.example', 'x.example.org', 'WW.', 'ww.', 'htp://', 'htps', 'mailto:', 'xmpp:',
  'www.nhs.uk', 'http://a.example', 'a@b.example', '@', 'w', 'h', 'a', 'Word', 'é', '🙂']
const body = fc.array(fc.constantFrom(...pieces), {maxLength: 60}).map((parts) => parts.join(''))

describe('parsing with only the GFM constructs a body can hold', () => {
  it('knows which texts may hold one', () => {
    for (const text of ['a@b.example', 'see WWW.nhs.uk', 'Http://x', 'hTTps://x', 'mailto:a@b', 'www']) assert.equal(mayHaveAutolinkLiteral(text), true, text)
    for (const text of ['', 'Back pain', 'ww.example', 'htp://x', 'ftp://x.example']) assert.equal(mayHaveAutolinkLiteral(text), false, text)
    assert.deepEqual(possibleConstructs('Back pain, a common problem.'), [])
    assert.deepEqual(possibleConstructs('| a | b |'), ['table'])
    assert.deepEqual(possibleConstructs('~~old~~ and [x] at www.nhs.uk'), ['autolink literal', 'footnote', 'strikethrough', 'task list item'])
  })

  it('gives the full GFM tree for every real article the tests use', () => {
    const texts = repositoryMarkdown()
    assert.ok(texts.length > 50, `only ${texts.length} files`)
    // A text the limits refuse before parsing (the hostile deep-nesting files, 7 s of parsing) is
    // never parsed. The rest are parsed twice.
    const parsed = texts.filter(({name, text}) => checkBodyText(new VFile({path: name, value: text}), text, defaultLimits))
    assert.ok(texts.length - parsed.length <= 5, `${texts.length - parsed.length} texts refused by the limits`)
    for (const {name, text} of parsed) {
      // As JSON: some hostile fixtures nest deeper than deepEqual's recursion allows.
      assert.equal(JSON.stringify(parseMarkdown(text)), JSON.stringify(parseMarkdownWithAutolinks(text)), name)
    }
    // Texts that leave out constructs, and texts that need every one, are among them.
    const sets = new Set(parsed.map(({text}) => possibleConstructs(text).length))
    assert.ok(sets.has(0) && sets.size >= 3, `numbers of constructs needed: ${[...sets].join(', ')}`)
  })

  it('gives the full GFM tree for generated Markdown', () => {
    fc.assert(fc.property(body, (text) => {
      assert.deepEqual(parseMarkdown(text), parseMarkdownWithAutolinks(text))
    }), parameters(2000))
  })

  it('still finds autolink literals where there are some', () => {
    const tree = parseMarkdown('See www.nhs.uk or email help@example.org.\n')
    const links = JSON.stringify(tree).match(/"type":"link"/g) ?? []
    assert.equal(links.length, 2)
  })
})
