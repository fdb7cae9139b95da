// Reading the files a configuration names: the config file itself and every data file a rule
// option points at (`plain-english`'s `vocabulary`). A pull request can change the config, so
// such a path is untrusted: it could name `/dev/zero` (an endless read), a FIFO (a read that
// never returns), a credentials file elsewhere on the machine (whose values a rule would then
// quote in its messages), or a symbolic link to any of those. So a data file must be a regular
// file, inside the working directory, reached without a symbolic link, and at most
// `maxDataFileBytes`; it is opened without following a link and without blocking, must still be
// the file `lstat` saw, and is read once, when the config is loaded.
import {closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync} from 'node:fs'
import type {Stats} from 'node:fs'
import {resolve} from 'node:path'
import {findSymbolicLink, isInside} from '../io/safe-path.js'

/** The largest config or data file read: 1 MiB, some fifty times the built-in vocabulary. */
export const maxDataFileBytes = 1_048_576

/** Why a data file was not read: `reason` completes "…, which …" (no path or content in it). */
/** The config file read from the working directory when `--config` is not given. */
export const defaultConfigName = 'healthlint.config.json'

export class DataFileError extends Error {
  override name = 'DataFileError'
  constructor(readonly reason: string, readonly code?: string) {
    super(reason)
  }
}

export interface DataFileOptions {
  /**
   * The path came from the command line (`--config PATH`), which the user typed: it may be
   * anywhere and pass through links. It must still be a regular file within the size cap.
   */
  trusted?: boolean
}

const utf8 = new TextDecoder('utf-8', {fatal: true})

/** The text of the file at `path` (relative to `root`, absolute). Throws DataFileError. */
export function readDataFile(root: string, path: string, options: DataFileOptions = {}): string {
  const absolute = resolve(root, path)
  if (!options.trusted) {
    if (!isInside(root, absolute)) throw new DataFileError('is outside the working directory')
    let link: string | undefined
    try {
      link = findSymbolicLink(root, absolute)
    } catch (error) {
      throw asDataFileError(error)
    }
    if (link !== undefined) throw new DataFileError(link === absolute ? 'is a symbolic link' : 'is reached through a symbolic link')
    // No link below the root, so this holds unless the root itself moved; checked all the same.
    try {
      if (!isInside(realpathSync(root), realpathSync(absolute))) throw new DataFileError('is outside the working directory')
    } catch (error) {
      throw asDataFileError(error)
    }
  }
  let seen: Stats
  let descriptor: number
  try {
    seen = options.trusted ? statSync(absolute) : lstatSync(absolute)
    if (!seen.isFile()) throw new DataFileError('is not a regular file')
    descriptor = openSync(absolute, constants.O_RDONLY | constants.O_NONBLOCK | (options.trusted ? 0 : constants.O_NOFOLLOW))
  } catch (error) {
    throw asDataFileError(error)
  }
  try {
    const stats = fstatSync(descriptor)
    if (!stats.isFile()) throw new DataFileError('is not a regular file')
    if (!options.trusted && (stats.ino !== seen.ino || stats.dev !== seen.dev)) throw new DataFileError('changed while it was being read')
    if (stats.size > maxDataFileBytes) throw new DataFileError(`is ${stats.size} bytes, more than the limit of ${maxDataFileBytes} bytes for a config or data file`)
    // One byte more than the limit is asked for, so a file that grows meanwhile is noticed.
    const buffer = Buffer.allocUnsafe(maxDataFileBytes + 1)
    let total = 0
    for (;;) {
      const read = readSync(descriptor, buffer, total, buffer.length - total, total)
      total += read
      if (read === 0 || total === buffer.length) break
    }
    if (total > maxDataFileBytes) throw new DataFileError(`is more than the limit of ${maxDataFileBytes} bytes for a config or data file`)
    try {
      return utf8.decode(buffer.subarray(0, total)).replace(/^\uFEFF/, '')
    } catch {
      throw new DataFileError('is not UTF-8 text')
    }
  } catch (error) {
    throw asDataFileError(error)
  } finally {
    closeSync(descriptor)
  }
}

function asDataFileError(error: unknown): DataFileError {
  if (error instanceof DataFileError) return error
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return new DataFileError('does not exist', code)
  if (code === 'ELOOP') return new DataFileError('is a symbolic link', code)
  return new DataFileError(`could not be read (${code ?? 'unknown error'})`, code)
}
