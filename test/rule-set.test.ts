// The rule set and the stage settings: what config resolution builds from the rules it is given.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {createRuleSet, RuleSetError} from '../src/rule-kit/rule-set.js'
import {settingsOf} from '../src/rule-kit/stage-settings.js'
import {defineRule, withoutOptions} from '../src/rule-kit/rule.js'
import {resolveConfig} from '../src/config/config.js'
import {builtInRules} from '../rules/index.js'

const rule = (id: string, extra: Record<string, unknown> = {}) =>
  defineRule({
    id,
    description: 'A placeholder rule for tests.',
    rationale: 'Tests the rule set.',
    severity: 'warning',
    requires: 'file',
    ...withoutOptions,
    examples: {valid: [{name: 'anything', input: '# Title\n'}], invalid: []},
    check() {},
    ...extra
  })

describe('createRuleSet', () => {
  it('keeps the rules in order, by id, with where each came from', () => {
    const set = createRuleSet([{origin: 'healthlint', rules: [rule('team-a')]}, {origin: 'the plugin ./p.js', rules: [rule('team-b')]}])
    assert.deepEqual(set.ids, ['team-a', 'team-b'])
    assert.equal(set.get('team-b')?.id, 'team-b')
    assert.equal(set.get('team-c'), undefined)
    assert.equal(set.originOf('team-b'), 'the plugin ./p.js')
  })

  it('refuses a clashing id, naming both sides', () => {
    assert.throws(() => createRuleSet([{origin: 'the plugin ./a.js', rules: [rule('team-a')]}, {origin: 'the plugin ./b.js', rules: [rule('team-a')]}]), (error: Error) => error instanceof RuleSetError && /the plugin \.\/b\.js: the rule id `team-a` is already taken by the plugin \.\/a\.js/.test(error.message))
  })

  it('refuses bad metadata', () => {
    const cases: Array<[unknown, RegExp]> = [
      [null, /is not a rule object/],
      [{...rule('team-a'), id: 'Team A'}, /has no kebab-case `id`/],
      [{...rule('team-a'), rationale: ' '}, /has no `rationale`/],
      [{...rule('team-a'), severity: 'info'}, /has no default `severity`/],
      [{...rule('team-a'), examples: {valid: [], invalid: []}}, /needs examples/],
      [{...rule('team-a'), examples: {valid: [{name: 'x', input: 'x'}], invalid: [{name: 'y', input: 'y'}]}}, /lists no `messages`/],
      [{...rule('team-a'), requires: 'tree', dependsOnDate: true}, /must be a `file` rule/],
      [{id: 'team-a', description: 'x', rationale: 'y'}, /was not made with defineRule\(\)/]
    ]
    for (const [candidate, expected] of cases) assert.throws(() => createRuleSet([{origin: 'the plugin ./p.js', rules: [candidate]}]), expected)
  })
})

describe('stage settings', () => {
  it('come from the rules that provide them, the first one deciding, a wrong shape ignored', () => {
    assert.deepEqual(settingsOf([]), {reviewIntervalDays: 365, redFlagHeadings: undefined, seekReviewHeadings: undefined, reviewLabels: undefined})
    assert.equal(settingsOf([{reviewIntervalDays: 180}, {reviewIntervalDays: 30}]).reviewIntervalDays, 180)
    assert.equal(settingsOf([{reviewIntervalDays: 0}, {reviewIntervalDays: 30}]).reviewIntervalDays, 30)
    assert.equal(settingsOf([{reviewIntervalDays: 1.5}]).reviewIntervalDays, 365)
  })

  it("are resolved from the built-in rules' options", () => {
    const config = resolveConfig({rules: {'review-date': ['error', {maxAgeDays: 200}], 'require-red-flags': ['error', {headings: ['Placeholder heading']}]}}, {rules: builtInRules})
    assert.equal(config.settings.reviewIntervalDays, 200)
    assert.deepEqual(config.settings.redFlagHeadings, ['Placeholder heading'])
    assert.equal(resolveConfig({}, {rules: builtInRules}).settings.reviewIntervalDays, 365)
  })

  it('the reports show the readability target the rule checked with, written by the check stage', async () => {
    const {lintText} = await import('./helpers.js')
    const file = await lintText('---\ntitle: Placeholder\n---\n\nA short placeholder sentence.\n', {rules: {readability: ['warning', {targetAge: 13}]}})
    assert.equal(file.data.readabilityTarget, 13)
    const off = await lintText('---\ntitle: Placeholder\n---\n\nA short placeholder sentence.\n', {rules: {readability: 'off'}})
    assert.equal(off.data.readabilityTarget, undefined)
  })
})
