// The safety rules' precision and recall on the labelled articles in test/eval/safety/: each
// article is linted with the real pipeline (library API, today 2026-12-01, default config), and
// a rule "fires" on an article when it reports at least one message there. Run it with
// `npm run eval:safety`; test/eval/safety.test.ts holds the figures at 100%.
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {createLinter} from '../../src/pipeline/lint.js'
import {resolveConfig} from '../../src/config/config.js'
import {packageRoot} from '../../src/config/package-files.js'
import {builtInRules} from '../../rules/index.js'

export const safetyRules = ['require-red-flags', 'red-flags-urgent-action', 'require-seek-review', 'require-disclaimer', 'require-reviewer', 'review-date', 'uk-emergency-services'] as const
export const evalNow = '2026-12-01'
export const evalDirectory = join(packageRoot, 'test', 'eval', 'safety')

export interface Labelled {
  style: string
  fires: string[]
  why: string
}

export interface RuleFigures {
  rule: string
  truePositives: number
  falsePositives: number
  falseNegatives: number
  precision: number
  recall: number
}

export interface Mismatch {
  file: string
  rule: string
  /** A false positive: the rule fired where the label says it must not (with its first message). */
  kind: 'false positive' | 'false negative'
  message?: string
}

export interface Evaluation {
  articles: number
  figures: RuleFigures[]
  mismatches: Mismatch[]
}

/** Lint every labelled article and compare what fired with its labels. */
export async function evaluateSafety(directory = evalDirectory): Promise<Evaluation> {
  const expected = JSON.parse(readFileSync(join(directory, 'expected.json'), 'utf8')) as Record<string, Labelled>
  const files = readdirSync(join(directory, 'articles')).filter((name) => name.endsWith('.md')).sort()
  const linter = createLinter({cwd: directory, config: resolveConfig({}, {rules: builtInRules}), now: evalNow})
  const counts = new Map(safetyRules.map((rule) => [rule, {truePositives: 0, falsePositives: 0, falseNegatives: 0}]))
  const mismatches: Mismatch[] = []
  for (const name of files) {
    const label = expected[name]
    if (!label) throw new Error(`test/eval/safety/expected.json has no entry for ${name}`)
    const file = await linter.lintBytes(`articles/${name}`, readFileSync(join(directory, 'articles', name)))
    // A labelled article must be read whole: one whose frontmatter does not parse would be
    // judged on part of itself (its verdicts would measure nothing).
    const broken = file.messages.find((message) => message.ruleId === 'frontmatter-syntax' || message.ruleId === 'encoding')
    if (broken) throw new Error(`${name} in ${directory} is itself broken (${broken.ruleId}, ${broken.line}:${broken.column}): ${broken.reason}`)
    for (const rule of safetyRules) {
      const messages = file.messages.filter((message) => message.ruleId === rule)
      const fired = messages.length > 0
      const wanted = label.fires.includes(rule)
      const count = counts.get(rule)!
      if (fired && wanted) count.truePositives++
      else if (fired) {
        count.falsePositives++
        mismatches.push({file: name, rule, kind: 'false positive', message: `${messages[0]!.line}:${messages[0]!.column} ${messages[0]!.reason}`})
      } else if (wanted) {
        count.falseNegatives++
        mismatches.push({file: name, rule, kind: 'false negative'})
      }
    }
  }
  for (const name of Object.keys(expected)) if (!files.includes(name)) throw new Error(`expected.json labels ${name}, which is not in articles/`)
  const figures = safetyRules.map((rule) => {
    const {truePositives, falsePositives, falseNegatives} = counts.get(rule)!
    // With nothing to find and nothing found, the rule is exactly right.
    const precision = truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives)
    const recall = truePositives + falseNegatives === 0 ? 1 : truePositives / (truePositives + falseNegatives)
    return {rule, truePositives, falsePositives, falseNegatives, precision, recall}
  })
  return {articles: files.length, figures, mismatches}
}

/** The figures as a table, then the mismatches. */
export function formatEvaluation(evaluation: Evaluation): string {
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`
  const lines = [`Safety rules on ${evaluation.articles} labelled articles (today ${evalNow}):`, '', 'rule                      TP  FP  FN  precision  recall']
  for (const figure of evaluation.figures) {
    lines.push(`${figure.rule.padEnd(24)} ${String(figure.truePositives).padStart(3)} ${String(figure.falsePositives).padStart(3)} ${String(figure.falseNegatives).padStart(3)}  ${percent(figure.precision).padStart(9)}  ${percent(figure.recall).padStart(6)}`)
  }
  lines.push('', evaluation.mismatches.length === 0 ? 'No mismatches.' : `Mismatches (${evaluation.mismatches.length}):`)
  for (const mismatch of evaluation.mismatches) {
    lines.push(`  ${mismatch.kind}: ${mismatch.rule} on ${mismatch.file}${mismatch.message ? ` — ${mismatch.message}` : ''}`)
  }
  return lines.join('\n') + '\n'
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const evaluation = await evaluateSafety()
  process.stdout.write(formatEvaluation(evaluation))
  // The held-out set was written by the same labeller at the same time, and kept from the rules'
  // author until they were done: its figures say how the rules do on articles they were not built
  // on. They are printed, not asserted (see its README).
  process.stdout.write('\nHeld-out set (test/eval/safety-holdout/):\n' + formatEvaluation(await evaluateSafety(join(evalDirectory, '..', 'safety-holdout'))))
  process.exitCode = evaluation.mismatches.length === 0 ? 0 : 1
}
