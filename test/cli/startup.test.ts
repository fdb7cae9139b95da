// What a run loads: a run where every article is in the cache and there is no config file
// needs no JSON Schema validator (ajv) and no Markdown stack, so it starts without them. Checked
// in a fresh process, by the modules node has loaded, not by timing.
import {describe, it, before, after} from 'node:test'
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {join, sep} from 'node:path'
import {pathToFileURL} from 'node:url'
import {packageRoot} from '../../src/config/package-files.js'
import {placeholderArticle} from '../ci-project.js'
import {removeProject, temporaryProject} from '../project.js'

/** Run `healthlint lint articles` in a fresh node process; the loaded CommonJS modules that match `pattern`. */
function loadedBy(cwd: string, pattern: string): {code: number | null; loaded: string[]} {
  const main = pathToFileURL(join(packageRoot, 'build', 'src', 'cli', 'main.js')).href
  const script = `
    import {createRequire} from 'node:module'
    const {main} = await import(${JSON.stringify(main)})
    const sink = {write: () => true}
    const code = await main({argv: ['lint', 'articles', '--now', '2026-01-15'], cwd: process.cwd(), stdout: sink, stderr: sink, env: {}})
    const loaded = Object.keys(createRequire(import.meta.url).cache).filter((path) => path.includes(${JSON.stringify(pattern)}))
    process.stdout.write(JSON.stringify({code, loaded}))
  `
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {cwd, encoding: 'utf8'})
  assert.equal(child.stderr, '')
  return JSON.parse(child.stdout) as {code: number | null; loaded: string[]}
}

describe('start-up', () => {
  let cwd: string
  before(async () => {
    cwd = temporaryProject({'articles/a.md': placeholderArticle(), 'articles/b.md': placeholderArticle({title: 'Another placeholder'})})
  })
  after(() => removeProject(cwd))

  it('loads the validator when an article must be analysed, and not when every article is cached', () => {
    const ajv = join('node_modules', 'ajv') + sep
    const cold = loadedBy(cwd, ajv)
    assert.ok(cold.loaded.length > 0, 'the cold run validated the frontmatter with ajv')
    const warm = loadedBy(cwd, ajv)
    assert.equal(warm.code, cold.code)
    assert.deepEqual(warm.loaded, [])
  })
})
