// Words written in capitals: an abbreviation ("COPD", "A&E") or shouting ("DO NOT", "NEVER").
// Shared by `no-all-caps` (which reports the shouting), `expand-abbreviations` and
// `no-prescription-abbreviations` (which leave it alone), so one word is judged one way.
import {daleChall} from 'dale-chall'
import {spache} from 'spache'

// Everyday English words: a word of these written in capitals is emphasis, not an abbreviation.
const familiar = new Set([...daleChall, ...spache].map((word) => word.toLowerCase()))

/** Letters only, all capitals, at least two of them ("NOT", "COPD"; not "A", "Covid", "A&E", "FBN1"). */
export function isCapitalWord(word: string): boolean {
  return word.length >= 2 && /^\p{Lu}+$/u.test(word)
}

/** Whether a word in capitals is an everyday English word ("NOT", "STOP", "WARNING"). */
export function isFamiliarWord(word: string): boolean {
  const lower = word.toLowerCase()
  if (familiar.has(lower)) return true
  // Inflections the lists leave out: "STOPS", "WARNING", "CALLED".
  return [/s$/, /ing$/, /ed$/, /d$/].some((ending) => ending.test(lower) && familiar.has(lower.replace(ending, '')))
}

export interface CapitalRun {
  /** Index of the run's first letter in the text, and just past its last. */
  start: number
  end: number
  words: string[]
}

/**
 * Runs of words written in capitals in `text`: words separated only by spaces or light
 * punctuation ("DO NOT", "CALL 999 NOW").
 */
export function capitalRuns(text: string): CapitalRun[] {
  const runs: CapitalRun[] = []
  // Only words without a lower-case letter or digit are looked at; what lies between two of them
  // says whether they are one run: spaces, or spaces around numbers ("CALL 999 NOW").
  const pattern = /(?<![\p{L}\p{N}&'’-])[\p{Lu}&'’-]+(?![\p{L}\p{N}&'’-])/gu
  let current: CapitalRun | undefined
  for (const match of text.matchAll(pattern)) {
    const word = match[0]
    const start = match.index
    const end = start + word.length
    if (!isCapitalWord(word.replace(/['’]S$/, ''))) {
      current = undefined
      continue
    }
    if (current && /^ +(?:\d+ +)*$/.test(text.slice(current.end, start))) {
      current.words.push(word)
      current.end = end
    } else {
      current = {start, end, words: [word]}
      runs.push(current)
    }
  }
  return runs
}

/**
 * Words writers put in capitals for emphasis. Alone, a word in capitals is far more often an
 * abbreviation, even when it spells a word ("AIDS", "FISH", "CHARGE syndrome", "DASH diet"), so
 * only these count as shouting on their own.
 */
export const emphasisWords: readonly string[] = ['NOT', 'NEVER', 'ALWAYS', 'ONLY', 'MUST', 'DO', "DON'T", 'DON’T', 'STOP', 'NO', 'URGENT', 'URGENTLY', 'IMPORTANT', 'WARNING', 'IMMEDIATELY', 'NOW', 'CAUTION', 'DANGER', 'AVOID', 'VERY']

/**
 * Whether the capital word at `start` is shouting rather than an abbreviation: part of a run of
 * capital words with at least two everyday words in it ("DO NOT", "WHEN TO GET HELP"; not "PET
 * CT"), or one of the `emphasis` words alone ("NEVER"). Words in `allow` are abbreviations
 * whatever they spell ("NICE").
 */
export function isShouting(runs: readonly CapitalRun[], start: number, allow: ReadonlySet<string> = new Set(), emphasis: readonly string[] = emphasisWords): boolean {
  const run = runs.find((candidate) => start >= candidate.start && start < candidate.end)
  if (!run) return false
  const words = run.words.filter((word) => !allow.has(word.replace(/['’]S$/, '')))
  if (words.filter((word) => isFamiliarWord(word)).length >= 2) return true
  return words.length === 1 && run.words.length === 1 && emphasis.includes(words[0]!)
}
