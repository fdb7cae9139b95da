// The healthlint extension for VS Code: it starts `healthlint lsp` in the workspace folder and
// leaves everything else (diagnostics, quick fixes, hovers, completion) to the language server.
'use strict'
const {existsSync} = require('node:fs')
const {join} = require('node:path')
const vscode = require('vscode')
const {LanguageClient, TransportKind} = require('vscode-languageclient/node')

let client

/** The configured executable, else the workspace's own healthlint, else the one on the PATH. */
function healthlintCommand(folder) {
  const configured = vscode.workspace.getConfiguration('healthlint').get('command')
  if (configured) return configured
  const local = folder && join(folder, 'node_modules', '.bin', process.platform === 'win32' ? 'healthlint.cmd' : 'healthlint')
  return local && existsSync(local) ? local : 'healthlint'
}

async function activate(context) {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath
  const args = ['lsp', ...vscode.workspace.getConfiguration('healthlint').get('args', [])]
  const server = {command: healthlintCommand(folder), args, transport: TransportKind.stdio, options: {cwd: folder, shell: process.platform === 'win32'}}
  client = new LanguageClient('healthlint', 'healthlint', {run: server, debug: server}, {
    documentSelector: [{scheme: 'file', language: 'markdown'}],
    synchronize: {fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.md,*.markdown,healthlint.config.json}')}
  })
  context.subscriptions.push(client)
  await client.start()
}

async function deactivate() {
  await client?.stop()
}

module.exports = {activate, deactivate}
