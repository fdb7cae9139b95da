// The main thread's side of the checking worker (worker.ts): requests go out numbered, answers
// come back as promises. A worker that dies (out of memory on a hostile article) is started
// again, and the requests it had are answered as failed rather than left waiting.
import {Worker} from 'node:worker_threads'
import type {FromWorker, ToWorker, WorkerSetup} from './protocol.js'

export type ConfigAnswer = Extract<FromWorker, {kind: 'config'}>
export type CheckAnswer = Extract<FromWorker, {kind: 'result' | 'failed'}>

export interface Checker {
  loadConfig(): Promise<ConfigAnswer>
  check(path: string, text: string): Promise<CheckAnswer>
  /** Articles on disk changed: the next check reads their slugs again. */
  filesChanged(): void
  close(): Promise<void>
}

/** Memory for one checking thread, as the CLI allows an article's analysis (limits keep it far below). */
const resourceLimits = {maxOldGenerationSizeMb: 1024}

export function startChecker(setup: WorkerSetup, onError: (message: string) => void): Checker {
  const pending = new Map<number, (answer: FromWorker) => void>()
  let seq = 0
  let worker: Worker
  let closing = false
  const start = () => {
    worker = new Worker(new URL('./worker.js', import.meta.url), {workerData: setup, resourceLimits})
    worker.on('message', (answer: FromWorker) => {
      if (answer.kind === 'config' || answer.kind === 'result' || answer.kind === 'failed') {
        pending.get(answer.seq)?.(answer)
        pending.delete(answer.seq)
      }
    })
    worker.on('error', (error: Error) => onError(`the checking thread stopped: ${error.message}`))
    worker.on('exit', () => {
      if (closing) return
      for (const [id, answer] of pending) answer({kind: 'failed', seq: id, message: 'The checking thread stopped; it has been started again.'})
      pending.clear()
      start()
      // A new thread has no config yet.
      void request({kind: 'config', seq: ++seq})
    })
  }
  const request = <T extends FromWorker>(message: ToWorker & {seq: number}) =>
    new Promise<T>((resolve) => {
      pending.set(message.seq, resolve as (answer: FromWorker) => void)
      worker.postMessage(message)
    })
  start()
  return {
    loadConfig: () => request<ConfigAnswer>({kind: 'config', seq: ++seq}),
    check: (path, text) => request<CheckAnswer>({kind: 'check', seq: ++seq, path, text}),
    filesChanged: () => worker.postMessage({kind: 'files-changed'} satisfies ToWorker),
    async close() {
      closing = true
      await worker.terminate()
    }
  }
}
