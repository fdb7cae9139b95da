// Sections: an article's body split at its headings. Rules use them to find the red flags or
// "when to seek review" section; the build uses them for the bundle's `sections`, `redFlags`
// and `seekReview`. One definition, so lint and publish can never disagree about a section.
import type {Heading, List, Nodes, Root, RootContent} from 'mdast'

export interface Section {
  /** The heading that opens the section (undefined for the text before the first heading). */
  heading: Heading | undefined
  /** The heading's plain text, whitespace collapsed. */
  title: string
  depth: number
  /**
   * Everything after the heading up to the next heading of the same or a higher level
   * (so a section contains its subsections).
   */
  children: RootContent[]
}

const comparableCache = new Map<string, string>()

/**
 * `compute`, worked out once per key: several rules and the build ask for the same tree's
 * sections and the same sections' items. The cache holds nothing once the key is garbage.
 */
function oncePer<Key extends object, Value>(compute: (key: Key) => Value): (key: Key) => Value {
  const cache = new WeakMap<Key, Value>()
  return (key) => {
    let value = cache.get(key)
    if (value === undefined) {
      value = compute(key)
      cache.set(key, value)
    }
    return value
  }
}

/** Split the body at every heading. Sections nest: a `##` section includes its `###` ones. */
export const sectionsOf: (tree: Root) => readonly Section[] = oncePer(splitSections)

/** The plain text of a node with its whitespace collapsed. */
export function plainTextOf(node: Nodes): string {
  return normalise(textOf(node))
}

function splitSections(tree: Root): Section[] {
  const sections: Section[] = []
  const nodes = tree.children
  const intro: RootContent[] = []
  let index = 0
  while (index < nodes.length && nodes[index]!.type !== 'heading') intro.push(nodes[index++]!)
  if (intro.length > 0) sections.push({heading: undefined, title: '', depth: 0, children: intro})
  for (let start = index; start < nodes.length; start++) {
    const node = nodes[start]!
    if (node.type !== 'heading') continue
    const children: RootContent[] = []
    for (let next = start + 1; next < nodes.length; next++) {
      const candidate = nodes[next]!
      if (candidate.type === 'heading' && candidate.depth <= node.depth) break
      children.push(candidate)
    }
    sections.push({heading: node, title: plainTextOf(node), depth: node.depth, children})
  }
  return sections
}

/** Collapse whitespace and trim, for comparing heading text. */
export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * Whether a heading's text matches one of `patterns`. A pattern is a plain phrase matched
 * case-insensitively as a whole heading or its beginning ("Red flags" matches "Red flags" and
 * "Red flags for back pain"), ignoring trailing punctuation such as ":".
 */
export function headingMatches(title: string, patterns: readonly string[]): boolean {
  const text = comparable(title)
  return patterns.some((pattern) => {
    const phrase = comparable(pattern)
    return phrase !== '' && (text === phrase || text.startsWith(phrase + ' '))
  })
}

/** The first section whose heading matches `patterns`. */
export function findSection(sections: readonly Section[], patterns: readonly string[]): Section | undefined {
  return sections.find((section) => section.heading && headingMatches(section.title, patterns))
}

/**
 * What an article has of a section it must have (`patterns` name its heading): one with
 * something under it, only headings with nothing under them (`section` is the first), or none.
 */
export type RequiredSection = {found: 'content'} | {found: 'empty'; section: Section} | {found: 'none'}

export function requiredSection(tree: Root, patterns: readonly string[]): RequiredSection {
  const sections = findSections(sectionsOf(tree), patterns)
  if (sections.some((section) => itemsOf(section).length > 0)) return {found: 'content'}
  return sections[0] ? {found: 'empty', section: sections[0]} : {found: 'none'}
}

/** Every section whose heading matches `patterns`, in order. */
export function findSections(sections: readonly Section[], patterns: readonly string[]): Section[] {
  return sections.filter((section) => section.heading && headingMatches(section.title, patterns))
}

/**
 * The items a section lists, as plain text, in order: the items of its lists, or, when it has
 * no list, its paragraphs.
 */
export const itemsOf: (section: Section) => readonly string[] = oncePer((section) => itemNodesOf(section).map((node) => plainTextOf(node)).filter(Boolean))

/**
 * The nodes of a section's items, in order: the items of its lists, or, when it has no list, its
 * paragraphs. (The bundle takes each item's text from the published HTML of these nodes.)
 */
export const itemNodesOf: (section: Section) => readonly RootContent[] = oncePer(listItemNodes)

function listItemNodes(section: Section): RootContent[] {
  const lists = section.children.filter((node): node is List => node.type === 'list')
  if (lists.length > 0) return lists.flatMap((list) => list.children)
  return section.children.filter((node) => node.type === 'paragraph')
}

// Containers whose children are separate blocks: their texts are joined with a line break, so
// that "- Chest pain" followed by a nested "- Fever" never reads as "Chest painFever".
const blocks = new Set(['root', 'blockquote', 'list', 'listItem', 'table', 'tableRow', 'tableCell', 'footnoteDefinition'])

/**
 * The plain text of a node, like `mdast-util-to-string` but with blocks kept apart by line
 * breaks (`normalise` turns them into spaces).
 */
export function textOf(node: Nodes): string {
  if ('value' in node) return node.value
  if (node.type === 'break') return '\n'
  if ('children' in node) return node.children.map((child) => textOf(child)).join(blocks.has(node.type) ? '\n' : '')
  return 'alt' in node && typeof node.alt === 'string' ? node.alt : ''
}

function comparable(text: string): string {
  let result = comparableCache.get(text)
  if (result === undefined) {
    result = normalise(text)
      .toLowerCase()
      .replace(/[’']/g, "'")
      .replace(/[:.!?\s]+$/, '')
    // Headings and configured phrases repeat across articles; bounded for a huge run.
    if (comparableCache.size >= 10_000) comparableCache.clear()
    comparableCache.set(text, result)
  }
  return result
}

/**
 * Headings that open the red flags and "when to seek review" sections, when the configuration
 * of the rules that require them names none. The one list both those rules and the build use.
 */
export const defaultRedFlagHeadings: readonly string[] = ['Red flags', 'Red flag symptoms', 'Urgent advice', 'Get urgent medical help', 'Call 999 or go to A&E if']
export const defaultSeekReviewHeadings: readonly string[] = ['When to seek GP review', 'When to see a GP', 'See a GP if']
