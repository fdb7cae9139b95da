// Facts found by the load, parse and check stages, kept until the check stage reports them under
// their rule's configured severity (so `healthlint.config.json` governs them like any rule). A
// stage records what it found — which rule, which kind of problem, the values that describe it —
// and the rule module writes the message (`recordedMessages` in rules/encoding.ts and the rest),
// so every message of a rule lives with the rule, and a typo in a rule id or kind is a type error.
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'

/** Every recorded kind of problem, by rule id, with the values its message needs. */
export interface RecordedFacts {
  'file-type': {
    'symbolic-link': {}
    'not-a-file': {}
    'too-large': {bytes: number; limit: number}
    'changed-while-read': {}
    unreadable: {code: string}
  }
  'empty-article': {empty: {}}
  encoding: {
    utf16: {}
    'invalid-utf8': {byte: string}
    nul: {}
    'bare-cr': {}
  }
  'frontmatter-syntax': {
    missing: {}
    'other-format': {fence: string; language: string}
    'not-closed': {}
    'closing-line': {}
    'too-large': {bytes: number; limit: number}
    empty: {}
    unreadable: {why: string}
    'duplicate-key': {}
    'invalid-yaml': {error: string}
    'too-deep': {limit: number}
    tag: {tag: string}
    'merge-key': {}
    'forbidden-key': {key: string}
    'complex-key': {}
    anchors: {anchor: string; count: number}
    aliases: {count: number}
    'not-a-mapping': {what: string}
    'ended-early': {}
  }
  'markdown-limits': {
    lines: {limit: number}
    'nested-line': {limit: number}
    'wide-table': {columns: number; limit: number}
    'table-cells': {limit: number}
    'block-markers': {limit: number}
    markers: {limit: number}
    nodes: {limit: number}
    'nested-tree': {limit: number}
    unparsable: {reason: string}
    'over-budget': {milliseconds: number}
  }
  suppression: {
    /** `suggestion`: the directive meant, or '' when none is near. */
    'not-a-directive': {written: string; suggestion: string}
    'no-rule': {written: string; needsReason: boolean}
    'no-reason': {written: string; ids: string[]}
    /** `suggestion`: the rule id meant, or '' when none is near. */
    'unknown-rule': {id: string; suggestion: string}
    'safety-rule': {id: string}
    'nothing-to-enable': {id: string}
    'already-off': {id: string; line: number}
  }
}

export type RecordedRuleId = keyof RecordedFacts

/** The messages of one rule's recorded problems: one function per kind, from its values. */
export type RecordedMessages<Id extends RecordedRuleId> = {[Kind in keyof RecordedFacts[Id]]: (values: RecordedFacts[Id][Kind]) => string}

/** The message of `problem`, from its rule's `messages`. */
export function messageOf<Id extends RecordedRuleId>(messages: RecordedMessages<Id>, problem: Problem): string {
  // recordProblem's signature pairs each kind with its values, so the values fit the kind's message.
  const byKind: Partial<Record<string, (values: never) => string>> = messages
  const format = byKind[problem.kind]
  if (!format) throw new TypeError(`No message for the recorded problem ${problem.ruleId}/${problem.kind}.`)
  return format(problem.values as never)
}

export interface Problem {
  ruleId: RecordedRuleId
  kind: string
  values: Record<string, unknown>
  place: Point | Position
  note?: string
  actual?: string
  expected?: string[]
}

export function recordProblem<Id extends RecordedRuleId, Kind extends keyof RecordedFacts[Id] & string>(
  file: VFile,
  ruleId: Id,
  kind: Kind,
  values: RecordedFacts[Id][Kind],
  place: Point | Position,
  extra: Pick<Problem, 'note' | 'actual' | 'expected'> = {}
): void {
  const problems = (file.data.problems ??= [])
  problems.push({...extra, ruleId, kind, values: values as Record<string, unknown>, place})
}
