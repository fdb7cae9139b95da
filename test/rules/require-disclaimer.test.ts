import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {briefOf, lintText} from '../helpers.js'
import {defaultInformationWords, defaultNotReplacingPhrases} from '../../src/rule-kit/vocabulary.js'

const header = '# Placeholder title\n\nPlaceholder paragraph.\n\n'
const rule = 'require-disclaimer'

describe('require-disclaimer', () => {
  it('recognises every default pair of phrasings, in a sentence, in any letter case', async () => {
    for (const information of defaultInformationWords) {
      const written = `Placeholder ${information} placeholder, ${defaultNotReplacingPhrases[0]} a clinician.`
      for (const text of [written, written.toUpperCase()]) {
        assert.deepEqual(briefOf(await lintText(`${header}${text}\n`), rule), [], text)
      }
    }
    for (const phrase of defaultNotReplacingPhrases) {
      const text = `This page is general information and ${phrase} a clinician.`
      assert.deepEqual(briefOf(await lintText(`${header}${text}\n`), rule), [], text)
    }
  })

  it('finds the disclaimer in a list item, across emphasis, across two adjacent sentences', async () => {
    for (const body of ['- This general guide is *not a substitute for* an assessment.\n', 'This general information **does not** replace an assessment.\n', 'This page gives general information.\nIt does not\nreplace an assessment.\n']) {
      assert.deepEqual(briefOf(await lintText(header + body), rule), [], body)
    }
  })

  it('does not take half a disclaimer, or two sentences far apart, for one', async () => {
    for (const body of ['This page gives general information about hay fever.\n', 'It does not replace advice from your GP.\n', 'This page gives general information. Placeholder sentence. It does not replace advice from your GP.\n']) {
      assert.equal(briefOf(await lintText(header + body), rule).length, 1, body)
    }
  })

  it('notes both halves it looks for', async () => {
    const file = await lintText(header)
    assert.match(file.messages.find((message) => message.ruleId === rule)?.note ?? '', /^A disclaimer needs both: what the information is \("general information"/)
  })

  it('finds the disclaimer in a table cell', async () => {
    const file = await lintText(`${header}| About this page |\n| --- |\n| This is a general guide and does not replace advice from your GP. |\n`)
    assert.deepEqual(briefOf(file, rule), [])
  })
})
