import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {briefOf, lintText, messagesOf} from '../helpers.js'

const rule = 'require-reviewer'
const article = (body: string, fields = 'lastReviewed: 2025-12-22\nreviewedBy:\n  name: Dr Jane Smith\n  credential: GMC registered GP\n') =>
  `---\ntitle: Placeholder\n${fields}---\n\n# Placeholder title\n\nPlaceholder paragraph.\n\n${body}`
const lines = (messages: string[]) => messages.map((message) => message.split(': ')[0])

describe('require-reviewer', () => {
  it('reads the date however it is usually written', async () => {
    for (const date of ['22 December 2025', '22nd Dec 2025', '22 Dec. 2025', 'December 22, 2025', 'Dec 22 2025', '2025-12-22', '22/12/2025']) {
      const file = await lintText(article(`Last reviewed by Dr Jane Smith, GMC registered GP\n\nUpdated: ${date}\n`))
      assert.deepEqual(briefOf(file, rule), [], date)
    }
  })

  it('reports each date that disagrees, naming both values', async () => {
    const file = await lintText(article('Last reviewed by Dr Jane Smith, GMC registered GP, on 1 March 2025\n\nLast updated: 02/03/2025\n'))
    assert.deepEqual(briefOf(file, rule), [
      '13:1: The article gives the date "1 March 2025" (2025-03-01), but lastReviewed in the frontmatter is 2025-12-22. Make them agree: both should be the date of the last clinical review.',
      '15:1: The article gives the date "02/03/2025" (2025-03-02), but lastReviewed in the frontmatter is 2025-12-22. Make them agree: both should be the date of the last clinical review.'
    ])
  })

  it('ignores a date it cannot read as a real date, and paragraphs that are not date lines', async () => {
    const file = await lintText(article('Last reviewed by Dr Jane Smith, GMC registered GP\n\nUpdated: 31/02/2025\n\nUpdated: December 2025\n\nPlaceholder paragraph from 1 March 2025.\n'))
    assert.deepEqual(briefOf(file, rule), [])
  })

  it('compares names ignoring titles, case and punctuation, but not a different person', async () => {
    for (const name of ['Jane Smith', 'dr. jane smith', 'Dr Jane Smith.', 'Professor Jane Smith']) {
      const file = await lintText(article(`Reviewed by ${name}, GMC registered GP\n`))
      assert.deepEqual(briefOf(file, rule), [], name)
    }
    const file = await lintText(article('Reviewed by Dr Jane Smithson, GMC registered GP\n'))
    assert.deepEqual(lines(briefOf(file, rule)), ['13:1'])
    assert.deepEqual(messagesOf(file, rule)[0]?.message.match(/"[^"]+"/g), ['"Dr Jane Smithson"', '"Dr Jane Smith"'])
  })

  it('takes the first statement, and does not read "Reviewers" as one', async () => {
    const file = await lintText(article('Reviewers placeholder paragraph.\n\nLast reviewed by Dr Jane Smith, GMC registered GP\n\nReviewed by Dr Placeholder Other, GMC registered GP\n'))
    assert.deepEqual(briefOf(file, rule), [])
  })

  it('still asks for the statement when the frontmatter has no reviewer, and skips the comparisons', async () => {
    const missing = await lintText(article('Placeholder paragraph.\n', 'lastReviewed: 2025-12-22\n'))
    assert.deepEqual(briefOf(missing, rule), ['10:1: The article does not say who reviewed it. Add a line at the end such as "Last reviewed by <name>, <credential>", naming the clinician in reviewedBy.'])
    const odd = await lintText(article('Last reviewed by Dr Jane Smith, GMC registered GP\n\nUpdated: 1 March 2025\n', 'lastReviewed: 2025-13-40\nreviewedBy: Dr Placeholder\n'))
    assert.deepEqual(briefOf(odd, rule), [])
  })

  it('asks for the credential when only a name or a date follows', async () => {
    const file = await lintText(article('Reviewed by Dr Jane Smith on 22 December 2025\n'))
    assert.deepEqual(briefOf(file, rule), ['13:1: The statement "Reviewed by Dr Jane Smith on 22 December 2025" does not give the reviewer\'s credential. Add it after a comma, as in "Last reviewed by Dr Jane Smith, GMC registered GP".'])
  })
})
