// `healthlint review-schedule`: the reviews due soonest, as a table, CSV or an .ics calendar.
// The schedule goes to stdout (so it can be redirected to a file); articles whose review date
// cannot be worked out are named on stderr.
import {formatSchedule, reviewScheduleOf} from '../schedule/schedule.js'
import type {ScheduleFormat} from '../schedule/schedule.js'
import type {CliEnvironment, CommonOptions} from './main.js'
import {exitCodes} from './main.js'
import {displayPath} from '../report/safe-text.js'

export async function runReviewSchedule(environment: CliEnvironment, options: CommonOptions): Promise<number> {
  const schedule = await reviewScheduleOf(options.paths, {cwd: environment.cwd, config: options.config, now: options.now, within: options.within})
  environment.stdout.write(formatSchedule(schedule, options.format as ScheduleFormat))
  if (schedule.undated.length > 0) {
    environment.stderr.write(`healthlint: ${schedule.undated.length === 1 ? 'this article has' : `these ${schedule.undated.length} articles have`} no readable \`lastReviewed\` or \`nextReview\` date, so ${schedule.undated.length === 1 ? 'it is' : 'they are'} not in the schedule (\`healthlint lint\` says why):\n${schedule.undated.map((path) => `  ${displayPath(path)}\n`).join('')}`)
  }
  return exitCodes.ok
}
