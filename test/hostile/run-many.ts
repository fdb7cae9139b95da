// Several CLI runs one after another in this one process, as bin/healthlint.js would run each:
// argv[2] is a JSON list of command lines. Prints a JSON list of what each run wrote, its exit
// code and time, then a last line on stderr with the process's peak resident memory
// (`maxRSS=<kilobytes>`): the peak of all the runs, so a bound on it bounds each one.
import process from 'node:process'
import {main} from '../../src/cli/main.js'

const commandLines = JSON.parse(process.argv[2] ?? '[]') as string[][]
const results = []
for (const argv of commandLines) {
  let stdout = ''
  let stderr = ''
  const started = performance.now()
  let code: number
  try {
    code = await main({argv, cwd: process.cwd(), env: process.env, stdout: {write: (chunk: string) => (stdout += chunk)}, stderr: {write: (chunk: string) => (stderr += chunk)}})
  } catch (error) {
    stderr += `healthlint: internal error: ${error instanceof Error ? error.stack : String(error)}\n`
    code = 2
  }
  results.push({argv, code, stdout, stderr, milliseconds: performance.now() - started})
}
process.stdout.write(JSON.stringify(results))
process.stderr.write(`maxRSS=${process.resourceUsage().maxRSS}\n`)
