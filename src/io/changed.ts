// `--changed`: lint only the articles a branch changed. The changes are everything between the
// merge base of REF and HEAD and the working tree — committed, staged, unstaged and untracked —
// so the same command serves a pull request in CI and an author before committing. When a
// rule, schema, the linter itself, the config or a data file the config names changed, every
// article is linted again, since any of them may now pass or fail differently. Git runs
// without a shell, with fixed arguments.
import {execFile} from 'node:child_process'
import {posix, relative, resolve, sep} from 'node:path'
import {expandPaths} from './files.js'
import {defaultConfigName} from '../config/config.js'

/** A problem with --changed (no git, not a repository, unknown ref): the CLI exits 2. */
export class ChangedError extends Error {
  override name = 'ChangedError'
}

export interface ChangedOptions {
  /** Paths, directories or globs to choose from, relative to cwd. */
  inputs: string[]
  cwd: string
  /** The ref to compare with; by default the base branch of the pull request or repository. */
  ref?: string
  /** The config file in use, relative to cwd. */
  configPath?: string
  /** The data files the config reads (a `vocabulary`), relative to cwd. */
  dataPaths?: readonly string[]
  env?: Record<string, string | undefined>
}

export interface ChangedSelection {
  /** What to lint: the inputs unchanged when everything must be linted, else the changed articles. */
  paths: string[]
  /** True when a rule, schema or config change means every article is linted. */
  all: boolean
  /** The changed path that caused `all`, for the log. */
  trigger?: string
  /** The ref compared with, as given or found. */
  ref: string
  /** The merge base's commit id. */
  base: string
}

/** Paths (relative to cwd) whose change can change the result for any article. */
const triggers = ['rules/', 'schemas/', 'src/', 'bin/', 'package.json', 'package-lock.json', 'tsconfig.json']

export async function selectChanged(options: ChangedOptions): Promise<ChangedSelection> {
  const {cwd} = options
  await git(cwd, ['rev-parse', '--is-inside-work-tree']).catch((error: unknown) => {
    throw error instanceof ChangedError && /not a git repository/i.test(error.message) ? new ChangedError('--changed needs a git repository, and the current directory is not inside one. Lint without --changed, or run in a clone of the repository.') : error
  })
  const ref = options.ref ?? (await defaultRef(cwd, options.env ?? {}))
  if (ref.startsWith('-')) throw new ChangedError(`--changed: \`${ref}\` is not a git ref.`)
  const commit = await resolveCommit(cwd, ref)
  if (!commit) throw new ChangedError(`--changed: git cannot find \`${ref}\`. Give a branch, tag or commit that exists here (in GitHub Actions, check out with fetch-depth: 0).`)
  let base: string
  try {
    base = (await git(cwd, ['merge-base', commit, 'HEAD'])).trim()
  } catch {
    throw new ChangedError(`--changed: \`${ref}\` and HEAD have no common history here. In GitHub Actions, check out with fetch-depth: 0 so the base branch's history is present.`)
  }

  // Paths relative to cwd, limited to it; deletions included (a deleted rule still counts).
  const changed = new Set([
    ...split(await git(cwd, ['diff', '--name-only', '-z', '--no-renames', '--relative', base, '--', '.'])),
    ...split(await git(cwd, ['ls-files', '--others', '--exclude-standard', '-z', '--', '.']))
  ])
  const configPaths = new Set([defaultConfigName, normalize(cwd, options.configPath ?? defaultConfigName), ...(options.dataPaths ?? []).map((path) => normalize(cwd, path))])
  const trigger = [...changed].sort().find((path) => configPaths.has(path) || triggers.some((prefix) => (prefix.endsWith('/') ? path.startsWith(prefix) : path === prefix)))
  if (trigger !== undefined) return {paths: options.inputs, all: true, trigger, ref, base}

  const candidates = await expandPaths(options.inputs, cwd)
  return {paths: candidates.filter((path) => changed.has(normalize(cwd, path))), all: false, ref, base}
}

async function defaultRef(cwd: string, env: Record<string, string | undefined>): Promise<string> {
  // In a pull request GitHub names the target branch; elsewhere try the usual default branches.
  const candidates = [env.GITHUB_BASE_REF ? `origin/${env.GITHUB_BASE_REF}` : undefined, 'origin/HEAD', 'origin/main', 'origin/master', 'main', 'master']
  for (const candidate of candidates) {
    if (candidate && (await resolveCommit(cwd, candidate))) return candidate
  }
  throw new ChangedError('--changed: cannot find the default branch (tried origin/HEAD, origin/main, origin/master, main and master). Name the branch to compare with: --changed=REF.')
}

async function resolveCommit(cwd: string, ref: string): Promise<string | undefined> {
  try {
    return (await git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).trim() || undefined
  } catch {
    return undefined
  }
}

function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile('git', args, {cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024}, (error, stdout, stderr) => {
      if (!error) return resolvePromise(stdout)
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return reject(new ChangedError('--changed needs git, which is not installed or not on the PATH.'))
      reject(new ChangedError(`git ${args[0]} failed: ${stderr.trim() || error.message}`))
    })
  })
}

function split(output: string): string[] {
  return output.split('\0').filter((path) => path !== '')
}

/** A path relative to cwd, with forward slashes and no `./`, as git prints it. */
function normalize(cwd: string, path: string): string {
  return posix.normalize(relative(cwd, resolve(cwd, path)).split(sep).join('/'))
}
