// The tool's fingerprint: what a cached result depends on besides the article and the config.
// Kept apart from the cache so that a replayed run (cli/quick-replay.ts) can check it without
// loading anything else.
import {createHash} from 'node:crypto'
import {lstatSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {packageRoot, readPackageJson} from '../config/package-files.js'

/** The compiled code and the rules' data files. */
const codeRoots = [join(packageRoot, 'build', 'src'), join(packageRoot, 'build', 'rules'), join(packageRoot, 'rules', 'data')]
const schemaRoot = join(packageRoot, 'schemas')
/** npm's record of node_modules (in this package, or the one it is installed in), else the lockfile. */
const dependencyRecords = [join(packageRoot, 'node_modules', '.package-lock.json'), join(packageRoot, '..', '.package-lock.json'), join(packageRoot, 'package-lock.json')]

let fingerprint: string | undefined

/**
 * The version, and a hash of the compiled code, the rules' data files and the installed
 * dependencies: a change to the code without a version bump (a local edit, a pre-release), or
 * another version of a dependency a rule relies on (a word list, the parser), must still
 * invalidate the cache.
 */
export function toolFingerprint(): string {
  fingerprint ??= `${readPackageJson().version}+${hashFiles(codeRoots).slice(0, 16)}+${dependencyHash()}`
  return fingerprint
}

let schemas: string | undefined

/** A hash of the JSON schemas (schemas/), which the frontmatter rule and the reports use. */
export function schemaHash(): string {
  schemas ??= hashFiles([schemaRoot])
  return schemas
}

/**
 * What `toolFingerprint` and `schemaHash` cover, told by each file's identity rather than its
 * bytes: its inode, size, modification and change times (as git's index tells a changed file).
 * Writing a file always moves its change time, which no program can set back, so a stamp that
 * is unchanged means the same files; four times cheaper than hashing them, for a replayed run.
 */
export function toolStamp(): string {
  const hash = createHash('sha256').update(`${readPackageJson().version}\0`)
  for (const path of [...filesOf([...codeRoots, schemaRoot]).map(([, path]) => path), ...dependencyRecords]) {
    try {
      const stats = lstatSync(path, {bigint: true})
      hash.update(`${path}\0${stats.ino} ${stats.size} ${stats.mtimeNs} ${stats.ctimeNs}\0`)
    } catch {
      hash.update(`${path}\0-\0`)
    }
  }
  return hash.digest('hex')
}

function dependencyHash(): string {
  for (const path of dependencyRecords) {
    try {
      return createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16)
    } catch {
      // Not there: try the next.
    }
  }
  return ''
}

function hashFiles(roots: string[]): string {
  const hash = createHash('sha256')
  for (const [name, path] of filesOf(roots)) hash.update(`${name}\0`).update(readFileSync(path)).update('\0')
  return hash.digest('hex')
}

/** The `.js` and `.json` files under `roots`, each as [its name within its root, its path], sorted within each root. */
function filesOf(roots: string[]): Array<[string, string]> {
  const files: Array<[string, string]> = []
  for (const root of roots) {
    let names: string[]
    try {
      names = (readdirSync(root, {recursive: true}) as string[]).sort()
    } catch {
      continue
    }
    for (const name of names) if (/\.(?:js|json)$/.test(name)) files.push([name, join(root, name)])
  }
  return files
}
