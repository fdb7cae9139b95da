// Configuration: validated against schemas/config.schema.json and each rule's options schema.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {ConfigError, loadConfig, resolveConfig} from '../src/config/config.js'
import {rules} from '../rules/index.js'
import {temporaryProject} from './project.js'
import {builtInRules} from '../rules/index.js'

describe('configuration', () => {
  it('gives every rule its default severity and options', () => {
    const config = resolveConfig({}, {rules: builtInRules})
    for (const rule of rules) {
      assert.deepEqual(config.rules[rule.id], {severity: rule.severity, options: rule.defaults})
    }
  })

  it('accepts a severity or [severity, options] per rule', () => {
    const config = resolveConfig({rules: {'plain-english': 'error', 'hard-sentence': ['off'], readability: {severity: 'error', options: {targetAge: 12}}}}, {rules: builtInRules})
    assert.equal(config.rules['plain-english']?.severity, 'error')
    assert.equal(config.rules['hard-sentence']?.severity, 'off')
    assert.deepEqual(config.rules.readability, {severity: 'error', options: {...rules.find((rule) => rule.id === 'readability')!.defaults, targetAge: 12}})
    assert.deepEqual(config.safetyOverrides, [], 'no safety rule is changed')
  })

  it('refuses an unknown severity', () => {
    assert.throws(() => resolveConfig({rules: {encoding: 'fatal'}}, {rules: builtInRules}), ConfigError)
  })

  it('refuses an unknown rule, suggesting the closest', () => {
    assert.throws(() => resolveConfig({rules: {'frontmatter-schemas': 'off'}}, {rules: builtInRules}), /there is no rule `frontmatter-schemas`\. Did you mean `frontmatter-schema`\?/)
  })

  it('refuses options the rule does not define', () => {
    assert.throws(() => resolveConfig({rules: {encoding: ['error', {strict: true}]}}, {rules: builtInRules}), /options of rule `encoding` are not valid:\n {2}- the top level has an unknown key `strict`/)
  })

  it('refuses unknown top-level keys and bad limits', () => {
    assert.throws(() => resolveConfig({rule: {}}, {rules: builtInRules}), /has an unknown key `rule`/)
    assert.throws(() => resolveConfig({limits: {maxFileBytes: -1}}, {rules: builtInRules}), /`limits\.maxFileBytes` must be >= 1/)
  })

  it('applies limits over the defaults', () => {
    assert.equal(resolveConfig({limits: {maxFrontmatterBytes: 100}}, {rules: builtInRules}).limits.maxFrontmatterBytes, 100)
    assert.equal(resolveConfig({}, {rules: builtInRules}).limits.maxFrontmatterBytes, 8192)
  })

  it('reads healthlint.config.json from the working directory when present', async () => {
    const cwd = temporaryProject({}, {prefix: 'healthlint-config-'})
    assert.equal((await loadConfig(cwd, {rules: builtInRules})).source, undefined, 'defaults when there is no file')
    await writeFile(join(cwd, 'healthlint.config.json'), JSON.stringify({rules: {'plain-english': 'error'}}))
    const config = await loadConfig(cwd, {rules: builtInRules})
    assert.equal(config.source, 'healthlint.config.json')
    assert.equal(config.rules['plain-english']?.severity, 'error')
  })

  it('refuses invalid JSON and a missing explicit file', async () => {
    const cwd = temporaryProject({'bad.json': '{rules:'}, {prefix: 'healthlint-config-'})
    await assert.rejects(loadConfig(cwd, {rules: builtInRules, configPath: 'bad.json'}), /bad\.json is not valid JSON/)
    await assert.rejects(loadConfig(cwd, {rules: builtInRules, configPath: 'missing.json'}), /Cannot read the config file missing\.json: ENOENT/)
  })
})
