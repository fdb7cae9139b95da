import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {resolveConfig} from '../../src/config/config.js'
import {reviewDueOf} from '../../src/rule-kit/review-due.js'
import {builtInRules} from '../../rules/index.js'

const defaults = resolveConfig({}, {rules: builtInRules})

describe('reviewDueOf', () => {
  it('uses nextReview when the frontmatter gives one', () => {
    assert.equal(reviewDueOf({lastReviewed: '2025-12-22', nextReview: '2026-06-01'}, defaults), '2026-06-01')
  })

  it('is a year after lastReviewed by default', () => {
    assert.equal(reviewDueOf({lastReviewed: '2025-12-22'}, defaults), '2026-12-22')
    assert.equal(reviewDueOf({lastReviewed: '2024-02-29'}, defaults), '2025-02-28', '365 days after a leap day')
  })

  it("follows the review-date rule's maxAgeDays", () => {
    const config = resolveConfig({rules: {'review-date': ['error', {maxAgeDays: 180}]}}, {rules: builtInRules})
    assert.equal(reviewDueOf({lastReviewed: '2025-12-22'}, config), '2026-06-20')
    assert.equal(reviewDueOf({lastReviewed: '2025-12-22', nextReview: '2026-01-05'}, config), '2026-01-05')
  })

  it('is unknown without a usable date', () => {
    assert.equal(reviewDueOf(undefined, defaults), undefined)
    assert.equal(reviewDueOf({}, defaults), undefined)
    assert.equal(reviewDueOf({lastReviewed: 'last spring'}, defaults), undefined)
    assert.equal(reviewDueOf({lastReviewed: '2025-02-30'}, defaults), undefined)
    assert.equal(reviewDueOf({lastReviewed: 20251222}, defaults), undefined)
    assert.equal(reviewDueOf({lastReviewed: '2025-12-22', nextReview: 'soon'}, defaults), '2026-12-22', 'a bad nextReview falls back to lastReviewed')
  })
})
