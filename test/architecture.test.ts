// The architecture the tree shows: what may sit where in src/, and no import cycle at run time.
// Read from the compiled modules (build/), where type-only imports are gone: a cycle there means
// a module can run before one it needs has finished loading.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {readdirSync, readFileSync, statSync} from 'node:fs'
import {dirname, join, relative, resolve, sep} from 'node:path'
import {packageRoot} from '../src/config/package-files.js'

const build = join(packageRoot, 'build')

function modulesUnder(directory: string): string[] {
  return readdirSync(directory, {recursive: true, encoding: 'utf8'})
    .map((name) => join(directory, name))
    .filter((path) => path.endsWith('.js') && statSync(path).isFile())
}

// Static imports and re-exports of relative modules: `import … from './x.js'`, `import './x.js'`,
// `export … from './x.js'`. Dynamic `import()` loads later, when the importer has finished.
const staticImport = /^\s*(?:import|export)\s[^;'"]*?(?:from\s*)?['"](\.{1,2}\/[^'"]+)['"]/gm

export function importGraph(files: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    const targets = [...text.matchAll(staticImport)].map((match) => resolve(dirname(file), match[1]!))
    graph.set(file, targets)
  }
  return graph
}

/** Every cycle's modules, one list per strongly connected component of more than one module (or a self-import). */
export function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  // Tarjan's algorithm, iterative so a deep graph cannot overflow the stack.
  let counter = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const cycles: string[][] = []
  for (const start of graph.keys()) {
    if (index.has(start)) continue
    const work: Array<{node: string; next: number}> = [{node: start, next: 0}]
    index.set(start, counter)
    low.set(start, counter++)
    stack.push(start)
    onStack.add(start)
    while (work.length > 0) {
      const frame = work[work.length - 1]!
      const targets = graph.get(frame.node) ?? []
      if (frame.next < targets.length) {
        const target = targets[frame.next++]!
        if (!graph.has(target)) continue
        if (!index.has(target)) {
          index.set(target, counter)
          low.set(target, counter++)
          stack.push(target)
          onStack.add(target)
          work.push({node: target, next: 0})
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!))
        }
        continue
      }
      work.pop()
      const parent = work[work.length - 1]
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!))
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = []
        let member: string
        do {
          member = stack.pop()!
          onStack.delete(member)
          component.push(member)
        } while (member !== frame.node)
        if (component.length > 1 || (graph.get(frame.node) ?? []).includes(frame.node)) cycles.push(component.sort())
      }
    }
  }
  return cycles
}

describe('architecture', () => {
  it('has no import cycle among the compiled modules', () => {
    const graph = importGraph([...modulesUnder(join(build, 'src')), ...modulesUnder(join(build, 'rules'))])
    assert.ok(graph.size > 100, `read the compiled modules (${graph.size})`)
    const cycles = cyclesOf(graph).map((cycle) => cycle.map((path) => relative(build, path).split(sep).join('/')))
    assert.deepEqual(cycles, [], `import cycles:\n${cycles.map((cycle) => '  ' + cycle.join(' ↔ ')).join('\n')}`)
  })

  it('finds a cycle when there is one (the check can fail)', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
      ['e', ['e']]
    ])
    assert.deepEqual(cyclesOf(graph), [['a', 'b', 'c'], ['e']])
    const sample = "import {x} from './x.js'\nimport './side.js'\nexport {y} from '../y.js'\nconst z = await import('./lazy.js')\nimport 'node:fs'\n"
    assert.deepEqual([...sample.matchAll(staticImport)].map((match) => match[1]), ['./x.js', './side.js', '../y.js'])
  })

  it('keeps src/ in folders: the only loose modules are the package\'s entry points (index.ts, bundle.ts)', () => {
    const loose = readdirSync(join(packageRoot, 'src'), {withFileTypes: true}).filter((entry) => entry.isFile()).map((entry) => entry.name).sort()
    assert.deepEqual(loose, ['bundle.ts', 'index.ts'])
    // Each is an entry of package.json's `exports`, compiled.
    const exported = JSON.stringify(JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')).exports)
    for (const name of loose) assert.ok(exported.includes(`build/src/${name.replace(/\.ts$/, '')}`), `${name} is a package entry point`)
  })
})

describe('rules are passed in', () => {
  it('no module but the entry points imports the built-in rule set, and none reads a rule setting by its id', () => {
    // src/pipeline/worker.ts and src/lsp/worker.ts: worker threads' entry points, which cannot be handed the rule set (code).
    const entries = new Set(['src/index.ts', 'src/cli/main.ts', 'src/docs/rule-reference.ts', 'src/pipeline/worker.ts', 'src/lsp/worker.ts'])
    const sources = readdirSync(join(packageRoot, 'src'), {recursive: true, encoding: 'utf8'}).filter((name) => name.endsWith('.ts')).map((name) => `src/${name.split(sep).join('/')}`)
    const importers: string[] = []
    const lookups: string[] = []
    for (const path of sources) {
      const text = readFileSync(join(packageRoot, path), 'utf8')
      if (/rules\/index\.js'/.test(text) && !entries.has(path)) importers.push(path)
      for (const match of text.matchAll(/\brules\[\s*['"`][a-z]/g)) lookups.push(`${path}: …${text.slice(match.index, match.index + 40)}`)
    }
    assert.deepEqual(importers, [])
    assert.deepEqual(lookups, [], 'read what a stage needs from the rule metadata (provides, reportData), not config.rules[id]')
  })
})

describe('run-time dependencies', () => {
  it('every package the compiled tool imports is in `dependencies`, not only installed (a packed install has no dev dependencies)', () => {
    const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as {dependencies: Record<string, string>}
    // Generators of committed tables, run only by the tool's own developers (src/words/tables.ts).
    const buildTimeOnly = new Set(['cmu-pronouncing-dictionary'])
    const bare = /(?:^|[\s;])(?:import|export)\s[^;'"]*?from\s*['"]([^'".][^'"]*)['"]|\bimport\(\s*['"]([^'".][^'"]*)['"]\s*\)/gm
    const missing: string[] = []
    for (const folder of ['build/src', 'build/rules']) {
      for (const name of readdirSync(join(packageRoot, folder), {recursive: true, encoding: 'utf8'})) {
        if (!name.endsWith('.js')) continue
        const text = readFileSync(join(packageRoot, folder, name), 'utf8')
        for (const match of text.matchAll(bare)) {
          const specifier = match[1] ?? match[2]!
          if (specifier.startsWith('node:')) continue
          const packageName = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!
          if (!(packageName in pkg.dependencies) && !buildTimeOnly.has(packageName)) missing.push(`${folder}/${name}: ${packageName}`)
        }
      }
    }
    assert.deepEqual(missing, [])
  })
})
