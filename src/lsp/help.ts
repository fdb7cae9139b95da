// Hover and completion. A hover on a flagged word says what its rule checks and why (the rule's
// own description and rationale, the same metadata the README's rule reference is made from);
// a hover on a frontmatter key says what the field is for, from schemas/article.schema.json.
// Completion offers the frontmatter fields the schema defines and not yet written, and for
// `category`, the categories the other articles use.
import {CompletionItemKind, MarkupKind} from 'vscode-languageserver'
import type {CompletionItem, Hover, Position} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {readSchema} from '../config/package-files.js'
import {contains} from './diagnostics.js'
import type {Diagnostic} from 'vscode-languageserver'
import {frontmatterLastLine} from './actions.js'
import type {RuleInfo} from './protocol.js'

interface FieldSchema {
  description?: string
  'x-expected'?: string
}

const articleSchema = readSchema('article.schema.json') as {properties?: Record<string, FieldSchema>; required?: string[]}
const fields = articleSchema.properties ?? {}
const required = new Set(articleSchema.required ?? [])
/** The rule that checks the frontmatter's fields against the schema. */
const schemaRuleId = 'frontmatter-schema'

function describeRule(rule: RuleInfo): string {
  return `**${rule.id}**${rule.safety ? ' (safety rule)' : ''}: ${rule.description}\n\n${rule.rationale}\n\n[Documentation](${rule.url})`
}

export function hoverAt(document: TextDocument, position: Position, diagnostics: readonly Diagnostic[], rules: ReadonlyMap<string, RuleInfo>): Hover | null {
  const here = diagnostics.filter((diagnostic) => contains(diagnostic.range, position))
  const ids = [...new Set(here.map((diagnostic) => String(diagnostic.code)))]
  const parts = ids.map((id) => rules.get(id)).filter((rule): rule is RuleInfo => rule !== undefined).map(describeRule)
  if (parts.length > 0) return {contents: {kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n')}}

  const key = frontmatterKeyAt(document, position)
  if (!key) return null
  const field = fields[key.name]
  const rule = rules.get(schemaRuleId)
  const lines = field
    ? [`**${key.name}**${required.has(key.name) ? ' (required)' : ''}: ${field.description ?? ''}`, field['x-expected'] ? `Expected: ${field['x-expected']}.` : '']
    : [`**${key.name}** is not a frontmatter field of healthlint's article schema.`]
  if (rule) lines.push(`Checked by ${describeRule(rule)}`)
  return {contents: {kind: MarkupKind.Markdown, value: lines.filter(Boolean).join('\n\n')}, range: key.range}
}

/** The top-level frontmatter key under the cursor, if the cursor is on one. */
function frontmatterKeyAt(document: TextDocument, position: Position) {
  if (position.line === 0 || position.line >= frontmatterLastLine(document.getText())) return undefined
  const text = lineText(document, position.line)
  const match = /^([A-Za-z][\w-]*)[ \t]*:/.exec(text)
  if (!match || position.character > match[1]!.length) return undefined
  return {name: match[1]!, range: {start: {line: position.line, character: 0}, end: {line: position.line, character: match[1]!.length}}}
}

function lineText(document: TextDocument, line: number): string {
  return document.getText({start: {line, character: 0}, end: {line: line + 1, character: 0}}).replace(/\r?\n$/, '')
}

export function completionsAt(document: TextDocument, position: Position, categories: readonly string[]): CompletionItem[] {
  const text = document.getText()
  const last = frontmatterLastLine(text)
  if (position.line === 0 || last === -1 || position.line >= last) return []
  const before = lineText(document, position.line).slice(0, position.character)
  const value = /^category[ \t]*:[ \t]*([\w-]*)$/.exec(before)
  if (value) {
    return categories.map((category) => ({label: category, kind: CompletionItemKind.EnumMember, detail: 'a category another article uses'}))
  }
  if (!/^[A-Za-z]*$/.test(before)) return []
  const written = new Set<string>()
  for (let line = 1; line < last; line++) {
    const key = /^([A-Za-z][\w-]*)[ \t]*:/.exec(lineText(document, line))
    if (key && line !== position.line) written.add(key[1]!)
  }
  return Object.entries(fields)
    .filter(([name]) => !written.has(name))
    .map(([name, field]) => {
      const item: CompletionItem = {label: name, kind: CompletionItemKind.Property, insertText: `${name}: `}
      if (field.description) item.documentation = {kind: MarkupKind.Markdown, value: `${field.description}${field['x-expected'] ? `\n\nExpected: ${field['x-expected']}.` : ''}`}
      item.detail = required.has(name) ? 'required field' : 'optional field'
      return item
    })
}
