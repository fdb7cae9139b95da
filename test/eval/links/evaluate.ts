// Precision and recall of `suspicious-link` on the labelled links of ./cases.ts, through the
// real pipeline. Run `node build/test/eval/links/evaluate.js` to print the figures (and every
// case the rule gets wrong); links.test.ts asserts them.
import {fileURLToPath} from 'node:url'
import {lintText} from '../../helpers.js'
import {cases} from './cases.js'
import type {LinkCase} from './cases.js'

export interface LinkEvaluation {
  truePositives: number
  falsePositives: number
  falseNegatives: number
  trueNegatives: number
  precision: number
  recall: number
  /** The cases the rule gets wrong, with what it said. */
  wrong: Array<LinkCase & {messages: string[]}>
}

const header = '---\ntitle: Links\ndescription: A placeholder article used to evaluate link checks.\n---\n\n'

export async function evaluateLinks(): Promise<LinkEvaluation> {
  const result: LinkEvaluation = {truePositives: 0, falsePositives: 0, falseNegatives: 0, trueNegatives: 0, precision: 0, recall: 0, wrong: []}
  for (const item of cases) {
    const file = await lintText(header + item.markdown + '\n')
    const messages = file.messages.filter((message) => message.ruleId === 'suspicious-link').map((message) => message.reason)
    const flagged = messages.length > 0
    if (flagged && item.suspicious) result.truePositives++
    else if (flagged) result.falsePositives++
    else if (item.suspicious) result.falseNegatives++
    else result.trueNegatives++
    if (flagged !== item.suspicious) result.wrong.push({...item, messages})
  }
  const flagged = result.truePositives + result.falsePositives
  const suspicious = result.truePositives + result.falseNegatives
  result.precision = flagged === 0 ? 1 : result.truePositives / flagged
  result.recall = suspicious === 0 ? 1 : result.truePositives / suspicious
  return result
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await evaluateLinks()
  const benign = result.trueNegatives + result.falsePositives
  const suspicious = result.truePositives + result.falseNegatives
  console.log(`suspicious-link on ${cases.length} labelled links (${suspicious} suspicious, ${benign} benign)`)
  console.log(`precision ${result.precision.toFixed(3)} (${result.truePositives}/${result.truePositives + result.falsePositives}), recall ${result.recall.toFixed(3)} (${result.truePositives}/${suspicious})`)
  for (const item of result.wrong) console.log(`${item.suspicious ? 'missed' : 'false alarm'}: ${JSON.stringify(item.markdown)} (${item.why})${item.messages.length ? ': ' + item.messages.join(' / ') : ''}`)
}
