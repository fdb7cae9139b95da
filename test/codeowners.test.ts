// The CODEOWNERS example: every path that decides a verdict (the config, the schemas, the rules,
// the workflows) needs a clinical safety owner's review, by GitHub's own matching (the last
// matching line wins).
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {packageRoot} from '../src/config/package-files.js'

const lines = readFileSync(join(packageRoot, '.github', 'CODEOWNERS.example'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'))
  .map((line) => line.split(/\s+/))

/** The owners of `path`: the last line whose pattern matches it (patterns here are anchored paths or folders). */
function ownersOf(path: string): string[] {
  let owners: string[] = []
  for (const [pattern, ...rest] of lines) {
    const anchored = pattern!.slice(1)
    if (pattern!.endsWith('/') ? path.startsWith(anchored) : path === anchored) owners = rest
  }
  return owners
}

describe('CODEOWNERS example', () => {
  it('is well-formed: an anchored pattern and at least one @org/team owner per line', () => {
    assert.ok(lines.length > 0)
    for (const [pattern, ...owners] of lines) {
      assert.match(pattern!, /^\/[\w./-]*$/, String(pattern))
      assert.ok(owners.length > 0 && owners.every((owner) => /^@[\w-]+\/[\w-]+$/.test(owner)), owners.join(' '))
    }
  })

  it('asks the clinical safety owner to review every change to what is checked', () => {
    for (const path of ['healthlint.config.json', 'schemas/article.schema.json', 'rules/require-red-flags.ts', '.github/workflows/content-pr.yml', '.github/CODEOWNERS']) {
      assert.ok(ownersOf(path).includes('@example-org/clinical-safety'), path)
    }
    assert.deepEqual(ownersOf('articles/lower-back-pain.md'), ['@example-org/clinical-editors'])
  })
})
