// `lint --watch`: in-process on a temporary folder (edits, a new file, a deleted file, a save
// without changes), stopped through the environment's AbortSignal; and as a real process
// stopped with SIGINT.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import {readFileSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {main} from '../../src/cli/main.js'
import {formatChange} from '../../src/cli/watch-command.js'
import {packageRoot} from '../../src/config/package-files.js'
import {emptyTotals} from '../../src/report/messages.js'
import type {ReportedMessage} from '../../src/report/messages.js'
import {testRules} from '../helpers.js'
import {temporaryProject} from '../project.js'

const seed = readFileSync(join(packageRoot, 'articles', 'lower-back-pain.md'), 'utf8')
const withColour = seed.replace('category: musculoskeletal\n', 'category: musculoskeletal\ncolour: blue\n')
const colourMessage = '`colour` is not a frontmatter field. Remove it, or use one of the known fields: title, description, category, lastReviewed, reviewedBy, slug, tags, nextReview, contributors, sources, status, lang, translationOf, redirectFrom.'

const bodyWordingRules = ['red-flags-urgent-action', 'readability', 'hard-sentence', 'plain-english', 'expand-abbreviations']

function temporaryArticles(files: Record<string, string>): string {
  // Only the frontmatter matters here: switch off the rules that read the body's wording.
  const config = {rules: testRules(Object.fromEntries(bodyWordingRules.map((id) => [id, 'off'])))}
  return temporaryProject(Object.fromEntries([['articles/', ''], ...Object.entries(files).map(([name, text]) => [`articles/${name}`, text])]), {prefix: 'healthlint-watch-', config})
}

/** Start `lint --watch` in-process; `output()` is everything written to stdout so far. */
function startWatch(cwd: string, extra: string[] = []) {
  const controller = new AbortController()
  let stdout = ''
  let stderr = ''
  const done = main({
    argv: ['lint', '--watch', 'articles', '--now', '2026-01-15', ...extra],
    cwd,
    env: {},
    signal: controller.signal,
    stdout: {write: (chunk: string) => (stdout += chunk)},
    stderr: {write: (chunk: string) => (stderr += chunk)}
  })
  return {done, stop: () => controller.abort(), output: () => stdout, errors: () => stderr}
}

/** Wait (at most 5 s) until `output()` contains `text`; return what came after `from`. */
async function waitFor(output: () => string, text: string, from = 0): Promise<string> {
  const deadline = Date.now() + 5000
  while (!output().slice(from).includes(text)) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${JSON.stringify(text)}; output so far:\n${output()}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  return output().slice(from)
}

describe('healthlint lint --watch', () => {
  it('reports the first lint in full, then only what changes, and stops on abort', async () => {
    const root = temporaryArticles({'a.md': seed})
    const watch = startWatch(root)
    try {
      assert.equal(await waitFor(watch.output, 'Press Ctrl+C to stop.\n'), 'articles/a.md\n  reading age 14–16 (Flesch–Kincaid 8.8, SMOG 10.5); 69 sentences\n\n✔ 1 article checked: no problems\nWatching 1 article for changes. Press Ctrl+C to stop.\n')

      let from = watch.output().length
      writeFileSync(join(root, 'articles', 'a.md'), withColour)
      assert.equal(await waitFor(watch.output, `frontmatter-schema\n`, from), `articles/a.md: 1 new, 0 fixed (now 1 error, 0 warnings)\n  + articles/a.md:5:1  error  ${colourMessage}  frontmatter-schema\n`)

      from = watch.output().length
      writeFileSync(join(root, 'articles', 'b.md'), '')
      assert.equal(await waitFor(watch.output, 'empty-article\n', from), 'articles/b.md: added, 1 new (now 1 error, 0 warnings)\n  + articles/b.md:1:1  error  This file is empty. An article needs frontmatter and a body.  empty-article\n')

      from = watch.output().length
      rmSync(join(root, 'articles', 'b.md'))
      assert.equal(await waitFor(watch.output, 'removed\n', from), 'articles/b.md: removed\n')

      from = watch.output().length
      writeFileSync(join(root, 'articles', 'a.md'), seed)
      assert.equal(await waitFor(watch.output, 'frontmatter-schema\n', from), `articles/a.md: 0 new, 1 fixed (now 0 errors, 0 warnings)\n  - articles/a.md:5:1  error  ${colourMessage}  frontmatter-schema\n`)

      // Saving the same text again is a re-check with nothing to report.
      from = watch.output().length
      writeFileSync(join(root, 'articles', 'a.md'), seed)
      assert.equal(await waitFor(watch.output, '\n', from), 'articles/a.md: no change (now 0 errors, 0 warnings)\n')
    } finally {
      watch.stop()
    }
    assert.equal(await watch.done, 0)
    assert.equal(watch.errors(), '')

    // Once stopped, changes are no longer reported.
    const before = watch.output()
    writeFileSync(join(root, 'articles', 'a.md'), withColour)
    await new Promise((resolve) => setTimeout(resolve, 300))
    assert.equal(watch.output(), before)
    rmSync(root, {recursive: true, force: true})
  })

  it('exits 1 when errors remain at the end', async () => {
    const root = temporaryArticles({'a.md': withColour})
    const watch = startWatch(root)
    await waitFor(watch.output, 'Press Ctrl+C to stop.\n')
    watch.stop()
    assert.equal(await watch.done, 1)
    rmSync(root, {recursive: true, force: true})
  })

  it('refuses --format json', async () => {
    const root = temporaryArticles({'a.md': seed})
    const watch = startWatch(root, ['--format', 'json'])
    assert.equal(await watch.done, 2)
    assert.match(watch.errors(), /--watch prints its own report/)
    rmSync(root, {recursive: true, force: true})
  })

  it('stops cleanly on SIGINT when run as a process', async () => {
    const root = temporaryArticles({'a.md': seed})
    const child = spawn(process.execPath, [join(packageRoot, 'bin', 'healthlint.js'), 'lint', '--watch', 'articles', '--now', '2026-01-15'], {cwd: root, stdio: ['ignore', 'pipe', 'pipe']})
    let stdout = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    try {
      await waitFor(() => stdout, 'Press Ctrl+C to stop.\n')
      child.kill('SIGINT')
      let timer: NodeJS.Timeout | undefined
      const code = await Promise.race([exited, new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), 5000)))])
      clearTimeout(timer)
      assert.equal(code, 0)
    } finally {
      child.kill('SIGKILL')
      rmSync(root, {recursive: true, force: true})
    }
  })
})

describe('formatChange', () => {
  const message = (line: number, text: string): ReportedMessage => ({ruleId: 'some-rule', severity: 'warning', message: text, line, column: 1, endLine: line, endColumn: 1})

  it('treats a problem that only moved as unchanged, and matches repeated problems one for one', () => {
    const totals = {...emptyTotals(), warnings: 2}
    assert.equal(formatChange('a.md', [message(3, 'Same.'), message(5, 'Twice.')], [message(4, 'Same.'), message(6, 'Twice.')], totals), 'a.md: no change (now 0 errors, 2 warnings)\n')
    assert.equal(
      formatChange('a.md', [message(5, 'Twice.')], [message(5, 'Twice.'), message(9, 'Twice.')], totals),
      'a.md: 1 new, 0 fixed (now 0 errors, 2 warnings)\n  + a.md:9:1  warning  Twice.  some-rule\n'
    )
  })
})
