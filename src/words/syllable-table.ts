// The syllable table: the words whose syllable count in the CMU pronouncing dictionary differs
// from what the `syllable` package (the fallback) says, plus every dictionary word the UK-spelling
// rules would change. About 11,000 of the dictionary's 126,000 words, so the table is small to
// ship and quick to load, and every other dictionary word is counted right by the fallback.
//
// The table is generated from the dictionary (`cmu-pronouncing-dictionary`) and committed as
// `rules/data/syllables-cmu.txt`: `node build/src/words/syllable-table.js --write` rewrites it,
// and a test fails when it is out of date (a new `syllable` or dictionary release). Lines are
// `COUNT word word …`, one per count, words in code-point order.
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {syllable} from 'syllable'
import {packageRoot} from '../paths.js'
import {americanSpelling} from './spelling.js'

export const syllableTablePath = join(packageRoot, 'rules', 'data', 'syllables-cmu.txt')

/** A dictionary entry's syllables: its vowels, which carry a stress digit. */
export function syllablesOfPronunciation(phones: string): number {
  return phones.split('#')[0]!.match(/[012]/g)?.length ?? 0
}

/**
 * The table's text from the dictionary. A word's count is its first pronunciation's (the
 * dictionary lists the commonest first: "every" EH1 V ER0 IY0 before EH1 V R IY0).
 */
export async function syllableTableText(): Promise<string> {
  const {dictionary} = await import('cmu-pronouncing-dictionary')
  const counts = new Map<string, number>()
  for (const [key, phones] of Object.entries(dictionary)) {
    // Alternative pronunciations are "word(2)"; entries like "'em" or "a." are not words as written.
    if (/\(\d+\)$/.test(key) || !/^[a-z][a-z'-]*$/.test(key)) continue
    counts.set(key, syllablesOfPronunciation(phones))
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

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const text = await syllableTableText()
  if (process.argv.includes('--write')) writeFileSync(syllableTablePath, text)
  else process.stdout.write(text)
}
