// Every rule's examples are its tests: each valid example produces no message of that rule,
// each invalid one exactly the messages it lists. A meta-test checks the registry itself.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {readdirSync} from 'node:fs'
import {join} from 'node:path'
import {rules} from '../../rules/index.js'
import {packageRoot} from '../../src/config/package-files.js'
import {briefOf, lintText} from '../helpers.js'
import {applyFixes} from '../../src/rule-kit/fix.js'

for (const rule of rules) {
  describe(`rule ${rule.id}`, () => {
    for (const example of rule.examples.valid) {
      it(`does not flag: ${example.name}`, async () => {
        const file = await lintText(example.input, {now: example.now, rules: example.options ? {[rule.id]: [rule.severity, example.options]} : {}})
        assert.deepEqual(briefOf(file, rule.id), [])
      })
    }
    for (const example of rule.examples.invalid) {
      it(`flags: ${example.name}`, async () => {
        const file = await lintText(example.input, {now: example.now, rules: example.options ? {[rule.id]: [rule.severity, example.options]} : {}})
        assert.deepEqual(briefOf(file, rule.id), example.messages ?? [])
        for (const message of file.messages.filter((m) => m.ruleId === rule.id)) {
          const severity = example.severity ?? rule.severity
          assert.equal(message.fatal, severity === 'error' ? true : severity === 'warning' ? false : undefined, 'the default severity is applied')
          assert.equal(message.url, rule.url)
          assert.ok(message.line && message.column, 'every message has a position')
        }
        if (example.fixed !== undefined) {
          const fixes = file.messages.filter((m) => m.ruleId === rule.id && m.fix).map((m) => m.fix!)
          const fixed = applyFixes(example.input, fixes).text
          assert.equal(fixed, example.fixed, 'the fixes give the expected text')
          // A second pass over the fixed text has nothing left to fix.
          const again = await lintText(fixed, {now: example.now, rules: example.options ? {[rule.id]: [rule.severity, example.options]} : {}})
          assert.deepEqual(again.messages.filter((m) => m.ruleId === rule.id && m.fix).map((m) => m.fix), [], 'a second pass has no fixes')
        }
      })
    }
    it('is silent when turned off', async () => {
      for (const example of rule.examples.invalid) {
        const file = await lintText(example.input, {now: example.now, rules: {[rule.id]: 'off'}})
        assert.deepEqual(briefOf(file, rule.id), [])
      }
    })
  })
}

describe('the rule registry', () => {
  it('lists every module in rules/ once, with an id equal to its file name', () => {
    const files = readdirSync(join(packageRoot, 'rules'))
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts') && name !== 'index.ts')
      .map((name) => name.slice(0, -3))
      .sort()
    assert.deepEqual(rules.map((rule) => rule.id).sort(), files)
  })

  it('gives every rule metadata and examples of both kinds', () => {
    for (const rule of rules) {
      assert.match(rule.id, /^[a-z0-9]+(-[a-z0-9]+)*$/)
      assert.ok(rule.description.length > 10, `${rule.id} has a description`)
      assert.ok(rule.rationale.length > 10, `${rule.id} has a rationale`)
      assert.ok(rule.examples.valid.length > 0, `${rule.id} has a valid example`)
      // Rules whose only failing inputs need files on disk (symlinks, sizes) test them elsewhere.
      if (!['file-type', 'duplicate-slug'].includes(rule.id)) {
        assert.ok(rule.examples.invalid.length > 0, `${rule.id} has an invalid example`)
      }
      for (const example of rule.examples.invalid) {
        assert.ok((example.messages ?? []).length > 0, `${rule.id}: "${example.name}" lists its messages`)
      }
    }
  })
})
