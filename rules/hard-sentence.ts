// hard-sentence: each sentence is one an editor would pass: about 20 words at most, and in words
// patients know.
//
// Why: one long or dense sentence is where a patient stops reading. The NHS content guide keeps
// sentences to about 20 words (GOV.UK: sentences of 25 words or more lose most readers) and asks
// for everyday words, with medical terms explained. A sentence is hard when it has more than 20
// words, or two or more unfamiliar words, or one unfamiliar word in a short line that rests on it
// ("Analgesia as required") or in a sentence of 16 words or more. Which words are unfamiliar is
// src/words/difficulty.ts: words with a plainer alternative on the NHS and Plain English Campaign
// lists, words on none of the word lists, long words that are not everyday, and unexplained
// abbreviations; inflections count as their base word ("tests", "took"), medicine names and
// everyday health words are familiar, and a term explained in brackets does not count. Each
// message says what makes the sentence hard, naming the words (the preview marks them). The
// byline, the disclaimer and the review footer are never judged: they are fixed wording.
// Formulas are not used: they are document measures, and on one sentence they flagged most
// sentences of plain writing.
// Turn it off: for content written for clinicians rather than patients.
import type {Sentence} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {defineRule} from '../src/rule-kit/rule.js'
import type {RuleContext} from '../src/rule-kit/rule.js'
import {assessSentence} from '../src/words/difficulty.js'
import type {DifficultyOptions, SentenceDifficulty} from '../src/words/difficulty.js'
import {patientWords} from '../src/words/familiar.js'
import {buildVocabulary, seedWords} from '../src/words/vocabulary-index.js'
import type {Vocabulary} from '../src/words/vocabulary-index.js'
import {isBylineOrFooter, isDisclaimer} from '../src/rule-kit/recognise.js'

export interface HardSentenceOptions extends Record<string, unknown> {
  /** Longest acceptable sentence, in words. */
  maxWords: number
  /** How many words more a sentence of familiar words only may have. */
  toleranceWords: number
  /** Over this many words the message says the sentence is far too long. */
  veryLongWords: number
  /** Lines of at most this many words are hard with one unfamiliar word. */
  shortLineWords: number
  /** Sentences of at least this many words are hard with one unfamiliar word. */
  denseWords: number
  /** Terms patients know and need, never counted as unfamiliar. */
  allowedTerms: string[]
}

const header = '---\ntitle: Placeholder\n---\n\n'

export default defineRule<HardSentenceOptions>({
  id: 'hard-sentence',
  description: 'Each sentence has at most 20 words and uses words patients know: a sentence with two unfamiliar words, or a short line resting on one, is reported with the words named.',
  rationale: 'A long or dense sentence is where patients stop reading; the NHS content guide keeps sentences to about 20 words and asks for everyday words, with medical terms explained. Turn it off only for content written for clinicians.',
  severity: 'warning',
  requires: 'tree',
  englishOnly: true,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      maxWords: {type: 'integer', minimum: 1, description: 'Longest acceptable sentence, in words (NHS content guide: about 20).'},
      toleranceWords: {type: 'integer', minimum: 0, description: 'How many words more a sentence may have when every word in it is familiar (one plain instruction, a list of everyday things).'},
      veryLongWords: {type: 'integer', minimum: 1, description: 'Over this many words a sentence is far too long (GOV.UK: 25 or more loses most readers).'},
      shortLineWords: {type: 'integer', minimum: 0, description: 'Lines of at most this many words (list items, notes) are hard with one unfamiliar word: they rest on it.'},
      denseWords: {type: 'integer', minimum: 1, description: 'Sentences of at least this many words are hard with one unfamiliar word.'},
      allowedTerms: {type: 'array', items: {type: 'string'}, description: 'Terms patients know and need, never counted as unfamiliar; added to the words of rules/data/patient-words.json.'}
    }
  },
  defaults: {maxWords: 20, toleranceWords: 2, veryLongWords: 25, shortLineWords: 5, denseWords: 16, allowedTerms: []},
  examples: {
    valid: [
      {name: 'short, everyday sentences', input: header + 'Back pain is common. It often gets better on its own. Keep moving if you can.\n'},
      {name: 'medicine names and inflected everyday words', input: header + 'Take paracetamol or ibuprofen to ease the pain. You usually do not need antibiotics. Most tests take a few weeks.\n'},
      {name: 'short lines of everyday words', input: header + '- Referral for physiotherapy\n- Unexplained weight loss\n'},
      {name: 'a medical term explained in brackets', input: header + 'You may have otitis media (an infection of the middle ear).\n'},
      {name: 'a long word in code is not prose', input: header + 'Type `musculoskeletal-physiotherapy-assessment-questionnaire` in the box.\n'},
      {name: 'the disclaimer and the byline are not judged', input: header + 'These articles are intended as educational sources, not diagnostic nor taking place of a proper medical assessment.\n\nLast reviewed by Dr Zamiel Hussain, GMC registered GP\n'},
      {name: 'an allowed term', input: header + '- Titrate the dose\n', options: {allowedTerms: ['titrate']}}
    ],
    invalid: [
      {
        name: 'two unfamiliar words',
        input: header + 'Back pain is common.\nMost back pain can be assessed without examination in an initial remote consultation.\n',
        messages: ['6:1: This sentence is hard to read: “assessed” and “consultation” are words many patients do not know. Use everyday words, or explain them.']
      },
      {
        name: 'a short line that rests on one unfamiliar word',
        input: header + '- Titrate the dose\n',
        messages: ['5:3: This line is hard to read: “Titrate” is a word many patients do not know. Use an everyday word, or explain it.']
      },
      {
        name: 'a formal phrase and a medical word in a short line',
        input: header + '- Analgesia as required\n',
        messages: ['5:3: This line is hard to read: “Analgesia” and “required” are words many patients do not know. Use everyday words, or explain them.']
      },
      {
        name: 'a long sentence of short words',
        input: header + 'You can take a break and go for a walk and then come back to your desk and sit for a bit and then get up.\n',
        messages: ['5:1: This sentence has 26 words, far more than the 20 that NHS guidance suggests. Split it into shorter sentences.']
      },
      {
        name: 'long and dense, in a list item',
        input: header + '- Staying active within comfort, avoiding prolonged rest, and following a structured exercise programme can help reduce pain, restore confidence, and prevent recurrence.\n',
        messages: ['5:3: This sentence has 22 words, more than the 20 that NHS guidance suggests, and “prolonged” and “recurrence” are words many patients do not know. Split it, and use everyday words.']
      }
    ]
  },
  check
})

const vocabularies = new Map<string, Vocabulary>()
const everydays = new Map<string, ReadonlySet<string>>()
const judgings = new Map<string, DifficultyOptions>()

function check(context: RuleContext<HardSentenceOptions>): void {
  const {file, options, frontmatter} = context
  const sentences = file.data.sentences ?? []
  const judging = judgingOptions(options, frontmatter?.data)
  const fixed = fixedWordingOf(frontmatter?.data)
  const hard: number[] = []
  sentences.forEach((sentence, index) => {
    const difficulty = assessSentence(sentence, judging)
    // Fixed wording is looked for only in hard sentences (most are not): the same verdict, less work.
    if (!difficulty.hard || isFixedWording(sentence.node, fixed)) return
    hard.push(index)
    context.report(reasonOf(difficulty, options), sentence.node.position, {actual: String(difficulty.words)})
  })
  file.data.hardSentences = hard
}

/** The options of the judgement: the vocabulary, and the title's words and the allowed terms as everyday. */
export function judgingOptions(options: HardSentenceOptions, data: Record<string, unknown> | undefined): DifficultyOptions {
  const title = typeof data?.title === 'string' ? data.title.toLowerCase().split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean) : []
  // One object per distinct set of options, so that judgements are made once (assessSentence).
  const key = JSON.stringify([options, title])
  let judging = judgings.get(key)
  if (judging) return judging
  const terms = JSON.stringify(options.allowedTerms)
  let vocabulary = vocabularies.get(terms)
  if (!vocabulary) {
    vocabulary = buildVocabulary([seedWords()], [...patientWords().medicines, ...options.allowedTerms])
    vocabularies.set(terms, vocabulary)
  }
  // One set per list of allowed terms, so that judgements of words carry across articles (difficulty.ts).
  let everyday = everydays.get(terms)
  if (!everyday) everydays.set(terms, (everyday = new Set(options.allowedTerms.map((term) => term.toLowerCase()))))
  if (judgings.size >= 1000) judgings.clear()
  judging = {...options, vocabulary, everyday, title}
  judgings.set(key, judging)
  return judging
}

/** Where a sentence is fixed wording: a disclaimer or byline (as the safety rules read them), or the people the frontmatter names. */
interface FixedWording {
  names: RegExp
}

const fixedPatterns = new Map<string, FixedWording>()

function fixedWordingOf(data: Record<string, unknown> | undefined): FixedWording {
  const names: string[] = []
  const reviewer = data?.reviewedBy as {name?: unknown} | undefined
  if (typeof reviewer?.name === 'string') names.push(reviewer.name)
  if (Array.isArray(data?.contributors)) for (const contributor of data.contributors as Array<{name?: unknown}>) if (typeof contributor?.name === 'string') names.push(contributor.name)
  const key = JSON.stringify(names)
  let fixed = fixedPatterns.get(key)
  if (!fixed) {
    if (fixedPatterns.size >= 1000) fixedPatterns.clear()
    // One pattern for all the names: whole words, any case, any white space between words.
    fixed = {names: phrasePattern(names, '(?<![\\p{L}\\p{N}])')}
    fixedPatterns.set(key, fixed)
  }
  return fixed
}

function phrasePattern(phrases: readonly string[], before: string): RegExp {
  const bodies = phrases
    .map((phrase) => phrase.replaceAll('’', "'").trim().split(/\s+/).filter(Boolean).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'))
    .filter(Boolean)
  return bodies.length === 0 ? /(?!)/ : new RegExp(`${before}(?:${bodies.join('|')})(?![\\p{L}\\p{N}])`, 'iu')
}

function isFixedWording(node: Sentence, fixed: FixedWording): boolean {
  const text = toString(node).replaceAll('’', "'")
  return fixed.names.test(text) || isDisclaimer(text) || isBylineOrFooter(text)
}

/** One sentence: what makes it hard, naming the words, and what to do. */
function reasonOf(difficulty: SentenceDifficulty, options: HardSentenceOptions): string {
  const words = difficulty.named.map((word) => `“${word.text}”`)
  const named = words.length === 0 ? '' : `${listOf(words)} ${words.length === 1 ? 'is a word' : 'are words'} many patients do not know`
  if (difficulty.long) {
    const length = `This sentence has ${difficulty.words} words, ${difficulty.veryLong ? 'far ' : ''}more than the ${options.maxWords} that NHS guidance suggests`
    return named ? `${length}, and ${named}. Split it, and use everyday words.` : `${length}. Split it into shorter sentences.`
  }
  const line = difficulty.words <= options.shortLineWords ? 'line' : 'sentence'
  return `This ${line} is hard to read: ${named}. ${words.length === 1 ? 'Use an everyday word, or explain it.' : 'Use everyday words, or explain them.'}`
}

function listOf(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}
