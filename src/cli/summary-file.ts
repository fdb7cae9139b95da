// Appending the Markdown job summary (`--summary`, or `$GITHUB_STEP_SUMMARY`) to its file.
import {appendFile} from 'node:fs/promises'
import {resolve} from 'node:path'

/** Append `text` to the summary file at `path` (relative to cwd); false, after saying why on stderr, when it cannot be written. */
export async function appendSummaryFile(environment: {cwd: string; stderr: {write(chunk: string): unknown}}, path: string | undefined, text: string): Promise<boolean> {
  if (!path) return true
  try {
    await appendFile(resolve(environment.cwd, path), text)
    return true
  } catch (error) {
    environment.stderr.write(`healthlint: cannot write the summary to ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.\n`)
    return false
  }
}
