// `healthlint init` and `healthlint new`, run in-process on scratch folders: what they write,
// that they never overwrite or follow a link, and that the skeleton fails lint with one message
// per placeholder until a person replaces them all.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {mkdir, readFile, readdir, symlink, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {parse} from 'yaml'
import {removeProject, temporaryProject} from '../project.js'
import {runCli} from '../helpers.js'
import {packageRoot} from '../../src/config/package-files.js'
import {placeholderPattern} from '../../rules/no-placeholders.js'
import {fillPlaceholders} from './support.js'

const now = '2026-12-02'
const read = (root: string, path: string) => readFile(join(root, path), 'utf8')

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, {recursive: true, withFileTypes: true})
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1)).sort()
}

describe('healthlint new', () => {
  it('writes a skeleton that fails lint with one message per placeholder, each at the placeholder', async () => {
    const root = temporaryProject({})
    try {
      const result = await runCli(['new', 'back-pain'], root)
      assert.equal(result.code, 0, result.stderr)
      const skeleton = await read(root, 'articles/back-pain.md')
      const placeholders = [...skeleton.matchAll(placeholderPattern)]
      assert.ok(placeholders.length >= 10, 'frontmatter fields, the title and every section have one')
      assert.match(result.stdout, new RegExp(`Wrote articles/back-pain\\.md\\. Replace each of its ${placeholders.length} `))

      const lint = await runCli(['lint', '--format', 'json', '--no-cache', '--now', now], root)
      assert.equal(lint.code, 1)
      const [report] = JSON.parse(lint.stdout) as Array<{messages: Array<{ruleId: string; line: number; column: number; severity: string}>}>
      assert.equal(report!.messages.length, placeholders.length, lint.stdout)
      assert.ok(report!.messages.every((message) => message.severity === 'error'), 'every one is an error')
      assert.deepEqual(new Set(report!.messages.map((message) => message.ruleId)), new Set(['no-placeholders', 'frontmatter-schema']))
      // Each message is on the line of a placeholder, and each placeholder's line has its messages.
      const lineOf = (offset: number) => skeleton.slice(0, offset).split('\n').length
      const expected = placeholders.map((match) => lineOf(match.index)).sort((a, b) => a - b)
      assert.deepEqual(report!.messages.map((message) => message.line).sort((a, b) => a - b), expected)
    } finally {
      await removeProject(root)
    }
  })

  it('has the frontmatter fields the schema requires and every required section heading', async () => {
    const root = temporaryProject({})
    try {
      await runCli(['new', 'back-pain'], root)
      const skeleton = await read(root, 'articles/back-pain.md')
      const frontmatter = parse(skeleton.split('---\n')[1]!) as Record<string, unknown>
      const schema = JSON.parse(await readFile(join(packageRoot, 'schemas', 'article.schema.json'), 'utf8')) as {required: string[]}
      assert.deepEqual(Object.keys(frontmatter).filter((key) => schema.required.includes(key)).sort(), [...schema.required].sort())
      assert.match(skeleton, /^## Red flag symptoms$/m)
      assert.match(skeleton, /^## When to seek GP review$/m)
      assert.match(skeleton, /^Last reviewed by \[Write/m)
      // Instructions to the writer only: outside the placeholders there is no advice at all.
      const outside = skeleton.replace(new RegExp(placeholderPattern.source, 'gi'), '').replace(/^---[\s\S]*?---\n/, '')
      assert.equal(outside.replace(/[#\s\-,]|Red flag symptoms|When to seek GP review|Last reviewed by/g, ''), '')
    } finally {
      await removeProject(root)
    }
  })

  it('passes lint once every placeholder is replaced', async () => {
    const root = temporaryProject({})
    try {
      await runCli(['new', 'back-pain'], root)
      await writeFile(join(root, 'articles/back-pain.md'), fillPlaceholders(await read(root, 'articles/back-pain.md')))
      const lint = await runCli(['lint', '--no-cache', '--now', now], root)
      assert.equal(lint.code, 0, lint.stdout)
      assert.doesNotMatch(lint.stdout, /warning|error  /)
    } finally {
      await removeProject(root)
    }
  })

  it('never overwrites an article, and refuses a bad slug or a linked folder (exit 2)', async () => {
    const root = temporaryProject({'articles/back-pain.md': 'my own words\n', 'elsewhere/.keep': ''})
    try {
      const again = await runCli(['new', 'back-pain'], root)
      assert.equal(again.code, 2)
      assert.match(again.stderr, /did not write articles\/back-pain\.md: it already exists, and `new` never overwrites anything/)
      assert.equal(await read(root, 'articles/back-pain.md'), 'my own words\n')

      for (const [argv, pattern] of [
        [['new'], /needs one slug/],
        [['new', 'a', 'b'], /needs one slug.*found 2/],
        [['new', 'Back-Pain.md'], /Leave out the extension: `healthlint new back-pain`/],
        [['new', '../outside'], /lower-case words joined by hyphens/]
      ] as const) {
        const result = await runCli([...argv], root)
        assert.equal(result.code, 2, argv.join(' '))
        assert.match(result.stderr, pattern)
      }

      const linked = temporaryProject({})
      try {
        await symlink(join(root, 'elsewhere'), join(linked, 'articles'))
        const result = await runCli(['new', 'back-pain'], linked)
        assert.equal(result.code, 2)
        assert.match(result.stderr, /articles is a symbolic link/)
        assert.deepEqual(await readdir(join(root, 'elsewhere')), ['.keep'])
      } finally {
        await removeProject(linked)
      }
    } finally {
      await removeProject(root)
    }
  })
})

describe('healthlint init', () => {
  it('sets up an empty folder; lint then fails until the placeholders are replaced, and passes after', async () => {
    const root = temporaryProject({})
    try {
      const result = await runCli(['init'], root)
      assert.equal(result.code, 0, result.stderr)
      assert.deepEqual(await filesUnder(root), [
        '.github/CODEOWNERS.example',
        '.github/workflows/healthlint-pr.yml',
        '.github/workflows/healthlint-publish.yml',
        '.gitignore',
        'articles/example-article.md',
        'healthlint.config.json'
      ])
      for (const line of result.stdout.split('\n').filter((line) => line.startsWith('  '))) assert.doesNotMatch(line, /skipped/)
      assert.equal(await read(root, 'articles/example-article.md'), await readFile(join(packageRoot, 'src', 'cli', 'templates', 'article.md'), 'utf8'), 'the skeleton `new` writes')
      assert.equal(await read(root, '.github/CODEOWNERS.example'), await readFile(join(packageRoot, '.github', 'CODEOWNERS.example'), 'utf8'))
      assert.equal(JSON.parse(await read(root, 'healthlint.config.json')).$schema, './node_modules/healthlint/schemas/config.schema.json')
      assert.deepEqual((await read(root, '.gitignore')).split('\n'), ['node_modules/', 'dist/', '.healthlint-cache/', ''])

      const before = await runCli(['lint', '--no-cache', '--now', now], root)
      assert.equal(before.code, 1)
      assert.match(before.stdout, /no-placeholders/)

      await writeFile(join(root, 'articles/example-article.md'), fillPlaceholders(await read(root, 'articles/example-article.md')))
      const after = await runCli(['lint', '--no-cache', '--now', now], root)
      assert.equal(after.code, 0, after.stdout)
    } finally {
      await removeProject(root)
    }
  })

  it('never overwrites a file in an existing repository, and says what it skipped', async () => {
    const config = '{"rules": {"readability": "off"}}\n'
    const root = temporaryProject({
      'articles/lower-back-pain.md': 'an article\n',
      'healthlint.config.json': config,
      '.github/workflows/healthlint-pr.yml': 'mine\n',
      '.gitignore': 'dist\n*.log'
    })
    try {
      const result = await runCli(['init'], root)
      assert.equal(result.code, 0, result.stderr)
      assert.match(result.stdout, /skipped {2}articles\/example-article\.md \(articles\/ already has articles/)
      assert.match(result.stdout, /skipped {2}healthlint\.config\.json \(it already exists\)/)
      assert.match(result.stdout, /skipped {2}\.github\/workflows\/healthlint-pr\.yml \(it already exists\)/)
      assert.match(result.stdout, /created {2}\.github\/workflows\/healthlint-publish\.yml/)
      assert.match(result.stdout, /updated {2}\.gitignore \(added node_modules\/, \.healthlint-cache\/\)/)
      assert.equal(await read(root, 'healthlint.config.json'), config)
      assert.equal(await read(root, '.github/workflows/healthlint-pr.yml'), 'mine\n')
      assert.equal(await read(root, '.gitignore'), 'dist\n*.log\nnode_modules/\n.healthlint-cache/\n', 'existing lines kept; `dist` counts as dist/')
      assert.equal(await read(root, 'articles/lower-back-pain.md'), 'an article\n')

      // A second run changes nothing and skips everything.
      const again = await runCli(['init'], root)
      assert.equal(again.code, 0)
      assert.doesNotMatch(again.stdout, /created|updated/)
    } finally {
      await removeProject(root)
    }
  })

  it('does not write through a symbolic link a repository could have planted', async () => {
    const outside = temporaryProject({'target.txt': 'outside\n'})
    const root = temporaryProject({})
    try {
      await mkdir(join(root, '.github'))
      await symlink(join(outside), join(root, '.github', 'workflows'))
      await symlink(join(outside, 'target.txt'), join(root, '.gitignore'))
      const result = await runCli(['init'], root)
      assert.equal(result.code, 0, result.stderr)
      assert.match(result.stdout, /skipped {2}\.github\/workflows\/healthlint-pr\.yml \(\.github\/workflows is a symbolic link\)/)
      assert.match(result.stdout, /skipped {2}\.gitignore \(\.gitignore is a symbolic link\)/)
      assert.deepEqual(await readdir(outside), ['target.txt'])
      assert.equal(await read(outside, 'target.txt'), 'outside\n')
    } finally {
      await removeProject(root)
      await removeProject(outside)
    }
  })

  it('takes no paths, and the help lists init and new', async () => {
    const root = temporaryProject({})
    try {
      const result = await runCli(['init', 'somewhere'], root)
      assert.equal(result.code, 2)
      assert.match(result.stderr, /takes no paths/)
      assert.deepEqual(await readdir(root), [])
      const help = await runCli(['--help'], root)
      assert.match(help.stdout, /^ {2}init {15}Set up this folder/m)
      assert.match(help.stdout, /^ {2}new <slug> {9}Write articles\/<slug>\.md/m)
    } finally {
      await removeProject(root)
    }
  })
})
