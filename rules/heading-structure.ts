// heading-structure: headings form an outline: one level 1 heading (the title) at most, which
// comes first; no level skipped on the way down (## then ####); and no bold or italic line
// standing in for a heading.
//
// Why: WCAG 2.2 success criteria 1.3.1 Info and Relationships (level A) and 2.4.6 Headings and
// Labels (level AA), and 2.4.10 Section Headings: screen reader users move through a page by its
// headings and use their levels to know where they are, so a jump from level 2 to level 4, a
// second title or a bold line that only looks like a heading breaks that. The NHS service manual
// asks for headings in order, with one H1. The title is the article's level 1 heading: written
// in the body as `# …`, or added from the frontmatter title when the body has none, so the
// first heading of the body is a level 1 or level 2 heading. Headings inside a block quote (a
// callout) are the callout's own and are not part of the outline.
// Turn it off: never for patient pages; `emphasisAsHeading: false` if bold labels are house style.
import type {Nodes} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {defineRule} from '../src/rule-kit/rule.js'
import type {RuleContext} from '../src/rule-kit/rule.js'

export interface HeadingStructureOptions extends Record<string, unknown> {
  emphasisAsHeading: boolean
}

const header = '---\ntitle: Placeholder\n---\n\n'

export default defineRule<HeadingStructureOptions>({
  id: 'heading-structure',
  description: 'Headings do not skip levels, there is at most one level 1 heading (the title) and it comes first, and bold or italic lines are not used as headings.',
  rationale: 'WCAG 2.2 success criteria 1.3.1 Info and Relationships (level A) and 2.4.6 Headings and Labels (level AA): screen reader users move through a page by its headings and rely on their levels, so a skipped level, a second title or a bold line that only looks like a heading breaks the outline. The NHS service manual asks for one H1 and headings in order. Headings inside a block quote (callout) are not part of the outline.',
  severity: 'warning',
  requires: 'tree',
  optionsSchema: {type: 'object', additionalProperties: false, properties: {emphasisAsHeading: {type: 'boolean', description: 'Report a short paragraph that is all bold or italic, used as a heading.'}}},
  defaults: {emphasisAsHeading: true},
  examples: {
    valid: [
      {name: 'an outline in order', input: header + '# Back pain\n\nIntro.\n\n## Causes\n\n### Strain\n\nText.\n\n## Treatment\n\nText.\n'},
      {name: 'no level 1 heading: the title is added', input: header + '## Causes\n\nText.\n\n### Strain\n\nText.\n'},
      {name: 'a heading inside a callout, and a heading-like line in code', input: header + '## Causes\n\n> #### Important\n>\n> Read this first.\n\n```\n#### not a heading\n```\n'},
      {name: 'bold text that is a sentence or part of one', input: header + '**Call 999 if you have chest pain.**\n\nText. **Important:** rest.\n'}
    ],
    invalid: [
      {
        name: 'a skipped level and a second level 1 heading',
        input: header + '# Back pain\n\n## Causes\n\n#### Strain\n\nText.\n\n# Treatment\n\nText.\n',
        messages: [
          '9:1: This heading skips from level 2 to level 4: use a level 3 heading (###), so the outline has no gaps.',
          '13:1: This is a second level 1 heading: a page has one, its title. Use a level 2 heading (##).'
        ]
      },
      {
        name: 'a first heading below level 2, and a title after other headings',
        input: header + '### Causes\n\nText.\n\n# Back pain\n',
        messages: [
          '5:1: This heading skips from level 1 (the title) to level 3: use a level 2 heading (##), so the outline has no gaps.',
          '9:1: The level 1 heading (the title) must come before every other heading.'
        ]
      },
      {
        name: 'bold text used as a heading',
        input: header + '**Causes**\n\nText about causes.\n',
        messages: ['5:1: “Causes” is bold or italic text used as a heading: make it a heading (## Causes), so screen readers can find it.']
      }
    ]
  },
  check
})

function check(context: RuleContext<HeadingStructureOptions>): void {
  const {tree, options} = context
  let previous = 1
  let titleSeen = false
  let headingsSeen = 0
  // Only the top level and lists: block quotes are callouts with their own headings.
  const walk = (nodes: readonly Nodes[]) => {
    nodes.forEach((node, index) => {
      if (node.type === 'heading') {
        if (node.depth === 1) {
          if (titleSeen) context.report('This is a second level 1 heading: a page has one, its title. Use a level 2 heading (##).', node)
          else if (headingsSeen > 0) context.report('The level 1 heading (the title) must come before every other heading.', node)
          titleSeen = true
        } else if (node.depth > previous + 1) {
          const from = previous === 1 && !titleSeen ? 'level 1 (the title)' : `level ${previous}`
          context.report(`This heading skips from ${from} to level ${node.depth}: use a level ${previous + 1} heading (${'#'.repeat(previous + 1)}), so the outline has no gaps.`, node)
        }
        previous = node.depth
        headingsSeen++
        return
      }
      if (node.type === 'paragraph' && options.emphasisAsHeading && nodes === tree.children && index < nodes.length - 1) {
        const label = pseudoHeading(node)
        if (label !== undefined) {
          const level = Math.min(previous + 1, 6)
          context.report(`“${label}” is bold or italic text used as a heading: make it a heading (${'#'.repeat(Math.max(level, 2))} ${label}), so screen readers can find it.`, node, {actual: label})
        }
      }
      if (node.type === 'list' || node.type === 'listItem') walk(node.children as Nodes[])
    })
  }
  walk(tree.children as Nodes[])
}

/** The label of a paragraph that is only a short run of bold or italic words without a full stop. */
function pseudoHeading(node: Extract<Nodes, {type: 'paragraph'}>): string | undefined {
  const children = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''))
  if (children.length !== 1) return undefined
  const only = children[0]!
  if (only.type !== 'strong' && only.type !== 'emphasis') return undefined
  const label = toString(only).replace(/\s+/g, ' ').trim()
  const words = label.split(' ').filter(Boolean).length
  if (words === 0 || words > 8 || /[.!?;,]$/.test(label)) return undefined
  return label.replace(/:$/, '')
}
