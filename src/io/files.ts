// Expanding the paths and globs given on the command line into article files.
import {lstat, readdir} from 'node:fs/promises'
import {join, posix, resolve, sep} from 'node:path'

/** A path that matched nothing: the CLI reports it and exits 2. */
export class MissingPathError extends Error {
  override name = 'MissingPathError'
  constructor(readonly path: string) {
    super(`No such file or directory: ${path}`)
  }
}

const isArticle = (name: string) => name.endsWith('.md') || name.endsWith('.markdown')

/**
 * Expand `inputs` (files, directories, globs) relative to `cwd` into article paths, in the
 * order given; files found in a directory or by a glob are sorted, and each path is listed once.
 * Symbolic links are listed (so the loader can refuse them) but never followed into.
 */
export async function expandPaths(inputs: string[], cwd: string): Promise<string[]> {
  const seen = new Set<string>()
  const result: string[] = []
  const add = (path: string, key = resolve(cwd, path)) => {
    if (!seen.has(key)) {
      seen.add(key)
      result.push(path)
    }
  }
  // Imported only for a glob: a run that names folders and files (a replayed run, say) never loads it.
  let globbing: typeof import('tinyglobby') | undefined
  for (const input of inputs) {
    if (mayBePattern(input) && (globbing ??= await import('tinyglobby')).isDynamicPattern(input)) {
      const matches = await globbing.glob(input, {cwd, onlyFiles: true, followSymbolicLinks: false, expandDirectories: false})
      if (matches.length === 0) throw new MissingPathError(input)
      for (const match of matches.sort()) add(match)
      continue
    }
    let stats
    try {
      stats = await lstat(resolve(cwd, input))
    } catch {
      throw new MissingPathError(input)
    }
    if (stats.isDirectory()) {
      // Each file found is `directory` + separator + its path below it: shown after the input as given.
      const directory = resolve(cwd, input)
      const shownDirectory = toPosix(join(input, '.'))
      const prefix = shownDirectory === '.' ? '' : shownDirectory.endsWith('/') ? shownDirectory : `${shownDirectory}/`
      for (const found of await walk(directory)) add(prefix + toPosix(found.slice(directory.length + (directory.endsWith(sep) ? 0 : 1))), found)
    } else {
      add(input)
    }
  }
  return result
}

async function walk(directory: string): Promise<string[]> {
  const found: string[] = []
  const pending = [directory]
  while (pending.length > 0) {
    const current = pending.pop()!
    const entries = await readdir(current, {withFileTypes: true})
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
      const path = join(current, entry.name)
      if (entry.isDirectory()) pending.push(path)
      else if (isArticle(entry.name)) found.push(path)
    }
  }
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

/** False when `input` has none of the characters a glob is made of (tinyglobby decides the rest). */
function mayBePattern(input: string): boolean {
  return /[*?[\]{}()!+@]/.test(input)
}

function toPosix(path: string): string {
  return sep === posix.sep ? path : path.split(sep).join(posix.sep)
}
