// Configuration: `healthlint.config.json` (or `--config PATH`), validated against
// `schemas/config.schema.json` and against each rule's own options schema.
import {isAbsolute, normalize, relative, resolve, sep} from 'node:path'
import {closest, distance} from 'fastest-levenshtein'
import type {Severity} from '../rule-kit/rule.js'
import type {RuleSet} from '../rule-kit/rule-set.js'
import {settingsOf} from '../rule-kit/stage-settings.js'
import type {StageSettings} from '../rule-kit/stage-settings.js'
import {compileSchema, formatAjvError} from './schema.js'
import type {ValidateFunction} from 'ajv'
import {readSchema} from './package-files.js'
import {DataFileError, defaultConfigName, maxDataFileBytes, readDataFile} from './data-files.js'
import {ConfigError} from './errors.js'

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

/**
 * A safety rule that the configuration turned off, lowered below its default severity, or gave
 * other options. Every report format, the job summary and the bundle's index.json list these,
 * so a pull request cannot weaken a safety rule unseen.
 */
export interface SafetyOverride {
  ruleId: string
  /** The severity configured, and the rule's own. */
  severity: Severity
  defaultSeverity: Exclude<Severity, 'off'>
  /** The options whose values differ from the rule's defaults, by name, sorted. */
  changedOptions: string[]
  /** Why, from the config's `reason`; required when the severity is lowered. */
  reason: string | undefined
}

export interface CacheSettings {
  /** The cache directory, relative to cwd (default `.healthlint-cache`). */
  directory: string
}

/** `site`, `categories` and `publish` from the config (see src/publish/site.ts for what uses them). */
export interface SiteSettings {
  /** Ends in `/`; without it there are no canonical URLs, sitemap or feeds. */
  baseUrl?: string
  name?: string
  /** The language of articles without `lang` (default en-GB). */
  lang: string
  stylesheet?: string
  /** Hubs by slug, in the config's order; empty when none are declared. */
  categories: Record<string, {name: string; description?: string}>
  /** What build does with an article whose review is overdue. */
  overdue: 'withhold' | 'flag'
}

export interface ResolvedConfig {
  /** The rules this config was resolved against: the built-in set and any plugins' rules. */
  ruleSet: RuleSet
  /** Each rule's severity and options, by id. */
  rules: Record<string, RuleSetting>
  site: SiteSettings
  /** What the rules' options tell the stages after the rules (rule metadata `provides`). */
  settings: StageSettings
  /** The plugins the config named and loadConfig loaded, in config order (none by default). */
  plugins: LoadedPlugin[]
  limits: Limits
  /** Where the content-hash cache lives; not part of the cache key. */
  cache: CacheSettings
  /** Path of the config file read, relative to cwd, or undefined for the defaults. */
  source: string | undefined
  /** Safety rules the config weakened or changed, in rule order (empty for the defaults). */
  safetyOverrides: SafetyOverride[]
  /**
   * The data files the rules' options named and the config read (relative to cwd, `/`-separated):
   * a change to one can change any article's verdict (`--changed` checks every article then).
   */
  dataFiles: string[]
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

export {defaultConfigName} from './data-files.js'
export const defaultCacheDirectory = '.healthlint-cache'

export {ConfigError}

/** A plugin the config named (`plugins`), and the ids of the rules it added. */
export interface LoadedPlugin {
  /** As the config names it: a package name or a `./` path inside the working directory. */
  name: string
  ruleIds: string[]
  /** SHA-256 of the plugin's module file, part of the cache key. */
  hash: string
}

export interface ResolveOptions {
  /** The rules to resolve the config against: `builtInRules`, or a set with plugins' rules too. */
  rules: RuleSet
  /** The config file's path relative to cwd, for messages; undefined for the defaults. */
  source?: string
  /** The working directory, where data files named by rule options are read from. */
  root?: string
  /** The plugins whose rules `rules` includes (loadConfig loads them). */
  plugins?: LoadedPlugin[]
}

let configValidator: ValidateFunction | undefined

/** Validate a raw config object against schemas/config.schema.json; throws ConfigError. */
export function validateConfig(raw: unknown, where: string): void {
  // An empty object (no config file) is valid as it is: no need to load the validator.
  const empty = typeof raw === 'object' && raw !== null && !Array.isArray(raw) && Object.keys(raw).length === 0 && Object.getPrototypeOf(raw) === Object.prototype
  const validate = empty ? undefined : (configValidator ??= compileSchema(readSchema('config.schema.json')))
  if (validate && !validate(raw)) {
    const problems = (validate.errors ?? []).map((error) => formatAjvError(error, raw))
    throw new ConfigError(`${where} is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  }
}

/**
 * Resolve a raw config object (already parsed from JSON) against the rules' defaults. Data files
 * named by rule options are read from `root` (the working directory), which a config naming one
 * needs; `loadConfig` passes it. A config that names `plugins` needs `loadConfig`, which loads them.
 */
export function resolveConfig(raw: unknown, options: ResolveOptions): ResolvedConfig {
  const {rules: ruleSet, source, root} = options
  const rules = ruleSet.rules
  const where = source ?? 'the configuration'
  validateConfig(raw, where)
  const config = raw as {rules?: Record<string, unknown>; limits?: Partial<Limits>; cache?: Partial<CacheSettings>; plugins?: string[]; site?: Partial<SiteSettings>; categories?: SiteSettings['categories']; publish?: {overdue?: SiteSettings['overdue']}}
  const plugins = options.plugins ?? []
  const missing = (config.plugins ?? []).filter((name) => !plugins.some((plugin) => plugin.name === name))
  if (missing.length > 0) throw new ConfigError(`${where} names the plugin \`${missing[0]}\`, which was not loaded: load a config with plugins with loadConfig(cwd, {rules, allowPlugins: true}).`)
  const site: SiteSettings = {...config.site, lang: config.site?.lang ?? 'en-GB', categories: {...config.categories}, overdue: config.publish?.overdue ?? 'withhold'}
  const resolved: ResolvedConfig = {ruleSet, rules: {}, site, settings: settingsOf([]), plugins, limits: {...defaultLimits, ...config.limits}, cache: {directory: cacheDirectoryOf(config.cache?.directory, where)}, source, safetyOverrides: [], dataFiles: []}
  for (const rule of rules) {
    resolved.rules[rule.id] = {severity: rule.severity, options: {...rule.defaults}}
  }
  const ids = rules.map((rule) => rule.id)
  const reasons = new Map<string, string | undefined>()
  for (const [id, setting] of Object.entries(config.rules ?? {})) {
    const rule = ruleSet.get(id)
    if (!rule) {
      const suggestion = closest(id, ids)
      const hint = distance(id, suggestion) <= 3 ? ` Did you mean \`${suggestion}\`?` : ''
      throw new ConfigError(`${where}: there is no rule \`${id}\`.${hint}`)
    }
    const {severity, options, reason} = ruleSettingOf(setting as RawRuleSetting)
    if (options !== undefined) {
      const validate = compileSchema(rule.optionsSchema)
      if (!validate(options)) {
        const problems = (validate.errors ?? []).map((error) => formatAjvError(error, options))
        throw new ConfigError(`${where}: the options of rule \`${id}\` are not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
      }
    }
    resolved.rules[id] = {severity, options: {...rule.defaults, ...options}}
    reasons.set(id, reason)
  }
  for (const rule of rules) {
    if (!rule.safety) continue
    const setting = resolved.rules[rule.id]!
    const lowered = severityRank[setting.severity] < severityRank[rule.severity]
    const changedOptions = Object.keys(setting.options).filter((name) => JSON.stringify(setting.options[name]) !== JSON.stringify((rule.defaults as Record<string, unknown>)[name])).sort()
    if (!lowered && changedOptions.length === 0) continue
    const reason = reasons.get(rule.id)
    if (lowered && reason === undefined) {
      const change = setting.severity === 'off' ? 'turning it off' : `lowering it to a ${setting.severity}`
      throw new ConfigError(
        `${where}: \`${rule.id}\` is a safety rule, so ${change} needs a reason, which every report and the published index show. Write it as "${rule.id}": {"severity": "${setting.severity}", "reason": "why this is safe for patients"}, or remove the setting.`
      )
    }
    resolved.safetyOverrides.push({ruleId: rule.id, severity: setting.severity, defaultSeverity: rule.severity, changedOptions, reason})
  }
  // What the site decides of a rule's options (frontmatter-schema accepts the declared hubs as
  // `category`), after the safety overrides: declaring hubs is the site's configuration, not a
  // weakened rule.
  const siteFacts = {categories: Object.keys(site.categories)}
  for (const rule of rules) {
    const decided = rule.fromSite?.(siteFacts)
    if (decided && Object.keys(decided).length > 0) resolved.rules[rule.id]!.options = {...resolved.rules[rule.id]!.options, ...decided}
  }
  for (const rule of rules) {
    const setting = resolved.rules[rule.id]!
    if (!rule.dataFiles || setting.severity === 'off') continue
    for (const [option, read] of Object.entries(rule.dataFiles)) {
      const path = setting.options[option]
      if (typeof path !== 'string') continue
      const named = `${where}: the \`${option}\` option of rule \`${rule.id}\` names \`${path}\``
      if (root === undefined) throw new ConfigError(`${named}, a data file, but no working directory was given to read it from; load the config with loadConfig(cwd).`)
      let text: string
      try {
        text = readDataFile(root, path)
      } catch (error) {
        if (!(error instanceof DataFileError)) throw error
        throw new ConfigError(`${named}, which ${error.reason}. A data file must be a regular file of at most ${maxDataFileBytes} bytes inside the working directory, reached without symbolic links, so that a config cannot make healthlint read anything else on the machine.`)
      }
      try {
        setting.options[option] = read(text)
      } catch (error) {
        throw new ConfigError(`${named}, which is ${(error as Error).message}: fix the file or the option.`)
      }
      resolved.dataFiles.push(relative(root, resolve(root, path)).split(sep).join('/'))
    }
  }
  resolved.settings = settingsOf(rules.map((rule) => rule.provides?.(resolved.rules[rule.id]!.options) ?? {}))
  return resolved
}

/** Lower rank, weaker check. */
const severityRank: Record<Severity, number> = {off: 0, warning: 1, error: 2}

/** A rule's setting as written: a severity, `[severity, options]`, or `{severity, options, reason}`. */
type RawRuleSetting = Severity | [Severity, Record<string, unknown>?] | {severity: Severity; options?: Record<string, unknown>; reason?: string}

function ruleSettingOf(setting: RawRuleSetting): {severity: Severity; options: Record<string, unknown> | undefined; reason: string | undefined} {
  if (typeof setting === 'string') return {severity: setting, options: undefined, reason: undefined}
  if (Array.isArray(setting)) return {severity: setting[0], options: setting[1], reason: undefined}
  return {severity: setting.severity, options: setting.options, reason: setting.reason?.trim()}
}

/**
 * `cache.directory` as the config gives it: inside the working directory. A config comes with
 * the pull request, and a cache elsewhere could be one the pull request prepared, or a directory
 * whose old entries a run would prune. The command line (`--cache-dir`) may name any directory.
 */
function cacheDirectoryOf(directory: string | undefined, where: string): string {
  if (directory === undefined) return defaultCacheDirectory
  const normalized = normalize(directory)
  if (isAbsolute(normalized) || normalized === '..' || normalized.startsWith(`..${sep}`) || normalized === '.' || normalized === `.${sep}`) {
    throw new ConfigError(`${where}: \`cache.directory\` is \`${directory}\`, which is not a folder inside the working directory. Give a relative path such as .healthlint-cache, or pass --cache-dir on the command line for a cache elsewhere.`)
  }
  return directory
}

export interface LoadOptions {
  /** The built-in rules (`builtInRules`); a config's plugins add theirs. */
  rules: RuleSet
  /** The config file to read instead of `healthlint.config.json` (the user's own choice). */
  configPath?: string | undefined
  /**
   * Load the plugins the config names (`--allow-plugins`). Plugins run code, and the config
   * comes with a pull request, so by default a config that names one is refused (src/config/plugins.ts).
   */
  allowPlugins?: boolean
}

/**
 * Load the config from `configPath`, or from `healthlint.config.json` in `cwd` when it exists,
 * or the defaults, and the plugins it names. Throws ConfigError for a missing explicit file, bad
 * JSON or invalid content, and for a plugin that cannot be loaded or is not allowed.
 */
export async function loadConfig(cwd: string, options: LoadOptions): Promise<ResolvedConfig> {
  const {configPath} = options
  const name = configPath ?? defaultConfigName
  let text: string
  try {
    // The default file comes with the checkout (and so with a pull request): a regular file in
    // the working directory, never a link. A --config path is the user's own choice.
    text = readDataFile(cwd, name, {trusted: configPath !== undefined})
  } catch (error) {
    if (!(error instanceof DataFileError)) throw error
    if (configPath === undefined && error.code === 'ENOENT') return resolveConfig({}, {rules: options.rules, root: cwd})
    throw new ConfigError(error.code ? `Cannot read the config file ${name}: ${error.code}.` : `The config file ${name} ${error.reason}; the config must be a regular file of at most ${maxDataFileBytes} bytes${configPath === undefined ? ' in the working directory, not a symbolic link' : ''}.`)
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    throw new ConfigError(`The config file ${name} is not valid JSON: ${(error as Error).message}.`)
  }
  const names = isPluginList(raw) ? raw.plugins : []
  if (names.length === 0) return resolveConfig(raw, {rules: options.rules, source: name, root: cwd})
  // Schema first, so a malformed `plugins` is reported as such before anything loads.
  validateConfig(raw, name)
  if (!options.allowPlugins) {
    throw new ConfigError(`${name} names plugins (${names.map((plugin) => `\`${plugin}\``).join(', ')}), which run code. Pass --allow-plugins to load them, once you trust this config: a pull request that adds or changes \`plugins\` must be reviewed as code.`)
  }
  const {loadPlugins} = await import('./plugins.js')
  const loaded = await loadPlugins(names, options.rules, cwd, name)
  return resolveConfig(raw, {rules: loaded.rules, source: name, root: cwd, plugins: loaded.plugins})
}

function isPluginList(raw: unknown): raw is {plugins: string[]} {
  if (typeof raw !== 'object' || raw === null || !('plugins' in raw)) return false
  const plugins = (raw as {plugins: unknown}).plugins
  return Array.isArray(plugins) && plugins.every((plugin) => typeof plugin === 'string')
}
