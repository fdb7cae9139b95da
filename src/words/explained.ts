// Medical terms that the text explains, as the NHS content guide asks writers to do: "an
// infection of the middle ear (otitis media)" (a plain term, the medical term in brackets) and
// "otitis media (an infection of the middle ear)" (the medical term, its plain explanation in
// brackets). The words in such brackets, and the words just before brackets that explain them,
// are explained: plain-english does not report them, and hard-sentence does not count them.
// Brackets holding only an abbreviation ("proton pump inhibitors (PPIs)") explain nothing: the
// words before them are still judged, and the abbreviation is the explained one. A term that
// the sentence names as "called …" or "also known as …" ("patches called electrodes",
// "conjunctivitis, also called pink eye") is explained too.
import type {Sentence, Word} from 'nlcst'
import {wordText} from './vocabulary-index.js'

/** How many words before the brackets an explanation covers ("acute otitis media (…)"). */
const termWords = 4

const nothingExplained: ReadonlySet<Word> = new Set()

/** "called" or "as" in any case (lengths first: this is asked of every word). */
function isNamingWord(value: string): boolean {
  return (value.length === 2 || value.length === 6) && /^(?:called|as)$/i.test(value)
}

/** The words of `sentence` that the text explains. */
export function explainedWords(sentence: Sentence): ReadonlySet<Word> {
  const children = sentence.children
  // Most sentences have neither brackets nor "called"/"known as": nothing to explain.
  const worthLooking = children.some((child) => (child.type === 'PunctuationNode' && child.value === '(') || (child.type === 'WordNode' && isNamingWord(wordText(child))))
  if (!worthLooking) return nothingExplained
  const explained = new Set<Word>()
  for (let index = 0; index < children.length; index++) {
    const open = children[index]!
    if (open.type !== 'PunctuationNode' || open.value !== '(') continue
    // The words before the brackets, back to the previous punctuation.
    const before: Word[] = []
    for (let back = index - 1; back >= 0 && before.length < termWords; back--) {
      const child = children[back]!
      if (child.type === 'WordNode') before.unshift(child)
      else if (child.type !== 'WhiteSpaceNode') break
    }
    const inside: Word[] = []
    let close = index + 1
    for (; close < children.length; close++) {
      const child = children[close]!
      if (child.type === 'PunctuationNode' && child.value === ')') break
      if (child.type === 'WordNode') inside.push(child)
    }
    if (before.length === 0 || inside.length === 0 || close === children.length) continue
    for (const word of inside) explained.add(word)
    const onlyAbbreviation = inside.every((word) => /^[\p{Lu}\d&-]+s?$/u.test(wordText(word)))
    if (!onlyAbbreviation) for (const word of before) explained.add(word)
  }
  const words = children.filter((child): child is Word => child.type === 'WordNode')
  for (const [index, word] of words.entries()) {
    const value = wordText(word).toLowerCase()
    const naming = value === 'called' || (value === 'as' && wordText(words[index - 1] ?? word).toLowerCase() === 'known')
    if (!naming) continue
    // The words named after it, up to the next punctuation: "called an EKG or ECG".
    const at = children.indexOf(word)
    let count = 0
    for (let next = at + 1; next < children.length && count < termWords; next++) {
      const child = children[next]!
      if (child.type === 'WordNode') {
        explained.add(child)
        count++
      } else if (child.type !== 'WhiteSpaceNode') break
    }
    // "X, also called Y": X is the term being explained.
    const also = wordText(words[index - (value === 'as' ? 2 : 1)] ?? word).toLowerCase() === 'also'
    if (also) {
      let back = children.indexOf(words[index - (value === 'as' ? 2 : 1)]!) - 1
      while (back >= 0 && children[back]!.type === 'WhiteSpaceNode') back--
      if (children[back]?.type === 'PunctuationNode') back--
      for (let taken = 0; back >= 0 && taken < termWords; back--) {
        const child = children[back]!
        if (child.type === 'WordNode') {
          explained.add(child)
          taken++
        } else if (child.type !== 'WhiteSpaceNode') break
      }
    }
  }
  return explained
}
