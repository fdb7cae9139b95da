// The quick replay of an unchanged `lint` (src/cli/quick-replay.ts): the same command, on the
// same files, writes the previous report, summary and exit code before anything else loads, and
// a change to anything the report depends on gives the fresh report instead.
import {describe, it, before, after, beforeEach} from 'node:test'
import assert from 'node:assert/strict'
import {execFile} from 'node:child_process'
import {chmod, copyFile, mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, unlink, writeFile} from 'node:fs/promises'
import {createHash, createHmac} from 'node:crypto'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {promisify} from 'node:util'
import {packageRoot} from '../../src/config/package-files.js'
import {environmentRead} from '../../src/cli/quick-replay.js'
import {main} from '../../src/cli/main.js'
import {runCli} from '../helpers.js'
import {slow} from '../slow.js'

const run = promisify(execFile)
const medquad = join(packageRoot, 'test/fixtures/medquad-sample')
const now = '2026-03-01'

/** The replay records in `cwd`, by name, with each one's inode and modification time. */
async function records(cwd: string): Promise<Map<string, string>> {
  const directory = join(cwd, 'node_modules', '.cache', 'healthlint', 'replay')
  const found = new Map<string, string>()
  for (const name of await readdir(directory).catch(() => [] as string[])) {
    const stats = await stat(join(directory, name))
    found.set(name, `${stats.ino}:${stats.mtimeMs}`)
  }
  return found
}

/** Lint in `cwd` with a terminal or not, as the CLI's own entry does, capturing what it writes. */
async function lintIn(cwd: string, argv: string[], env: Record<string, string | undefined> = {}, tty = false) {
  let stdout = ''
  let stderr = ''
  const code = await main({argv: ['lint', ...argv], cwd, env, stdout: {isTTY: tty, write: (chunk) => (stdout += chunk)}, stderr: {write: (chunk) => (stderr += chunk)}})
  return {code, stdout, stderr}
}

describe('quick replay of an unchanged lint', () => {
  let cwd: string
  before(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'healthlint-quick-'))
    await mkdir(join(cwd, 'articles', 'more'), {recursive: true})
    const names = (await readdir(medquad)).filter((name) => name.endsWith('.md') && name !== 'SOURCE-medquad.md').slice(0, 6)
    for (const [index, name] of names.entries()) await copyFile(join(medquad, name), join(cwd, 'articles', index % 2 ? 'more' : '', name))
    await copyFile(join(packageRoot, 'articles', (await readdir(join(packageRoot, 'articles')))[0]!), join(cwd, 'articles', 'seed.md'))
  })
  after(() => rm(cwd, {recursive: true, force: true}))
  beforeEach(() => rm(join(cwd, 'node_modules', '.cache', 'healthlint', 'replay'), {recursive: true, force: true}))

  const fresh = (argv: string[], env: Record<string, string | undefined> = {}, tty = false) => lintIn(cwd, ['--no-cache', ...argv], env, tty)

  it('writes the same report, summary and exit code again, from its record alone', async () => {
    for (const format of ['stylish', 'json', 'github', 'sarif', 'junit']) {
      const argv = ['--now', now, '--format', format, '--summary', `summary-${format}.md`]
      const first = await lintIn(cwd, argv)
      const kept = await records(cwd)
      assert.equal(kept.size >= 1, true, `${format}: a record was kept`)
      // Without the facts cache, only the record can give the report without analysing.
      await rm(join(cwd, '.healthlint-cache'), {recursive: true, force: true})
      const second = await lintIn(cwd, argv)
      assert.equal(second.stdout, first.stdout, format)
      assert.equal(second.code, first.code, format)
      assert.equal(second.stderr, '')
      assert.deepEqual(await records(cwd), kept, `${format}: replayed, so the record was not written again`)
      await assert.rejects(stat(join(cwd, '.healthlint-cache')), `${format}: nothing was analysed or cached`)
      const summary = await readFile(join(cwd, `summary-${format}.md`), 'utf8')
      assert.equal(summary.length % 2, 0)
      assert.equal(summary.slice(summary.length / 2), summary.slice(0, summary.length / 2), `${format}: the summary was appended again`)
      assert.equal(second.stdout, (await fresh(argv.slice(0, 4))).stdout, `${format}: the replayed report is the fresh one`)
    }
  })

  it('keeps the exit code that --max-warnings decides', async () => {
    const argv = ['--now', now, '--max-warnings', '0', '--quiet']
    const first = await lintIn(cwd, argv)
    const second = await lintIn(cwd, argv)
    assert.equal(first.code, 1)
    assert.equal(second.code, 1)
    assert.equal(second.stdout, first.stdout)
  })

  it('gives the fresh report when anything the report depends on changes, then replays that one', async () => {
    const seed = join(cwd, 'articles', 'seed.md')
    const original = await readFile(seed)
    const config = join(cwd, 'healthlint.config.json')
    const vocabulary = join(cwd, 'words.json')
    await writeFile(vocabulary, JSON.stringify({words: {zzyzx: ['plain']}}))
    const changes: Array<{what: string; change?: () => Promise<unknown>; argv?: string[]; env?: Record<string, string>; tty?: boolean; undo?: () => Promise<unknown>}> = [
      {what: 'another day', argv: ['--now', '2031-01-01']},
      {what: 'another option', argv: ['--now', now, '--quiet']},
      {what: 'NO_COLOR set, on a terminal', tty: true, env: {NO_COLOR: '1'}},
      {what: 'a terminal', tty: true},
      {what: 'GITHUB_WORKSPACE', argv: ['--now', now, '--format', 'github'], env: {GITHUB_WORKSPACE: cwd}},
      {what: 'an article edited', change: () => writeFile(seed, '---\ntitle: Write the title\n---\n\nWrite the article.\n'), undo: () => writeFile(seed, original)},
      {what: 'an article edited, same size', change: () => writeFile(seed, Buffer.from(original.toString('latin1').replace('a', 'b'), 'latin1')), undo: () => writeFile(seed, original)},
      {what: 'an article added in a subfolder', change: () => writeFile(join(cwd, 'articles', 'more', 'zz-new.md'), '---\ntitle: Write the title\nslug: seed\n---\n\nWrite the article.\n'), undo: () => unlink(join(cwd, 'articles', 'more', 'zz-new.md'))},
      {what: 'an article removed', change: () => rm(seed), undo: () => writeFile(seed, original)},
      {what: 'an article replaced by a link to the same bytes (a file-type error)', change: async () => (await writeFile(join(cwd, 'seed.txt'), original), await rm(seed), await symlink(join(cwd, 'seed.txt'), seed)), undo: async () => (await rm(seed), await writeFile(seed, original))},
      {what: 'a config file added', change: () => writeFile(config, JSON.stringify({rules: {'red-flags-urgent-action': {severity: 'warning', reason: 'a test of replay'}}})), undo: () => unlink(config)},
      {what: 'a data file the config names edited', change: () => writeFile(config, JSON.stringify({rules: {'plain-english': ['warning', {vocabulary: 'words.json'}]}})), undo: () => unlink(config)}
    ]
    for (const {what, change, argv = ['--now', now], env = {}, tty = false, undo} of changes) {
      // A record of the unchanged run first.
      await lintIn(cwd, ['--now', now])
      const before = await records(cwd)
      await change?.()
      const report = await lintIn(cwd, argv, env, tty)
      const expected = await fresh(argv, env, tty)
      assert.equal(report.stdout, expected.stdout, what)
      assert.equal(report.code, expected.code, what)
      // The same command line on changed files: not replayed, so its record was written again
      // (but for an article that cannot be read, which no record can stand for).
      if (argv.join(' ') === `--now ${now}` && Object.keys(env).length === 0 && !tty && !what.includes('link')) {
        assert.notDeepEqual(await records(cwd), before, `${what}: not replayed, and the record was written again`)
      }
      assert.equal((await lintIn(cwd, argv, env, tty)).stdout, expected.stdout, `${what}: the next run replays it`)
      if (what === 'a data file the config names edited') {
        await writeFile(vocabulary, JSON.stringify({words: {zzyzx: ['plain'], usually: ['often']}}))
        const edited = await lintIn(cwd, argv, env, tty)
        assert.match(edited.stdout, /often/, 'the edited vocabulary is used')
        assert.equal(edited.stdout, (await fresh(argv, env, tty)).stdout, 'the data file edited')
      }
      await undo?.()
    }
  })

  it('believes no record that was tampered with, or signed with another secret', async () => {
    const argv = ['--now', now, '--format', 'json']
    const first = await lintIn(cwd, argv)
    const directory = join(cwd, 'node_modules', '.cache', 'healthlint', 'replay')
    const [name] = [...(await records(cwd)).keys()]
    const path = join(directory, name!)
    const bytes = await readFile(path)
    // The report replaced by a clean one, the header left as it was.
    const tampered = Buffer.concat([bytes.subarray(0, bytes.indexOf(10, 65) + 1), Buffer.from('{"clean":true}\n')])
    await writeFile(path, tampered)
    const second = await lintIn(cwd, argv)
    assert.equal(second.stdout, first.stdout, 'the tampered record was not replayed')
    // A new secret: the old record is signed with a secret no longer held.
    await writeFile(path, bytes)
    await rm(join(cwd, 'node_modules', '.cache', 'healthlint', 'cache-secret'))
    const third = await lintIn(cwd, argv)
    assert.equal(third.stdout, first.stdout)
    assert.notDeepEqual(await readFile(path), bytes, 'analysed again and recorded with the new secret')
  })

  it('is not used with --no-cache, --fix or --changed, and keeps nothing for them', async () => {
    await lintIn(cwd, ['--now', now, '--no-cache'])
    assert.equal((await records(cwd)).size, 0)
  })

  it('keeps at most 4 records, one for each command line used lately', async () => {
    for (const format of ['stylish', 'json', 'github', 'sarif', 'junit', 'stylish']) await lintIn(cwd, ['--now', now, '--format', format, ...(format === 'stylish' ? ['--quiet'] : [])])
    assert.equal((await records(cwd)).size, 4)
  })

  it('is told of every environment variable healthlint reads', async () => {
    const sources: string[] = []
    const walk = async (directory: string) => {
      for (const entry of await readdir(directory, {withFileTypes: true})) {
        const path = join(directory, entry.name)
        if (entry.isDirectory()) await walk(path)
        else if (entry.name.endsWith('.ts')) sources.push(await readFile(path, 'utf8'))
      }
    }
    await walk(join(packageRoot, 'src'))
    await walk(join(packageRoot, 'rules'))
    const read = new Set(sources.flatMap((source) => [...source.matchAll(/\benv(?:ironment)?\??\.([A-Z][A-Z0-9_]+)\b|\benv\[['"]([A-Z][A-Z0-9_]+)['"]\]/g)].map((match) => match[1] ?? match[2]!)))
    assert.ok(read.size >= 3, [...read].join(', '))
    for (const name of read) assert.ok((environmentRead as readonly string[]).includes(name), `${name} is read but a replayed run does not compare it`)
    // No other way to read the environment (process.env) in the library.
    for (const source of sources) assert.doesNotMatch(source.replace(/\/\/.*$/gm, ''), /process\.env/)
  })
})

describe('quick replay and a pull request', () => {
  it('never replays a record a pull request committed, even with the secret that signed it', slow, async () => {
      const repo = await mkdtemp(join(tmpdir(), 'healthlint-quick-attack-'))
      const clone = `${repo}-clone`
      const bin = join(packageRoot, 'bin', 'healthlint.js')
      const cli = async (cwd: string, argv: string[]) => {
        try {
          const {stdout} = await run(process.execPath, [bin, ...argv], {cwd, env: {PATH: process.env.PATH}, encoding: 'utf8'})
          return {code: 0, stdout}
        } catch (error) {
          const failure = error as {code: number; stdout: string}
          return {code: failure.code, stdout: failure.stdout}
        }
      }
      const git = (cwd: string, ...args: string[]) => run('git', ['-c', 'user.name=Attacker', '-c', 'user.email=attacker@example.invalid', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {cwd})
      const argv = ['lint', 'articles', '--now', now, '--format', 'json']
      try {
        // The attacker lints a clean article, for a secret and a genuine record…
        await mkdir(join(repo, 'articles'))
        const article = join(repo, 'articles', 'a.md')
        await writeFile(article, await readFile(join(packageRoot, 'articles', (await readdir(join(packageRoot, 'articles')))[0]!)))
        const clean = await cli(repo, argv)
        const secretDirectory = join(repo, 'node_modules', '.cache', 'healthlint')
        const [genuine] = await readdir(join(secretDirectory, 'replay'))
        const bytes = await readFile(join(secretDirectory, 'replay', genuine!))
        // …then swaps in an unsafe article and signs a record that says the clean report is its report, in the clone CI will make.
        const unsafe = '# Lower back pain\n\nTake two tablets every hour until the pain stops.\n'
        await writeFile(article, unsafe)
        const header = JSON.parse(bytes.subarray(65, bytes.indexOf(10, 65)).toString('utf8')) as {cwd: string; articles: Array<[string, string]>}
        header.cwd = clone
        header.articles = [['articles/a.md', createHash('sha256').update(unsafe).digest('hex')]]
        const head = Buffer.from(`${JSON.stringify(header)}\n`)
        const payload = Buffer.from(clean.stdout)
        const recordPath = (cwd: string) => join(cwd, 'node_modules', '.cache', 'healthlint', 'replay', `${createHash('sha256').update(JSON.stringify([cwd, argv])).digest('hex').slice(0, 32)}.run`)
        const secret = await readFile(join(secretDirectory, 'cache-secret'))
        const mac = createHmac('sha256', secret).update(`replay\0${recordPath(clone)}\0`).update(head).update(payload).digest('hex')
        await writeFile(join(secretDirectory, 'replay', recordPath(clone).split('/').at(-1)!), Buffer.concat([Buffer.from(`${mac}\n`), head, payload]))

        // The forgery is good: where git tracks nothing, it is replayed (the clean report for the unsafe article).
        await run('cp', ['-a', repo, clone])
        assert.equal((await cli(clone, argv)).stdout, clean.stdout, 'the forged record works where nothing is tracked')
        const failing = await cli(clone, [...argv, '--no-cache'])
        assert.equal(failing.code, 1)
        await rm(clone, {recursive: true, force: true})

        // Committed, it is not: the secret's folder is tracked, so neither it nor any record there is used.
        await git(repo, 'init', '-q')
        await git(repo, 'add', '-A')
        await git(repo, 'add', '-f', 'node_modules')
        await git(repo, 'commit', '-q', '-m', 'Forged replay')
        await git(tmpdir(), 'clone', '-q', repo, clone)
        // As private as a secret healthlint made (git would check it out readable by all, which is refused too).
        await chmod(join(clone, 'node_modules', '.cache', 'healthlint', 'cache-secret'), 0o600)
        const report = await cli(clone, argv)
        assert.equal(report.code, 1, 'the committed record is not believed')
        assert.equal(report.stdout, failing.stdout)
      } finally {
        await rm(repo, {recursive: true, force: true})
        await rm(clone, {recursive: true, force: true})
      }
  })
})

describe('a replayed run with the helpers', () => {
  it('matches runCli, which has no terminal', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'healthlint-quick-cli-'))
    try {
      await mkdir(join(cwd, 'articles'))
      await copyFile(join(packageRoot, 'articles', (await readdir(join(packageRoot, 'articles')))[0]!), join(cwd, 'articles', 'seed.md'))
      const first = await runCli(['lint', '--now', now], cwd)
      const second = await runCli(['lint', '--now', now], cwd)
      assert.equal(second.stdout, first.stdout)
      assert.equal(second.code, first.code)
    } finally {
      await rm(cwd, {recursive: true, force: true})
    }
  })
})
