// Shared test helpers: run the real pipeline on in-memory articles and the real CLI in-process.
import {resolveConfig} from '../src/config/config.js'
import {builtInRules} from '../rules/index.js'
import {createLinter} from '../src/pipeline/lint.js'
import type {VFile} from 'vfile'
import {main} from '../src/cli/main.js'
import {addToTotals, emptyTotals, toReported} from '../src/report/messages.js'
import {reporters} from '../src/report/index.js'
import type {ReportedMessage} from '../src/report/messages.js'

export interface LintTextOptions {
  /** Path the article pretends to have (default `articles/example-article.md`). */
  path?: string
  now?: string
  /** The `rules` section of a config. */
  rules?: Record<string, unknown>
  /** The `limits` section of a config. */
  limits?: Record<string, number>
  cwd?: string
}

const safetyRuleIds = new Set(builtInRules.rules.filter((rule) => rule.safety).map((rule) => rule.id))

/**
 * A config's `rules` for a test. Tests turn rules off to look at one rule alone; a safety rule
 * turned off or lowered needs a reason in any config (config.ts), so these get one here.
 */
export function testRules(rules: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(rules).map(([id, setting]) => {
      if (!safetyRuleIds.has(id)) return [id, setting]
      const [severity, options] = Array.isArray(setting) ? (setting as [unknown, unknown?]) : [setting, undefined]
      if (severity !== 'off' && severity !== 'warning') return [id, setting]
      return [id, {severity, ...(options === undefined ? {} : {options}), reason: 'a test looks at other rules alone'}]
    })
  )
}

/** Lint `input` (a whole article file) through load → parse → check with the given config. */
export async function lintText(input: string | Uint8Array, options: LintTextOptions = {}): Promise<VFile> {
  const cwd = options.cwd ?? process.cwd()
  const config = resolveConfig({rules: testRules(options.rules ?? {}), ...(options.limits ? {limits: options.limits} : {})}, {rules: builtInRules, root: cwd})
  const linter = createLinter({cwd, config, now: options.now ?? '2026-01-15'})
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input
  return linter.lintBytes(options.path ?? 'articles/example-article.md', bytes)
}

/** The messages of `file` for one rule (or all), in the stable report shape. */
export function messagesOf(file: VFile, ruleId?: string): ReportedMessage[] {
  return file.messages.filter((message) => ruleId === undefined || message.ruleId === ruleId).map(toReported)
}

/** `line:column: reason` for each message of one rule, as rule examples write them. */
export function briefOf(file: VFile, ruleId: string): string[] {
  return messagesOf(file, ruleId).map((message) => `${message.line}:${message.column}: ${message.message}`)
}

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

/** Run the CLI in-process with captured streams. */
export async function runCli(argv: string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<CliResult> {
  let stdout = ''
  let stderr = ''
  const code = await main({
    argv,
    cwd,
    env,
    stdout: {write: (chunk: string) => (stdout += chunk)},
    stderr: {write: (chunk: string) => (stderr += chunk)}
  })
  return {code, stdout, stderr}
}

/** Run the `format` reporter over `files` as the CLI does (totals included); everything it writes. */
export function formatFiles(format: string, files: VFile[], options: {cwd?: string; env?: Record<string, string>} = {}): string {
  let output = ''
  const reporter = reporters[format]!({write: (chunk) => (output += chunk), quiet: false, color: false, cwd: options.cwd ?? '/project', env: options.env ?? {}, rules: builtInRules})
  const totals = emptyTotals()
  for (const file of files) {
    addToTotals(totals, file)
    reporter.file(file)
  }
  reporter.end(totals)
  return output
}
