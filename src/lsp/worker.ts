// The language server's checking thread: it loads the config (with the built-in rules and any
// plugins the user allowed), keeps the index of the articles on disk for the rules that look
// across articles (`duplicate-slug`), and checks each text the editor sends with the same
// linter `healthlint lint` uses, under the same limits and time budget. It is an entry point
// (of a worker thread), so it may import the built-in rule set.
import {parentPort, workerData} from 'node:worker_threads'
import {VFile} from 'vfile'
import {builtInRules} from '../../rules/index.js'
import {ConfigError, defaultConfigName, loadConfig} from '../config/config.js'
import type {ResolvedConfig} from '../config/config.js'
import {expandPaths} from '../io/files.js'
import {today} from '../io/today.js'
import {createLinter} from '../pipeline/lint.js'
import type {Linter} from '../pipeline/lint.js'
import {loadArticle, loadBytes} from '../pipeline/load.js'
import {parseFrontmatter} from '../pipeline/frontmatter.js'
import {readRunIndex, slugOf} from '../pipeline/slugs.js'
import type {SlugIndex} from '../pipeline/slugs.js'
import {toReported} from '../report/messages.js'
import type {CheckedMessage, FromWorker, ToWorker, WorkerSetup} from './protocol.js'

const setup = workerData as WorkerSetup
const port = parentPort!
const send = (message: FromWorker) => port.postMessage(message)
const encoder = new TextEncoder()

let config: ResolvedConfig | undefined
let diskIndex: Promise<{slugs: SlugIndex; categories: string[]}> | undefined

/** The slugs and categories of the articles on disk, read again after files change. */
function readDiskIndex(current: ResolvedConfig) {
  diskIndex ??= (async () => {
    let paths: string[] = []
    try {
      paths = await expandPaths(setup.paths, setup.cwd)
    } catch {
      // No articles folder yet: no other article to compare with.
    }
    const {slugs} = await readRunIndex(paths, setup.cwd, current.limits)
    const categories = new Set<string>()
    for (const path of paths) {
      const file = await loadArticle(path, setup.cwd, current.limits)
      if (!file.data.loaded) continue
      parseFrontmatter(file, current.limits)
      const category = file.data.frontmatter?.data?.category
      if (typeof category === 'string') categories.add(category)
    }
    return {slugs, categories: [...categories].sort()}
  })()
  return diskIndex
}

/** The disk's slug index with the article at `path` listed under the slug of its text in the editor. */
function withOpenArticle(slugs: SlugIndex, path: string, file: VFile, limits: ResolvedConfig['limits']): SlugIndex {
  const copy = new Map<string, string[]>()
  for (const [slug, owners] of slugs) {
    const others = owners.filter((owner) => owner !== path)
    if (others.length > 0) copy.set(slug, others)
  }
  const probe = new VFile({path: file.path, cwd: setup.cwd, value: file.value})
  probe.data = {...file.data}
  if (file.data.loaded) parseFrontmatter(probe, limits)
  const {slug} = slugOf(probe.data.frontmatter?.data, path)
  copy.set(slug, [...(copy.get(slug) ?? []), path])
  return copy
}

async function reloadConfig(seq: number) {
  try {
    const loaded = await loadConfig(setup.cwd, {rules: builtInRules, configPath: setup.configPath, allowPlugins: setup.allowPlugins})
    config = loaded
    diskIndex = undefined
    const {categories} = await readDiskIndex(loaded)
    send({
      kind: 'config',
      seq,
      ok: true,
      source: loaded.source,
      categories,
      plugins: loaded.plugins.map(({name, ruleIds}) => ({name, ruleIds})),
      rules: loaded.ruleSet.rules.map((rule) => ({id: rule.id, description: rule.description, rationale: rule.rationale, url: rule.url, safety: rule.safety === true}))
    })
  } catch (error) {
    // The previous config (if any) stays in force: the editor keeps its diagnostics.
    if (!(error instanceof ConfigError) && !(error instanceof Error && error.name === 'RuleSetError')) throw error
    send({kind: 'config', seq, ok: false, source: setup.configPath ?? defaultConfigName, message: error.message})
  }
}

async function check(seq: number, path: string, text: string) {
  if (!config) {
    send({kind: 'failed', seq, message: 'The configuration could not be loaded.'})
    return
  }
  const current = config
  const {slugs} = await readDiskIndex(current)
  const bytes = encoder.encode(text)
  const loaded = loadBytes(path, setup.cwd, bytes, current.limits)
  const index = withOpenArticle(slugs, path, loaded, current.limits)
  // A linter per check: "today" and the other articles' slugs are read afresh each time. The
  // Markdown stack is imported once per thread, so this costs little.
  const linter: Linter = createLinter({cwd: setup.cwd, config: current, now: setup.now ?? today(), slugs: index})
  const file = await linter.lintText(path, bytes)
  const messages: CheckedMessage[] = file.messages.map((message) => {
    const reported: CheckedMessage = toReported(message)
    if (message.actual !== undefined) reported.actual = message.actual
    if (message.expected !== undefined) reported.expected = [...message.expected]
    return reported
  })
  send({kind: 'result', seq, messages})
}

// One request at a time, in the order sent: the main thread drops results for old texts.
let queue = Promise.resolve()
port.on('message', (message: ToWorker) => {
  queue = queue.then(async () => {
    try {
      if (message.kind === 'config') await reloadConfig(message.seq)
      else if (message.kind === 'files-changed') diskIndex = undefined
      else await check(message.seq, message.path, message.text)
    } catch (error) {
      if (message.kind !== 'files-changed') send({kind: 'failed', seq: message.seq, message: error instanceof Error ? error.message : String(error)})
    }
  })
})
