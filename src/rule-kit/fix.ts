// Fixes: a machine-readable edit a rule attaches to a message whose replacement is unambiguous
// (a contraction, a Latin abbreviation, a number word, a US spelling). The edit is a range of
// the original file's text (offsets in UTF-16 code units, after a byte order mark, as every
// position healthlint reports) and the text to put there. `lint --fix` applies them
// (src/cli/fix-command.ts); `--format json` and SARIF show them.
import type {Point} from 'unist'

export interface Fix {
  /** Where the replaced text starts and ends in the original file (line, column and offset). */
  start: Required<Pick<Point, 'line' | 'column' | 'offset'>>
  end: Required<Pick<Point, 'line' | 'column' | 'offset'>>
  /** The replacement text. */
  text: string
}

declare module 'vfile-message' {
  interface VFileMessage {
    /** The rule's fix for this message, when its replacement is unambiguous. */
    fix?: Fix
  }
}

export function isFix(value: unknown): value is Fix {
  if (typeof value !== 'object' || value === null) return false
  const fix = value as Record<string, unknown>
  return typeof fix.text === 'string' && isOffsetPoint(fix.start) && isOffsetPoint(fix.end) &&
    (fix.start as {offset: number}).offset <= (fix.end as {offset: number}).offset
}

function isOffsetPoint(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false
  const point = value as Record<string, unknown>
  return Number.isInteger(point.line) && Number.isInteger(point.column) && Number.isInteger(point.offset) && (point.offset as number) >= 0
}

export interface AppliedFix {
  fix: Fix
  /** The text the fix replaced. */
  before: string
}

/**
 * Apply `fixes` to `text`, from the bottom of the file to the top, so that each range still
 * points at the text it was made for. A fix that overlaps one already applied (or reaches past
 * the end of the text) is left out: it waits for the next run. Returns the new text and the
 * fixes applied, in file order.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): {text: string; applied: AppliedFix[]} {
  const sorted = [...fixes].sort((a, b) => b.start.offset - a.start.offset || b.end.offset - a.end.offset)
  let result = text
  let floor = Infinity
  const applied: AppliedFix[] = []
  for (const fix of sorted) {
    if (fix.end.offset > floor || fix.end.offset > text.length) continue
    // Two fixes at one empty point, or the same range twice, would both apply: keep one.
    if (fix.end.offset === floor && fix.start.offset === floor) continue
    const before = text.slice(fix.start.offset, fix.end.offset)
    if (before === fix.text) continue
    result = result.slice(0, fix.start.offset) + fix.text + result.slice(fix.end.offset)
    floor = fix.start.offset
    applied.push({fix, before})
  }
  return {text: result, applied: applied.reverse()}
}
