// Phrase matching for the health-content rules: the configurable vocabularies (red-flag terms,
// urgent actions, disclaimer phrasings) are plain phrases, so clinicians can extend them in the
// config without writing regular expressions. Each list is compiled once into one pattern (an
// alternation, longest phrase first), so matching a text against a list of a hundred phrases is
// one regular-expression scan, not a hundred.
const lists = new WeakMap<readonly string[], RegExp | null>()
const unions = new WeakMap<readonly string[], WeakMap<readonly string[], readonly string[]>>()

/**
 * Where the longest of `phrases` that starts first occurs in `text` (whole words, any letter
 * case), or undefined. One compiled scan per list.
 */
export function matchPhrases(text: string, phrases: readonly string[], from = 0): {index: number; text: string} | undefined {
  const pattern = listPattern(phrases)
  if (!pattern) return undefined
  pattern.lastIndex = from
  const match = pattern.exec(text.replace(/’/g, "'"))
  return match ? {index: match.index, text: match[0]} : undefined
}

/** Whether any of `phrases` occurs in `text` as whole words. */
export function hasPhrase(text: string, phrases: readonly string[]): boolean {
  return matchPhrases(text, phrases) !== undefined
}

/** Every occurrence of `phrases` in `text`, left to right, without overlaps. */
export function allPhrases(text: string, phrases: readonly string[]): Array<{index: number; text: string}> {
  const pattern = listPattern(phrases)
  if (!pattern) return []
  const subject = text.replace(/’/g, "'")
  const found: Array<{index: number; text: string}> = []
  pattern.lastIndex = 0
  for (let match = pattern.exec(subject); match; match = pattern.exec(subject)) {
    found.push({index: match.index, text: match[0]})
    if (match[0] === '') pattern.lastIndex++
  }
  return found
}

/** The one of `phrases` that `text` begins with (the longest), as written there, or undefined. */
export function phraseAt(text: string, phrases: readonly string[]): string | undefined {
  let pattern = stickyLists.get(phrases)
  if (pattern === undefined) {
    const list = listPattern(phrases)
    pattern = list ? new RegExp(list.source, 'iuy') : null
    stickyLists.set(phrases, pattern)
  }
  if (!pattern) return undefined
  pattern.lastIndex = 0
  return pattern.exec(text.replace(/’/g, "'"))?.[0]
}

const stickyLists = new WeakMap<readonly string[], RegExp | null>()

/**
 * The built-in `defaults` with `configured` added (a configured list extends the defaults, it
 * never replaces them), the same array for the same two lists so that its pattern is compiled once.
 */
export function extend(defaults: readonly string[], configured: readonly string[] | undefined): readonly string[] {
  if (!configured || configured === defaults || configured.length === 0) return defaults
  let byConfigured = unions.get(defaults)
  if (!byConfigured) unions.set(defaults, (byConfigured = new WeakMap()))
  let union = byConfigured.get(configured)
  if (!union) {
    const seen = new Set(defaults.map((phrase) => phrase.toLowerCase()))
    union = [...defaults, ...configured.filter((phrase) => !seen.has(phrase.toLowerCase()))]
    byConfigured.set(configured, union)
  }
  return union
}

function listPattern(phrases: readonly string[]): RegExp | undefined {
  let pattern = lists.get(phrases)
  if (pattern === undefined) {
    const bodies = phrases.map(bodyOf).filter((body): body is string => body !== undefined).sort((a, b) => b.length - a.length)
    pattern = bodies.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}])(?:${bodies.join('|')})(?![\\p{L}\\p{N}])`, 'giu')
    lists.set(phrases, pattern)
  }
  return pattern ?? undefined
}

function bodyOf(phrase: string): string | undefined {
  const words = phrase.replace(/’/g, "'").trim().split(/\s+/).filter(Boolean)
  if (words.length === 0) return undefined
  return words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/-/g, '[-‑– ]?')).join('[\\s-]+')
}

/** Quote `text` for a message, cut to `length` characters. */
export function quote(text: string, length = 60): string {
  return `"${text.length > length ? text.slice(0, length - 1) + '…' : text}"`
}

/**
 * The sentences of `text`: split after ".", "!" or "?" followed by a space and a capital, digit
 * or quote, but not after a title or an initial ("Dr.", "A."), so "Dr. A. Obi reviewed it." is
 * one sentence.
 */
export function sentencesOf(text: string): string[] {
  const sentences: string[] = []
  let start = 0
  const boundary = /[.!?]+["'”’)]*\s+(?=["'“‘(]?[\p{Lu}\p{N}])/gu
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    const before = text.slice(Math.max(0, match.index - 6), match.index)
    if (/(?:^|[\s(])(?:Dr|Mr|Mrs|Ms|Prof|St|Mx|e\.g|i\.e|etc|vs|approx|no|tel|[\p{Lu}])$/iu.test(before) && text[match.index] === '.') continue
    sentences.push(text.slice(start, match.index + match[0].length).trim())
    start = match.index + match[0].length
  }
  const last = text.slice(start).trim()
  if (last) sentences.push(last)
  return sentences
}
