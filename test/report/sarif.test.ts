// `--format sarif`: the output is checked by Microsoft's SARIF multitool (`validate`), which
// applies the SARIF 2.1.0 schema and its own rules, and for the details reviewers rely on.
import {describe, it, before, after} from 'node:test'
import assert from 'node:assert/strict'
import {execFile} from 'node:child_process'
import {readFile, rm} from 'node:fs/promises'
import {createRequire} from 'node:module'
import {join} from 'node:path'
import {promisify} from 'node:util'
import {rules} from '../../rules/index.js'
import {readPackageJson} from '../../src/config/package-files.js'
import {toUri} from '../../src/report/sarif.js'
import {runCli} from '../helpers.js'
import {articleWithoutFrontmatter, placeholderArticle} from '../ci-project.js'
import {slow} from '../slow.js'
import {removeProject, temporaryProject} from '../project.js'

const run = promisify(execFile)
// The npm package resolves to the self-contained binary for this platform.
const multitool = createRequire(import.meta.url)('@microsoft/sarif-multitool') as string

interface ValidatorProblem {
  level: string
  ruleId: string
  text: string
}

interface ValidatorLog {
  runs: Array<{
    tool: {driver: {rules?: Array<{messageStrings?: Record<string, {text: string}>}>}}
    results?: Array<{level?: string; ruleId: string; ruleIndex?: number; message: {text?: string; id?: string; arguments?: string[]}}>
  }>
}

/** Validate a SARIF file with the multitool; returns the problems it found (all levels). */
async function validateSarif(text: string): Promise<ValidatorProblem[]> {
  const folder = temporaryProject({'input.sarif': text}, {prefix: 'healthlint-sarif-'})
  try {
    await run(multitool, ['validate', join(folder, 'input.sarif'), '--output', join(folder, 'validation.sarif')])
    const log = JSON.parse(await readFile(join(folder, 'validation.sarif'), 'utf8')) as ValidatorLog
    // The validator's messages are templates in its rule descriptors, filled with arguments.
    return log.runs.flatMap((entry) =>
      (entry.results ?? []).map((result) => {
        const template = result.message.id ? entry.tool.driver.rules?.[result.ruleIndex ?? -1]?.messageStrings?.[result.message.id]?.text : undefined
        const text = result.message.text ?? template?.replace(/\{(\d+)\}/g, (_, index: string) => result.message.arguments?.[Number(index)] ?? '') ?? ''
        return {level: result.level ?? 'warning', ruleId: result.ruleId, text}
      })
    )
  } finally {
    await rm(folder, {recursive: true, force: true})
  }
}

type Sarif = {
  $schema: string
  version: string
  runs: Array<{
    tool: {driver: {name: string; version: string; rules: Array<{id: string; helpUri?: string; shortDescription: {text: string}}>}}
    artifacts: Array<{location: {uri: string}}>
    results: Array<{
      ruleId: string
      ruleIndex: number
      level: string
      message: {text: string}
      locations: Array<{physicalLocation: {artifactLocation: {uri: string; uriBaseId: string; index: number}; region: Record<string, number>}}>
      partialFingerprints: Record<string, string>
    }>
  }>
}

describe('sarif format', () => {
  let root: string
  let stdout: string
  let code: number

  before(async () => {
    root = temporaryProject({
      'articles/clean.md': placeholderArticle(),
      'articles/no-frontmatter.md': articleWithoutFrontmatter,
      'articles/with space.md': placeholderArticle({lastReviewed: 'last spring'}),
      'healthlint.config.json': '{"rules": {"frontmatter-schema": {"severity": "warning", "reason": "the test shows warnings in the report"}}}'
    })
    ;({stdout, code} = await runCli(['lint', '--format', 'sarif', '--now', '2026-01-15'], root))
  })
  after(() => removeProject(root))

  it('is valid SARIF 2.1.0 for the multitool, with no errors or warnings', slow, async () => {
    assert.equal(code, 1)
    const problems = await validateSarif(stdout)
    assert.deepEqual(problems.map((problem) => `${problem.level} ${problem.ruleId}: ${problem.text}`), [])
  })

  it('the validator does reject a broken log', slow, async () => {
    const broken = JSON.parse(stdout) as Sarif
    delete (broken.runs[0]!.tool.driver as Partial<Sarif['runs'][0]['tool']['driver']>).name
    const problems = await validateSarif(JSON.stringify(broken))
    assert.ok(problems.some((problem) => problem.level === 'error' && problem.ruleId === 'JSON1002' && problem.text.includes("'name' is missing")), JSON.stringify(problems))
  })

  it('describes each rule once, with its docs URL, and names the tool from package.json', () => {
    const log = JSON.parse(stdout) as Sarif
    assert.equal(log.version, '2.1.0')
    const driver = log.runs[0]!.tool.driver
    assert.equal(driver.name, readPackageJson().name)
    assert.equal(driver.version, readPackageJson().version)
    assert.deepEqual(driver.rules.map((rule) => rule.id), rules.map((rule) => rule.id))
    for (const [index, rule] of rules.entries()) {
      assert.equal(driver.rules[index]!.helpUri, rule.url)
      assert.equal(driver.rules[index]!.shortDescription.text, rule.description)
    }
  })

  it('reports each problem with a relative URI, a region, its rule and a fingerprint', () => {
    const log = JSON.parse(stdout) as Sarif
    const run0 = log.runs[0]!
    assert.deepEqual(run0.artifacts.map((artifact) => artifact.location.uri), ['articles/clean.md', 'articles/no-frontmatter.md', 'articles/with%20space.md'])
    const brief = run0.results.map((result) => {
      const location = result.locations[0]!.physicalLocation
      return `${location.artifactLocation.uri}:${location.region.startLine}:${location.region.startColumn} ${result.level} ${result.ruleId}`
    })
    assert.deepEqual(brief, [
      'articles/no-frontmatter.md:1:1 error frontmatter-syntax',
      'articles/with%20space.md:1:1 warning frontmatter-schema',
      'articles/with%20space.md:5:15 warning frontmatter-schema'
    ])
    for (const result of run0.results) {
      assert.equal(run0.tool.driver.rules[result.ruleIndex]!.id, result.ruleId)
      assert.equal(result.locations[0]!.physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%')
      assert.equal(run0.artifacts[result.locations[0]!.physicalLocation.artifactLocation.index]!.location.uri, result.locations[0]!.physicalLocation.artifactLocation.uri)
      assert.match(result.partialFingerprints['healthlintMessage/v1']!, /^[0-9a-f]{64}$/)
    }
    assert.equal(new Set(run0.results.map((result) => result.partialFingerprints['healthlintMessage/v1'])).size, run0.results.length)
    assert.ok(run0.results[2]!.message.text.startsWith('`lastReviewed` must be a real date'))
  })

  it('holds no absolute path or time, and is byte-identical on a second run', async () => {
    assert.ok(!stdout.includes(root))
    assert.ok(!/startTimeUtc|endTimeUtc/.test(stdout))
    const again = await runCli(['lint', '--format', 'sarif', '--now', '2026-01-15'], root)
    assert.equal(again.stdout, stdout)
  })

  it('keeps fingerprints when the problem moves to another line', async () => {
    const moved = temporaryProject({'articles/no-frontmatter.md': '\n\n' + articleWithoutFrontmatter})
    try {
      const before = (JSON.parse(stdout) as Sarif).runs[0]!.results[0]!
      const after = (JSON.parse((await runCli(['lint', '--format', 'sarif', '--now', '2026-01-15'], moved)).stdout) as Sarif).runs[0]!.results[0]!
      assert.equal(after.ruleId, before.ruleId)
      assert.equal(after.partialFingerprints['healthlintMessage/v1'], before.partialFingerprints['healthlintMessage/v1'])
    } finally {
      removeProject(moved)
    }
  })

  const emptyLog = async () => {
    const empty = temporaryProject({'articles/.keep': ''})
    try {
      return await runCli(['lint', '--format', 'sarif'], empty)
    } finally {
      removeProject(empty)
    }
  }

  it('writes an empty log when there is nothing to check', async () => {
    const result = await emptyLog()
    assert.equal(result.code, 0)
    assert.deepEqual((JSON.parse(result.stdout) as Sarif).runs[0]!.results, [])
  })

  it('writes an empty log the multitool finds valid', slow, async () => {
    assert.deepEqual(await validateSarif((await emptyLog()).stdout), [])
  })

  it('percent-encodes each path segment of a URI', () => {
    assert.equal(toUri('articles/a b#c%d.md'), 'articles/a%20b%23c%25d.md')
    assert.equal(toUri('a:b/c.md'), 'a%3Ab/c.md', 'a colon cannot turn the first segment into a scheme')
  })
})
