// Paths that a pull request could have planted. git can commit a symbolic link, so any path
// inside the working tree may lead elsewhere on the machine: the cache directory, a data file
// named in the config, `--out`. These helpers find such a link before anything is read or
// written through it. Components above the root (the working directory, which the user chose)
// are never checked: a checkout under a linked home directory is fine.
import {closeSync, constants, fstatSync, lstatSync, openSync, readSync} from 'node:fs'
import {isAbsolute, join, relative, sep} from 'node:path'

/** Whether `path` (absolute) is `root` (absolute) or inside it, by the names alone. */
export function isInside(root: string, path: string): boolean {
  const within = relative(root, path)
  return within === '' || (!within.startsWith(`..${sep}`) && within !== '..' && !isAbsolute(within))
}

/**
 * The first symbolic link on the way from `root` down to `target` (both absolute), `target`
 * itself included, or undefined. The walk stops at the first component that does not exist (a
 * directory still to be made). A target outside `root` (a path the command line gave) has only
 * its last component checked. Any other error (say, EACCES) is thrown.
 */
export function findSymbolicLink(root: string, target: string): string | undefined {
  const within = relative(root, target)
  const [start, parts] = isInside(root, target) ? [root, within === '' ? [] : within.split(sep)] : [undefined, []]
  if (start === undefined) return isLink(target) ? target : undefined
  let current = start
  for (const part of parts) {
    current = join(current, part)
    const link = isLink(current)
    if (link === undefined) return undefined
    if (link) return current
  }
  return undefined
}

/** true for a symbolic link, false for anything else, undefined for nothing there. */
function isLink(path: string): boolean | undefined {
  try {
    return lstatSync(path).isSymbolicLink()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined
    throw error
  }
}

/**
 * The bytes of the regular file at `path`, opened without following a link: undefined when
 * nothing is there, null when it is a link (ELOOP), not a regular file, over `maxBytes` or
 * unreadable. Synchronous: a small file in the page cache reads faster than a thread-pool round trip.
 */
export function readRegularFile(path: string, maxBytes: number): Buffer | undefined | null {
  let descriptor: number
  try {
    descriptor = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK)
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : null
  }
  try {
    const stats = fstatSync(descriptor)
    if (!stats.isFile() || stats.size > maxBytes) return null
    const buffer = Buffer.allocUnsafe(stats.size)
    let total = 0
    while (total < buffer.length) {
      const read = readSync(descriptor, buffer, total, buffer.length - total, total)
      if (read === 0) break
      total += read
    }
    return buffer.subarray(0, total)
  } catch {
    return null
  } finally {
    closeSync(descriptor)
  }
}
