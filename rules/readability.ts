// readability: the article as a whole is written for the reading age patients have.
//
// Why: the NHS content guide aims for a reading age of 9 to 11 (the Patient Information Forum
// backs it), and says that where medical information makes that hard, 11 to 14 is the aim. The
// reading age is given as a band from two instruments, Flesch–Kincaid and SMOG (each a US grade
// + 5): they weigh different things (sentence length; long words), a few medicine names raise
// SMOG alone, and one number would hide how much they disagree. The article is above an age when
// the whole band is: above the aim (11) it is a note (info) — many pages cannot get lower without
// losing words patients need; above 14, the top of the NHS range, a warning. There is no
// published threshold for "not fit to publish", so an error is only given where a team sets one
// (`errorAge`). The message names the instruments and points at the hardest sentences (by the
// hard-sentence judgement), where a rewrite pays off first.
// Turn it off: for content written for clinicians rather than patients.
import {defineRule} from '../src/rule-kit/rule.js'
import type {RuleContext} from '../src/rule-kit/rule.js'
import type {ScoredSentence} from '../src/pipeline/score.js'
import {readingAgeBand} from '../src/rule-kit/readability.js'
import type {ReadingAgeBand} from '../src/rule-kit/readability.js'
import {assessSentence} from '../src/words/difficulty.js'
import hardSentence, {judgingOptions} from './hard-sentence.js'
import type {HardSentenceOptions} from './hard-sentence.js'

export interface ReadabilityOptions extends Record<string, unknown> {
  /** The top of the aim, in years (UK reading age): above it, a note. */
  targetAge: number
  /** Above this reading age, a warning. */
  warnAge: number
  /** Above this reading age, an error; none unless a team sets one. */
  errorAge?: number
}

const header = '---\ntitle: Placeholder\n---\n\n'

// Seed-article wording, in short everyday sentences.
const plain = header + 'Back pain is common. It often gets better on its own. Keep moving if you can. Ask your GP if it does not get better.\n'

// Plain NHS-style wording that names the medicines a patient needs.
const medicines = header + 'Take paracetamol or ibuprofen to ease the pain. You can buy them from a pharmacy. Do not give aspirin to children under 16.\n'

// Sentences of the seed article, one a line.
const seed = header +
  'Most back pain can be assessed without examination in an initial remote consultation.\n' +
  'Lower back pain is one of the most common reasons adults seek GP advice.\n' +
  'In most cases, back pain improves with time and conservative management.\n'

// Long sentences of long words.
const dense = header +
  'Investigations such as imaging may be considered if inflammatory or underlying conditions are suspected.\n' +
  'Physiotherapy focuses on improving spinal mobility, rebuilding strength, and addressing movement patterns that contribute to repeated flare ups.\n'

export default defineRule<ReadabilityOptions>({
  id: 'readability',
  description: 'The article\'s reading age (a band from Flesch–Kincaid and SMOG) is within the NHS aim of 9 to 11 (a note above it) and not above 14 (a warning).',
  rationale: 'The NHS content guide aims for a reading age of 9 to 11, and 11 to 14 where medical information makes that hard; patients who cannot follow an article cannot act on it. Turn it off only for content written for clinicians.',
  severity: 'warning',
  requires: 'tree',
  englishOnly: true,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      targetAge: {type: 'number', minimum: 5, maximum: 25, description: 'The top of the aim (NHS content guide and Patient Information Forum: 9 to 11); above it, a note.'},
      warnAge: {type: 'number', minimum: 5, maximum: 25, description: 'Above this reading age, a warning (NHS content guide: 11 to 14 where medical information makes 9 to 11 hard).'},
      errorAge: {type: 'number', minimum: 5, maximum: 30, description: 'Above this reading age, an error. No published guidance gives one; set it for your own publishing policy.'}
    }
  },
  defaults: {targetAge: 11, warnAge: 14},
  examples: {
    valid: [
      {name: 'short sentences and everyday words', input: plain},
      {name: 'plain sentences that name medicines', input: medicines},
      {name: 'an article with no prose', input: header + '```\ncode only\n```\n'},
      {name: 'a harder passage under a raised aim', input: seed, options: {targetAge: 14}}
    ],
    invalid: [
      {
        name: 'above the aim',
        input: seed,
        severity: 'info',
        messages: ['5:1: The reading age of this article is 14–16 (Flesch–Kincaid grade 8.9, SMOG grade 10.5), above the NHS aim of 9 to 11. Start with its hardest sentences, on lines 5, 7 and 6: use shorter sentences and everyday words.']
      },
      {
        name: 'well above the aim',
        input: dense,
        messages: ['5:1: The reading age of this article is 23–24 (Flesch–Kincaid grade 17.9, SMOG grade 18.8), well above the NHS aim of 9 to 11 and above 14. Start with its hardest sentences, on lines 5 and 6: use shorter sentences and everyday words.']
      },
      {
        name: 'above a maximum the team set',
        input: dense,
        options: {errorAge: 18},
        severity: 'error',
        messages: ['5:1: The reading age of this article is 23–24 (Flesch–Kincaid grade 17.9, SMOG grade 18.8), above the maximum of 18 set for this project. Rewrite it before publishing: start with its hardest sentences, on lines 5 and 6, and use shorter sentences and everyday words.']
      }
    ]
  },
  reportData: (options) => ({readabilityTarget: options.targetAge}),
  check
})

function check(context: RuleContext<ReadabilityOptions>): void {
  const {file, options, tree} = context
  const scores = file.data.readability
  if (!scores) return
  const band = readingAgeBand(scores)
  const age = bandText(band)
  const lines = hardestLines(file.data.sentences ?? [], context.frontmatter?.data)
  const which = lines.length === 1 ? 'sentence, on line' : 'sentences, on lines'
  const start = tree.children[0]?.position?.start ?? {line: 1, column: 1}
  const place = {line: start.line, column: start.column}
  const extra = {actual: String(band.low), note: `Flesch–Kincaid reading age ${band.instruments.find((item) => item.name === 'Flesch–Kincaid')!.age.toFixed(1)}, SMOG reading age ${band.instruments.find((item) => item.name === 'SMOG')!.age.toFixed(1)}.`}
  // Only what the whole band says: where the instruments disagree, the lower one decides.
  if (options.errorAge !== undefined && band.low > options.errorAge) {
    const where = lines.length > 0 ? `start with its hardest ${which} ${listOf(lines)}, and use shorter sentences and everyday words` : 'use shorter sentences and everyday words'
    context.report(`${age}, above the maximum of ${options.errorAge} set for this project. Rewrite it before publishing: ${where}.`, place, {...extra, severity: 'error', expected: [String(options.errorAge)]})
    return
  }
  const where = lines.length > 0 ? ` Start with its hardest ${which} ${listOf(lines)}: use shorter sentences and everyday words.` : ''
  if (band.low > options.warnAge) {
    context.report(`${age}, well above the NHS aim of 9 to ${options.targetAge} and above ${options.warnAge}.${where}`, place, {...extra, expected: [String(options.warnAge)]})
  } else if (band.low > options.targetAge) {
    context.report(`${age}, above the NHS aim of 9 to ${options.targetAge}.${where}`, place, {...extra, severity: 'info', expected: [String(options.targetAge)]})
  }
}

/** "The reading age of this article is 12–14 (Flesch–Kincaid grade 7.1, SMOG grade 9.0)". */
export function bandText(band: ReadingAgeBand): string {
  const ages = band.low === band.high ? String(band.low) : `${band.low}–${band.high}`
  const grades = [...band.instruments].sort((a, b) => a.name.localeCompare(b.name)).map((item) => `${item.name} grade ${item.grade.toFixed(1)}`)
  return `The reading age of this article is ${ages} (${grades.join(', ')})`
}

/**
 * The lines of the three hardest sentences (distinct lines), hardest first: the sentences
 * hard-sentence would report, by the weight of their unfamiliar words and their length beyond
 * 20 words, then any other by its Flesch–Kincaid grade; the earliest first on a tie.
 */
function hardestLines(sentences: readonly ScoredSentence[], data: Record<string, unknown> | undefined): number[] {
  const judging = judgingOptions(hardSentence.defaults as HardSentenceOptions, data)
  const candidates = sentences.map((sentence, index) => {
    const difficulty = assessSentence(sentence, judging)
    const weight = difficulty.unfamiliar.reduce((sum, word) => sum + word.weight, 0)
    const grade = 0.39 * sentence.words + 11.8 * (sentence.syllables / sentence.words) - 15.59
    return {index, line: sentence.node.position?.start.line ?? 0, hard: difficulty.hard, score: weight + Math.max(0, sentence.words - judging.maxWords) / 5, grade}
  })
  candidates.sort((a, b) => Number(b.hard) - Number(a.hard) || b.score - a.score || b.grade - a.grade || a.index - b.index)
  const lines: number[] = []
  for (const {line} of candidates) {
    if (line > 0 && !lines.includes(line)) lines.push(line)
    if (lines.length === 3) break
  }
  return lines
}

function listOf(items: readonly number[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}
