// The hostile corpus on disk: every committed attack article (test/fixtures/hostile/*.md) copied
// into a fresh project, plus the cases that cannot be committed and are made at run time: a
// symbolic link to a secret outside the project, a FIFO, a file over the size limit, binary and
// malformed bytes, and a body that keeps the Markdown parser busy past its time budget.
import {execFileSync} from 'node:child_process'
import {readFile, readdir, symlink} from 'node:fs/promises'
import {join} from 'node:path'
import {packageRoot} from '../../src/config/package-files.js'
import {testRules} from '../helpers.js'
import {removeProject, temporaryProject} from '../project.js'

export const fixtures = join(packageRoot, 'test/fixtures/hostile')
export const now = '2026-01-15'

/** Unguessable text in the symbolic link's target: it must never appear in any output. */
export const secret = `HEALTHLINT-SECRET-${process.pid}-not-for-publishing`

/**
 * The suite's config: the rules that ask for an article's sections are off (the attacks are not
 * articles), and the parse budget is short so that the one case that needs it is quick.
 */
export const config = {
  rules: testRules(Object.fromEntries(['require-red-flags', 'red-flags-urgent-action', 'require-seek-review', 'require-disclaimer', 'require-reviewer'].map((id) => [id, 'off']))),
  limits: {maxCheckMilliseconds: 1500}
}

/** Valid healthlint frontmatter (8 lines, then the closing fence on line 9). */
export const header = [
  '---',
  'title: Placeholder article',
  'description: A placeholder article used to test publishing.',
  'category: testing',
  'lastReviewed: 2025-12-22',
  'reviewedBy:',
  '  name: Dr Jane Smith',
  '  credential: GMC registered GP',
  '---',
  ''
].join('\n')

const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((part) => typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part)))

/** Files made at run time (name → bytes). */
export function generated(): Record<string, Buffer> {
  return {
    // Over the 256 KiB default limit (and over 1 MiB), but otherwise a plain article.
    'extra-too-large.md': bytes(header, '\n', 'Most back pain gets better on its own. '.repeat(27_000)),
    // One 100 KB line of ordinary words: slow paths in line-based code would show here.
    'extra-long-line.md': bytes(header, '\n', 'Most back pain gets better on its own. '.repeat(2600), '\n'),
    // 4,900 underlined headings (within the line cap): micromark rewrites its event list for
    // each, seconds in all, so only the time budget stops it.
    'extra-setext-flood.md': bytes(header, '\n', 'a\n=\n'.repeat(4900)),
    'extra-binary.md': bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    'extra-overlong-utf8.md': bytes('---\ntitle: a', [0xc0, 0xaf], '\n---\n\nText.\n'),
    'extra-surrogate-utf8.md': bytes('---\ntitle: ', [0xed, 0xa0, 0x80], '\n---\n\nText.\n'),
    'extra-utf16be.md': bytes([0xfe, 0xff], Array.from(Buffer.from('---\ntitle: x\n---\n', 'utf16le').swap16())),
    'extra-nul-only.md': Buffer.alloc(64)
  }
}

/**
 * The cases of the per-article budgets and memory caps, each of which took far more than 10 s or
 * 512 MB before them: they must now each run well within both, in lint and build. They get a
 * project of their own with the default limits (`makeBudgetProject`): 8,000 headings take about
 * a second to analyse, too close to the short budget the rest of the corpus is checked with.
 */
export function budgetCases(): Record<string, Buffer> {
  // Just under the 256 KiB file limit, so that only the new caps can stop them.
  const fill = (unit: string, bytes = 254_000) => unit.repeat(Math.floor((bytes - header.length - 1) / unit.length))
  return {
    // 254 KB of control characters on lines of their own: 127,000 matches for a rule that reads
    // the text, whose positions were each found by rescanning the file (142 s, 743 MB).
    'extra-control-lines.md': Buffer.from(header + '\n' + fill('\x01\n')),
    // 8,000 identical headings: numbering their ids was quadratic (build 7 s, preview 10–13 s).
    'extra-heading-flood.md': Buffer.from(header + '\n' + '## Side effects\n'.repeat(8000)),
    // A 200 KB table of 20 columns: about 95,000 cells (0.8–1.1 GB while parsing).
    'extra-table-flood.md': Buffer.from(header + '\n' + '|h'.repeat(20) + '|\n' + '|-'.repeat(20) + '|\n' + fill('|a'.repeat(20) + '|\n', 200_000)),
    // 254 KB of one-word list items: 63,000 items (0.8 GB, and converting them is quadratic).
    'extra-list-flood.md': Buffer.from(header + '\n' + fill('- a\n')),
    // 254 KB of links in blocks under the per-block marker cap (0.75 GB while parsing).
    'extra-link-flood.md': Buffer.from(header + '\n' + fill('[a](b) '.repeat(330) + '\n\n'))
  }
}

export interface HostileProject {
  /** The project directory; articles are in `articles/`. */
  cwd: string
  /** Every article's file name, sorted. */
  names: string[]
  /** Whether a FIFO could be made (needs `mkfifo`). */
  fifo: boolean
  remove(): Promise<void>
}

/** A fresh project holding the whole hostile corpus in `articles/` and the suite's config. */
export async function makeHostileProject(): Promise<HostileProject> {
  const files: Record<string, string | Uint8Array> = {}
  for (const name of await readdir(fixtures)) if (name.endsWith('.md')) files[`articles/${name}`] = await readFile(join(fixtures, name))
  for (const [name, content] of Object.entries(generated())) files[`articles/${name}`] = content
  // The secret lives outside the articles directory, as a runner's credentials file would.
  files['secret.txt'] = `---\ntitle: ${secret}\n---\n\n${secret}\n`
  files['healthlint.config.json'] = JSON.stringify(config)
  const cwd = temporaryProject(files, {prefix: 'healthlint-hostile-'})
  const articles = join(cwd, 'articles')
  await symlink(join(cwd, 'secret.txt'), join(articles, 'symlink-escape.md'))
  let fifo = true
  try {
    execFileSync('mkfifo', [join(articles, 'extra-fifo.md')], {stdio: 'ignore'})
  } catch {
    fifo = false
  }
  const names = (await readdir(articles)).sort()
  return {cwd, names, fifo, remove: async () => removeProject(cwd)}
}

/** A fresh project holding the budget cases in `articles/`, with the suite's rules and the default limits. */
export async function makeBudgetProject(): Promise<HostileProject> {
  const files = Object.fromEntries(Object.entries(budgetCases()).map(([name, content]) => [`articles/${name}`, content]))
  const cwd = temporaryProject(files, {prefix: 'healthlint-budget-', config: {rules: config.rules}})
  const names = (await readdir(join(cwd, 'articles'))).sort()
  return {cwd, names, fifo: false, remove: async () => removeProject(cwd)}
}
