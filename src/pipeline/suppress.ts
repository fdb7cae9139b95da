// Inline suppressions, in the remark-lint / markdownlint style:
//
//   <!-- healthlint-disable-next-line rule-id -- reason -->   the next line that has content
//   <!-- healthlint-disable rule-id -- reason -->             from the next line to the matching
//   <!-- healthlint-enable rule-id -->                        enable (or the end of the file)
//
// Part of the check stage, in two steps. `readSuppressions` runs before the rules: it reads the
// comments and records every refused one (no reason, no or unknown rule id, a safety rule) as a
// fact for the `suppression` rule, which reports it like any other rule. `applySuppressions`
// runs after the rules: it removes the messages the accepted suppressions cover, so they never
// count towards the exit code, and keeps a record of each on `file.data.suppressions` for the
// JSON report, so that reviewers see every message an author chose to silence.
import type {Root} from 'mdast'
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import {visit} from '../rule-kit/visit.js'
import {location} from 'vfile-location'
import {closest, distance} from 'fastest-levenshtein'
import {recordProblem} from './problems.js'
import type {RecordedFacts} from './problems.js'

/** What the suppression reader needs to know about the rules. */
export interface RuleLookup {
  ruleIds: readonly string[]
  isSafetyRule(id: string): boolean
}

export type SuppressionKind = 'disable-next-line' | 'disable'

/** One rule turned off by one accepted comment. */
export interface Suppression {
  ruleId: string
  kind: SuppressionKind
  reason: string
  /** Where the comment is in the file. */
  position: Position
  /** The lines it covers, inclusive (none when `fromLine > toLine` or past the last line). */
  fromLine: number
  toLine: number
  /** How many messages it removed (filled in by `applySuppressions`). */
  suppressed: number
}

const directives = ['disable-next-line', 'disable', 'enable'] as const
type DirectiveName = (typeof directives)[number]

interface Comment {
  /** The comment's text between `<!--` and `-->`. */
  body: string
  /** Offset of the body's first character in the file. */
  bodyOffset: number
  position: Position
}

/**
 * Read the suppression comments in the article's Markdown tree. Refused comments are recorded
 * as problems for the `suppression` rule and not applied. Returns the accepted suppressions.
 */
export function readSuppressions(file: VFile, tree: Root, lookup: RuleLookup): Suppression[] {
  const place = location(file)
  const text = String(file.value)
  const pointAt = (offset: number): Point => place.toPoint(offset) ?? {line: 1, column: 1, offset}
  const refuse = <Kind extends keyof RecordedFacts['suppression'] & string>(kind: Kind, values: RecordedFacts['suppression'][Kind], at: Point, actual?: string) =>
    recordProblem(file, 'suppression', kind, values, at, actual === undefined ? {} : {actual})

  const comments: Comment[] = []
  visit(tree, 'html', (node) => {
    const start = node.position?.start.offset
    if (start === undefined) return
    for (const match of node.value.matchAll(/<!--([\s\S]*?)-->/g)) {
      const offset = start + match.index
      comments.push({
        body: match[1]!,
        bodyOffset: offset + 4,
        position: {start: pointAt(offset), end: pointAt(offset + match[0].length)}
      })
    }
  })

  const lines = text.split('\n')
  // A final line break ends the last line; it does not start another.
  if (lines.length > 1 && lines.at(-1) === '') lines.pop()
  const accepted: Suppression[] = []
  // Open `disable` suppressions by rule id, waiting for their `enable`.
  const open = new Map<string, Suppression>()

  for (const comment of comments) {
    const leading = /^\s*/.exec(comment.body)![0].length
    const body = comment.body.slice(leading)
    const named = /^healthlint-([a-z-]*)/.exec(body)
    if (!named) continue
    const at = comment.position.start
    const written = `healthlint-${named[1]}`
    const directive = named[1] as DirectiveName
    if (!directives.includes(directive)) {
      const suggestion = closest(directive, [...directives])
      refuse('not-a-directive', {written, suggestion: distance(directive, suggestion) <= Math.max(3, directive.length / 2) ? `healthlint-${suggestion}` : ''}, at, written)
      continue
    }

    // `rule-a, rule-b -- reason`: ids before the first `--`, the reason after it.
    const rest = body.slice(named[0].length)
    const restOffset = comment.bodyOffset + leading + named[0].length
    const separator = rest.indexOf('--')
    const idsPart = separator === -1 ? rest : rest.slice(0, separator)
    // A "[Write …]" placeholder (the language server's "disable for this line" writes one) is no reason yet.
    const writtenReason = separator === -1 ? '' : rest.slice(separator + 2).replace(/\s+/g, ' ').trim()
    const reason = /^\\?\[write\b/i.test(writtenReason) ? '' : writtenReason
    const ids = [...idsPart.matchAll(/[^\s,]+/g)].map((match) => ({id: match[0], offset: restOffset + match.index}))

    if (ids.length === 0) {
      refuse('no-rule', {written, needsReason: directive !== 'enable'}, at)
      continue
    }
    let refused = false
    if (reason === '' && directive !== 'enable') {
      refused = true
      refuse('no-reason', {written, ids: ids.map((item) => item.id)}, at)
    }
    for (const {id, offset} of ids) {
      if (!lookup.ruleIds.includes(id)) {
        refused = true
        const suggestion = closest(id, [...lookup.ruleIds])
        refuse('unknown-rule', {id, suggestion: suggestion !== undefined && distance(id, suggestion) <= 3 ? suggestion : ''}, pointAt(offset), id)
      } else if (lookup.isSafetyRule(id) && directive !== 'enable') {
        refused = true
        refuse('safety-rule', {id}, pointAt(offset), id)
      }
    }
    if (refused) continue

    if (directive === 'enable') {
      for (const {id, offset} of ids) {
        const disabled = open.get(id)
        if (disabled) {
          disabled.toLine = at.line - 1
          open.delete(id)
        } else {
          refuse('nothing-to-enable', {id}, pointAt(offset), id)
        }
      }
      continue
    }

    const end = comment.position.end.line
    for (const {id, offset} of ids) {
      if (directive === 'disable-next-line') {
        const target = nextLineWithContent(lines, end)
        accepted.push({ruleId: id, kind: directive, reason, position: comment.position, fromLine: target, toLine: target, suppressed: 0})
        continue
      }
      const already = open.get(id)
      if (already) {
        refuse('already-off', {id, line: already.position.start.line}, pointAt(offset), id)
        continue
      }
      const suppression: Suppression = {ruleId: id, kind: directive, reason, position: comment.position, fromLine: end + 1, toLine: lines.length, suppressed: 0}
      open.set(id, suppression)
      accepted.push(suppression)
    }
  }
  return accepted
}

/**
 * Remove from `file.messages` every message an accepted suppression covers (same rule id, its
 * line within the suppression's lines), count them, and record the suppressions on
 * `file.data.suppressions`.
 */
export function applySuppressions(file: VFile, suppressions: Suppression[]): void {
  file.messages = file.messages.filter((message) => {
    const line = message.line
    if (line === undefined || !message.ruleId) return true
    const covering = suppressions.find((item) => item.ruleId === message.ruleId && line >= item.fromLine && line <= item.toLine)
    if (!covering) return true
    covering.suppressed++
    return false
  })
  file.data.suppressions = suppressions
}

/**
 * The first line after `line` that is not blank (1-based); past the end when there is none.
 * markdownlint takes the literally next line; healthlint skips blank lines because Markdown
 * authors often leave one after an HTML comment, and a suppression that silently applied to a
 * blank line would be a trap.
 */
function nextLineWithContent(lines: readonly string[], line: number): number {
  let next = line + 1
  while (next <= lines.length && lines[next - 1]!.trim() === '') next++
  return next
}
