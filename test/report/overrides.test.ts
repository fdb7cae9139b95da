// Safety rules changed by the configuration: a pull request can edit healthlint.config.json as
// easily as an article, so turning a safety rule off or lowering it needs a reason, and every
// report format, the job summary and the published index say which rules were changed and why.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {ConfigError, resolveConfig} from '../../src/config/config.js'
import {runCli} from '../helpers.js'
import {placeholderArticle} from '../ci-project.js'
import {removeProject, temporaryProject} from '../project.js'
import {builtInRules} from '../../rules/index.js'

const now = ['--now', '2026-01-15']
const reason = 'Red flags for this leaflet set are held in the printed pack, agreed by Dr Jo Test'
// An article whose only problem is the one the config turns off: it has no red-flags section.
const withoutRedFlags = placeholderArticle({}, 'This is a guide for tests. It is not medical advice.\n\n## When to see a GP\n\n- A reason to test\n\nLast reviewed by Dr Jo Test, GP')
const weakening = JSON.stringify({rules: {'require-red-flags': {severity: 'off', reason}, 'red-flags-urgent-action': {severity: 'off', reason}}})

async function withProject(config: string, run: (root: string) => Promise<void>): Promise<void> {
  const root = temporaryProject({'articles/no-red-flags.md': withoutRedFlags, 'healthlint.config.json': config})
  try {
    await run(root)
  } finally {
    removeProject(root)
  }
}

describe('safety rules changed by the configuration', () => {
  it('refuses to turn a safety rule off, or lower it, without a reason (exit 2)', async () => {
    assert.throws(() => resolveConfig({rules: {'require-red-flags': {severity: 'off', reason: '   '}}}, {rules: builtInRules}), /reason.* must match pattern/, 'a blank reason is no reason')
    for (const setting of ['off', 'warning', ['off'], ['warning', {}], {severity: 'off'}]) {
      assert.throws(() => resolveConfig({rules: {'require-red-flags': setting}}, {rules: builtInRules}), (error: unknown) => error instanceof ConfigError && /`require-red-flags` is a safety rule, so (turning it off|lowering it to a warning) needs a reason/.test(error.message), JSON.stringify(setting))
    }
    await withProject(JSON.stringify({rules: {'require-disclaimer': 'off'}}), async (root) => {
      const result = await runCli(['lint', ...now], root)
      assert.equal(result.code, 2)
      assert.match(result.stderr, /^healthlint: healthlint\.config\.json: `require-disclaimer` is a safety rule, so turning it off needs a reason, which every report and the published index show\. Write it as "require-disclaimer": \{"severity": "off", "reason": "why this is safe for patients"\}/)
    })
  })

  it('needs no reason for a rule that is not a safety rule, or for raising a safety rule', () => {
    const config = resolveConfig({rules: {'plain-english': 'off', readability: 'off', 'red-flags-urgent-action': 'error'}}, {rules: builtInRules})
    assert.deepEqual(config.safetyOverrides, [])
  })

  it('lists a safety rule whose options differ from its defaults, with or without a reason', () => {
    const config = resolveConfig({rules: {'review-date': ['error', {maxAgeDays: 3650}], 'require-seek-review': {severity: 'error', options: {headings: ['Ask us']}, reason: 'Our template says "Ask us"'}}}, {rules: builtInRules})
    assert.deepEqual(config.safetyOverrides, [
      {ruleId: 'require-seek-review', severity: 'error', defaultSeverity: 'error', changedOptions: ['headings'], reason: 'Our template says "Ask us"'},
      {ruleId: 'review-date', severity: 'error', defaultSeverity: 'error', changedOptions: ['maxAgeDays'], reason: undefined}
    ])
    assert.deepEqual(resolveConfig({rules: {'review-date': ['error', {maxAgeDays: 365}]}}, {rules: builtInRules}).safetyOverrides, [], 'options equal to the defaults change nothing')
  })

  it('names the changed rules and the reason in stylish output, even with --quiet', async () => {
    await withProject(weakening, async (root) => {
      for (const extra of [[], ['--quiet']]) {
        const result = await runCli(['lint', ...now, ...extra], root)
        assert.equal(result.code, 0, 'the article itself passes: its only problem is turned off')
        assert.ok(result.stdout.includes('⚠ 2 safety rules are changed by healthlint.config.json; a clinical owner should review these changes:\n'), result.stdout)
        assert.ok(result.stdout.includes(`  Safety rule \`require-red-flags\` is turned off (its default is error) by healthlint.config.json. Reason given: “${reason}”.\n`))
        assert.ok(result.stdout.includes('  Safety rule `red-flags-urgent-action` is turned off (its default is warning)'))
      }
    })
  })

  it('annotates each changed rule on the config file in github output, ahead of the articles', async () => {
    await withProject(weakening, async (root) => {
      const result = await runCli(['lint', ...now, '--format', 'github'], root, {GITHUB_WORKSPACE: root})
      const commands = result.stdout.split('\n').filter((line) => /^::(error|warning|notice) /.test(line))
      assert.ok(commands[0]!.startsWith('::warning title=healthlint%3A require-red-flags,file=healthlint.config.json,line=1,endLine=1,col=1,endColumn=1::Safety rule `require-red-flags` is turned off'), String(commands[0]))
      assert.ok(commands[1]!.startsWith('::warning title=healthlint%3A red-flags-urgent-action,file=healthlint.config.json'), String(commands[1]))
      assert.match(result.stdout, /::stop-commands::[^\n]*\n[^]*⚠ 2 safety rules are changed by healthlint\.config\.json/)
    })
  })

  it('records the changes in JSON, SARIF and JUnit', async () => {
    await withProject(weakening, async (root) => {
      const json = JSON.parse((await runCli(['lint', ...now, '--format', 'json'], root)).stdout) as Array<{safetyOverrides: unknown[]}>
      assert.deepEqual(json[0]!.safetyOverrides, [
        {ruleId: 'require-red-flags', severity: 'off', defaultSeverity: 'error', changedOptions: [], reason},
        {ruleId: 'red-flags-urgent-action', severity: 'off', defaultSeverity: 'warning', changedOptions: [], reason}
      ])
      const sarif = JSON.parse((await runCli(['lint', ...now, '--format', 'sarif'], root)).stdout) as {runs: Array<{invocations: Array<Record<string, Array<Record<string, any>>>>}>}
      const [invocation] = sarif.runs[0]!.invocations
      assert.deepEqual(invocation!.ruleConfigurationOverrides!.map((item) => [item.descriptor.id, item.configuration]), [['require-red-flags', {enabled: false, level: 'none'}], ['red-flags-urgent-action', {enabled: false, level: 'none'}]])
      assert.match(invocation!.toolConfigurationNotifications![0]!.message.text, /Safety rule `require-red-flags` is turned off .* Reason given/)
      const junit = (await runCli(['lint', ...now, '--format', 'junit'], root)).stdout
      assert.match(junit, /<property name="healthlint\.safetyOverride\.require-red-flags" value="Safety rule `require-red-flags` is turned off \(its default is error\) by healthlint\.config\.json\. Reason given: “Red flags for this leaflet set/)
    })
  })

  it('says so in the job summary', async () => {
    await withProject(weakening, async (root) => {
      await runCli(['lint', ...now, '--summary', 'summary.md'], root)
      const summary = await readFile(join(root, 'summary.md'), 'utf8')
      assert.match(summary, /\*\*⚠ 2 safety rules are changed by the configuration\.\*\* A clinical owner should review these changes:\n\n- Safety rule \\`require-red-flags\\` is turned off \(its default is error\) by healthlint\.config\.json\. Reason given/)
    })
  })

  it('publishes the changes in index.json, and an empty list when nothing is changed', async () => {
    await withProject(weakening, async (root) => {
      const result = await runCli(['build', ...now, '--out', 'dist'], root)
      assert.equal(result.code, 0, result.stderr)
      const index = JSON.parse(await readFile(join(root, 'dist', 'index.json'), 'utf8')) as {schemaVersion: string; safetyOverrides: unknown[]; articles: Array<{slug: string}>}
      assert.equal(index.schemaVersion, '1.2')
      assert.deepEqual(index.articles.map((article) => article.slug), ['no-red-flags'])
      assert.deepEqual(index.safetyOverrides, [
        {ruleId: 'require-red-flags', severity: 'off', defaultSeverity: 'error', changedOptions: [], reason},
        {ruleId: 'red-flags-urgent-action', severity: 'off', defaultSeverity: 'warning', changedOptions: [], reason}
      ])
    })
    await withProject('{}', async (root) => {
      await runCli(['build', ...now, '--out', 'dist'], root)
      const index = JSON.parse(await readFile(join(root, 'dist', 'index.json'), 'utf8')) as {safetyOverrides: unknown[]}
      assert.deepEqual(index.safetyOverrides, [])
    })
  })

  it('shows a reason with control characters and line breaks as one plain line', async () => {
    const config = JSON.stringify({rules: {'require-red-flags': {severity: 'off', reason: 'line one\n::error::forged\u001B]0;title\u0007'}}})
    await withProject(config, async (root) => {
      const result = await runCli(['lint', ...now], root)
      assert.ok(!/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/.test(result.stdout), 'no control character')
      assert.ok(!/^\s*::/m.test(result.stdout), 'no line starts a workflow command')
      assert.ok(result.stdout.includes('Reason given: “line one ::error::forged ]0;title”.'), result.stdout)
    })
  })
})
