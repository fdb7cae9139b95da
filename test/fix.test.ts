// applyFixes: bottom to top, never two that overlap, nothing outside the text.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {applyFixes, isFix} from '../src/rule-kit/fix.js'
import type {Fix} from '../src/rule-kit/fix.js'

const fix = (start: number, end: number, text: string): Fix => ({start: {line: 1, column: start + 1, offset: start}, end: {line: 1, column: end + 1, offset: end}, text})

describe('applyFixes', () => {
  it('applies fixes in any order, each at the text it was made for', () => {
    const {text, applied} = applyFixes("Don't rush, e.g. walk.", [fix(12, 16, 'for example,'), fix(0, 5, 'Do not')])
    assert.equal(text, 'Do not rush, for example, walk.')
    assert.deepEqual(applied.map((item) => item.before), ["Don't", 'e.g.'])
  })

  it('leaves out a fix that overlaps one applied, a repeat, and one past the end', () => {
    const {text, applied} = applyFixes('two-four', [fix(0, 8, '2 to 4'), fix(4, 8, '4'), fix(0, 8, '2 to 4'), fix(6, 20, 'x')])
    assert.equal(text, 'two-4')
    assert.equal(applied.length, 1)
  })

  it('skips a fix that changes nothing', () => {
    assert.deepEqual(applyFixes('colour', [fix(0, 6, 'colour')]), {text: 'colour', applied: []})
  })

  it('recognises a well-formed fix only', () => {
    assert.ok(isFix(fix(0, 1, 'a')))
    assert.ok(!isFix({start: {line: 1, column: 1, offset: 5}, end: {line: 1, column: 1, offset: 2}, text: 'a'}))
    assert.ok(!isFix({start: {line: 1, column: 1}, end: {line: 1, column: 2, offset: 1}, text: 'a'}))
    assert.ok(!isFix(null))
  })
})
