// The rule contract. Each module in `rules/` (and each plugin rule) calls `defineRule` once; the
// wrapper stamps `ruleId`, `source`, `url` and the configured severity on every message the rule
// emits, as remark-lint's `lintRule` does, so a rule body only inspects the article and calls
// `report`. Each rule is also a unified plugin configured as remark-lint rules are
// (`[severity, options]`), so it can run in any remark pipeline.
//
// The `remark-lint` package stays in the dependencies (the brief fixes it) but is not imported:
// all it adds to a pipeline is `<!-- lint disable -->` comments, and healthlint's own comments do
// that job with a reason, and never silently for a safety rule (src/pipeline/suppress.ts).
import type {Root} from 'mdast'
import type {Node, Point, Position} from 'unist'
import type {VFile} from 'vfile'
import type {Plugin} from 'unified'
import type {Frontmatter} from '../pipeline/frontmatter.js'
import type {Fix} from './fix.js'
import type {StageSettings} from './stage-settings.js'
import {messageOf} from '../pipeline/problems.js'
import type {RecordedMessages, RecordedRuleId} from '../pipeline/problems.js'

export type Severity = 'off' | 'warning' | 'error'

export interface RuleExample {
  /** What the example shows; also the test's name. */
  name: string
  /** A whole article file (frontmatter optional, unless the rule reads it). */
  input: string
  /** Options for the rule, merged over its defaults. */
  options?: Record<string, unknown>
  /** "Today" for date rules, as YYYY-MM-DD. */
  now?: string
  /** For failing examples: the exact messages, as `line:column: reason`. */
  messages?: string[]
  /** For failing examples whose messages have another severity than the rule's (see `ReportExtra.severity`). */
  severity?: 'error' | 'warning' | 'info'
  /** For failing examples of a rule with fixes: the whole input after every fix is applied. */
  fixed?: string
}

export interface ReportExtra {
  /**
   * This message's severity, whatever the rule's configured one (never when the rule is off).
   * For rules whose problems come in grades: a review that falls due soon (warning) or is
   * overdue (error); a reading age above the aim (info), well above it (the rule's severity) or
   * above an opt-in maximum (error).
   */
  severity?: 'error' | 'warning' | 'info'
  note?: string
  actual?: string
  expected?: string[]
  /** An edit that resolves the problem, only when the replacement is unambiguous (see src/rule-kit/fix.ts). */
  fix?: Fix
}

export interface RuleContext<Options> {
  /** The Markdown tree, positioned in the original file (empty when the file did not parse). */
  tree: Root
  file: VFile
  options: Options
  frontmatter: Frontmatter | undefined
  /** Today, from `--now` or the clock, as YYYY-MM-DD: the only source of "today". */
  now: string
  report(reason: string, place: Node | Position | Point | undefined, extra?: ReportExtra): void
}

export interface RuleDefinition<Options extends Record<string, unknown> = Record<string, unknown>> {
  /** Kebab-case id, equal to the rule's file name. */
  id: string
  /** Where the rule is documented; by default its section of healthlint's README (a plugin gives its own). */
  url?: string
  /** One line: what the rule requires. */
  description: string
  /** Why this matters for patients, and when to turn it off (used in the docs). */
  rationale: string
  severity: Exclude<Severity, 'off'>
  /** JSON Schema of the options object (without defaults). */
  optionsSchema: Record<string, unknown>
  defaults: Options
  /**
   * What the rule needs: `file` rules run on every article, even one that could not be decoded
   * or parsed; `tree` rules run only when the Markdown body parsed.
   */
  requires: 'file' | 'tree'
  /**
   * Options that name a data file (a path relative to the working directory, such as
   * `plain-english`'s `vocabulary`), each with how to read the file's text: it returns the value
   * the rule gets in the option's place, or throws an Error whose message completes "…, which
   * is …" without quoting the file. The config loader reads each such file once, safely
   * (src/config/data-files.ts), so a rule never opens a file, a bad file is a config error (exit 2),
   * and the file's content is part of the resolved config and so of the cache key.
   */
  dataFiles?: Record<string, (text: string) => unknown>
  /**
   * The rule reads only the frontmatter (capped by `limits.maxFrontmatterBytes`) and the problems
   * the load and parse stages recorded, never walks the body's text or tree, so its work is linear and
   * bounded whatever the body holds. Only such rules may run after an article's time budget has
   * run out (to report why, and the frontmatter's problems: analyse.ts); every other rule runs
   * only within a budget.
   */
  boundedWork?: boolean
  /** Safety rules cannot be suppressed by comments in an article. */
  safety?: boolean
  /**
   * The rule judges English wording (readability formulas, word lists, spelling): it does not run
   * on an article whose `lang` (or the config's `site.lang`) is another language.
   */
  englishOnly?: boolean
  /** Some of its messages carry a fix (`lint --fix` applies them). */
  fixable?: boolean
  /**
   * The verdict depends on today (`context.now`), so it is never cached: the rule runs again on
   * every run, on the facts the cache keeps. Such a rule must be a `file` rule that reads only
   * the frontmatter (`context.frontmatter`) and the facts the cache keeps (such as
   * `file.data.statedNextReview`), because a cache hit has no Markdown tree.
   */
  dependsOnDate?: boolean
  /**
   * The verdict depends on the other articles in the run (`file.data.slugs`), so it is never
   * cached; the same constraints as `dependsOnDate` apply.
   */
  dependsOnRun?: boolean
  examples: {valid: RuleExample[]; invalid: RuleExample[]}
  /**
   * Built-in word lists the rule reads with that are not options (src/rule-kit/vocabulary.ts), listed in
   * the docs from the same data.
   */
  vocabulary?: Record<string, {description: string; words: readonly string[]}>
  /**
   * What the rule's options tell the stages after the rules (src/rule-kit/stage-settings.ts):
   * the review interval the bundle shows, the headings the build reads safety sections with…
   * Read once, when the config is resolved, whether or not the rule is on.
   */
  provides?: (options: Options) => Partial<StageSettings>
  /**
   * What the reports show of this rule's options on each article it checks (the JSON report's
   * `targetAge`): the check stage writes it on `file.data` whenever the rule runs, so the rule
   * body never writes report data.
   */
  reportData?: (options: Options) => Partial<RuleReportData>
  /**
   * Options the site configuration decides (frontmatter-schema's `categories` from the config's
   * `categories`): applied over the rule's settings when the config is resolved, after the
   * safety-override check (declaring the site's hubs is configuration, not a weakened rule).
   */
  fromSite?: (site: SiteFacts) => Partial<Options>
  /**
   * The rule reports something missing (a section, a line) at the block where it belongs: the
   * preview always shows its messages as callouts, never marked on running text.
   */
  reportsMissing?: boolean
  check(context: RuleContext<Options>): void
}

/** What the config's site settings tell a rule (see `RuleDefinition.fromSite`). */
export interface SiteFacts {
  /** The declared hubs' slugs, in config order; empty when none are declared. */
  categories: readonly string[]
}

/** The report data a rule's options can give (see `RuleDefinition.reportData`). */
export interface RuleReportData {
  /** The top of the reading-age aim (readability's `targetAge`). */
  readabilityTarget: number
}

export interface Rule<Options extends Record<string, unknown> = Record<string, unknown>> extends RuleDefinition<Options> {
  url: string
  /**
   * Run the rule on one article: its messages get the rule's id, `source` healthlint, its docs
   * URL and the configured severity (or the one `report` gave). What the check stage calls.
   */
  run(tree: Root, file: VFile, setting: RunSetting): void
  /** The same rule as a unified plugin, for a remark pipeline: use it with `[severity, options]`. */
  plugin: Plugin<RulePluginConfig, Root>
}

/** The options schema and defaults of a rule that takes no options. */
export const withoutOptions = {optionsSchema: {type: 'object', additionalProperties: false, properties: {}}, defaults: {}} as const

/** The options schema of a list of words or phrases (headings, phrases, vocabularies). */
export function wordList(description: string): Record<string, unknown> {
  return {type: 'array', items: {type: 'string', minLength: 1}, description}
}

export const docsBase = 'https://github.com/healthlint/healthlint/blob/main/README.md#rule-'

/**
 * The most messages one rule reports in one article. Each message costs memory in every report
 * format, and an article of 254 KB can hold 250,000 control characters: past this many, one last
 * message says so at the next place, and the rest are not listed (no editor reads that many).
 */
export const maxMessagesPerRule = 1000

/** A rule's setting as a unified plugin takes it, as remark-lint rules do: `[severity, options]`. */
export type RulePluginConfig = [('off' | 'warn' | 'error' | 0 | 1 | 2)?, Record<string, unknown>?]

/** vfile-message's `fatal` for a severity: true an error, false a warning, undefined a note (info). */
const fatalOf = {error: true, warning: false, info: undefined} as const

export function defineRule<Options extends Record<string, unknown>>(definition: RuleDefinition<Options>): Rule<Options> {
  const url = definition.url ?? docsBase + definition.id
  const run = (tree: Root, file: VFile, setting: RunSetting): void => {
    const first = file.messages.length
    // The severity of each message reported with another one than the rule's (ReportExtra.severity).
    const graded = new Map<number, 'error' | 'warning' | 'info'>()
    let reported = 0
    const context: RuleContext<Options> = {
      tree,
      file,
      options: {...definition.defaults, ...setting.options} as Options,
      frontmatter: file.data.frontmatter,
      now: file.data.now ?? '1970-01-01',
      report(reason, place, extra) {
        if (++reported > maxMessagesPerRule) {
          if (reported === maxMessagesPerRule + 1) {
            withoutStack(() => file.message(`This rule found more than ${maxMessagesPerRule} problems in this article, so only the first ${maxMessagesPerRule} are listed and the rest, from here on, are not. Fix those, then check the article again.`, {place: placeOf(place)}))
          }
          return
        }
        const message = withoutStack(() => file.message(reason, {place: placeOf(place)}))
        if (extra?.severity) graded.set(file.messages.length - 1, extra.severity)
        if (extra?.note) message.note = extra.note
        if (extra?.actual !== undefined) message.actual = extra.actual
        if (extra?.expected) message.expected = extra.expected
        if (extra?.fix) message.fix = extra.fix
      }
    }
    try {
      definition.check(context)
    } catch (error) {
      // As unified-lint-rule does: a rule that throws becomes one message, not a crash.
      try {
        file.fail(error as Error)
      } catch {}
    }
    const fatal = fatalOf[setting.severity]
    for (let index = first; index < file.messages.length; index++) {
      Object.assign(file.messages[index]!, {fatal: graded.has(index) ? fatalOf[graded.get(index)!] : fatal, ruleId: definition.id, source: 'healthlint', url})
    }
  }
  // For use in a unified (remark) pipeline, configured as remark-lint rules are.
  const plugin: Plugin<RulePluginConfig, Root> = function (severity, options) {
    const level = severity === 'error' || severity === 2 ? 'error' : severity === 'off' || severity === 0 ? undefined : 'warning'
    if (!level) return undefined
    return (tree: Root, file: VFile) => run(tree, file, {severity: level, options: options ?? {}})
  }
  Object.defineProperty(plugin, 'name', {value: `healthlint:${definition.id}`})
  return {...definition, url, run, plugin}
}

/** How a rule runs: its configured severity (never off: an off rule does not run) and options. */
export interface RunSetting {
  severity: 'error' | 'warning'
  options: Record<string, unknown>
}

/** Whether the rule runs on every run, never cached (see `dependsOnDate`, `dependsOnRun`). */
export function isRecomputed(rule: Pick<RuleDefinition, 'dependsOnDate' | 'dependsOnRun'>): boolean {
  return rule.dependsOnDate === true || rule.dependsOnRun === true
}

/**
 * Run `make` without capturing a stack trace. A VFileMessage is an Error, so constructing one
 * captures the stack, which vfile-message then discards (its `stack` is ''); with tens of
 * thousands of messages in a run that capture is a measurable share of the time.
 */
export function withoutStack<T>(make: () => T): T {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    return make()
  } finally {
    Error.stackTraceLimit = limit
  }
}

function placeOf(place: Node | Position | Point | undefined): Position | Point {
  if (!place) return {line: 1, column: 1}
  if ('type' in place) return place.position ?? {line: 1, column: 1}
  return place
}

/**
 * The check of a rule whose facts were found by the load, parse or check stage: report each
 * recorded problem of this rule, with its message from `messages`, under the rule's severity.
 */
export function reportRecordedProblems<Id extends RecordedRuleId>(id: Id, messages: RecordedMessages<Id>) {
  return (context: RuleContext<Record<string, unknown>>): void => {
    for (const problem of context.file.data.problems ?? []) {
      if (problem.ruleId !== id) continue
      const extra: ReportExtra = {}
      if (problem.note) extra.note = problem.note
      if (problem.actual !== undefined) extra.actual = problem.actual
      if (problem.expected) extra.expected = problem.expected
      context.report(messageOf(messages, problem), problem.place, extra)
    }
  }
}
