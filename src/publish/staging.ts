// Writing a bundle atomically. Files go into a fresh staging directory beside the output
// directory; only when every file is written and flushed is the staging directory swapped in
// (old directory renamed aside, staging renamed into place, old removed). A build that fails or
// is killed leaves the previous bundle where it was, and nothing is written outside the output
// directory except the staging and set-aside directories next to it (`.<name>.staging-*`,
// `.<name>.previous-*`), which the next build tidies up. A symbolic link on the way to the output
// directory (git can commit one) is refused, so a bundle is never written through one.
import {randomBytes} from 'node:crypto'
import {lstat, mkdir, open, readdir, rename, rm} from 'node:fs/promises'
import {closeSync, openSync, writeFileSync} from 'node:fs'
import {basename, dirname, isAbsolute, join, relative, resolve} from 'node:path'
import {findSymbolicLink} from '../io/safe-path.js'

/** A problem with the output directory itself: the CLI reports it and exits 2. */
export class OutputError extends Error {
  override name = 'OutputError'
}

/** A file system error while writing the bundle becomes a plain message (the CLI exits 2). */
export function asOutputError(error: unknown, out: string): unknown {
  if (error instanceof Error && 'syscall' in error && !(error instanceof OutputError)) {
    return new OutputError(`Could not write the bundle to ${out}: ${error.message}. The previous bundle, if any, is unchanged.`)
  }
  return error
}

export interface Staging {
  /** The staging directory (absolute). */
  directory: string
  /** Write `content` to `path` (relative, `/`-separated) inside the bundle. Never overwrites. */
  write(path: string, content: string): Promise<void>
  /** Swap the staged bundle in as the output directory. */
  commit(): Promise<void>
  /** Remove the staging directory, leaving the output directory as it was. */
  discard(): Promise<void>
}

/** What a shard's build (`build --shard`) writes beside its articles: its part of the site files. */
export const shardRecordName = 'healthlint-shard.json'

/** The entries a directory may hold for a build to replace it. */
const bundleEntries = new Set(['index.json', 'articles', 'manifest.json', 'hubs', 'sitemap.xml', 'feed.xml', 'feed.json', 'search-index.json', 'schemas', 'assets', shardRecordName])

export interface StagingOptions {
  /**
   * The working directory: every component of the path from it down to `target` must not be a
   * symbolic link (default: only `target` itself is checked).
   */
  root?: string
}

/** Prepare to replace the directory `target` (absolute) with a new bundle. */
export async function openStaging(target: string, options: StagingOptions = {}): Promise<Staging> {
  const name = basename(target)
  const parent = dirname(target)
  if (name === '' || name === '.' || name === '..' || parent === target) {
    throw new OutputError(`The output directory ${target} cannot be replaced; choose a directory such as dist/.`)
  }
  const link = findSymbolicLink(options.root ?? parent, target)
  if (link !== undefined) {
    throw new OutputError(`The output path ${target} ${link === target ? 'is' : `goes through ${link}, which is`} a symbolic link; healthlint never writes a bundle through a link. Choose another --out, or replace the link with a directory.`)
  }
  await mkdir(parent, {recursive: true})
  await recover(parent, name)
  await checkReplaceable(target)
  // Made with the mode the umask gives (mkdtemp would make it 0700, which a web server running
  // as another user cannot read); the random suffix makes a clash all but impossible, and mkdir
  // fails rather than reuse anything already there.
  const suffix = randomBytes(6).toString('hex')
  const directory = join(parent, `.${name}.staging-${suffix}`)
  await mkdir(directory)
  let pending = true
  const written: string[] = []
  // Directories already made: most files go into articles/, made once.
  const made = new Set<string>()

  return {
    directory,
    async write(path, content) {
      const destination = inside(directory, path)
      if (!made.has(dirname(destination))) {
        await mkdir(dirname(destination), {recursive: true})
        made.add(dirname(destination))
      }
      writeExclusive(destination, content)
      written.push(destination)
    },
    async commit() {
      if (!pending) throw new Error('This staging directory was already committed or discarded.')
      pending = false
      // Flush everything before the swap, so the new bundle is on disk before it is visible.
      // Many flushes at once let the file system batch them into few journal commits.
      for (let start = 0; start < written.length; start += syncBatch) {
        await Promise.all(written.slice(start, start + syncBatch).map(syncPath))
      }
      // Every directory made (articles/, hubs/, schemas/, assets/), deepest first, then the root.
      for (const folder of [...made].sort().reverse()) if (folder !== directory) await syncPath(folder).catch(() => undefined)
      await syncPath(directory)
      const previous = join(parent, `.${name}.previous-${suffix}`)
      let moved = false
      try {
        await rename(target, previous)
        moved = true
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
          await rm(directory, {recursive: true, force: true})
          throw error
        }
      }
      try {
        await rename(directory, target)
      } catch (error) {
        if (moved) await rename(previous, target)
        await rm(directory, {recursive: true, force: true})
        throw error
      }
      await syncPath(parent)
      if (moved) await rm(previous, {recursive: true, force: true})
    },
    async discard() {
      if (!pending) return
      pending = false
      await rm(directory, {recursive: true, force: true})
    }
  }
}

/**
 * The absolute path of `path` inside `root`, refusing anything that would land elsewhere
 * (`..`, absolute paths, backslashes, empty segments).
 */
export function inside(root: string, path: string): string {
  const segments = path.split('/')
  if (path.includes('\\') || path.includes('\0') || segments.some((segment) => segment === '' || segment === '.' || segment === '..')) {
    throw new OutputError(`Refusing to write \`${path}\`: bundle paths are plain relative paths.`)
  }
  const destination = resolve(root, ...segments)
  const within = relative(root, destination)
  if (within === '' || within.startsWith('..') || isAbsolute(within)) {
    throw new OutputError(`Refusing to write \`${path}\` outside the bundle.`)
  }
  return destination
}

/**
 * Undo what a killed build left behind: a bundle set aside but never replaced is put back,
 * and abandoned staging directories are removed.
 */
async function recover(parent: string, name: string): Promise<void> {
  const entries = await readdir(parent)
  const previous = entries.filter((entry) => entry.startsWith(`.${name}.previous-`)).sort()
  const target = join(parent, name)
  if (previous.length > 0 && !(await exists(target))) {
    await rename(join(parent, previous.pop()!), target)
  }
  for (const entry of entries) {
    if (entry.startsWith(`.${name}.staging-`) || previous.includes(entry)) {
      await rm(join(parent, entry), {recursive: true, force: true})
    }
  }
}

/** Only a directory that is empty or holds a previous bundle may be replaced. */
async function checkReplaceable(target: string): Promise<void> {
  let stats
  try {
    stats = await lstat(target)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw error
  }
  if (!stats.isDirectory()) {
    throw new OutputError(`The output path ${target} exists and is not a directory; choose another --out.`)
  }
  const entries = await readdir(target)
  const marked = entries.includes('index.json') || entries.includes(shardRecordName)
  if (entries.length > 0 && (!marked || entries.some((entry) => !bundleEntries.has(entry)))) {
    throw new OutputError(`The output directory ${target} holds files that are not a healthlint bundle (it would be replaced entirely); choose an empty or new directory for --out.`)
  }
}

const syncBatch = 64

function writeExclusive(path: string, content: string): void {
  // `wx`: a path is written once per build, so two articles can never overwrite each other.
  // Synchronous: a few small files per article, where a thread-pool round trip per call (open,
  // write, close) cost more than the writing; durability comes from the fsyncs in `commit`.
  const descriptor = openSync(path, 'wx')
  try {
    writeFileSync(descriptor, content, 'utf8')
  } finally {
    closeSync(descriptor)
  }
}

async function syncPath(path: string): Promise<void> {
  const handle = await open(path, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path)
    return true
  } catch {
    return false
  }
}
