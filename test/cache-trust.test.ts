// What a pull request can do to the cache, tried as an attacker would: commit a forged cache
// (with the secret that signed it), plant symbolic links in it, point the config's cache
// elsewhere, or dress another folder up as healthlint's. Lint and build run as CI runs them:
// the real CLI, in a fresh clone.
import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {execFile} from 'node:child_process'
import {createHash} from 'node:crypto'
import {mkdir, readdir, readFile, rm, stat, symlink, utimes, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {promisify} from 'node:util'
import {cacheFormat, cacheKeyOf, openCache} from '../src/io/cache.js'
import type {ArticleCache} from '../src/io/cache.js'
import {resolveConfig} from '../src/config/config.js'
import {parseFrontmatter} from '../src/pipeline/frontmatter.js'
import {defaultLimits} from '../src/config/config.js'
import {packageRoot} from '../src/config/package-files.js'
import {VFile} from 'vfile'
import {article, seedBody, snapshot, validateIndex} from './build/support.js'
import {runCli} from './helpers.js'
import {slow} from './slow.js'
import {temporaryProject} from './project.js'
import {builtInRules} from '../rules/index.js'

const run = promisify(execFile)
const now = '2026-03-01'
const bin = join(packageRoot, 'bin', 'healthlint.js')

/** Run the real CLI as CI does: a separate process in `cwd`, with no GitHub variables. */
async function cli(cwd: string, args: string[]): Promise<{code: number; stdout: string; stderr: string}> {
  try {
    const {stdout, stderr} = await run(process.execPath, [bin, ...args], {cwd, env: {PATH: process.env.PATH}, encoding: 'utf8'})
    return {code: 0, stdout, stderr}
  } catch (error) {
    const failure = error as {code: number; stdout: string; stderr: string}
    return {code: failure.code, stdout: failure.stdout, stderr: failure.stderr}
  }
}

async function git(cwd: string, ...args: string[]): Promise<string> {
  const {stdout} = await run('git', ['-c', 'user.name=Attacker', '-c', 'user.email=attacker@example.invalid', '-c', 'init.defaultBranch=main', ...args], {cwd, encoding: 'utf8'})
  return stdout
}

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex')

/** A temporary directory outside any project, removed after the tests. */
const scratch = (prefix: string) => temporaryProject({}, {prefix})

/** A clean-looking article body missing every safety section, with a script in it. */
const unsafeBody = '# Lower back pain\n\nTake two tablets every hour until the pain stops.\n\n<script>window.pwned = 1</script>\n'

/** Facts that say "no problems" for the article at `path` in `cwd`: what a forger writes. */
async function cleanFacts(cwd: string, path: string) {
  const bytes = await readFile(join(cwd, path))
  const file = new VFile({path, value: bytes.toString('utf8')})
  parseFrontmatter(file, defaultLimits)
  const frontmatter = file.data.frontmatter!
  return {contentHash: sha256(bytes), loaded: true, messages: [], suppressions: [], frontmatter: {data: frontmatter.data ?? null, position: frontmatter.position, ranges: [...frontmatter.ranges]}}
}

/**
 * Every kind of entry the cache API can write, forged. (Before cache format 3 the API also
 * wrote what build publishes; a forger of that format wrote a page with a script, an index
 * entry with extra keys and an output path of their choosing.)
 */
async function forge(cache: ArticleCache, cwd: string, path: string, slug: string): Promise<void> {
  const facts = await cleanFacts(cwd, path)
  await cache.writeFacts(facts.contentHash, path, facts)
  const legacy = cache as unknown as {writeEmitted?: (hash: string, path: string, emitted: unknown) => Promise<void>}
  await legacy.writeEmitted?.(facts.contentHash, path, {
    ok: true,
    slug,
    page: '<!doctype html><script>window.pwned = 1</script>',
    json: '{"pwned": true}\n',
    entry: {slug, title: 'Forged', description: 'Forged', category: 'x', lastReviewed: '2025-12-22', nextReviewDue: '2026-12-22', contentHash: facts.contentHash, files: {html: 'pwned.html', json: `articles/${slug}.json`}, pwned: true}
  })
  await cache.flush()
}

describe('a cache committed in a pull request', slow, () => {
  it('is ignored: the unsafe article is red with its errors reported, and the bundle holds nothing from the forger', async () => {
    const repo = temporaryProject({
      'articles/lower-back-pain.md': article(unsafeBody),
      'articles/neck-pain.md': article(seedBody('Neck pain'), {title: 'Neck pain'})
    })
    await git(repo, 'init', '-q')
    // The forger makes the cache with healthlint itself, so every entry is well formed and
    // signed, then commits the cache and the secret it was signed with.
    const cache = openCache(join(repo, '.healthlint-cache'), cacheKeyOf(resolveConfig({}, {rules: builtInRules, root: repo})))
    await forge(cache, repo, 'articles/lower-back-pain.md', 'lower-back-pain')
    await forge(cache, repo, 'articles/neck-pain.md', 'neck-pain')
    await git(repo, 'add', '-A')
    await git(repo, 'add', '-f', '.healthlint-cache', ...((await readdir(repo)).includes('node_modules') ? ['node_modules'] : []))
    await git(repo, 'commit', '-q', '-m', 'Forged cache')
    assert.match(await git(repo, 'ls-files', '.healthlint-cache'), /\.json$/m, 'the forged entries are committed')

    // CI: a fresh checkout of the pull request, then the commands the workflows run (without
    // their --no-cache, so that this is healthlint's own defence).
    const clone = `${repo}-copy`
    await git(repo, 'clone', '-q', repo, clone)
    const lint = await cli(clone, ['lint', '--format', 'github', '--now', now])
    assert.equal(lint.code, 1, lint.stdout + lint.stderr)
    const annotations = lint.stdout.split('\n').filter((line) => line.startsWith('::error ') && line.includes('file=articles/lower-back-pain.md,'))
    for (const rule of ['require-red-flags', 'require-seek-review', 'require-disclaimer', 'require-reviewer']) {
      assert.ok(annotations.some((line) => line.includes(`healthlint%3A ${rule},`)), `an error annotation for ${rule}`)
    }
    assert.match(lint.stderr, /^healthlint: the cache directory \.healthlint-cache is tracked by git, so it was ignored/m)

    const build = await cli(clone, ['build', '--now', now])
    assert.equal(build.code, 1)
    assert.match(build.stderr, /Withheld 1 article with errors[^\n]*\n {2}articles\/lower-back-pain\.md\n/)
    const bundle = (await snapshot(join(clone, 'dist')))!
    assert.deepEqual([...bundle.keys()].filter((path) => path.startsWith('articles/')).sort(), ['articles/neck-pain.html', 'articles/neck-pain.json'])
    assert.ok(bundle.has('index.json'))
    for (const [path, bytes] of bundle) {
      const text = bytes.toString('utf8')
      assert.ok(!text.includes('pwned'), `${path} holds nothing the forger wrote`)
      assert.ok(!/<script(?! type="application\/ld\+json">)/.test(text), `${path} has no script but its JSON-LD`)
    }
    const index = JSON.parse(bundle.get('index.json')!.toString('utf8')) as {articles: Array<Record<string, unknown>>}
    assert.ok(validateIndex(index), JSON.stringify(validateIndex.errors))
    assert.deepEqual(Object.keys(index.articles[0]!).sort(), ['category', 'categoryName', 'contentHash', 'dateModified', 'datePublished', 'description', 'files', 'lang', 'lastReviewed', 'nextReviewDue', 'reviewOverdue', 'slug', 'title', 'translationOf', 'url'])
    // The same bundle as a build that never saw a cache.
    const uncached = await cli(clone, ['build', '--now', now, '--no-cache', '--out', 'uncached'])
    assert.equal(uncached.code, 1)
    assert.deepEqual(bundle, await snapshot(join(clone, 'uncached')))
  })

  it('is ignored when only its secret is committed (a known secret signs nothing)', async () => {
    const repo = temporaryProject({'articles/lower-back-pain.md': article(unsafeBody)})
    await git(repo, 'init', '-q')
    const cache = openCache(join(repo, '.healthlint-cache'), cacheKeyOf(resolveConfig({}, {rules: builtInRules, root: repo})))
    await forge(cache, repo, 'articles/lower-back-pain.md', 'lower-back-pain')
    await git(repo, 'add', '-f', 'node_modules')
    await git(repo, 'commit', '-q', '-m', 'Known secret')
    const lint = await cli(repo, ['lint', '--format', 'github', '--now', now])
    assert.equal(lint.code, 1)
    assert.match(lint.stdout, /^::error title=healthlint%3A require-red-flags,file=articles\/lower-back-pain\.md,/m)
    assert.match(lint.stderr, /^healthlint: the cache secret's directory node_modules\/\.cache\/healthlint is tracked by git, so the cache was not used/m)
  })
})

describe('cache entries without a valid signature', () => {
  it('are rejected and counted: signed with another checkout\'s secret, or not signed at all', async () => {
    const cwd = temporaryProject({'articles/lower-back-pain.md': article(unsafeBody)})
    const config = resolveConfig({}, {rules: builtInRules, root: cwd})
    const root = join(cwd, '.healthlint-cache')
    const path = 'articles/lower-back-pain.md'
    const {contentHash} = await cleanFacts(cwd, path)
    // Signed with the secret of another checkout, then copied in (as a restored CI cache could be).
    await forge(openCache(root, cacheKeyOf(config), {secretDirectory: await scratch('healthlint-secret-')}), cwd, path, 'lower-back-pain')
    const foreign = openCache(root, cacheKeyOf(config))
    assert.equal(await foreign.readFacts(contentHash, path), undefined)
    assert.deepEqual([foreign.stats.hits, foreign.stats.rejected], [0, 1])
    const lint = await runCli(['lint', '--now', now, '--format', 'json'], cwd)
    assert.equal(lint.code, 1)
    assert.match(lint.stdout, /"ruleId":"require-red-flags"/)

    // That run rewrote the entry with this checkout's secret; without its signature it is refused.
    const [keyDirectory] = (await readdir(root)).filter((name) => /^[0-9a-f]{16}$/.test(name))
    const [entry] = (await readdir(join(root, keyDirectory!))).filter((name) => name.startsWith(contentHash))
    const signed = await readFile(join(root, keyDirectory!, entry!), 'utf8')
    const local = openCache(root, cacheKeyOf(config))
    assert.ok(await local.readFacts(contentHash, path), 'the rewritten entry is trusted')
    await writeFile(join(root, keyDirectory!, entry!), signed.slice(65))
    const unsigned = openCache(root, cacheKeyOf(config))
    assert.equal(await unsigned.readFacts(contentHash, path), undefined)
    assert.deepEqual([unsigned.stats.hits, unsigned.stats.rejected], [0, 1])
  })

  it('are never trusted with a secret others can read', async () => {
    const cwd = temporaryProject({'articles/lower-back-pain.md': article(seedBody())})
    assert.equal((await runCli(['lint', '--now', now], cwd)).code, 0)
    const {chmod} = await import('node:fs/promises')
    await chmod(join(cwd, 'node_modules', '.cache', 'healthlint', 'cache-secret'), 0o644)
    const result = await runCli(['lint', '--now', now], cwd)
    assert.equal(result.code, 0)
    assert.match(result.stderr, /^healthlint: the cache secret node_modules\/\.cache\/healthlint\/cache-secret could not be used \(others can read or write it\), so the cache was not used/m)
  })
})

describe('symbolic links in the cache', () => {
  for (const where of ['the cache directory', 'a key directory']) {
    it(`are refused: ${where} linked elsewhere is neither written nor pruned`, async () => {
      const cwd = temporaryProject({'articles/lower-back-pain.md': article(seedBody())})
      const outside = await scratch('healthlint-outside-')
      // A stale temporary file, which a run would tidy away in its own key directory.
      await writeFile(join(outside, 'keep.tmp'), 'not the cache\'s')
      const old = new Date(Date.now() - 24 * 60 * 60 * 1000)
      await utimes(join(outside, 'keep.tmp'), old, old)
      const config = resolveConfig({}, {rules: builtInRules, root: cwd})
      const key = cacheKeyOf(config)
      const keyId = sha256(JSON.stringify([cacheFormat, key.toolVersion, key.configHash, key.schemaHash])).slice(0, 16)
      if (where === 'the cache directory') {
        await symlink(outside, join(cwd, '.healthlint-cache'))
      } else {
        await mkdir(join(cwd, '.healthlint-cache'))
        await writeFile(join(cwd, '.healthlint-cache', 'CACHEDIR.TAG'), 'Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by healthlint.\n')
        await symlink(outside, join(cwd, '.healthlint-cache', keyId))
      }
      const before = await snapshot(outside)
      const touched = (await stat(join(outside, 'keep.tmp'))).mtimeMs
      const first = await runCli(['lint', '--now', now], cwd)
      const second = await runCli(['build', '--now', now], cwd)
      assert.equal(first.code, 0, first.stdout)
      assert.equal(second.code, 0)
      assert.deepEqual(await snapshot(outside), before, 'nothing written or deleted through the link')
      assert.equal((await stat(join(outside, 'keep.tmp'))).mtimeMs, touched)
      assert.match(first.stderr, /^healthlint: the cache directory \.healthlint-cache is or passes through a symbolic link \(\.healthlint-cache[^)]*\), so the cache was not used/m)
    })
  }

  it('an entry that is a link is never read', async () => {
    const cwd = temporaryProject({'articles/lower-back-pain.md': article(seedBody())})
    assert.equal((await runCli(['lint', '--now', now], cwd)).code, 0)
    const root = join(cwd, '.healthlint-cache')
    const [keyDirectory] = (await readdir(root)).filter((name) => /^[0-9a-f]{16}$/.test(name))
    const [entry] = await readdir(join(root, keyDirectory!))
    const target = join(cwd, 'elsewhere.json')
    await writeFile(target, await readFile(join(root, keyDirectory!, entry!)))
    await rm(join(root, keyDirectory!, entry!))
    await symlink(target, join(root, keyDirectory!, entry!))
    const cache = openCache(root, cacheKeyOf(resolveConfig({}, {rules: builtInRules, root: cwd})))
    assert.equal(await cache.readFacts(entry!.slice(0, 64), 'articles/lower-back-pain.md'), undefined)
    assert.deepEqual([cache.stats.hits, cache.stats.rejected], [0, 1])
  })
})

describe('where the cache may be', () => {
  it('refuses a config whose cache.directory is outside the working directory (exit 2), but not --cache-dir', async () => {
    for (const directory of ['../elsewhere', '/tmp/healthlint-elsewhere', 'a/../../elsewhere', '.']) {
      const cwd = temporaryProject({'articles/lower-back-pain.md': article(seedBody()), 'healthlint.config.json': JSON.stringify({cache: {directory}})})
      const result = await runCli(['lint', '--now', now], cwd)
      assert.equal(result.code, 2, directory)
      assert.equal(result.stdout, '')
      assert.equal(result.stderr, `healthlint: healthlint.config.json: \`cache.directory\` is \`${directory}\`, which is not a folder inside the working directory. Give a relative path such as .healthlint-cache, or pass --cache-dir on the command line for a cache elsewhere.\n`)
    }
    const cwd = temporaryProject({'articles/lower-back-pain.md': article(seedBody())})
    const elsewhere = await scratch('healthlint-cache-dir-')
    assert.equal((await runCli(['lint', '--now', now, '--cache-dir', join(elsewhere, 'cache')], cwd)).code, 0)
    assert.ok((await readdir(join(elsewhere, 'cache'))).includes('CACHEDIR.TAG'))
    assert.ok(!(await readdir(cwd)).includes('.healthlint-cache'))
    assert.deepEqual(await runCli(['lint', '--now', now, '--cache-dir', ''], cwd), {code: 2, stdout: '', stderr: 'healthlint: --cache-dir needs a directory, such as /tmp/healthlint-cache.\n'})
  })

  it('prunes only a directory whose CACHEDIR.TAG is healthlint\'s own text, never another tool\'s', async () => {
    const cwd = temporaryProject({'articles/lower-back-pain.md': article(seedBody()), 'healthlint.config.json': JSON.stringify({cache: {directory: 'other-cache'}})})
    // Another tool's cache: the same signature line (every tag has it), another tool's words.
    await mkdir(join(cwd, 'other-cache'))
    await writeFile(join(cwd, 'other-cache', 'CACHEDIR.TAG'), 'Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by another tool.\n')
    const theirs = ['0123456789abcdef', '1111111111111111', '2222222222222222', '3333333333333333']
    for (const name of theirs) {
      await mkdir(join(cwd, 'other-cache', name))
      await writeFile(join(cwd, 'other-cache', name, 'data'), name)
    }
    assert.equal((await runCli(['lint', '--now', now], cwd)).code, 0)
    const names = await readdir(join(cwd, 'other-cache'))
    for (const name of theirs) assert.ok(names.includes(name), name)
  })
})

describe('the cache key', () => {
  it('holds the vocabulary file\'s content: editing the file invalidates the cached results', async () => {
    const body = seedBody().replace('In most cases', 'Flare ups are common. In most cases')
    const cwd = temporaryProject({
      'articles/lower-back-pain.md': article(body),
      'words.json': JSON.stringify({words: {'flare ups': ['times when it gets worse']}}),
      'healthlint.config.json': JSON.stringify({rules: {'plain-english': ['warning', {vocabulary: 'words.json'}]}})
    })
    const cold = await runCli(['lint', '--now', now, '--format', 'json'], cwd)
    assert.match(cold.stdout, /“Flare ups” is not plain English/)
    await writeFile(join(cwd, 'words.json'), JSON.stringify({words: {'sometimes': ['now and then']}}))
    const warm = await runCli(['lint', '--now', now, '--format', 'json'], cwd)
    assert.doesNotMatch(warm.stdout, /Flare ups/)
    assert.equal(warm.stdout, (await runCli(['lint', '--now', now, '--format', 'json', '--no-cache'], cwd)).stdout)
  })
})
