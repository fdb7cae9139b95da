// The examples-as-tests harness, for the built-in rules and for plugins' rules alike: each valid
// example must produce no message of its rule, each invalid one exactly the messages it lists
// (at the rule's severity or the example's, with the rule's docs URL and a position), its fixes
// must give the text it lists, and the rule turned off must be silent. Each example runs through
// the real pipeline (load → parse → score → check → finish) with the rule set given.
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {resolveConfig} from '../config/config.js'
import {createLinter} from '../pipeline/lint.js'
import {applyFixes} from '../rule-kit/fix.js'
import type {RuleExample} from '../rule-kit/rule.js'
import type {AnyRule, RuleSet} from '../rule-kit/rule-set.js'
import {toReported} from '../report/messages.js'

export interface ExampleResult {
  /** `does not flag: …`, `flags: …` or `is silent when turned off`. */
  name: string
  /** What is wrong, one line each; empty when the example holds. */
  problems: string[]
}

export interface ExampleTest {
  name: string
  /** Run the example; what is wrong, one line each (empty when it holds). */
  run(): Promise<string[]>
}

/**
 * The tests of `rule` (a member of `rules`, the built-in set plus the rule's plugin): one per
 * example, plus one for the rule turned off. Declare each with your test runner, for example
 * `for (const test of ruleExampleTests(rule, rules)) it(test.name, async () => assert.deepEqual(await test.run(), []))`.
 */
export function ruleExampleTests(rule: AnyRule, rules: RuleSet, cwd: string = process.cwd()): ExampleTest[] {
  return [
    ...rule.examples.valid.map((example) => ({name: `does not flag: ${example.name}`, run: () => runRuleExample(rule, example, 'valid', rules, cwd)})),
    ...rule.examples.invalid.map((example) => ({name: `flags: ${example.name}`, run: () => runRuleExample(rule, example, 'invalid', rules, cwd)})),
    {
      name: 'is silent when turned off',
      async run() {
        const problems: string[] = []
        for (const example of rule.examples.invalid) {
          const left = briefOf(await lintExample(example, rules, cwd, {[rule.id]: offSetting(rule)}), rule.id)
          if (left.length > 0) problems.push(`"${example.name}", with the rule off, still gave: ${left.join(' | ')}`)
        }
        return problems
      }
    }
  ]
}

/** Run every test of `ruleExampleTests` at once: one result each. */
export async function checkRuleExamples(rule: AnyRule, rules: RuleSet, cwd: string = process.cwd()): Promise<ExampleResult[]> {
  const results: ExampleResult[] = []
  for (const test of ruleExampleTests(rule, rules, cwd)) results.push({name: test.name, problems: await test.run()})
  return results
}

/** What is wrong with one example of `rule` (nothing: an empty list). */
export async function runRuleExample(rule: AnyRule, example: RuleExample, kind: 'valid' | 'invalid', rules: RuleSet, cwd: string = process.cwd()): Promise<string[]> {
  const setting = example.options ? {[rule.id]: [rule.severity, example.options]} : {}
  const file = await lintExample(example, rules, cwd, setting)
  const brief = briefOf(file, rule.id)
  const expected = kind === 'valid' ? [] : example.messages ?? []
  const problems: string[] = []
  if (JSON.stringify(brief) !== JSON.stringify(expected)) problems.push(`expected the messages ${JSON.stringify(expected)}, got ${JSON.stringify(brief)}`)
  if (kind === 'valid') return problems
  const severity = example.severity ?? rule.severity
  const fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined
  for (const message of ownMessages(file, rule.id)) {
    if (message.fatal !== fatal) problems.push(`${message.line}:${message.column}: the severity is not ${severity}`)
    if (message.url !== rule.url) problems.push(`${message.line}:${message.column}: the url is not the rule's (${rule.url})`)
    if (!message.line || !message.column) problems.push(`"${message.reason}" has no position`)
  }
  if (example.fixed !== undefined) {
    const fixes = ownMessages(file, rule.id).flatMap((message) => (message.fix ? [message.fix] : []))
    const fixed = applyFixes(example.input, fixes).text
    if (fixed !== example.fixed) problems.push(`the fixes give ${JSON.stringify(fixed)}, not ${JSON.stringify(example.fixed)}`)
    // A second pass over the fixed text has nothing left to fix.
    const again = await lintExample({...example, input: fixed}, rules, cwd, setting)
    if (ownMessages(again, rule.id).some((message) => message.fix)) problems.push('a second pass over the fixed text still has fixes')
  }
  return problems
}

/** A config setting that turns `rule` off; a safety rule needs a reason for that. */
function offSetting(rule: AnyRule): unknown {
  return rule.safety ? {severity: 'off', reason: 'checking that the rule is silent when off'} : 'off'
}

async function lintExample(example: RuleExample, rules: RuleSet, cwd: string, settings: Record<string, unknown>): Promise<VFile> {
  const config = resolveConfig({rules: settings}, {rules, root: cwd})
  const linter = createLinter({cwd, config, now: example.now ?? '2026-01-15'})
  return linter.lintBytes('articles/example-article.md', new TextEncoder().encode(example.input))
}

function ownMessages(file: VFile, ruleId: string): VFileMessage[] {
  return file.messages.filter((message) => message.ruleId === ruleId)
}

/** `line:column: reason` for each message of one rule, as rule examples write them. */
function briefOf(file: VFile, ruleId: string): string[] {
  return ownMessages(file, ruleId).map(toReported).map((message) => `${message.line}:${message.column}: ${message.message}`)
}
