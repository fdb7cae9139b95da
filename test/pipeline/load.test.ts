// The loader: decoding, refusals of bad bytes and files, and positions that are always
// positions in the original file, whatever its BOM or line endings.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {mkdir, symlink, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {resolveConfig} from '../../src/config/config.js'
import {createLinter} from '../../src/pipeline/lint.js'
import {pointAt} from '../../src/pipeline/load.js'
import {briefOf, lintText, messagesOf} from '../helpers.js'
import {temporaryProject} from '../project.js'
import {builtInRules} from '../../rules/index.js'

const article = [
  '---',
  'title: Lower back pain',
  'description: What causes it.',
  'category: Musculoskeletal',
  'lastReviewed: 2025-12-22',
  'reviewedBy:',
  '  name: Dr Jane Smith',
  '  credential: GMC registered GP',
  'unknownField: 1',
  '---',
  '',
  '# Lower back pain',
  '',
  'Text.',
  ''
].join('\n')

const brief = (messages: ReturnType<typeof messagesOf>) => messages.map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId} ${m.message}`)

describe('loading', () => {
  it('gives the same messages and positions for LF, CRLF and BOM + CRLF', async () => {
    const lf = brief(messagesOf(await lintText(article)))
    const crlf = brief(messagesOf(await lintText(article.replaceAll('\n', '\r\n'))))
    const bom = brief(messagesOf(await lintText('\uFEFF' + article.replaceAll('\n', '\r\n'))))
    assert.ok(lf.length >= 2, 'the article has problems to position')
    assert.ok(lf.some((line) => line.startsWith('4:11-4:26 frontmatter-schema')), 'category is reported at its value')
    assert.ok(lf.some((line) => line.startsWith('9:1-9:13 frontmatter-schema')), 'the unknown key is reported at the key')
    assert.deepEqual(crlf, lf)
    assert.deepEqual(bom, lf)
  })

  it('keeps unquoted dates exactly as written, as strings', async () => {
    const file = await lintText(article)
    assert.equal(file.data.frontmatter?.data?.lastReviewed, '2025-12-22')
  })

  it('keeps the Markdown tree positioned in the file, after the frontmatter', async () => {
    const file = await lintText(article)
    const heading = file.data.tree?.children[0]
    assert.equal(heading?.type, 'heading')
    assert.deepEqual(heading?.position?.start, {line: 12, column: 1, offset: article.indexOf('# Lower')})
  })

  it('reports an empty file', async () => {
    assert.deepEqual(briefOf(await lintText(''), 'empty-article'), ['1:1: This file is empty. An article needs frontmatter and a body.'])
  })

  it('reports invalid UTF-8 at the bad byte', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('---\ntitle: Caf'), 0xe9, ...new TextEncoder().encode('ine\n---\n')])
    const messages = messagesOf(await lintText(bytes))
    assert.equal(messages.length, 1)
    assert.equal(messages[0]!.ruleId, 'encoding')
    assert.equal(`${messages[0]!.line}:${messages[0]!.column}`, '2:11')
    assert.match(messages[0]!.message, /not valid UTF-8.*Save it as UTF-8/)
  })

  it('reports UTF-16 (both byte orders) at 1:1', async () => {
    for (const bom of [[0xff, 0xfe], [0xfe, 0xff]]) {
      const messages = messagesOf(await lintText(new Uint8Array([...bom, 0x2d, 0x00, 0x2d, 0x00])))
      assert.deepEqual(messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`), ['1:1 encoding'])
    }
  })

  it('reports a binary file (NUL bytes) without crashing', async () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00])
    const messages = messagesOf(await lintText(bytes))
    assert.equal(messages.length, 1)
    assert.equal(messages[0]!.ruleId, 'encoding')
  })

  it('reports the first NUL character at its position', async () => {
    const messages = messagesOf(await lintText('---\ntitle: A\u0000B\n---\n'))
    assert.deepEqual(messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`), ['2:9 encoding'])
  })

  it('reports bare CR line endings', async () => {
    const messages = messagesOf(await lintText('---\rtitle: x\r---\r\rText\r'))
    assert.deepEqual(messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`), ['1:4 encoding'])
  })
})

describe('loading from disk', () => {
  const setup = async () => temporaryProject({'articles/': ''}, {prefix: 'healthlint-load-'})
  const lintPath = async (cwd: string, path: string, limits: Record<string, number> = {}) =>
    createLinter({cwd, config: resolveConfig({limits}, {rules: builtInRules}), now: '2026-01-15'}).lintFile(path)

  it('refuses a symbolic link without reading its target', async () => {
    const cwd = await setup()
    await writeFile(join(cwd, 'secret.txt'), 'a secret')
    await symlink(join(cwd, 'secret.txt'), join(cwd, 'articles', 'link.md'))
    const file = await lintPath(cwd, 'articles/link.md')
    assert.deepEqual(messagesOf(file).map((m) => `${m.line}:${m.column} ${m.ruleId}`), ['1:1 file-type'])
    assert.equal(file.value, undefined, 'the target was never read')
  })

  it('refuses a file over the size limit, which the config can raise', async () => {
    const cwd = await setup()
    const text = '---\ntitle: Big\n---\n\n' + 'word '.repeat(400)
    await writeFile(join(cwd, 'articles', 'big.md'), text)
    const refused = await lintPath(cwd, 'articles/big.md', {maxFileBytes: 1000})
    assert.deepEqual(messagesOf(refused, 'file-type').map((m) => m.message.split('.')[0]), [`This file is ${Buffer.byteLength(text)} bytes, more than the limit of 1000 bytes for one article`])
    const allowed = await lintPath(cwd, 'articles/big.md', {maxFileBytes: 4000})
    assert.deepEqual(messagesOf(allowed, 'file-type'), [])
  })

  it('refuses a path that is not a regular file', async () => {
    const cwd = await setup()
    await mkdir(join(cwd, 'articles', 'folder.md'))
    const file = await lintPath(cwd, 'articles/folder.md')
    assert.deepEqual(messagesOf(file).map((m) => `${m.line}:${m.column} ${m.ruleId}`), ['1:1 file-type'])
  })

  it('reports a file that disappeared instead of throwing', async () => {
    const cwd = await setup()
    const file = await lintPath(cwd, 'articles/gone.md')
    assert.deepEqual(messagesOf(file).map((m) => m.ruleId), ['file-type'])
    assert.match(messagesOf(file)[0]!.message, /ENOENT/)
  })
})

describe('pointAt', () => {
  /** The definition: count the line feeds before `offset` (a CR before an LF stays on its line). */
  const naive = (text: string, offset: number) => {
    const before = text.slice(0, offset)
    const line = before.split('\n').length
    return {line, column: offset - (before.lastIndexOf('\n') + 1) + 1, offset}
  }

  it('gives the line and column of every offset, CRLF counting as one break, from one index per text', () => {
    const texts = ['', 'a', '\n', 'a\nb', 'a\r\nb\r\n', '\n\n\nx\n', 'line one\r\nline two\nline three', 'é\u{1F600}\nz\n']
    for (const text of texts) {
      for (let offset = 0; offset <= text.length; offset++) assert.deepEqual(pointAt(text, offset), naive(text, offset), `${JSON.stringify(text)} at ${offset}`)
    }
    // Alternating between texts rebuilds the index, and stays right.
    assert.deepEqual([pointAt('a\nb', 2), pointAt('x', 0), pointAt('a\nb', 2)], [naive('a\nb', 2), naive('x', 0), naive('a\nb', 2)])
  })

  it('looks up 127,000 places in 254 KB of lines without rescanning the text for each (minutes before)', {timeout: 30_000}, () => {
    const text = '\x01\n'.repeat(127_000)
    for (let offset = 0; offset < text.length; offset += 2) assert.equal(pointAt(text, offset).line, offset / 2 + 1)
  })
})
