// The VS Code extension in editors/vscode/ packages with @vscode/vsce, the tool the Marketplace
// uses, into a .vsix holding the extension and the language client it starts the server with.
// The extension's dependencies are copied from this package's node_modules (vscode-languageclient
// is a dev dependency), so the test needs no network.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {cpSync, existsSync, mkdirSync, readFileSync} from 'node:fs'
import {dirname, join, relative} from 'node:path'
import {packageRoot} from '../../src/config/package-files.js'
import {temporaryProject} from '../project.js'
import {slow} from '../slow.js'

const extension = join(packageRoot, 'editors', 'vscode')
const modules = join(packageRoot, 'node_modules')

/** The folders of `name` and everything it needs at run time, found the way Node's resolution finds them from `from`. */
function closure(name: string, from: string, found: Set<string>): void {
  for (let directory = from; ; directory = dirname(directory)) {
    const candidate = join(directory, 'node_modules', name)
    if (existsSync(join(candidate, 'package.json'))) {
      if (found.has(candidate)) return
      found.add(candidate)
      const manifest = JSON.parse(readFileSync(join(candidate, 'package.json'), 'utf8')) as {dependencies?: Record<string, string>}
      for (const dependency of Object.keys(manifest.dependencies ?? {})) closure(dependency, candidate, found)
      return
    }
    if (directory === packageRoot || dirname(directory) === directory) throw new Error(`${name} is not installed`)
  }
}

describe('the VS Code extension', slow, () => {
  it('packages with vsce into a .vsix with its language client', () => {
    const manifest = JSON.parse(readFileSync(join(extension, 'package.json'), 'utf8')) as {main: string; dependencies: Record<string, string>; activationEvents: string[]}
    assert.deepEqual(Object.keys(manifest.dependencies), ['vscode-languageclient'])
    assert.deepEqual(manifest.activationEvents, ['onLanguage:markdown'])
    assert.match(readFileSync(join(extension, manifest.main), 'utf8'), /args = \['lsp'/)

    const work = temporaryProject()
    cpSync(extension, work, {recursive: true})
    const found = new Set<string>()
    closure('vscode-languageclient', modules, found)
    for (const folder of found) {
      const path = relative(modules, folder)
      // Nested folders come with their parent's copy.
      if (path.includes('node_modules')) continue
      mkdirSync(dirname(join(work, 'node_modules', path)), {recursive: true})
      cpSync(folder, join(work, 'node_modules', path), {recursive: true})
    }
    const vsix = join(work, 'healthlint.vsix')
    execFileSync(process.execPath, [join(modules, '@vscode', 'vsce', 'vsce'), 'package', '--out', vsix], {cwd: work, stdio: ['ignore', 'pipe', 'pipe']})
    const listing = execFileSync(process.execPath, [join(modules, '@vscode', 'vsce', 'vsce'), 'ls'], {cwd: work, encoding: 'utf8'}).split('\n')
    assert.ok(listing.includes('extension.js'))
    assert.ok(listing.includes('node_modules/vscode-languageclient/lib/node/main.js'))
    // A .vsix is a zip file.
    assert.deepEqual([...readFileSync(vsix).subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04])
  })
})
