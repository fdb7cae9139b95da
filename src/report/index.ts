// The report formats `--format` accepts. A reporter is told about each file as it finishes
// (so output streams) and about the totals at the end.
import type {VFile} from 'vfile'
import {createGithubReporter} from './github.js'
import {createJsonStream} from './json.js'
import {createJunitReporter} from './junit.js'
import type {Totals} from './messages.js'
import {createSarifReporter} from './sarif.js'
import {formatStylish, formatTotals} from './stylish.js'
import {readabilitySummaryOf} from './readability.js'
import {formatOverrides} from './overrides.js'
import type {ReportedConfig} from './overrides.js'
import type {RuleSet} from '../rule-kit/rule-set.js'

export interface ReporterOptions {
  write(chunk: string): void
  quiet: boolean
  color: boolean
  cwd: string
  env: Record<string, string | undefined>
  /** The run's rules (the config's `ruleSet`), for the formats that describe them. */
  rules: RuleSet
  /** The run's configuration, for the safety rules it changed (none when left out). */
  config?: ReportedConfig
}

export interface Reporter {
  file(file: VFile): void
  end(totals: Totals): void
}

export type ReporterFactory = (options: ReporterOptions) => Reporter

export const reporters: Record<string, ReporterFactory> = {
  stylish(options) {
    return {
      // With --quiet (errors only) the per-file readability summary is left out too.
      file: (file) => options.write(formatStylish(file, options, options.quiet ? undefined : readabilitySummaryOf(file))),
      end: (totals) => options.write(formatOverrides(options.config) + formatTotals(totals, options))
    }
  },
  json(options) {
    const stream = createJsonStream(options.write, options.quiet, options.config)
    return {file: (file) => stream.file(file), end: () => stream.end()}
  },
  github: createGithubReporter,
  sarif: createSarifReporter,
  junit: createJunitReporter
}
