import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {briefOf, lintText} from '../helpers.js'
import rule from '../../rules/require-disclaimer.js'

const header = '# Placeholder title\n\nPlaceholder paragraph.\n\n'

describe('require-disclaimer', () => {
  it('recognises every default phrase, in a sentence, in any letter case', async () => {
    for (const phrase of rule.defaults.phrases) {
      for (const written of [phrase, phrase.toUpperCase()]) {
        const file = await lintText(`${header}Placeholder sentence, ${written}, placeholder.\n`)
        assert.deepEqual(briefOf(file, 'require-disclaimer'), [], written)
      }
    }
  })

  it('finds the disclaimer in a list item or across emphasis', async () => {
    for (const body of ['- This page is *not a substitute for* an assessment.\n', 'This page **does not** replace an assessment.\n', 'This page does not\nreplace an assessment.\n']) {
      const file = await lintText(header + body)
      assert.deepEqual(briefOf(file, 'require-disclaimer'), [], body)
    }
  })

  it('notes the phrasings it looks for', async () => {
    const file = await lintText(header, {rules: {'require-disclaimer': ['error', {phrases: ['placeholder disclaimer']}]}})
    assert.equal(file.messages.find((message) => message.ruleId === 'require-disclaimer')?.note, 'Recognised phrasings: placeholder disclaimer.')
  })
})
