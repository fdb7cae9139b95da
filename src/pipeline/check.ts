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
import {isRecomputed} from '../rule.js'
import type {ResolvedConfig} from '../config.js'
import {readSuppressions} from './suppress.js'
import type {RuleLookup, Suppression} from './suppress.js'
import {createFinisher} from './finish.js'
import {reviewLinesOf} from './review-lines.js'
import type {ReviewLabels} from './review-lines.js'

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

/** The article's language: its `lang`, else the config's `site.lang`, else en-GB. */
function languageOf(file: VFile, config: ResolvedConfig): string {
  const lang = file.data.frontmatter?.data?.lang
  return typeof lang === 'string' ? lang : config.site?.lang ?? 'en-GB'
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
  // For an article in another language (`lang`, else `site.lang`): no English-only rule.
  const notEnglish = build((rule) => rule.englishOnly !== true)
  const skipped = rules.filter((rule) => rule.englishOnly === true && config.rules[rule.id] !== undefined && config.rules[rule.id]!.severity !== 'off').map((rule) => rule.id)
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
    const lang = languageOf(file, config)
    const english = /^en(-|$)/i.test(lang)
    ;(tree ? (english ? everything : notEnglish) : fileOnly).runSync(tree ?? empty, file)
    if (tree && !english && skipped.length > 0) {
      const message = file.info(`This article's language is ${lang}, so the English-only rules (${skipped.join(', ')}) did not check it; the safety rules and the frontmatter checks did. The safety rules look for the headings and phrases in their options, which are English by default: configure the ones your ${lang} articles use.`, {line: 1, column: 1})
      message.ruleId = 'language'
      message.source = 'healthlint'
    }
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
