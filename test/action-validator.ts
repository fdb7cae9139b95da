// action-validator (the schema check GitHub's own editor tooling uses) on a workflow or action
// file, for the tests of the shipped workflows, the Action and the workflows `init` writes.
import {execFile} from 'node:child_process'
import {join} from 'node:path'
import {promisify} from 'node:util'
import {packageRoot} from '../src/config/package-files.js'

const run = promisify(execFile)
const validatorCli = join(packageRoot, 'node_modules', '@action-validator', 'cli', 'cli.mjs')

/** Whether action-validator accepts the file at `path`, and what it printed. */
export async function validate(path: string): Promise<{ok: boolean; output: string}> {
  try {
    const {stdout, stderr} = await run(process.execPath, [validatorCli, path])
    return {ok: true, output: stdout + stderr}
  } catch (error) {
    const failure = error as {stdout?: string; stderr?: string}
    return {ok: false, output: (failure.stdout ?? '') + (failure.stderr ?? '')}
  }
}
