// `healthlint lint --watch`: lint once, then re-lint the articles that change and print only
// what changed for each: the problems that are new (+) and the ones that were fixed (-).
// Problems are matched by rule and wording, not position, so adding a line above a problem does
// not report it as fixed and new again. Stops cleanly when the environment's signal aborts (the
// CLI's own SIGINT/SIGTERM when run from a terminal).
import {resolve} from 'node:path'
import {createLinter} from '../pipeline/lint.js'
import {expandPaths} from '../io/files.js'
import {currentPaths, fingerprintOf, watchInputs} from '../io/watch.js'
import {addToTotals, emptyTotals, visibleMessages} from '../report/messages.js'
import type {ReportedMessage, Totals} from '../report/messages.js'
import {reporters} from '../report/index.js'
import {exitCodeFor} from './lint-command.js'
import type {CliEnvironment, CommonOptions} from './main.js'
import {displayPath, oneLine} from '../report/safe-text.js'
import {plural} from '../rule-kit/plural.js'

interface Checked {
  /** Size, change and modification times: a re-check happens only when this differs. */
  fingerprint: string
  messages: ReportedMessage[]
  totals: Totals
}

export async function runWatch(environment: CliEnvironment, options: CommonOptions): Promise<number> {
  const write = (chunk: string) => void environment.stdout.write(chunk)
  const {cwd} = environment
  const linter = createLinter({cwd, config: options.config, now: options.now})
  const state = new Map<string, Checked>()

  const checkPath = async (path: string) => {
    const fingerprint = await fingerprintOf(resolve(cwd, path))
    const file = await linter.lintFile(path)
    const totals = emptyTotals()
    addToTotals(totals, file)
    const checked: Checked = {fingerprint, messages: visibleMessages(file, options.quiet), totals}
    state.set(path, checked)
    return {file, checked}
  }

  // The first pass is an ordinary lint report.
  const reporter = reporters.stylish!({write, quiet: options.quiet, color: options.color, cwd, env: environment.env, rules: options.config.ruleSet})
  const totals = emptyTotals()
  for (const path of await expandPaths(options.paths, cwd)) {
    const {file} = await checkPath(path)
    addToTotals(totals, file)
    reporter.file(file)
  }
  reporter.end(totals)

  const {signal, release} = stopSignalOf(environment)
  const rescan = async () => {
    const current = await currentPaths(options.paths, cwd)
    for (const path of current) {
      if (signal.aborted) return
      const previous = state.get(path)
      if (previous && previous.fingerprint === (await fingerprintOf(resolve(cwd, path)))) continue
      const {checked} = await checkPath(path)
      write(formatChange(path, previous?.messages, checked.messages, checked.totals))
    }
    const present = new Set(current)
    for (const path of [...state.keys()]) {
      if (present.has(path)) continue
      state.delete(path)
      write(`${displayPath(path)}: removed\n`)
    }
  }
  const watcher = await watchInputs(options.paths, cwd, {
    onChange: rescan,
    onError: (message) => void environment.stderr.write(`healthlint: ${message}\n`)
  })
  write(`Watching ${plural(state.size, 'article')} for changes. Press Ctrl+C to stop.\n`)

  await new Promise<void>((done) => (signal.aborted ? done() : signal.addEventListener('abort', () => done(), {once: true})))
  await watcher.close()
  release()

  // The exit code describes the articles as they were last checked.
  const final = emptyTotals()
  for (const checked of state.values()) {
    final.files++
    final.errors += checked.totals.errors
    final.warnings += checked.totals.warnings
    final.infos += checked.totals.infos
    if (checked.totals.errors > 0) final.filesWithErrors++
  }
  return exitCodeFor(final, options.maxWarnings)
}

/**
 * One line per re-check, then the problems that are new (`+`) and fixed (`-`). Problems are
 * matched by rule, severity and wording, in order, so a problem that only moved is unchanged.
 */
export function formatChange(given: string, before: ReportedMessage[] | undefined, after: ReportedMessage[], totals: Totals): string {
  const path = displayPath(given)
  const keyOf = (message: ReportedMessage) => `${message.ruleId}\u0000${message.severity}\u0000${message.message}`
  const remaining = new Map<string, ReportedMessage[]>()
  for (const message of before ?? []) {
    const key = keyOf(message)
    remaining.set(key, [...(remaining.get(key) ?? []), message])
  }
  const added: ReportedMessage[] = []
  for (const message of after) {
    const same = remaining.get(keyOf(message))
    if (same && same.length > 0) same.shift()
    else added.push(message)
  }
  const fixed = [...remaining.values()].flat().sort((a, b) => a.line - b.line || a.column - b.column)
  const now = `${plural(totals.errors, 'error')}, ${plural(totals.warnings, 'warning')}`
  const what = before === undefined ? `added, ${added.length} new` : added.length + fixed.length === 0 ? 'no change' : `${added.length} new, ${fixed.length} fixed`
  const line = (sign: string, message: ReportedMessage) => `  ${sign} ${path}:${message.line}:${message.column}  ${message.severity}  ${oneLine(message.message)}  ${message.ruleId}\n`
  return `${path}: ${what} (now ${now})\n${added.map((message) => line('+', message)).join('')}${fixed.map((message) => line('-', message)).join('')}`
}

/** The signal that stops watching: the environment's, or the process's SIGINT and SIGTERM. */
export function stopSignalOf(environment: CliEnvironment): {signal: AbortSignal; release: () => void} {
  if (environment.signal) return {signal: environment.signal, release: () => {}}
  const controller = new AbortController()
  const stop = () => controller.abort()
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  return {
    signal: controller.signal,
    release: () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
    }
  }
}
