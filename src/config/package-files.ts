// Where the package's own files are, wherever it is installed or compiled to.
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {dirname, join} from 'node:path'

/** The package root: this file is `src/config/package-files.ts`, compiled to `build/src/config/package-files.js`. */
export const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')

export function readSchema(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(packageRoot, 'schemas', name), 'utf8')) as Record<string, unknown>
}

export function readPackageJson(): {name: string; version: string} {
  return JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as {name: string; version: string}
}
