// "Today": the one place healthlint reads the clock. Everything date-dependent receives the
// result (from `--now` when given), so runs are reproducible.

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/

/** Today's date in UTC as YYYY-MM-DD. */
export function today(clock: () => Date = () => new Date()): string {
  return clock().toISOString().slice(0, 10)
}

/** Whether `value` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const match = isoDate.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z')) / 86_400_000)
}

/** `date` (YYYY-MM-DD) plus `days` days, as YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(date + 'T00:00:00Z') + days * 86_400_000).toISOString().slice(0, 10)
}
