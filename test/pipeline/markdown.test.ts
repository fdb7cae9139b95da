// The parser skips GFM's autolink literals when a body cannot hold one (markdown.ts): the tree
// must be exactly what the full GFM parser gives, for real articles and generated Markdown.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {readFileSync, readdirSync, statSync} from 'node:fs'
import {join} from 'node:path'
import fc from 'fast-check'
import {mayHaveAutolinkLiteral, parseMarkdown, parseMarkdownWithAutolinks} from '../../src/pipeline/markdown.js'
import {packageRoot} from '../../src/config/package-files.js'
import {defaultLimits} from '../../src/config/config.js'
import {checkBodyText} from '../../src/pipeline/limits.js'
import {VFile} from 'vfile'
import {parameters} from '../fuzz/arbitraries.js'

/**
 * The Markdown files of the repository: articles and test fixtures (the MedQuAD sample, the
 * hostile catalogue), except the hostile files made to be slow to parse (over 16 KB).
 */
function realTexts(): Array<{name: string; text: string}> {
  const texts: Array<{name: string; text: string}> = []
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, {withFileTypes: true})) {
      const path = join(directory, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.isFile() && entry.name.endsWith('.md') && statSync(path).size <= 16_384) texts.push({name: path.slice(packageRoot.length + 1), text: readFileSync(path, 'utf8')})
    }
  }
  walk(join(packageRoot, 'articles'))
  walk(join(packageRoot, 'test', 'fixtures'))
  return texts
}

// Markdown syntax of every kind GFM adds (tables, footnotes, task lists, strikethrough) and the
// characters the autolink constructs look at, but never `@`, `www` or `http`.
const pieces = ['*', '_', '~', '~~', '`', '[', ']', '(', ')', '<', '>', '!', '#', '|', '\\', '&', ':', '/', '.', '-', '+', '=', '\n', '\n\n', ' ', '  ', '\t',
  '- ', '1. ', '> ', '- [ ] ', '- [x] ', '| a | b |\n| - | - |\n', '[^1]', '[^1]: note\n', 'ftp://x.example', 'x.example.org', 'WW.', 'ww.', 'htp://', 'htps', 'mailto:', 'xmpp:', 'w', 'h', 'a', 'Word', 'é', '🙂']
const body = fc.array(fc.constantFrom(...pieces), {maxLength: 60}).map((parts) => parts.join('')).filter((text) => !mayHaveAutolinkLiteral(text))

describe('parsing without autolink literals when a body cannot hold one', () => {
  it('knows which texts may hold one', () => {
    for (const text of ['a@b.example', 'see WWW.nhs.uk', 'Http://x', 'hTTps://x', 'mailto:a@b', 'www']) assert.equal(mayHaveAutolinkLiteral(text), true, text)
    for (const text of ['', 'Back pain', 'ww.example', 'htp://x', 'ftp://x.example']) assert.equal(mayHaveAutolinkLiteral(text), false, text)
  })

  it('gives the full GFM tree for every real article the tests use', () => {
    const texts = realTexts()
    assert.ok(texts.length > 50, `only ${texts.length} files`)
    // A text that may hold an autolink literal goes to the full parser itself, so comparing it
    // would compare that parser with itself; and a text the limits refuse before parsing (the
    // hostile deep-nesting files, 7 s of parsing) is never parsed. The rest are parsed twice.
    const parsed = texts.filter(({name, text}) => checkBodyText(new VFile({path: name, value: text}), text, defaultLimits))
    assert.ok(texts.length - parsed.length <= 5, `${texts.length - parsed.length} texts refused by the limits`)
    const without = parsed.filter(({text}) => !mayHaveAutolinkLiteral(text))
    for (const {name, text} of without) {
      // As JSON: some hostile fixtures nest deeper than deepEqual's recursion allows.
      assert.equal(JSON.stringify(parseMarkdown(text)), JSON.stringify(parseMarkdownWithAutolinks(text)), name)
    }
    // Both kinds of text are among them.
    assert.ok(without.length > 50 && without.length < parsed.length, `${without.length} of ${parsed.length} without a trigger`)
  })

  it('gives the full GFM tree for generated Markdown without `@`, `www` or `http`', () => {
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
