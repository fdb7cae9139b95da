// Plugins: rules from the config's `plugins`, with the built-in rules' harness, docs, severity
// config and suppression semantics, and the limits that keep a config from running code unseen.
import {describe, it, before, after} from 'node:test'
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {readFileSync, symlinkSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {packageRoot} from '../src/config/package-files.js'
import {createRuleSet} from '../src/rule-kit/rule-set.js'
import type {AnyRule} from '../src/rule-kit/rule-set.js'
import {ruleExampleTests} from '../src/testing/rule-examples.js'
import {replaceRulesRegion, rulesReference} from '../src/docs/rule-reference.js'
import {builtInRules} from '../rules/index.js'
import {placeholderArticle, placeholderBody} from './ci-project.js'
import {removeProject, temporaryProject} from './project.js'
import {runCli} from './helpers.js'

const exampleDirectory = join(packageRoot, 'examples', 'content-team-plugin')
const example = (await import(pathToFileURL(join(exampleDirectory, 'plugin.js')).href)) as {default: {rules: AnyRule[]}}
const exampleRules = createRuleSet([{origin: 'healthlint', rules: builtInRules.rules}, {origin: 'the plugin ./plugin.js', rules: example.default.rules}])
const api = pathToFileURL(join(packageRoot, 'build', 'src', 'index.js')).href

/** A plugin module whose one rule flags the word `word` (a rule of the given id, other metadata overridable). */
function pluginSource(id: string, word: string, extra = ''): string {
  return `import {defineRule, visit} from ${JSON.stringify(api)}
export default {rules: [defineRule({
  id: ${JSON.stringify(id)},
  description: 'Articles do not use the placeholder word.',
  rationale: 'A test rule.',
  severity: 'warning',
  requires: 'tree',
  optionsSchema: {type: 'object', additionalProperties: false, properties: {}},
  defaults: {},
  examples: {valid: [{name: 'clean', input: '# Title\\n\\nText.\\n'}], invalid: []},
  ${extra}
  check(context) {
    visit(context.tree, 'text', (node) => {
      const at = node.value.indexOf(${JSON.stringify(word)})
      if (at >= 0) context.report('Placeholder word found: remove it.', {line: node.position.start.line, column: node.position.start.column + at})
    })
  }
})]}
`
}

const articleWith = (sentence: string) => placeholderArticle({}, `${placeholderBody}\n\n${sentence}\n`)

describe('the example plugin', () => {
  for (const rule of example.default.rules) {
    describe(`rule ${rule.id}`, () => {
      for (const test of ruleExampleTests(rule, exampleRules)) it(test.name, async () => assert.deepEqual(await test.run(), []))
    })
  }

  it('has its rule reference, generated from its metadata, up to date in its README', () => {
    const readme = readFileSync(join(exampleDirectory, 'README.md'), 'utf8')
    assert.equal(replaceRulesRegion(readme, rulesReference(example.default.rules)), readme)
    assert.match(readme, /### content-team-internal-names/)
  })

  it('is loaded by the CLI with --allow-plugins, and its rule reports in every format (spawned)', () => {
    const run = (...extra: string[]) => spawnSync(process.execPath, [join(packageRoot, 'bin', 'healthlint.js'), 'lint', 'articles', '--now', '2026-12-01', '--no-cache', ...extra], {cwd: exampleDirectory, encoding: 'utf8'})
    const json = run('--allow-plugins', '--format', 'json')
    assert.equal(json.status, 0, json.stderr)
    assert.equal(json.stderr, 'healthlint: loaded the plugin ./plugin.js (rules: content-team-internal-names).\n')
    const report = JSON.parse(json.stdout) as Array<{messages: Array<{ruleId: string; line: number; column: number; message: string; url?: string}>}>
    const found = report.flatMap((file) => file.messages).filter((message) => message.ruleId === 'content-team-internal-names')
    assert.deepEqual(found.map((message) => `${message.line}:${message.column}: ${message.message.slice(0, 40)}`), ['15:22: “Project Lantern” is an internal name, w', '15:45: “Booking Hub” is an internal name, which'])
    assert.equal(found[0]!.url, example.default.rules[0]!.url)
    const sarif = JSON.parse(run('--allow-plugins', '--format', 'sarif').stdout) as {runs: Array<{tool: {driver: {rules: Array<{id: string}>}}}>}
    assert.ok(sarif.runs[0]!.tool.driver.rules.some((rule) => rule.id === 'content-team-internal-names'), 'SARIF describes the plugin rule')
    const refused = run()
    assert.equal(refused.status, 2)
    assert.match(refused.stderr, /names plugins \(`\.\/plugin\.js`\), which run code\. Pass --allow-plugins/)
  })
})

describe('plugins', () => {
  let cwd: string
  before(async () => {
    cwd = temporaryProject({
      'articles/a.md': articleWith('This page names the Zorblat.'),
      'checks/word.js': pluginSource('team-no-zorblat', 'Zorblat'),
      'checks/safety.js': pluginSource('team-safety-zorblat', 'Zorblat', 'safety: true,'),
      'checks/clash.js': pluginSource('readability', 'Zorblat'),
      'checks/bad.js': 'export default {rules: [{id: "team-bad", description: "Not made with defineRule."}]}\n',
      'checks/none.js': 'export const nothing = 1\n',
      'checks/throws.js': 'throw new Error("placeholder failure")\n',
      'suppressed.md': ''
    })
    symlinkSync(join(cwd, 'checks', 'word.js'), join(cwd, 'checks', 'linked.js'))
  })
  after(() => removeProject(cwd))

  const withConfig = async (config: unknown, extra: string[] = []) => {
    const {writeFile} = await import('node:fs/promises')
    await writeFile(join(cwd, 'healthlint.config.json'), JSON.stringify(config))
    return runCli(['lint', 'articles', '--now', '2026-01-15', '--no-cache', '--format', 'json', ...extra], cwd)
  }
  const ruleIdsOf = (stdout: string) => (JSON.parse(stdout) as Array<{messages: Array<{ruleId: string; severity: string}>}>).flatMap((file) => file.messages.map((message) => `${message.ruleId}:${message.severity}`))

  it('adds the rules of a local plugin, configured like any rule', async () => {
    const warned = await withConfig({plugins: ['./checks/word.js']}, ['--allow-plugins'])
    assert.equal(warned.code, 0, warned.stderr)
    assert.deepEqual(ruleIdsOf(warned.stdout), ['team-no-zorblat:warning'])
    assert.match(warned.stderr, /loaded the plugin \.\/checks\/word\.js \(rules: team-no-zorblat\)/)
    const raised = await withConfig({plugins: ['./checks/word.js'], rules: {'team-no-zorblat': 'error'}}, ['--allow-plugins'])
    assert.equal(raised.code, 1)
    assert.deepEqual(ruleIdsOf(raised.stdout), ['team-no-zorblat:error'])
    const off = await withConfig({plugins: ['./checks/word.js'], rules: {'team-no-zorblat': 'off'}}, ['--allow-plugins'])
    assert.deepEqual(ruleIdsOf(off.stdout), [])
  })

  it('gives a plugin rule the suppression semantics of its kind: a safety rule cannot be disabled in the article', async () => {
    const {writeFile} = await import('node:fs/promises')
    await writeFile(join(cwd, 'articles', 'a.md'), articleWith('<!-- healthlint-disable team-no-zorblat -- a test -->\n\n<!-- healthlint-disable team-safety-zorblat -- a test -->\n\nThis page names the Zorblat.'))
    try {
      const result = await withConfig({plugins: ['./checks/word.js', './checks/safety.js']}, ['--allow-plugins'])
      const ids = ruleIdsOf(result.stdout)
      assert.ok(!ids.includes('team-no-zorblat:warning'), 'an ordinary plugin rule is suppressed')
      assert.ok(ids.includes('team-safety-zorblat:warning'), 'a safety plugin rule is not')
      assert.ok(ids.includes('suppression:error'), 'and the refused suppression is reported')
    } finally {
      await writeFile(join(cwd, 'articles', 'a.md'), articleWith('This page names the Zorblat.'))
    }
  })

  it('needs --allow-plugins, and a rule is no plugin until it loads (exit 2 for every other problem)', async () => {
    const refused = await withConfig({plugins: ['./checks/word.js']})
    assert.equal(refused.code, 2)
    assert.match(refused.stderr, /names plugins \(`\.\/checks\/word\.js`\), which run code\. Pass --allow-plugins/)
    const cases: Array<[unknown, RegExp]> = [
      [{plugins: ['./checks/clash.js']}, /the rule id `readability` is already taken by a built-in rule/],
      [{plugins: ['./checks/word.js', './checks/word.js']}, /is not valid|listed twice/],
      [{plugins: ['./checks/bad.js']}, /the plugin \.\/checks\/bad\.js: rule 1 \(`team-bad`\) was not made with defineRule\(\)/],
      [{plugins: ['./checks/none.js']}, /exports no rules/],
      [{plugins: ['./checks/throws.js']}, /could not be loaded: placeholder failure/],
      [{plugins: ['./checks/missing.js']}, /does not exist/],
      [{plugins: ['./checks/linked.js']}, /is reached through a symbolic link/],
      [{plugins: ['./../outside.js']}, /is outside the working directory/],
      [{plugins: ['/etc/passwd']}, /is not valid/],
      [{plugins: ['not-installed-plugin']}, /is not installed in the working directory/],
      [{plugins: ['./checks/word.js'], rules: {'team-unknown': 'error'}}, /there is no rule `team-unknown`/]
    ]
    for (const [config, expected] of cases) {
      const result = await withConfig(config, ['--allow-plugins'])
      assert.equal(result.code, 2, `${JSON.stringify(config)}: ${result.stderr}`)
      assert.match(result.stderr, expected, JSON.stringify(config))
      assert.equal(result.stdout, '')
    }
  })

  it('keys the cache by the plugin code, so a changed plugin checks every article again', async () => {
    const {writeFile} = await import('node:fs/promises')
    await writeFile(join(cwd, 'healthlint.config.json'), JSON.stringify({plugins: ['./checks/cached.js']}))
    const lint = () => spawnSync(process.execPath, [join(packageRoot, 'bin', 'healthlint.js'), 'lint', 'articles', '--now', '2026-01-15', '--format', 'json', '--allow-plugins'], {cwd, encoding: 'utf8'})
    await writeFile(join(cwd, 'checks', 'cached.js'), pluginSource('team-cached', 'Zorblat'))
    assert.deepEqual(ruleIdsOf(lint().stdout), ['team-cached:warning'])
    await writeFile(join(cwd, 'checks', 'cached.js'), pluginSource('team-cached', 'no such word'))
    assert.deepEqual(ruleIdsOf(lint().stdout), [], 'the changed plugin ran again, not the cached verdict')
  })
})
