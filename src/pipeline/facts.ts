// An article's facts: everything the analysis found that depends only on the article's bytes,
// its file name and the configuration, as plain data. The cache stores them; a cache hit turns
// them back into a VFile, and the finish stage then adds what depends on today and on the other
// articles (finish.ts). Reports of a restored file are byte-identical to those of a fresh one.
import type {Point, Position} from 'unist'
import type {DataMap, VFile} from 'vfile'
import type {Frontmatter, SourceRange} from './frontmatter.js'
import type {Suppression} from './suppress.js'
import {withoutStack} from '../rule-kit/rule.js'
import {isFix} from '../rule-kit/fix.js'
import type {Fix} from '../rule-kit/fix.js'
import './data.js'

/** A message as plain data: the fields reporters read, as the rule wrapper stamped them. */
export interface PlainMessage {
  reason: string
  place: Point | Position | null
  ruleId: string | null
  source: string | null
  url: string | null
  /** true error, false warning, null info. */
  fatal: boolean | null
  note?: string
  actual?: string
  expected?: string[]
  fix?: Fix
}

/**
 * The `file.data` facts the cache keeps as they are, each with its shape check for when it is
 * read back from disk: caching one more fact is one row here (and its type in data.ts's DataMap).
 * The analysis throws them away with the rest of its data when an article's budget runs out.
 */
export const cachedData = {
  readability: (value: unknown) => isObject(value) && Object.values(value).every((item) => typeof item === 'number'),
  readabilityTarget: (value: unknown) => typeof value === 'number',
  hardSentences: (value: unknown) => Array.isArray(value) && value.every((item) => Number.isInteger(item)),
  statedNextReview: (value: unknown) => isStatedReview(value)
} satisfies {[Key in keyof DataMap]?: (value: unknown) => boolean}

type CachedKey = keyof typeof cachedData
const cachedKeys = Object.keys(cachedData) as CachedKey[]

export type ArticleFacts = {
  contentHash: string
  loaded: boolean
  /** The messages of every rule that depends only on the article and the config, before suppressions. */
  messages: PlainMessage[]
  /** The accepted suppressions, not yet applied (`suppressed` is 0). */
  suppressions: Suppression[]
  frontmatter?: {data: Record<string, unknown> | null; position: Position; ranges: Array<[string, SourceRange]>}
} & {[Key in CachedKey]?: DataMap[Key]}

function copyFact<Key extends CachedKey>(key: Key, from: {[K in CachedKey]?: DataMap[K]}, to: {[K in CachedKey]?: DataMap[K]}): void {
  const value = from[key]
  if (value !== undefined) to[key] = value
}

/** A review date the page states, as written, and where. */
export interface StatedReview {
  written: string
  iso: string
  precision: 'day' | 'month'
  place: Point
}

/** The facts of `file` after the analysis (`suppressions` as it returned them). */
export function factsOf(file: VFile, suppressions: readonly Suppression[]): ArticleFacts {
  const data = file.data
  const facts: ArticleFacts = {
    contentHash: data.contentHash ?? '',
    loaded: data.loaded === true,
    messages: file.messages.map((message) => {
      const plain: PlainMessage = {
        reason: message.reason,
        place: message.place ?? null,
        ruleId: message.ruleId ?? null,
        source: message.source ?? null,
        url: message.url ?? null,
        fatal: message.fatal ?? null
      }
      if (message.note !== undefined) plain.note = message.note
      if (message.actual !== undefined) plain.actual = message.actual
      if (message.expected !== undefined) plain.expected = message.expected
      if (message.fix !== undefined) plain.fix = message.fix
      return plain
    }),
    suppressions: suppressions.map((item) => ({...item, suppressed: 0}))
  }
  if (data.frontmatter) {
    facts.frontmatter = {data: data.frontmatter.data ?? null, position: data.frontmatter.position, ranges: [...data.frontmatter.ranges]}
  }
  for (const key of cachedKeys) copyFact(key, data, facts)
  return facts
}

/**
 * Put `facts` on `file` (a freshly loaded VFile of the same bytes, or an empty one with the
 * right path): the messages, the frontmatter and the scores. Returns the suppressions to apply.
 */
export function restoreFacts(file: VFile, facts: ArticleFacts): Suppression[] {
  file.data.loaded = facts.loaded
  file.data.contentHash = facts.contentHash
  if (facts.frontmatter) {
    const frontmatter: Frontmatter = {data: facts.frontmatter.data ?? undefined, position: facts.frontmatter.position, ranges: new Map(facts.frontmatter.ranges)}
    file.data.frontmatter = frontmatter
  }
  for (const key of cachedKeys) copyFact(key, facts, file.data)
  withoutStack(() => {
    for (const plain of facts.messages) {
      const options: {place?: Point | Position; ruleId?: string; source?: string} = {}
      if (plain.place) options.place = plain.place
      if (plain.ruleId !== null) options.ruleId = plain.ruleId
      if (plain.source !== null) options.source = plain.source
      const message = file.message(plain.reason, options)
      message.fatal = plain.fatal ?? undefined
      if (plain.url !== null) message.url = plain.url
      if (plain.note !== undefined) message.note = plain.note
      if (plain.actual !== undefined) message.actual = plain.actual
      if (plain.expected !== undefined) message.expected = plain.expected
      if (plain.fix !== undefined) message.fix = plain.fix
    }
  })
  return facts.suppressions.map((item) => ({...item, suppressed: 0}))
}

/**
 * Whether plain JSON keeps `value` exactly (no NaN, Infinity or -0, which YAML can write and
 * JSON cannot). Articles whose facts fail this are simply not cached.
 */
export function survivesJson(value: unknown): boolean {
  const stack: unknown[] = [value]
  while (stack.length > 0) {
    const current = stack.pop()
    if (typeof current === 'number') {
      if (!Number.isFinite(current) || Object.is(current, -0)) return false
    } else if (current !== null && typeof current === 'object') {
      for (const item of Object.values(current)) stack.push(item)
    }
  }
  return true
}

/**
 * A shape check for facts read back from disk: enough that restoring them cannot throw or
 * produce a malformed message. Anything else is treated as a miss and rewritten.
 */
export function isArticleFacts(value: unknown): value is ArticleFacts {
  if (!isObject(value)) return false
  if (typeof value.contentHash !== 'string' || typeof value.loaded !== 'boolean') return false
  if (!Array.isArray(value.messages) || !value.messages.every(isPlainMessage)) return false
  if (!Array.isArray(value.suppressions) || !value.suppressions.every(isSuppression)) return false
  if (value.frontmatter !== undefined) {
    const frontmatter = value.frontmatter
    if (!isObject(frontmatter) || !(frontmatter.data === null || isObject(frontmatter.data)) || !isPosition(frontmatter.position)) return false
    if (!Array.isArray(frontmatter.ranges) || !frontmatter.ranges.every((entry) => Array.isArray(entry) && typeof entry[0] === 'string' && isObject(entry[1]) && isPosition(entry[1].value))) return false
  }
  return cachedKeys.every((key) => value[key] === undefined || cachedData[key](value[key]))
}

function isStatedReview(value: unknown): boolean {
  return isObject(value) && typeof value.written === 'string' && typeof value.iso === 'string' && (value.precision === 'day' || value.precision === 'month') && isPoint(value.place)
}

function isPlainMessage(value: unknown): boolean {
  if (!isObject(value) || typeof value.reason !== 'string') return false
  if (!(value.place === null || isPoint(value.place) || isPosition(value.place))) return false
  for (const key of ['ruleId', 'source', 'url'] as const) if (!(value[key] === null || typeof value[key] === 'string')) return false
  if (!(value.fatal === null || typeof value.fatal === 'boolean')) return false
  if (value.note !== undefined && typeof value.note !== 'string') return false
  if (value.actual !== undefined && typeof value.actual !== 'string') return false
  if (value.fix !== undefined && !isFix(value.fix)) return false
  return value.expected === undefined || (Array.isArray(value.expected) && value.expected.every((item) => typeof item === 'string'))
}

function isSuppression(value: unknown): boolean {
  return isObject(value) && typeof value.ruleId === 'string' && typeof value.reason === 'string' && (value.kind === 'disable' || value.kind === 'disable-next-line') &&
    isPosition(value.position) && Number.isInteger(value.fromLine) && Number.isInteger(value.toLine)
}

function isPoint(value: unknown): boolean {
  return isObject(value) && Number.isInteger(value.line) && Number.isInteger(value.column)
}

function isPosition(value: unknown): boolean {
  return isObject(value) && isPoint(value.start) && isPoint(value.end)
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
