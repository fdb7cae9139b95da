import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {briefOf, lintText, messagesOf} from '../helpers.js'

const header = '# Placeholder title\n\nPlaceholder paragraph.\n\n'
const rule = 'red-flags-urgent-action'

describe('red-flags-urgent-action', () => {
  it('recognises each default action, as whole words in any letter case', async () => {
    for (const action of ['999', '112', '111', 'a&e', 'Accident and Emergency', 'EMERGENCY DEPARTMENT', 'emergency services', 'ambulance', 'urgent GP appointment', 'urgent appointment', 'same-day appointment', 'urgent treatment centre', 'the ER']) {
      const file = await lintText(`${header}## Red flags\n\n- First placeholder symptom\n\nAction placeholder: ${action}.\n`)
      assert.deepEqual(briefOf(file, rule), [], action)
    }
  })

  it('finds an action at the end of a list item followed by another item', async () => {
    const file = await lintText(`${header}## Red flags\n\n- Action placeholder 999\n- Other placeholder\n`)
    assert.deepEqual(briefOf(file, rule), [])
  })

  it('does not count an action outside the red-flags section', async () => {
    const file = await lintText(`${header}## Red flags\n\n- First placeholder symptom\n\n## Other\n\nAction placeholder: 999.\n`)
    assert.deepEqual(briefOf(file, rule).map((message) => message.split(' ')[0]), ['5:1:'])
  })

  it('does not count "urgent help" with no service', async () => {
    const file = await lintText(`${header}## Warning signs\n\n- First placeholder symptom\n\nYou need urgent help.\n`)
    assert.equal(briefOf(file, rule).length, 1)
  })

  it('leaves an empty red-flags section to require-red-flags', async () => {
    const file = await lintText(`${header}## Red flags\n\n## Other\n\nPlaceholder paragraph.\n`)
    assert.deepEqual(briefOf(file, rule), [])
    assert.equal(briefOf(file, 'require-red-flags').length, 1)
  })

  it('is a warning, and notes the actions it looks for', async () => {
    const file = await lintText(`${header}## Red flags\n\n- First placeholder symptom\n`)
    const [message] = messagesOf(file, rule)
    assert.equal(message?.severity, 'warning')
    assert.match(message?.note ?? '', /^Recognised actions: 999, 112, 111, NHS 111/)
  })

  it('checks each red-flags section, with configured headings added to the defaults', async () => {
    const input = `${header}## Danger zone\n\n- First placeholder symptom\n`
    assert.deepEqual(briefOf(await lintText(input), rule), [])
    const file = await lintText(input, {rules: {[rule]: ['warning', {headings: ['Danger zone']}]}})
    assert.equal(briefOf(file, rule).length, 1)
  })
})
