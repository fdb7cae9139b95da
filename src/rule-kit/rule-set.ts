// A rule set: the rules one run checks with, in the order the docs and reports list them. It is a
// value, passed in — to config resolution, and through the resolved config to the linter, the
// reporters and the docs — never imported: the built-in set (rules/index.ts) is one, and a
// config's `plugins` add theirs to it (src/config/plugins.ts). Making one checks every rule's
// metadata, so a plugin with a bad rule or a clashing id is refused before anything runs.
import type {Rule} from './rule.js'

export type AnyRule = Rule<Record<string, unknown>>

export interface RuleSet {
  /** Every rule, built-in rules first, in documentation order. */
  readonly rules: readonly AnyRule[]
  /** The rule with this id, if the set has one. */
  get(id: string): AnyRule | undefined
  /** Every rule id, in order. */
  readonly ids: readonly string[]
  /** Where each rule came from: `healthlint` for a built-in rule, otherwise the plugin's name. */
  originOf(id: string): string
}

/** A rule that cannot join a set: bad metadata, or an id already taken. The CLI exits 2. */
export class RuleSetError extends Error {
  override name = 'RuleSetError'
}

const kebabCase = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/
const severities = new Set(['warning', 'error'])
const requirements = new Set(['file', 'tree'])

/** Create a rule set from groups of rules, each with its origin; throws RuleSetError. */
export function createRuleSet(groups: ReadonlyArray<{origin: string; rules: readonly unknown[]}>): RuleSet {
  const byId = new Map<string, AnyRule>()
  const origins = new Map<string, string>()
  for (const {origin, rules} of groups) {
    for (const [index, candidate] of rules.entries()) {
      const rule = checkedRule(candidate, `${origin}: rule ${index + 1}`)
      const taken = origins.get(rule.id)
      if (taken !== undefined) {
        throw new RuleSetError(`${origin}: the rule id \`${rule.id}\` is already taken by ${taken === 'healthlint' ? 'a built-in rule' : taken}. Give the rule another id (a plugin's rules are best prefixed with the plugin's name).`)
      }
      byId.set(rule.id, rule)
      origins.set(rule.id, origin)
    }
  }
  const list = [...byId.values()]
  const ids = list.map((rule) => rule.id)
  return {rules: list, ids, get: (id) => byId.get(id), originOf: (id) => origins.get(id) ?? 'healthlint'}
}

/** The rule, if its metadata is what the pipeline needs; otherwise why not, naming `where`. */
function checkedRule(candidate: unknown, where: string): AnyRule {
  const rule = candidate as Partial<AnyRule> | null
  const fail = (problem: string): never => {
    const name = rule && typeof rule.id === 'string' ? `${where} (\`${rule.id}\`)` : where
    throw new RuleSetError(`${name} ${problem}. Make each rule with defineRule() from healthlint, which checks the rest.`)
  }
  if (typeof rule !== 'object' || rule === null) return fail('is not a rule object')
  if (typeof rule.id !== 'string' || !kebabCase.test(rule.id)) return fail('has no kebab-case `id`')
  if (typeof rule.plugin !== 'function' || typeof rule.check !== 'function' || typeof rule.url !== 'string') return fail('was not made with defineRule()')
  if (typeof rule.description !== 'string' || rule.description.trim() === '') return fail('has no `description`')
  if (typeof rule.rationale !== 'string' || rule.rationale.trim() === '') return fail('has no `rationale`')
  if (!severities.has(rule.severity as string)) return fail('has no default `severity` ("warning" or "error")')
  if (!requirements.has(rule.requires as string)) return fail('does not say what it `requires` ("file" or "tree")')
  if (typeof rule.optionsSchema !== 'object' || rule.optionsSchema === null || typeof rule.defaults !== 'object' || rule.defaults === null) return fail('has no `optionsSchema` and `defaults`')
  const examples = rule.examples
  // A rule whose failing inputs need files on disk (file-type: a symbolic link) tests them elsewhere,
  // so `invalid` may be empty; every failing example lists the messages it expects.
  if (!examples || !Array.isArray(examples.valid) || !Array.isArray(examples.invalid) || examples.valid.length === 0) {
    return fail('needs examples (`examples.valid`, at least one, and `examples.invalid`), which are its tests and its docs')
  }
  if (examples.invalid.some((example) => !Array.isArray(example?.messages) || example.messages.length === 0)) return fail('has a failing example that lists no `messages`')
  if ((rule.dependsOnDate || rule.dependsOnRun) && rule.requires !== 'file') return fail('depends on today or on the run, so it must be a `file` rule')
  return rule as AnyRule
}
