#!/usr/bin/env node
// The healthlint executable: a few lines over `main`, which does everything else.
import process from 'node:process'
try {
  const {main} = await import('../build/src/cli/main.js')
  process.exitCode = await main({argv: process.argv.slice(2), cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, env: process.env})
} catch (error) {
  process.stderr.write(`healthlint: internal error: ${error instanceof Error ? error.stack : String(error)}\nPlease report this as a bug.\n`)
  process.exitCode = 2
}
