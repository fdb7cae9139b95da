// mixed-script beyond its examples: positions of look-alike words on later lines of a paragraph,
// found in one pass however many there are.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {briefOf, lintText} from '../helpers.js'

const cyrillicA = '\u0430'

describe('mixed-script positions', () => {
  it('places each word on its own line and column in a paragraph of several lines', async () => {
    const file = await lintText(`---\ntitle: Dosing\n---\n\nTake p${cyrillicA}racetamol\nor ibuprofen, not both: p${cyrillicA}racetamol\nand then ${cyrillicA}spirin.\n`)
    assert.deepEqual(briefOf(file, 'mixed-script').map((message) => /^\d+:\d+/.exec(message)![0]), ['5:6', '6:25', '7:10'])
  })

  it('stays linear on a long paragraph full of such words (quadratic before)', {timeout: 30_000}, async () => {
    const file = await lintText(`---\ntitle: Dosing\n---\n\n${`p${cyrillicA}racetamol `.repeat(20_000)}\n`)
    const places = briefOf(file, 'mixed-script').map((message) => /^\d+:\d+/.exec(message)![0])
    assert.deepEqual(places.slice(0, 2), ['5:1', '5:13'])
    assert.equal(places.length, 1001, 'the first 1000, and a message that there are more')
  })
})
