// Sharding (`--shard i/n`): splitting one run's articles across n CI runners, each taking the
// articles whose slug falls in its shard. Every shard still reads every article's slug (the
// run's index, slugs.ts), so run-level checks see the whole run, and articles that share a slug
// always land in the same shard (`duplicate-slug` reports them there, exactly as one run does).
//
// The split is a stable hash of the slug, not sorted chunks: an article keeps its shard when
// others are added or removed, and shards come out balanced by size as well as by count
// (measured on the 1,500 MedQuAD articles; see "Sharding" in the README). The rule is
// `sha256(slug)`, its first 4 bytes read as a big-endian unsigned integer, modulo n, plus 1.
import {createHash} from 'node:crypto'
import type {SlugIndex} from './slugs.js'

export interface Shard {
  /** 1-based: this shard. */
  index: number
  /** How many shards the run is split into. */
  count: number
}

/** The most shards a run may be split into (a GitHub Actions matrix holds at most 256 jobs). */
export const maxShards = 256

/** `--shard 2/3` as a Shard, or the plain-English reason it is not one. */
export function parseShard(text: string): Shard | {error: string} {
  const found = /^(\d{1,9})\/(\d{1,9})$/.exec(text)
  const index = found ? Number(found[1]) : Number.NaN
  const count = found ? Number(found[2]) : Number.NaN
  if (!found || index < 1 || count < 1 || index > count || count > maxShards) {
    return {error: `--shard must be i/n, two whole numbers with 1 ≤ i ≤ n ≤ ${maxShards}, such as 1/3 for the first of three shards; found \`${text}\`.`}
  }
  return {index, count}
}

/** The shard (1-based) that the article with `slug` belongs to, of `count`. */
export function shardOfSlug(slug: string, count: number): number {
  return (createHash('sha256').update(slug, 'utf8').digest().readUInt32BE(0) % count) + 1
}

/**
 * The articles of `paths` in `shard`, in the order given. An article's slug is the one the run's
 * index gives it (its `slug` field, else its file name), so it is the same in every shard.
 */
export function pathsOfShard(paths: readonly string[], slugs: SlugIndex, shard: Shard): string[] {
  const slugOfPath = new Map<string, string>()
  for (const [slug, owners] of slugs) for (const path of owners) if (!slugOfPath.has(path)) slugOfPath.set(path, slug)
  return paths.filter((path) => shardOfSlug(slugOfPath.get(path) ?? path, shard.count) === shard.index)
}

/** "shard 2 of 3". */
export function describeShard(shard: Shard): string {
  return `shard ${shard.index} of ${shard.count}`
}
