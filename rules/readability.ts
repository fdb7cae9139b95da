// readability: the article as a whole is written for the target reading age.
//
// Why: UK patient information is written for a reading age of 9 to 11 (NHS content guidance,
// Patient Information Forum), and the NHS measures it with SMOG: an article with a SMOG grade
// over 14 is a priority for a rewrite. The reading age here is the SMOG grade + 5 (see the
// score stage); a reading age above the target is a warning, and a SMOG grade above the maximum
// is an error whatever this rule's severity, because such an article is not fit to publish.
// The message points at the three hardest sentences, where a rewrite pays off first.
// Turn it off: for content written for clinicians rather than patients.
import {defineRule} from '../src/rule.js'
import type {RuleContext} from '../src/rule.js'
import type {ScoredSentence} from '../src/pipeline/score.js'

export interface ReadabilityOptions extends Record<string, unknown> {
  /** The highest acceptable reading age (UK, in years). */
  targetAge: number
  /** The highest acceptable SMOG grade; above it the article is reported as an error. */
  maxSmogGrade: number
}

const header = '---\ntitle: Placeholder\n---\n\n'

// Seed-article wording, in short everyday sentences.
const plain = header + 'Back pain is common. It often gets better on its own. Keep moving if you can. Ask your GP if it does not get better.\n'

// The seed article's opening paragraph, one sentence a line.
const opening = header +
  'Lower back pain is one of the most common reasons adults seek GP advice.\n' +
  'It can range from mild stiffness to more severe pain that affects movement, sleep, or work.\n' +
  'In most cases, back pain improves with time and conservative management.\n'

export default defineRule<ReadabilityOptions>({
  id: 'readability',
  description: 'The article\'s reading age (SMOG grade + 5) is at most the target (default 11); a SMOG grade above 14 is an error.',
  rationale: 'UK patient information is written for a reading age of 9 to 11, and the NHS treats a SMOG grade over 14 as a priority for rewriting. Patients who cannot follow an article cannot act on it. Turn it off only for content written for clinicians.',
  severity: 'warning',
  requires: 'tree',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      targetAge: {type: 'number', minimum: 5, maximum: 25},
      maxSmogGrade: {type: 'number', minimum: 1, maximum: 30}
    }
  },
  defaults: {targetAge: 11, maxSmogGrade: 14},
  examples: {
    valid: [
      {name: 'short sentences and everyday words', input: plain},
      {name: 'an article with no prose', input: header + '```\ncode only\n```\n'},
      {name: 'a harder passage under a raised target', input: opening, options: {targetAge: 13}}
    ],
    invalid: [
      {
        name: 'long sentences and long words',
        input: opening,
        messages: ['5:1: The reading age of this article is 13 (SMOG grade 7.8), above the target of 11. Start with its hardest sentences, on lines 7, 6 and 5: use shorter sentences and everyday words.']
      }
    ]
  },
  check
})

function check(context: RuleContext<ReadabilityOptions>): void {
  const {file, options, tree} = context
  file.data.readabilityTarget = options.targetAge
  const scores = file.data.readability
  const sentences = file.data.sentences ?? []
  if (!scores) return
  const age = Math.round(scores.readingAge)
  const grade = scores.smog.toFixed(1)
  const lines = hardestLines(sentences, options.targetAge)
  const where = lines.length > 0 ? ` Start with its hardest ${lines.length === 1 ? 'sentence, on line' : 'sentences, on lines'} ${listOf(lines)}: use shorter sentences and everyday words.` : ''
  const start = tree.children[0]?.position?.start ?? {line: 1, column: 1}
  const place = {line: start.line, column: start.column}
  if (scores.smog > options.maxSmogGrade) {
    context.report(
      `The reading age of this article is ${age} (SMOG grade ${grade}): a SMOG grade above ${options.maxSmogGrade} is a priority for rewriting in NHS guidance, and the target is a reading age of ${options.targetAge}. Rewrite it before publishing.${where}`,
      place,
      {severity: 'error', actual: grade, expected: [String(options.maxSmogGrade)]}
    )
  } else if (age > options.targetAge) {
    context.report(
      `The reading age of this article is ${age} (SMOG grade ${grade}), above the target of ${options.targetAge}.${where}`,
      place,
      {actual: String(age), expected: [String(options.targetAge)]}
    )
  }
}

/**
 * The lines of the three hardest sentences (distinct lines), hardest first: most formulas above the target,
 * then the highest Flesch–Kincaid grade, then the earliest. Sentences too short to judge
 * (under 5 words) count only when there is nothing else.
 */
function hardestLines(sentences: readonly ScoredSentence[], target: number): number[] {
  const long = sentences.filter((sentence) => sentence.words >= 5)
  const candidates = (long.length > 0 ? long : sentences).map((sentence, index) => ({
    index,
    line: sentence.node.position?.start.line ?? 0,
    above: 0,
    grade: 0.39 * sentence.words + 11.8 * (sentence.syllables / sentence.words)
  }))
  candidates.sort((a, b) => b.above - a.above || b.grade - a.grade || a.index - b.index)
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
