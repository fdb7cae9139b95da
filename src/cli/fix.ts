// `lint --fix`: apply the fixes the rules attached to their messages (only those: a fix exists
// only where the replacement is unambiguous), then let `lint` report what is left. Each article
// is rewritten atomically: the new text goes to a temporary file in the same directory, with the
// article's file mode, which then replaces the article by rename, so a crash or a full disk
// never leaves half an article. Symbolic links are refused (a fix must not write outside the
// article it was made for), and an article whose bytes changed since it was checked is left
// alone. What changed is written to stderr, one line per fix.
import {chmodSync, lstatSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {createHash, randomBytes} from 'node:crypto'
import {basename, dirname, resolve} from 'node:path'
import {lint} from '../pipeline/lint.js'
import {applyFixes} from '../rule-kit/fix.js'
import type {Fix} from '../rule-kit/fix.js'
import type {CliEnvironment, CommonOptions} from './main.js'
import {plural} from '../rule-kit/plural.js'

const utf8 = new TextDecoder('utf-8', {fatal: true})

export interface FixSummary {
  files: number
  fixes: number
}

/** Apply every fix in the articles at `paths`; report each change on stderr. */
export async function fixArticles(environment: CliEnvironment, options: CommonOptions, paths: string[]): Promise<FixSummary> {
  const summary: FixSummary = {files: 0, fixes: 0}
  const {stderr} = environment
  // No cache: the fixes must come from the bytes on disk now.
  for await (const file of lint(paths, {cwd: environment.cwd, config: options.config, now: options.now})) {
    const fixes = new Map<Fix, string>()
    for (const message of file.messages) if (message.fix) fixes.set(message.fix, message.ruleId ?? 'healthlint')
    if (fixes.size === 0) continue
    const shown = file.path
    const path = resolve(environment.cwd, file.path)
    try {
      const stats = lstatSync(path)
      if (!stats.isFile()) {
        stderr.write(`healthlint: ${shown} is not a regular file (a symbolic link?), so --fix did not change it.\n`)
        continue
      }
      const bytes = readFileSync(path)
      if (file.data.contentHash !== undefined && createHash('sha256').update(bytes).digest('hex') !== file.data.contentHash) {
        stderr.write(`healthlint: ${shown} changed while it was being checked, so --fix did not change it; run it again.\n`)
        continue
      }
      // TextDecoder drops a byte order mark; positions count from after it, and it is kept.
      const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? '\ufeff' : ''
      const text = utf8.decode(bytes)
      const {text: fixed, applied} = applyFixes(text, [...fixes.keys()])
      if (applied.length === 0) continue
      writeAtomically(path, bom + fixed, stats.mode & 0o7777)
      summary.files++
      summary.fixes += applied.length
      stderr.write(`healthlint: fixed ${plural(applied.length, 'problem')} in ${shown}:\n`)
      for (const {fix, before} of applied) {
        stderr.write(`  ${fix.start.line}:${fix.start.column}  “${before}” → “${fix.text}”  ${fixes.get(fix)}\n`)
      }
    } catch (error) {
      stderr.write(`healthlint: --fix could not rewrite ${shown} (${(error as NodeJS.ErrnoException).code ?? String(error)}); it is unchanged.\n`)
    }
  }
  stderr.write(summary.fixes === 0 ? 'healthlint: nothing to fix.\n' : `healthlint: --fix made ${plural(summary.fixes, 'change')} in ${plural(summary.files, 'article')}.\n`)
  return summary
}

/** Replace the file at `path` with `text`: a temporary file in the same directory, then rename. */
function writeAtomically(path: string, text: string, mode: number): void {
  const temporary = resolve(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.healthlint-fix`)
  try {
    writeFileSync(temporary, text, {flag: 'wx', mode})
    // The umask may have narrowed the mode: set it exactly.
    chmodSync(temporary, mode)
    renameSync(temporary, path)
  } catch (error) {
    rmSync(temporary, {force: true})
    throw error
  }
}
