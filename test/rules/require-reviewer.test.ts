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
      '13:1: The article says it was last reviewed on "1 March 2025" (2025-03-01), but lastReviewed in the frontmatter is 2025-12-22. Make them agree: both should be the date of the last clinical review.',
      '15:1: The article says it was last reviewed on "02/03/2025" (2025-03-02), but lastReviewed in the frontmatter is 2025-12-22. Make them agree: both should be the date of the last clinical review.'
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

  it('recognises the usual bylines', async () => {
    for (const line of ['Peer reviewed by Dr Jane Smith, GP', 'Reviewer: Dr Jane Smith, GP', 'Medical reviewer: Dr Jane Smith (GP)', 'Clinically reviewed by Dr Jane Smith MRCGP', 'Reviewed by: Dr J Smith, GP', 'This page has been reviewed by Dr Jane Smith, GP', 'Written by Placeholder Writer, Practice Nurse. Reviewed by Dr Jane Smith, GP.', 'Written by Placeholder Writer and reviewed by Dr Jane Smith, GP']) {
      assert.deepEqual(briefOf(await lintText(article(`${line}\n`)), rule), [], line)
    }
    const table = await lintText(article('| Reviewed by | Dr Jane Smith, GP |\n| --- | --- |\n| Last reviewed | 22/12/2025 |\n'))
    assert.deepEqual(briefOf(table, rule), [])
  })

  it('compares names tolerantly, but still catches a different person', async () => {
    for (const name of ['Dr J Smith', 'Dr J. Smith', 'DR JANE SMITH', 'Smith', 'Dr Jane Smith MRCGP FRCP']) {
      assert.deepEqual(briefOf(await lintText(article(`Reviewed by ${name}, GP\n`)), rule), [], name)
    }
    for (const name of ['Dr K Smith', 'Dr Jane Smyth', 'Dr Smith Jane']) {
      assert.match(briefOf(await lintText(article(`Reviewed by ${name}, GP\n`)), rule)[0] ?? '', /but reviewedBy.name in the frontmatter is "Dr Jane Smith"/, name)
    }
    const author = await lintText(article('Written by Dr Placeholder Other. Reviewed by Dr Jane Smith, GP.\n'))
    assert.deepEqual(briefOf(author, rule), [], 'the author is not the reviewer')
    const authorOnly = await lintText(article('Written by Dr Jane Smith, GP\n'))
    assert.match(briefOf(authorOnly, rule)[0] ?? '', /does not say who reviewed it/)
  })

  it('tells last reviewed from next review due and from editorial dates', async () => {
    const footer = await lintText(article('Reviewed by Dr Jane Smith, GP\n\nPage last reviewed: 22 December 2025  \nNext review due: 22 December 2028\n\nPublished: 1 January 2020\n'))
    assert.deepEqual(briefOf(footer, rule), [], 'the next review is review-date\'s; a publication date is not compared')
    const wrong = await lintText(article('Reviewed by Dr Jane Smith, GP\n\nPage last reviewed: 22.11.2025\n'))
    assert.deepEqual(lines(briefOf(wrong, rule)), ['15:1'])
    const notice = await lintText(article('Reviewed by Dr Jane Smith, GP\n\nPlaceholder paragraph.\n\nUpdated advice: from 1 September 2025 the placeholder changed.\n\nUpdated: 1 March 2024\n'))
    assert.deepEqual(briefOf(notice, rule), [], 'an editorial notice, and an "Updated" line away from the byline')
    const month = await lintText(article('Reviewed by Dr Jane Smith, GP\n\nLast reviewed: November 2025\n'))
    assert.match(briefOf(month, rule)[0] ?? '', /last reviewed on "November 2025" \(2025-11-01\)/)
  })

  it('reads initials written together and two-digit years', async () => {
    const fields = 'lastReviewed: 2025-12-22\nreviewedBy:\n  name: Dr Jane Anne Smith\n  credential: GP\n'
    assert.deepEqual(briefOf(await lintText(article('Reviewed by Dr JA Smith, GP\n\nLast reviewed: 22/12/25\n', fields)), rule), [])
    assert.equal(briefOf(await lintText(article('Reviewed by Dr KA Smith, GP\n', fields)), rule).length, 1)
  })
})
