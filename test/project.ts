// The one temporary-project helper for tests: a fresh folder under the system temp directory
// with the given files written, removed when the test file's process ends.
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'

export interface TemporaryProjectOptions {
  /** Start of the folder's name, to tell leftovers apart (default `healthlint-test-`). */
  prefix?: string
  /** Written to `healthlint.config.json`. */
  config?: unknown
  /** Keep the folder after the tests (the caller removes it). */
  keep?: boolean
}

const made: string[] = []
let hooked = false

/**
 * A new project folder holding `files` (relative path → text or bytes, or `dir/` for an empty
 * folder; folders are made as needed). Synchronous, so it serves synchronous set-ups too. Removed, with the `<root>-copy`
 * a test may make beside it, when the process that made it (one test file) exits.
 */
export function temporaryProject(files: Record<string, string | Uint8Array> = {}, options: TemporaryProjectOptions = {}): string {
  const root = mkdtempSync(join(tmpdir(), options.prefix ?? 'healthlint-test-'))
  if (!options.keep) {
    made.push(root, `${root}-copy`)
    if (!hooked) {
      hooked = true
      // At exit, not in a node:test `after` hook: a hook registered from inside another hook
      // (a `before` that makes the project) would run as soon as that hook ends.
      process.once('exit', () => {
        for (const path of made) rmSync(path, {recursive: true, force: true})
      })
    }
  }
  if (options.config !== undefined) files = {'healthlint.config.json': JSON.stringify(options.config), ...files}
  writeFiles(root, files)
  return root
}

/**
 * Write `files` (relative path → text or bytes) under `root`, making folders as needed; a path
 * ending in `/` is an empty folder.
 */
export function writeFiles(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [path, content] of Object.entries(files)) {
    if (path.endsWith('/')) {
      mkdirSync(join(root, path), {recursive: true})
      continue
    }
    mkdirSync(dirname(join(root, path)), {recursive: true})
    writeFileSync(join(root, path), content)
  }
}

/** Remove a project now (for tests that check what removal leaves, or a kept project). */
export function removeProject(root: string): void {
  rmSync(root, {recursive: true, force: true})
}
