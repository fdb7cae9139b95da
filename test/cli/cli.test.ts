// The CLI, run in-process through `main` and as a spawned `node bin/healthlint.js`: exit codes,
// formats, options and determinism.
import {describe, it, before} from 'node:test'
import assert from 'node:assert/strict'
import {execFile} from 'node:child_process'
import {writeFile, readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {promisify} from 'node:util'
import {packageRoot} from '../../src/config/package-files.js'
import {runCli, testRules} from '../helpers.js'
import {slow} from '../slow.js'
import {temporaryProject} from '../project.js'

const run = promisify(execFile)

let cwd: string
// The real article has no errors and one warning (its red-flags section names no urgent action)
// on this date; the rules that read the body are switched off where a test needs a quiet article.
const now = ['--now', '2026-03-01']
const quietBody = {rules: testRules(Object.fromEntries(['red-flags-urgent-action', 'readability', 'hard-sentence', 'plain-english', 'expand-abbreviations'].map((id) => [id, 'off'])))}

before(async () => {
  const real = await readFile(join(packageRoot, 'articles', 'lower-back-pain.md'), 'utf8')
  cwd = temporaryProject({
    'articles/broken.md': real.replace('category: musculoskeletal', 'category: Musculoskeletal'),
    'articles/empty.md': '',
    'articles/clean.md': real,
    'bad-config.json': '{"rules": {"no-such-rule": "error"}}',
    'quiet.json': JSON.stringify(quietBody)
  })
})

describe('healthlint (in-process)', () => {
  it('exits 0 when there are no errors', async () => {
    const result = await runCli(['lint', 'articles/clean.md', '--config', 'quiet.json', ...now], cwd)
    assert.equal(result.code, 0)
    // The safety rule the config turns off is named above the totals, with the config's reason.
    assert.equal(
      result.stdout,
      'articles/clean.md\n  reading age 14–16 (Flesch–Kincaid 8.8, SMOG 10.5); 69 sentences\n\n' +
        '⚠ 1 safety rule is changed by quiet.json; a clinical owner should review this change:\n' +
        '  Safety rule `red-flags-urgent-action` is turned off (its default is warning) by quiet.json. Reason given: “a test looks at other rules alone”.\n' +
        '✔ 1 article checked: no problems\n'
    )
    const warned = await runCli(['lint', 'articles/clean.md', ...now], cwd)
    assert.equal(warned.code, 0)
    assert.match(warned.stdout, /articles\/clean\.md:35:1 {2}warning {2}.* {2}red-flags-urgent-action\n/)
  })

  it('exits 1 on errors, checks every article, and reports file:line:column with the rule id', async () => {
    const result = await runCli(['lint', '--config', 'quiet.json', ...now], cwd)
    assert.equal(result.code, 1)
    assert.match(result.stdout, /articles\/broken\.md:4:11 {2}error {4}`category` must be .* {2}frontmatter-schema/)
    assert.match(result.stdout, /articles\/empty\.md:1:1 {2}error {4}This file is empty/)
    assert.match(result.stdout, /✖ 2 errors, 0 warnings in 3 articles checked \(2 with errors\)\n$/)
  })

  it('writes the JSON contract: files in order, messages sorted, stable keys', async () => {
    const result = await runCli(['lint', 'articles/empty.md', 'articles/broken.md', '--format', 'json', '--config', 'quiet.json', ...now], cwd)
    assert.equal(result.code, 1)
    const report = JSON.parse(result.stdout) as Array<{path: string; messages: Array<Record<string, unknown>>}>
    assert.deepEqual(report.map((file) => file.path), ['articles/empty.md', 'articles/broken.md'])
    const [message] = report[1]!.messages
    assert.deepEqual(Object.keys(message!).slice(0, 7), ['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn'])
    assert.deepEqual({...message, message: undefined, url: undefined}, {ruleId: 'frontmatter-schema', severity: 'error', message: undefined, line: 4, column: 11, endLine: 4, endColumn: 26, url: undefined})
  })

  it('--quiet shows errors only; --max-warnings turns warnings into a failure', async () => {
    await writeFile(join(cwd, 'warn.json'), JSON.stringify({rules: testRules({...quietBody.rules, 'frontmatter-schema': 'warning', 'empty-article': 'warning'})}))
    const warned = await runCli(['lint', '--config', 'warn.json', ...now], cwd)
    assert.equal(warned.code, 0)
    assert.match(warned.stdout, /0 errors, 2 warnings/)
    const quiet = await runCli(['lint', '--config', 'warn.json', '--quiet', ...now], cwd)
    const [overrides, totals] = [quiet.stdout.slice(0, quiet.stdout.lastIndexOf('✔')), quiet.stdout.slice(quiet.stdout.lastIndexOf('✔'))]
    assert.equal(totals, '✔ 3 articles checked: no problems\n', 'the readability summary is left out too')
    assert.match(overrides, /^⚠ 3 safety rules are changed by warn\.json.*\n(  Safety rule .*\n){3}$/, 'changed safety rules are shown even with --quiet')
    assert.equal((await runCli(['lint', '--config', 'warn.json', '--max-warnings', '1', ...now], cwd)).code, 1)
    assert.equal((await runCli(['lint', '--config', 'warn.json', '--max-warnings', '2', ...now], cwd)).code, 0)
  })

  it('exits 2 for usage and configuration problems, with a clear message', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['lint', 'articles/nope.md'], /No such file or directory: articles\/nope\.md/],
      [['lint', 'nope/**/*.md'], /No such file or directory: nope\/\*\*\/\*\.md/],
      [['lint', '--now', '2026-02-30'], /--now must be a real date/],
      [['lint', '--format', 'xml'], /unknown --format `xml`/],
      [['lint', '--config', 'bad-config.json'], /there is no rule `no-such-rule`/],
      [['lint', '--max-warnings', 'many'], /--max-warnings must be a whole number/],
      [['lint', '--bogus'], /unknown option --bogus for `healthlint lint`/],
      [['publish'], /unknown command `publish`/]
    ]
    for (const [argv, pattern] of cases) {
      const result = await runCli(argv, cwd)
      assert.equal(result.code, 2, argv.join(' '))
      assert.match(result.stderr, pattern, argv.join(' '))
      assert.equal(result.stdout, '', argv.join(' '))
    }
  })

  it('expands globs and directories once each, in order', async () => {
    const result = await runCli(['lint', 'articles/*.md', 'articles/', '--format', 'json'], cwd)
    assert.deepEqual((JSON.parse(result.stdout) as Array<{path: string}>).map((file) => file.path), ['articles/broken.md', 'articles/clean.md', 'articles/empty.md'])
  })

  it('prints help and the version', async () => {
    const help = await runCli(['--help'], cwd)
    assert.equal(help.code, 0)
    assert.match(help.stdout, /^Usage: healthlint <command>/)
    const version = await runCli(['--version'], cwd)
    const pkg = JSON.parse(await readFile(join(packageRoot, 'package.json'), 'utf8')) as {version: string; bin: Record<string, string>}
    assert.equal(version.stdout, `${pkg.version}\n`)
    // What `npx healthlint` runs: the spawned tests below run the same file directly.
    assert.deepEqual(pkg.bin, {healthlint: 'bin/healthlint.js'})
  })

  it('is deterministic: the same inputs and --now give byte-identical output', async () => {
    const first = await runCli(['lint', '--format', 'json', '--now', '2026-11-27'], cwd)
    const second = await runCli(['lint', '--format', 'json', '--now', '2026-11-27'], cwd)
    assert.equal(first.stdout, second.stdout)
  })
})

// As a separate process, the way `npx healthlint` runs it (npx only finds bin/healthlint.js, and
// starting npm itself took 1–2 s a call): the executable, its exit codes and its streams.
describe('healthlint (spawned as a process)', slow, () => {
  const spawned = (args: string[]) =>
    run(process.execPath, [join(packageRoot, 'bin', 'healthlint.js'), ...args], {cwd: packageRoot, env: {...process.env, NO_COLOR: '1'}}).then(
      (result) => ({code: 0, ...result}),
      (error: {code: number; stdout: string; stderr: string}) => error
    )

  it('prints the version', async () => {
    const result = await spawned(['--version'])
    assert.equal(result.code, 0)
    assert.match(result.stdout, /^\d+\.\d+\.\d+\n$/)
  })

  it('lints articles/ (exit 0) and the unfixed seed fixture (exit 1), in both formats', async () => {
    const clean = await spawned(['lint', 'articles/', '--now', '2026-11-27'])
    assert.equal(clean.code, 0, clean.stdout + clean.stderr)
    const json = await spawned(['lint', 'test/fixtures/', '--format', 'json', '--now', '2026-11-27'])
    assert.equal(json.code, 1)
    assert.ok(Array.isArray(JSON.parse(json.stdout)))
  })

  it('exits 2 for a missing path', async () => {
    const result = await spawned(['lint', 'no/such/dir'])
    assert.equal(result.code, 2)
    assert.match(result.stderr, /No such file or directory/)
  })
})
