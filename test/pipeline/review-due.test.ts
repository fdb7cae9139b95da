import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {resolveConfig} from '../../src/config.js'
import type {ResolvedConfig} from '../../src/config.js'
import {reviewDueOf} from '../../src/pipeline/review-due.js'

const defaults = resolveConfig({})
/** A config whose `review-date` rule allows `maxAgeDays` (the rule is added on another branch). */
const withMaxAge = (maxAgeDays: unknown): ResolvedConfig => ({...defaults, rules: {...defaults.rules, 'review-date': {severity: 'error', options: {maxAgeDays}}}})

describe('reviewDueOf', () => {
  it('uses nextReview when it is a real date', () => {
    assert.equal(reviewDueOf({lastReviewed: '2025-12-22', nextReview: '2026-06-30'}, defaults), '2026-06-30')
  })

  it('adds 365 days to lastReviewed by default, across a leap day', () => {
    assert.equal(reviewDueOf({lastReviewed: '2025-12-22'}, defaults), '2026-12-22')
    assert.equal(reviewDueOf({lastReviewed: '2023-03-01'}, defaults), '2024-02-29')
  })

  it("uses the review-date rule's maxAgeDays", () => {
    assert.equal(reviewDueOf({lastReviewed: '2025-12-22'}, withMaxAge(30)), '2026-01-21')
    assert.equal(reviewDueOf({lastReviewed: '2025-12-22'}, withMaxAge('30')), '2026-12-22', 'a non-number falls back to 365')
  })

  it('falls back to lastReviewed when nextReview is not a real date', () => {
    assert.equal(reviewDueOf({lastReviewed: '2025-12-22', nextReview: '2026-02-30'}, defaults), '2026-12-22')
  })

  it('gives undefined when there is no usable date', () => {
    assert.equal(reviewDueOf(undefined, defaults), undefined)
    assert.equal(reviewDueOf({}, defaults), undefined)
    assert.equal(reviewDueOf({lastReviewed: '22/12/2025'}, defaults), undefined)
    assert.equal(reviewDueOf({lastReviewed: 20251222}, defaults), undefined)
    assert.equal(reviewDueOf({nextReview: null, lastReviewed: null}, defaults), undefined)
  })
})
