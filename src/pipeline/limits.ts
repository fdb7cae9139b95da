// Deterministic structure limits for the Markdown body. micromark is quadratic on some crafted
// inputs (long runs of emphasis markers or brackets in one block) and the recursive tree
// utilities overflow the stack on thousands of nested quotes or lists. These checks refuse such
// bodies before they are parsed or converted, with the same result on every machine; real
// articles never come near the limits.
import type {Root} from 'mdast'
import type {Node, Parent} from 'unist'
import type {VFile} from 'vfile'
import type {Limits} from '../config/config.js'
import {pointAt} from './load.js'
import {recordProblem} from './problems.js'

const delimiter = /[*_[\]()<>`~!]/g
const containerPrefix = /^[ \t]*(?:>|[*+-](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/

/**
 * Check the body text before parsing; false when it must not be parsed. One pass over the lines,
 * each line's work proportional to its length (the nesting loop stops at the depth limit), so
 * this is linear and runs outside the time budget.
 */
export function checkBodyText(file: VFile, body: string, limits: Limits): boolean {
  const text = String(file.value)
  let blockStart = 0
  let blockDelimiters = 0
  let delimiters = 0
  let offset = 0
  let previous = 0
  let lineNumber = 0
  // The columns of the table the line is in (0 outside tables), and the cells of all tables so far.
  let tableColumns = 0
  let cells = 0
  for (const line of body.split('\n')) {
    lineNumber++
    // micromark's memory grows with the number of tokens it makes (lines, markers, cells), several
    // kilobytes each: 254 KB of one-character lines needed 600 MB while it parsed. These caps
    // stop a body that would need more, before parsing it.
    // (The empty string after a final line break is no line.)
    if (lineNumber > limits.maxLines && offset < body.length) {
      recordProblem(file, 'markdown-limits', 'lines', {limit: limits.maxLines}, pointAt(text, offset))
      return false
    }
    if (line.trim() === '') {
      blockDelimiters = 0
      tableColumns = 0
      blockStart = offset + line.length + 1
    } else {
      let rest = line
      let depth = 0
      for (let match = containerPrefix.exec(rest); match && match[0].length > 0; match = containerPrefix.exec(rest)) {
        depth++
        rest = rest.slice(match[0].length)
        if (depth > limits.maxNestingDepth) {
          recordProblem(file, 'markdown-limits', 'nested-line', {limit: limits.maxNestingDepth}, pointAt(text, offset + line.length - rest.length))
          return false
        }
      }
      // A table has as many columns as its delimiter row (`| --- | --- |`), which follows the
      // header row: refuse a wide one before parsing, since parsing it is what takes the time.
      const columns = delimiterRowCells(rest)
      if (columns > limits.maxTableColumns) {
        recordProblem(file, 'markdown-limits', 'wide-table', {columns, limit: limits.maxTableColumns}, pointAt(text, previous))
        return false
      }
      // Cells are counted from the rows' text: the header and delimiter rows when a table starts,
      // then every line up to the next blank one (GFM continues a table until then), each at
      // least the table's width (a row may have more cells than its table, and they are parsed).
      if (columns > 0) {
        tableColumns = columns
        cells += 2 * columns
      } else if (tableColumns > 0) {
        cells += Math.max(tableColumns, rowCells(rest))
      }
      if (cells > limits.maxTableCells) {
        recordProblem(file, 'markdown-limits', 'table-cells', {limit: limits.maxTableCells}, pointAt(text, columns > 0 ? previous : offset))
        return false
      }
      const lineDelimiters = line.match(delimiter)?.length ?? 0
      blockDelimiters += lineDelimiters
      if (blockDelimiters > limits.maxDelimitersPerBlock) {
        recordProblem(file, 'markdown-limits', 'block-markers', {limit: limits.maxDelimitersPerBlock}, pointAt(text, blockStart))
        return false
      }
      delimiters += lineDelimiters
      if (delimiters > limits.maxDelimiters) {
        recordProblem(file, 'markdown-limits', 'markers', {limit: limits.maxDelimiters}, pointAt(text, offset))
        return false
      }
    }
    previous = offset
    offset += line.length + 1
  }
  return true
}

/** An upper bound on the cells of a table row: one more than its unescaped pipes, less the outer ones. */
function rowCells(line: string): number {
  const row = line.trim()
  let pipes = 0
  for (let index = row.indexOf('|'); index !== -1; index = row.indexOf('|', index + 1)) if (row[index - 1] !== '\\') pipes++
  return pipes + 1 - (row.startsWith('|') ? 1 : 0) - (row.length > 1 && row.endsWith('|') ? 1 : 0)
}

/** The number of cells of `line` if it is a table's delimiter row, else 0. Linear: no regex backtracking. */
function delimiterRowCells(line: string): number {
  if (!line.includes('|') || !line.includes('-') || /[^|:\- \t]/.test(line)) return 0
  let cells = line.trim().split('|')
  if (cells[0]!.trim() === '') cells = cells.slice(1)
  if (cells.length > 0 && cells.at(-1)!.trim() === '') cells = cells.slice(0, -1)
  return cells.every((cell) => /^[ \t]*:?-+:?[ \t]*$/.test(cell)) ? cells.length : 0
}

/**
 * Check the parsed tree, iteratively (so the check itself cannot overflow): the number of nodes,
 * nesting depth and table width. False when the tree must not be used.
 */
export function checkTree(file: VFile, tree: Root, limits: Limits): boolean {
  const stack: Array<{node: Node; depth: number}> = [{node: tree, depth: 0}]
  let ok = true
  let nodes = 0
  while (stack.length > 0) {
    const {node, depth} = stack.pop()!
    // Every node is converted to HTML, to natural-language nodes and scored: a bound on them is a
    // bound on the memory and time of everything after the parse. Nodes are met in document order.
    if (++nodes > limits.maxNodes) {
      recordProblem(file, 'markdown-limits', 'nodes', {limit: limits.maxNodes}, node.position ?? {line: 1, column: 1})
      return false
    }
    if (depth > limits.maxNestingDepth) {
      recordProblem(file, 'markdown-limits', 'nested-tree', {limit: limits.maxNestingDepth}, node.position ?? {line: 1, column: 1})
      return false
    }
    if (node.type === 'table') {
      const columns = Math.max(0, ...((node as Parent).children as Parent[]).map((row) => row.children.length))
      if (columns > limits.maxTableColumns) {
        recordProblem(file, 'markdown-limits', 'wide-table', {columns, limit: limits.maxTableColumns}, node.position ?? {line: 1, column: 1})
        ok = false
      }
    }
    const children = (node as Parent).children
    if (children) for (let index = children.length - 1; index >= 0; index--) stack.push({node: children[index]!, depth: depth + 1})
  }
  return ok
}
