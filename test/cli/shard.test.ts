// Sharding (`--shard i/n`, merge-reports, merge-bundles): for 1, 2 and 3 shards, every article is
// checked by exactly one shard, the merged reports (every format and the job summary) and the
// merged bundle (every file's bytes) are those of the unsharded run, and a report or shard
// directory that is damaged, tampered with or from another run is refused (exit 2) with
// nothing written.
import {describe, it, before} from 'node:test'
import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {cp, mkdir, readFile, readdir, rm, symlink, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {runCli} from '../helpers.js'
import {temporaryProject} from '../project.js'
import {slow} from '../slow.js'
import {article, seedBody, snapshot} from '../build/support.js'
import {pathsOfShard, shardOfSlug, parseShard} from '../../src/pipeline/shard.js'
import {readRunIndex} from '../../src/pipeline/slugs.js'
import {expandPaths} from '../../src/io/files.js'
import {defaultLimits} from '../../src/config/config.js'

const now = '2026-03-01'

/** Clean articles in the seed's wording, one with errors, two sharing a slug, a draft and a translation. */
function projectFiles(): Record<string, string> {
  const files: Record<string, string> = {}
  for (const name of ['ankle', 'elbow', 'hip', 'knee', 'neck', 'shoulder', 'wrist']) {
    const title = `${name[0]!.toUpperCase()}${name.slice(1)} pain`
    files[`articles/${name}-pain.md`] = article(seedBody(title), {title})
  }
  files['articles/back-pain.md'] = article(seedBody('Back pain'), {title: 'Back pain', extra: 'redirectFrom:\n  - lumbago'})
  // Errors: a category that is not a hub name.
  files['articles/sore-throat.md'] = article(seedBody('Sore throat'), {title: 'Sore throat'}).replace('category: testing', 'category: Throat Problems')
  // Two articles with one slug: both get duplicate-slug errors, in whichever shard owns the slug.
  files['articles/foot-pain.md'] = article(seedBody('Foot pain'), {title: 'Foot pain', slug: 'foot-pain'})
  files['articles/heel-pain.md'] = article(seedBody('Heel pain'), {title: 'Heel pain', slug: 'foot-pain'})
  files['articles/drafts/toe-pain.md'] = article(seedBody('Toe pain'), {title: 'Toe pain', extra: 'status: draft'})
  files['articles/back-pain-cy.md'] = article(seedBody('Back pain'), {title: 'Back pain (Welsh version)', extra: 'lang: cy-GB\ntranslationOf: back-pain'})
  return files
}

const config = {site: {baseUrl: 'https://example.org/', name: 'Example health'}, categories: {testing: {name: 'Testing'}, empty: {name: 'Declared but empty'}}}

describe('--shard i/n', () => {
  it('reads i/n with 1 ≤ i ≤ n and refuses anything else', () => {
    assert.deepEqual(parseShard('2/3'), {index: 2, count: 3})
    assert.deepEqual(parseShard('1/1'), {index: 1, count: 1})
    for (const bad of ['0/3', '4/3', '1/0', '1.5/3', '-1/3', '1/3/4', 'a/b', '', '1/', '/3', ' 1/3', '1/257']) assert.ok('error' in parseShard(bad), bad)
  })

  it('puts each slug in one shard, the same whatever other articles there are', () => {
    for (const count of [1, 2, 3, 7]) {
      for (const slug of ['back-pain', 'foot-pain', 'a', 'z-9']) {
        const shard = shardOfSlug(slug, count)
        assert.ok(shard >= 1 && shard <= count)
        assert.equal(shardOfSlug(slug, count), shard)
      }
    }
  })

  it('is a usage error (exit 2) with a plain message when malformed, or with --watch or --fix', async () => {
    const cwd = temporaryProject({'articles/a.md': article(seedBody())})
    for (const [argv, pattern] of [
      [['lint', '--shard', '3/2'], /--shard must be i\/n, two whole numbers with 1 ≤ i ≤ n ≤ 256, such as 1\/3 .*found `3\/2`/],
      [['build', '--shard', 'two'], /--shard must be i\/n/],
      [['lint', '--shard', '1/2', '--watch'], /--shard cannot be combined with --watch/],
      [['lint', '--shard', '1/2', '--fix'], /--shard cannot be combined with --fix: --fix rewrites articles/],
      [['lint', '--shard', '1/2', '--format', 'json', '--quiet'], /--quiet cannot be combined with --shard and --format json/],
      [['review-schedule', '--shard', '1/2'], /does not take --shard: it is an option of `lint` and `build`/],
      [['merge-reports'], /needs the shards' reports/],
      [['merge-bundles', '--out', 'dist'], /needs the shards' directories/]
    ] as const) {
      const result = await runCli([...argv], cwd)
      assert.equal(result.code, 2, argv.join(' '))
      assert.match(result.stderr, pattern)
      assert.equal(result.stdout, '')
    }
  })
})

describe('sharded runs merged', slow, () => {
  let cwd: string
  let paths: string[]
  const formats = ['json', 'sarif', 'junit', 'github', 'stylish']
  before(async () => {
    cwd = temporaryProject(projectFiles(), {config})
    paths = await expandPaths(['articles/'], cwd)
  })

  const lint = (...argv: string[]) => runCli(['lint', 'articles/', '--now', now, '--no-cache', ...argv], cwd, {GITHUB_WORKSPACE: cwd})
  const merge = (...argv: string[]) => runCli(['merge-reports', ...argv], cwd, {GITHUB_WORKSPACE: cwd})

  it('has an article with errors and two articles sharing a slug, in one shard', async () => {
    const {slugs} = await readRunIndex(paths, cwd, defaultLimits)
    assert.deepEqual(slugs.get('foot-pain'), ['articles/foot-pain.md', 'articles/heel-pain.md'])
    for (const count of [2, 3]) {
      const owners = Array.from({length: count}, (_, index) => pathsOfShard(paths, slugs, {index: index + 1, count}))
      assert.equal(owners.filter((owned) => owned.includes('articles/foot-pain.md') && owned.includes('articles/heel-pain.md')).length, 1)
      // The project is spread: no shard holds every article.
      assert.ok(owners.every((owned) => owned.length < paths.length), `${count} shards: ${owners.map((owned) => owned.length).join('/')}`)
    }
  })

  for (const count of [1, 2, 3]) {
    it(`${count} shard${count === 1 ? '' : 's'}: each article checked once, and every merged format and summary byte-identical to one run`, async () => {
      const reports: string[] = []
      const seen: string[] = []
      let shardErrors = 0
      for (let index = 1; index <= count; index++) {
        const result = await lint('--shard', `${index}/${count}`, '--format', 'json', '--summary', `shard-${index}.md`)
        const report = JSON.parse(result.stdout) as {run: {shard: {index: number; count: number}}; files: Array<{path: string; messages: Array<{severity: string}>}>}
        assert.deepEqual(report.run.shard, {index, count})
        seen.push(...report.files.map((file) => file.path))
        if (report.files.some((file) => file.messages.some((message) => message.severity === 'error'))) {
          shardErrors++
          assert.equal(result.code, 1)
        } else {
          assert.equal(result.code, 0)
        }
        await writeFile(join(cwd, `shard-${index}-of-${count}.json`), result.stdout)
        reports.push(`shard-${index}-of-${count}.json`)
      }
      assert.deepEqual([...seen].sort(), [...paths].sort(), 'every article in exactly one shard')
      assert.ok(shardErrors >= 1)
      for (const format of formats) {
        await rm(join(cwd, 'one.md'), {force: true})
        await rm(join(cwd, 'merged.md'), {force: true})
        const one = await lint('--format', format, '--summary', 'one.md')
        // Given in another order than the shards': the merge puts articles in the run's order.
        const merged = await merge(...[...reports].reverse(), '--format', format, '--summary', 'merged.md')
        assert.equal(merged.stderr, '')
        assert.equal(merged.stdout, one.stdout, `${format}, ${count} shards`)
        assert.equal(merged.code, one.code)
        assert.equal(await readFile(join(cwd, 'merged.md'), 'utf8'), await readFile(join(cwd, 'one.md'), 'utf8'), `summary, ${count} shards`)
      }
      // --quiet and --max-warnings are the merge's, as they would be the run's.
      for (const options of [['--quiet'], ['--max-warnings', '0']]) {
        const one = await lint('--format', 'json', ...options)
        const merged = await merge(...reports, '--format', 'json', ...options)
        assert.deepEqual([merged.stdout, merged.code], [one.stdout, one.code], options.join(' '))
      }
    })
  }

  for (const count of [1, 2, 3]) {
    it(`${count} shard${count === 1 ? '' : 's'}: merge-bundles writes the unsharded build's bundle, byte for byte, and merge-reports its report`, async () => {
      const build = (...argv: string[]) => runCli(['build', 'articles/', '--now', now, '--no-cache', ...argv], cwd)
      // A second build compares with the first: dates, tombstones and the manifest's changes.
      for (const round of [1, 2]) {
        const previous = round === 1 ? [] : ['--previous', `one-${count}-1`]
        if (round === 2) {
          await writeFile(join(cwd, 'articles/knee-pain.md'), article(seedBody('Knee pain', ' Rest helps.'), {title: 'Knee pain'}))
          await rm(join(cwd, 'articles/wrist-pain.md'))
        }
        const one = await build('--out', `one-${count}-${round}`, '--format', 'json', ...previous)
        const directories: string[] = []
        const reports: string[] = []
        for (let index = 1; index <= count; index++) {
          const directory = `shard-${index}-of-${count}-${round}`
          const result = await build('--shard', `${index}/${count}`, '--out', directory, '--format', 'json', ...previous)
          assert.notEqual(result.code, 2, result.stderr)
          assert.ok(!existsSync(join(cwd, directory, 'index.json')), 'a shard writes no site files')
          await writeFile(join(cwd, `${directory}.json`), result.stdout)
          directories.push(directory)
          reports.push(`${directory}.json`)
        }
        const merged = await runCli(['merge-bundles', ...directories, '--out', `merged-${count}-${round}`], cwd)
        assert.equal(merged.code, one.code, merged.stderr)
        assert.equal(merged.stderr, one.stderr.replace(`to one-${count}-${round}.`, `to merged-${count}-${round}.`))
        const expected = (await snapshot(join(cwd, `one-${count}-${round}`)))!
        const actual = (await snapshot(join(cwd, `merged-${count}-${round}`)))!
        assert.deepEqual([...actual.keys()], [...expected.keys()])
        for (const [path, bytes] of expected) assert.ok(actual.get(path)!.equals(bytes), `${path} (${count} shards, build ${round})`)
        assert.ok(expected.has('sitemap.xml') && expected.has('search-index.json') && expected.has('articles/back-pain-cy.html'))
        const report = await merge(...reports, '--format', 'json')
        assert.equal(report.stdout, one.stdout, 'the build shards\' reports merge into the build\'s report')
        assert.equal(report.code, one.code)
      }
      await writeFile(join(cwd, 'articles/knee-pain.md'), projectFiles()['articles/knee-pain.md']!)
      await writeFile(join(cwd, 'articles/wrist-pain.md'), projectFiles()['articles/wrist-pain.md']!)
    })
  }

  it('a shard with the cache replays its report only while the whole run is unchanged', async () => {
    const cached = (...argv: string[]) => runCli(['lint', 'articles/', '--now', now, '--shard', '1/2', '--format', 'json', ...argv], cwd)
    const first = await cached()
    assert.equal((await cached()).stdout, first.stdout)
    const {slugs} = await readRunIndex(paths, cwd, defaultLimits)
    const other = pathsOfShard(paths, slugs, {index: 2, count: 2})[0]!
    const original = await readFile(join(cwd, other), 'utf8')
    try {
      // An article of the other shard changes: this shard's articles do not, but its run does.
      await writeFile(join(cwd, other), original + '\nAnother line.\n')
      const after = await cached()
      assert.notEqual(after.stdout, first.stdout)
      assert.equal(after.stdout, (await cached('--no-cache')).stdout)
    } finally {
      await writeFile(join(cwd, other), original)
    }
  })
})

describe('merge-reports refuses what is not one run\'s shards', () => {
  let cwd: string
  let shard1: string
  let shard2: string
  before(async () => {
    cwd = temporaryProject({'articles/hip-pain.md': article(seedBody('Hip pain'), {title: 'Hip pain'}), 'articles/knee-pain.md': article(seedBody('Knee pain'), {title: 'Knee pain'}), 'articles/neck-pain.md': article(seedBody('Neck pain'), {title: 'Neck pain'})})
    const shard = async (argv: string[]) => (await runCli(['lint', 'articles/', '--now', now, '--no-cache', '--format', 'json', ...argv], cwd)).stdout
    shard1 = await shard(['--shard', '1/2'])
    shard2 = await shard(['--shard', '2/2'])
    await writeFile(join(cwd, '1.json'), shard1)
    await writeFile(join(cwd, '2.json'), shard2)
    await writeFile(join(cwd, '2-other-day.json'), await shard(['--shard', '2/2', '--now', '2026-03-02']))
    await writeFile(join(cwd, '2-of-3.json'), await shard(['--shard', '2/3']))
    await writeFile(join(cwd, 'plain.json'), await shard([]))
    await writeFile(join(cwd, 'other-config.json'), JSON.stringify({rules: {'no-all-caps': 'off'}}))
  })

  const refused = async (files: Record<string, string>, argv: string[], pattern: RegExp) => {
    for (const [name, text] of Object.entries(files)) await writeFile(join(cwd, name), text)
    await rm(join(cwd, 'summary.md'), {force: true})
    const result = await runCli(['merge-reports', ...argv, '--summary', 'summary.md'], cwd)
    assert.equal(result.code, 2, result.stderr)
    assert.match(result.stderr, pattern)
    assert.equal(result.stdout, '', 'nothing printed')
    assert.ok(!existsSync(join(cwd, 'summary.md')), 'no summary appended')
  }

  it('merges the two shards (the check below can pass)', async () => {
    const result = await runCli(['merge-reports', '1.json', '2.json', '--format', 'json'], cwd)
    assert.equal(result.stdout, (await runCli(['lint', 'articles/', '--now', now, '--no-cache', '--format', 'json'], cwd)).stdout)
  })

  it('a missing, repeated or extra shard, another split, day or config', async () => {
    await refused({}, ['1.json'], /shard 2 of 2 is missing/)
    await refused({}, ['1.json', '1.json', '2.json'], /1\.json and 1\.json are both shard 1 of 2/)
    await refused({}, ['1.json', '2-of-3.json'], /2-of-3\.json is shard 2 of 3 and 1\.json shard 1 of 2/)
    await refused({}, ['1.json', '2-other-day.json'], /--now 2026-03-02 and 1\.json with --now 2026-03-01/)
    await refused({}, ['1.json', '2.json', '--config', 'other-config.json'], /made with another configuration than other-config\.json/)
    await refused({}, ['1.json', 'no-such.json'], /no-such\.json does not exist/)
    await refused({}, ['1.json', 'articles'], /articles is not a regular file/)
  })

  it('a file that is not a shard report, is damaged, cut short or tampered with', async () => {
    const report = JSON.parse(shard2) as {run: Record<string, unknown>; files: Array<Record<string, unknown> & {messages: Array<Record<string, unknown>>; merge: Record<string, unknown>}>}
    const edited = (edit: (copy: typeof report) => void) => {
      const copy = structuredClone(report)
      edit(copy)
      return JSON.stringify(copy)
    }
    assert.ok(report.files.length > 0 && report.files[0]!.messages.length > 0)
    await refused({}, ['1.json', 'plain.json'], /plain\.json is not a healthlint shard report/)
    await refused({'bad.json': shard2.slice(0, -20)}, ['1.json', 'bad.json'], /bad\.json is not valid JSON/)
    await refused({'bad.json': edited((copy) => void (copy.run.version = '0.0.1'))}, ['1.json', 'bad.json'], /bad\.json was made by healthlint 0\.0\.1, not by this healthlint/)
    await refused({'bad.json': edited((copy) => void (copy.run.tool = 'x'))}, ['1.json', 'bad.json'], /another build of healthlint/)
    await refused({'bad.json': edited((copy) => void (copy.run.inputs = 'x'))}, ['1.json', 'bad.json'], /checked different articles/)
    await refused({'bad.json': edited((copy) => void ((copy as unknown as Record<string, unknown>).version = 2))}, ['1.json', 'bad.json'], /version 2; this healthlint reads version 1/)
    await refused({'bad.json': edited((copy) => void (copy.files[0]!.messages[0]!.line = 'x'))}, ['1.json', 'bad.json'], /entry 1 of `files` has a message that is not a valid report message/)
    await refused({'bad.json': edited((copy) => void (copy.files[0]!.merge.position = 99))}, ['1.json', 'bad.json'], /outside the run's 3 articles/)
    await refused({'bad.json': edited((copy) => void (copy.files[0]!.merge.scores = {sentences: 'many'}))}, ['1.json', 'bad.json'], /readability scores that are not valid/)
    await refused({'bad.json': edited((copy) => void delete (copy.files[0] as Record<string, unknown>).merge)}, ['1.json', 'bad.json'], /has no `merge` data/)
    // An article dropped from a shard's report, or claimed by two shards.
    await refused({'bad.json': edited((copy) => void copy.files.pop())}, ['1.json', 'bad.json'], /the reports hold 2 of the run's 3 articles/)
    const first = JSON.parse(shard1) as typeof report
    await refused({'bad.json': edited((copy) => void copy.files.push(first.files[0]!))}, ['1.json', 'bad.json'], /both report article/)
  })
})

describe('merge-bundles refuses what is not one run\'s shards, writing nothing', () => {
  let cwd: string
  before(async () => {
    cwd = temporaryProject({
      'articles/hip-pain.md': article(seedBody('Hip pain'), {title: 'Hip pain'}),
      'articles/knee-pain.md': article(seedBody('Knee pain'), {title: 'Knee pain'}),
      'articles/neck-pain.md': article(seedBody('Neck pain'), {title: 'Neck pain'})
    })
    for (const index of [1, 2]) await runCli(['build', 'articles/', '--now', now, '--no-cache', '--shard', `${index}/2`, '--out', `good-${index}`], cwd)
    await runCli(['build', 'articles/', '--now', '2026-03-02', '--no-cache', '--shard', '2/2', '--out', 'other-day'], cwd)
    // An existing bundle in --out, which a refused merge must leave as it is.
    await runCli(['build', 'articles/', '--now', now, '--no-cache', '--out', 'dist'], cwd)
  })

  /** A copy of shard 2's directory, changed by `edit`. */
  const tampered = async (edit: (directory: string) => Promise<void>) => {
    const directory = join(cwd, 'bad')
    await rm(directory, {recursive: true, force: true})
    await cp(join(cwd, 'good-2'), directory, {recursive: true})
    await edit(directory)
    return 'bad'
  }

  const refused = async (directories: string[], pattern: RegExp) => {
    const before = await snapshot(join(cwd, 'dist'))
    const result = await runCli(['merge-bundles', ...directories, '--out', 'dist'], cwd)
    assert.equal(result.code, 2, result.stderr)
    assert.match(result.stderr, pattern)
    assert.deepEqual(await snapshot(join(cwd, 'dist')), before, 'the previous bundle is unchanged')
    assert.deepEqual((await readdir(cwd)).filter((name) => name.startsWith('.dist.')), [], 'no staging directory left')
  }

  const record = (directory: string) => join(directory, 'healthlint-shard.json')
  const editRecord = (edit: (value: Record<string, unknown> & {files: Array<Record<string, unknown>>; published: Array<Record<string, any>>}) => void) => async (directory: string) => {
    const value = JSON.parse(await readFile(record(directory), 'utf8'))
    edit(value)
    await writeFile(record(directory), JSON.stringify(value))
  }

  it('merges the two shards into the unsharded bundle (the checks below can pass)', async () => {
    const result = await runCli(['merge-bundles', 'good-1', 'good-2', '--out', 'merged'], cwd)
    assert.equal(result.code, 0, result.stderr)
    assert.deepEqual(await snapshot(join(cwd, 'merged')), await snapshot(join(cwd, 'dist')))
    await rm(join(cwd, 'merged'), {recursive: true})
  })

  it('a missing or repeated shard, another day, or a directory that is not a shard', async () => {
    const published = JSON.parse(await readFile(record(join(cwd, 'good-2')), 'utf8')) as {published: unknown[]}
    assert.ok(published.published.length > 0, 'shard 2 published an article')
    await refused(['good-1'], /shard 2 of 2 is missing/)
    await refused(['good-1', 'good-1', 'good-2'], /both shard 1 of 2/)
    await refused(['good-1', 'other-day'], /--now 2026-03-02/)
    await refused(['good-1', 'dist'], /dist has no healthlint-shard\.json/)
    await refused(['good-1', 'articles/hip-pain.md'], /is not a directory/)
  })

  it('a damaged record, a file it does not list, a changed page, a link, or a path outside the bundle', async () => {
    await refused(['good-1', await tampered(async (directory) => writeFile(record(directory), '{'))], /bad\/healthlint-shard\.json is not valid JSON/)
    await refused(['good-1', await tampered(async (directory) => writeFile(join(directory, 'articles', 'extra.html'), '<script>alert(1)</script>'))], /bad holds articles\/extra\.html, which its healthlint-shard\.json does not list/)
    await refused(['good-1', await tampered(async (directory) => writeFile(join(directory, 'index.json'), '{}'))], /bad holds index\.json, which a shard's build does not write/)
    await refused(['good-1', await tampered(async (directory) => {
      const [page] = (await readdir(join(directory, 'articles'))).filter((name) => name.endsWith('.html'))
      const text = await readFile(join(directory, 'articles', page!), 'utf8')
      await writeFile(join(directory, 'articles', page!), text.replace('</body>', '<script>alert(1)</script></body>'))
    })], /bad\/articles\/.*\.html is larger \(\d+ bytes\) than its shard recorded/)
    await refused(['good-1', await tampered(async (directory) => {
      const [page] = (await readdir(join(directory, 'articles'))).filter((name) => name.endsWith('.html'))
      const text = await readFile(join(directory, 'articles', page!), 'utf8')
      assert.ok(text.includes('Red flag'))
      await writeFile(join(directory, 'articles', page!), text.replace('Red flag', 'Red FLAG'))
    })], /is not the file its shard wrote \(its size or SHA-256 differs/)
    await refused(['good-1', await tampered(async (directory) => {
      const [page] = (await readdir(join(directory, 'articles'))).filter((name) => name.endsWith('.html'))
      await rm(join(directory, 'articles', page!))
      await symlink(join(cwd, 'articles', 'hip-pain.md'), join(directory, 'articles', page!))
    })], /bad\/articles\/.*\.html is not a regular file/)
    await refused(['good-1', await tampered(editRecord((value) => void (value.files[0]!.path = '../../outside.html')))], /lists a file that is not an article page or record/)
    await refused(['good-1', await tampered(editRecord((value) => void (value.published[0]!.entry.files.html = '../x.html')))], /published article whose record is not valid/)
    await refused(['good-1', await tampered(editRecord((value) => void (value.published[0]!.entry.injected = '<b>')))], /published article whose record is not valid/)
    await refused(['good-1', await tampered(editRecord((value) => void (value.version = 9)))], /version 9; this healthlint reads version 1/)
    await refused(['good-1', await tampered(editRecord((value) => void (value.outcomes = [])))], /outcomes that disagree|holds 1 of the run's 3|the shards hold/)
    await mkdir(join(cwd, 'link-parent'), {recursive: true})
    await rm(join(cwd, 'link-parent', 'shard'), {force: true})
    await symlink(join(cwd, 'good-2'), join(cwd, 'link-parent', 'shard'))
    await refused(['good-1', 'link-parent/shard'], /is a symbolic link/)
    assert.ok(!existsSync(join(cwd, '..', 'outside.html')))
  })
})

describe('--shard with --changed', slow, () => {
  it('shards the changed articles: the merged report (lint and build) and bundle are the unsharded --changed run\'s', async () => {
    const files = projectFiles()
    const cwd = temporaryProject(files, {config})
    const env = {...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.invalid', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.invalid', GIT_CONFIG_NOSYSTEM: '1'}
    const git = (...args: string[]) => execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], {cwd, env, stdio: 'ignore'})
    git('init', '-q', '-b', 'main')
    git('add', '-A')
    git('commit', '-q', '-m', 'Articles')
    git('checkout', '-q', '-b', 'edit')
    // Edited: a clean article, and one whose slug another (unchanged) article shares.
    for (const path of ['articles/hip-pain.md', 'articles/neck-pain.md', 'articles/heel-pain.md', 'articles/sore-throat.md']) await writeFile(join(cwd, path), files[path]! + '\nAnother line.\n')
    for (const command of ['lint', 'build']) {
      const run = (...argv: string[]) => runCli([command, 'articles/', '--now', now, '--no-cache', '--changed=main', '--format', 'json', ...argv], cwd)
      const one = await run(...(command === 'build' ? ['--out', 'one'] : []))
      assert.equal(JSON.parse(one.stdout).length, 4)
      const reports: string[] = []
      for (const index of [1, 2]) {
        const result = await run('--shard', `${index}/2`, ...(command === 'build' ? ['--out', `shard-${index}`] : []))
        await writeFile(join(cwd, `${command}-${index}.json`), result.stdout)
        reports.push(`${command}-${index}.json`)
      }
      const merged = await runCli(['merge-reports', ...reports, '--format', 'json'], cwd)
      assert.equal(merged.stdout, one.stdout, command)
      assert.equal(merged.code, one.code)
      if (command === 'build') {
        const bundle = await runCli(['merge-bundles', 'shard-1', 'shard-2', '--out', 'merged'], cwd)
        assert.equal(bundle.code, one.code, bundle.stderr)
        assert.deepEqual(await snapshot(join(cwd, 'merged')), await snapshot(join(cwd, 'one')))
      }
    }
  })
})
