// `lint --fix`: on the fixture with one case of every fixable rule (its expected output next to
// it, as an editor would write it), on a copy of the seed article, and at the edges: a second run
// changes nothing, positions in what is left are right, symbolic links and other commands are
// refused, the file mode is kept, and fixes show in the JSON and SARIF reports.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {chmod, copyFile, readFile, readdir, stat, symlink} from 'node:fs/promises'
import {join} from 'node:path'
import {packageRoot} from '../../src/config/package-files.js'
import {runCli} from '../helpers.js'
import {temporaryProject} from '../project.js'

const fixtures = join(packageRoot, 'test', 'fixtures', 'fix')
const now = ['--now', '2026-01-15', '--no-cache']

async function project(files: Record<string, string>): Promise<string> {
  return temporaryProject(Object.fromEntries([['articles/', ''], ...Object.entries(files).map(([name, text]) => [`articles/${name}`, text])]), {prefix: 'healthlint-fix-'})
}

describe('lint --fix', () => {
  it('fixes one case of every fixable rule as an editor would, and nothing else', async () => {
    const cwd = await project({'sprained-ankle.md': await readFile(join(fixtures, 'sprained-ankle.md'), 'utf8')})
    const result = await runCli(['lint', '--fix', '--format', 'json', ...now], cwd)
    const fixed = await readFile(join(cwd, 'articles', 'sprained-ankle.md'), 'utf8')
    assert.equal(fixed, await readFile(join(fixtures, 'sprained-ankle.expected.md'), 'utf8'))
    // Every change is reported on stderr, with its position, the old and new text and the rule.
    const changes = result.stderr.split('\n').filter((line) => line.startsWith('  '))
    assert.equal(changes.length, 10)
    assert.ok(changes.includes('  17:1  “Don\'t” → “Do not”  no-negative-contractions'))
    assert.ok(changes.includes('  21:5  “color” → “colour”  uk-spelling'))
    assert.match(result.stderr, /--fix made 10 changes in 1 article\.\n$/)
    // The report is of the fixed file: what is left points at the right words.
    const [report] = JSON.parse(result.stdout) as Array<{messages: Array<{ruleId: string; line: number; column: number; endColumn: number; fix?: unknown}>}>
    const left = report!.messages.filter((message) => message.ruleId === 'no-negative-contractions')
    assert.equal(left.length, 1)
    const line = fixed.split('\n')[left[0]!.line - 1]!
    assert.equal(line.slice(left[0]!.column - 1, left[0]!.endColumn - 1), 'can\'t')
    assert.equal(left[0]!.fix, undefined, 'quoted speech has no fix')
    assert.ok(report!.messages.every((message) => message.fix === undefined), 'nothing fixable is left')
  })

  it('changes nothing the second time', async () => {
    const expected = await readFile(join(fixtures, 'sprained-ankle.expected.md'), 'utf8')
    const cwd = await project({'sprained-ankle.md': expected})
    const result = await runCli(['lint', '--fix', ...now], cwd)
    assert.equal(await readFile(join(cwd, 'articles', 'sprained-ankle.md'), 'utf8'), expected)
    assert.equal(result.stderr, 'healthlint: nothing to fix.\n')
    assert.deepEqual((await readdir(join(cwd, 'articles'))).sort(), ['sprained-ankle.md'], 'no temporary file is left')
  })

  it('leaves a copy of the seed article as it is, and reports it as lint does', async () => {
    const seed = await readFile(join(packageRoot, 'articles', 'lower-back-pain.md'), 'utf8')
    const cwd = await project({'lower-back-pain.md': seed})
    const fixedRun = await runCli(['lint', '--fix', ...now], cwd)
    assert.equal(await readFile(join(cwd, 'articles', 'lower-back-pain.md'), 'utf8'), seed)
    const plainRun = await runCli(['lint', ...now], cwd)
    assert.equal(fixedRun.stdout, plainRun.stdout)
    assert.equal(fixedRun.code, plainRun.code)
  })

  it('keeps the file mode and a byte order mark, and fixes CRLF files in place', async () => {
    const text = (await readFile(join(fixtures, 'sprained-ankle.md'), 'utf8')).replaceAll('\n', '\r\n')
    const cwd = await project({'a.md': '\ufeff' + text})
    const path = join(cwd, 'articles', 'a.md')
    await chmod(path, 0o640)
    await runCli(['lint', '--fix', ...now], cwd)
    const fixed = await readFile(path, 'utf8')
    const expected = (await readFile(join(fixtures, 'sprained-ankle.expected.md'), 'utf8')).replaceAll('\n', '\r\n')
    assert.equal(fixed, '\ufeff' + expected)
    assert.equal((await stat(path)).mode & 0o777, 0o640)
  })

  it('refuses to write through a symbolic link', async () => {
    const cwd = await project({})
    const outside = join(cwd, 'outside.md')
    await copyFile(join(fixtures, 'sprained-ankle.md'), outside)
    await symlink(outside, join(cwd, 'articles', 'link.md'))
    await runCli(['lint', '--fix', ...now], cwd)
    assert.equal(await readFile(outside, 'utf8'), await readFile(join(fixtures, 'sprained-ankle.md'), 'utf8'))
  })

  it('does not fix what an inline comment suppressed', async () => {
    const text = '---\ntitle: Placeholder\n---\n\n<!-- healthlint-disable-next-line no-negative-contractions -- a quoted sign -->\nDon\'t walk.\n\nDon\'t run.\n'
    const cwd = await project({'a.md': text})
    await runCli(['lint', '--fix', ...now], cwd)
    assert.equal(await readFile(join(cwd, 'articles', 'a.md'), 'utf8'), text.replace('Don\'t run', 'Do not run'))
  })

  it('is refused with other commands and with --watch', async () => {
    const cwd = await project({})
    for (const [argv, pattern] of [[['build', '--fix'], /`healthlint build` does not take --fix: it is an option of `lint`/], [['lint', '--fix', '--watch'], /--watch cannot be combined with --fix/]] as const) {
      const result = await runCli([...argv], cwd)
      assert.equal(result.code, 2)
      assert.match(result.stderr, pattern)
    }
  })

  it('keeps fixes through the cache: a cached run reports them, and --fix applies them', async () => {
    const cwd = await project({'a.md': '---\ntitle: Placeholder\n---\n\nDon\'t rush.\n'})
    const cold = await runCli(['lint', '--format', 'json', '--now', '2026-01-15'], cwd)
    const warm = await runCli(['lint', '--format', 'json', '--now', '2026-01-15'], cwd)
    assert.equal(warm.stdout, cold.stdout)
    assert.match(warm.stdout, /"fix":\{"range":\[28,33\]/)
    await runCli(['lint', '--fix', '--now', '2026-01-15'], cwd)
    assert.equal(await readFile(join(cwd, 'articles', 'a.md'), 'utf8'), '---\ntitle: Placeholder\n---\n\nDo not rush.\n')
  })

  it('shows each fix in the JSON and SARIF reports', async () => {
    const cwd = await project({'a.md': '---\ntitle: Placeholder\n---\n\nDon\'t rush.\n'})
    const json = JSON.parse((await runCli(['lint', '--format', 'json', ...now], cwd)).stdout) as Array<{messages: Array<{ruleId: string; fix?: unknown}>}>
    const message = json[0]!.messages.find((item) => item.ruleId === 'no-negative-contractions')
    assert.deepEqual(message?.fix, {range: [28, 33], line: 5, column: 1, endLine: 5, endColumn: 6, text: 'Do not'})
    const sarif = JSON.parse((await runCli(['lint', '--format', 'sarif', ...now], cwd)).stdout) as {runs: Array<{results: Array<{ruleId: string; fixes?: unknown}>}>}
    const result = sarif.runs[0]!.results.find((item) => item.ruleId === 'no-negative-contractions')
    assert.deepEqual(result?.fixes, [{
      description: {text: 'Replace with “Do not”.'},
      artifactChanges: [{
        artifactLocation: {uri: 'articles/a.md', uriBaseId: '%SRCROOT%', index: 0},
        replacements: [{deletedRegion: {startLine: 5, startColumn: 1, endLine: 5, endColumn: 6}, insertedContent: {text: 'Do not'}}]
      }]
    }])
  })
})
