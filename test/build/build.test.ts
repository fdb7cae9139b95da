// `healthlint build` end to end: what is published, withheld and skipped, that every file
// written validates against its schema, that builds are byte-identical, and that a failing build
// leaves the previous bundle (and everything outside it) untouched.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {cp, mkdir, readdir, readFile, rename, stat, symlink, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {build} from '../../src/publish/build.js'
import {resolveConfig} from '../../src/config/config.js'
import {OutputError, inside} from '../../src/publish/staging.js'
import {packageRoot} from '../../src/config/package-files.js'
import {runCli} from '../helpers.js'
import {article, assertValidBundle, seedBody, snapshot, projectEntries} from './support.js'
import {temporaryProject} from '../project.js'
import {builtInRules} from '../../rules/index.js'

const now = '2026-01-15'

function corpus(note = ''): Record<string, string> {
  return {
    'articles/lower-back-pain.md': article(seedBody('Lower back pain', note), {title: 'Lower back pain'}),
    'articles/neck/neck-pain.md': article(seedBody('Neck pain', note), {title: 'Neck pain'}),
    'articles/b-first.md': article(seedBody('Another', note), {slug: 'a-first-by-slug'})
  }
}

describe('healthlint build', () => {
  it('publishes the real article with npm start\'s command, and every file validates', async () => {
    const cwd = temporaryProject({'articles/lower-back-pain.md': await readFile(join(packageRoot, 'articles/lower-back-pain.md'), 'utf8')})
    const result = await runCli(['build', 'articles/', '--out', 'dist/', '--now', now], cwd)
    assert.equal(result.code, 0, result.stdout + result.stderr)
    assert.equal(result.stderr, 'Published 1 article to dist/.\n')
    const {index} = await assertValidBundle(join(cwd, 'dist'))
    assert.deepEqual(index.articles.map((entry) => entry.slug), ['lower-back-pain'])
    const json = JSON.parse(await readFile(join(cwd, 'dist/articles/lower-back-pain.json'), 'utf8')) as {redFlags: string[]; seekReview: string[]; contributors: unknown[]}
    assert.equal(json.redFlags.length, 5)
    assert.equal(json.seekReview.length, 5)
    assert.deepEqual(json.contributors, [{name: 'Sonali Talwar', role: 'AccessGP Lead Physiotherapist'}])
  })

  it('defaults to articles/ → dist/ and sorts the index by slug', async () => {
    const cwd = temporaryProject(corpus())
    const result = await runCli(['build', '--now', now], cwd)
    assert.equal(result.code, 0, result.stderr)
    const {index} = await assertValidBundle(join(cwd, 'dist'))
    assert.deepEqual(index.articles.map((entry) => entry.slug), ['a-first-by-slug', 'lower-back-pain', 'neck-pain'])
  })

  it('withholds articles with errors, skips drafts and publishes the rest', async () => {
    const cwd = temporaryProject({
      ...corpus(),
      'articles/broken.md': '---\ntitle: Broken\n---\n\nText.\n',
      'articles/draft.md': article(seedBody(), {extra: 'status: draft'}),
      'articles/warned.md': article(seedBody() + '\n<b>raw</b>\n')
    })
    const result = await runCli(['build', 'articles', '--out', 'dist', '--now', now], cwd)
    assert.equal(result.code, 1)
    assert.match(result.stdout, /articles\/broken\.md:1:1 +error +The frontmatter is missing `description`/)
    assert.match(result.stdout, /articles\/warned\.md:\d+:1 +warning +Raw HTML is not published/)
    assert.equal(result.stderr, 'Published 4 articles to dist.\nWithheld 1 article with errors (fix them to publish):\n  articles/broken.md\nSkipped 1 draft (status: draft):\n  articles/draft.md\n')
    const {index} = await assertValidBundle(join(cwd, 'dist'))
    assert.deepEqual(index.articles.map((entry) => entry.slug), ['a-first-by-slug', 'lower-back-pain', 'neck-pain', 'warned'])
  })

  it('exits 1 with --max-warnings exceeded, but still publishes', async () => {
    const cwd = temporaryProject({'articles/warned.md': article(seedBody() + '\n<b>raw</b>\n')})
    const result = await runCli(['build', '--max-warnings', '0', '--now', now], cwd)
    assert.equal(result.code, 1)
    assert.equal((await assertValidBundle(join(cwd, 'dist'))).index.articles.length, 1)
  })

  it('is deterministic: two builds of the same input, anywhere, are byte-identical', async () => {
    const first = temporaryProject(corpus())
    const second = temporaryProject(corpus())
    assert.equal((await runCli(['build', '--now', now], first)).code, 0)
    assert.equal((await runCli(['build', '--now', now, '--out', 'elsewhere/out'], second)).code, 0)
    const a = (await snapshot(join(first, 'dist')))!
    const b = (await snapshot(join(second, 'elsewhere/out')))!
    assert.deepEqual([...a.keys()], [...b.keys()])
    for (const [path, bytes] of a) {
      assert.ok(bytes.equals(b.get(path)!), `${path} is byte-identical`)
      assert.ok(!bytes.toString('utf8').includes(first), `${path} holds no absolute path`)
    }
    // Rebuilding over an existing bundle gives the same bytes again, but for the manifest, which
    // now compares with that bundle (nothing changed); with the same previous bundle, the same again.
    assert.equal((await runCli(['build', '--now', now], first)).code, 0)
    const rebuilt = (await snapshot(join(first, 'dist')))!
    const manifest = JSON.parse(rebuilt.get('manifest.json')!.toString('utf8')) as {previous: boolean; changes: Record<string, string[]>; articleChanges: Record<string, string[]>}
    assert.equal(manifest.previous, true)
    assert.deepEqual(manifest.changes, {added: [], changed: [], removed: []})
    assert.deepEqual(manifest.articleChanges, {added: [], updated: [], removed: []})
    rebuilt.delete('manifest.json')
    a.delete('manifest.json')
    assert.deepEqual(rebuilt, a)
    const second_ = (await snapshot(join(first, 'dist')))!
    assert.equal((await runCli(['build', '--now', now], first)).code, 0)
    assert.deepEqual(await snapshot(join(first, 'dist')), second_)
  })

  it('touches nothing outside the output directory and leaves no staging behind', async () => {
    const cwd = temporaryProject(corpus())
    await writeFile(join(cwd, 'README.md'), 'Project notes.\n')
    const before = await snapshot(cwd)
    assert.equal((await runCli(['build', '--now', now], cwd)).code, 0)
    assert.equal((await runCli(['build', '--now', now], cwd)).code, 0)
    const after = (await snapshot(cwd))!
    for (const path of after.keys()) if (path.startsWith('dist/')) after.delete(path)
    assert.deepEqual(after, before)
    assert.deepEqual((await projectEntries(cwd)), ['README.md', 'articles', 'dist'])
  })

  it('leaves the previous bundle intact when a build fails part-way', async () => {
    const cwd = temporaryProject(corpus())
    assert.equal((await runCli(['build', '--now', now], cwd)).code, 0)
    const previous = await snapshot(join(cwd, 'dist'))
    await writeFiles(cwd, corpus(' Changed.'))
    let seen = 0
    await assert.rejects(build(['articles'], {
      cwd, config: resolveConfig({}, {rules: builtInRules}), now, out: 'dist',
      onArticle() {
        // Fail after some files of the new bundle have been written.
        if (++seen === 2) throw new Error('simulated failure')
      }
    }), /simulated failure/)
    assert.deepEqual(await snapshot(join(cwd, 'dist')), previous)
    assert.deepEqual((await projectEntries(cwd)), ['articles', 'dist'], 'the staging directory is removed')
  })

  it('puts back a bundle a killed build had set aside, and removes abandoned staging', async () => {
    const cwd = temporaryProject(corpus())
    assert.equal((await runCli(['build', '--now', now], cwd)).code, 0)
    const previous = await snapshot(join(cwd, 'dist'))
    // What a build killed between its two renames leaves behind.
    await rename(join(cwd, 'dist'), join(cwd, '.dist.previous-abc123'))
    await mkdir(join(cwd, '.dist.staging-def456/articles'), {recursive: true})
    await writeFile(join(cwd, '.dist.staging-def456/articles/half.json'), '{')
    await assert.rejects(build(['articles'], {
      cwd, config: resolveConfig({}, {rules: builtInRules}), now, out: 'dist',
      onArticle() {
        throw new Error('simulated failure')
      }
    }))
    assert.deepEqual(await snapshot(join(cwd, 'dist')), previous)
    assert.deepEqual((await projectEntries(cwd)), ['articles', 'dist'])
  })

  it('refuses to replace a directory that is not a bundle', async () => {
    const cwd = temporaryProject({...corpus(), 'notes/keep.txt': 'Keep me.\n'})
    const before = await snapshot(cwd)
    for (const out of ['articles', 'notes', '.', 'articles/lower-back-pain.md']) {
      const result = await runCli(['build', '--out', out, '--now', now], cwd)
      assert.equal(result.code, 2, out)
      assert.match(result.stderr, /^healthlint: The output (directory|path) /, out)
    }
    assert.deepEqual(await snapshot(cwd), before)
    assert.deepEqual((await projectEntries(cwd)), ['articles', 'notes'])
  })

  it('gives the output directory the mode the umask gives (a web server running as another user can read it)', async () => {
    const cwd = temporaryProject(corpus())
    assert.equal((await runCli(['build', '--now', now], cwd)).code, 0)
    // A directory made the ordinary way, beside it, has the mode the umask gives.
    await mkdir(join(cwd, 'probe'))
    const expected = (await stat(join(cwd, 'probe'))).mode & 0o777
    assert.equal((await stat(join(cwd, 'dist'))).mode & 0o777, expected)
    assert.equal((await stat(join(cwd, 'dist', 'articles'))).mode & 0o777, expected)
  })

  it('refuses a symbolic link anywhere on the --out path, above it included, with exit code 2', async () => {
    const cwd = temporaryProject(corpus())
    const outside = temporaryProject({})
    await symlink(outside, join(cwd, 'site'))
    await mkdir(join(cwd, 'public'))
    await symlink(outside, join(cwd, 'public', 'dist'))
    for (const [out, link] of [['site/dist', 'site'], ['site/deeper/dist', 'site'], ['public/dist', 'public/dist']] as const) {
      const result = await runCli(['build', '--out', out, '--now', now], cwd)
      assert.equal(result.code, 2, out)
      const target = join(cwd, out)
      assert.equal(result.stderr, `healthlint: The output path ${target} ${link === out ? 'is' : `goes through ${join(cwd, link)}, which is`} a symbolic link; healthlint never writes a bundle through a link. Choose another --out, or replace the link with a directory.\n`)
    }
    assert.deepEqual(await readdir(outside), [], 'nothing written through a link')
  })

  it('reports an output directory that cannot be created with exit code 2', async () => {
    const cwd = temporaryProject({...corpus(), blocker: 'A file where a directory would go.\n'})
    const result = await runCli(['build', '--out', 'blocker/dist', '--now', now], cwd)
    assert.equal(result.code, 2)
    assert.match(result.stderr, /^healthlint: Could not write the bundle to blocker\/dist: EEXIST/)
  })

  it('never writes a bundle path outside the staging directory', () => {
    assert.equal(inside('/tmp/stage', 'articles/a.json'), '/tmp/stage/articles/a.json')
    for (const path of ['../a.json', 'articles/../../a.json', '/etc/passwd', 'articles\\..\\a', 'articles//a', '', 'a/./b', '..']) {
      assert.throws(() => inside('/tmp/stage', path), OutputError, path)
    }
  })

  it('reports a missing input path with exit code 2 and writes nothing', async () => {
    const cwd = temporaryProject({})
    const result = await runCli(['build', 'nowhere/', '--now', now], cwd)
    assert.equal(result.code, 2)
    assert.deepEqual(await readdir(cwd), [])
  })

  it('copes with a project copied elsewhere (no state outside the output directory)', async () => {
    const cwd = temporaryProject(corpus())
    assert.equal((await runCli(['build', '--now', now], cwd)).code, 0)
    const copy = cwd + '-copy'
    await cp(cwd, copy, {recursive: true})
    assert.equal((await runCli(['build', '--now', now], copy)).code, 0)
    // Both rebuilt over the same previous bundle: the same bytes.
    assert.equal((await runCli(['build', '--now', now], cwd)).code, 0)
    assert.deepEqual(await snapshot(join(copy, 'dist')), await snapshot(join(cwd, 'dist')))
  })
})

async function writeFiles(root: string, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) await writeFile(join(root, path), text)
}
