// The safety rules on the labelled evaluation set (test/eval/safety/): 100% precision and
// recall for every rule, on at least 40 articles. `npm run eval:safety` prints the figures and
// the mismatches when this fails.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {evaluateSafety, formatEvaluation, safetyRules} from './safety.js'
import {rules} from '../../rules/index.js'

describe('the safety evaluation set', () => {
  it('has at least 40 labelled articles, each label a registered safety rule', async () => {
    const evaluation = await evaluateSafety()
    assert.ok(evaluation.articles >= 40, `${evaluation.articles} articles`)
    for (const id of safetyRules) assert.equal(rules.find((rule) => rule.id === id)?.safety, true, `${id} is a registered safety rule`)
  })

  it('finds every labelled defect and nothing else, for every safety rule', async () => {
    const evaluation = await evaluateSafety()
    for (const figure of evaluation.figures) {
      assert.ok(figure.truePositives > 0, `${figure.rule} has positives in the set`)
    }
    assert.deepEqual(evaluation.mismatches, [], formatEvaluation(evaluation))
    for (const figure of evaluation.figures) {
      assert.equal(figure.precision, 1, figure.rule)
      assert.equal(figure.recall, 1, figure.rule)
    }
  })
})
