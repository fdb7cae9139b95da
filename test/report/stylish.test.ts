// `--format stylish` in colour (util.styleText) and without: the same text, and in colour each
// style is switched on and off again around its own words only.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {VFile} from 'vfile'
import {formatStylish, formatTotals} from '../../src/report/stylish.js'
import {emptyTotals, addToTotals} from '../../src/report/messages.js'
import {addMessage} from '../ci-project.js'

const file = new VFile({path: 'articles/a.md', value: 'x'})
addMessage(file, 'error', 'frontmatter-schema', 'Write a title.', 2, 1)
addMessage(file, 'warning', 'plain-english', 'Use a plainer word.', 5, 3)
addMessage(file, 'info', 'readability', 'A note.', 7, 1)
const totals = emptyTotals()
addToTotals(totals, file)

describe('stylish', () => {
  it('writes plain text without colour', () => {
    assert.equal(
      formatStylish(file, {quiet: false, color: false}) + formatTotals(totals, {quiet: false, color: false}),
      'articles/a.md\n' +
        '  articles/a.md:2:1  error    Write a title.  frontmatter-schema\n' +
        '  articles/a.md:5:3  warning  Use a plainer word.  plain-english\n' +
        '  articles/a.md:7:1  info     A note.  readability\n\n' +
        '✖ 1 error, 1 warning in 1 article checked (1 with errors)\n'
    )
  })

  it('colours the path, each severity and rule id, closing every style it opens', () => {
    const coloured = formatStylish(file, {quiet: false, color: true}) + formatTotals(totals, {quiet: false, color: true})
    assert.equal(
      coloured,
      '\u001B[4marticles/a.md\u001B[24m\n' +
        '  articles/a.md:2:1  \u001B[31merror  \u001B[39m  Write a title.  \u001B[90mfrontmatter-schema\u001B[39m\n' +
        '  articles/a.md:5:3  \u001B[33mwarning\u001B[39m  Use a plainer word.  \u001B[90mplain-english\u001B[39m\n' +
        '  articles/a.md:7:1  \u001B[36minfo   \u001B[39m  A note.  \u001B[90mreadability\u001B[39m\n\n' +
        '\u001B[31m✖\u001B[39m 1 error, 1 warning in 1 article checked (1 with errors)\n'
    )
    // Without its escapes, the coloured report is the plain one.
    assert.equal(coloured.replace(/\u001B\[\d+m/g, ''), formatStylish(file, {quiet: false, color: false}) + formatTotals(totals, {quiet: false, color: false}))
    assert.equal(formatTotals(emptyTotals(), {quiet: false, color: true}), '\u001B[32m✔\u001B[39m 0 articles checked: no problems\n')
  })
})
