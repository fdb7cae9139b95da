import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {briefOf, lintText} from '../helpers.js'
import {defaultRedFlagHeadings} from '../../src/rule-kit/vocabulary.js'

const header = '# Placeholder title\n\nPlaceholder paragraph.\n\n'
const rule = 'require-red-flags'

describe('require-red-flags', () => {
  it('recognises every default heading, in any letter case, as a heading, a bold line or a callout', async () => {
    for (const heading of defaultRedFlagHeadings) {
      for (const written of [`## ${heading}`, `### ${heading.toUpperCase()}`, `#### ${heading.toLowerCase()}:`, `**${heading}**`, `> **${heading}:**\n>`]) {
        const file = await lintText(`${header}${written}\n\n- First placeholder symptom\n`)
        assert.deepEqual(briefOf(file, rule), [], written)
      }
    }
  })

  it('recognises the NHS, NHS inform, Patient.info, trust and US wordings by meaning', async () => {
    for (const label of [
      '## Immediate action required: Call 999 or go to A&E if:',
      '**Urgent advice: Ask for an urgent GP appointment or get help from NHS 111 if:**',
      '### Phone 999 or go to A&E if',
      '### Phone 111 if',
      '## 5. When to get urgent help',
      '## ⚠️ Red flags',
      '## When to seek emergency care',
      '## Call 911 or go to the emergency room if',
      'If any of these symptoms return, go to your nearest Emergency Department:',
      'Speak to a GP urgently if you have:'
    ]) {
      const file = await lintText(`${header}${label}\n\n- First placeholder symptom\n`)
      assert.deepEqual(briefOf(file, rule), [], label)
    }
  })

  it('does not take other headings for red flags', async () => {
    for (const heading of ['Red', 'Flags', 'Non-urgent advice', 'When to seek GP review', 'Redflagged content', 'Symptoms', 'Emergency contraception', 'See a GP if']) {
      const file = await lintText(`${header}## ${heading}\n\n- First placeholder item\n`)
      assert.equal(briefOf(file, rule).length, 1, heading)
    }
  })

  it('accepts a later red-flags section with items when an earlier one is empty', async () => {
    const file = await lintText(`${header}## Red flags\n\n## Urgent advice\n\n- First placeholder symptom\n`)
    assert.deepEqual(briefOf(file, rule), [])
  })

  it('counts a table with body rows, but not a header row alone', async () => {
    const table = '| Symptom | Action |\n| --- | --- |\n'
    assert.deepEqual(briefOf(await lintText(`${header}## Red flags\n\n${table}| Placeholder | Call 999 |\n`), rule), [])
    assert.match(briefOf(await lintText(`${header}## Red flags\n\n${table}`), rule)[0]!, /^5:1: The red-flags section "Red flags" has nothing under it/)
  })

  it('reports each placeholder in a red-flags section, even next to real items', async () => {
    const file = await lintText(`${header}## Red flags\n\n- First placeholder symptom\n- TODO\n-\n`)
    assert.deepEqual(briefOf(file, rule).map((message) => message.split(' the placeholder ')[0]), ['8:1: The red-flags section "Red flags" has', '9:1: The red-flags section "Red flags" has'])
  })

  it('reports each headless urgent-looking list, at its own position, and not the lists it contains', async () => {
    const file = await lintText(`${header}> - Chest pain\n>   - Difficulty breathing\n>   - Fever\n> - Sudden numbness\n\nPlaceholder paragraph.\n\n1. Severe pain following trauma\n2. Back pain with fever or unexplained weight loss\n`)
    assert.deepEqual(briefOf(file, rule).map((message) => message.split(' ')[0]), ['5:3:', '12:1:'])
  })

  it('recognises NHS urgent-symptom wordings in a headless list, and never says it is red flags', async () => {
    const file = await lintText(`${header}## Symptoms in babies\n\n- finding it hard to breathe\n- a rash that does not fade when you press a glass on it\n- floppy or not feeding\n- blue lips\n`)
    const [message] = briefOf(file, rule)
    assert.match(message!, /^7:1: This list looks like urgent symptoms \("finding it hard to breathe", …\), but no heading says so; if it is, give it a heading such as/)
  })

  it('does not report a list under a seek-review section as headless', async () => {
    const file = await lintText(`${header}## See a GP if\n\n- severe pain\n- sudden swelling\n`)
    assert.match(briefOf(file, rule)[0]!, /^1:1: This article has no red-flags section\./)
  })

  it('needs most of a list, and at least two items, to look like urgent symptoms', async () => {
    const half = await lintText(`${header}- Chest pain\n- Fever\n- Placeholder item\n- Placeholder item\n`)
    assert.match(briefOf(half, rule)[0]!, /^1:1: This article has no red-flags section/)
    const one = await lintText(`${header}- Chest pain\n`)
    assert.match(briefOf(one, rule)[0]!, /^1:1: This article has no red-flags section/)
    const lower = await lintText(`${header}- Chest pain\n- Fever\n- Placeholder item\n- Placeholder item\n`, {rules: {[rule]: ['error', {listShare: 0.5}]}})
    assert.match(briefOf(lower, rule)[0]!, /^5:1: This list looks like urgent symptoms/)
  })

  it('adds configured symptom terms and headings to the defaults', async () => {
    const input = `${header}- Placeholder term one\n- Placeholder term two\n`
    assert.match(briefOf(await lintText(input), rule)[0]!, /^1:1: /)
    const after = await lintText(input, {rules: {[rule]: ['error', {symptomTerms: ['placeholder term']}]}})
    assert.match(briefOf(after, rule)[0]!, /^5:1: This list looks like urgent symptoms \("Placeholder term one", …\)/)
    const headings = await lintText(`${header}## Red flags\n\n- A\n`, {rules: {[rule]: ['error', {headings: ['Danger zone']}]}})
    assert.deepEqual(briefOf(headings, rule), [], 'the defaults still count')
  })

  it('names the nearest heading, at its position, and NHS wordings', async () => {
    const file = await lintText(`${header}## Causes\n\nPlaceholder.\n\n## Serious signs to look out for\n\n- Placeholder\n`)
    const [message] = briefOf(file, rule)
    assert.match(message!, /^9:1: This article has no red-flags section; the nearest is "Serious signs to look out for" \(line 9\)/)
    assert.match(message!, /"Call 999 or go to A&E if", "Ask for an urgent GP appointment or call 111 if"/)
  })

  it('positions the missing-section message at the body, after the frontmatter', async () => {
    const file = await lintText('---\ntitle: Placeholder\n---\n\n# Placeholder title\n')
    assert.deepEqual(briefOf(file, rule).map((message) => message.split(' ')[0]), ['5:1:'])
  })

  it('leaves an empty body to empty-article', async () => {
    const file = await lintText('---\ntitle: Placeholder\n---\n')
    assert.deepEqual(briefOf(file, rule), [])
  })
})
