// The Markdown parser's thread (see parse-thread.ts). It parses each body it is sent and posts
// the tree back, then wakes the waiting main thread through the shared signal.
import {parentPort, workerData} from 'node:worker_threads'
import type {MessagePort} from 'node:worker_threads'
import {parseMarkdown} from './markdown.js'

const {port, signal} = workerData as {port: MessagePort; signal: Int32Array}

function reply(message: unknown): void {
  try {
    port.postMessage(message)
  } catch {
    // A tree too deep for the structured clone: say so instead of leaving the main thread waiting.
    port.postMessage({error: 'depth'})
  }
  Atomics.store(signal, 0, 1)
  Atomics.notify(signal, 0)
}

port.on('message', (body: string) => {
  try {
    reply({tree: parseMarkdown(body)})
  } catch (error) {
    reply({error: error instanceof RangeError ? 'depth' : 'internal'})
  }
})

// Ready: the main thread waits for this before timing the first parse.
reply({ready: true})
parentPort?.unref()
