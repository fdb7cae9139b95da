// Watching articles for changes, shared by `lint --watch` and `preview`. Node's recursive
// fs.watch on the folders the inputs name, a short debounce so that one save is one re-check,
// and re-checks that never overlap: events during a re-check schedule exactly one more.
import {watch} from 'node:fs'
import type {FSWatcher} from 'node:fs'
import {lstat} from 'node:fs/promises'
import {dirname, resolve} from 'node:path'
import {isDynamicPattern} from 'tinyglobby'
import {expandPaths, MissingPathError} from './files.js'

/** Wait this long after the last file event before re-checking, so one save is one re-check. */
export const debounceMs = 100

export interface WatchOptions {
  /** Called after file events settle; never while a previous call is still running. */
  onChange: () => Promise<void>
  /** A problem with watching or re-checking, as one sentence without the `healthlint:` prefix. */
  onError: (message: string) => void
}

export interface ChangeWatcher {
  /** Stop watching and wait for a re-check in progress to finish. */
  close(): Promise<void>
}

/** Watch the folders behind `inputs` (files, folders, globs) and call `onChange` when they change. */
export async function watchInputs(inputs: string[], cwd: string, options: WatchOptions): Promise<ChangeWatcher> {
  let closed = false
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  let again = false
  const schedule = () => {
    if (closed) return
    clearTimeout(timer)
    timer = setTimeout(() => {
      if (running) {
        again = true
        return
      }
      running = (async () => {
        do {
          again = false
          await options.onChange()
        } while (again && !closed)
      })()
        .catch((error: unknown) => options.onError(`re-check failed: ${(error as Error).message}`))
        .finally(() => (running = undefined))
    }, debounceMs)
  }

  const watchers: FSWatcher[] = []
  for (const {directory, recursive} of await watchRootsOf(inputs, cwd)) {
    try {
      const watcher = watch(directory, {recursive, persistent: true}, schedule)
      watcher.on('error', (error) => options.onError(`stopped watching ${directory}: ${error.message}`))
      watchers.push(watcher)
    } catch (error) {
      options.onError(`cannot watch ${directory}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
    }
  }

  return {
    async close() {
      closed = true
      clearTimeout(timer)
      for (const watcher of watchers) watcher.close()
      await running
    }
  }
}

/** The articles `inputs` name now; none when a path has disappeared. */
export async function currentPaths(inputs: string[], cwd: string): Promise<string[]> {
  try {
    return await expandPaths(inputs, cwd)
  } catch (error) {
    if (!(error instanceof MissingPathError)) throw error
    return []
  }
}

/** Size, change and modification times: a re-check happens only when this differs. */
export async function fingerprintOf(absolute: string): Promise<string> {
  try {
    const stats = await lstat(absolute)
    return `${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}:${stats.ino}`
  } catch {
    return 'missing'
  }
}

/** The directories to watch: a directory input itself, a file's parent, a glob's fixed base. */
async function watchRootsOf(inputs: string[], cwd: string): Promise<Array<{directory: string; recursive: boolean}>> {
  const roots = new Map<string, boolean>()
  const add = (directory: string, recursive: boolean) => roots.set(directory, (roots.get(directory) ?? false) || recursive)
  for (const input of inputs) {
    if (isDynamicPattern(input)) {
      const fixed: string[] = []
      for (const segment of input.split('/')) {
        if (isDynamicPattern(segment)) break
        fixed.push(segment)
      }
      add(resolve(cwd, fixed.join('/') || '.'), true)
    } else {
      // expandPaths has already checked that every input exists. A file is watched through its
      // directory, because many editors save by replacing the file.
      const absolute = resolve(cwd, input)
      const isDirectory = await lstat(absolute).then((stats) => stats.isDirectory(), () => false)
      add(isDirectory ? absolute : dirname(absolute), isDirectory)
    }
  }
  return [...roots].map(([directory, recursive]) => ({directory, recursive}))
}
