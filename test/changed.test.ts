// `--changed` in scratch git repositories under the system temp directory.
import {describe, it, before, after} from 'node:test'
import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {readFile, rm, writeFile, mkdir} from 'node:fs/promises'
import {join} from 'node:path'
import {extractChanged} from '../src/cli/arguments.js'
import {runCli} from './helpers.js'
import {placeholderArticle} from './ci-project.js'
import {removeProject, temporaryProject} from './project.js'

const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test Author',
  GIT_AUTHOR_EMAIL: 'author@example.invalid',
  GIT_COMMITTER_NAME: 'Test Author',
  GIT_COMMITTER_EMAIL: 'author@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1'
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {cwd, env: gitEnv, encoding: 'utf8'})
}

/** The paths the JSON report lists: what was linted. */
async function lintedPaths(root: string, ...args: string[]): Promise<{paths: string[]; stderr: string; code: number}> {
  const result = await runCli(['lint', '--format', 'json', '--now', '2026-01-15', ...args], root, {})
  const paths = result.stdout ? (JSON.parse(result.stdout) as Array<{path: string}>).map((file) => file.path) : []
  return {paths, stderr: result.stderr, code: result.code}
}

/**
 * A repository whose `main` has articles a, b, c (and a rule, a schema, a config), and a
 * checked-out branch `feature` that edits b, adds d and deletes c; e is untracked.
 */
async function makeRepository(): Promise<{root: string; mainCommit: string}> {
  const root = temporaryProject({
    'articles/a.md': placeholderArticle(),
    'articles/b.md': placeholderArticle(),
    'articles/c.md': placeholderArticle(),
    'rules/local-rule.ts': '// a rule\n',
    'schemas/article.schema.json': '{}\n',
    'healthlint.config.json': '{}\n',
    'README.md': '# Articles\n'
  })
  git(root, 'init', '-q', '-b', 'main')
  git(root, 'add', '-A')
  git(root, 'commit', '-q', '-m', 'Articles')
  const mainCommit = git(root, 'rev-parse', 'HEAD').trim()
  git(root, 'checkout', '-q', '-b', 'feature')
  await writeFile(join(root, 'articles/b.md'), placeholderArticle({title: 'Placeholder article, revised'}))
  await writeFile(join(root, 'articles/d.md'), placeholderArticle())
  await rm(join(root, 'articles/c.md'))
  await writeFile(join(root, 'README.md'), '# Articles, revised\n')
  git(root, 'add', '-A')
  git(root, 'commit', '-q', '-m', 'Edit b, add d, delete c')
  await writeFile(join(root, 'articles/e.md'), placeholderArticle())
  return {root, mainCommit}
}

describe('--changed', () => {
  let root: string
  let mainCommit: string
  before(async () => ({root, mainCommit} = await makeRepository()))
  after(() => removeProject(root))

  it('build --changed reports only the changed articles but publishes them all', async () => {
    const result = await runCli(['build', '--format', 'json', '--now', '2026-01-15', '--changed=main', '--out', 'changed-dist'], root, {})
    assert.equal(result.code, 0, result.stderr)
    assert.deepEqual((JSON.parse(result.stdout) as Array<{path: string}>).map((file) => file.path), ['articles/b.md', 'articles/d.md', 'articles/e.md'])
    const index = JSON.parse(await readFile(join(root, 'changed-dist/index.json'), 'utf8')) as {articles: Array<{slug: string}>}
    assert.deepEqual(index.articles.map((entry) => entry.slug), ['a', 'b', 'd', 'e'])
    await rm(join(root, 'changed-dist'), {recursive: true, force: true})
  })

  it('lints only changed and new articles, committed or not, skipping deleted ones', async () => {
    const result = await lintedPaths(root, '--changed=main')
    assert.equal(result.code, 0)
    assert.deepEqual(result.paths, ['articles/b.md', 'articles/d.md', 'articles/e.md'])
    assert.equal(result.stderr, `healthlint: 3 changed articles since main (merge base ${mainCommit.slice(0, 12)}).\n`)
  })

  it('finds the default branch itself', async () => {
    assert.deepEqual((await lintedPaths(root, '--changed')).paths, ['articles/b.md', 'articles/d.md', 'articles/e.md'])
  })

  it("prefers the pull request's base branch (GITHUB_BASE_REF) on origin", async () => {
    // origin/release points at the feature branch's tip, so only the untracked e.md differs
    // from it, while main (the fallback) would select b, d and e.
    git(root, 'update-ref', 'refs/remotes/origin/release', 'feature')
    try {
      const result = await runCli(['lint', '--format', 'json', '--changed'], root, {GITHUB_BASE_REF: 'release'})
      assert.deepEqual((JSON.parse(result.stdout) as Array<{path: string}>).map((file) => file.path), ['articles/e.md'])
      assert.match(result.stderr, /since origin\/release/)
    } finally {
      git(root, 'update-ref', '-d', 'refs/remotes/origin/release')
    }
  })

  it('keeps to the paths given', async () => {
    assert.deepEqual((await lintedPaths(root, '--changed=main', 'articles/a.md', 'articles/d.md')).paths, ['articles/d.md'])
  })

  it('reports a changed article whose slug clashes with an unchanged one, and only on the changed one', async () => {
    // a.md is unchanged on this branch; a new article takes its slug through the frontmatter.
    await writeFile(join(root, 'articles/f.md'), placeholderArticle({slug: 'a'}))
    try {
      const result = await runCli(['lint', '--format', 'json', '--now', '2026-01-15', '--changed=main'], root, {})
      const files = JSON.parse(result.stdout) as Array<{path: string; messages: Array<{ruleId: string; message: string; severity: number}>}>
      assert.deepEqual(files.map((file) => file.path), ['articles/b.md', 'articles/d.md', 'articles/e.md', 'articles/f.md'])
      const clashes = files.flatMap((file) => file.messages.filter((message) => message.ruleId === 'duplicate-slug').map((message) => ({path: file.path, message: message.message})))
      assert.equal(clashes.length, 1, JSON.stringify(clashes))
      assert.equal(clashes[0]!.path, 'articles/f.md')
      assert.match(clashes[0]!.message, /articles\/a\.md/)
      assert.equal(result.code, 1)
    } finally {
      await rm(join(root, 'articles/f.md'))
    }
  })

  it('lints nothing when no article changed', async () => {
    const result = await lintedPaths(root, '--changed=HEAD', 'articles/a.md')
    assert.equal(result.code, 0)
    assert.deepEqual(result.paths, [])
    assert.match(result.stderr, /^healthlint: 0 changed articles since HEAD/)
  })

  for (const [changedPath, content] of [
    ['rules/local-rule.ts', '// a changed rule\n'],
    ['schemas/article.schema.json', '{"title": "changed"}\n'],
    ['healthlint.config.json', '{"rules": {}}\n']
  ] as const) {
    it(`lints every article when ${changedPath} changed`, async () => {
      await writeFile(join(root, changedPath), content)
      try {
        const result = await lintedPaths(root, '--changed=main')
        assert.deepEqual(result.paths, ['articles/a.md', 'articles/b.md', 'articles/d.md', 'articles/e.md'])
        assert.match(result.stderr, new RegExp(`^healthlint: ${changedPath.replace('.', '\\.')} changed since main .*, so every article is checked\\.\\n$`))
      } finally {
        git(root, 'checkout', '-q', '--', changedPath)
      }
    })
  }

  it('watches the config named by --config', async () => {
    await mkdir(join(root, 'config'), {recursive: true})
    await writeFile(join(root, 'config/custom.json'), '{}\n')
    try {
      assert.equal((await lintedPaths(root, '--changed=HEAD', '--config', 'config/custom.json')).paths.length, 4)
      assert.deepEqual((await lintedPaths(root, '--changed=HEAD')).paths, ['articles/e.md'], 'another JSON file is not the config')
    } finally {
      await rm(join(root, 'config'), {recursive: true})
    }
  })

  it('lints every article when a data file the config names changed', async () => {
    await mkdir(join(root, 'data'), {recursive: true})
    await mkdir(join(root, 'config'), {recursive: true})
    await writeFile(join(root, 'data/words.json'), '{"words": {"flare ups": ["times when it gets worse"]}}\n')
    await writeFile(join(root, 'config/vocabulary.json'), '{"rules": {"plain-english": ["warning", {"vocabulary": "data/words.json"}]}}\n')
    git(root, 'add', 'data', 'config')
    git(root, 'commit', '-q', '-m', 'A vocabulary')
    try {
      const args = ['--changed=HEAD', '--config', 'config/vocabulary.json']
      assert.deepEqual((await lintedPaths(root, ...args)).paths, ['articles/e.md'], 'nothing but e.md changed yet')
      await writeFile(join(root, 'data/words.json'), '{"words": {}}\n')
      const result = await lintedPaths(root, ...args)
      assert.deepEqual(result.paths, ['articles/a.md', 'articles/b.md', 'articles/d.md', 'articles/e.md'])
      assert.match(result.stderr, /^healthlint: data\/words\.json changed since HEAD .*, so every article is checked\.\n$/)
    } finally {
      git(root, 'reset', '-q', '--hard', 'HEAD~1')
    }
  })

  it('works from a subdirectory of the repository', async () => {
    const result = await runCli(['lint', '--format', 'json', '--changed=main', '.'], join(root, 'articles'), {})
    assert.deepEqual((JSON.parse(result.stdout) as Array<{path: string}>).map((file) => file.path), ['b.md', 'd.md', 'e.md'])
  })

  it('refuses an unknown ref, or one that looks like an option, with exit 2', async () => {
    const unknown = await runCli(['lint', '--changed=no-such-branch'], root, {})
    assert.equal(unknown.code, 2)
    assert.equal(unknown.stderr, 'healthlint: --changed: git cannot find `no-such-branch`. Give a branch, tag or commit that exists here (in GitHub Actions, check out with fetch-depth: 0).\n')
    const option = await runCli(['lint', '--changed=--output=x'], root, {})
    assert.equal(option.code, 2)
    assert.equal(option.stderr, 'healthlint: --changed: `--output=x` is not a git ref.\n')
  })
})

describe('--changed outside a repository', () => {
  it('says so and exits 2', async () => {
    const root = temporaryProject({'articles/a.md': placeholderArticle()})
    try {
      // GIT_CEILING_DIRECTORIES keeps git from finding a repository above the temp folder.
      const previous = process.env.GIT_CEILING_DIRECTORIES
      process.env.GIT_CEILING_DIRECTORIES = join(root, '..')
      try {
        const result = await runCli(['lint', '--changed'], root, {})
        assert.equal(result.code, 2)
        assert.equal(result.stderr, 'healthlint: --changed needs a git repository, and the current directory is not inside one. Lint without --changed, or run in a clone of the repository.\n')
      } finally {
        if (previous === undefined) delete process.env.GIT_CEILING_DIRECTORIES
        else process.env.GIT_CEILING_DIRECTORIES = previous
      }
    } finally {
      removeProject(root)
    }
  })
})

describe('--changed on the command line', () => {
  it('takes --changed alone or with =REF', () => {
    assert.deepEqual(extractChanged(['lint', '--changed', 'articles/']), {argv: ['lint', 'articles/'], changed: {}})
    assert.deepEqual(extractChanged(['lint', '--changed=origin/main']), {argv: ['lint'], changed: {ref: 'origin/main'}})
    assert.deepEqual(extractChanged(['lint', '--', '--changed']), {argv: ['lint', '--', '--changed'], changed: undefined})
  })

  it('refuses an empty ref or a repeat, with exit 2', async () => {
    const empty = await runCli(['lint', '--changed='], process.cwd(), {})
    assert.equal(empty.code, 2)
    assert.match(empty.stderr, /^healthlint: Option '--changed=REF' needs a ref after `=`/)
    const twice = await runCli(['lint', '--changed', '--changed=main'], process.cwd(), {})
    assert.equal(twice.code, 2)
    assert.match(twice.stderr, /given more than once/)
  })

  it('lists the new options and formats in lint --help', async () => {
    const help = await runCli(['lint', '--help'], process.cwd(), {})
    for (const text of ['--changed[=REF]', '--summary FILE', 'github', 'sarif', 'junit']) assert.ok(help.stdout.includes(text), text)
  })
})
