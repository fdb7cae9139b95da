// The README's rule reference is generated from the rules' metadata: it must be up to date.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {endMarker, replaceRulesRegion, ruleSections, rulesReference, rulesTable, startMarker} from '../src/docs/rule-reference.js'
import {packageRoot} from '../src/config/package-files.js'
import {rules} from '../rules/index.js'

describe('the rules reference', () => {
  it('is up to date in README.md (run `node build/src/docs/rule-reference.js --write` to update it)', () => {
    const readme = readFileSync(join(packageRoot, 'README.md'), 'utf8')
    assert.ok(readme.includes(rulesTable(rules)), 'README.md contains the current rules table')
    assert.equal(replaceRulesRegion(readme, rulesReference(rules)), readme)
  })

  it('has a row and a section, with its anchor, for every rule', () => {
    const table = rulesTable(rules).split('\n')
    assert.equal(table.filter((line) => line.startsWith('| [')).length, rules.length)
    for (const rule of rules) {
      const row = table.find((line) => line.startsWith(`| [${rule.id}](#rule-${rule.id}) |`))
      assert.ok(row, rule.id)
      assert.ok(row.includes(` | ${rule.severity} | `), `${rule.id} shows its default severity`)
      assert.ok(rule.url.endsWith(`#rule-${rule.id}`))
      assert.ok(ruleSections(rules).includes(`<a id="rule-${rule.id}"></a>\n\n### ${rule.id}\n`), `${rule.id} has a section`)
    }
  })

  it('shows options with their defaults, and escapes table syntax', () => {
    const table = rulesTable(rules)
    assert.match(table, /\| \[review-date\]\(#rule-review-date\) \| .* \| error \| `maxAgeDays` \(365\)<br>`warnDays` \(30\) \|/)
    assert.match(table, /\| \[require-reviewer\]\(#rule-require-reviewer\) \| The article says who reviewed it \("Last reviewed by &lt;name&gt;, &lt;credential&gt;"\)/)
    assert.match(ruleSections(rules), /- `headings`: Headings that open a red-flags section.* Default: "Red flags", "Red flag", /)
  })

  it('rewrites only the region between the markers', () => {
    const readme = `# Title\n\n${startMarker}\nold\n${endMarker}\n\nAfter.\n`
    assert.equal(replaceRulesRegion(readme, 'new\n'), `# Title\n\n${startMarker}\n\nnew\n\n${endMarker}\n\nAfter.\n`)
    assert.equal(replaceRulesRegion('# Title\n', 'new\n'), undefined)
    assert.equal(replaceRulesRegion(`${endMarker}\n${startMarker}\n`, 'new\n'), undefined)
  })
})
