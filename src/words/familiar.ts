// Which words a patient knows: the familiar-word judgement of hard-sentence. A word is
//
// - everyday: on the Dale–Chall list of 3,000 words familiar to American fourth-graders
//   (`dale-chall`), among the 3,000 commonest words of spoken English (SUBTLEX-US; see
//   `tables.ts`), or on the list of words patients know (`rules/data/patient-words.json`:
//   common UK medicines, and the everyday words of UK health care such as GP, pharmacy, A&E);
// - known: among the 10,000 commonest words of spoken English;
// - uncommon: among the next 10,000;
// - rare: anything else.
//
// An inflected word counts as its base form: the lists hold "test", "week" and "take", and the
// articles say "tests", "weeks" and "took" (which the Dale–Chall formula itself missed, so it put
// nearly every sentence above the target). The base forms are tried by suffix rules (plurals,
// -ed, -ing, -er, -est, -ly, -ness, -en, possessives; a doubled consonant or a dropped e restored), and UK
// spellings by their American form; a form only counts when the list has it, so a wrong guess
// costs nothing. Hyphenated words are as familiar as their least familiar part; a word made of
// two everyday words ("sunglasses"), or of one and a common prefix ("overuse"), is everyday.
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {packageRoot} from '../config/package-files.js'
import {americanSpelling} from './spelling.js'
import {frequentWordsPath} from './tables.js'

export type Familiarity = 'everyday' | 'known' | 'uncommon' | 'rare'

interface Lists {
  everyday: Set<string>
  known: Set<string>
  uncommon: Set<string>
}

let lists: Lists | undefined

/** The words patients know (`rules/data/patient-words.json`), by list. */
export function patientWords(): {medicines: readonly string[]; everyday: readonly string[]} {
  return JSON.parse(readFileSync(join(packageRoot, 'rules', 'data', 'patient-words.json'), 'utf8')) as {medicines: string[]; everyday: string[]}
}

function load(): Lists {
  if (lists) return lists
  // The word lists, from the table generated from `dale-chall` and SUBTLEX-US (see tables.ts).
  const [daleChall = '', common = '', known = '', uncommon = ''] = readFileSync(frequentWordsPath, 'utf8').split('\n')
  const patient = patientWords()
  lists = {
    everyday: new Set([...daleChall.split(' '), ...common.split(' '), ...patient.medicines, ...patient.everyday]),
    known: new Set(known.split(' ')),
    uncommon: new Set(uncommon.split(' '))
  }
  return lists
}

/**
 * How familiar a word is (lower case, as written: "tests", "anaemia", "long-term"); `extra`
 * holds more everyday words (a rule's `allowedTerms`, the article's title).
 */
export function familiarityOf(caseless: string, extra: ReadonlySet<string> = noWords): Familiarity {
  const whole = caseless.replaceAll('’', "'")
  if (extra.size === 0) {
    // Most words of an article, and of a run, repeat: each is judged once (a bounded cache).
    let familiarity = judged.get(whole)
    if (familiarity === undefined) {
      if (judged.size >= judgedLimit) judged.clear()
      familiarity = judge(whole, extra)
      judged.set(whole, familiarity)
    }
    return familiarity
  }
  return judge(whole, extra)
}

const noWords: ReadonlySet<string> = new Set()
const judged = new Map<string, Familiarity>()
const judgedLimit = 50_000

function judge(whole: string, extra: ReadonlySet<string>): Familiarity {
  const {everyday, known, uncommon} = load()
  if (everyday.has(whole) || extra.has(whole)) return 'everyday'
  const parts = whole.split(/[-‐‑]/).filter(Boolean)
  if (parts.length > 1) {
    const grades = parts.map((part) => familiarityOf(part, extra))
    for (const grade of ['rare', 'uncommon', 'known'] as const) if (grades.includes(grade)) return grade
    return 'everyday'
  }
  const forms = baseForms(whole)
  if (forms.some((form) => everyday.has(form) || extra.has(form))) return 'everyday'
  // An everyday word negated keeps its plain meaning ("unexplained", "non-urgent"), whatever its
  // frequency; other compounds count only when the word is on no list: two everyday words
  // ("sunglasses", "heartburn") or an everyday word with a prefix ("overuse", "prediabetes").
  if (forms.some((form) => isNegated(form, everyday, extra))) return 'everyday'
  if (forms.some((form) => known.has(form))) return 'known'
  if (forms.some((form) => uncommon.has(form))) return 'uncommon'
  if (forms.some((form) => isEverydayCompound(form, everyday, extra))) return 'everyday'
  return 'rare'
}

const prefixes = ['un', 're', 'pre', 'non', 'over', 'under', 'out', 'self']

function isNegated(word: string, everyday: ReadonlySet<string>, extra: ReadonlySet<string>): boolean {
  const base = /^(?:un|non)(.{4,})$/.exec(word)?.[1]
  return base !== undefined && baseForms(base).some((form) => everyday.has(form) || extra.has(form))
}

function isEverydayCompound(word: string, everyday: ReadonlySet<string>, extra: ReadonlySet<string>): boolean {
  const isEveryday = (part: string) => baseForms(part).some((form) => everyday.has(form) || extra.has(form))
  for (const prefix of prefixes) if (word.startsWith(prefix) && word.length - prefix.length >= 4 && isEveryday(word.slice(prefix.length))) return true
  for (let cut = 3; cut <= word.length - 3; cut++) {
    if (everyday.has(word.slice(0, cut)) && isEveryday(word.slice(cut))) return true
  }
  return false
}

/** The word and the base forms it may be an inflection of, UK spellings also in American. */
export function baseForms(word: string): string[] {
  const forms = new Set<string>([word])
  const american = americanSpelling(word)
  forms.add(american)
  for (const spelling of [word, american]) for (const form of inflectionBases(spelling)) forms.add(form)
  return [...forms].filter((form) => form.length >= 2)
}

// Suffix rules: the pattern, and the base forms of the stem before it (`stem` is the whole
// word, possessive removed). Made once, not per word.
const undouble = (base: string): string[] => (/([b-df-hj-np-tv-z])\1$/.test(base) ? [base.slice(0, -1)] : [])
const suffixRules: ReadonlyArray<readonly [RegExp, (base: string, stem: string) => string[]]> = [
  [/ies$/, (base) => [base + 'y']],
  [/(?:s|x|z|ch|sh|o)es$/, (_, stem) => [stem.slice(0, -2)]],
  [/[^s]s$/, (_, stem) => [stem.slice(0, -1)]],
  [/ied$/, (base) => [base + 'y']],
  [/ed$/, (base) => [base, base + 'e', ...undouble(base)]],
  [/ing$/, (base) => [base, base + 'e', ...undouble(base)]],
  [/ier$|iest$/, (base) => [base + 'y']],
  [/er$|est$/, (base) => [base, base + 'e', ...undouble(base)]],
  [/iness$/, (base) => [base + 'y']],
  [/ness$/, (base) => [base]],
  [/en(?:s|ed|ing)?$/, (base) => [base, base + 'e', ...undouble(base)]],
  [/ily$/, (base) => [base + 'y']],
  [/[^aeiouy]y$/, (_, stem) => [stem.slice(0, -1), stem.slice(0, -1) + 'e']], // itchy, smoky
  [/ly$/, (base) => [base, base + 'le']]
]

function inflectionBases(word: string): string[] {
  const bases: string[] = []
  let stem = word
  if (/'s$/.test(stem)) bases.push((stem = stem.slice(0, -2)))
  else if (/s'$/.test(stem)) bases.push((stem = stem.slice(0, -1)))
  for (const [pattern, make] of suffixRules) {
    const match = pattern.exec(stem)
    if (match) bases.push(...make(stem.slice(0, match.index), stem))
  }
  return bases
}
