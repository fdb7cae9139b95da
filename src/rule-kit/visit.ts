// `visit(tree, type, visitor)`: call `visitor` on every node of one type, in document order
// (preorder), as unist-util-visit does for the calls healthlint makes of it. unist-util-visit
// names a fresh function after every node it enters (for debugging), which made the rules' seven
// walks of each article about ten times slower than this loop; nothing here recurses, so depth
// cannot overflow the stack.
import type {Nodes, Root} from 'mdast'

export const CONTINUE = true
/** Do not visit the node's children. */
export const SKIP = 'skip'
/** Stop the walk. */
export const EXIT = false

export type VisitAction = typeof CONTINUE | typeof SKIP | typeof EXIT | void

export function visit<Type extends Nodes['type']>(tree: Nodes, type: Type, visitor: (node: Extract<Nodes, {type: Type}>) => VisitAction): void {
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === type) {
      const action = visitor(node as Extract<Nodes, {type: Type}>)
      if (action === EXIT) return
      if (action === SKIP) continue
    }
    if ('children' in node) {
      const children = node.children as Nodes[]
      for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!)
    }
  }
}

/**
 * For every node without a position, its nearest ancestor with one. Some nodes have none: GFM
 * finds a few autolink literals (`[www.nhs.uk]`, after a bracket) in text after parsing, and the
 * link and the text around it are then new nodes. A rule that reports on one locates it inside
 * that ancestor's range.
 */
export function positionedAncestors(tree: Root): Map<Nodes, Nodes> {
  const ancestors = new Map<Nodes, Nodes>()
  const stack: Array<{node: Nodes; positioned: Nodes}> = [{node: tree, positioned: tree}]
  while (stack.length > 0) {
    const {node, positioned} = stack.pop()!
    if (!node.position) ancestors.set(node, positioned)
    const here = node.position ? node : positioned
    if ('children' in node) for (const child of node.children as Nodes[]) stack.push({node: child, positioned: here})
  }
  return ancestors
}
