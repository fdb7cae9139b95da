// Output channels: text from articles, file names and config is shown, never obeyed. No line a
// healthlint command writes may start a GitHub workflow command or carry a terminal escape
// sequence, and calendar output keeps its line structure whatever a file name holds.
import {describe, it} from 'node:test'
import fc from 'fast-check'
import assert from 'node:assert/strict'
import {displayPath, escapeForLog, guardedStream, neutraliseCommands, oneLine, withoutControls} from '../../src/report/safe-text.js'
import {resolveConfig} from '../../src/config/config.js'
import {renderArticle} from '../../src/preview/render.js'
import {lintText, runCli} from '../helpers.js'
import {placeholderArticle} from '../ci-project.js'
import {removeProject, temporaryProject} from '../project.js'
import {builtInRules} from '../../rules/index.js'

const now = ['--now', '2026-01-15']
// Window title, clear screen, OSC 52 (write the clipboard), a bell, C1 CSI.
const escapes = '\u001B]0;pwned\u0007\u001B[2J\u001B]52;c;ZXZpbA==\u0007\u009B31m'
const controlCharacter = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/
/** A line GitHub's runner would read as a workflow command. */
const commandLine = /^\s*::/m

describe('safe text', () => {
  it('escapes log text as @actions/core escapes command data, and every other control too', () => {
    assert.equal(escapeForLog('50%\r\n::error::x\u001B[2J'), '50%25%0D%0A::error::x%1B[2J')
    assert.equal(escapeForLog('\u009B\u007F\t'), '%9B%7F%09')
  })

  it('never lets a path start a line with ::', () => {
    assert.equal(displayPath('::error::forged.md'), './::error::forged.md')
    assert.equal(displayPath('articles/a\n::error::b.md'), 'articles/a%0A::error::b.md')
    assert.equal(displayPath('articles/a.md'), 'articles/a.md')
  })

  it('neutralises command lines and strips controls but tab and line feed', () => {
    assert.equal(neutraliseCommands('ok\n  ::stop-commands::x\n::error::y\na :: b\tc\u001B[2J'), 'ok\n  %3A:stop-commands::x\n%3A:error::y\na :: b\tc[2J')
    assert.equal(withoutControls(`a${escapes}b\n`), 'a]0;pwned[2J]52;c;ZXZpbA==31mb\n')
    assert.equal(oneLine(' a\n\tb\u001B c '), 'a b c')
  })

  it('guards every write of a stream', () => {
    let written = ''
    const stream = guardedStream({write: (chunk: string) => (written += chunk), isTTY: false})
    stream.write('::error::x\n')
    assert.equal(written, '%3A:error::x\n')
    assert.equal(stream.isTTY, false, 'other properties are the stream\'s own')
  })
})

describe('output channels of the CLI', () => {
  it('quotes article text in stylish and github output without terminal escapes', async () => {
    const root = temporaryProject({'articles/a.md': placeholderArticle({category: JSON.stringify(`x${escapes}\n::error::forged`)})})
    try {
      for (const format of ['stylish', 'github']) {
        const result = await runCli(['lint', ...now, '--format', format], root, {GITHUB_WORKSPACE: root})
        assert.equal(result.code, 1)
        assert.match(result.stdout, /frontmatter-schema/)
        assert.ok(!controlCharacter.test(result.stdout), `${format}: ${JSON.stringify(result.stdout)}`)
        if (format === 'stylish') assert.ok(!commandLine.test(result.stdout), result.stdout)
      }
    } finally {
      removeProject(root)
    }
  })

  it('shows quoted article text in the preview without control characters', async () => {
    const file = await lintText(placeholderArticle({category: JSON.stringify(`x${escapes}`)}))
    const html = renderArticle(file, resolveConfig({}, {rules: builtInRules}), '2026-01-15')
    assert.match(html, /frontmatter-schema/)
    assert.ok(!controlCharacter.test(html), JSON.stringify(html.match(controlCharacter)))
  })

  it('escapes file names on stdout and stderr, so none can forge a workflow command', async () => {
    const name = 'articles/x\n::error file=README.md::forged\u001B]0;t\u0007.md'
    const root = temporaryProject({[name]: '', '::warning::root.md': ''})
    try {
      const lint = await runCli(['lint', ...now, 'articles', '::warning::root.md'], root)
      assert.equal(lint.code, 1)
      assert.ok(lint.stdout.includes('articles/x%0A::error file=README.md::forged%1B]0;t%07.md:1:1'), lint.stdout)
      assert.ok(lint.stdout.includes('./::warning::root.md:1:1'), lint.stdout)
      const build = await runCli(['build', ...now, '--out', 'dist', 'articles', '::warning::root.md'], root)
      assert.ok(build.stderr.includes('  articles/x%0A::error file=README.md::forged%1B]0;t%07.md\n'), build.stderr)
      for (const output of [lint.stdout, lint.stderr, build.stdout, build.stderr]) {
        assert.ok(!commandLine.test(output), output)
        assert.ok(!controlCharacter.test(output), JSON.stringify(output))
      }
    } finally {
      removeProject(root)
    }
  })

  it('keeps a bare CR in a file name from breaking a calendar line', async () => {
    const root = temporaryProject({'articles/due\rBEGIN:VEVENT.md': placeholderArticle({lastReviewed: '2025-02-01'})})
    try {
      const result = await runCli(['review-schedule', ...now, '--format', 'ics', 'articles'], root)
      assert.equal(result.code, 0, result.stderr)
      assert.ok(result.stdout.includes('BEGIN:VEVENT'))
      assert.ok(!/\r(?!\n)/.test(result.stdout), 'every CR ends a line (CRLF)')
      assert.equal(result.stdout.split('\r\n').filter((line) => line === 'BEGIN:VEVENT' || line.startsWith('BEGIN:VEVENT')).length, 1, 'the file name adds no event')
      const table = await runCli(['review-schedule', ...now, 'articles'], root)
      assert.ok(table.stdout.includes('articles/due%0DBEGIN:VEVENT.md'), table.stdout)
    } finally {
      removeProject(root)
    }
  })
})

describe('oneLine', () => {
  it('leaves a line that is already one line as it is, and makes any other text one line', () => {
    const slow = (text: string) => text.replace(/[\u0000-\u001F\u007F-\u009F]/g, ' ').replace(/\s+/g, ' ').trim()
    const pieces = ['a', 'word', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2028', '\ufeff', '\u001b[2J', '\u009b', '\u007f', 'é', '🙂', '::error::']
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 12}), fc.string({unit: 'binary', maxLength: 20}), (parts, noise) => {
      for (const text of [parts.join(''), noise]) assert.equal(oneLine(text), slow(text))
    }), {numRuns: 3000})
    assert.equal(oneLine('Red flag symptoms need a heading.'), 'Red flag symptoms need a heading.')
    assert.equal(oneLine(' two\u00a0 lines\nhere '), 'two lines here')
  })
})
