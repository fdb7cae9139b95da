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

export function visit<Type extends Nodes['type']>(tree: Root, type: Type, visitor: (node: Extract<Nodes, {type: Type}>) => VisitAction): void {
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
