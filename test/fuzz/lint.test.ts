// Property-based fuzzing of lint: random frontmatter and Markdown, random bytes and random edits
// of real articles. Whatever the input, lint returns (never throws), and every message has a
// rule id and a position inside the file. Seed and run count: ./arbitraries.ts.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import type {VFile} from 'vfile'
import {lintText} from '../helpers.js'
import {article, bytes, header, mutatedBody, parameters, sampleBodies} from './arbitraries.js'

const decoder = new TextDecoder()

/**
 * Every message has a rule id and a position inside `input`. Lines end at LF or CRLF, as in the
 * pipeline: a bare CR is refused (the `encoding` rule), so it does not end a line.
 */
function assertPositioned(file: VFile, input: string | Uint8Array): void {
  const text = typeof input === 'string' ? input.replace(/^\ufeff/, '') : decoder.decode(input)
  const lines = text.split(/\r?\n/)
  for (const message of file.messages) {
    const where = `${message.ruleId}: ${message.reason}`
    assert.equal(typeof message.ruleId, 'string', where)
    assert.ok(message.ruleId!.length > 0, where)
    assert.ok(Number.isInteger(message.line) && message.line! >= 1 && message.line! <= lines.length, `${where} at line ${message.line} of ${lines.length}`)
    assert.ok(Number.isInteger(message.column) && message.column! >= 1 && message.column! <= lines[message.line! - 1]!.length + 1, `${where} at column ${message.column}`)
  }
}

const brief = (file: VFile) => file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`)

describe('fuzzing lint', () => {
  it('never throws on random articles, and positions every message; the same input gives the same messages', async () => {
    await fc.assert(fc.asyncProperty(article, async (input) => {
      const file = await lintText(input)
      assertPositioned(file, input)
      assert.deepEqual(brief(await lintText(input)), brief(file))
    }), parameters(300))
  })

  it('never throws on random bytes', async () => {
    await fc.assert(fc.asyncProperty(bytes, async (input) => {
      assertPositioned(await lintText(input), input)
    }), parameters(300))
  })

  it('never throws on random edits of real articles', async () => {
    const bodies = sampleBodies()
    assert.equal(bodies.length, 20)
    await fc.assert(fc.asyncProperty(mutatedBody(bodies), async (body) => {
      const input = header + body
      assertPositioned(await lintText(input), input)
    }), parameters(150))
  })
})
