// hard-sentence: each sentence is easy enough for the target reading age, and no longer than
// 20 words.
//
// Why: one long or dense sentence is where a patient stops reading. NHS content guidance keeps
// sentences to about 20 words at most. The difficulty judgement is retext-readability's: seven
// formulas (automated readability, Coleman–Liau, Dale–Chall, Flesch, Gunning fog, SMOG, Spache)
// each give the sentence an age, and it is hard when at least 4 of the 7 put it above the target
// age; sentences under 5 words are not judged, since one long word skews them. It is
// reimplemented over the counts the score stage already made (same counts, same verdicts; see
// `test/readability-parity.test.ts`), so nothing is parsed or counted twice.
// Turn it off: for content written for clinicians rather than patients.
import {defineRule} from '../src/rule.js'
import type {RuleContext} from '../src/rule.js'
import {formulasAbove} from '../src/readability.js'

export interface HardSentenceOptions extends Record<string, unknown> {
  /** Target reading age (UK, in years). */
  targetAge: number
  /** Longest acceptable sentence, in words. */
  maxWords: number
  /** Sentences with fewer words are not judged by the formulas. */
  minWords: number
  /** How many of the 7 formulas must put a sentence above the target age. */
  minFormulas: number
}

const header = '---\ntitle: Placeholder\n---\n\n'

export default defineRule<HardSentenceOptions>({
  id: 'hard-sentence',
  description: 'Each sentence is easy to read at the target reading age (default 11) and has at most 20 words.',
  rationale: 'A long or dense sentence is where patients stop reading; NHS guidance keeps sentences to 20 words or fewer. Turn it off only for content written for clinicians.',
  severity: 'warning',
  requires: 'tree',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      targetAge: {type: 'number', minimum: 5, maximum: 25},
      maxWords: {type: 'integer', minimum: 1},
      minWords: {type: 'integer', minimum: 1},
      minFormulas: {type: 'integer', minimum: 1, maximum: 7}
    }
  },
  defaults: {targetAge: 11, maxWords: 20, minWords: 5, minFormulas: 4},
  examples: {
    valid: [
      {name: 'short, everyday sentences', input: header + 'Back pain is common. It often gets better on its own. Keep moving if you can.\n'},
      {name: 'a short list item with a long word', input: header + '- Physiotherapy\n- Unexplained weight loss\n'},
      {name: 'a long word in code is not prose', input: header + 'Type `musculoskeletal-physiotherapy-assessment-questionnaire` in the box.\n'},
      {
        name: 'a dense sentence under a raised target',
        input: header + 'Physiotherapy focuses on improving spinal mobility and rebuilding strength.\n',
        options: {targetAge: 25}
      }
    ],
    invalid: [
      {
        name: 'a dense sentence',
        input: header + 'Back pain is common.\nPhysiotherapy focuses on improving spinal mobility and rebuilding strength.\n',
        messages: ['6:1: This sentence is hard to read at a reading age of 11: 6 of 7 readability formulas put it higher. Use everyday words, or split it.']
      },
      {
        name: 'a long sentence of short words',
        input: header + 'You can take a break and go for a walk and then come back to your desk and sit for a bit and then get up.\n',
        messages: ['5:1: This sentence has 26 words, more than the 20 that NHS guidance suggests. Split it into shorter sentences.']
      },
      {
        name: 'long and dense, in a list item',
        input: header + '- Staying active within comfort, avoiding prolonged rest, and following a structured exercise programme can help reduce pain, restore confidence, and prevent recurrence.\n',
        messages: ['5:3: This sentence has 22 words and is hard to read at a reading age of 11: 6 of 7 readability formulas put it higher. Split it into sentences of 20 words or fewer, and use everyday words.']
      }
    ]
  },
  check
})

function check(context: RuleContext<HardSentenceOptions>): void {
  const {file, options} = context
  const sentences = file.data.sentences ?? []
  const hard: number[] = []
  const judging = {age: options.targetAge, minWords: options.minWords}
  sentences.forEach((sentence, index) => {
    const above = formulasAbove(sentence, sentence.ages, judging)
    const dense = above >= options.minFormulas
    const long = sentence.words > options.maxWords
    if (!dense && !long) return
    hard.push(index)
    const formulas = `${above} of 7 readability formulas put it higher`
    const reason = dense && long
      ? `This sentence has ${sentence.words} words and is hard to read at a reading age of ${options.targetAge}: ${formulas}. Split it into sentences of ${options.maxWords} words or fewer, and use everyday words.`
      : dense
        ? `This sentence is hard to read at a reading age of ${options.targetAge}: ${formulas}. Use everyday words, or split it.`
        : `This sentence has ${sentence.words} words, more than the ${options.maxWords} that NHS guidance suggests. Split it into shorter sentences.`
    context.report(reason, sentence.node.position)
  })
  file.data.hardSentences = hard
}
