// Structure limits: crafted Markdown is refused deterministically and quickly, with a message
// at its place, and ordinary nesting passes.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {briefOf, lintText} from '../helpers.js'

const article = (body: string) => `---\ntitle: Limits\n---\n\n${body}\n`
const limits = async (body: string, config: Record<string, number> = {}) => {
  const started = performance.now()
  const file = await lintText(article(body), {limits: config})
  return {messages: briefOf(file, 'markdown-limits'), ms: performance.now() - started, tree: file.data.tree}
}

describe('markdown limits', () => {
  it('refuses quadratic emphasis and bracket runs before parsing them', async () => {
    for (const body of ['*a_ '.repeat(10_000), '[ (]('.repeat(10_000), '*a **a '.repeat(1000)]) {
      const result = await limits(body)
      assert.equal(result.messages.length, 1)
      assert.match(result.messages[0]!, /^5:1: This block has more than 2000 emphasis, link or code markers/)
      assert.equal(result.tree, undefined, 'the body was not parsed')
    }
  })

  it('counts markers per block, so many short paragraphs are fine', async () => {
    const result = await limits('Use **this** and [that](https://example.org).\n\n'.repeat(500))
    assert.deepEqual(result.messages, [])
  })

  it('refuses thousands of nested quotes or list markers on one line', async () => {
    assert.match((await limits('> '.repeat(2000) + 'x')).messages[0]!, /^5:67: This line nests quotes or lists more than 32 levels/)
    assert.match((await limits('* '.repeat(1000) + 'x')).messages[0]!, /^5:67: This line nests quotes or lists more than 32 levels/)
  })

  it('refuses deep nesting built across lines, after parsing, without using the tree', async () => {
    const lines = Array.from({length: 40}, (_, depth) => '  '.repeat(depth) + '- item').join('\n')
    const result = await limits(lines)
    assert.equal(result.messages.length, 1)
    assert.match(result.messages[0]!, /nested more than 32 levels deep/)
    assert.equal(result.tree, undefined)
  })

  it('refuses a wide table by its delimiter row, before parsing it', async () => {
    const row = (cells: number, cell: string) => '|' + ` ${cell} |`.repeat(cells)
    const wide = await limits(`${row(500, 'a')}\n${row(500, '-')}\n` + `${row(500, '1')}\n`.repeat(50))
    assert.deepEqual(wide.messages, ['5:1: This table has 500 columns, more than the limit of 20; it would not fit on a phone screen. Split it into smaller tables or a list.'])
    assert.equal(wide.tree, undefined, 'the body was not parsed')
    assert.ok(wide.ms < 2000, `${Math.round(wide.ms)} ms`)
    const quoted = await limits(`> ${row(21, 'a')}\n> ${row(21, ':-:')}`)
    assert.match(quoted.messages[0] ?? '', /^5:1: This table has 21 columns/)
    // At the limit, and lines of dashes and pipes that are not delimiter rows, are fine.
    assert.deepEqual((await limits(`${row(20, 'a')}\n${row(20, ':--')}\n${row(20, '1')}`)).messages, [])
    assert.deepEqual((await limits('a | b\n' + '-|'.repeat(30) + 'x\n\n' + '-- '.repeat(30))).messages, [])
  })

  it('lets the config raise a limit', async () => {
    assert.deepEqual((await limits('> '.repeat(40) + 'x', {maxNestingDepth: 100})).messages, [])
    assert.deepEqual((await limits(`|${' a |'.repeat(25)}\n|${' - |'.repeat(25)}`, {maxTableColumns: 30})).messages, [])
  })

  it('accepts ordinary articles', async () => {
    const result = await limits('> Quote\n>\n> - a\n>   - b\n>     - c **bold _and em_** [link](https://example.org)\n\n| a | b |\n| - | - |\n| 1 | 2 |')
    assert.deepEqual(result.messages, [])
    assert.ok(result.tree)
  })
})
