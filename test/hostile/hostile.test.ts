// The hostile-input suite: every attack article (the shared catalogue, healthlint's own
// `extra-*` articles and the cases made at run time) through lint and build, all together and
// each alone, in this process and in a separate one. For every file: no crash, no code run, exactly the expected security findings
// at their places, a verdict even after other files failed, bounded time and memory, and a build
// that publishes only what passes, safely. Expected outcomes: ./expected.ts.
import {after, before, describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import {existsSync} from 'node:fs'
import {lstat, readFile, readdir, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {packageRoot} from '../../src/config/package-files.js'
import {lintText, runCli} from '../helpers.js'
import {assertSafeBundle, assertValidBundle, snapshot} from '../build/support.js'
import {budgetExpected, expected, securityRules} from './expected.js'
import type {Expectation, Finding} from './expected.js'
import {config, fixtures, makeBudgetProject, makeHostileProject, now, secret} from './corpus.js'
import {resolveConfig} from '../../src/config/config.js'
import {startPreview} from '../../src/preview/server.js'
import type {HostileProject} from './corpus.js'
import {slow} from '../slow.js'
import {temporaryProject} from '../project.js'
import {builtInRules} from '../../rules/index.js'

interface Report {
  path: string
  messages: Array<{ruleId?: string; severity: string; line: number; column: number; message: string}>
}

const canaries = ['HOSTILE_EVAL_CANARY', 'HOSTILE_EVAL_CANARY_2', 'HOSTILE_EVAL_CANARY_3']
const nameOf = (path: string) => path.slice(path.lastIndexOf('/') + 1)
const brief = ([ruleId, severity, line, column]: Finding) => `${ruleId} ${severity} ${line}:${column}`
const sorted = (list: string[]) => [...list].sort()

/**
 * Check one article's report against its expectation; `lines` is its line count (for bounds).
 * `alone`: the article was checked without the others, so no slug can clash.
 */
function assertVerdict(report: Report, lines: number, alone = false, expectations: Record<string, Expectation> = expected): void {
  const name = nameOf(report.path)
  const expectation = expectations[name]
  assert.ok(expectation, `${name} has an expected outcome in test/hostile/expected.ts`)
  for (const message of report.messages) {
    assert.ok(message.ruleId, `${name}: every message has a rule id (${message.message})`)
    assert.ok(message.line >= 1 && message.line <= Math.max(lines, 1) && message.column >= 1, `${name}: ${message.ruleId} at ${message.line}:${message.column} is inside the file`)
    assert.ok(!/\n\s+at /.test(message.message), `${name}: no stack trace in a message`)
  }
  const security = report.messages.filter((message) => securityRules.has(message.ruleId!)).map((message) => `${message.ruleId} ${message.severity} ${message.line}:${message.column}`)
  const findings = expectation.security.filter(([ruleId]) => !alone || ruleId !== 'duplicate-slug')
  assert.deepEqual(sorted(security), sorted(findings.map(brief)), `${name}: exactly the expected security findings`)
  const schema = report.messages.filter((message) => message.ruleId === 'frontmatter-schema').map((message) => `${message.line}:${message.column}`)
  for (const place of expectation.schema ?? []) assert.ok(schema.includes(place), `${name}: frontmatter-schema reports ${place}`)
}

async function lineCounts(project: HostileProject): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  for (const name of project.names) {
    // Only regular files: reading the FIFO would wait for a writer forever.
    const path = join(project.cwd, 'articles', name)
    const text = (await lstat(path)).isFile() ? await readFile(path, 'latin1') : ''
    counts.set(name, text.split(/\r\n|\r|\n/).length)
  }
  return counts
}

async function removeCanaries(directory: string): Promise<void> {
  for (const name of canaries) await rm(join(directory, name), {force: true})
}

function assertNoCanaries(directory: string): void {
  for (const name of canaries) assert.equal(existsSync(join(directory, name)), false, `${name} was not written: no frontmatter was evaluated`)
}

interface Spawned {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  milliseconds: number
}

/** Run `script` with node in `cwd`, killed after `timeout` ms. */
function spawnNode(script: string, argv: string[], cwd: string, env: Record<string, string>, timeout: number): Promise<Spawned> {
  const started = performance.now()
  const child = spawn(process.execPath, [script, ...argv], {cwd, env: {...process.env, ...env}, stdio: ['ignore', 'pipe', 'pipe']})
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const timer = setTimeout(() => child.kill('SIGKILL'), timeout)
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({code, signal, stdout, stderr, milliseconds: performance.now() - started})
    })
  })
}

const measured = join(packageRoot, 'build/test/hostile/run-measured.js')
const many = join(packageRoot, 'build/test/hostile/run-many.js')
const lintArgs = ['--format', 'json', '--now', now]

describe('hostile input', () => {
  let project: HostileProject
  let lines: Map<string, number>
  before(async () => {
    project = await makeHostileProject()
    lines = await lineCounts(project)
  })
  after(async () => project.remove())

  it('has an expected outcome for every hostile file, and a file for every expected outcome', async () => {
    const committed = (await readdir(fixtures)).filter((name) => name.endsWith('.md'))
    // The catalogue's 49 articles: 48 committed, and the symbolic link the project makes.
    assert.equal(committed.filter((name) => !name.startsWith('extra-')).length, 48, 'the whole shared catalogue is here')
    assert.ok(project.names.includes('symlink-escape.md'))
    const names = project.fifo ? project.names : [...project.names, 'extra-fifo.md']
    assert.deepEqual(sorted(names), sorted(Object.keys(expected)))
  })

  it('lints the whole corpus in one run: no code runs, every file gets its exact verdict', async () => {
    await removeCanaries(tmpdir())
    const started = performance.now()
    const result = await runCli(['lint', 'articles', ...lintArgs], project.cwd)
    const milliseconds = performance.now() - started
    assert.equal(result.code, 1, result.stderr)
    assert.equal(result.stderr, '')
    assertNoCanaries(tmpdir())
    assert.equal((globalThis as Record<string, unknown>).__HOSTILE_EVAL__, undefined)
    for (const key of ['polluted', 'medicallyReviewed', 'approved']) {
      assert.equal(({} as Record<string, unknown>)[key], undefined, `Object.prototype has no ${key}`)
    }
    const reports = JSON.parse(result.stdout) as Report[]
    assert.deepEqual(reports.map((report) => nameOf(report.path)), project.names, 'every file gets a verdict, in order')
    for (const report of reports) assertVerdict(report, lines.get(nameOf(report.path))!)
    assert.ok(milliseconds < 30_000, `the corpus took ${Math.round(milliseconds)} ms`)
  })

  it('reads frontmatter values as plain data: no dates, octal numbers or prototypes', async () => {
    const read = async (name: string) => (await lintText(await readFile(join(fixtures, name)), {path: `articles/${name}`})).data.frontmatter?.data
    const dates = await read('dates-as-strings.md')
    assert.equal(dates?.lastReviewed, '2025-12-22', 'dates stay strings')
    assert.equal(dates?.nextReview, '2025-02-30', 'an impossible date is kept as written, and reported')
    assert.notEqual(dates?.postcode, 668, '01234 is not read as octal')
    const confused = await read('frontmatter-delimiter-confusion.md')
    assert.deepEqual(Object.keys(confused ?? {}), ['title', 'slug', 'lastReviewed', 'summary'])
    for (const name of ['proto-pollution.md', 'frontmatter-language-prototype-key.md', 'extra-nested-constructor-prototype.md']) {
      assert.equal(await read(name), undefined, `${name}: no data is kept`)
    }
    // The same bytes twice in one process: both fail (gray-matter's cache is never used).
    const again = await lintText(await readFile(join(fixtures, 'yaml-error-cache-b.md')))
    assert.ok(again.messages.some((message) => message.ruleId === 'frontmatter-syntax'))
  })

  it('runs in bounded memory, without a stack trace, as a separate process', slow, async (t) => {
    const temp = temporaryProject({}, {prefix: 'healthlint-canary-'})
    try {
      const run = await spawnNode(measured, ['lint', 'articles', ...lintArgs], project.cwd, {TMPDIR: temp}, 120_000)
      assert.equal(run.signal, null)
      assert.equal(run.code, 1, run.stderr)
      assert.doesNotMatch(run.stderr, /\n\s+at |internal error/)
      const kilobytes = Number(/maxRSS=(\d+)/.exec(run.stderr)?.[1])
      assert.ok(kilobytes > 0 && kilobytes < 512 * 1024, `peak RSS ${Math.round(kilobytes / 1024)} MB is under 512 MB`)
      assert.deepEqual(await readdir(temp), [], 'nothing was written to TMPDIR (no canary)')
      t.diagnostic(`whole corpus (${project.names.length} files) in one process: ${Math.round(run.milliseconds)} ms, peak RSS ${Math.round(kilobytes / 1024)} MB`)
    } finally {
      await rm(temp, {recursive: true, force: true})
    }
  })

  // Each file alone, one after another in this process: the verdict without the others (no
  // slug can clash), the exit code and a time bound for each. (One process per file spent 28 s
  // of the suite starting Node; a crash or a runaway file in a process of its own is the
  // separate-process run above.)
  it('checks each file alone, well within a time limit', {timeout: 300_000}, async (t) => {
    await removeCanaries(tmpdir())
    const timings: Array<[string, number]> = []
    for (const name of project.names) {
      const started = performance.now()
      const run = await runCli(['lint', `articles/${name}`, '--no-cache', ...lintArgs], project.cwd)
      timings.push([name, performance.now() - started])
      assert.ok(run.code === 0 || run.code === 1, `${name}: exit ${run.code}, never 2: ${run.stderr}`)
      assert.doesNotMatch(run.stderr, /\n\s+at |internal error/, name)
      const [report] = JSON.parse(run.stdout) as Report[]
      assertVerdict(report!, lines.get(name)!, true)
    }
    assertNoCanaries(tmpdir())
    timings.sort((a, b) => b[1] - a[1])
    t.diagnostic(`per-file times: slowest ${timings.slice(0, 4).map(([name, ms]) => `${name} ${Math.round(ms)} ms`).join(', ')}`)
    // A generous bound, not a comparison with the others: the per-article budget stops the
    // slowest file on purpose (extra-setext-flood.md) at `limits.maxCheckMilliseconds`.
    for (const [name, ms] of timings) assert.ok(ms < 10_000, `${name} took ${Math.round(ms)} ms`)
  })

  it('builds the corpus: publishes only what passes, all of it valid and safe, and nothing else', async () => {
    const outside = await snapshot(project.cwd)
    const result = await runCli(['build', 'articles', '--out', 'dist', ...lintArgs], project.cwd)
    assert.equal(result.code, 1, result.stderr)
    const published = Object.entries(expected).filter(([, expectation]) => expectation.published).map(([name]) => name.replace(/\.md$/, ''))
    const {index, files} = await assertValidBundle(join(project.cwd, 'dist'))
    assert.deepEqual(index.articles.map((entry) => entry.slug), sorted(published))
    assertSafeBundle(files)
    for (const [path, bytes] of files) {
      assert.ok(!bytes.toString('utf8').includes(secret), `${path} holds nothing from the symbolic link's target`)
      if (!path.startsWith('articles/') || !path.endsWith('.json')) continue
      const json = JSON.parse(bytes.toString('utf8')) as {slug: string; html: string}
      for (const pattern of expected[`${json.slug}.md`]!.html ?? []) assert.match(json.html, pattern, `${json.slug}`)
    }
    // Nothing outside dist/ changed (the articles, the secret, the config), and nothing was added.
    const after = await snapshot(project.cwd)
    for (const path of after!.keys()) if (path.startsWith('dist/')) after!.delete(path)
    assert.deepEqual(after, outside)
    assert.ok(!result.stdout.includes(secret) && !result.stderr.includes(secret))
  })

  it('never follows a symbolic link, even to a valid article', async () => {
    const file = (await runCli(['lint', 'articles/symlink-escape.md', ...lintArgs], project.cwd))
    const [report] = JSON.parse(file.stdout) as Report[]
    assert.deepEqual(report!.messages.map((message) => `${message.ruleId} ${message.line}:${message.column}`), ['file-type 1:1'])
    assert.ok(!file.stdout.includes(secret))
  })

  it('applies the configured limits: raising one lets the same file through', async () => {
    const body = '> '.repeat(40) + 'Text.\n'
    const refused = await lintText(`---\ntitle: Deep\n---\n\n${body}`, {rules: config.rules})
    assert.ok(refused.messages.some((message) => message.ruleId === 'markdown-limits'))
    const allowed = await lintText(`---\ntitle: Deep\n---\n\n${body}`, {rules: config.rules, limits: {maxNestingDepth: 64}})
    assert.ok(!allowed.messages.some((message) => message.ruleId === 'markdown-limits'))
    const slow = 'a\n=\n'.repeat(4000)
    const stopped = await lintText(`---\ntitle: Slow\n---\n\n${slow}`, {limits: {maxCheckMilliseconds: 100}})
    assert.match(stopped.messages.find((message) => message.ruleId === 'markdown-limits')?.reason ?? '', /took longer than 100 ms.*raise `limits\.maxCheckMilliseconds`/)
    assert.equal(stopped.data.tree, undefined, 'the body was not checked')
  })
})

// The per-article budgets and memory caps. Print the figures with
//   npx tsc -p . && node --test --test-name-pattern='budget' build/test/hostile/hostile.test.js
describe('budget and memory cases', () => {
  let project: HostileProject
  let lines: Map<string, number>
  before(async () => {
    project = await makeBudgetProject()
    lines = await lineCounts(project)
  })
  after(async () => project.remove())

  it('has an expected outcome for every case', () => {
    assert.deepEqual(project.names, Object.keys(budgetExpected).sort())
  })

  // All the cases in one separate process (one process per case spent most of its time
  // starting Node): each run's time is its own, and the process's peak memory bounds every case.
  it('checks and builds each case under 10 s, in a separate process under 512 MB, with its exact verdict', slow, async (t) => {
    const out = (name: string) => `dist-${name.replace(/\.md$/, '')}`
    const commandLines = project.names.flatMap((name) => ['lint', 'build'].map((command) => [command, `articles/${name}`, ...(command === 'build' ? ['--out', out(name)] : []), '--no-cache', ...lintArgs]))
    const run = await spawnNode(many, [JSON.stringify(commandLines)], project.cwd, {}, 300_000)
    assert.equal(run.signal, null, 'every case finished within 300 s')
    assert.doesNotMatch(run.stderr, /\n\s+at |internal error/)
    const kilobytes = Number(/maxRSS=(\d+)/.exec(run.stderr)?.[1])
    t.diagnostic(`${commandLines.length} runs in ${Math.round(run.milliseconds)} ms, peak RSS ${Math.round(kilobytes / 1024)} MB`)
    assert.ok(kilobytes > 0 && kilobytes < 512 * 1024, `peak RSS ${Math.round(kilobytes / 1024)} MB is under 512 MB`)
    const results = JSON.parse(run.stdout) as Array<{argv: string[]; code: number; stdout: string; stderr: string; milliseconds: number}>
    assert.equal(results.length, commandLines.length)
    for (const result of results) {
      const [command, path] = result.argv as [string, string]
      const name = path.slice('articles/'.length)
      await t.test(`${command} ${name}`, async (t) => {
        try {
          assert.ok(result.code === 0 || result.code === 1, `${command} ${name}: exit ${result.code}: ${result.stderr}`)
          assert.doesNotMatch(result.stderr, /\n\s+at |internal error/, name)
          t.diagnostic(`${command} ${name}: ${Math.round(result.milliseconds)} ms`)
          assert.ok(result.milliseconds < 10_000, `${command} ${name} took ${Math.round(result.milliseconds)} ms`)
          const [report] = JSON.parse(result.stdout) as Report[]
          assertVerdict(report!, lines.get(name)!, true, budgetExpected)
          if (command === 'build') {
            const expectation = budgetExpected[name]!
            const json = join(project.cwd, out(name), 'articles', name.replace(/\.md$/, '.json'))
            assert.equal(existsSync(json), expectation.published === true, `${name} is ${expectation.published ? '' : 'not '}published`)
            if (expectation.published) {
              const {html} = JSON.parse(await readFile(json, 'utf8')) as {html: string}
              for (const pattern of expectation.html ?? []) assert.match(html, pattern, name)
            }
          }
        } finally {
          if (command === 'build') await rm(join(project.cwd, out(name)), {recursive: true, force: true})
        }
      })
    }
  })

  it('previews 8,000 identical headings without holding up the server: the render is linear and within the budget', async (t) => {
    const path = 'articles/extra-heading-flood.md'
    const server = await startPreview({cwd: project.cwd, config: resolveConfig({rules: config.rules}, {rules: builtInRules}), now, paths: [path], watch: false})
    try {
      const url = `${server.url}article/${encodeURIComponent(path)}`
      const started = performance.now()
      const response = await fetch(url)
      const html = await response.text()
      const milliseconds = performance.now() - started
      assert.equal(response.status, 200)
      assert.match(html, /<h2 id="user-content-side-effects-7999">Side effects<\/h2>/, 'the whole article is shown')
      t.diagnostic(`preview of extra-heading-flood.md: ${Math.round(milliseconds)} ms`)
      assert.ok(milliseconds < 8000, `the page took ${Math.round(milliseconds)} ms`)
      const again = performance.now()
      assert.equal(await (await fetch(url)).text(), html, 'the same page again')
      assert.ok(performance.now() - again < 8000)
    } finally {
      await server.close()
    }
  })
})
