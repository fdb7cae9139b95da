// `--format github`: escaping must match @actions/core byte for byte, the most important
// annotations come first within GitHub's cap, and the plain log is fenced from the runner.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {EOL} from 'node:os'
import * as core from '@actions/core'
import fc from 'fast-check'
import {VFile} from 'vfile'
import {escapeData, escapeProperty, formatCommand} from '../../src/report/github.js'
import type {AnnotationProperties} from '../../src/report/github.js'
import {formatFiles, runCli} from '../helpers.js'
import {addMessage, articleWithoutFrontmatter, placeholderArticle} from '../ci-project.js'
import {removeProject, temporaryProject} from '../project.js'

/** What @actions/core prints for `core.error/warning/notice(message, properties)`. */
function coreOutput(kind: 'error' | 'warning' | 'notice', message: string, properties: AnnotationProperties): string {
  let captured = ''
  const write = process.stdout.write
  process.stdout.write = ((chunk: string) => {
    captured += chunk
    return true
  }) as typeof process.stdout.write
  try {
    core[kind](message, {title: properties.title, file: properties.file, startLine: properties.line, endLine: properties.endLine, startColumn: properties.col, endColumn: properties.endColumn})
  } finally {
    process.stdout.write = write
  }
  return captured
}

const runReporter = (files: VFile[], env: Record<string, string> = {}) => formatFiles('github', files, {env})

const commandLines = (output: string) => output.split('\n').filter((line) => /^::(error|warning|notice) /.test(line))

describe('github format: escaping', () => {
  const properties: AnnotationProperties = {title: 'healthlint: rule-id', file: 'articles/a,b:c.md', line: 3, endLine: 4, col: 5, endColumn: 6}

  for (const [name, message] of [
    ['percent signs', 'Use 50% less, not 100%25 more'],
    ['line feeds and carriage returns', 'First line\nsecond line\r\nthird\rline'],
    ['colons and commas (left alone in data)', 'Note: a, b and c: see ::notice:: below'],
    ['an already escaped sequence', 'literal %0A and %3A stay literal']
  ] as const) {
    it(`escapes ${name} exactly as @actions/core does`, () => {
      for (const kind of ['error', 'warning', 'notice'] as const) {
        assert.equal(formatCommand(kind, properties, message) + EOL, coreOutput(kind, message, properties))
      }
    })
  }

  it('escapes % CR LF : and , in properties', () => {
    assert.equal(escapeProperty('a%b\rc\nd:e,f'), 'a%25b%0Dc%0Ad%3Ae%2Cf')
    assert.equal(escapeData('a%b\rc\nd:e,f'), 'a%25b%0Dc%0Ad:e,f')
    const line = formatCommand('error', {...properties, file: 'x:y,z.md', title: 'a, b: c'}, 'm')
    assert.equal(line, '::error title=a%2C b%3A c,file=x%3Ay%2Cz.md,line=3,endLine=4,col=5,endColumn=6::m')
  })

  it('matches @actions/core for any message, title and file name', () => {
    fc.assert(
      fc.property(fc.string({unit: 'binary'}), fc.string({unit: 'binary', minLength: 1}), fc.string({unit: 'binary', minLength: 1}), fc.integer({min: 1, max: 9999}), (message, title, file, line) => {
        const props = {title, file, line, endLine: line + 1, col: 1, endColumn: 2}
        assert.equal(formatCommand('warning', props, message) + EOL, coreOutput('warning', message, props))
      }),
      {numRuns: 300}
    )
  })
})

describe('github format: the annotation cap', () => {
  // 13 errors (3 of them from a safety rule, late in the second file), 12 warnings, 3 notes.
  function manyProblems(): VFile[] {
    const first = new VFile({path: 'articles/first.md', cwd: '/project'})
    const second = new VFile({path: 'articles/second.md', cwd: '/project'})
    for (let line = 1; line <= 10; line++) addMessage(first, 'error', 'style-rule', `Style problem ${line}.`, line)
    for (let line = 1; line <= 12; line++) addMessage(first, 'warning', 'style-rule', `Style warning ${line}.`, line)
    for (let line = 20; line <= 22; line++) addMessage(second, 'error', 'frontmatter-schema', `Safety problem ${line}.`, line)
    for (let line = 1; line <= 3; line++) addMessage(second, 'info', 'style-rule', `Note ${line}.`, line)
    return [first, second]
  }

  it('shows at most 10 of each kind, the most important first, then says what was left out', () => {
    const lines = commandLines(runReporter(manyProblems()))
    const errors = lines.filter((line) => line.startsWith('::error '))
    const warnings = lines.filter((line) => line.startsWith('::warning '))
    const notices = lines.filter((line) => line.startsWith('::notice '))
    assert.equal(errors.length, 10)
    assert.equal(warnings.length, 10)
    assert.equal(notices.length, 4, 'three notes and the closing notice')
    // Kinds in order: every error before every warning before every notice.
    assert.deepEqual(lines.map((line) => line.slice(2, line.indexOf(' '))), [...Array(10).fill('error'), ...Array(10).fill('warning'), ...Array(4).fill('notice')])
    // Safety-rule errors first, though they come from the second file; then file order.
    assert.deepEqual(errors.slice(0, 4).map((line) => line.split('::')[2]), ['Safety problem 20.', 'Safety problem 21.', 'Safety problem 22.', 'Style problem 1.'])
    assert.ok(errors[0]!.includes('title=healthlint%3A frontmatter-schema,file=articles/second.md,line=20,endLine=20,col=1,endColumn=1'))
    assert.equal(errors.at(-1)!.split('::')[2], 'Style problem 7.')
    assert.equal(warnings.at(-1)!.split('::')[2], 'Style warning 10.')
    assert.equal(
      lines.at(-1),
      '::notice title=healthlint%3A more problems than GitHub annotates::3 more errors and 2 more warnings were not annotated (GitHub shows at most 10 of each kind per step). The job log lists every problem, and the job summary counts them per article.'
    )
  })

  it('keeps a slot for the closing notice when notices overflow', () => {
    const file = new VFile({path: 'articles/notes.md', cwd: '/project'})
    for (let line = 1; line <= 11; line++) addMessage(file, 'info', 'style-rule', `Note ${line}.`, line)
    const notices = commandLines(runReporter([file]))
    assert.equal(notices.length, 10)
    assert.equal(notices[8]!.split('::')[2], 'Note 9.')
    assert.match(notices[9]!, /::2 more notices were not annotated/)
  })

  it('adds no closing notice when everything fits', () => {
    const file = new VFile({path: 'articles/a.md', cwd: '/project'})
    for (let line = 1; line <= 10; line++) addMessage(file, 'error', 'style-rule', `Problem ${line}.`, line)
    const lines = commandLines(runReporter([file]))
    assert.equal(lines.length, 10)
    assert.ok(lines.every((line) => line.startsWith('::error ')))
  })

  it('puts the rule note on a second line of the annotation', () => {
    const file = new VFile({path: 'articles/a.md', cwd: '/project'})
    addMessage(file, 'warning', 'style-rule', 'Reason.', 2, 3, 'What to do.')
    assert.deepEqual(commandLines(runReporter([file])), ['::warning title=healthlint%3A style-rule,file=articles/a.md,line=2,endLine=2,col=3,endColumn=3::Reason.%0AWhat to do.'])
  })

  it('makes paths relative to GITHUB_WORKSPACE when set', () => {
    const file = new VFile({path: 'articles/a.md', cwd: '/project/site'})
    addMessage(file, 'error', 'style-rule', 'Problem.', 1)
    const output = formatFiles('github', [file], {cwd: '/project/site', env: {GITHUB_WORKSPACE: '/project'}})
    assert.match(output, /file=site\/articles\/a\.md,/)
  })
})

describe('github format: the plain log', () => {
  it('lists every message, fenced by stop-commands so article text cannot issue commands', () => {
    const file = new VFile({path: 'articles/a.md', cwd: '/project'})
    addMessage(file, 'error', 'style-rule', 'Quoted text:\n::add-mask::x\n##[error]fake', 1)
    for (let line = 2; line <= 14; line++) addMessage(file, 'error', 'style-rule', `Problem ${line}.`, line)
    const output = runReporter([file])
    const lines = output.split('\n')
    const token = /^::stop-commands::(healthlint-[0-9a-f]{32})$/.exec(lines[0]!)?.[1]
    assert.ok(token, 'the log starts by stopping command processing')
    const close = lines.indexOf(`::${token}::`)
    assert.ok(close > 0, 'and resumes it after the listing')
    const fenced = lines.slice(1, close).join('\n')
    assert.ok(fenced.includes('::add-mask::x'), 'the injected text stays inside the fence')
    for (let line = 2; line <= 14; line++) assert.ok(fenced.includes(`articles/a.md:${line}:1  error    Problem ${line}.  style-rule`), `message ${line} is in the log`)
    assert.ok(fenced.includes('✖ 14 errors, 0 warnings in 1 article checked (1 with errors)'))
    assert.ok(lines.slice(close + 1).every((line) => line === '' || /^::(error|warning|notice) /.test(line)))
    assert.equal(runReporter([file]), output, 'deterministic')
  })
})

describe('github format from the CLI', () => {
  it('annotates real articles and exits 1 on errors', async () => {
    const root = temporaryProject({'articles/clean.md': placeholderArticle(), 'articles/no-frontmatter.md': articleWithoutFrontmatter})
    try {
      const result = await runCli(['lint', '--format', 'github', '--now', '2026-01-15'], root)
      assert.equal(result.code, 1)
      assert.deepEqual(commandLines(result.stdout), [
        '::error title=healthlint%3A frontmatter-syntax,file=articles/no-frontmatter.md,line=1,endLine=1,col=1,endColumn=1::This article has no frontmatter. Start the file with a line `---`, then the YAML fields (title, description, category, lastReviewed, reviewedBy), then another line `---`.'
      ])
      assert.ok(!result.stdout.includes(root), 'no absolute paths')
    } finally {
      removeProject(root)
    }
  })
})
