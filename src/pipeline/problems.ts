// Facts found by the load and parse stages, kept until the check stage reports them under
// their rule's configured severity (so `healthlint.config.json` governs them like any rule).
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'

export interface Problem {
  ruleId: string
  reason: string
  place: Point | Position
  note?: string
  actual?: string
  expected?: string[]
}

export function recordProblem(file: VFile, ruleId: string, reason: string, place: Point | Position, extra: Partial<Problem> = {}): void {
  const problems = (file.data.problems ??= [])
  problems.push({...extra, ruleId, reason, place})
}
