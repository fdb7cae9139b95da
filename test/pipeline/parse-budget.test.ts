// The parse budget: the tree is the parser's own, a parse over its budget is stopped, and the
// next article is parsed as usual (the stop does not leak into it).
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {parseWithin} from '../../src/pipeline/parse-budget.js'
import {parseMarkdown} from '../../src/pipeline/markdown.js'

describe('parsing with a time budget', () => {
  it('returns the same tree, positions included, as parsing without a budget', () => {
    const body = '# Title\n\nSome *text* with [a link](https://www.nhs.uk) and a footnote.[^1]\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n[^1]: Note.\n'
    const outcome = parseWithin(body, 5000)
    assert.ok(outcome.ok)
    assert.deepEqual(outcome.tree, parseMarkdown(body))
  })

  it('stops a parse over its budget, then parses the next body as usual', () => {
    const started = performance.now()
    const slow = parseWithin('a\n=\n'.repeat(16_000), 300)
    const elapsed = performance.now() - started
    assert.deepEqual(slow, {ok: false, reason: 'time'})
    assert.ok(elapsed < 3000, `stopped after ${Math.round(elapsed)} ms`)
    const next = parseWithin('Text.\n', 5000)
    assert.ok(next.ok && next.tree.children[0]?.type === 'paragraph')
  })
})
