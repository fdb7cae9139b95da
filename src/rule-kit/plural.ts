// Counts in messages and summaries: "1 article", "3 articles".

/** `count` and `word`, with an s unless the count is 1 (every word healthlint counts takes one). */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}
