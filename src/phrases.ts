// Phrase matching for the health-content rules: the configurable vocabularies (red-flag terms,
// urgent actions, disclaimer phrasings) are plain phrases, so clinicians can extend them in the
// config without writing regular expressions.
const patterns = new Map<string, RegExp>()

/**
 * The first of `phrases` that occurs in `text` as whole words, in any letter case, with any
 * whitespace between its words and either kind of apostrophe ("A&E" matches "a&e", but "999"
 * does not match inside "19990").
 */
export function findPhrase(text: string, phrases: readonly string[]): string | undefined {
  const subject = text.replace(/’/g, "'")
  return phrases.find((phrase) => patternOf(phrase)?.test(subject))
}

function patternOf(phrase: string): RegExp | undefined {
  let pattern = patterns.get(phrase)
  if (!pattern) {
    const words = phrase.replace(/’/g, "'").trim().split(/\s+/).filter(Boolean)
    if (words.length === 0) return undefined
    const body = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+')
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'iu')
    patterns.set(phrase, pattern)
  }
  return pattern
}

/** Quote `text` for a message, cut to `length` characters. */
export function quote(text: string, length = 60): string {
  return `"${text.length > length ? text.slice(0, length - 1) + '…' : text}"`
}
