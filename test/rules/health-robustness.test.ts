// The health-content rules never throw, and every message they give has a position inside the
// file, whatever Markdown and frontmatter they are given.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import {lintText, messagesOf} from '../helpers.js'

const health = new Set(['require-red-flags', 'red-flags-urgent-action', 'require-seek-review', 'require-disclaimer', 'require-reviewer', 'review-date'])
const pieces = [
  '# Title', '## Red flags', '### Urgent advice', '## When to see a GP', '## ', '#', '- ', '  - ', '> ', '1. ', '**', '*', '`',
  'Chest pain', 'Fever', 'Severe', '999', 'A&E', 'Last reviewed by ', 'Dr Jane Smith', ', GMC registered GP', 'Updated: ',
  '22 December 2025', '31/02/2025', 'not a substitute for', 'educational', '\n', '\n\n', '  \n', '|a|b|\n|-|-|\n', '<br>', '\t', '’'
]
const frontmatters = [
  '', '---\n---\n', '---\nlastReviewed: 2025-12-22\nreviewedBy:\n  name: Dr Jane Smith\n  credential: GP\n---\n',
  '---\nlastReviewed: [1, 2]\nreviewedBy: 7\nnextReview: 2020-01-01\n---\n', '---\nreviewedBy:\n  name: null\n---\n', '---\nlastReviewed: 2030-01-01\n---\n'
]

describe('the health-content rules on arbitrary input', () => {
  it('never throw and always report inside the file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...frontmatters), fc.array(fc.constantFrom(...pieces), {maxLength: 40}), async (frontmatter, body) => {
        const input = frontmatter + body.join('')
        const file = await lintText(input, {now: '2026-03-01'})
        const lines = input.split('\n').length
        for (const message of messagesOf(file).filter((m) => health.has(m.ruleId))) {
          assert.ok(message.line >= 1 && message.line <= lines && message.column >= 1, `${message.ruleId} at ${message.line}:${message.column}`)
        }
      }),
      {numRuns: 300, seed: 20261127}
    )
  })
})
