import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {briefOf, lintText} from '../helpers.js'

const header = '# Placeholder title\n\nPlaceholder paragraph.\n\n'
const rule = 'uk-emergency-services'

describe('uk-emergency-services', () => {
  it('reports US services wherever they appear, with the UK equivalent', async () => {
    const file = await lintText(`${header}## When to get help\n\n- Go to your nearest emergency room.\n- Dial 911.\n- Visit an urgent-care clinic.\n- Call Poison Control.\n\n| Where | |\n| --- | --- |\n| the ER | placeholder |\n`)
    assert.deepEqual(file.messages.filter((message) => message.ruleId === rule).map((message) => [message.actual, message.expected]), [
      ['emergency room', ['A&E']],
      ['911', ['999']],
      ['urgent-care clinic', ['an urgent treatment centre']],
      ['Poison Control', ['NHS 111 (or 999 in an emergency)']],
      ['the ER', ['A&E']]
    ])
  })

  it('does not report ER as a test result, a procedure or a receptor, or 911 in a longer number', async () => {
    const text = 'Placeholder: ER-positive; ER status; an ERCP; ER+ cancer; 01632 960911; PIL-2911; 9/11; £911.50; er, placeholder.\n'
    assert.deepEqual(briefOf(await lintText(header + text), rule), [])
  })

  it('points at the words, even after emphasis', async () => {
    const file = await lintText(`${header}Placeholder **bold** and call 911 now.\n`)
    assert.deepEqual(briefOf(file, rule).map((message) => message.split(' ')[0]), ['5:31:'])
  })

  it('reads the services of the configured country', async () => {
    const irish = await lintText(`${header}Call 999 or 112, or go to A&E.\n`, {rules: {[rule]: ['error', {country: 'IE'}]}})
    assert.deepEqual(briefOf(irish, rule), [])
    const australian = await lintText(`${header}Call 999.\n`, {rules: {[rule]: ['error', {country: 'AU'}]}})
    assert.match(briefOf(australian, rule)[0] ?? '', /"999" is not an emergency service in Australia: write 000 instead/)
  })

  it('is a safety rule that comment suppression cannot switch off', async () => {
    const file = await lintText(`${header}<!-- healthlint-disable-next-line uk-emergency-services -- placeholder -->\nCall 911.\n`)
    assert.equal(briefOf(file, rule).length, 1)
  })

  it('reports urgent care as a place and a spelled-out 9-1-1, not UK urgent care services', async () => {
    const file = await lintText(`${header}Go to urgent care or dial 9-1-1. Placeholder about NHS urgent care services.\n`)
    assert.deepEqual(briefOf(file, rule).map((message) => message.split(' is not')[0]), ['5:1: "Go to urgent care"', '5:27: "9-1-1"'])
  })
})
