// The published package, as a content team gets it: `npm pack` (whose `prepack` compiles the
// code afresh, in a copy of the sources), then the README's quick start in a scratch content
// repository under the system temp folder, which cannot reach this repository's node_modules:
// `npm install --save-dev <the tarball> && npx healthlint init`, then `--version`, `lint`,
// `build`, `preview` (one request) and `review-schedule` there, through npx. Also: what the
// tarball holds, that installing it runs no script and pulls in no dev dependency, that the
// library API, the bundle types and the schemas resolve through `exports`, and its sizes.
import {after, before, describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {execFile, spawn} from 'node:child_process'
import {cp, lstat, mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {delimiter, join} from 'node:path'
import {promisify} from 'node:util'
import {packageRoot} from '../../src/config/package-files.js'
import {fillPlaceholders} from '../scaffold/support.js'

const run = promisify(execFile)
const now = '2026-12-02'
const pkg = JSON.parse(await readFile(join(packageRoot, 'package.json'), 'utf8')) as {
  version: string
  files: string[]
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}

/** The environment of a shell in the scratch repository: none of this repository's npm state or binaries. */
function cleanEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_|^NODE_PATH$|^NODE_OPTIONS$|^INIT_CWD$/i.test(key)) continue
    env[key] = value
  }
  env.PATH = (process.env.PATH ?? '').split(delimiter).filter((entry) => !entry.startsWith(packageRoot)).join(delimiter)
  return {...env, NO_COLOR: '1', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false'}
}

interface Result {
  code: number
  stdout: string
  stderr: string
}

async function shell(command: string, args: string[], cwd: string, env = cleanEnvironment()): Promise<Result> {
  try {
    const {stdout, stderr} = await run(command, args, {cwd, env, maxBuffer: 64 * 1024 * 1024})
    return {code: 0, stdout, stderr}
  } catch (error) {
    const failure = error as {code?: number | string; stdout?: string; stderr?: string}
    return {code: typeof failure.code === 'number' ? failure.code : -1, stdout: failure.stdout ?? '', stderr: failure.stderr ?? String(error)}
  }
}

async function sizeOf(path: string): Promise<number> {
  const info = await lstat(path)
  if (!info.isDirectory()) return info.size
  let total = 0
  for (const entry of await readdir(path)) total += await sizeOf(join(path, entry))
  return total
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`

describe('the npm package, packed and installed in a content repository', {timeout: 15 * 60_000}, () => {
  let work: string
  let tarball: string
  let packed: {size: number; unpackedSize: number; files: Array<{path: string}>}
  let repo: string
  const npx = (args: string[]) => shell('npx', ['--no-install', 'healthlint', ...args], repo)

  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'healthlint-package-'))
    // A copy of the sources (no build/), so that prepack's compile never touches the build
    // this test runs from; node_modules is linked for the compiler and the types.
    const source = join(work, 'source')
    await mkdir(source)
    for (const name of ['package.json', 'tsconfig.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'bin', 'src', 'rules', 'schemas', '.github']) {
      await cp(join(packageRoot, name), join(source, name), {recursive: true})
    }
    await symlink(join(packageRoot, 'node_modules'), join(source, 'node_modules'), 'dir')
    const pack = await shell('npm', ['pack', '--json', '--pack-destination', work], source, {...cleanEnvironment(), PATH: `${join(source, 'node_modules', '.bin')}${delimiter}${cleanEnvironment().PATH}`})
    assert.equal(pack.code, 0, pack.stderr)
    // Lifecycle scripts write to stdout too: the JSON is the last thing printed.
    ;[packed] = JSON.parse(pack.stdout.slice(pack.stdout.lastIndexOf('\n[\n') + 1)) as [typeof packed]
    tarball = join(work, `healthlint-${pkg.version}.tgz`)

    repo = join(work, 'content-repo')
    await mkdir(repo)
    await writeFile(join(repo, 'package.json'), JSON.stringify({name: 'content-repo', version: '1.0.0', private: true}, null, 2) + '\n')
    // The README's quick start, with the tarball in place of the registry's copy.
    const install = await shell('npm', ['install', '--save-dev', '--prefer-offline', tarball], repo)
    assert.equal(install.code, 0, install.stderr)
  })

  after(async () => {
    if (work) await rm(work, {recursive: true, force: true})
  })

  it('ships the compiled code, declarations, schemas, rule data, assets, templates and documents, and nothing else', () => {
    const paths = packed.files.map((file) => file.path)
    for (const expected of ['bin/healthlint.js', 'build/src/index.js', 'build/src/index.d.ts', 'build/src/bundle.d.ts', 'build/src/cli/main.js', 'build/rules/index.js', 'schemas/article.schema.json', 'schemas/config.schema.json', 'schemas/bundle-index.schema.json', 'schemas/bundle-manifest.schema.json', 'schemas/bundle-hub.schema.json', 'schemas/bundle-search-index.schema.json', 'build/src/publish/bundle-types.d.ts', 'src/publish/assets/healthlint.css', 'rules/data/plain-english.json', 'src/cli/templates/article.md', '.github/CODEOWNERS.example', 'README.md', 'LICENSE', 'CHANGELOG.md', 'package.json']) {
      assert.ok(paths.includes(expected), `${expected} is in the tarball`)
    }
    assert.ok(paths.some((path) => path.startsWith('src/preview/assets/')))
    for (const path of paths) {
      assert.doesNotMatch(path, /^(test|build\/test|node_modules|articles)\//, path)
      assert.ok(!path.endsWith('.ts') || path.endsWith('.d.ts'), `${path}: no TypeScript source`)
    }
  })

  it('installs as a copy, with no install script anywhere and no dev dependency', async () => {
    const installed = join(repo, 'node_modules', 'healthlint')
    assert.equal((await lstat(installed)).isSymbolicLink(), false)
    const manifest = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8')) as {scripts?: Record<string, string>; private?: boolean}
    assert.equal(manifest.private, undefined)
    for (const script of ['preinstall', 'install', 'postinstall']) assert.equal(manifest.scripts?.[script], undefined, script)
    const lock = JSON.parse(await readFile(join(repo, 'package-lock.json'), 'utf8')) as {packages: Record<string, {hasInstallScript?: boolean; dependencies?: Record<string, string>}>}
    const withScripts = Object.entries(lock.packages).filter(([, entry]) => entry.hasInstallScript).map(([name]) => name)
    assert.deepEqual(withScripts, [], 'no package in the install runs a script')
    // A dev dependency may be there only because a run-time dependency needs it (as
    // hast-util-to-html needs @types/hast), never for itself.
    const required = new Set(Object.entries(lock.packages).filter(([path]) => path !== '').flatMap(([, entry]) => Object.keys(entry.dependencies ?? {})))
    for (const name of Object.keys(pkg.devDependencies)) {
      if (name in pkg.dependencies || required.has(name)) continue
      assert.ok(!(`node_modules/${name}` in lock.packages), `${name} (a dev dependency) is not installed`)
    }
    for (const name of ['typescript', 'playwright-core', '@microsoft/sarif-multitool', '@action-validator/cli']) {
      assert.ok(!(`node_modules/${name}` in lock.packages), `${name} is not installed`)
    }
    const saved = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8')) as {devDependencies: Record<string, string>}
    assert.ok(saved.devDependencies.healthlint, 'saved as a dev dependency')
  })

  it('npx healthlint --version prints the version', async () => {
    const result = await npx(['--version'])
    assert.equal(result.code, 0, result.stderr)
    assert.equal(result.stdout, `${pkg.version}\n`)
  })

  it('init, then lint fails on the placeholders and passes once they are replaced; build, review-schedule and preview work', async () => {
    const init = await npx(['init'])
    assert.equal(init.code, 0, init.stderr)
    assert.match(init.stdout, /created {2}articles\/example-article\.md/)

    const unfinished = await npx(['lint', '--now', now])
    assert.equal(unfinished.code, 1, unfinished.stdout + unfinished.stderr)
    assert.match(unfinished.stdout, /no-placeholders/)

    const article = join(repo, 'articles', 'example-article.md')
    await writeFile(article, fillPlaceholders(await readFile(article, 'utf8')))
    const lint = await npx(['lint', '--now', now])
    assert.equal(lint.code, 0, lint.stdout + lint.stderr)
    assert.match(lint.stdout, /1 article checked/)

    const build = await npx(['build', '--now', now])
    assert.equal(build.code, 0, build.stdout + build.stderr)
    const index = JSON.parse(await readFile(join(repo, 'dist', 'index.json'), 'utf8')) as {articles: Array<{slug: string}>}
    assert.deepEqual(index.articles.map((entry) => entry.slug), ['example-article'])
    // The stylesheet and the schemas come from the installed package's own files.
    assert.ok((await stat(join(repo, 'dist', 'assets', 'healthlint.css'))).size > 0)
    assert.ok((await stat(join(repo, 'dist', 'schemas', 'bundle-manifest.schema.json'))).size > 0)

    const schedule = await npx(['review-schedule', '--now', now, '--within', '400', '--format', 'csv'])
    assert.equal(schedule.code, 0, schedule.stderr)
    assert.match(schedule.stdout, /articles\/example-article\.md/)
    assert.match(schedule.stdout, /Dr Jo Test/)

    const preview = spawn('npx', ['--no-install', 'healthlint', 'preview', '--port', '0', '--now', now], {cwd: repo, env: cleanEnvironment(), stdio: ['ignore', 'pipe', 'pipe'], detached: true})
    try {
      let output = ''
      const url = await new Promise<string>((resolve, reject) => {
        preview.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString()
          const found = output.match(/at (http:\/\/\S+)/)
          if (found) resolve(found[1]!)
        })
        preview.on('exit', (code) => reject(new Error(`preview exited (${code}) before listening: ${output}`)))
      })
      const response = await fetch(url)
      assert.equal(response.status, 200)
      assert.match(await response.text(), /Placeholder article/)
    } finally {
      // Ctrl+C: the signal goes to the whole process group (npx does not pass it on).
      const exited = new Promise<{code: number | null; signal: string | null}>((resolve) => {
        if (preview.exitCode !== null || preview.signalCode !== null) resolve({code: preview.exitCode, signal: preview.signalCode})
        else preview.on('exit', (code, signal) => resolve({code, signal}))
      })
      process.kill(-preview.pid!, 'SIGINT')
      const {code, signal} = await exited
      // healthlint stops with 0; npx itself may end by the signal.
      assert.ok(code === 0 || signal === 'SIGINT', `preview stops on Ctrl+C (${code}, ${signal})`)
    }
  })

  it('resolves the library API, the bundle types and the schemas through `exports`', async () => {
    const script = [
      "import {lint, build, rules} from 'healthlint'",
      "import {bundleSchemaVersion} from 'healthlint/bundle'",
      "const schema = await import('healthlint/schemas/bundle-index.schema.json', {with: {type: 'json'}})",
      "console.log(typeof lint, typeof build, rules.some((rule) => rule.id === 'no-placeholders'), typeof bundleSchemaVersion, schema.default.$schema)"
    ].join('\n')
    const result = await shell(process.execPath, ['--input-type=module', '--no-warnings', '-e', script], repo)
    assert.equal(result.code, 0, result.stderr)
    assert.equal(result.stdout, 'function function true string https://json-schema.org/draft/2020-12/schema\n')

    // The declarations: a consumer's TypeScript (this repository's compiler, the scratch
    // repository's packages) type-checks against them.
    await writeFile(join(repo, 'consumer.ts'), [
      "import {lint, type ResolvedConfig} from 'healthlint'",
      "import type {BundleArticle, BundleIndex, PublishedIndex, PublishedManifest} from 'healthlint/bundle'",
      'export const titles = (index: BundleIndex): string[] => index.articles.map((entry) => entry.title)',
      'export const gone = (index: PublishedIndex): string[] => (index.tombstones ?? []).map((tombstone) => tombstone.slug)',
      'export const paths = (manifest: PublishedManifest): string[] => manifest.files.map((file) => file.path)',
      'export const body = (article: BundleArticle): string => article.html',
      'export type Check = typeof lint',
      'export type Config = ResolvedConfig',
      ''
    ].join('\n'))
    const tsc = await shell(process.execPath, [join(packageRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck', '--types', '', 'consumer.ts'], repo)
    assert.equal(tsc.code, 0, tsc.stdout + tsc.stderr)
    // …and the check can fail.
    await writeFile(join(repo, 'consumer.ts'), "import type {BundleIndex} from 'healthlint/bundle'\nexport const wrong = (index: BundleIndex): number => index.articles\n")
    const broken = await shell(process.execPath, [join(packageRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--skipLibCheck', '--types', '', 'consumer.ts'], repo)
    assert.notEqual(broken.code, 0)
    await rm(join(repo, 'consumer.ts'))
  })

  it('reports the tarball and installed sizes', async (t) => {
    const tarballBytes = (await stat(tarball)).size
    const installedBytes = await sizeOf(join(repo, 'node_modules'))
    const packageBytes = await sizeOf(join(repo, 'node_modules', 'healthlint'))
    const count = (await readdir(join(repo, 'node_modules'))).filter((name) => !name.startsWith('.')).length
    t.diagnostic(`tarball ${megabytes(tarballBytes)} (${packed.files.length} files, ${megabytes(packed.unpackedSize)} unpacked); installed: healthlint ${megabytes(packageBytes)}, node_modules ${megabytes(installedBytes)} (${count} top-level entries)`)
    assert.equal(tarballBytes, packed.size)
    // Generous bounds: a regression (tests or sources shipped, a dev dependency pulled in) is
    // several times over them.
    assert.ok(tarballBytes < 2 * 1024 * 1024, megabytes(tarballBytes))
    assert.ok(installedBytes < 40 * 1024 * 1024, megabytes(installedBytes))
  })
})
