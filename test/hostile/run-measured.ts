// The CLI as bin/healthlint.js runs it, followed by a last line on stderr with the process's peak
// resident memory (`maxRSS=<kilobytes>`), so tests can bound the memory a run needs.
import process from 'node:process'
import {main} from '../../src/cli/main.js'

try {
  process.exitCode = await main({argv: process.argv.slice(2), cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, env: process.env})
} catch (error) {
  process.stderr.write(`healthlint: internal error: ${error instanceof Error ? error.stack : String(error)}\n`)
  process.exitCode = 2
}
process.stderr.write(`maxRSS=${process.resourceUsage().maxRSS}\n`)
