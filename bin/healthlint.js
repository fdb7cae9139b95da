#!/usr/bin/env node
// The healthlint executable: a few lines over `main`, which does everything else.
import process from 'node:process'

// A reader that stops early (`healthlint lint | head`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

try {
  const {main} = await import('../build/src/cli/main.js')
  process.exitCode = await main({argv: process.argv.slice(2), cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, env: process.env})
} catch (error) {
  process.stderr.write(`healthlint: internal error: ${error instanceof Error ? error.stack : String(error)}\nPlease report this as a bug.\n`)
  process.exitCode = 2
}
