// Quick fixes for the diagnostics under the cursor: each fix a message carries (the edit
// `lint --fix` makes), the did-you-mean a frontmatter message suggests, "disable this rule for
// this line" (with a reason placeholder that fails lint until a person writes the reason; never
// for a safety rule, whose suppression the pipeline refuses anyway), and "open the rule's
// documentation".
import {CodeActionKind} from 'vscode-languageserver'
import type {CodeAction, Diagnostic, Range} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {positionOf, rangeOf, sameRange} from './diagnostics.js'
import type {CheckedMessage, RuleInfo} from './protocol.js'

export const openDocsCommand = 'healthlint.openRuleDocumentation'

/** What the inserted comment says for its reason: a placeholder `lint` reports until it is replaced. */
export const reasonPlaceholder = '[Write why this rule does not apply here]'

export interface ActionInput {
  document: TextDocument
  /** The messages of the document's latest check, each with its diagnostic. */
  checked: ReadonlyArray<{message: CheckedMessage; diagnostic: Diagnostic}>
  /** The diagnostics the client asks about (those under the cursor or selection). */
  diagnostics: readonly Diagnostic[]
  rules: ReadonlyMap<string, RuleInfo>
}

export function codeActionsFor({document, checked, diagnostics, rules}: ActionInput): CodeAction[] {
  const actions: CodeAction[] = []
  const uri = document.uri
  const edit = (range: Range, newText: string) => ({changes: {[uri]: [{range, newText}]}})
  const frontmatterEnd = frontmatterLastLine(document.getText())
  const seenDocs = new Set<string>()
  const seenDisable = new Set<string>()
  for (const asked of diagnostics) {
    const found = checked.find(({diagnostic}) => diagnostic.code === asked.code && diagnostic.message === asked.message && sameRange(diagnostic.range, asked.range))
    if (!found) continue
    const {message, diagnostic} = found
    if (message.fix) {
      const range = {start: positionOf(message.fix.line, message.fix.column), end: positionOf(message.fix.endLine, message.fix.endColumn)}
      const before = document.getText(range)
      actions.push({
        title: message.fix.text === '' ? `Remove “${before}”` : before === '' ? `Insert “${message.fix.text}”` : `Replace “${before}” with “${message.fix.text}”`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: edit(range, message.fix.text)
      })
    } else if (message.actual !== undefined && message.expected && message.expected.length > 0 && document.getText(rangeOf(message)) === message.actual) {
      // A did-you-mean (a misspelt frontmatter key): the range is the word it would replace.
      for (const [index, expected] of message.expected.entries()) {
        actions.push({
          title: `Change “${message.actual}” to “${expected}”`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          ...(index === 0 ? {isPreferred: true} : {}),
          edit: edit(rangeOf(message), expected)
        })
      }
    }
    const rule = rules.get(message.ruleId)
    const line = message.line - 1
    // A comment cannot go inside the frontmatter, and a suppression of `suppression` would be refused.
    if (rule && !rule.safety && rule.id !== 'suppression' && line > frontmatterEnd && !seenDisable.has(`${rule.id}:${line}`)) {
      seenDisable.add(`${rule.id}:${line}`)
      const indent = /^[ \t]*/.exec(document.getText({start: {line, character: 0}, end: {line: line + 1, character: 0}}))![0]
      actions.push({
        title: `Disable ${rule.id} for this line (write the reason)`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: edit({start: {line, character: 0}, end: {line, character: 0}}, `${indent}<!-- healthlint-disable-next-line ${rule.id} -- ${reasonPlaceholder} -->\n`)
      })
    }
    if (message.url && !seenDocs.has(message.url)) {
      seenDocs.add(message.url)
      actions.push({
        title: `Open the documentation of ${message.ruleId}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: {title: `Open the documentation of ${message.ruleId}`, command: openDocsCommand, arguments: [message.url]}
      })
    }
  }
  return actions
}

/**
 * The 0-based line of the frontmatter's closing fence, or -1 without frontmatter: the same
 * fences the frontmatter parser reads (a first line of exactly `---`, closed by a line `---`).
 */
export function frontmatterLastLine(text: string): number {
  const lines = text.split('\n')
  if ((lines[0] ?? '').replace(/\r$/, '').trimEnd() !== '---') return -1
  for (let index = 1; index < lines.length; index++) {
    if (/^---[ \t]*\r?$/.test(lines[index]!)) return index
  }
  return -1
}
