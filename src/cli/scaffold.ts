// What `healthlint init` and `healthlint new` share: the templates (data files shipped in the
// package, next to this module's source) and a writer that never overwrites a file and never
// writes through a symbolic link (which a cloned repository could have planted), so neither
// command can change anything outside the repository or anything a person already wrote.
import {readFileSync} from 'node:fs'
import {appendFile, mkdir, readFile, writeFile} from 'node:fs/promises'
import {dirname, join, relative, resolve, sep} from 'node:path'
import {packageRoot} from '../config/package-files.js'
import {findSymbolicLink, isInside} from '../io/safe-path.js'

export const templatesDirectory = join(packageRoot, 'src', 'cli', 'templates')

/** A template's text: `name` is a path under src/cli/templates/, or a file of the package. */
export function readTemplate(name: string, fromPackageRoot = false): string {
  return readFileSync(join(fromPackageRoot ? packageRoot : templatesDirectory, name), 'utf8')
}

export type WriteOutcome = {written: true} | {written: false; reason: string}

/**
 * Write `text` to `path` (relative to `root`, with `/` separators), making its folders, only if
 * nothing is there: a file, folder or link already at the path is left alone, and so is a path
 * reached through a symbolic link.
 */
export async function writeNewFile(root: string, path: string, text: string): Promise<WriteOutcome> {
  const target = resolve(root, ...path.split('/'))
  if (!isInside(root, target) || target === root) return {written: false, reason: 'it is outside the working directory'}
  const link = findSymbolicLink(root, target)
  if (link) return {written: false, reason: `${displayPath(root, link)} is a symbolic link`}
  await mkdir(dirname(target), {recursive: true})
  try {
    // `wx`: create only, failing if anything (even a dangling link) is there.
    await writeFile(target, text, {flag: 'wx'})
    return {written: true}
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return {written: false, reason: 'it already exists'}
    throw error
  }
}

/**
 * Add the lines of `wanted` that `path` does not already have (an entry per line, such as a
 * .gitignore's), or write the file when there is none. Existing lines are never changed.
 * Returns the lines added.
 */
export async function addMissingLines(root: string, path: string, wanted: string[]): Promise<string[] | {written: false; reason: string}> {
  const target = resolve(root, ...path.split('/'))
  const link = findSymbolicLink(root, target)
  if (link) return {written: false, reason: `${displayPath(root, link)} is a symbolic link`}
  let existing: string
  try {
    existing = await readFile(target, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    const outcome = await writeNewFile(root, path, wanted.join('\n') + '\n')
    return outcome.written ? wanted : outcome
  }
  const have = new Set(existing.split(/\r?\n/).map((line) => line.trim()))
  const missing = wanted.filter((line) => !have.has(line) && !have.has(`/${line}`) && !have.has(line.replace(/\/$/, '')))
  if (missing.length === 0) return missing
  await appendFile(target, (existing === '' || existing.endsWith('\n') ? '' : '\n') + missing.join('\n') + '\n')
  return missing
}

export function displayPath(root: string, path: string): string {
  return relative(root, path).split(sep).join('/')
}
