// A language-server client for tests and the bench: `healthlint lsp` spawned as an editor starts
// it, spoken to over its stdin and stdout with vscode-jsonrpc, the JSON-RPC library the LSP
// client libraries are built on.
import {spawn} from 'node:child_process'
import type {ChildProcess} from 'node:child_process'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {createMessageConnection, StreamMessageReader, StreamMessageWriter} from 'vscode-jsonrpc/node.js'
import type {MessageConnection} from 'vscode-jsonrpc/node.js'
import type {PublishDiagnosticsParams} from 'vscode-languageserver-protocol'
import {packageRoot} from '../../src/config/package-files.js'

export interface LspClient {
  connection: MessageConnection
  child: ChildProcess
  root: string
  uriOf(path: string): string
  /** The next diagnostics published for `uri` that satisfy `accept` (by default, any). */
  nextDiagnostics(uri: string, accept?: (params: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>
  /** Everything the server wrote on stderr so far. */
  stderr(): string
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>
}

export async function startClient(root: string, args: string[] = []): Promise<LspClient> {
  const child = spawn(process.execPath, [join(packageRoot, 'bin', 'healthlint.js'), 'lsp', ...args], {cwd: root, stdio: ['pipe', 'pipe', 'pipe']})
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!))
  const waiting: Array<{uri: string; accept: (params: PublishDiagnosticsParams) => boolean; resolve: (params: PublishDiagnosticsParams) => void}> = []
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    for (const [index, waiter] of waiting.entries()) {
      if (waiter.uri === params.uri && waiter.accept(params)) {
        waiting.splice(index, 1)
        waiter.resolve(params)
        return
      }
    }
  })
  connection.onRequest('window/showDocument', () => ({success: true}))
  connection.listen()
  const uriOf = (path: string) => pathToFileURL(join(root, path)).href
  return {
    connection,
    child,
    root,
    uriOf,
    nextDiagnostics(uri, accept = () => true, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs)
        waiting.push({uri, accept, resolve: (params) => (clearTimeout(timer), resolve(params))})
      })
    },
    stderr: () => stderr,
    exited
  }
}

/** `initialize` with the project as the workspace folder, then `initialized`. */
export async function initialize(client: LspClient): Promise<unknown> {
  const result = await client.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(client.root).href,
    workspaceFolders: [{uri: pathToFileURL(client.root).href, name: 'articles'}],
    capabilities: {textDocument: {publishDiagnostics: {versionSupport: true}}, window: {showDocument: {support: true}}}
  })
  await client.connection.sendNotification('initialized', {})
  return result
}

/** `shutdown`, then `exit`: resolves with the process's exit code. */
export async function shutdown(client: LspClient): Promise<number | null> {
  await client.connection.sendRequest('shutdown')
  await client.connection.sendNotification('exit')
  const code = await client.exited
  client.connection.dispose()
  return code
}
