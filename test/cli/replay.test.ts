// Replay for unchanged runs (src/cli/replay.ts): a `lint` run whose inputs are all unchanged
// writes the previous report again without analysing or even restoring any article, and any
// change to what the output depends on gives the fresh report instead.
import {describe, it, before, after} from 'node:test'
import assert from 'node:assert/strict'
import {createHash} from 'node:crypto'
import {copyFile, mkdir, mkdtemp, readFile, readdir, rm, symlink, unlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {packageRoot} from '../../src/config/package-files.js'
import {runCli} from '../helpers.js'

const medquad = join(packageRoot, 'test/fixtures/medquad-sample')
const recordSuffix = `-${createHash('sha256').update('lint-report').digest('hex').slice(0, 12)}.json`

async function cacheEntries(cwd: string): Promise<{records: string[]; facts: string[]}> {
  const root = join(cwd, '.healthlint-cache')
  const entries: string[] = []
  for (const key of await readdir(root, {withFileTypes: true})) {
    if (key.isDirectory()) for (const name of await readdir(join(root, key.name))) entries.push(join(root, key.name, name))
  }
  return {records: entries.filter((path) => path.endsWith(recordSuffix)), facts: entries.filter((path) => !path.endsWith(recordSuffix) && path.endsWith('.json'))}
}

describe('replay of unchanged runs', () => {
  let cwd: string
  before(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'healthlint-replay-'))
    await mkdir(join(cwd, 'articles'))
    for (const name of (await readdir(medquad)).filter((name) => name.endsWith('.md') && name !== 'SOURCE-medquad.md').slice(0, 8)) await copyFile(join(medquad, name), join(cwd, 'articles', name))
    await copyFile(join(packageRoot, 'articles', (await readdir(join(packageRoot, 'articles')))[0]!), join(cwd, 'articles', 'seed.md'))
  })
  after(() => rm(cwd, {recursive: true, force: true}))

  const lint = (...argv: string[]) => runCli(['lint', '--now', '2026-03-01', ...argv], cwd)
  const fresh = (...argv: string[]) => runCli(['lint', '--now', '2026-03-01', '--no-cache', ...argv], cwd)

  it('writes the same report, summary and exit code again without touching any article', async () => {
    for (const format of ['stylish', 'json', 'github', 'sarif', 'junit']) {
      const first = await lint('--format', format, '--summary', `first-${format}.md`)
      const {records, facts} = await cacheEntries(cwd)
      assert.ok(records.length >= 1 && facts.length === 9, `${records.length} records, ${facts.length} facts`)
      // Without any facts to restore, only a replay can give the report without analysing again.
      for (const path of facts) await unlink(path)
      const second = await lint('--format', format, '--summary', `second-${format}.md`)
      assert.equal(second.stdout, first.stdout, format)
      assert.equal(second.code, first.code)
      assert.equal(await readFile(join(cwd, `second-${format}.md`), 'utf8'), await readFile(join(cwd, `first-${format}.md`), 'utf8'))
      assert.equal((await cacheEntries(cwd)).facts.length, 0, `${format}: nothing was analysed`)
      assert.equal(second.stdout, (await fresh('--format', format)).stdout)
    }
  })

  it('gives the fresh report when an article, the date, an option or the config changes', async () => {
    await lint('--format', 'json')
    const changes: Array<[string, () => Promise<void>, string[]]> = [
      ['another day', async () => {}, ['--now', '2031-01-01']],
      ['errors only', async () => {}, ['--quiet']],
      ['an article edited', () => writeFile(join(cwd, 'articles', 'seed.md'), '---\ntitle: Write the title\n---\n\nWrite the article.\n'), []],
      ['an article added', () => writeFile(join(cwd, 'articles', 'zz-new.md'), '---\ntitle: Write the title\nslug: seed\n---\n\nWrite the article.\n'), []],
      ['a safety rule lowered', () => writeFile(join(cwd, 'healthlint.config.json'), JSON.stringify({rules: {'red-flags-urgent-action': {severity: 'warning', reason: 'a test of replay'}}})), []]
    ]
    for (const [what, change, argv] of changes) {
      await change()
      const report = await lint('--format', 'json', ...argv)
      const expected = await fresh('--format', 'json', ...argv)
      assert.equal(report.stdout, expected.stdout, what)
      assert.equal(report.code, expected.code, what)
      // And the next unchanged run replays that one.
      assert.equal((await lint('--format', 'json', ...argv)).stdout, expected.stdout, what)
    }
    await unlink(join(cwd, 'healthlint.config.json'))
  })

  it('does not replay a run with an article it could not read', async () => {
    await symlink(join(cwd, 'articles', 'seed.md'), join(cwd, 'articles', 'link.md'))
    try {
      const first = await lint('--format', 'json')
      assert.match(first.stdout, /file-type/)
      const {facts} = await cacheEntries(cwd)
      for (const path of facts) await unlink(path)
      await lint('--format', 'json')
      assert.ok((await cacheEntries(cwd)).facts.length > 0, 'the articles were analysed again')
    } finally {
      await unlink(join(cwd, 'articles', 'link.md'))
    }
  })
})
