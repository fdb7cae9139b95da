// The hard-sentence judgement is retext-readability's, reimplemented over the score stage's
// counts. Same sentences → same verdicts, and the same number of formulas above the target:
// checked by running retext-readability itself on the very same natural-language tree.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {VFile} from 'vfile'
import fc from 'fast-check'
import retextReadability from 'retext-readability'
import {formulasAbove} from '../src/readability.js'
import {lintText} from './helpers.js'

const header = '---\ntitle: Placeholder\n---\n\n'

/** Sentence start offset → formulas above `age`, by retext-readability and by us. */
async function verdicts(body: string, age: number) {
  const file = await lintText(header + body)
  const prose = file.data.prose
  const theirs = new Map<number, number>()
  if (prose) {
    const report = new VFile()
    retextReadability({age})(prose, report)
    for (const message of report.messages) {
      const found = /according to (?:(\d+) out of 7|all 7) algorithms/.exec(message.reason)
      theirs.set(message.place && 'start' in message.place ? message.place.start.offset ?? -1 : -1, found?.[1] ? Number(found[1]) : 7)
    }
  }
  const ours = new Map<number, number>()
  for (const sentence of file.data.sentences ?? []) {
    const above = formulasAbove(sentence, sentence.ages, {age, minWords: 5})
    if (above >= 4) ours.set(sentence.node.position?.start.offset ?? -1, above)
  }
  return {theirs, ours}
}

const seedSentences = [
  'Lower back pain is one of the most common reasons adults seek GP advice.',
  'It can range from mild stiffness to more severe pain that affects movement, sleep, or work.',
  'In most cases, back pain improves with time and conservative management.',
  'Physiotherapy focuses on improving spinal mobility, rebuilding strength, and addressing movement patterns that contribute to repeated flare ups, rather than simply treating pain in isolation.',
  'Most back pain can be assessed without examination in an initial remote consultation.',
  'Early review can help prevent chronic pain.',
  'Keep moving and avoid prolonged bed rest.',
  'Back pain is not improving after 2 to 4 weeks.',
  'The cat sat on the mat and the dog sat on the rug.',
  '1 2 3 4 5 6.'
]

describe('hard-sentence verdicts match retext-readability', () => {
  for (const age of [9, 11, 14, 16]) {
    it(`on seed-article sentences at age ${age}`, async () => {
      const {theirs, ours} = await verdicts(seedSentences.join('\n\n') + '\n', age)
      assert.deepEqual(ours, theirs)
      if (age === 11) assert.ok(ours.size >= 3, 'the check compares some flagged sentences')
    })
  }

  it('on generated sentences', async () => {
    const words = ['pain', 'back', 'the', 'a', 'Physiotherapy', 'physiotherapy', 'inflammatory', 'Investigations', 'GP', 'is', 'and', 'understandably', 'movement', 'Sonali', '2', '30', 'e.g.', 'long-term', "don't", 'ache', 'acorn', 'recurrence', 'stiffness', 'Dr.']
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.constantFrom(...words), {minLength: 1, maxLength: 30}), {minLength: 1, maxLength: 4}),
        fc.integer({min: 6, max: 18}),
        async (sentences, age) => {
          const body = sentences.map((sentence) => sentence.join(' ') + '.').join('\n\n') + '\n'
          const {theirs, ours} = await verdicts(body, age)
          assert.deepEqual(ours, theirs)
        }
      ),
      {numRuns: 150, seed: 4}
    )
  })
})
