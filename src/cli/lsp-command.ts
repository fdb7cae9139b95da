// `healthlint lsp [paths…]`: the language server, over stdin and stdout (src/lsp/server.ts).
// The config is loaded by the server, not here, so a config that cannot be read is shown in the
// editor as a diagnostic on the config file rather than stopping the server. The process ends
// when the client sends `exit` (0 after `shutdown`, 1 without), as the protocol requires.
import process from 'node:process'
import type {CliEnvironment} from './main.js'
import {escapeForLog} from '../report/safe-text.js'

export interface LspOptions {
  paths: string[]
  configPath: string | undefined
  allowPlugins: boolean
  now: string | undefined
}

export async function runLsp(environment: CliEnvironment, options: LspOptions): Promise<number> {
  const {startServer} = await import('../lsp/server.js')
  startServer({
    cwd: environment.cwd,
    configPath: options.configPath,
    allowPlugins: options.allowPlugins,
    paths: options.paths.length > 0 ? options.paths : ['articles/'],
    now: options.now,
    input: process.stdin,
    output: process.stdout,
    log: (message) => environment.stderr.write(`healthlint lsp: ${escapeForLog(message)}\n`)
  })
  // The connection ends the process on `exit` (or when the client goes away).
  return await new Promise<number>(() => {})
}
