// Shared by the preview tests: a temporary project folder with a config and some articles.
import {mkdtempSync, mkdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'

/** Create a project in a temporary folder: `healthlint.config.json` with `rules`, and `files`. */
export function temporaryProject(files: Record<string, string>, rules: Record<string, unknown>): string {
  const root = mkdtempSync(join(tmpdir(), 'healthlint-preview-'))
  writeFileSync(join(root, 'healthlint.config.json'), JSON.stringify({rules}))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), {recursive: true})
    writeFileSync(join(root, path), text)
  }
  return root
}
