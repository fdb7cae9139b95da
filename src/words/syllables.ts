// Syllables as a reader says them, for the readability formulas. In order:
//
// 1. numbers as read aloud ("16" sixteen: 2, "2.5" two point five: 3, "111" one one one: 3 —
//    three-digit numbers made of one repeated digit are UK phone numbers; "1st" first: 1);
// 2. acronyms as spelled ("GP" 2, "NHS" 3, "COPD" 4), unless the dictionary has them as a word
//    ("AIDS") or they read as one ("COVID": four or more letters with two or more vowels);
//    SMOG's own counting rules say to count numbers and abbreviations as they are read;
// 3. the curated medical lexicon (`rules/data/syllables-medical.json`): words the CMU
//    pronouncing dictionary lacks, counted by hand ("paracetamol" 5);
// 4. the CMU pronouncing dictionary, through the syllable table (see `tables.ts`) —
//    under the word's own spelling, then its American spelling ("anaemia" as "anemia");
// 5. the `syllable` package's estimate for anything else.
//
// Hyphenated words are the sum of their parts ("co-codamol", "long-term"). The table and the
// lexicon load on the first count, not at start-up: a run that finds everything cached never
// reads them.
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {syllable} from 'syllable'
import {packageRoot} from '../config/package-files.js'
import {americanSpelling} from './spelling.js'
import {syllableTablePath} from './tables.js'

let table: Map<string, number> | undefined
let abbreviations: Map<string, number> | undefined

function lookUp(): Map<string, number> {
  if (table) return table
  const loaded = new Map<string, number>()
  for (const line of readFileSync(syllableTablePath, 'utf8').split('\n')) {
    const [count, ...words] = line.split(' ')
    for (const word of words) loaded.set(word, Number(count))
  }
  const medical = JSON.parse(readFileSync(join(packageRoot, 'rules', 'data', 'syllables-medical.json'), 'utf8')) as {words: Record<string, number>; abbreviations: Record<string, number>}
  for (const [word, count] of Object.entries(medical.words)) loaded.set(word, count)
  table = loaded
  abbreviations = new Map(Object.entries(medical.abbreviations))
  return loaded
}

const cache = new Map<string, number>()
const cacheLimit = 50_000

/** Syllables of digits read one by one ("960" nine six oh), as the later groups of a phone number are. */
export function countDigits(value: string): number {
  return /^\d+$/.test(value) ? digitByDigit(value) : countSyllables(value)
}

/** Whether a word is a phone number's first group ("01632", "0300"), after which groups of digits are read digit by digit. */
export function isPhoneNumberStart(value: string): boolean {
  return /^0\d{3,}$/.test(value)
}

/** Syllables in one word as written (a word of the natural-language tree: "16.", "GP", "don't"). */
export function countSyllables(value: string): number {
  let count = cache.get(value)
  if (count === undefined) {
    if (cache.size >= cacheLimit) cache.clear()
    count = countUncached(value)
    cache.set(value, count)
  }
  return count
}

function countUncached(value: string): number {
  // The full stop of an abbreviation or of a number that ends a sentence ("16.", "approx.") is
  // not read; curly apostrophes are the straight ones of the dictionary.
  const word = value.replace(/^[.'’]+|[.'’]+$/g, '').replaceAll('’', "'")
  if (word === '') return 0
  lookUp()
  // Abbreviations as read aloud ("Dr." doctor, "ml" millilitres); only as written in lower
  // case or with a capital, so "ML" or "NO" in capitals are not taken for them.
  const abbreviation = /^\p{Lu}?[\p{Ll}.]*$/u.test(word) ? abbreviations!.get(word.toLowerCase()) : undefined
  if (abbreviation !== undefined) return abbreviation
  // A range of numbers is read with "to": "1-3" one to three.
  const range = /^(\d[\d,.]*)[-‐‑–](\d[\d,.]*)$/.exec(word)
  if (range) return countPart(range[1]!) + 1 + countPart(range[2]!)
  const parts = word.split(/[-‐‑–/]+/).filter(Boolean)
  if (parts.length > 1) return parts.reduce((sum, part) => sum + countPart(part), 0)
  return countPart(word)
}

function countPart(part: string): number {
  const time = /^(\d{1,2})(?:[.:](\d\d))?\s*([ap]\.?m\.?)$/i.exec(part)
  if (time) return wholeSyllables(Number(time[1])) + (time[2] === undefined || time[2] === '00' ? 0 : minuteSyllables(time[2])) + 2 // "nine thirty a m"
  const number = /^(\d[\d,]*)(?:\.(\d+))?([a-z]*)$/i.exec(part)
  if (number) return numberSyllables(number[1]!.replaceAll(',', ''), number[2], number[3]!.toLowerCase())
  const caseless = part.toLowerCase()
  const known = lookUp()
  // Letters with an ampersand or digits are spelled out: "A&E" (A and E), "EXT1" (E X T one).
  if (/^[A-Z](?:&[A-Z])+$/.test(part)) return spelledSyllables(part.replaceAll('&', '')) + (part.match(/&/g)?.length ?? 0)
  const coded = /^([A-Z]{2,})(\d+)$/.exec(part)
  if (coded) return spelledSyllables(coded[1]!) + digitByDigit(coded[2]!)
  // A word ending in an acronym: "AccessGP" is "Access" and "GP".
  const suffixed = /^(\p{Lu}\p{Ll}+)(\p{Lu}{2,})$/u.exec(part)
  if (suffixed) return countPart(suffixed[1]!) + countPart(suffixed[2]!)
  if (/^[A-Z]{2,}s?$/.test(part) && !isReadAsWord(part, known)) return spelledSyllables(part)
  if (/\./.test(part)) return part.split('.').filter(Boolean).reduce((sum, piece) => sum + countPart(piece), 0) // e.g.
  return known.get(caseless) ?? known.get(americanSpelling(caseless)) ?? (syllable(americanSpelling(caseless)) || 1)
}

// Acronyms: the dictionary's reading when it has one (AIDS, NICE, HIV spelled), else a reading
// as a word when it looks like one (COVID, NATO), else letter by letter.
function isReadAsWord(part: string, known: Map<string, number>): boolean {
  const letters = part.replace(/s$/, '') // "GPs" is the plural of "GP", not a word "gps"
  if (letters.length === 2) return false // "US", "AE", "OK": always letters
  if (known.has(letters.toLowerCase())) return true
  return letters.length >= 4 && (letters.match(/[AEIOU]/g)?.length ?? 0) >= 2
}

/** Letters read one by one: each is one syllable, but W ("double-u") is three. */
function spelledSyllables(part: string): number {
  const letters = /[A-Z]s$/.test(part) ? part.slice(0, -1) : part // "GPs" is "GP"s
  let count = 0
  for (const letter of letters) count += letter === 'W' ? 3 : 1
  return count
}

// Syllables of number words: 0–19, then the tens.
const units = [1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 3, 1, 2, 2, 2, 2, 3, 2, 2] // zero … nineteen
const tens = [0, 0, 2, 2, 2, 2, 2, 3, 2, 2] // -, -, twenty … ninety
const ordinals = new Set(['st', 'nd', 'rd', 'th'])

/** A whole number (digits), an optional decimal part, an optional suffix ("st", "th", "mg"). */
function numberSyllables(digits: string, decimals: string | undefined, suffix: string): number {
  let count: number
  if (digits.length === 3 && /^(\d)\1\1$/.test(digits) && decimals === undefined && suffix === '') count = 3 // 111, 999
  else if (digits.length > 1 && digits.startsWith('0')) count = digitByDigit(digits) // phone numbers, 07…
  else if (digits.length === 4 && /^(1[1-9]|20)/.test(digits) && decimals === undefined && suffix === '') count = yearSyllables(Number(digits))
  else count = wholeSyllables(Number(digits.slice(-15)))
  if (decimals !== undefined) count += 1 + digitByDigit(decimals) // "point" and each digit
  // An ordinal has the syllables of its number, but "second" has one more than "two", and
  // "twentieth" one more than "twenty".
  if (ordinals.has(suffix)) return count + (/(?:^|[^1])2$/.test(digits) || /[2-9]0$/.test(digits) ? 1 : 0)
  if (suffix !== '') count += countPart(suffix) // "10mg": ten, then "mg" as written
  return count
}

/** Minutes as read in a time: "05" oh five, "30" thirty. */
function minuteSyllables(minutes: string): number {
  return minutes.startsWith('0') ? 1 + units[Number(minutes[1])]! : wholeSyllables(Number(minutes))
}

function digitByDigit(digits: string): number {
  let count = 0
  for (const digit of digits) count += units[Number(digit)]!
  return count
}

/** "nineteen ninety-nine", "twenty twenty-six", "two thousand and five". */
function yearSyllables(year: number): number {
  if (year >= 2000 && year < 2010) return wholeSyllables(year)
  const high = Math.floor(year / 100)
  const low = year % 100
  return wholeSyllables(high) + (low === 0 ? 2 : low < 10 ? 1 + units[low]! : wholeSyllables(low)) // hundred / "oh five"
}

/** British reading: "one hundred and twenty", "two thousand and five". */
function wholeSyllables(value: number): number {
  if (!Number.isFinite(value)) return 1
  if (value < 20) return units[value]!
  if (value < 100) return tens[Math.floor(value / 10)]! + (value % 10 === 0 ? 0 : units[value % 10]!)
  const scales: Array<[number, number]> = [[1e12, 2], [1e9, 2], [1e6, 2], [1e3, 2], [100, 2]] // trillion … hundred
  for (const [size, syllables] of scales) {
    if (value < size) continue
    const rest = value % size
    return wholeSyllables(Math.floor(value / size)) + syllables + (rest === 0 ? 0 : (rest < 100 ? 1 : 0) + wholeSyllables(rest)) // "and"
  }
  return 1
}
