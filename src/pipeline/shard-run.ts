// What makes shards parts of one run (`--shard i/n`, pipeline/shard.ts): each shard's report and
// bundle records its run, and `merge-reports` and `merge-bundles` join only the records of one
// split of one run, made by this healthlint with the configuration the merge is given.
import {createHash} from 'node:crypto'
import type {ResolvedConfig} from '../config/config.js'
import {readPackageJson} from '../config/package-files.js'
import {cacheKeyOf, toolFingerprint} from '../io/cache.js'
import {describeShard, maxShards} from './shard.js'
import type {Shard} from './shard.js'
import type {SlugIndex} from './slugs.js'

/** A shard's report or bundle that cannot be merged: the CLI says why and exits 2. */
export class ShardInputError extends Error {
  override name = 'ShardInputError'
}

/**
 * What makes shards parts of one run, recorded in each shard's report and bundle: the merge
 * commands join only shards whose records agree, made by this healthlint, and one of each.
 */
export interface ShardRun {
  /** `lint` or `build`: a build's report also carries publishing's own messages. */
  command: 'lint' | 'build'
  /** The healthlint version, and the fingerprint of its code and dependencies (cache.ts). */
  version: string
  tool: string
  now: string
  /** The configuration file read (relative to the working directory), or null for the defaults. */
  configSource: string | null
  /** SHA-256 of the resolved configuration: rules, limits, schemas, plugins, site, safety overrides. */
  config: string
  /** How many articles the whole run checks (the shards' together). */
  articles: number
  /** SHA-256 of every article of the run in order, the hash of its bytes, and every slug in scope. */
  inputs: string
  shard: Shard
}

export interface ShardRunInputs {
  command: ShardRun['command']
  config: ResolvedConfig
  now: string
  /** Every article of the whole run, in order, and the hashes of their bytes (absent: not read). */
  paths: readonly string[]
  hashes: ReadonlyMap<string, string>
  slugs: SlugIndex
  shard: Shard
}

export function shardRunOf(inputs: ShardRunInputs): ShardRun {
  const {config} = inputs
  return {
    command: inputs.command,
    version: readPackageJson().version,
    tool: toolFingerprint(),
    now: inputs.now,
    configSource: config.source ?? null,
    config: configFingerprint(config),
    articles: inputs.paths.length,
    inputs: sha256(JSON.stringify([
      inputs.paths.map((path) => [path, inputs.hashes.get(path) ?? null]),
      [...inputs.slugs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    ])),
    shard: inputs.shard
  }
}

/** Whether `value` has the shape of a ShardRun (read back from a file: untrusted). */
export function isShardRun(value: unknown): value is ShardRun {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const run = value as Record<string, unknown>
  const shard = run.shard as Record<string, unknown> | undefined
  return (run.command === 'lint' || run.command === 'build') &&
    typeof run.version === 'string' && typeof run.tool === 'string' && typeof run.now === 'string' &&
    (run.configSource === null || typeof run.configSource === 'string') &&
    typeof run.config === 'string' && typeof run.inputs === 'string' &&
    Number.isInteger(run.articles) && (run.articles as number) >= 0 &&
    typeof shard === 'object' && shard !== null && Number.isInteger(shard.index) && Number.isInteger(shard.count) &&
    (shard.count as number) >= 1 && (shard.count as number) <= maxShards && (shard.index as number) >= 1 && (shard.index as number) <= (shard.count as number)
}

/**
 * Why the shards' records cannot be joined, or undefined when they are exactly shards 1 to n of
 * one run made by this healthlint with `config`. `names` label the records in messages (their
 * file or directory names).
 */
export function shardsMismatch(records: ReadonlyArray<{name: string; run: ShardRun}>, config: ResolvedConfig, command?: ShardRun['command']): string | undefined {
  if (records.length === 0) return 'there are no shards to merge.'
  const [first] = records
  const version = readPackageJson().version
  const tool = toolFingerprint()
  const expectedConfig = configFingerprint(config)
  for (const {name, run} of records) {
    if (run.version !== version) return `${name} was made by healthlint ${run.version}, not by this healthlint ${version}: run every shard and the merge with the same version.`
    if (run.tool !== tool) return `${name} was made by another build of healthlint ${version} (its code or dependencies differ: ${run.tool}, here ${tool}): install healthlint the same way for every shard and the merge.`
    if (command !== undefined && run.command !== command) return `${name} is the report of \`healthlint ${run.command}\`; give every shard's report of one command.`
    if (run.command !== first!.run.command) return `${name} comes from \`healthlint ${run.command}\` and ${first!.name} from \`healthlint ${first!.run.command}\`: merge the shards of one command.`
    if (run.now !== first!.run.now) return `${name} was made with --now ${run.now} and ${first!.name} with --now ${first!.run.now}: give every shard the same --now.`
    if (run.configSource !== first!.run.configSource || run.config !== first!.run.config) return `${name} and ${first!.name} were made with different configurations: give every shard the same config.`
    if (run.config !== expectedConfig) return `${name} was made with another configuration than ${config.source ?? 'the default one'} here: give the merge the config the shards used (--config).`
    if (run.shard.count !== first!.run.shard.count) return `${name} is ${describeShard(run.shard)} and ${first!.name} ${describeShard(first!.run.shard)}: give the shards of one split.`
    if (run.articles !== first!.run.articles || run.inputs !== first!.run.inputs) return `${name} and ${first!.name} checked different articles (another checkout, other paths, or an article changed between them): run every shard on the same commit with the same paths.`
  }
  const count = first!.run.shard.count
  const seen = new Map<number, string>()
  for (const {name, run} of records) {
    const other = seen.get(run.shard.index)
    if (other !== undefined) return `${name} and ${other} are both ${describeShard(run.shard)}: give each shard once.`
    seen.set(run.shard.index, name)
  }
  const missing = Array.from({length: count}, (_, index) => index + 1).filter((index) => !seen.has(index))
  if (missing.length > 0) return `${missing.length === 1 ? `shard ${missing[0]}` : `shards ${missing.join(', ')}`} of ${count} ${missing.length === 1 ? 'is' : 'are'} missing: give every shard's output.`
  return undefined
}

/** The resolved configuration as one hash: everything a shard's output depends on. */
export function configFingerprint(config: ResolvedConfig): string {
  const key = cacheKeyOf(config)
  return sha256(JSON.stringify([key.configHash, key.schemaHash, config.source ?? null, config.safetyOverrides, config.site]))
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}
