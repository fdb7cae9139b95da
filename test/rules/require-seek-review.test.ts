import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {briefOf, lintText} from '../helpers.js'
import {defaultSeekReviewHeadings} from '../../src/vocabulary.js'

const header = '# Placeholder title\n\nPlaceholder paragraph.\n\n'

describe('require-seek-review', () => {
  it('recognises every default heading, in any letter case and at any level', async () => {
    for (const heading of defaultSeekReviewHeadings) {
      for (const written of [`## ${heading}`, `### ${heading.toUpperCase()}`, `#### ${heading.toLowerCase()}:`]) {
        const file = await lintText(`${header}${written}\n\n- First placeholder reason\n`)
        assert.deepEqual(briefOf(file, 'require-seek-review'), [], written)
      }
    }
  })

  it('does not take red-flags or other headings for it', async () => {
    for (const heading of ['Red flags', 'Call 999 or go to A&E if', 'When to get urgent help', 'Seeing things', 'GP']) {
      const file = await lintText(`${header}## ${heading}\n\n- First placeholder item\n`)
      assert.match(briefOf(file, 'require-seek-review')[0] ?? '', /^1:1: This article has no section on when to see a clinician/, heading)
    }
  })

  it('counts a section whose content is in a subsection', async () => {
    const file = await lintText(`${header}## When to see a GP\n\n### Placeholder subheading\n\nPlaceholder paragraph.\n`)
    assert.deepEqual(briefOf(file, 'require-seek-review'), [])
  })

  it('suggests the first configured heading', async () => {
    const file = await lintText(header, {rules: {'require-seek-review': ['error', {headings: ['Booking a review']}]}})
    assert.match(briefOf(file, 'require-seek-review')[0]!, /Add a heading such as "Booking a review"/)
  })
})
