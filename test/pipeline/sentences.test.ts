// The sentence pass after parse-english: the joins and splits it gets wrong in health writing.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {toString} from 'nlcst-to-string'
import {lintText} from '../helpers.js'

const header = '---\ntitle: Placeholder\n---\n\n'
async function sentences(text: string): Promise<string[]> {
  const file = await lintText(header + text + '\n')
  return (file.data.sentences ?? []).map((sentence) => toString(sentence.node))
}

describe('sentence boundaries', () => {
  it('end a sentence after a number', async () => {
    assert.deepEqual(await sentences('It is common in children under 16. Holding them helps.'), ['It is common in children under 16.', 'Holding them helps.'])
    assert.deepEqual(await sentences('If unsure, call 111. You will be told what to do.'), ['If unsure, call 111.', 'You will be told what to do.'])
    assert.deepEqual(await sentences('The gene is on chromosome 11. The gene is called X.'), ['The gene is on chromosome 11.', 'The gene is called X.'])
  })

  it('end a sentence after a single capital that is not an initial', async () => {
    assert.deepEqual(await sentences('This is hepatitis B. There is a vaccine.'), ['This is hepatitis B.', 'There is a vaccine.'])
    assert.deepEqual(await sentences('Vaccines exist for hepatitis C, D, and E. Reducing exposure helps.'), ['Vaccines exist for hepatitis C, D, and E.', 'Reducing exposure helps.'])
    assert.deepEqual(await sentences('Ask Dr. A. Patel or J. K. Rowling. Then go.'), ['Ask Dr. A. Patel or J. K. Rowling.', 'Then go.'])
  })

  it('end a sentence after words parse-english takes for abbreviations', async () => {
    assert.deepEqual(await sentences('Stay out of the sun. Wear a hat.'), ['Stay out of the sun.', 'Wear a hat.'])
    assert.deepEqual(await sentences('Rest for 10 min. Then walk.'), ['Rest for 10 min.', 'Then walk.'])
    assert.deepEqual(await sentences('Bring a coat, hat, etc. Then go.'), ['Bring a coat, hat, etc.', 'Then go.'])
  })

  it('do not end a sentence after "approx.", "vs.", "e.g." or a title', async () => {
    assert.deepEqual(await sentences('Take approx. 5 tablets. Aspirin vs. Paracetamol is a choice.'), ['Take approx. 5 tablets.', 'Aspirin vs. Paracetamol is a choice.'])
    assert.deepEqual(await sentences('Ask Dr. Smith about it. Mr. Jones agreed, e.g. today.'), ['Ask Dr. Smith about it.', 'Mr. Jones agreed, e.g. today.'])
    assert.deepEqual(await sentences('Use a spacer, etc. and rinse.'), ['Use a spacer, etc. and rinse.'])
  })

  it('keep "1,000" one word, and keep positions true to the file', async () => {
    const file = await lintText(header + 'Drink 1,000 ml. Then rest.\n')
    const [first, second] = file.data.sentences!
    assert.equal(first!.words, 3)
    assert.deepEqual([first!.node.position?.start.offset, first!.node.position?.end.offset], [header.length, header.length + 15])
    assert.deepEqual(second!.node.position?.start, {line: 5, column: 17, offset: header.length + 16})
  })
})
