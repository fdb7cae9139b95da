// Replay for unchanged runs: when a `lint` run's inputs are exactly those of the previous run of
// the same command (every article's bytes and name, every slug in scope, the config, the tool,
// `--now`, the format and every option that shapes the report), the report bytes it wrote are
// written again instead of being rebuilt from each article's cached facts. The job summary
// (`--summary`) is appended again: a side effect is repeated, never skipped.
//
// Safe by construction: the key covers everything the output depends on, and anything this
// module cannot key (an article that could not be read, whose message depends on the file's
// state rather than its bytes) turns replay off for the run. The record lives in the cache,
// under its key (tool, config, schemas) and its HMAC, so a pull request cannot plant one; one
// record per command shape, overwritten by each run, so the cache does not grow with runs.
import {createHash} from 'node:crypto'
import {gunzipSync, gzipSync} from 'node:zlib'
import type {ArticleCache} from '../io/cache.js'
import type {ResolvedConfig} from '../config/config.js'
import type {SlugIndex} from '../pipeline/slugs.js'
import type {Totals} from '../report/messages.js'
import type {ShardRun} from '../pipeline/shard-run.js'

export interface ReplayInputs {
  /** The command line's paths, as given: with the options, they name the record's slot. */
  inputs: readonly string[]
  cwd: string
  config: ResolvedConfig
  now: string
  format: string
  quiet: boolean
  color: boolean
  /** The articles checked, in order, each with the hash of its bytes (absent: not read). */
  paths: readonly string[]
  hashes: ReadonlyMap<string, string>
  /** Every slug in scope and the articles that have it (duplicate-slug). */
  slugs: SlugIndex
  /** The environment variables a report reads (the github format's GITHUB_WORKSPACE). */
  env: Record<string, string | undefined>
  /** Whether a job summary is written. */
  summary: boolean
  /** `--shard`: the shard and its run (every article's hash and slug: a shard's JSON report carries it). */
  shard?: ShardRun
}

export interface ReplayRecord {
  stdout: string
  totals: Totals
  summary?: string
}

export interface Replay {
  /** The previous run's output, when its key is this run's. */
  stored: ReplayRecord | undefined
  /** Keep this run's output for the next run. */
  save(record: ReplayRecord): Promise<void>
}

const slotName = 'lint-report'

/** The replay of this run, or undefined when it cannot be keyed (an article could not be read). */
export async function openReplay(cache: ArticleCache, inputs: ReplayInputs): Promise<Replay | undefined> {
  if (inputs.paths.some((path) => !inputs.hashes.has(path))) return undefined
  const shard = inputs.shard ? [inputs.shard.shard.index, inputs.shard.shard.count] : null
  const shape = sha256(JSON.stringify(['lint', inputs.cwd, inputs.format, inputs.quiet, inputs.color, inputs.summary, inputs.inputs, ...(shard ? [shard] : [])]))
  const key = sha256(JSON.stringify([
    inputs.cwd,
    inputs.now,
    inputs.format,
    inputs.quiet,
    inputs.color,
    inputs.summary,
    inputs.env.GITHUB_WORKSPACE ?? null,
    // Rules and limits are in the cache's own key; these are not, and every report shows them.
    inputs.config.source ?? null,
    inputs.config.safetyOverrides,
    inputs.paths.map((path) => [path, inputs.hashes.get(path)]),
    [...inputs.slugs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    // A shard's articles and report depend on the whole run, which its run record hashes.
    inputs.shard ?? null
  ]))
  const found = await cache.readRecord(shape, slotName)
  let stored: ReplayRecord | undefined
  if (isStored(found) && found.key === key) {
    try {
      stored = {stdout: gunzipSync(Buffer.from(found.stdout, 'base64')).toString('utf8'), totals: found.totals, ...(found.summary === undefined ? {} : {summary: found.summary})}
    } catch {
      stored = undefined
    }
  }
  return {
    stored,
    // Compressed: a report repeats a few wordings thousands of times (13.5 MB for 300 MedQuAD
    // articles), and a cache entry is read back only up to 16 MB.
    save: (record) => cache.writeRecord(shape, slotName, {key, stdout: gzipSync(record.stdout, {level: 1}).toString('base64'), totals: record.totals, ...(record.summary === undefined ? {} : {summary: record.summary})})
  }
}

interface Stored {
  key: string
  /** The report, gzip, base64. */
  stdout: string
  totals: Totals
  summary?: string
}

function isStored(value: unknown): value is Stored {
  if (typeof value !== 'object' || value === null) return false
  const record = value as Partial<Stored>
  if (typeof record.key !== 'string' || typeof record.stdout !== 'string' || (record.summary !== undefined && typeof record.summary !== 'string')) return false
  const totals = record.totals as unknown as Record<string, unknown> | undefined
  return typeof totals === 'object' && totals !== null && ['files', 'filesWithErrors', 'errors', 'warnings', 'infos'].every((name) => Number.isInteger(totals[name]))
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}
