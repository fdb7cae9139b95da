// Deterministic structure limits for the Markdown body. micromark is quadratic on some crafted
// inputs (long runs of emphasis markers or brackets in one block) and the recursive tree
// utilities overflow the stack on thousands of nested quotes or lists. These checks refuse such
// bodies before they are parsed or converted, with the same result on every machine; real
// articles never come near the limits.
import type {Root} from 'mdast'
import type {Node, Parent} from 'unist'
import type {VFile} from 'vfile'
import type {Limits} from '../config.js'
import {pointAt} from './load.js'
import {recordProblem} from './problems.js'

const delimiter = /[*_[\]()<>`~!]/g
const containerPrefix = /^[ \t]*(?:>|[*+-](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/

/** Check the body text before parsing; false when it must not be parsed. */
export function checkBodyText(file: VFile, body: string, limits: Limits): boolean {
  let blockStart = 0
  let blockDelimiters = 0
  let offset = 0
  let previous = 0
  for (const line of body.split('\n')) {
    if (line.trim() === '') {
      blockDelimiters = 0
      blockStart = offset + line.length + 1
    } else {
      let rest = line
      let depth = 0
      for (let match = containerPrefix.exec(rest); match && match[0].length > 0; match = containerPrefix.exec(rest)) {
        depth++
        rest = rest.slice(match[0].length)
        if (depth > limits.maxNestingDepth) {
          recordProblem(file, 'markdown-limits', `This line nests quotes or lists more than ${limits.maxNestingDepth} levels deep. Flatten the structure; articles need only a few levels.`, pointAt(String(file.value), offset + line.length - rest.length))
          return false
        }
      }
      // A table has as many columns as its delimiter row (`| --- | --- |`), which follows the
      // header row: refuse a wide one before parsing, since parsing it is what takes the time.
      const columns = delimiterRowCells(rest)
      if (columns > limits.maxTableColumns) {
        recordProblem(file, 'markdown-limits', tooWide(columns, limits), pointAt(String(file.value), previous))
        return false
      }
      blockDelimiters += line.match(delimiter)?.length ?? 0
      if (blockDelimiters > limits.maxDelimitersPerBlock) {
        recordProblem(file, 'markdown-limits', `This block has more than ${limits.maxDelimitersPerBlock} emphasis, link or code markers (such as * _ [ ] ( ) \`), far more than any article needs, so it was not parsed. Split the text into paragraphs or remove the stray markers.`, pointAt(String(file.value), blockStart))
        return false
      }
    }
    previous = offset
    offset += line.length + 1
  }
  return true
}

/** The number of cells of `line` if it is a table's delimiter row, else 0. Linear: no regex backtracking. */
function delimiterRowCells(line: string): number {
  if (!line.includes('|') || !line.includes('-') || /[^|:\- \t]/.test(line)) return 0
  let cells = line.trim().split('|')
  if (cells[0]!.trim() === '') cells = cells.slice(1)
  if (cells.length > 0 && cells.at(-1)!.trim() === '') cells = cells.slice(0, -1)
  return cells.every((cell) => /^[ \t]*:?-+:?[ \t]*$/.test(cell)) ? cells.length : 0
}

function tooWide(columns: number, limits: Limits): string {
  return `This table has ${columns} columns, more than the limit of ${limits.maxTableColumns}; it would not fit on a phone screen. Split it into smaller tables or a list.`
}

/**
 * Check the parsed tree, iteratively (so the check itself cannot overflow): nesting depth and
 * table width. False when the tree must not be used.
 */
export function checkTree(file: VFile, tree: Root, limits: Limits): boolean {
  const stack: Array<{node: Node; depth: number}> = [{node: tree, depth: 0}]
  let ok = true
  while (stack.length > 0) {
    const {node, depth} = stack.pop()!
    if (depth > limits.maxNestingDepth) {
      recordProblem(file, 'markdown-limits', `The Markdown here is nested more than ${limits.maxNestingDepth} levels deep (quotes, lists, emphasis or links inside each other). Flatten the structure.`, node.position ?? {line: 1, column: 1})
      return false
    }
    if (node.type === 'table') {
      const columns = Math.max(0, ...((node as Parent).children as Parent[]).map((row) => row.children.length))
      if (columns > limits.maxTableColumns) {
        recordProblem(file, 'markdown-limits', tooWide(columns, limits), node.position ?? {line: 1, column: 1})
        ok = false
      }
    }
    const children = (node as Parent).children
    if (children) for (let index = children.length - 1; index >= 0; index--) stack.push({node: children[index]!, depth: depth + 1})
  }
  return ok
}
