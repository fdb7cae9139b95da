// Sections: an article read the way an editor reads it. A section opens at any heading-like
// block — a heading below the page title, a wholly bold paragraph (or bold + colon), a callout
// written as a blockquote whose first line is a label, or a lead-in sentence ending in a colon
// ("See a GP if:") followed by a list or table — and what it means comes from its label
// (recognise.ts): a red-flags section, a "when to seek review" section, or neither. Rules use the
// outline to find the safety sections; the build uses it for the bundle's `redFlags` and
// `seekReview`. One definition, so lint and publish can never disagree about a section.
import type {Blockquote, Heading, ListItem, Nodes, Paragraph, Root, RootContent, Table} from 'mdast'
import {sentencesOf} from './phrases.js'
import {alsoRoutine, classifyLabel, isBylineOrFooter, isDisclaimer, isPlaceholder, isRoutineInstruction, isUrgentInstruction, isUrgentRow, namesSymptom, trafficLightOf} from './recognise.js'
import type {SectionKind, SectionVocabulary} from './recognise.js'

export type {SectionKind, SectionVocabulary} from './recognise.js'

/** How a section's label is written. */
export type LabelForm = 'heading' | 'bold' | 'callout' | 'lead-in' | 'sentence' | 'intro'

export interface Section {
  /** The heading that opens the section (only for `form: 'heading'`). */
  heading: Heading | undefined
  /** The block that opens the section: a heading, a paragraph or a blockquote (undefined for the intro). */
  label: RootContent | undefined
  form: LabelForm
  /** The label's plain text, whitespace collapsed ("Urgent advice", "See a GP if:"). */
  title: string
  /**
   * The text of the label's block after the label, when it is content ("**Urgent advice:** Call
   * 999 if you have chest pain." has the rest "Call 999 if you have chest pain.").
   */
  rest: string
  /** Heading level; 7 for a label that is not a heading (below any heading); 0 for the intro. */
  depth: number
  /** The blocks the section contains (a heading's section contains its subsections). */
  children: RootContent[]
}

/** A section with what it means. */
export interface ClassifiedSection {
  section: Section
  kind: SectionKind | undefined
  /** Why: its label, its traffic-light colour, or an instruction in its text. */
  by: 'label' | 'traffic-light' | 'content' | 'instruction' | undefined
}

export interface SectionItem {
  text: string
  /** The block the item is in, for positions. */
  node: Nodes
  placeholder: boolean
}

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

/** Every section of the article, in order of their labels; nested ones included. */
export const sectionsOf: (tree: Root) => readonly Section[] = oncePer(splitSections)

/** The page title: the first heading, when it is a level-1 heading. Never a section. */
export function titleOf(tree: Root): Heading | undefined {
  const first = tree.children.find((node): node is Heading => node.type === 'heading')
  return first?.depth === 1 ? first : undefined
}

/**
 * The plain text of a node with its whitespace collapsed; worked out once per node, since the
 * section layer and several rules read the same paragraphs.
 */
export const plainTextOf: (node: Nodes) => string = oncePer((node: Nodes) => normalise(textOf(node)))

/** Collapse whitespace and trim, for comparing heading text. */
export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function splitSections(tree: Root): Section[] {
  const sections: Section[] = []
  const nodes = tree.children
  const title = titleOf(tree)
  const intro: RootContent[] = []
  let index = 0
  while (index < nodes.length && (nodes[index]!.type !== 'heading' || nodes[index] === title)) {
    if (nodes[index] !== title) intro.push(nodes[index]!)
    index++
  }
  if (intro.length > 0) sections.push({heading: undefined, label: undefined, form: 'intro', title: '', rest: '', depth: 0, children: intro})
  for (let start = index; start < nodes.length; start++) {
    const node = nodes[start]!
    if (node.type !== 'heading' || node === title) continue
    const children: RootContent[] = []
    for (let next = start + 1; next < nodes.length; next++) {
      const candidate = nodes[next]!
      if (candidate.type === 'heading' && candidate.depth <= node.depth) break
      children.push(candidate)
    }
    sections.push({heading: node, label: node, form: 'heading', title: plainTextOf(node), rest: '', depth: node.depth, children})
  }
  scanBlocks(nodes, sections)
  return sections.sort((a, b) => startOf(a) - startOf(b))
}

function startOf(section: Section): number {
  const node = section.label ?? section.children[0]
  return node?.position?.start.offset ?? 0
}

/** Find the labels that are not headings in a sequence of blocks (the body, or a quote's). */
function scanBlocks(nodes: readonly RootContent[], sections: Section[]): void {
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!
    if (node.type === 'blockquote') {
      const callout = calloutOf(node, sections)
      // A callout holding only its label ("> **Red flags:**") labels the blocks after it.
      if (callout && callout.children.length === 0 && (callout.rest === '' || /:$/.test(callout.rest))) callout.children = followers(nodes, index)
      continue
    }
    if (node.type !== 'paragraph') continue
    const label = paragraphLabel(node, nodes[index + 1])
    if (!label) continue
    const children: RootContent[] = []
    if (label.form === 'lead-in') {
      for (let next = index + 1; next < nodes.length && (nodes[next]!.type === 'list' || nodes[next]!.type === 'table'); next++) children.push(nodes[next]!)
    } else {
      children.push(...followers(nodes, index))
    }
    sections.push({heading: undefined, label: node, form: label.form, title: label.title, rest: label.rest, depth: 7, children})
  }
}

/** The blocks after `nodes[index]` up to the next heading, rule or bold label: what a label that is not a heading labels. */
function followers(nodes: readonly RootContent[], index: number): RootContent[] {
  const children: RootContent[] = []
  for (let next = index + 1; next < nodes.length; next++) {
    const candidate = nodes[next]!
    if (candidate.type === 'heading' || candidate.type === 'thematicBreak' || (candidate.type === 'paragraph' && boldLabel(candidate))) break
    if (candidate.type === 'blockquote' && candidate.children[0]?.type === 'paragraph' && boldLabel(candidate.children[0])) break
    children.push(candidate)
  }
  return children
}

/** A paragraph that opens a section: wholly bold, bold + colon, or a lead-in ending in a colon before a list or table. */
function paragraphLabel(paragraph: Paragraph, next: RootContent | undefined): {form: 'bold' | 'lead-in'; title: string; rest: string} | undefined {
  const bold = boldLabel(paragraph)
  if (bold) return {form: 'bold', ...bold}
  if (next?.type !== 'list' && next?.type !== 'table') return undefined
  const text = textOf(paragraph)
  if (!/:\s*$/.test(text)) return undefined
  const lines = text.split('\n').map(normalise).filter(Boolean)
  const sentences = sentencesOf(lines.at(-1) ?? '')
  const title = sentences.at(-1) ?? ''
  return title === '' ? undefined : {form: 'lead-in', title, rest: ''}
}

/** A wholly bold paragraph ("**Red flags**", "**Red flags**:"), or one that opens with a bold label ending in a colon. */
function boldLabel(paragraph: Paragraph): {title: string; rest: string} | undefined {
  const children = paragraph.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''))
  const first = children[0]
  if (!first || (first.type !== 'strong' && !(first.type === 'emphasis' && first.children.length === 1 && first.children[0]!.type === 'strong'))) return undefined
  const label = plainTextOf(first)
  if (label === '' || label.length > 200) return undefined
  const raw = children.slice(1).map((child) => textOf(child)).join('')
  const after = normalise(raw)
  if (after === '' || /^[:.]$/.test(after)) return {title: label + (after === ':' ? ':' : ''), rest: ''}
  // "**Urgent advice**" on a line of its own, the text on the next.
  if (/^[ \t]*:?[ \t]*\n/.test(raw)) return {title: label, rest: after.replace(/^:\s*/, '')}
  if (/:$/.test(label)) return {title: label, rest: after}
  if (/^:\s*\S/.test(after)) return {title: label + ':', rest: after.replace(/^:\s*/, '')}
  return undefined
}

/** A quote read as a callout: its first line (or bold label, or text before a colon) is the label. */
function calloutOf(quote: Blockquote, sections: Section[]): Section | undefined {
  let callout: Section | undefined
  const [first, ...others] = quote.children
  if (first?.type === 'paragraph') {
    const bold = boldLabel(first)
    let title: string
    let rest: string
    if (bold) {
      ;({title, rest} = bold)
    } else {
      const lines = textOf(first).replace(/^\s*\[![A-Za-z]+\]\s*/, '').split('\n').map(normalise).filter(Boolean)
      const line = lines[0] ?? ''
      const colon = /^([^:]{2,60}):\s*(\S.*)$/.exec(line)
      if (lines.length > 1) {
        title = line
        rest = lines.slice(1).join(' ')
        if (colon && !/[.!?]$/.test(colon[1]!)) ({title, rest} = {title: colon[1]! + ':', rest: [colon[2]!, ...lines.slice(1)].join(' ')})
      } else if (colon && colon[1]!.split(' ').length <= 6) {
        title = colon[1]! + ':'
        rest = colon[2]!
      } else {
        title = line
        // A one-line callout that is a whole sentence is its own content.
        rest = /:$/.test(line) || line.split(' ').length <= 8 && !/[.!?]$/.test(line) ? '' : line
      }
    }
    if (title !== '') sections.push((callout = {heading: undefined, label: quote, form: 'callout', title, rest, depth: 7, children: others}))
  }
  scanBlocks(first?.type === 'paragraph' ? others : quote.children, sections)
  return callout
}

/** The outline with meanings, for one vocabulary (cached per tree and vocabulary). */
export function classifiedSectionsOf(tree: Root, vocabulary: SectionVocabulary): readonly ClassifiedSection[] {
  let byTree = classifiedCache.get(tree)
  if (!byTree) classifiedCache.set(tree, (byTree = new Map()))
  let byRed = byTree.get(vocabulary.redFlagHeadings)
  if (!byRed) byTree.set(vocabulary.redFlagHeadings, (byRed = new Map()))
  let classified = byRed.get(vocabulary.seekReviewHeadings)
  if (!classified) {
    classified = classify(tree, sectionsOf(tree), vocabulary)
    byRed.set(vocabulary.seekReviewHeadings, classified)
  }
  return classified
}

const classifiedCache = new WeakMap<Root, Map<readonly string[], Map<readonly string[], ClassifiedSection[]>>>()

function classify(tree: Root, sections: readonly Section[], vocabulary: SectionVocabulary): ClassifiedSection[] {
  const lights = sections.map((section) => (section.form === 'intro' ? undefined : trafficLightOf(section.title)))
  const colours = new Set(lights.filter(Boolean))
  const result = sections.map((section, index): ClassifiedSection => {
    if (section.form === 'intro') return {section, kind: undefined, by: undefined}
    // Traffic lights come in sets: one "Red" heading alone may be about something red.
    const light = colours.size >= 2 ? lights[index] : undefined
    if (light) return {section, kind: light === 'red' ? 'red-flags' : light === 'amber' ? 'seek-review' : undefined, by: 'traffic-light'}
    const evidence = section.rest && section.form !== 'heading' ? `${section.title} ${section.rest}` : section.title
    let kind = classifyLabel(section.title, vocabulary)
    if (kind === undefined && evidence !== section.title) kind = classifyLabel(evidence, vocabulary)
    // "Urgent advice: ... or NHS 111 if:" is urgent even though its lead-in also names a GP.
    if (kind === 'seek-review' && evidence !== section.title && classifyLabel(evidence, vocabulary) === 'red-flags' && !/non[-‑ ]?urgent/i.test(section.title)) kind = 'red-flags'
    return {section, kind, by: kind ? 'label' : undefined}
  })
  // A label that sends the reader to both kinds of service ("See your doctor or visit an urgent
  // care center if:") means what the section around it means.
  for (const entry of result) {
    if (entry.kind !== 'red-flags' || entry.by !== 'label' || entry.section.form === 'heading' || !alsoRoutine(`${entry.section.title} ${entry.section.rest}`)) continue
    const parent = enclosing(entry, result)
    if (parent?.kind) entry.kind = parent.kind
  }
  // A heading whose label says nothing, over text that tells the reader to get urgent help on a
  // condition ("What to do in an asthma attack" … "If you do not feel better, call 999").
  for (const entry of result) {
    if (entry.kind !== undefined || entry.section.form !== 'heading') continue
    if (hasUrgentInstruction(entry, result) || ownRows(entry, result).some(isUrgentRow)) {
      entry.kind = 'red-flags'
      entry.by = 'content'
    }
  }
  return [...result, ...instructionsOf(tree, result)].sort((a, b) => startOf(a.section) - startOf(b.section))
}

/**
 * Sentences outside the safety sections that are one on their own: a symptom, an action and an
 * urgent service ("Call 999 or go to A&E if your child is struggling to breathe"), or a
 * condition about how symptoms go with an action and a routine service ("Speak to a pharmacist
 * if your symptoms are troubling you"). Each is a section of one sentence.
 */
function instructionsOf(tree: Root, result: readonly ClassifiedSection[]): ClassifiedSection[] {
  const covered = new Map<Nodes, SectionKind | undefined>()
  for (const entry of result) {
    if (entry.section.label) covered.set(entry.section.label, 'label' as never)
    if (entry.kind) for (const child of entry.section.children) covered.set(child, entry.kind)
  }
  const found: ClassifiedSection[] = []
  const walk = (node: Nodes, inside: SectionKind | undefined) => {
    const kind = covered.get(node)
    if ((kind as string) === 'label') return
    if (kind) inside = kind
    if (node.type === 'paragraph') {
      if (!mayInstruct.test(textOf(node))) return
      for (const sentence of sentencesOf(plainTextOf(node))) {
        const meaning = inside !== 'red-flags' && isUrgentInstruction(sentence) && namesSymptom(sentence) ? 'red-flags' : inside === undefined && isRoutineInstruction(sentence) ? 'seek-review' : undefined
        if (!meaning) continue
        found.push({section: {heading: undefined, label: node, form: 'sentence', title: sentence, rest: sentence, depth: 7, children: []}, kind: meaning, by: 'instruction'})
        break
      }
    } else if ('children' in node && node.type !== 'heading' && node.type !== 'table') {
      for (const child of node.children) walk(child, inside)
    }
  }
  walk(tree, undefined)
  return found
}

/** The innermost heading section that contains `entry`. */
function enclosing(entry: ClassifiedSection, all: readonly ClassifiedSection[]): ClassifiedSection | undefined {
  const [start, end] = rangeOf(entry.section)
  let best: ClassifiedSection | undefined
  for (const other of all) {
    if (other === entry || other.section.form !== 'heading') continue
    const [from, to] = rangeOf(other.section)
    if (from < start && to >= end && (!best || other.section.depth > best.section.depth)) best = other
  }
  return best
}

/** The sections that mean `kind`, in order. */
export function sectionsOfKind(tree: Root, vocabulary: SectionVocabulary, kind: SectionKind): ClassifiedSection[] {
  return classifiedSectionsOf(tree, vocabulary).filter((entry) => entry.kind === kind)
}

/**
 * What an article has of a section it must have: one with content, only ones with nothing (or
 * only placeholders) under them (`section` is the first), or none.
 */
export type RequiredSection = {found: 'content'; sections: ClassifiedSection[]} | {found: 'empty'; sections: ClassifiedSection[]; section: ClassifiedSection} | {found: 'none'}

export function requiredSection(tree: Root, vocabulary: SectionVocabulary, kind: SectionKind): RequiredSection {
  const sections = sectionsOfKind(tree, vocabulary, kind)
  if (sections.some((entry) => itemsOf(entry, tree, vocabulary).length > 0)) return {found: 'content', sections}
  return sections[0] ? {found: 'empty', sections, section: sections[0]} : {found: 'none'}
}

/** The items of a section that are content (not placeholders), as plain text. */
export function itemsOf(entry: ClassifiedSection, tree: Root, vocabulary: SectionVocabulary): readonly string[] {
  return sectionItemsOf(entry, tree, vocabulary).filter((item) => !item.placeholder).map((item) => item.text)
}

/**
 * A section's items, in order: its list items, table body rows, and the sentences of its
 * paragraphs (and of its label's text after the label) — never a byline, disclaimer or footer
 * line, a lead-in ending in a colon, or a nested section that means something else.
 */
export function sectionItemsOf(entry: ClassifiedSection, tree: Root, vocabulary: SectionVocabulary): readonly SectionItem[] {
  let items = itemCache.get(entry)
  if (!items) {
    items = collectItems(entry, classifiedSectionsOf(tree, vocabulary))
    itemCache.set(entry, items)
  }
  return items
}

const itemCache = new WeakMap<ClassifiedSection, SectionItem[]>()

function collectItems(entry: ClassifiedSection, all: readonly ClassifiedSection[]): SectionItem[] {
  // List items and table rows are the items; a section with neither lists sentences.
  const listed: SectionItem[] = []
  const sentences: SectionItem[] = []
  const {foreign, labels} = nestedOf(entry, all)
  const add = (text: string, node: Nodes) => {
    for (const sentence of sentencesOf(text)) {
      if (/:$/.test(sentence) || isBylineOrFooter(sentence) || isDisclaimer(sentence)) continue
      sentences.push({text: sentence, node, placeholder: isPlaceholder(sentence)})
    }
  }
  const label = entry.section.label
  if (entry.section.rest) add(entry.section.rest, label && label.type === 'blockquote' ? label.children[0] ?? label : label ?? entry.section.children[0]!)
  const listItem = (item: ListItem) => {
    const text = plainTextOf(item)
    if (text !== '' && (isBylineOrFooter(text) || isDisclaimer(text))) return
    listed.push({text, node: item, placeholder: isPlaceholder(text)})
  }
  const tableRows = (table: Table) => {
    for (const row of table.children.slice(1)) {
      const text = row.children.map((cell) => plainTextOf(cell)).filter(Boolean).join(' – ')
      if (text !== '' && isBylineOrFooter(text)) continue
      listed.push({text, node: row, placeholder: isPlaceholder(text)})
    }
  }
  const walk = (nodes: readonly RootContent[]) => {
    for (const node of nodes) {
      if (foreign.has(node)) continue
      const nested = labels.get(node)
      if (nested) {
        if (nested.section.rest) add(nested.section.rest, node)
        if (node.type === 'blockquote') walk(node.children.slice(1))
        continue
      }
      if (node.type === 'list') {
        for (const item of node.children) listItem(item)
      } else if (node.type === 'table') {
        tableRows(node)
      } else if (node.type === 'paragraph') {
        for (const line of textOf(node).split('\n')) add(normalise(line), node)
      } else if (node.type === 'blockquote') {
        walk(node.children)
      }
    }
  }
  walk(entry.section.children)
  return listed.length > 0 ? listed : sentences
}

/**
 * The items of the first section meaning `kind` that has any, as plain text (the bundle's
 * `redFlags` and `seekReview`). `textOf` gives an item's text (publishing takes it from the
 * sanitised page); an item whose text is empty is left out.
 */
export function safetyItemsOf(tree: Root, vocabulary: SectionVocabulary, kind: SectionKind, textOf: (item: SectionItem) => string = (item) => item.text): string[] {
  for (const entry of sectionsOfKind(tree, vocabulary, kind)) {
    const items = sectionItemsOf(entry, tree, vocabulary).filter((item) => !item.placeholder).map(textOf).filter(Boolean)
    if (items.length > 0) return items
  }
  return []
}

/**
 * The blocks of `entry` that belong to nested sections meaning something else (`foreign`), and
 * the label blocks of its nested sections (which are labels, not items).
 */
function nestedOf(entry: ClassifiedSection, all: readonly ClassifiedSection[]): {foreign: Set<RootContent>; labels: Map<RootContent, ClassifiedSection>} {
  const foreign = new Set<RootContent>()
  const labels = new Map<RootContent, ClassifiedSection>()
  const [from, to] = rangeOf(entry.section)
  // Only sections that start inside this one can be nested in it: found by binary search over
  // the sections sorted by start, so thousands of sibling sections stay linear, not quadratic.
  const byStart = startsOf(all)
  let low = 0
  let high = byStart.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (byStart[middle]!.start < from) low = middle + 1
    else high = middle
  }
  for (let index = low; index < byStart.length && byStart[index]!.start <= to; index++) {
    const {start, end, entry: other} = byStart[index]!
    if (other === entry || !other.section.label) continue
    if (end > to || (start === from && other.section.depth <= entry.section.depth)) continue
    if (other.section.form !== 'heading') labels.set(other.section.label, other)
    if (other.kind !== undefined && other.kind !== entry.kind) {
      foreign.add(other.section.label)
      for (const child of other.section.children) foreign.add(child)
    }
  }
  return {foreign, labels}
}

interface Span {
  start: number
  end: number
  entry: ClassifiedSection
}

const spans = new WeakMap<readonly ClassifiedSection[], Span[]>()

/** The sections of one article with their source ranges, sorted by start (worked out once per list). */
function startsOf(all: readonly ClassifiedSection[]): Span[] {
  let sorted = spans.get(all)
  if (!sorted) {
    sorted = all.map((entry) => {
      const [start, end] = rangeOf(entry.section)
      return {start, end, entry}
    }).sort((a, b) => a.start - b.start)
    spans.set(all, sorted)
  }
  return sorted
}

function rangeOf(section: Section): [number, number] {
  const first = section.label ?? section.children[0]
  const last = section.children.at(-1) ?? section.label
  return [first?.position?.start.offset ?? 0, last?.position?.end.offset ?? 0]
}

/** The body rows of a section's own tables, as text. */
function ownRows(entry: ClassifiedSection, all: readonly ClassifiedSection[]): string[] {
  const {foreign} = nestedOf(entry, all)
  return entry.section.children
    .filter((node): node is Table => node.type === 'table' && !foreign.has(node))
    .flatMap((table) => table.children.slice(1).map((row) => row.children.map((cell) => plainTextOf(cell)).join(' – ')))
}

function hasUrgentInstruction(entry: ClassifiedSection, all: readonly ClassifiedSection[]): boolean {
  const {foreign} = nestedOf(entry, all)
  const walk = (nodes: readonly RootContent[]): boolean => {
    for (const node of nodes) {
      if (foreign.has(node) || node.type === 'heading' || node.type === 'code' || node.type === 'html') continue
      if (node.type === 'paragraph' && blockInstructs(node)) return true
      if (node.type === 'list' && node.children.some(blockInstructs)) return true
      if (node.type === 'blockquote' && walk(node.children)) return true
    }
    return false
  }
  return walk(entry.section.children)
}

/**
 * Whether a paragraph or list item has an urgent instruction; once per block, since a block is
 * in its heading's section and in every enclosing one.
 */
const blockInstructs: (block: Paragraph | ListItem) => boolean = oncePer((block) => {
  if (!mayInstruct.test(textOf(block))) return false
  return sentencesOf(plainTextOf(block)).some((sentence) => isUrgentInstruction(sentence) && !isBylineOrFooter(sentence))
})

// A quick look before the sentences are read: an instruction has a condition.
const mayInstruct = /\b(?:if|when|whenever|unless|until|in case)\b/i

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

/** The line of a section's label, for messages. */
export function lineOf(section: Section): number | undefined {
  return (section.label ?? section.children[0])?.position?.start.line
}
