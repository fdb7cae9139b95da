// suspicious-link must get every labelled link of the evaluation set right (./cases.ts).
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {cases} from './cases.js'
import {evaluateLinks} from './evaluate.js'

describe('suspicious-link on the labelled link set', () => {
  it('has at least 60 cases, about half of them benign', () => {
    assert.ok(cases.length >= 60)
    const benign = cases.filter((item) => !item.suspicious).length
    assert.ok(benign >= cases.length * 0.4 && benign <= cases.length * 0.6, `${benign} of ${cases.length} are benign`)
  })

  it('flags every suspicious link and no benign one (precision and recall 1)', async () => {
    const result = await evaluateLinks()
    assert.deepEqual(result.wrong.map((item) => `${item.suspicious ? 'missed' : 'false alarm'}: ${item.markdown} ${item.messages.join(' / ')}`), [])
    assert.equal(result.precision, 1)
    assert.equal(result.recall, 1)
  })
})
