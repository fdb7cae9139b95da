// Safety rules the configuration changed (config.ts `safetyOverrides`), as every report shows
// them. A pull request can edit healthlint.config.json as easily as an article, so turning a
// safety rule off, lowering it or changing its options is never silent: stylish and github
// output, JSON, SARIF, JUnit, the job summary and the bundle's index.json all carry it.
import type {SafetyOverride} from '../config/config.js'
import {oneLine} from './safe-text.js'

/** What reporters know of the configuration. */
export interface ReportedConfig {
  /** The config file's path, relative to cwd, or undefined for the defaults. */
  source: string | undefined
  safetyOverrides: readonly SafetyOverride[]
}

/** The stable JSON shape of one override (JSON report and bundle index). */
export interface JsonSafetyOverride {
  ruleId: string
  severity: 'off' | 'warning' | 'error'
  defaultSeverity: 'warning' | 'error'
  changedOptions: string[]
  /** The reason the config gives, or null when it gives none (allowed only for changed options). */
  reason: string | null
}

export function toJsonOverride(override: SafetyOverride): JsonSafetyOverride {
  return {
    ruleId: override.ruleId,
    severity: override.severity,
    defaultSeverity: override.defaultSeverity,
    changedOptions: [...override.changedOptions],
    reason: override.reason === undefined ? null : oneLine(override.reason)
  }
}

/** One sentence: what the config did to the rule, and why. */
export function describeOverride(override: SafetyOverride, source: string | undefined): string {
  const where = source ?? 'the configuration'
  const changes: string[] = []
  if (override.severity === 'off') changes.push(`turned off (its default is ${override.defaultSeverity})`)
  else if (override.severity !== override.defaultSeverity) changes.push(`lowered to a ${override.severity} (its default is ${override.defaultSeverity})`)
  if (override.changedOptions.length > 0) changes.push(`given other options (${override.changedOptions.join(', ')})`)
  const why = override.reason === undefined ? 'No reason is given.' : `Reason given: “${oneLine(override.reason)}”.`
  return `Safety rule \`${override.ruleId}\` is ${changes.join(' and ')} by ${where}. ${why}`
}

/** The lines stylish output (and the github log) prints before the totals, or ''. */
export function formatOverrides(config: ReportedConfig | undefined): string {
  if (!config || config.safetyOverrides.length === 0) return ''
  const count = config.safetyOverrides.length
  const lines = [`⚠ ${count} safety rule${count === 1 ? ' is' : 's are'} changed by ${config.source ?? 'the configuration'}; a clinical owner should review ${count === 1 ? 'this change' : 'these changes'}:`]
  for (const override of config.safetyOverrides) lines.push(`  ${describeOverride(override, config.source)}`)
  return lines.join('\n') + '\n'
}
