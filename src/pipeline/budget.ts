// The time budget of one article's analysis. micromark, the Markdown parser, is quadratic on
// some ordinary-looking inputs: every underlined (setext) heading, block quote or separate list
// rewrites the parser's whole event list, so 64 KB of `a\n=\n` takes about 45 s, and no size or
// nesting cap bounds every such case; the rules, too, run over text an attacker chose. So the
// parse, the scoring and the rules of each article run under node's own script watchdog (`vm`'s
// `timeout`: a timer thread that stops the running JavaScript when it fires), and an analysis
// that runs over `limits.maxCheckMilliseconds` is stopped and reported while the run goes on.
// It all stays on this thread, so no tree is ever copied between threads. The caps in limits.ts
// still refuse the known attacks first, the same way on every machine; this is the backstop.
import {Script, createContext} from 'node:vm'

export type BudgetOutcome<T> = {ok: true; value: T} | {ok: false}

// One empty context and one compiled call, reused: the watchdog covers whatever `task` runs,
// here code from this context, which keeps its own globals.
const sandbox = createContext({task: undefined as (() => unknown) | undefined})
const call = new Script('task()')

/**
 * Run `task` synchronously, stopping it after `milliseconds`. A task that is stopped leaves
 * no `finally` block run and may leave its own data half-built: the caller throws that data
 * away. Errors other than the timeout are thrown as they are.
 */
export function runWithin<T>(milliseconds: number, task: () => T): BudgetOutcome<T> {
  sandbox.task = task
  try {
    return {ok: true, value: call.runInContext(sandbox, {timeout: milliseconds}) as T}
  } catch (error) {
    if ((error as {code?: unknown} | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return {ok: false}
    throw error
  } finally {
    sandbox.task = undefined
  }
}
