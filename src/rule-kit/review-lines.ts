// The review lines of a page: the byline naming the reviewer ("Last reviewed by …", "Medical
// reviewer: …", "Written by … Reviewed by …") and the dates it labels — the last review ("Page
// last reviewed", "Last updated", a bare "Updated:" next to the byline), the next review ("Next
// review due", a trust leaflet's "Review date") — told apart from editorial dates ("Published",
// "Updated advice: …"). require-reviewer compares the byline and the last review with the
// frontmatter; review-date checks the next review, so the check stage keeps it with the facts.
import type {Nodes, Root} from 'mdast'
import {normalise, plainTextOf, textOf} from './sections.js'
import {statementAt} from './recognise.js'
import {extend, sentencesOf} from './phrases.js'
import {dateIn} from './dates.js'
import type {WrittenDate} from './dates.js'
import {defaultLastReviewedLabels, defaultNextReviewLabels, defaultReviewerStatements, defaultUpdatedLabels} from './vocabulary.js'

export interface ReviewLabels {
  statements?: readonly string[] | undefined
  lastReviewedLabels?: readonly string[] | undefined
  nextReviewLabels?: readonly string[] | undefined
  updatedLabels?: readonly string[] | undefined
}

export interface ReviewLines {
  /** The first byline naming a reviewer: its block, the line, and the text after the statement. */
  statement: {node: Nodes; text: string; rest: string} | undefined
  dates: Array<{node: Nodes; kind: 'last' | 'next'; date: WrittenDate}>
}

interface Line {
  node: Nodes
  /** The top-level block the line is in, to tell which lines are next to the byline. */
  block: number
  text: string
}

const cache = new WeakMap<Root, {labels: ReviewLabels; lines: ReviewLines}>()

/** The review lines of `tree`, read once per tree (the check stage and require-reviewer both ask). */
export function reviewLinesOf(tree: Root, labels: ReviewLabels = {}): ReviewLines {
  const cached = cache.get(tree)
  const same = (a: ReviewLabels, b: ReviewLabels) => a.statements === b.statements && a.lastReviewedLabels === b.lastReviewedLabels && a.nextReviewLabels === b.nextReviewLabels && a.updatedLabels === b.updatedLabels
  if (cached && same(cached.labels, labels)) return cached.lines
  const lines = readReviewLines(tree, labels)
  cache.set(tree, {labels, lines})
  return lines
}

function readReviewLines(tree: Root, labels: ReviewLabels): ReviewLines {
  const statements = extend(defaultReviewerStatements, labels.statements)
  const last = extend(defaultLastReviewedLabels, labels.lastReviewedLabels)
  const next = extend(defaultNextReviewLabels, labels.nextReviewLabels)
  const updated = extend(defaultUpdatedLabels, labels.updatedLabels)
  let statement: (ReviewLines['statement'] & {block: number}) | undefined
  const dates: ReviewLines['dates'] = []
  const updates: Array<{node: Nodes; block: number; date: WrittenDate}> = []
  const quick = statements === defaultReviewerStatements && last === defaultLastReviewedLabels && next === defaultNextReviewLabels && updated === defaultUpdatedLabels
  for (const {node, block, text} of linesOf(tree, quick)) {
    const rest = reviewerStatementIn(text, statements)
    if (rest !== undefined) {
      statement ??= {node, text, rest, block}
      const date = dateIn(rest)
      if (date) dates.push({node, kind: 'last', date})
      continue
    }
    const nextDate = datedAfter(text, next)
    if (nextDate) {
      dates.push({node, kind: 'next', date: nextDate})
      continue
    }
    const lastDate = datedAfter(text, last)
    if (lastDate) {
      dates.push({node, kind: 'last', date: lastDate})
      continue
    }
    const updatedAt = statementAt(text, updated)
    if (updatedAt === undefined) continue
    const updatedDate = dateIn(updatedAt, true)
    // "Last updated" is the page's review date as many sites write it; a bare "Updated" only
    // next to the byline ("Last reviewed by … / Updated: …"), else it is an editorial date.
    if (updatedDate && /^last\s+updated/i.test(text.replace(/^[^\p{L}]+/u, ''))) dates.push({node, kind: 'last', date: updatedDate})
    else if (updatedDate && /^updated\b/i.test(text.replace(/^[^\p{L}]+/u, ''))) updates.push({node, block, date: updatedDate})
  }
  if (statement) {
    for (const update of updates) if (Math.abs(update.block - statement.block) <= 1) dates.push({node: update.node, kind: 'last', date: update.date})
  }
  return {statement: statement ? {node: statement.node, text: statement.text, rest: statement.rest} : undefined, dates}
}

function datedAfter(text: string, labels: readonly string[]): WrittenDate | undefined {
  const after = statementAt(text, labels)
  return after === undefined ? undefined : dateIn(after, true)
}

// A quick look before a block is split into lines: every default statement and label has one of these.
const mayLabel = /review|updat|publish|produc|edit|modif|creat|written|author|approv|compil|prepar|checked|date/i

/**
 * The lines an editor would read as separate statements: each line of a paragraph, split at
 * sentence ends and at separators ("|", "·", "•"), and each table row as "label: value".
 */
function linesOf(tree: Root, quick: boolean): Line[] {
  const lines: Line[] = []
  const walk = (node: Nodes, block: number) => {
    if (node.type === 'paragraph' || node.type === 'heading') {
      const text = textOf(node)
      if (quick && !mayLabel.test(text)) return
      for (const line of text.split('\n')) {
        for (const part of line.split(/\s[|·•]\s|\s{2,}[–—-]\s/)) {
          for (const sentence of sentencesOf(normalise(part))) lines.push({node, block, text: sentence})
        }
      }
    } else if (node.type === 'tableRow') {
      lines.push({node, block, text: node.children.map((cell) => plainTextOf(cell)).filter(Boolean).join(': ')})
    } else if ('children' in node) {
      for (const child of node.children) walk(child, block)
    }
  }
  tree.children.forEach((child, index) => walk(child, index))
  return lines
}

/** The text after a reviewer statement: at the start of the line, or after a "Written by …" clause. */
function reviewerStatementIn(text: string, statements: readonly string[]): string | undefined {
  const direct = statementAt(text, statements)
  if (direct !== undefined) return direct
  if (!/^(?:written|authored|prepared|produced|edited|compiled|created)\s+by\b/i.test(text)) return undefined
  const clause = /(?:,|;|\band\b|[–—])\s*((?:and\s+)?(?:last\s+|clinically\s+|medically\s+|peer[- ])?reviewed\s+by\b.*)$/i.exec(text)
  return clause ? statementAt(clause[1]!.replace(/^and\s+/i, ''), statements) : undefined
}
