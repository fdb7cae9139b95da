// Stage 3b: finish. What is decided afresh on every run, whether the article was just analysed
// or its facts came from the cache (or another thread): the rules whose verdict depends on today
// or on the other articles in the run (`dependsOnDate`, `dependsOnRun`), then the inline
// suppressions, then the order of the messages.
//
// Kept free of the Markdown stack (no unified, remark or retext), so a run where every article
// is cached never loads it.
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {isRecomputed} from '../rule-kit/rule.js'
import type {ResolvedConfig} from '../config/config.js'
import {applySuppressions} from './suppress.js'
import type {Suppression} from './suppress.js'

export interface Finisher {
  /** Run the recomputed rules on `file`, apply `suppressions` to all its messages, and sort them. */
  finish(file: VFile, suppressions: Suppression[]): void
}

export function createFinisher(config: ResolvedConfig): Finisher {
  const recomputed = config.ruleSet.rules.filter((rule) => isRecomputed(rule) && config.rules[rule.id] && config.rules[rule.id]!.severity !== 'off')
  const empty: Root = {type: 'root', children: []}
  return {
    finish(file, suppressions) {
      for (const rule of recomputed) {
        const {severity, options} = config.rules[rule.id]!
        if (severity !== 'off') rule.run(empty, file, {severity, options})
      }
      applySuppressions(file, suppressions)
      file.messages.sort(compareMessages)
    }
  }
}

/** Position order, then rule id and reason: the order every report lists messages in. */
export function compareMessages(a: VFile['messages'][number], b: VFile['messages'][number]): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || String(a.ruleId).localeCompare(String(b.ruleId)) || a.reason.localeCompare(b.reason)
}
