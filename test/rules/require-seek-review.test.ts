import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {briefOf, lintText} from '../helpers.js'
import {defaultSeekReviewHeadings} from '../../src/rule-kit/vocabulary.js'

const header = '# Placeholder title\n\nPlaceholder paragraph.\n\n'
const rule = 'require-seek-review'

describe('require-seek-review', () => {
  it('recognises every default heading, in any letter case and at any level', async () => {
    for (const heading of defaultSeekReviewHeadings) {
      for (const written of [`## ${heading}`, `### ${heading.toUpperCase()}`, `#### ${heading.toLowerCase()}:`, `**${heading}**`]) {
        const file = await lintText(`${header}${written}\n\n- First placeholder reason\n`)
        assert.deepEqual(briefOf(file, rule), [], written)
      }
    }
  })

  it('recognises routine wordings by meaning, in headings and lead-ins', async () => {
    for (const label of [
      '**Non-urgent advice: See a GP if:**',
      '> Non-urgent advice: Speak to a pharmacist if:\n>',
      '### Speak to your GP if',
      '## When should I see a doctor?',
      '## 4. Follow-up\n\nMake an appointment with your GP if:',
      '## Contact your midwife or health visitor if',
      '## When to call your healthcare provider',
      '**Amber – if your child:**\n\n- Placeholder\n\n**Red – if your child:**\n\n- Placeholder\n\nCall 999.\n\n**Amber**'
    ]) {
      const file = await lintText(`${header}${label}\n\n- First placeholder reason\n`)
      assert.deepEqual(briefOf(file, rule), [], label)
    }
  })

  it('does not take red-flags or other headings for it', async () => {
    for (const heading of ['Red flags', 'Call 999 or go to A&E if', 'When to get urgent help', 'Urgent advice: Ask for an urgent GP appointment if', 'Seeing things', 'GP', 'How to book a GP appointment']) {
      const file = await lintText(`${header}## ${heading}\n\n- First placeholder item\n`)
      assert.match(briefOf(file, rule)[0] ?? '', /This article has no section on when to see a clinician/, heading)
    }
  })

  it('counts a section whose content is in a subsection', async () => {
    const file = await lintText(`${header}## When to see a GP\n\n### Placeholder subheading\n\nPlaceholder paragraph.\n`)
    assert.deepEqual(briefOf(file, rule), [])
  })

  it('reports a placeholder as a section with nothing in it', async () => {
    const file = await lintText(`${header}## Speak to your GP if\n\n- TBC\n`)
    assert.deepEqual(briefOf(file, rule).map((message) => message.split(' ').slice(0, 5).join(' ')), ['5:1: The section "Speak to', '7:1: The section "Speak to'])
  })

  it('adds configured headings to the defaults', async () => {
    const file = await lintText(`${header}## See a GP if\n\n- A\n`, {rules: {[rule]: ['error', {headings: ['Booking a review']}]}})
    assert.deepEqual(briefOf(file, rule), [])
  })
})
