// The health-content rules on the real article and on the seed as first converted (before the
// red-flags heading was added), through the real CLI.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {packageRoot} from '../../src/config/package-files.js'
import {lintText, messagesOf, runCli} from '../helpers.js'

interface JsonFile {
  path: string
  messages: Array<{ruleId: string; severity: string; line: number; column: number; message: string}>
}

describe('the real article', () => {
  it('passes the main job with warnings only', async () => {
    const result = await runCli(['lint', 'articles/', '--now', '2026-11-27', '--format', 'json'], packageRoot)
    assert.equal(result.code, 0, result.stdout + result.stderr)
    const [file] = JSON.parse(result.stdout) as JsonFile[]
    assert.equal(file?.path, 'articles/lower-back-pain.md')
    assert.deepEqual(file.messages.filter((message) => message.severity === 'error'), [])
    // What the linter still asks of the clinical team: an action for the red flags, and the review due on 2026-12-22.
    const health = new Set(['require-red-flags', 'red-flags-urgent-action', 'require-seek-review', 'require-disclaimer', 'require-reviewer', 'review-date'])
    assert.deepEqual(file.messages.filter((message) => health.has(message.ruleId)).map((message) => `${message.line}:${message.column} ${message.ruleId}`), ['5:15 review-date', '35:1 red-flags-urgent-action'])
  })

  it('finds every section the health rules look for', async () => {
    const text = await readFile(join(packageRoot, 'articles', 'lower-back-pain.md'), 'utf8')
    const file = await lintText(text, {path: 'articles/lower-back-pain.md', now: '2026-03-01'})
    const health = ['require-red-flags', 'require-seek-review', 'require-disclaimer', 'require-reviewer', 'review-date']
    assert.deepEqual(messagesOf(file).filter((message) => health.includes(message.ruleId)), [])
  })
})

describe('the seed without its red-flags heading', () => {
  it('fails, with require-red-flags at the list', async () => {
    const result = await runCli(['lint', 'test/fixtures/lower-back-pain.unfixed.md', '--now', '2026-11-27', '--format', 'json'], packageRoot)
    assert.equal(result.code, 1)
    const [file] = JSON.parse(result.stdout) as JsonFile[]
    const errors = file!.messages.filter((message) => message.severity === 'error')
    assert.deepEqual(errors.map((message) => `${message.line}:${message.column} ${message.ruleId}`), ['36:1 require-red-flags'])
    assert.match(errors[0]!.message, /"Loss of bladder or bowel control"/)
  })

  it('passes once the heading is added above the list, as in articles/', async () => {
    const text = await readFile(join(packageRoot, 'test', 'fixtures', 'lower-back-pain.unfixed.md'), 'utf8')
    const lines = text.split('\n')
    assert.equal(lines[35], '- Loss of bladder or bowel control')
    lines.splice(35, 0, '### Red flag symptoms', '')
    const file = await lintText(lines.join('\n'), {path: 'test/fixtures/lower-back-pain.unfixed.md', now: '2026-11-27'})
    assert.deepEqual(messagesOf(file).filter((message) => message.severity === 'error'), [])
  })
})
