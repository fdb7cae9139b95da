// Configuration: `healthlint.config.json` (or `--config PATH`), validated against
// `schemas/config.schema.json` and against each rule's own options schema.
import {readFile} from 'node:fs/promises'
import {resolve} from 'node:path'
import {closest, distance} from 'fastest-levenshtein'
import type {Severity} from './rule.js'
import {rules} from '../rules/index.js'
import {compileSchema, formatAjvError} from './schema.js'
import type {ValidateFunction} from 'ajv'
import {readSchema} from './paths.js'

export interface Limits {
  /** Largest article file read, in bytes. */
  maxFileBytes: number
  /** Largest frontmatter block parsed, in bytes (checked before the YAML parser runs). */
  maxFrontmatterBytes: number
  /** Deepest nesting of lists and mappings in the frontmatter. */
  maxFrontmatterDepth: number
  /** Deepest nesting of the Markdown body (quotes, lists, emphasis, links inside each other). */
  maxNestingDepth: number
  /** Most emphasis, link and code markers in one block of text (bounds the parser's work). */
  maxDelimitersPerBlock: number
  /** Widest table, in columns. */
  maxTableColumns: number
  /** Most lines in one article (checked before parsing). */
  maxLines: number
  /** Most emphasis, link and code markers in one article (checked before parsing). */
  maxDelimiters: number
  /** Most table cells in one article, all tables together (counted from the rows before parsing). */
  maxTableCells: number
  /** Most Markdown nodes in one article's parsed body (checked before anything else uses the tree). */
  maxNodes: number
  /** Longest time parsing, scoring and the rules may spend on one article, in milliseconds. */
  maxCheckMilliseconds: number
}

export interface RuleSetting {
  severity: Severity
  options: Record<string, unknown>
}

export interface CacheSettings {
  /** The cache directory, relative to cwd (default `.healthlint-cache`). */
  directory: string
}

export interface ResolvedConfig {
  rules: Record<string, RuleSetting>
  limits: Limits
  /** Where the content-hash cache lives; not part of the cache key. */
  cache: CacheSettings
  /** Path of the config file read, relative to cwd, or undefined for the defaults. */
  source: string | undefined
}

export const defaultLimits: Limits = {
  // Four times the largest article of the MedQuAD corpus (56 KB); the parser needs seconds
  // for a few hundred KB of dense Markdown, so a larger file is refused by size, the same way
  // on every machine, rather than by the time budget.
  maxFileBytes: 262_144,
  maxFrontmatterBytes: 8192,
  maxFrontmatterDepth: 8,
  maxNestingDepth: 32,
  maxDelimitersPerBlock: 2000,
  maxTableColumns: 20,
  // Each an order of magnitude above the 1,501 real articles of the MedQuAD corpus (at most 757
  // lines and 907 nodes; none has a table: a large real table has about 200 cells), and each
  // keeps one article under about 300 MB while it is parsed, where 254 KB of crafted lines,
  // cells or markers needed 0.6–1.2 GB.
  maxLines: 10_000,
  maxDelimiters: 20_000,
  maxTableCells: 5000,
  maxNodes: 20_000,
  maxCheckMilliseconds: 5000
}

export const defaultConfigName = 'healthlint.config.json'
export const defaultCacheDirectory = '.healthlint-cache'

/** A configuration problem: the CLI prints `message` and exits 2. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

let configValidator: ValidateFunction | undefined

/** Resolve a raw config object (already parsed from JSON) against the rules' defaults. */
export function resolveConfig(raw: unknown, source?: string): ResolvedConfig {
  const where = source ?? 'the configuration'
  // An empty object (no config file) is valid as it is: no need to load the validator.
  const empty = typeof raw === 'object' && raw !== null && !Array.isArray(raw) && Object.keys(raw).length === 0 && Object.getPrototypeOf(raw) === Object.prototype
  const validateConfig = empty ? undefined : (configValidator ??= compileSchema(readSchema('config.schema.json')))
  if (validateConfig && !validateConfig(raw)) {
    const problems = (validateConfig.errors ?? []).map((error) => formatAjvError(error, raw))
    throw new ConfigError(`${where} is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  }
  const config = raw as {rules?: Record<string, unknown>; limits?: Partial<Limits>; cache?: Partial<CacheSettings>}
  const resolved: ResolvedConfig = {rules: {}, limits: {...defaultLimits, ...config.limits}, cache: {directory: config.cache?.directory ?? defaultCacheDirectory}, source}
  for (const rule of rules) {
    resolved.rules[rule.id] = {severity: rule.severity, options: {...rule.defaults}}
  }
  const ids = rules.map((rule) => rule.id)
  for (const [id, setting] of Object.entries(config.rules ?? {})) {
    const rule = rules.find((candidate) => candidate.id === id)
    if (!rule) {
      const suggestion = closest(id, ids)
      const hint = distance(id, suggestion) <= 3 ? ` Did you mean \`${suggestion}\`?` : ''
      throw new ConfigError(`${where}: there is no rule \`${id}\`.${hint}`)
    }
    const [severity, options] = Array.isArray(setting) ? setting as [Severity, Record<string, unknown>?] : [setting as Severity, undefined]
    if (options !== undefined) {
      const validate = compileSchema(rule.optionsSchema)
      if (!validate(options)) {
        const problems = (validate.errors ?? []).map((error) => formatAjvError(error, options))
        throw new ConfigError(`${where}: the options of rule \`${id}\` are not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
      }
    }
    resolved.rules[id] = {severity, options: {...rule.defaults, ...options}}
  }
  return resolved
}

/**
 * Load the config from `configPath`, or from `healthlint.config.json` in `cwd` when it exists,
 * or the defaults. Throws ConfigError for a missing explicit file, bad JSON or invalid content.
 */
export async function loadConfig(cwd: string, configPath?: string): Promise<ResolvedConfig> {
  const path = resolve(cwd, configPath ?? defaultConfigName)
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if (configPath === undefined && (error as NodeJS.ErrnoException).code === 'ENOENT') return resolveConfig({})
    throw new ConfigError(`Cannot read the config file ${configPath ?? defaultConfigName}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`)
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    throw new ConfigError(`The config file ${configPath ?? defaultConfigName} is not valid JSON: ${(error as Error).message}.`)
  }
  return resolveConfig(raw, configPath ?? defaultConfigName)
}
