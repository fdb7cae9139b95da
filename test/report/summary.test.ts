// The job summary: a Markdown table per run, failing articles first, appended to the file named
// by GITHUB_STEP_SUMMARY or --summary.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {VFile} from 'vfile'
import {resolveConfig} from '../../src/config/config.js'
import {emptyTotals} from '../../src/report/messages.js'
import {escapeMarkdown, formatSummary, summaryRowOf} from '../../src/report/summary.js'
import {runCli} from '../helpers.js'
import {addMessage, articleWithoutFrontmatter, placeholderArticle} from '../ci-project.js'
import {removeProject, temporaryProject} from '../project.js'
import {builtInRules} from '../../rules/index.js'

const header = '| Article | Errors | Warnings | Reading age | Review due |\n| --- | ---: | ---: | ---: | --- |\n'

describe('job summary', () => {
  it('appends a table to GITHUB_STEP_SUMMARY, failing articles first, with review dates', async () => {
    const root = temporaryProject({
      'articles/clean.md': placeholderArticle(),
      'articles/due-soon.md': placeholderArticle({nextReview: '2026-02-01'}),
      'articles/no-frontmatter.md': articleWithoutFrontmatter,
      'articles/overdue.md': placeholderArticle({lastReviewed: '2024-06-30'}),
      'steps.md': '# Earlier step\n'
    })
    try {
      const result = await runCli(['lint', '--now', '2026-01-15'], root, {GITHUB_STEP_SUMMARY: join(root, 'steps.md')})
      assert.equal(result.code, 1)
      assert.equal(
        await readFile(join(root, 'steps.md'), 'utf8'),
        '# Earlier step\n' +
          '## healthlint\n\n✖ 2 errors, 1 warning in 4 articles checked (2 with errors)\n\n' +
          header +
          '| ✖ articles/no-frontmatter.md | 1 | 0 | 11 | – |\n' +
          '| ✖ articles/overdue.md | 1 | 0 | 11 | 2025-06-30 (overdue) |\n' +
          '| ⚠ articles/due-soon.md | 0 | 1 | 11 | 2026-02-01 |\n' +
          '| ✔ articles/clean.md | 0 | 0 | 11 | 2026-12-22 |\n\n'
      )
    } finally {
      removeProject(root)
    }
  })

  it('writes to --summary FILE, relative to the working directory, whatever the format', async () => {
    const root = temporaryProject({'articles/clean.md': placeholderArticle(), 'healthlint.config.json': '{"rules": {"frontmatter-syntax": {"severity": "warning", "reason": "the test shows warnings in the summary"}}}', 'articles/no-frontmatter.md': articleWithoutFrontmatter})
    try {
      const result = await runCli(['lint', '--now', '2026-01-15', '--format', 'json', '--summary', 'summary.md'], root, {})
      assert.equal(result.code, 0)
      assert.ok(result.stdout.startsWith('['), 'stdout keeps the chosen format')
      const summary = await readFile(join(root, 'summary.md'), 'utf8')
      assert.ok(summary.includes('⚠ 0 errors, 1 warning in 2 articles checked (0 with errors)'))
      assert.ok(summary.includes(header + '| ⚠ articles/no-frontmatter.md | 0 | 1 | 11 | – |\n| ✔ articles/clean.md | 0 | 0 | 11 | 2026-12-22 |\n'))
    } finally {
      removeProject(root)
    }
  })

  it('writes nothing without GITHUB_STEP_SUMMARY or --summary', async () => {
    const root = temporaryProject({'articles/clean.md': placeholderArticle()})
    try {
      await writeFile(join(root, 'untouched.md'), '')
      const result = await runCli(['lint', '--now', '2026-01-15'], root, {})
      assert.equal(result.code, 0)
      assert.equal(await readFile(join(root, 'untouched.md'), 'utf8'), '')
    } finally {
      removeProject(root)
    }
  })

  it('reports an unwritable summary file and exits 2', async () => {
    const root = temporaryProject({'articles/clean.md': placeholderArticle()})
    try {
      const result = await runCli(['lint', '--now', '2026-01-15', '--summary', 'missing-folder/summary.md'], root, {})
      assert.equal(result.code, 2)
      assert.equal(result.stderr, 'healthlint: cannot write the summary to missing-folder/summary.md: ENOENT.\n')
    } finally {
      removeProject(root)
    }
  })

  it('escapes table cells: pipes, line breaks and Markdown in file names', () => {
    assert.equal(escapeMarkdown('a|b\nc\r\nd'), 'a\\|b c d')
    assert.equal(escapeMarkdown('*bold* _x_ [l](u) <b> `c` ~s~ :smile: $x$ @me #1 & \\'), '\\*bold\\* \\_x\\_ \\[l\\](u) \\<b\\> \\`c\\` \\~s\\~ \\:smile\\: \\$x\\$ \\@me \\#1 \\& \\\\')
    assert.equal(escapeMarkdown('articles/lower-back-pain.md'), 'articles/lower-back-pain.md')
  })

  it('shows the reading age when the score stage has one, and keeps a bad file name in its cell', () => {
    const file = new VFile({path: 'articles/a|b.md', cwd: '/project'})
    file.data.readability = {readingAge: 11.6} as NonNullable<typeof file.data.readability>
    file.data.now = '2026-01-15'
    addMessage(file, 'warning', 'style-rule', 'Problem.', 1)
    const markdown = formatSummary([summaryRowOf(file, resolveConfig({}, {rules: builtInRules}), '/project')], {...emptyTotals(), files: 1, warnings: 1})
    assert.ok(markdown.endsWith(header + '| ⚠ articles/a\\|b.md | 0 | 1 | 12 | – |\n\n'))
    // Every table row has exactly the five cells of the header.
    for (const row of markdown.split('\n').filter((line) => line.startsWith('|'))) {
      assert.equal(row.replaceAll('\\|', '').split('|').length, 7, row)
    }
  })
})
