// Replaying an unchanged `lint` run before anything is loaded. A run that can be replayed (see
// `isReplayable`) leaves a record of what it depended on, and of what it wrote: the exact
// command line, working directory, the environment variables healthlint reads, whether stdout
// was a terminal, the day (`--now`, or today), the tool's stamp (io/fingerprint.ts), the
// bytes of the config file and of every data file it names, the articles the inputs expanded to
// and the bytes of each. The next identical command checks all of that again (starting node,
// reading and hashing each file: the least any tool could do) and, when nothing differs, writes
// the same report bytes, appends the same job summary and exits with the same code, without
// loading the config, the rules or the Markdown stack. Anything that differs, or cannot be
// checked, and the run goes on as usual (cli/replay.ts then replays what it can from the cache).
//
// Safe by construction: everything the report depends on is in the record and checked, and the
// record is believed only when it carries an HMAC made with the cache's secret (io/secret.ts),
// which git must not track. Records live next to the secret, in
// `node_modules/.cache/healthlint/replay/`, one per command line (the 4 most recent are kept).
// `--no-cache` neither reads nor writes them.
import {createHash, createHmac, randomBytes, timingSafeEqual} from 'node:crypto'
import {lstatSync, readdirSync, statSync} from 'node:fs'
import {mkdir, open, rename, rm, unlink} from 'node:fs/promises'
import {join, resolve} from 'node:path'
import {DataFileError, defaultConfigName, readDataFile} from '../config/data-files.js'
import {expandPaths} from '../io/files.js'
import {toolStamp} from '../io/fingerprint.js'
import {findSymbolicLink, readRegularFile} from '../io/safe-path.js'
import {defaultSecretDirectory, isTracked, readSecret, secretName} from '../io/secret.js'
import {appendSummaryFile} from './summary-file.js'

/**
 * Every environment variable healthlint reads (test/cli/quick-replay.test.ts checks the source
 * for others): a run is replayed only when each has the value it had.
 */
export const environmentRead = ['GITHUB_BASE_REF', 'GITHUB_STEP_SUMMARY', 'GITHUB_WORKSPACE', 'NO_COLOR'] as const

/** One `lint` command as main.ts reads it, before the config is loaded. */
export interface RunRequest {
  argv: readonly string[]
  cwd: string
  env: Record<string, string | undefined>
  tty: boolean
  now: string
  /** `--config`, when given. */
  configPath: string | undefined
  /** The paths and globs to lint (the default `articles/` included). */
  inputs: readonly string[]
  /** The job summary's file (`--summary` or `$GITHUB_STEP_SUMMARY`). */
  summary: string | undefined
}

/** What a finished run depended on besides the request, and what it wrote. */
export interface RunResult {
  /** The data files the config names (relative to cwd). */
  dataFiles: readonly string[]
  /** The articles the inputs expanded to, in order, and the SHA-256 of each one's bytes. */
  paths: readonly string[]
  hashes: ReadonlyMap<string, string>
  stdout: string
  summary: string | undefined
  exitCode: number
}

interface Header {
  format: number
  argv: string[]
  cwd: string
  env: Array<string | null>
  tty: boolean
  now: string
  /** The tool's code, data, dependencies and schemas (io/fingerprint.ts). */
  tool: string
  config: string | null
  data: Array<[string, string]>
  articles: Array<[string, string]>
  summary: string | null
  exitCode: number
}

const recordFormat = 1
const keptRecords = 4
/** Larger records are not read (or written): a report of this size is rebuilt from the cache. */
const maxRecordBytes = 64 * 1024 * 1024
const macLength = 64
/** A larger article is not hashed here: the run itself says what it makes of it. */
const maxArticleBytes = 64 * 1024 * 1024

/** Whether a `lint` command line may be replayed: not one that edits files, watches or asks git. */
export function isReplayable(values: {watch?: boolean; fix?: boolean; 'no-cache'?: boolean}, changed: unknown): boolean {
  return !values.watch && !values.fix && !values['no-cache'] && changed === undefined
}

/**
 * Write the previous identical run's report again: its exit code, or undefined when there is
 * none, or anything it depended on differs (or cannot be checked). Never throws for the files.
 */
export async function replayRun(request: RunRequest, output: {stdout: {write(chunk: string | Uint8Array): unknown}; stderr: {write(chunk: string): unknown}}): Promise<number | undefined> {
  const secretDirectory = defaultSecretDirectory(request.cwd)
  const path = recordPath(request)
  if (!exists(path)) return undefined
  // git answers while the files are hashed.
  const tracked = isTracked(secretDirectory)
  try {
    const record = readRecord(request, path)
    if (!record || !(await matches(record.header, request)) || (await tracked)) return undefined
    output.stdout.write(record.payload)
    const {summary, exitCode} = record.header
    // 2 (exitCodes.usage), as the run itself exits when it cannot write the summary.
    if (summary !== null && !(await appendSummaryFile({cwd: request.cwd, stderr: output.stderr}, request.summary, summary))) return 2
    return exitCode
  } catch {
    return undefined
  } finally {
    await tracked.catch(() => undefined)
  }
}

/** Keep this run's record for the next identical run. Never throws: a run is never failed by it. */
export async function saveRun(request: RunRequest, result: RunResult): Promise<void> {
  try {
    const secretDirectory = defaultSecretDirectory(request.cwd)
    if (findSymbolicLink(request.cwd, join(secretDirectory, 'replay')) !== undefined || findSymbolicLink(request.cwd, join(secretDirectory, secretName)) !== undefined) return
    const secret = readSecret(join(secretDirectory, secretName))
    if (!secret || (await isTracked(secretDirectory))) return
    const config = configHash(request)
    if (config === undefined || result.paths.some((article) => !result.hashes.has(article))) return
    const data: Array<[string, string]> = []
    for (const file of result.dataFiles) {
      const hash = dataFileHash(request.cwd, file)
      if (hash === undefined) return
      data.push([file, hash])
    }
    const header: Header = {
      format: recordFormat,
      argv: [...request.argv],
      cwd: request.cwd,
      env: environmentRead.map((name) => request.env[name] ?? null),
      tty: request.tty,
      now: request.now,
      tool: toolStamp(),
      config,
      data,
      articles: result.paths.map((article) => [article, result.hashes.get(article)!]),
      summary: result.summary ?? null,
      exitCode: result.exitCode
    }
    // Not compressed: inflating a large report costs more than reading it.
    const payload = Buffer.from(result.stdout)
    const head = Buffer.from(`${JSON.stringify(header)}\n`)
    if (head.length + payload.length > maxRecordBytes) return
    const path = recordPath(request)
    const mac = macOf(secret, path, head, payload)
    const directory = join(secretDirectory, 'replay')
    await mkdir(directory, {recursive: true, mode: 0o700})
    // Written to a temporary file (`wx` never opens an existing file or a link) renamed into place.
    const temporary = `${path}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`
    try {
      const handle = await open(temporary, 'wx', 0o600)
      try {
        await handle.writeFile(Buffer.concat([Buffer.from(`${mac.toString('hex')}\n`), head, payload]))
      } finally {
        await handle.close()
      }
      await rename(temporary, path)
    } catch (error) {
      await unlink(temporary).catch(() => undefined)
      throw error
    }
    await prune(directory)
  } catch {
    // A record that cannot be written (read-only checkout, full disk) only means no replay.
  }
}

/** One record per command line and working directory. */
function recordPath(request: RunRequest): string {
  const name = createHash('sha256').update(JSON.stringify([request.cwd, request.argv])).digest('hex').slice(0, 32)
  return join(defaultSecretDirectory(request.cwd), 'replay', `${name}.run`)
}

function macOf(secret: Buffer, path: string, head: Uint8Array, payload: Uint8Array): Buffer {
  // The MAC covers the record's place as well as its bytes, so no record can stand for another command.
  return createHmac('sha256', secret).update(`replay\0${path}\0`).update(head).update(payload).digest()
}

function exists(path: string): boolean {
  try {
    statSync(path)
    return true
  } catch {
    return false
  }
}

/** The record at `path`, authenticated, or undefined. */
function readRecord(request: RunRequest, path: string): {header: Header; payload: Buffer} | undefined {
  const secretDirectory = defaultSecretDirectory(request.cwd)
  if (findSymbolicLink(request.cwd, path) !== undefined || findSymbolicLink(request.cwd, join(secretDirectory, secretName)) !== undefined) return undefined
  const secret = readSecret(join(secretDirectory, secretName))
  const bytes = secret && readRegularFile(path, maxRecordBytes)
  if (!secret || !bytes) return undefined
  const firstBreak = macLength
  const secondBreak = bytes.indexOf(10, firstBreak + 1)
  if (bytes[firstBreak] !== 10 || secondBreak === -1) return undefined
  const mac = bytes.toString('latin1', 0, macLength)
  if (!/^[0-9a-f]{64}$/.test(mac)) return undefined
  const head = bytes.subarray(firstBreak + 1, secondBreak + 1)
  const payload = bytes.subarray(secondBreak + 1)
  if (!timingSafeEqual(Buffer.from(mac, 'hex'), macOf(secret, path, head, payload))) return undefined
  const header = JSON.parse(head.toString('utf8')) as Header
  return header.format === recordFormat ? {header, payload} : undefined
}

/** Whether everything the recorded run depended on is as it was. */
async function matches(header: Header, request: RunRequest): Promise<boolean> {
  if (
    header.cwd !== request.cwd ||
    header.now !== request.now ||
    header.tty !== request.tty ||
    header.argv.length !== request.argv.length ||
    header.argv.some((argument, index) => argument !== request.argv[index]) ||
    environmentRead.some((name, index) => (request.env[name] ?? null) !== header.env[index])
  ) return false
  if (header.tool !== toolStamp() || header.config !== configHash(request)) return false
  if (header.data.some(([file, hash]) => dataFileHash(request.cwd, file) !== hash)) return false
  let paths: string[]
  try {
    paths = await expandPaths([...request.inputs], request.cwd)
  } catch {
    return false
  }
  if (paths.length !== header.articles.length) return false
  for (const [index, [article, hash]] of header.articles.entries()) {
    if (paths[index] !== article) return false
    const bytes = readRegularFile(resolve(request.cwd, article), maxArticleBytes)
    if (!bytes || createHash('sha256').update(bytes).digest('hex') !== hash) return false
  }
  return true
}

/**
 * The SHA-256 of the config file's text, read as the config loader reads it; null for no config
 * file (the defaults), undefined when it cannot be read (the run reports why).
 */
function configHash(request: RunRequest): string | null | undefined {
  try {
    return sha256(readDataFile(request.cwd, request.configPath ?? defaultConfigName, {trusted: request.configPath !== undefined}))
  } catch (error) {
    if (error instanceof DataFileError && error.code === 'ENOENT' && request.configPath === undefined) return null
    return undefined
  }
}

function dataFileHash(cwd: string, path: string): string | undefined {
  try {
    return sha256(readDataFile(cwd, path))
  } catch {
    return undefined
  }
}

/** Keep the most recent records (one per command line used lately). */
async function prune(directory: string): Promise<void> {
  const records: Array<{path: string; mtime: number}> = []
  for (const name of readdirSync(directory)) {
    const path = join(directory, name)
    const stats = lstatSync(path)
    if (!stats.isFile()) continue
    if (name.endsWith('.run')) records.push({path, mtime: stats.mtimeMs})
    // A temporary file a killed run left behind (a running one renames its own within moments).
    else if (name.endsWith('.tmp') && Date.now() - stats.mtimeMs > 10 * 60 * 1000) await rm(path, {force: true})
  }
  records.sort((a, b) => b.mtime - a.mtime)
  for (const old of records.slice(keptRecords)) await rm(old.path, {force: true})
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}
