// The frontmatter stage: only YAML is read, nothing is ever evaluated, and what metadata never
// needs is refused with a message at its place.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {existsSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {briefOf, lintText, messagesOf} from '../helpers.js'

const at = (file: Awaited<ReturnType<typeof lintText>>) => messagesOf(file, 'frontmatter-syntax').map((m) => `${m.line}:${m.column}`)

describe('frontmatter', () => {
  it('never evaluates JavaScript frontmatter, whatever the fence spelling', async () => {
    const canary = join(tmpdir(), `healthlint-canary-${process.pid}`)
    rmSync(canary, {force: true})
    const payload = `{ title: require('fs').writeFileSync(${JSON.stringify(canary)}, 'x') || (globalThis.__healthlintEvaluated = true) }`
    for (const fence of ['---js', '---javascript', '---JavaScript', '--- js', '---JS', '---coffee', '---constructor', '---toString', '---yaml']) {
      const file = await lintText(`${fence}\n${payload}\n---\n\nText.\n`)
      assert.deepEqual(at(file), ['1:1'], fence)
      assert.equal(file.data.frontmatter, undefined, `${fence}: no data is kept`)
    }
    assert.equal(existsSync(canary), false, 'no code ran')
    assert.equal((globalThis as Record<string, unknown>).__healthlintEvaluated, undefined)
  })

  it('still checks the body below a refused fence', async () => {
    const file = await lintText('---js\n{}\n---\n')
    assert.deepEqual(briefOf(file, 'empty-article').length, 1)
  })

  it('refuses prototype keys without polluting any prototype', async () => {
    const file = await lintText('---\n__proto__:\n  polluted: true\nconstructor:\n  prototype:\n    polluted: true\n---\n\nText.\n')
    assert.deepEqual(at(file), ['2:1', '4:1', '5:3'])
    assert.equal(({} as Record<string, unknown>).polluted, undefined)
    assert.equal(file.data.frontmatter?.data, undefined)
  })

  it('refuses aliases before anything expands them (a billion-laughs bomb is instant)', async () => {
    let yaml = 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for (let level = 1; level <= 9; level++) yaml += `a${level}: &a${level} [${Array(9).fill(`*a${level - 1}`).join(',')}]\n`
    const started = performance.now()
    const file = await lintText(`---\ntitle: Bomb\n${yaml}---\n\nText.\n`)
    assert.ok(performance.now() - started < 2000)
    assert.deepEqual(briefOf(file, 'frontmatter-syntax').map((line) => line.split(' are ')[0]), [
      '3:5: YAML anchors (`&a0`)',
      '4:10: YAML aliases (`*name`)'
    ])
  })

  it('refuses merge keys and explicit tags, at the tag', async () => {
    const file = await lintText('---\ntitle: !!binary aGVsbG8=\ndescription: !include other.yaml\nbase: {a: 1}\n<<: {b: 2}\n---\n\nText.\n')
    assert.deepEqual(at(file), ['2:8', '3:14', '5:1'])
  })

  it('refuses frontmatter over the size limit before parsing it', async () => {
    const keys = Array.from({length: 2000}, (_, index) => `k${index}: v`).join('\n')
    const file = await lintText(`---\ntitle: Many\n${keys}\n---\n\nText.\n`)
    assert.deepEqual(briefOf(file, 'frontmatter-syntax').map((line) => line.split(',')[0]), ['2:1: The frontmatter is 16678 bytes'.split(',')[0]!.replace('16678', String(Buffer.byteLength(`title: Many\n${keys}\n`)))])
  })

  it('refuses deep nesting, even when the size limit is raised', async () => {
    const file = await lintText(`---\nnested: ${'['.repeat(40)}${']'.repeat(40)}\n---\n\nText.\n`)
    assert.equal(messagesOf(file, 'frontmatter-syntax').length, 1)
    assert.match(messagesOf(file, 'frontmatter-syntax')[0]!.message, /nested more than 8 levels/)
  })

  it('reports a YAML syntax error in file coordinates', async () => {
    const file = await lintText('---\ntitle: Skin\ndescription: Itchy skin.\ntags: [skin, itch\n---\n\nText.\n')
    const messages = messagesOf(file, 'frontmatter-syntax')
    assert.equal(messages.length, 1)
    assert.ok(messages[0]!.line >= 4 && messages[0]!.line <= 5, `line ${messages[0]!.line} is inside the block`)
    assert.match(messages[0]!.message, /not valid YAML/)
  })

  it('reports the same YAML error for two identical files (no parser cache)', async () => {
    const input = '---\ntitle: [unclosed\n---\n\nText.\n'
    const first = briefOf(await lintText(input), 'frontmatter-syntax')
    const second = briefOf(await lintText(input), 'frontmatter-syntax')
    assert.equal(first.length, 1)
    assert.deepEqual(second, first)
  })

  it('reports frontmatter that is a scalar, a list or empty', async () => {
    assert.deepEqual(briefOf(await lintText('---\njust a sentence\n---\n\nText.\n'), 'frontmatter-syntax').map((l) => l.slice(0, 30)), ['2:1: The frontmatter is a sing'])
    assert.deepEqual(briefOf(await lintText('---\n- a\n---\n\nText.\n'), 'frontmatter-syntax').map((l) => l.slice(0, 30)), ['2:1: The frontmatter is a list'])
    assert.deepEqual(briefOf(await lintText('---\n---\n\nText.\n'), 'frontmatter-syntax').map((l) => l.slice(0, 30)), ['2:1: The frontmatter is empty.'])
  })

  it('warns when a `---` inside a value closed the frontmatter early', async () => {
    const file = await lintText('---\ntitle: Anaemia\nsummary: |\n  Iron deficiency.\n---\n  More text.\nreviewer: nobody\n---\nBody.\n')
    assert.deepEqual(at(file), ['8:1'])
  })

  it('reports a closing fence with text after it', async () => {
    const file = await lintText('---\ntitle: x\n--- trailing\nText\n---\n\nBody.\n')
    assert.ok(at(file).includes('3:1'), at(file).join(' '))
  })

  it('keeps numbers and booleans as YAML 1.2 core types (no octal, no yes/no booleans)', async () => {
    const file = await lintText('---\na: 01234\nb: yes\nc: 2025-12-22\n---\n\nText.\n')
    const data = file.data.frontmatter?.data
    assert.equal(data?.a, 1234)
    assert.equal(data?.b, 'yes')
    assert.equal(data?.c, '2025-12-22')
  })
})
