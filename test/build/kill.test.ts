// A build killed at any moment leaves the output directory either as it was or as the complete
// new bundle: never half-written. The real executable is spawned on a corpus of 200 articles and
// killed with SIGKILL at random moments of a whole build (a fixed seed, so a failure can be
// replayed; HEALTHLINT_FUZZ_SEED and HEALTHLINT_FUZZ_RUNS change the seed and the number of
// kills); after each kill the directory must be byte-identical to the previous bundle or to the
// new one.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import {readdir, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {packageRoot} from '../../src/config/package-files.js'
import {article, assertValidBundle, seedBody, snapshot, projectEntries} from './support.js'
import {temporaryProject} from '../project.js'
import {slow} from '../slow.js'

const bin = join(packageRoot, 'bin', 'healthlint.js')
const size = 200
const seed = Number(process.env.HEALTHLINT_FUZZ_SEED ?? 20260115)
const kills = Math.max(1, Math.round(6 * (Number(process.env.HEALTHLINT_FUZZ_RUNS ?? 1) || 1)))

/** `count` numbers in [0, 1) from a small seeded generator (mulberry32). */
function randomFractions(count: number, state: number): number[] {
  const numbers: number[] = []
  for (let index = 0; index < count; index++) {
    state = (state + 0x6d2b79f5) | 0
    let value = Math.imul(state ^ (state >>> 15), 1 | state)
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value
    numbers.push(((value ^ (value >>> 14)) >>> 0) / 4294967296)
  }
  return numbers
}

function corpus(version: number): Record<string, string> {
  const files: Record<string, string> = {}
  for (let index = 0; index < size; index++) {
    const name = `article-${String(index).padStart(3, '0')}`
    files[`articles/${name}.md`] = article(seedBody(`Placeholder topic ${index}`, ` Version ${version}.`), {title: `Placeholder topic ${index}`})
  }
  return files
}

/** Run a build; with `killAfter`, SIGKILL it after that many milliseconds. */
function runBuild(cwd: string, out: string, killAfter?: number): Promise<{code: number | null; milliseconds: number}> {
  const started = process.hrtime.bigint()
  // Every build compares with the same (missing) previous bundle, so a complete one is byte-identical to its reference.
  const child = spawn(process.execPath, [bin, 'build', 'articles', '--out', out, '--previous', 'no-previous-bundle', '--now', '2026-01-15', '--quiet'], {cwd, stdio: 'ignore'})
  const timer = killAfter === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfter)
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({code, milliseconds: Number(process.hrtime.bigint() - started) / 1e6})
    })
  })
}

async function writeCorpus(cwd: string, version: number): Promise<void> {
  for (const [path, text] of Object.entries(corpus(version))) await writeFile(join(cwd, path), text)
}

describe('a build killed mid-way', slow, () => {
  it('leaves the previous bundle or the complete new one, every time', async (t) => {
    const cwd = temporaryProject(corpus(1))
    // The two complete bundles, built without interruption (builds are deterministic): the
    // first build of dist/ is the old one, reference-2/ the new one.
    const first = await runBuild(cwd, 'dist')
    assert.equal(first.code, 0)
    const old = (await snapshot(join(cwd, 'dist')))!
    await writeCorpus(cwd, 2)
    assert.equal((await runBuild(cwd, 'reference-2')).code, 0)
    const bundles = [old, (await snapshot(join(cwd, 'reference-2')))!]
    assert.equal((await assertValidBundle(join(cwd, 'reference-2'))).index.articles.length, size)

    await writeCorpus(cwd, 1)
    // A rebuild also swaps and removes the old bundle, so time one as the yardstick.
    const timed = await runBuild(cwd, 'dist')
    assert.equal(timed.code, 0)
    let current = 0
    const outcomes: string[] = []
    // Random delays from process start-up to past the end of a build, so kills land in every
    // phase, most of them late, where the bundle is flushed and swapped in; one kill early and
    // one run left to finish make sure both outcomes occur.
    const fractions = [0.05, ...randomFractions(kills, seed).map((random) => 0.2 + 1.1 * Math.sqrt(random)), 1.5]
    for (const fraction of fractions) {
      const next = 1 - current
      await writeCorpus(cwd, next + 1)
      const run = await runBuild(cwd, 'dist', Math.round(timed.milliseconds * fraction))
      const state = await snapshot(join(cwd, 'dist'))
      let found: number
      if (state === undefined) {
        // Killed between the two renames of the swap: the old bundle waits beside dist/ and the
        // next build puts it back before doing anything else.
        assert.ok((await readdir(cwd)).some((name) => name.startsWith('.dist.previous-')))
        found = current
        outcomes.push(`${fraction.toFixed(2)}: killed mid-swap`)
      } else {
        found = bundles.findIndex((bundle) => bundle.size === state.size && [...bundle].every(([path, bytes]) => state.get(path)?.equals(bytes)))
        assert.notEqual(found, -1, `after a kill at ${fraction.toFixed(3)} of a build (exit ${run.code}, seed ${seed}), dist/ is one of the complete bundles`)
        assert.ok(found === current || found === next)
        outcomes.push(`${fraction.toFixed(2)}: ${run.code === null ? 'killed' : 'finished'}, ${found === current ? 'old' : 'new'} bundle`)
      }
      current = found
    }
    // The next uninterrupted build recovers whatever the kills left, and tidies up beside dist/.
    await writeCorpus(cwd, 1)
    assert.equal((await runBuild(cwd, 'dist')).code, 0)
    assert.deepEqual(await snapshot(join(cwd, 'dist')), bundles[0])
    assert.deepEqual((await projectEntries(cwd)), ['articles', 'dist', 'reference-2'])
    t.diagnostic(`a rebuild of ${size} articles took ${Math.round(timed.milliseconds)} ms; ${outcomes.join('; ')}`)
    assert.ok(outcomes.some((outcome) => outcome.includes('killed')), `some builds were killed: ${outcomes.join('; ')}`)
  })
})
