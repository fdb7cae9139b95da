// Parsing with a time budget. micromark, the Markdown parser, is quadratic on some
// ordinary-looking inputs: every underlined (setext) heading, block quote or separate list
// rewrites the parser's whole event list, so 64 KB of `a\n=\n` takes about 45 s, and no size or
// nesting cap bounds every such case. So the parse runs under node's own script watchdog
// (`vm`'s `timeout`, a timer thread that stops the running JavaScript when it fires): a parse
// that runs over `limits.maxParseMilliseconds` is stopped and reported, and the run goes on.
// Parsing stays on this thread, so the tree is never copied between threads. The caps in
// limits.ts still refuse the known attacks first, the same way on every machine; this is the
// backstop.
import {Script, createContext} from 'node:vm'
import type {Root} from 'mdast'
import {parseMarkdown} from './markdown.js'

export type ParseOutcome = {ok: true; tree: Root} | {ok: false; reason: 'time' | 'depth' | 'internal'}

// One empty context and one compiled call, reused: the watchdog covers whatever `task` runs,
// here code from this context (the parser), which keeps its own globals.
const sandbox = createContext({task: undefined as (() => unknown) | undefined})
const call = new Script('task()')

/** Parse `body` as Markdown, giving up after `milliseconds`. */
export function parseWithin(body: string, milliseconds: number): ParseOutcome {
  sandbox.task = () => parseMarkdown(body)
  try {
    return {ok: true, tree: call.runInContext(sandbox, {timeout: milliseconds}) as Root}
  } catch (error) {
    if ((error as {code?: unknown} | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return {ok: false, reason: 'time'}
    return {ok: false, reason: error instanceof RangeError ? 'depth' : 'internal'}
  } finally {
    sandbox.task = undefined
  }
}
