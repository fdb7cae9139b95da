import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {briefOf, lintText} from '../helpers.js'
import {defaultRedFlagHeadings} from '../../src/vocabulary.js'

const header = '# Placeholder title\n\nPlaceholder paragraph.\n\n'

describe('require-red-flags', () => {
  it('recognises every default heading, in any letter case', async () => {
    const headings = [...defaultRedFlagHeadings, ...defaultRedFlagHeadings.map((heading) => heading.toUpperCase()), ...defaultRedFlagHeadings.map((heading) => heading.toLowerCase() + ':')]
    for (const heading of headings) {
      const file = await lintText(`${header}## ${heading}\n\n- First placeholder symptom\n`)
      assert.deepEqual(briefOf(file, 'require-red-flags'), [], heading)
    }
  })

  it('does not take other headings for red flags', async () => {
    for (const heading of ['Red', 'Flags', 'Non-urgent advice', 'When to seek GP review', 'Redflagged content', 'Symptoms']) {
      const file = await lintText(`${header}## ${heading}\n\n- First placeholder item\n`)
      assert.equal(briefOf(file, 'require-red-flags').length, 1, heading)
    }
  })

  it('accepts a later red-flags section with items when an earlier one is empty', async () => {
    const file = await lintText(`${header}## Red flags\n\n## Urgent advice\n\n- First placeholder symptom\n`)
    assert.deepEqual(briefOf(file, 'require-red-flags'), [])
  })

  it('reports each headless red-flag list, at its own position, and not the lists it contains', async () => {
    const file = await lintText(`${header}> - Chest pain\n>   - Difficulty breathing\n>   - Fever\n> - Sudden numbness\n\nPlaceholder paragraph.\n\n1. Severe pain following trauma\n2. Back pain with fever or unexplained weight loss\n`)
    assert.deepEqual(briefOf(file, 'require-red-flags').map((message) => message.split(' ')[0]), ['5:3:', '12:1:'])
  })

  it('needs most of a list, and at least two items, to look like red flags', async () => {
    const half = await lintText(`${header}- Chest pain\n- Fever\n- Placeholder item\n- Placeholder item\n`)
    assert.match(briefOf(half, 'require-red-flags')[0]!, /^1:1: This article has no red-flags section/)
    const one = await lintText(`${header}- Chest pain\n`)
    assert.match(briefOf(one, 'require-red-flags')[0]!, /^1:1: This article has no red-flags section/)
    const lower = await lintText(`${header}- Chest pain\n- Fever\n- Placeholder item\n- Placeholder item\n`, {rules: {'require-red-flags': ['error', {listShare: 0.5}]}})
    assert.match(briefOf(lower, 'require-red-flags')[0]!, /^5:1: This list looks like red-flag symptoms/)
  })

  it('takes its symptom vocabulary from the config', async () => {
    const input = `${header}- Placeholder term one\n- Placeholder term two\n`
    const before = await lintText(input)
    assert.match(briefOf(before, 'require-red-flags')[0]!, /^1:1: /)
    const after = await lintText(input, {rules: {'require-red-flags': ['error', {symptomTerms: ['placeholder term']}]}})
    assert.match(briefOf(after, 'require-red-flags')[0]!, /^5:1: This list looks like red-flag symptoms \("Placeholder term one", …\)/)
  })

  it('positions the missing-section message at the body, after the frontmatter', async () => {
    const file = await lintText('---\ntitle: Placeholder\n---\n\n# Placeholder title\n')
    assert.deepEqual(briefOf(file, 'require-red-flags').map((message) => message.split(' ')[0]), ['5:1:'])
  })

  it('leaves an empty body to empty-article', async () => {
    const file = await lintText('---\ntitle: Placeholder\n---\n')
    assert.deepEqual(briefOf(file, 'require-red-flags'), [])
  })
})
