// The readability evaluation's targets (see test/eval/readability.ts and the data's README):
// counts that agree with people, and hard-sentence verdicts an editor would give.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {evaluateCounts, evaluateHardSentences, labelledSentences} from './readability.js'

describe('the readability evaluation', () => {
  it('has the data it needs: at least 10 counted articles and 300 labelled sentences in several styles', async () => {
    const counts = await evaluateCounts()
    assert.ok(counts.articles >= 10, `${counts.articles} articles`)
    const sentences = labelledSentences()
    assert.ok(sentences.length >= 300, `${sentences.length} sentences`)
    assert.ok(new Set(sentences.map((sentence) => sentence.style)).size >= 4)
  })

  it('agrees with the hand-made sentence boundaries (≥ 99.5%) and syllable counts (≥ 99%)', async () => {
    const counts = await evaluateCounts()
    assert.ok(counts.boundaries.agreement >= 0.995, `boundaries ${counts.boundaries.agreement}`)
    assert.ok(counts.syllables.agreement >= 0.99, `syllables ${counts.syllables.agreement}`)
  })

  it('flags hard sentences with precision ≥ 0.8 and recall ≥ 0.7, and under 10% of plain NHS-style sentences', async () => {
    const figures = await evaluateHardSentences()
    assert.ok(figures.precision >= 0.8, `precision ${figures.precision}`)
    assert.ok(figures.recall >= 0.7, `recall ${figures.recall}`)
    assert.ok(figures.plainSentences >= 100, `${figures.plainSentences} plain sentences`)
    assert.ok(figures.plainFlagRate < 0.1, `flag rate ${figures.plainFlagRate}`)
  })
})
