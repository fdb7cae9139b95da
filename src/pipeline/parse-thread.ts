// Parsing with a time budget. micromark, the Markdown parser, is quadratic on some
// ordinary-looking inputs: every underlined (setext) heading, block quote or separate list
// rewrites the parser's whole event list, so 64 KB of `a\n=\n` takes about 45 s, and no size or
// nesting cap bounds every such case. So the body is parsed on a worker thread while this thread
// waits for it, synchronously, at most `limits.maxParseMilliseconds`; a parse that runs over is
// stopped (its thread is terminated and replaced) and reported. The caps in limits.ts still
// refuse the known attacks first, the same way on every machine; this is the backstop.
import {MessageChannel, Worker, receiveMessageOnPort} from 'node:worker_threads'
import type {MessagePort} from 'node:worker_threads'
import type {Root} from 'mdast'
import {parseMarkdown} from './markdown.js'

export type ParseOutcome = {ok: true; tree: Root} | {ok: false; reason: 'time' | 'depth' | 'internal'}

interface ParserThread {
  worker: Worker
  port: MessagePort
  signal: Int32Array
}

/** The parser thread's heap; a body that needs more ends the thread and is reported as over budget. */
const heapMegabytes = 512
/** How long the thread may take to load its modules, outside any article's budget. */
const startMilliseconds = 60_000

let thread: ParserThread | undefined
let unavailable = false

/** Parse `body` as Markdown, giving up after `milliseconds`. */
export function parseWithin(body: string, milliseconds: number): ParseOutcome {
  thread ??= unavailable ? undefined : start()
  if (!thread) return parseHere(body)
  const current = thread
  current.port.postMessage(body)
  const reply = receive(current, milliseconds) as {tree?: Root; error?: 'depth' | 'internal'} | undefined
  if (reply === undefined) {
    stop(current)
    return {ok: false, reason: 'time'}
  }
  return reply.tree ? {ok: true, tree: reply.tree} : {ok: false, reason: reply.error ?? 'internal'}
}

function start(): ParserThread | undefined {
  const signal = new Int32Array(new SharedArrayBuffer(4))
  const {port1, port2} = new MessageChannel()
  let worker: Worker
  try {
    worker = new Worker(new URL('./parse-worker.js', import.meta.url), {
      workerData: {port: port2, signal},
      transferList: [port2],
      resourceLimits: {maxOldGenerationSizeMb: heapMegabytes}
    })
  } catch {
    unavailable = true
    return undefined
  }
  // Never keep the process alive for the parser, and never let its failure (out of memory,
  // terminated) become an uncaught error here: a missing reply is reported as over budget.
  worker.unref()
  worker.on('error', () => undefined)
  const started = {worker, port: port1, signal}
  if (receive(started, startMilliseconds) === undefined) {
    // Workers cannot start here: parse on this thread, without a time budget.
    stop(started)
    unavailable = true
    return undefined
  }
  return started
}

function receive(current: ParserThread, milliseconds: number): unknown {
  if (Atomics.wait(current.signal, 0, 0, milliseconds) === 'timed-out') return undefined
  Atomics.store(current.signal, 0, 0)
  return receiveMessageOnPort(current.port)?.message
}

function stop(current: ParserThread): void {
  if (thread === current) thread = undefined
  current.port.close()
  void current.worker.terminate()
}

function parseHere(body: string): ParseOutcome {
  try {
    return {ok: true, tree: parseMarkdown(body)}
  } catch (error) {
    return {ok: false, reason: error instanceof RangeError ? 'depth' : 'internal'}
  }
}
