// table-headers: every table has a header row that names its columns.
//
// Why: WCAG 2.2 success criterion 1.3.1 Info and Relationships (level A): a screen reader reads
// each cell with its column's header, so a table whose header row is empty (the usual way to
// fake a table without one in Markdown) reads as a list of unconnected values. The NHS service
// manual asks for table headers on every data table. The first header cell may be empty when
// the first column holds row labels (a grid such as "| | Morning | Evening |").
// Turn it off: never for patient pages.
import {toString} from 'mdast-util-to-string'
import {defineRule, withoutOptions} from '../src/rule-kit/rule.js'
import type {RuleContext} from '../src/rule-kit/rule.js'
import {visit} from '../src/rule-kit/visit.js'

const header = '---\ntitle: Placeholder\n---\n\n'

export default defineRule({
  id: 'table-headers',
  description: 'Every table has a header row naming its columns (the first cell may be empty when the first column holds row labels).',
  rationale: 'WCAG 2.2 success criterion 1.3.1 Info and Relationships (level A): screen readers read each cell with its column header, so a table with an empty header row reads as unconnected values. The NHS service manual asks for headers on data tables.',
  severity: 'warning',
  requires: 'tree',
  ...withoutOptions,
  examples: {
    valid: [
      {name: 'a header row', input: header + '| Medicine | How often |\n| --- | --- |\n| Ibuprofen | 3 times a day |\n'},
      {name: 'a grid with row labels', input: header + '| | Morning | Evening |\n| --- | --- | --- |\n| Monday | 1 tablet | 1 tablet |\n'}
    ],
    invalid: [
      {
        name: 'an empty header row',
        input: header + '| | |\n| --- | --- |\n| Ibuprofen | 3 times a day |\n',
        messages: ['5:1: This table has no header row: put the name of each column in the first row, so screen readers can read each cell with its column.']
      },
      {
        name: 'a column without a header',
        input: header + '| Medicine | |\n| --- | --- |\n| Ibuprofen | 3 times a day |\n',
        messages: ['5:1: Column 2 of this table has no header: name it in the first row, so screen readers can read its cells with it.']
      }
    ]
  },
  check
})

function check(context: RuleContext<Record<string, never>>): void {
  visit(context.tree, 'table', (table) => {
    const first = table.children[0]
    if (!first) return
    const empty = first.children.map((cell) => toString(cell).trim() === '' && !cell.children.some((child) => child.type === 'image' || child.type === 'inlineCode'))
    if (empty.every(Boolean)) {
      context.report('This table has no header row: put the name of each column in the first row, so screen readers can read each cell with its column.', table)
      return
    }
    empty.forEach((blank, index) => {
      if (blank && index > 0) context.report(`Column ${index + 1} of this table has no header: name it in the first row, so screen readers can read its cells with it.`, table)
    })
  })
}
