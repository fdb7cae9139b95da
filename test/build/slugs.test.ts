// Slugs: two articles with one slug are both errors (in lint and build) and neither is
// published; a slug can never take a file outside the output directory.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {readdir, writeFile} from 'node:fs/promises'
import {dirname, join} from 'node:path'
import {runCli, testRules} from '../helpers.js'
import {article, assertValidBundle, seedBody, snapshot, projectEntries} from './support.js'
import {temporaryProject} from '../project.js'

const now = '2026-01-15'

type Report = Array<{path: string; messages: Array<{ruleId: string; line: number; column: number; message: string; severity: string}>}>

describe('duplicate slugs', () => {
  const files = {
    'articles/a.md': article(seedBody(), {slug: 'sore-throat'}),
    'articles/b.md': article(seedBody(), {slug: 'sore-throat'}),
    'articles/adult/sore-throat.md': article(seedBody()),
    'articles/unique.md': article(seedBody())
  }

  for (const command of ['lint', 'build']) {
    it(`are reported on every article involved by ${command}`, async () => {
      const cwd = temporaryProject(files)
      const result = await runCli([command, 'articles', '--format', 'json', '--now', now], cwd)
      assert.equal(result.code, 1)
      const reports = JSON.parse(result.stdout) as Report
      const brief = Object.fromEntries(reports.map((report) => [report.path, report.messages.filter((m) => m.ruleId === 'duplicate-slug').map((m) => `${m.line}:${m.column} ${m.severity} ${m.message}`)]))
      assert.deepEqual(brief, {
        'articles/a.md': ['9:1 error The slug `sore-throat` is also used by `articles/adult/sore-throat.md`, `articles/b.md`, so neither article can be published. Give each article its own `slug`.'],
        'articles/adult/sore-throat.md': ['1:1 error This article\'s slug `sore-throat` (from its file name) is also used by `articles/a.md`, `articles/b.md`, so neither article can be published. Add a different `slug` to one of them.'],
        'articles/b.md': ['9:1 error The slug `sore-throat` is also used by `articles/a.md`, `articles/adult/sore-throat.md`, so neither article can be published. Give each article its own `slug`.'],
        'articles/unique.md': []
      })
    })
  }

  it('are all withheld from the bundle', async () => {
    const cwd = temporaryProject(files)
    const result = await runCli(['build', '--now', now], cwd)
    assert.match(result.stderr, /Withheld 3 articles with errors/)
    const {index} = await assertValidBundle(join(cwd, 'dist'))
    assert.deepEqual(index.articles.map((entry) => entry.slug), ['unique'])
  })

  it('count drafts too, since a draft will be published one day', async () => {
    const cwd = temporaryProject({'articles/a.md': article(seedBody(), {slug: 'same'}), 'articles/same.md': article(seedBody(), {extra: 'status: draft'})})
    const result = await runCli(['build', '--now', now], cwd)
    assert.equal(result.code, 1)
    assert.match(result.stdout, /articles\/same\.md:1:1 +error +This article's slug `same` \(from its file name\) is also used by `articles\/a\.md`/)
  })
})

describe('slugs that try to leave the output directory', () => {
  for (const slug of ['../../../.github/workflows/pwn', '/etc/cron.d/x', 'a/../../b', '..', 'C:\\x']) {
    it(`withholds slug ${JSON.stringify(slug)} and writes nothing outside`, async () => {
      const cwd = temporaryProject({'articles/a.md': article(seedBody(), {slug: JSON.stringify(slug)}), 'articles/ok.md': article(seedBody())})
      const before = await snapshot(cwd)
      for (const config of [{}, {rules: testRules({'frontmatter-schema': 'off'})}]) {
        await writeFile(join(cwd, 'healthlint.config.json'), JSON.stringify(config))
        before!.set('healthlint.config.json', Buffer.from(JSON.stringify(config)))
        const result = await runCli(['build', '--now', now, '--format', 'json'], cwd)
        assert.equal(result.code, 1, JSON.stringify(config))
        const report = (JSON.parse(result.stdout) as Report).find((entry) => entry.path === 'articles/a.md')!
        assert.ok(report.messages.some((message) => message.severity === 'error' && ['frontmatter-schema', 'publish'].includes(message.ruleId)), JSON.stringify(report))
        const {index} = await assertValidBundle(join(cwd, 'dist'))
        assert.deepEqual(index.articles.map((entry) => entry.slug), ['ok'])
      }
      const after = (await snapshot(cwd))!
      for (const path of after.keys()) if (path.startsWith('dist/')) after.delete(path)
      assert.deepEqual(after, before)
      assert.deepEqual((await projectEntries(cwd)), ['articles', 'dist', 'healthlint.config.json'])
      assert.deepEqual((await readdir(dirname(cwd))).filter((name) => name.includes('pwn') || name === '.github'), [])
    })
  }

  it('withholds a file whose name is not a valid slug', async () => {
    const cwd = temporaryProject({'articles/Back Pain.md': article(seedBody())})
    const result = await runCli(['build', '--now', now], cwd)
    assert.equal(result.code, 1)
    assert.match(result.stdout, /The file name `Back Pain` cannot be used as the article's address/)
    assert.equal((await assertValidBundle(join(cwd, 'dist'))).index.articles.length, 0)
  })
})
