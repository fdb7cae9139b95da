// healthlint's messages as LSP diagnostics: the same rule, severity, range and message as
// `healthlint lint --format json`, with the rule id as `code` and its docs as `codeDescription`.
// Lines and columns are 1-based in reports and 0-based in LSP; both count UTF-16 code units,
// LSP's default position encoding.
import {DiagnosticSeverity} from 'vscode-languageserver'
import type {Diagnostic, Position, Range} from 'vscode-languageserver'
import type {MessageSeverity} from '../report/messages.js'
import type {CheckedMessage} from './protocol.js'

export const diagnosticSource = 'healthlint'

const severities: Record<MessageSeverity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information
}

export function positionOf(line: number, column: number): Position {
  return {line: Math.max(0, line - 1), character: Math.max(0, column - 1)}
}

export function rangeOf(message: {line: number; column: number; endLine: number; endColumn: number}): Range {
  return {start: positionOf(message.line, message.column), end: positionOf(message.endLine, message.endColumn)}
}

export function toDiagnostic(message: CheckedMessage): Diagnostic {
  const diagnostic: Diagnostic = {
    range: rangeOf(message),
    severity: severities[message.severity],
    code: message.ruleId,
    source: diagnosticSource,
    message: message.message
  }
  if (message.url) diagnostic.codeDescription = {href: message.url}
  return diagnostic
}

/** Whether `position` lies within `range` (its end included, so a cursor just after a word counts). */
export function contains(range: Range, position: Position): boolean {
  const after = (a: Position, b: Position) => a.line > b.line || (a.line === b.line && a.character >= b.character)
  return after(position, range.start) && after(range.end, position)
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character
}
