// `healthlint preview`: serve the articles with their problems marked on them until stopped
// (the environment's signal, or Ctrl+C). Prints the address and one line per re-check.
import {isLoopback, startPreview} from '../preview/server.js'
import type {PreviewServer} from '../preview/server.js'
import {exitCodes} from './main.js'
import type {CliEnvironment, CommonOptions} from './main.js'
import {stopSignalOf} from './watch-command.js'
import {plural} from '../rule-kit/plural.js'

export async function runPreview(environment: CliEnvironment, options: CommonOptions): Promise<number> {
  const write = (chunk: string) => void environment.stdout.write(chunk)
  let server: PreviewServer
  try {
    server = await startPreview({
      cwd: environment.cwd,
      config: options.config,
      now: options.now,
      paths: options.paths,
      port: options.port,
      host: options.host,
      onUpdate: (changes) => {
        for (const change of changes) {
          if (change.removed) write(`${change.path}: removed\n`)
          else write(`${change.path}: re-checked (${plural(change.summary.errors, 'error')}, ${plural(change.summary.warnings, 'warning')})\n`)
        }
      },
      onError: (message) => void environment.stderr.write(`healthlint: ${message}\n`)
    })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE') {
      environment.stderr.write(`healthlint: port ${options.port} is already in use. Stop what is using it, or choose another port with --port (0 picks a free one).\n`)
      return exitCodes.usage
    }
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EACCES' || code === 'EAFNOSUPPORT') {
      environment.stderr.write(`healthlint: cannot listen on ${options.host} port ${options.port} (${code}). Check --host and --port.\n`)
      return exitCodes.usage
    }
    throw error
  }

  const count = server.articles()
  write(`Previewing ${plural(count, 'article')} at ${server.url}\n`)
  if (!isLoopback(options.host)) {
    write(`Warning: listening on ${options.host}, so anyone who can reach this computer on port ${new URL(server.url).port} can read these articles, including unpublished drafts.\n`)
  }
  write('Pages update by themselves when an article is saved. Press Ctrl+C to stop.\n')

  const {signal, release} = stopSignalOf(environment)
  await new Promise<void>((done) => (signal.aborted ? done() : signal.addEventListener('abort', () => done(), {once: true})))
  await server.close()
  release()
  return exitCodes.ok
}
