// Every rule's examples are its tests: each valid example produces no message of that rule,
// each invalid one exactly the messages it lists. A meta-test checks the built-in rule set itself.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {readdirSync} from 'node:fs'
import {join} from 'node:path'
import {builtInRules, rules} from '../../rules/index.js'
import {packageRoot} from '../../src/config/package-files.js'
import {ruleExampleTests} from '../../src/testing/rule-examples.js'

// The same harness plugins use (src/testing/rule-examples.ts).
for (const rule of rules) {
  describe(`rule ${rule.id}`, () => {
    for (const test of ruleExampleTests(rule, builtInRules)) {
      it(test.name, async () => assert.deepEqual(await test.run(), []))
    }
  })
}

describe('the built-in rule set', () => {
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
