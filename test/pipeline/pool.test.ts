// Analysis on worker threads (src/pipeline/pool.ts, worker.ts): the same output, byte for byte,
// whatever the number of workers, in every report format and in the bundle; the cache, the time
// budget and --fix still work; a worker that dies loses no article.
import {describe, it, before, after} from 'node:test'
import assert from 'node:assert/strict'
import {copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {VFile} from 'vfile'
import {packageRoot} from '../../src/config/package-files.js'
import {resolveConfig} from '../../src/config/config.js'
import {builtInRules} from '../../rules/index.js'
import {lint} from '../../src/pipeline/lint.js'
import {twoCoreCrossover, workerCrossover, workersFor} from '../../src/pipeline/pool.js'
import {formatNames} from '../../src/report/formats.js'
import {formatFiles, runCli} from '../helpers.js'
import {withHealthlintFrontmatter} from '../bench/medquad.js'
import {fixtures as hostileFixtures, generated as hostileGenerated, header} from '../hostile/corpus.js'
import {snapshot} from '../build/support.js'

const now = '2026-03-01'
const medquad = join(packageRoot, 'test/fixtures/medquad-sample')

/**
 * A project of real and hostile articles: the seed, the MedQuAD sample as it is and with
 * healthlint frontmatter, every committed hostile article and those made at run time (except
 * the one that only the time budget stops, which has a test of its own below).
 */
async function makeMixedProject(): Promise<string> {
  const cwd = await mkdtemp(join(tmpdir(), 'healthlint-pool-'))
  const articles = join(cwd, 'articles')
  await mkdir(articles)
  await copyFile(join(packageRoot, 'articles', (await readdir(join(packageRoot, 'articles')))[0]!), join(articles, 'seed.md'))
  for (const name of (await readdir(medquad)).filter((name) => name.endsWith('.md') && name !== 'SOURCE-medquad.md')) {
    const text = await readFile(join(medquad, name), 'utf8')
    await writeFile(join(articles, `medquad-${name}`), text)
    await writeFile(join(articles, `generated-${name}`), withHealthlintFrontmatter(text))
  }
  for (const name of (await readdir(hostileFixtures)).filter((name) => name.endsWith('.md'))) await copyFile(join(hostileFixtures, name), join(articles, `hostile-${name}`))
  for (const [name, bytes] of Object.entries(hostileGenerated())) if (name !== 'extra-setext-flood.md') await writeFile(join(articles, `hostile-${name}`), bytes)
  return cwd
}

async function lintAll(cwd: string, jobs: number, extra: Parameters<typeof lint>[1] extends infer T ? Partial<T> : never = {}): Promise<VFile[]> {
  const config = resolveConfig({}, {rules: builtInRules, root: cwd})
  const files: VFile[] = []
  for await (const file of lint(['articles/'], {cwd, config, now, jobs, ...extra})) files.push(file)
  return files
}

describe('workersFor', () => {
  it('analyses on the main thread with --jobs 1, and on N workers with --jobs N', () => {
    assert.equal(workersFor(1, 5000, 4), 0)
    assert.equal(workersFor(3, 5000, 2), 3)
    // Never more workers than articles.
    assert.equal(workersFor(4, 2, 8), 2)
  })
  it('uses a worker on every core but one for auto, when that is 2 or more and there are enough articles, and two on 2 cores for large runs', () => {
    assert.equal(workersFor('auto', 5000, 1), 0)
    // On 2 cores, two workers only for large runs.
    assert.equal(workersFor('auto', twoCoreCrossover - 1, 2), 0)
    assert.equal(workersFor('auto', twoCoreCrossover, 2), 2)
    assert.equal(workersFor('auto', workerCrossover - 1, 4), 0)
    assert.equal(workersFor('auto', workerCrossover, 3), 2)
    assert.equal(workersFor('auto', 5000, 4), 3)
  })
})

describe('analysis on worker threads', () => {
  let cwd: string
  let sequential: VFile[]
  before(async () => {
    cwd = await makeMixedProject()
    sequential = await lintAll(cwd, 1)
  })
  after(() => rm(cwd, {recursive: true, force: true}))

  it('reports every format byte for byte as one thread does, with 2 and 3 workers', async () => {
    assert.ok(sequential.length >= 100, `${sequential.length} articles`)
    assert.ok(sequential.some((file) => file.messages.some((message) => message.fatal === true)))
    for (const jobs of [2, 3]) {
      const pooled = await lintAll(cwd, jobs)
      assert.deepEqual(pooled.map((file) => file.path), sequential.map((file) => file.path))
      for (const format of formatNames) {
        assert.equal(formatFiles(format, pooled, {cwd}), formatFiles(format, sequential, {cwd}), `${format}, ${jobs} workers`)
      }
    }
  })

  it('gives the same CLI output, job summary and exit code with --jobs 1 and --jobs 2', async () => {
    const results = []
    for (const jobs of ['1', '2']) {
      const summary = `summary-${jobs}.md`
      const result = await runCli(['lint', '--no-cache', '--now', now, '--format', 'sarif', '--summary', summary, '--jobs', jobs], cwd)
      results.push({...result, summary: await readFile(join(cwd, summary), 'utf8')})
    }
    assert.equal(results[0]!.code, 1)
    assert.deepEqual(results[1], results[0])
  })

  it('publishes the same bundle with --jobs 1 and --jobs 2', async () => {
    const bundles = []
    for (const jobs of ['1', '2']) {
      const result = await runCli(['build', '--no-cache', '--now', now, '--out', `dist-${jobs}`, '--jobs', jobs, '--format', 'json'], cwd)
      bundles.push({code: result.code, stdout: result.stdout, stderr: result.stderr.replace(`dist-${jobs}`, 'dist'), files: await snapshot(join(cwd, `dist-${jobs}`))})
    }
    assert.ok((bundles[0]!.files?.size ?? 0) > 2, 'some articles are published')
    assert.deepEqual(bundles[1], bundles[0])
  })

  it('publishes the same bundle when workers render the pages, from the cache too, with and without overdue notices', async () => {
    // A year on, every review is overdue. With `publish.overdue: flag` the pages carry the notice
    // (the workers guess it); with review-date only warning, they are published without one
    // (the workers guess wrong, and this thread renders them again).
    const later = '2027-03-01'
    // Every other rule only warns, so that the articles are published.
    const warnings = Object.fromEntries(builtInRules.rules.map((rule) => [rule.id, rule.safety ? {severity: 'warning', reason: 'this test publishes every article'} : 'warning']))
    await writeFile(join(cwd, 'flag.json'), JSON.stringify({publish: {overdue: 'flag'}, rules: {...warnings, 'review-date': 'error'}}))
    await writeFile(join(cwd, 'warn.json'), JSON.stringify({publish: {overdue: 'flag'}, rules: warnings}))
    const notices: number[] = []
    for (const config of ['flag.json', 'warn.json']) {
      const cache = await mkdtemp(join(tmpdir(), 'healthlint-pool-render-'))
      try {
        const bundles: Array<{code: number; stdout: string; stderr: string; files: Map<string, Buffer> | undefined}> = []
        // One thread; two workers filling the cache; two workers rendering cached articles.
        for (const [jobs, caching] of [['1', ['--no-cache']], ['2', ['--cache-dir', cache]], ['2', ['--cache-dir', cache]]] as const) {
          const out: string = `dist-render-${bundles.length}`
          const result = await runCli(['build', ...caching, '--now', later, '--config', config, '--out', out, '--jobs', jobs, '--format', 'json'], cwd)
          bundles.push({code: result.code, stdout: result.stdout, stderr: result.stderr.replaceAll(out, 'dist'), files: await snapshot(join(cwd, out))})
          await rm(join(cwd, out), {recursive: true, force: true})
        }
        assert.ok((await readdir(cache, {recursive: true})).length > 0, 'the second build filled the cache')
        assert.deepEqual(bundles[1], bundles[0], `${config}: two workers`)
        assert.deepEqual(bundles[2], bundles[0], `${config}: two workers, from the cache`)
        const pages = [...(bundles[0]!.files ?? new Map<string, Buffer>())].filter(([path]) => path.endsWith('.html'))
        assert.ok(pages.length > 2, `${config}: some articles are published`)
        notices.push(pages.filter(([, bytes]) => bytes.includes('This page is overdue for clinical review.')).length)
      } finally {
        await rm(cache, {recursive: true, force: true})
      }
    }
    assert.ok(notices[0]! > 2, `${notices[0]} pages with the notice under flag`)
    assert.equal(notices[1], 0)
  })

  it('fills the cache from the workers, and a warm run reports the same', async () => {
    const cache = await mkdtemp(join(tmpdir(), 'healthlint-pool-cache-'))
    try {
      const cold = await runCli(['lint', '--cache-dir', cache, '--now', now, '--format', 'json', '--jobs', '2'], cwd)
      const entries = await readdir(cache, {recursive: true})
      assert.ok(entries.length >= 50, `${entries.length} cache entries`)
      const warm = await runCli(['lint', '--cache-dir', cache, '--now', now, '--format', 'json', '--jobs', '1'], cwd)
      const uncached = await runCli(['lint', '--no-cache', '--now', now, '--format', 'json', '--jobs', '1'], cwd)
      assert.equal(cold.stdout, uncached.stdout)
      assert.equal(warm.stdout, uncached.stdout)
      assert.equal(warm.code, uncached.code)
    } finally {
      await rm(cache, {recursive: true, force: true})
    }
  })

  it('reports every article, under markdown-limits, when its worker dies', async () => {
    // A heap far too small to load the rules: every worker dies as it starts.
    const files = await lintAll(cwd, 2, {workerLimits: {maxOldGenerationSizeMb: 2, maxYoungGenerationSizeMb: 1}})
    assert.deepEqual(files.map((file) => file.path), sequential.map((file) => file.path))
    for (const [index, file] of files.entries()) {
      const failure = file.messages.filter((message) => message.ruleId === 'markdown-limits' && /^Checking this article failed inside healthlint \(.*memory.*\)/.test(message.reason))
      // Articles that could not even be read are never sent to a worker.
      if (sequential[index]!.messages.some((message) => message.ruleId === 'file-type' || message.ruleId === 'encoding' || message.ruleId === 'empty-article')) continue
      assert.equal(failure.length, 1, file.path)
      assert.equal(failure[0]!.fatal, true)
    }
  })
})

describe('worker threads keep the per-article limits', () => {
  let cwd: string
  before(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'healthlint-pool-budget-'))
    await mkdir(join(cwd, 'articles'))
    // 4,900 underlined headings: seconds for the parser, so only the time budget stops it.
    await writeFile(join(cwd, 'articles', 'setext-flood.md'), header + '\n' + 'a\n=\n'.repeat(4900))
    await writeFile(join(cwd, 'articles', 'too-deep.md'), header + '\n' + '> '.repeat(200) + 'text\n')
    await writeFile(join(cwd, 'healthlint.config.json'), JSON.stringify({limits: {maxCheckMilliseconds: 1000}}))
  })
  after(() => rm(cwd, {recursive: true, force: true}))

  it('stops an analysis over its time budget and refuses nesting past the limit', async () => {
    const result = await runCli(['lint', '--no-cache', '--now', now, '--format', 'json', '--jobs', '2'], cwd)
    assert.equal(result.code, 1)
    const report = JSON.parse(result.stdout) as Array<{path: string; messages: Array<{ruleId: string; message: string}>}>
    const reasons = (name: string) => report.find((entry) => entry.path.endsWith(name))!.messages.filter((message) => message.ruleId === 'markdown-limits').map((message) => message.message)
    assert.ok(reasons('setext-flood.md').some((reason) => reason.startsWith('Checking this article took longer than 1000 ms')), reasons('setext-flood.md').join('\n'))
    assert.ok(reasons('too-deep.md').some((reason) => reason.startsWith('This line nests quotes or lists more than 32 levels deep')), reasons('too-deep.md').join('\n'))
  })
})

describe('lint --fix on worker threads', () => {
  it('applies the same fixes and reports the same as on one thread', async () => {
    const fixtures = join(packageRoot, 'test', 'fixtures', 'fix')
    const results = []
    for (const jobs of ['1', '2']) {
      const cwd = await mkdtemp(join(tmpdir(), 'healthlint-pool-fix-'))
      try {
        await mkdir(join(cwd, 'articles'))
        for (const name of ['a.md', 'b.md']) await copyFile(join(fixtures, 'sprained-ankle.md'), join(cwd, 'articles', name))
        const result = await runCli(['lint', '--fix', '--no-cache', '--now', now, '--format', 'json', '--jobs', jobs], cwd)
        results.push({...result, fixed: await readFile(join(cwd, 'articles', 'b.md'), 'utf8')})
      } finally {
        await rm(cwd, {recursive: true, force: true})
      }
    }
    assert.equal(results[0]!.fixed, await readFile(join(fixtures, 'sprained-ankle.expected.md'), 'utf8'))
    assert.deepEqual(results[1], results[0])
  })
})

describe('worker threads and plugins', () => {
  it('analyses a run whose config loads plugins on the main thread, with the plugins\' rules', async () => {
    const example = join(packageRoot, 'examples', 'content-team-plugin')
    const argv = ['lint', '--allow-plugins', '--no-cache', '--now', now, '--format', 'json', 'articles/']
    const one = await runCli([...argv, '--jobs', '1'], example)
    const two = await runCli([...argv, '--jobs', '2'], example)
    assert.match(one.stdout, /content-team-/)
    assert.deepEqual(two, one)
  })
})

describe('--jobs', () => {
  it('is a whole number from 1 to 64, or auto', async () => {
    for (const value of ['0', 'two', '1.5', '65']) {
      const result = await runCli(['lint', '--jobs', value], packageRoot)
      assert.equal(result.code, 2, value)
      assert.match(result.stderr, /--jobs must be auto or a whole number from 1 to 64/)
    }
    const auto = await runCli(['lint', '--jobs', 'auto', '--no-cache', '--now', now], packageRoot)
    assert.equal(auto.code, (await runCli(['lint', '--no-cache', '--now', now], packageRoot)).code)
  })
})
