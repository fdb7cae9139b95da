// Stage 3: check. Runs every enabled rule of the config's rule set over each parsed article.
// Inline suppression comments are read before the rules run (so refused ones are reported by
// the `suppression` rule) and applied after, by the finish stage.
//
// Only the rules whose verdict depends on the article's content and the config alone run here,
// so that what they find can be cached; the finish stage (finish.ts) runs the rules that depend
// on today or on the other articles, then applies the suppressions.
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {isRecomputed} from '../rule-kit/rule.js'
import type {Rule, RunSetting} from '../rule-kit/rule.js'
import type {ResolvedConfig} from '../config/config.js'
import {readSuppressions} from './suppress.js'
import type {RuleLookup, Suppression} from './suppress.js'
import {reviewLinesOf} from '../rule-kit/review-lines.js'
import './data.js'

export interface Checker {
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

interface Enabled {
  rule: Rule
  setting: RunSetting
}

/** The enabled rules of the config, in rule-set order, with their settings. */
export function enabledRules(config: ResolvedConfig, which: (rule: Rule) => boolean): Enabled[] {
  const enabled: Enabled[] = []
  for (const rule of config.ruleSet.rules) {
    const setting = config.rules[rule.id]
    if (!setting || setting.severity === 'off' || !which(rule)) continue
    enabled.push({rule, setting: {severity: setting.severity, options: setting.options}})
  }
  return enabled
}

export function createChecker(config: ResolvedConfig): Checker {
  const everything = enabledRules(config, (rule) => !isRecomputed(rule))
  const fileOnly = everything.filter(({rule}) => rule.requires === 'file')
  const bounded = fileOnly.filter(({rule}) => rule.boundedWork === true)
  // For an article in another language (`lang`, else `site.lang`): no English-only rule.
  const notEnglish = everything.filter(({rule}) => rule.englishOnly !== true)
  const skipped = everything.filter(({rule}) => rule.englishOnly === true).map(({rule}) => rule.id)
  const empty: Root = {type: 'root', children: []}
  const {ruleSet} = config
  const lookup: RuleLookup = {ruleIds: ruleSet.ids, isSafetyRule: (id) => ruleSet.get(id)?.safety === true}
  const run = (rules: readonly Enabled[], tree: Root, file: VFile) => {
    for (const {rule, setting} of rules) {
      if (rule.reportData) Object.assign(file.data, rule.reportData(setting.options))
      rule.run(tree, file, setting)
    }
  }

  return {
    analyse(file) {
      const tree = file.data.tree
      const suppressions = tree ? readSuppressions(file, tree, lookup) : []
      // The page's "Next review due" line, for review-date (which runs on the cached facts too).
      const next = tree ? reviewLinesOf(tree, config.settings.reviewLabels).dates.find((date) => date.kind === 'next') : undefined
      if (next?.node.position) file.data.statedNextReview = {...next.date, place: next.node.position.start}
      const lang = languageOf(file, config)
      const english = /^en(-|$)/i.test(lang)
      run(tree ? (english ? everything : notEnglish) : fileOnly, tree ?? empty, file)
      if (tree && !english && skipped.length > 0) {
        const message = file.info(`This article's language is ${lang}, so the English-only rules (${skipped.join(', ')}) did not check it; the safety rules and the frontmatter checks did. The safety rules look for the headings and phrases in their options, which are English by default: configure the ones your ${lang} articles use.`, {line: 1, column: 1})
        message.ruleId = 'language'
        message.source = 'healthlint'
      }
      return suppressions
    },
    analyseBounded(file) {
      run(bounded, empty, file)
    }
  }
}
