// Stage 3: check. Runs every enabled rule over each parsed article. Rules are unified plugins
// (remark-lint's `lintRule`), configured as `[severity, options]`. Inline suppression comments
// are read before the rules run (so refused ones are reported by the `suppression` rule) and
// applied after.
//
// In two steps, so that what depends only on the article can be cached: `analyse` runs the
// rules whose verdict depends on the article's content and the config alone, and returns the
// suppressions; the finish stage (finish.ts) runs the rules that depend on today or on the other
// articles, then applies the suppressions. `check` does both.
import {unified} from 'unified'
import type {Processor} from 'unified'
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {rules} from '../../rules/index.js'
import {isRecomputed} from '../rule-kit/rule.js'
import type {ResolvedConfig} from '../config/config.js'
import {readSuppressions} from './suppress.js'
import type {RuleLookup, Suppression} from './suppress.js'
import {createFinisher} from './finish.js'
import {reviewLinesOf} from '../rule-kit/review-lines.js'
import type {ReviewLabels} from '../rule-kit/review-lines.js'

export {compareMessages} from './finish.js'

const labels = {off: 'off', warning: 'warn', error: 'error'} as const

export interface Checker {
  /** Run every rule, apply the suppressions and sort the messages. */
  check(file: VFile): Promise<void>
  /**
   * Run the rules that depend only on the article and the config, synchronously (so that the
   * time budget can cover them); return the suppressions, not yet applied.
   */
  analyse(file: VFile): Suppression[]
  /**
   * Run only the rules of `analyse` whose work is bounded whatever the body holds
   * (`boundedWork`): for an article whose time budget has run out.
   */
  analyseBounded(file: VFile): void
}

export function createChecker(config: ResolvedConfig): Checker {
  const build = (which: (rule: (typeof rules)[number]) => boolean) => {
    const processor = unified() as unknown as Processor<Root, Root, Root>
    for (const rule of rules) {
      const setting = config.rules[rule.id]
      if (!setting || setting.severity === 'off' || isRecomputed(rule) || !which(rule)) continue
      processor.use(rule.plugin as never, [labels[setting.severity], setting.options])
    }
    return processor.freeze()
  }
  const everything = build(() => true)
  const fileOnly = build((rule) => rule.requires === 'file')
  const bounded = build((rule) => rule.requires === 'file' && rule.boundedWork === true)
  const empty: Root = {type: 'root', children: []}
  const safety = new Set(rules.filter((rule) => rule.safety === true).map((rule) => rule.id))
  const lookup: RuleLookup = {ruleIds: rules.map((rule) => rule.id), isSafetyRule: (id) => safety.has(id)}
  const finisher = createFinisher(config)

  const analyse = (file: VFile) => {
    const tree = file.data.tree
    const suppressions = tree ? readSuppressions(file, tree, lookup) : []
    // The page's "Next review due" line, for review-date (which runs on the cached facts too).
    const next = tree ? reviewLinesOf(tree, config.rules['require-reviewer']?.options as ReviewLabels | undefined).dates.find((date) => date.kind === 'next') : undefined
    if (next?.node.position) file.data.statedNextReview = {...next.date, place: next.node.position.start}
    // Every rule is synchronous (remark-lint's wrapper completes at once for a rule that
    // returns nothing), so runSync never meets an unfinished rule.
    ;(tree ? everything : fileOnly).runSync(tree ?? empty, file)
    return suppressions
  }
  return {
    analyse,
    analyseBounded(file) {
      bounded.runSync(empty, file)
    },
    async check(file) {
      await finisher.finish(file, analyse(file))
    }
  }
}
