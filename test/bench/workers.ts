// The worker-thread experiment behind the decision in the README (Speed, "Worker threads"): analyse the same
// articles in one process, or in a pool of worker threads (each article's facts posted back as
// plain data, results taken in input order), and compare wall time and peak RSS, interleaved.
//   node build/test/bench/workers.js DIR [ARTICLES] [RUNS] [WORKERS]
// A child process runs each measurement (under /usr/bin/time), so peak RSS is per mode.
import {spawnSync} from 'node:child_process'
import {readdirSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {Worker, isMainThread, parentPort, workerData} from 'node:worker_threads'
import {resolveConfig} from '../../src/config/config.js'
import {loadArticle} from '../../src/pipeline/load.js'
import {createAnalyser} from '../../src/pipeline/analyse.js'
import {factsOf} from '../../src/pipeline/facts.js'
import {builtInRules} from '../../rules/index.js'

const self = fileURLToPath(import.meta.url)

async function analyseAll(paths: string[], onFacts: (facts: unknown) => void): Promise<void> {
  const config = resolveConfig({}, {rules: builtInRules})
  const analyser = createAnalyser(config)
  for (const path of paths) {
    const file = await loadArticle(path, process.cwd(), config.limits)
    file.data.now = '2026-03-01'
    onFacts(factsOf(file, await analyser.analyse(file)))
  }
}

if (!isMainThread) {
  await analyseAll(workerData as string[], (facts) => parentPort!.postMessage(facts))
} else if (process.argv[2] === '--child') {
  const [mode, directory, count, workers] = process.argv.slice(3) as [string, string, string, string]
  const paths = readdirSync(directory).filter((name) => name.endsWith('.md')).sort().slice(0, Number(count)).map((name) => join(directory, name))
  let received = 0
  if (mode === 'single') {
    await analyseAll(paths, () => received++)
  } else {
    // Every n-th article to each worker, so that long and short articles are shared evenly.
    const count = Number(workers)
    await Promise.all(Array.from({length: count}, (_, index) => new Promise<void>((done, fail) => {
      const worker = new Worker(self, {workerData: paths.filter((_, position) => position % count === index)})
      worker.on('message', () => received++)
      worker.on('error', fail)
      worker.on('exit', () => done())
    })))
  }
  if (received !== paths.length) throw new Error(`received ${received} of ${paths.length}`)
} else {
  const directory = resolve(process.argv[2] ?? '.')
  const count = process.argv[3] ?? '200'
  const runs = Number(process.argv[4] ?? 2)
  const workers = process.argv[5] ?? '2'
  const results: Record<string, string[]> = {single: [], workers: []}
  for (let run = 0; run < runs; run++) {
    for (const mode of ['single', 'workers']) {
      const child = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', process.execPath, self, '--child', mode, directory, count, workers], {encoding: 'utf8'})
      const [seconds, kb, user, system] = child.stderr.trim().split('\n').at(-1)!.split(' ')
      results[mode]!.push(`${seconds} s ${Math.round(Number(kb) / 1024)} MB`)
      process.stdout.write(`${mode} ${count}: ${seconds} s wall, ${(Number(user) + Number(system)).toFixed(2)} s CPU, ${Math.round(Number(kb) / 1024)} MB\n`)
    }
  }
}
