// The cache's secret: 32 random bytes, mode 0600, in `node_modules/.cache/healthlint/`, with
// which every cache entry and replayed run is authenticated (see io/cache.ts, Trust). Kept apart
// from the cache so that a replayed run (cli/quick-replay.ts) can check it without loading the
// rest.
import {randomBytes} from 'node:crypto'
import {execFile} from 'node:child_process'
import {closeSync, constants, fstatSync, lstatSync, openSync, readSync} from 'node:fs'
import {link, mkdir, open, unlink} from 'node:fs/promises'
import {join} from 'node:path'

export const secretName = 'cache-secret'
const secretBytes = 32

/** `node_modules/.cache/healthlint` in `directory`: where the CLI keeps the cache's secret. */
export function defaultSecretDirectory(directory: string): string {
  return join(directory, 'node_modules', '.cache', 'healthlint')
}

/** Whether git tracks any file in `directory` (false when it is missing, or not in a repository, or git is not installed). */
export function isTracked(directory: string): Promise<boolean> {
  try {
    if (!lstatSync(directory).isDirectory()) return Promise.resolve(false)
  } catch {
    return Promise.resolve(false)
  }
  // No shell, fixed arguments, and a pathspec relative to the directory itself.
  return new Promise((resolvePromise) => {
    execFile('git', ['ls-files', '-z', '--', '.'], {cwd: directory, encoding: 'utf8', timeout: 30_000, maxBuffer: 1024 * 1024}, (error, stdout) => {
      // Output past maxBuffer is an error here, but it still means files are tracked.
      resolvePromise(stdout.length > 0 || (error as {code?: unknown} | null)?.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER')
    })
  })
}

/** The secret in `directory`, made (mode 0600) if there is none. Throws when it is not private. */
export async function loadSecret(directory: string): Promise<Buffer> {
  const path = join(directory, secretName)
  const existing = readSecret(path)
  if (existing) return existing
  await mkdir(directory, {recursive: true, mode: 0o700})
  // Written to a temporary file and linked into place, so a concurrent run never sees half a
  // secret, and the first run's secret wins.
  const temporary = `${path}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`
  const handle = await open(temporary, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | constants.O_NOFOLLOW, 0o600)
  try {
    await handle.writeFile(randomBytes(secretBytes))
  } finally {
    await handle.close()
  }
  await link(temporary, path).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error
  })
  await unlink(temporary).catch(() => undefined)
  const secret = readSecret(path)
  if (!secret) throw new Error('it could not be created')
  return secret
}

/** The secret at `path`, or undefined when there is none; throws when it is not a private file of ours. */
export function readSecret(path: string): Buffer | undefined {
  let descriptor: number
  try {
    descriptor = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new Error((error as NodeJS.ErrnoException).code ?? String(error))
  }
  try {
    const stats = fstatSync(descriptor)
    if (!stats.isFile() || stats.size !== secretBytes) throw new Error(`it is not a file of ${secretBytes} bytes`)
    if ((stats.mode & 0o077) !== 0) throw new Error('others can read or write it')
    const uid = process.getuid?.()
    if (uid !== undefined && stats.uid !== uid) throw new Error('it belongs to another user')
    const secret = Buffer.alloc(secretBytes)
    if (readSync(descriptor, secret, 0, secretBytes, 0) !== secretBytes) throw new Error('it is truncated')
    return secret
  } finally {
    closeSync(descriptor)
  }
}

