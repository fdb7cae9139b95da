// The time budget of an article's analysis (budget.ts, analyse.ts): a task over its budget is
// stopped wherever it is, the next one runs as usual, and a stopped article is reported with
// what the rules that need no Markdown tree found, and nothing half-done.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {runWithin} from '../../src/pipeline/budget.js'
import {createChecker} from '../../src/pipeline/check.js'
import {resolveConfig} from '../../src/config/config.js'
import {rules} from '../../rules/index.js'
import {lintText, messagesOf} from '../helpers.js'
import {builtInRules} from '../../rules/index.js'

function busy(milliseconds: number): number {
  const end = performance.now() + milliseconds
  let turns = 0
  while (performance.now() < end) turns++
  return turns
}

describe('runWithin', () => {
  it('returns what the task returns, as the same object', () => {
    const value = {tree: [1, 2, 3]}
    const outcome = runWithin(5000, () => value)
    assert.ok(outcome.ok)
    assert.equal(outcome.value, value)
  })

  it('stops a task over its budget, then runs the next task as usual', () => {
    const started = performance.now()
    assert.deepEqual(runWithin(200, () => busy(20_000)), {ok: false})
    const elapsed = performance.now() - started
    assert.ok(elapsed < 5000, `stopped after ${Math.round(elapsed)} ms`)
    const next = runWithin(5000, () => busy(20))
    assert.ok(next.ok && next.value > 0)
  })

  it('throws the errors of the task as they are', () => {
    assert.throws(() => runWithin(5000, () => { throw new RangeError('deep') }), {name: 'RangeError', message: 'deep'})
  })
})

describe('an article over its time budget', () => {
  // 4,900 underlined headings (under the 10,000-line cap): micromark needs seconds for them,
  // far over a 100 ms budget.
  const slowBody = 'a\n=\n'.repeat(4900)

  it('is stopped and reported at the start of its body, and the rules that need no tree still run', async () => {
    const file = await lintText(`---\ntitle: Slow\nunknownField: x\n---\n\nHypertension.\n\n${slowBody}`, {limits: {maxCheckMilliseconds: 100}})
    const limits = messagesOf(file, 'markdown-limits')
    assert.equal(limits.length, 1)
    assert.match(limits[0]!.message, /^Checking this article took longer than 100 ms, so it was stopped/)
    assert.deepEqual([limits[0]!.line, limits[0]!.column], [5, 1])
    assert.equal(limits[0]!.severity, 'error')
    // The frontmatter was checked; the body (and its plain-english word) was not.
    assert.ok(messagesOf(file, 'frontmatter-schema').length > 0)
    assert.deepEqual(messagesOf(file, 'plain-english'), [])
    for (const key of ['tree', 'prose', 'sentences', 'readability'] as const) assert.equal(file.data[key], undefined, key)
  })

  it('runs the rules that need no tree again within a budget, so none reads the text unbounded', async () => {
    // Every line holds control characters: invisible-characters reads the whole text. It still
    // reports (at most its first 1000 findings and a last message), well within a few budgets.
    // 400 ms: the parse needs seconds, the re-run a few milliseconds, with room for a loaded machine.
    const started = performance.now()
    const file = await lintText(`---\ntitle: Slow\n---\n\n${'a\x01\x01\n=\n'.repeat(4900)}`, {limits: {maxCheckMilliseconds: 400}})
    const elapsed = performance.now() - started
    assert.match(messagesOf(file, 'markdown-limits')[0]?.message ?? '', /^Checking this article took longer than 400 ms/)
    const invisible = messagesOf(file, 'invisible-characters')
    assert.equal(invisible.length, 1001)
    assert.deepEqual([invisible[0]!.line, invisible[0]!.column], [5, 2])
    assert.match(invisible.at(-1)!.message, /^This rule found more than 1000 problems in this article/)
    assert.ok(elapsed < 10_000, `${Math.round(elapsed)} ms`)
  })

  it('outside any budget, runs only the rules whose work is bounded whatever the body holds', async () => {
    const config = resolveConfig({}, {rules: builtInRules})
    const file = await lintText('---\ntitle: Slow\nunknownField: x\n---\n\nText\x01 here.\n', {rules: {'invisible-characters': 'off'}})
    file.messages.length = 0
    createChecker(config).analyseBounded(file)
    assert.ok(file.messages.some((message) => message.ruleId === 'frontmatter-schema'), 'the frontmatter is still checked')
    assert.ok(!file.messages.some((message) => message.ruleId === 'invisible-characters'), 'a rule that reads the text does not run')
    for (const rule of rules.filter((candidate) => candidate.boundedWork)) assert.equal(rule.requires, 'file', `${rule.id} needs no tree`)
  })

  it('leaves the next article unaffected', async () => {
    await lintText(`---\ntitle: Slow\n---\n\n${slowBody}`, {limits: {maxCheckMilliseconds: 100}})
    const file = await lintText('---\ntitle: Fine\n---\n\nHypertension.\n', {limits: {maxCheckMilliseconds: 5000}})
    assert.deepEqual(messagesOf(file, 'markdown-limits'), [])
    assert.equal(messagesOf(file, 'plain-english').length, 1)
    assert.ok(file.data.tree)
  })
})

describe('modules the analysis needs', () => {
  it('are loaded before the first budgeted analysis, so the watchdog can never leave one half-loaded', () => {
    // In a fresh process with no config file (nothing has loaded ajv yet): creating the analyser
    // loads it, outside any budget.
    const script = `
      import {createRequire} from 'node:module'
      const {resolveConfig} = await import(${JSON.stringify(new URL('../../src/config/config.js', import.meta.url).href)})
      const {builtInRules} = await import(${JSON.stringify(new URL('../../rules/index.js', import.meta.url).href)})
      const {createAnalyser} = await import(${JSON.stringify(new URL('../../src/pipeline/analyse.js', import.meta.url).href)})
      const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((path) => path.includes('/ajv/dist/2020.js'))
      const before = loaded()
      createAnalyser(resolveConfig({}, {rules: builtInRules}))
      console.log(JSON.stringify({before, after: loaded()}))`
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {encoding: 'utf8'})
    assert.deepEqual(JSON.parse(output), {before: false, after: true})
  })
})
