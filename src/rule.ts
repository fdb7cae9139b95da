// The rule contract. Each module in `rules/` calls `defineRule` once; the wrapper is
// remark-lint's `lintRule`, which stamps `ruleId`, `source`, `url` and the configured severity
// on every message the rule emits, so a rule body only inspects the article and calls `report`.
import type {Root} from 'mdast'
import type {Node, Point, Position} from 'unist'
import type {VFile} from 'vfile'
import {lintRule} from 'unified-lint-rule'
import type {Plugin} from 'unified'
import type {Frontmatter} from './pipeline/frontmatter.js'
import type {Fix} from './fix.js'

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
  /** An edit that resolves the problem, only when the replacement is unambiguous (see src/fix.ts). */
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
   * (src/data-files.ts), so a rule never opens a file, a bad file is a config error (exit 2),
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
   * Built-in word lists the rule reads with that are not options (src/vocabulary.ts), listed in
   * the docs from the same data.
   */
  vocabulary?: Record<string, {description: string; words: readonly string[]}>
  check(context: RuleContext<Options>): void
}

export interface Rule<Options extends Record<string, unknown> = Record<string, unknown>> extends RuleDefinition<Options> {
  url: string
  /** The unified plugin: use it with `[severity, options]`. */
  plugin: Plugin<[unknown?], Root>
}

/** The options schema and defaults of a rule that takes no options. */
export const withoutOptions = {optionsSchema: {type: 'object', additionalProperties: false, properties: {}}, defaults: {}} as const

/** The options schema of a list of words or phrases (headings, phrases, vocabularies). */
export function wordList(description: string): Record<string, unknown> {
  return {type: 'array', items: {type: 'string', minLength: 1}, description}
}

export const docsBase = 'https://github.com/healthlint/healthlint/blob/main/README.md#rule-'

// The severity each message was reported with, when it differs from the rule's: `lintRule`
// stamps the configured severity on every message after the rule has run, so this is applied
// after it.
const overrides = new WeakMap<object, 'error' | 'warning' | 'info'>()

/**
 * The most messages one rule reports in one article. Each message costs memory in every report
 * format, and an article of 254 KB can hold 250,000 control characters: past this many, one last
 * message says so at the next place, and the rest are not listed (no editor reads that many).
 */
export const maxMessagesPerRule = 1000

export function defineRule<Options extends Record<string, unknown>>(definition: RuleDefinition<Options>): Rule<Options> {
  const url = docsBase + definition.id
  const lint = lintRule<Root, Options>({origin: `healthlint:${definition.id}`, url}, (tree, file, options) => {
    let reported = 0
    definition.check({
      tree,
      file,
      options: {...definition.defaults, ...(options ?? {})},
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
        if (extra?.severity) overrides.set(message, extra.severity)
        if (extra?.note) message.note = extra.note
        if (extra?.actual !== undefined) message.actual = extra.actual
        if (extra?.expected) message.expected = extra.expected
        if (extra?.fix) message.fix = extra.fix
      }
    })
  })
  const plugin = function (this: unknown, config: unknown) {
    const transform = (lint as unknown as (this: unknown, config: unknown) => Transform | undefined).call(this, config)
    if (!transform) return undefined
    // Three parameters: unified passes a callback only to transformers that declare one.
    return (tree: Root, file: VFile, next: (error?: Error) => void) => {
      transform(tree, file, (error) => {
        for (const message of file.messages) {
          const severity = overrides.get(message)
          // vfile-message's `fatal`: true an error, false a warning, undefined a note (info).
          if (severity) message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined
        }
        next(error)
      })
    }
  }
  Object.defineProperty(plugin, 'name', {value: (lint as {name: string}).name})
  return {...definition, url, plugin: plugin as unknown as Plugin<[unknown?], Root>}
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

type Transform = (tree: Root, file: VFile, next: (error?: Error) => void) => void

function placeOf(place: Node | Position | Point | undefined): Position | Point {
  if (!place) return {line: 1, column: 1}
  if ('type' in place) return place.position ?? {line: 1, column: 1}
  return place
}

/**
 * The check of a rule whose facts were found by the load or parse stage: report each recorded
 * problem under this rule's id and severity.
 */
export function reportRecordedProblems(id: string) {
  return (context: RuleContext<Record<string, unknown>>): void => {
    for (const problem of context.file.data.problems ?? []) {
      if (problem.ruleId !== id) continue
      const extra: ReportExtra = {}
      if (problem.note) extra.note = problem.note
      if (problem.actual !== undefined) extra.actual = problem.actual
      if (problem.expected) extra.expected = problem.expected
      context.report(problem.reason, problem.place, extra)
    }
  }
}
