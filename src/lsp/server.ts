// `healthlint lsp`: a Language Server Protocol server for the Markdown articles under the
// article paths. Diagnostics come from the same linter as `healthlint lint` (run in a worker
// thread, checker.ts), on open and after each change has settled for `debounceMs`; an answer
// for a text the editor has since changed is dropped, so the newest text always wins. Hover,
// completion and code actions are answered on this thread from the latest check, so a slow
// article never delays them. The config file and the articles on disk are watched: a change
// re-checks every open article, and a config that cannot be loaded is one diagnostic on the
// config file while the last good config stays in force.
import {relative, resolve, sep} from 'node:path'
import * as nodePath from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {lstat} from 'node:fs/promises'
import {createConnection, DiagnosticSeverity, TextDocuments, TextDocumentSyncKind} from 'vscode-languageserver/node.js'
import type {Connection, Diagnostic} from 'vscode-languageserver/node.js'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {isDynamicPattern} from 'tinyglobby'
import {defaultConfigName} from '../config/config.js'
import {fingerprintOf, watchInputs} from '../io/watch.js'
import type {ChangeWatcher} from '../io/watch.js'
import {startChecker} from './checker.js'
import type {Checker} from './checker.js'
import {codeActionsFor, openDocsCommand} from './actions.js'
import {diagnosticSource, toDiagnostic} from './diagnostics.js'
import {completionsAt, hoverAt} from './help.js'
import type {CheckedMessage, RuleInfo} from './protocol.js'

/** Wait this long after the last change before checking, so typing is not checked key by key. */
export const debounceMs = 150

export interface ServerOptions {
  /** The working directory; the client's workspace folder, when it names one, is the project root instead. */
  cwd: string
  configPath: string | undefined
  allowPlugins: boolean
  /** Article inputs (files, directories, globs), relative to the project root. */
  paths: string[]
  now: string | undefined
  input: NodeJS.ReadableStream
  output: NodeJS.WritableStream
  /** Where the server's own problems go (stderr: stdout carries the protocol). */
  log: (message: string) => void
}

interface DocumentState {
  timer?: NodeJS.Timeout
  /** A check is running for this document; `again` asks for one more when it ends. */
  running: boolean
  again: boolean
  checked: Array<{message: CheckedMessage; diagnostic: Diagnostic}>
}

export function startServer(options: ServerOptions): Connection {
  const connection = createConnection(options.input, options.output)
  const documents = new TextDocuments(TextDocument)
  const states = new Map<string, DocumentState>()
  let root = options.cwd
  let checker: Checker | undefined
  let watcher: ChangeWatcher | undefined
  let rules = new Map<string, RuleInfo>()
  let categories: string[] = []
  let configUri: string | undefined
  let configFingerprint = ''
  let directoryInputs = new Set<string>()
  let ready: Promise<void> = Promise.resolve()

  const configName = options.configPath ?? defaultConfigName

  /** The article path (relative to the root, `/`-separated) of a document, if it is one to check. */
  const articlePathOf = (uri: string): string | undefined => {
    if (!uri.startsWith('file:')) return undefined
    const absolute = fileURLToPath(uri)
    const path = relative(root, absolute).split(sep).join('/')
    if (path.startsWith('../') || nodePath.isAbsolute(path) || !/\.(md|markdown)$/.test(path)) return undefined
    return options.paths.some((input) => inputCovers(input, path)) ? path : undefined
  }
  const inputCovers = (input: string, path: string) => {
    const normal = nodePath.posix.normalize(input.split(sep).join('/')).replace(/\/$/, '')
    if (normal === '.' ) return true
    if (isDynamicPattern(input)) return typeof nodePath.matchesGlob === 'function' ? nodePath.matchesGlob(path, normal) : true
    return path === normal || (directoryInputs.has(input) && path.startsWith(`${normal}/`))
  }

  const loadConfig = async () => {
    configFingerprint = await fingerprintOf(resolve(root, configName))
    const answer = await checker!.loadConfig()
    configUri = pathToFileURL(resolve(root, answer.source ?? configName)).href
    if (answer.ok) {
      // As every command does: each plugin loaded (code the config names) is listed on stderr.
      for (const plugin of answer.plugins) options.log(`loaded the plugin ${plugin.name} (rules: ${plugin.ruleIds.join(', ')}).`)
      rules = new Map(answer.rules.map((rule) => [rule.id, rule]))
      categories = answer.categories
      void connection.sendDiagnostics({uri: configUri, diagnostics: []})
    } else {
      void connection.sendDiagnostics({
        uri: configUri,
        diagnostics: [{range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, severity: DiagnosticSeverity.Error, source: diagnosticSource, message: `${answer.message} The last valid configuration stays in force until this is fixed.`}]
      })
    }
  }

  const stateOf = (uri: string) => {
    let state = states.get(uri)
    if (!state) states.set(uri, (state = {running: false, again: false, checked: []}))
    return state
  }

  const check = async (uri: string) => {
    const state = stateOf(uri)
    if (state.running) {
      state.again = true
      return
    }
    state.running = true
    try {
      do {
        state.again = false
        const document = documents.get(uri)
        const path = document && articlePathOf(uri)
        if (!document || !path) return
        await ready
        const version = document.version
        const answer = await checker!.check(path, document.getText())
        // The editor's text changed meanwhile: a newer check is due, and this answer is stale.
        if (documents.get(uri)?.version !== version) continue
        if (answer.kind === 'failed') {
          options.log(`could not check ${path}: ${answer.message}`)
          continue
        }
        state.checked = answer.messages.map((message) => ({message, diagnostic: toDiagnostic(message)}))
        await connection.sendDiagnostics({uri, version, diagnostics: state.checked.map(({diagnostic}) => diagnostic)})
      } while (state.again)
    } finally {
      state.running = false
    }
  }

  const schedule = (uri: string, delay: number) => {
    const state = stateOf(uri)
    clearTimeout(state.timer)
    state.timer = setTimeout(() => void check(uri).catch((error: unknown) => options.log(`check failed: ${(error as Error).message}`)), delay)
  }

  const recheckAll = () => {
    for (const document of documents.all()) schedule(document.uri, 0)
  }

  connection.onInitialize(async (params) => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri
    if (folder?.startsWith('file:')) root = fileURLToPath(folder)
    directoryInputs = new Set(
      (await Promise.all(options.paths.map(async (input) => ((await lstat(resolve(root, input)).then((stats) => stats.isDirectory(), () => input.endsWith('/'))) ? input : undefined)))).filter(
        (input): input is string => input !== undefined
      )
    )
    checker = startChecker({cwd: root, configPath: options.configPath, allowPlugins: options.allowPlugins, paths: options.paths, now: options.now}, options.log)
    ready = loadConfig()
    await ready
    return {
      capabilities: {
        textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Incremental, save: {includeText: false}},
        codeActionProvider: {codeActionKinds: ['quickfix']},
        hoverProvider: true,
        completionProvider: {triggerCharacters: [':', ' ']},
        executeCommandProvider: {commands: [openDocsCommand]}
      },
      serverInfo: {name: 'healthlint'}
    }
  })

  connection.onInitialized(async () => {
    watcher = await watchInputs([configName, ...options.paths], root, {
      onChange: async () => {
        const fingerprint = await fingerprintOf(resolve(root, configName))
        if (fingerprint !== configFingerprint) {
          ready = loadConfig()
          await ready
        }
        checker!.filesChanged()
        recheckAll()
      },
      onError: options.log
    })
  })

  documents.onDidOpen(({document}) => schedule(document.uri, 0))
  documents.onDidChangeContent(({document}) => schedule(document.uri, debounceMs))
  documents.onDidSave(() => checker?.filesChanged())
  documents.onDidClose(({document}) => {
    const state = states.get(document.uri)
    clearTimeout(state?.timer)
    states.delete(document.uri)
    void connection.sendDiagnostics({uri: document.uri, diagnostics: []})
  })

  connection.onCodeAction(({textDocument, context}) => {
    const document = documents.get(textDocument.uri)
    if (!document) return []
    return codeActionsFor({document, checked: states.get(textDocument.uri)?.checked ?? [], diagnostics: context.diagnostics, rules})
  })
  connection.onExecuteCommand(async ({command, arguments: args}) => {
    const url = args?.[0]
    if (command === openDocsCommand && typeof url === 'string' && /^https?:\/\//.test(url)) {
      await connection.window.showDocument({uri: url, external: true})
    }
  })
  connection.onHover(({textDocument, position}) => {
    const document = documents.get(textDocument.uri)
    if (!document || !articlePathOf(textDocument.uri)) return null
    return hoverAt(document, position, (states.get(textDocument.uri)?.checked ?? []).map(({diagnostic}) => diagnostic), rules)
  })
  connection.onCompletion(({textDocument, position}) => {
    const document = documents.get(textDocument.uri)
    if (!document || !articlePathOf(textDocument.uri)) return []
    return completionsAt(document, position, categories)
  })
  connection.onDidChangeWatchedFiles(() => {
    checker?.filesChanged()
    recheckAll()
  })
  connection.onShutdown(async () => {
    await watcher?.close()
    await checker?.close()
    for (const state of states.values()) clearTimeout(state.timer)
  })

  documents.listen(connection)
  connection.listen()
  return connection
}
