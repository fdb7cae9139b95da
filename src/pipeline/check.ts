// Stage 3: check. Runs every enabled rule over each parsed article. Rules are unified plugins
// (remark-lint's `lintRule`), configured as `[severity, options]`. Inline suppression comments
// are read before the rules run (so refused ones are reported by the `suppression` rule) and
// applied after.
import {unified} from 'unified'
import type {Processor} from 'unified'
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {rules} from '../../rules/index.js'
import type {ResolvedConfig} from '../config.js'
import {applySuppressions, readSuppressions} from './suppress.js'
import type {RuleLookup} from './suppress.js'

const labels = {off: 'off', warning: 'warn', error: 'error'} as const

export interface Checker {
  check(file: VFile): Promise<void>
}

export function createChecker(config: ResolvedConfig): Checker {
  const build = (which: (requires: 'file' | 'tree') => boolean) => {
    const processor = unified() as unknown as Processor<Root, Root, Root>
    for (const rule of rules) {
      const setting = config.rules[rule.id]
      if (!setting || setting.severity === 'off' || !which(rule.requires)) continue
      processor.use(rule.plugin as never, [labels[setting.severity], setting.options])
    }
    return processor.freeze()
  }
  const everything = build(() => true)
  const fileOnly = build((requires) => requires === 'file')
  const empty: Root = {type: 'root', children: []}
  const safety = new Set(rules.filter((rule) => rule.safety === true).map((rule) => rule.id))
  const lookup: RuleLookup = {ruleIds: rules.map((rule) => rule.id), isSafetyRule: (id) => safety.has(id)}

  return {
    async check(file) {
      const tree = file.data.tree
      const suppressions = tree ? readSuppressions(file, tree, lookup) : []
      await (tree ? everything : fileOnly).run(tree ?? empty, file)
      applySuppressions(file, suppressions)
      file.messages.sort(compareMessages)
    }
  }
}

/** Position order, then rule id and reason: the order every report lists messages in. */
export function compareMessages(a: VFile['messages'][number], b: VFile['messages'][number]): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || String(a.ruleId).localeCompare(String(b.ruleId)) || a.reason.localeCompare(b.reason)
}
