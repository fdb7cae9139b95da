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

  it('refuses more lines than the limit before parsing, at the first line over it', async () => {
    // The article adds 4 lines before the body; a final line break ends a line, it starts none.
    const atLimit = await limits('a\n'.repeat(10_000 - 5))
    assert.deepEqual(atLimit.messages, [])
    const over = await limits('\x01\n'.repeat(20_000))
    assert.deepEqual(over.messages, ['10001:1: This article has more than 10000 lines, far more than any article needs, so it was not parsed. Split it into several articles, or raise `limits.maxLines` in the config.'])
    assert.equal(over.tree, undefined)
    assert.deepEqual((await limits('a\n'.repeat(20_000), {maxLines: 30_000})).messages, [])
  })

  it('counts the table cells of the whole article from its rows, before parsing', async () => {
    const table = (rows: number, columns = 10) => `|${' h |'.repeat(columns)}\n|${' - |'.repeat(columns)}\n` + `|${' 1 |'.repeat(columns)}\n`.repeat(rows)
    // 20 header and delimiter cells (lines 5 and 6) and 498 rows of 10: 5,000 cells, the limit.
    assert.deepEqual((await limits(table(498))).messages, [])
    const over = await limits(table(499))
    assert.deepEqual(over.messages, ['505:1: The tables in this article have more than 5000 cells in all by this row, far more than a reader can use, so the article was not parsed. Split the table into smaller tables or lists, or raise `limits.maxTableCells` in the config.'])
    assert.equal(over.tree, undefined)
    // All tables together: two tables of 2,600 cells are over.
    assert.match((await limits(table(258) + '\n' + table(258))).messages[0] ?? '', /^5\d\d:1: The tables in this article have more than 5000 cells/)
    // A row has at least its table's width, and counts every cell it writes.
    assert.match((await limits('| a | b |\n| - | - |\n' + '|1'.repeat(6000) + '|\n')).messages[0] ?? '', /^7:1: The tables/)
    // A paragraph after a table's blank line is not a row; the config can raise the limit.
    assert.deepEqual((await limits(table(400) + '\n' + 'Text | with a pipe\n'.repeat(2000))).messages, [])
    assert.deepEqual((await limits(table(600), {maxTableCells: 10_000})).messages, [])
  })

  it('refuses more markers in the whole article than the limit, though each block is within its own', async () => {
    const block = '[a](b) '.repeat(300) + '\n\n'
    assert.deepEqual((await limits(block.repeat(16))).messages, [])
    const over = await limits(block.repeat(17))
    assert.deepEqual(over.messages, ['37:1: This article has more than 20000 emphasis, link or code markers (such as * _ [ ] ( ) `) by this line, far more than any article needs, so it was not parsed. Split it into several articles, or raise `limits.maxDelimiters` in the config.'])
    assert.equal(over.tree, undefined)
    assert.deepEqual((await limits(block.repeat(17), {maxDelimiters: 30_000})).messages, [])
  })

  it('refuses a tree of more nodes than the limit at the first node over it, before anything uses the tree', async () => {
    // Autolink literals need no marker: each makes a link, its text and the space after it.
    const links = (count: number) => 'www.a.uk '.repeat(count)
    assert.deepEqual((await limits(links(6000))).messages, [])
    const over = await limits(links(11_000))
    // The 20,001st node in document order (after the root and the paragraph) is the 6,667th link.
    assert.deepEqual(over.messages, [`5:${6666 * 9 + 1}: This article's Markdown has more than 20000 elements (paragraphs, list items, links, emphasis and so on) by this point, far more than any article needs, so its body was not checked. Split it into several articles, or raise \`limits.maxNodes\` in the config.`])
    assert.equal(over.tree, undefined)
    assert.deepEqual((await limits(links(11_000), {maxNodes: 40_000})).messages, [])
  })

  it('accepts ordinary articles', async () => {
    const result = await limits('> Quote\n>\n> - a\n>   - b\n>     - c **bold _and em_** [link](https://example.org)\n\n| a | b |\n| - | - |\n| 1 | 2 |')
    assert.deepEqual(result.messages, [])
    assert.ok(result.tree)
  })
})
