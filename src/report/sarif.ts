// `--format sarif`: SARIF 2.1.0, the format GitHub code scanning and many review tools read.
// One `reportingDescriptor` per rule (with its docs URL as `helpUri`), results with URIs
// relative to the working directory (`%SRCROOT%`), regions in the original file, and
// fingerprints that survive edits elsewhere in the article. The log holds no times and no
// absolute paths, so the same input gives the same bytes.
import {createHash} from 'node:crypto'
import type {Artifact, Fix, Invocation, Log, ReportingDescriptor, Result} from 'sarif'
import type {RuleSet} from '../rule-kit/rule-set.js'
import {readPackageJson} from '../config/package-files.js'
import {reportPathOf} from './file-path.js'
import {visibleMessages} from './messages.js'
import type {MessageSeverity, ReportedFix, ReportedMessage} from './messages.js'
import type {Reporter, ReporterOptions} from './index.js'
import {describeOverride} from './overrides.js'
import type {ReportedConfig} from './overrides.js'

export const sarifSchemaUri = 'https://json.schemastore.org/sarif-2.1.0.json'
const informationUri = 'https://github.com/healthlint/healthlint'
const levels: Record<MessageSeverity, NonNullable<Result['level']>> = {error: 'error', warning: 'warning', info: 'note'}

export interface SarifFileEntry {
  path: string
  messages: ReportedMessage[]
}

/** Build the SARIF log for the files of one run, in the order they were linted. */
export function toSarif(entries: SarifFileEntry[], ruleSet: RuleSet, config?: ReportedConfig): Log {
  const pkg = readPackageJson()
  const rules = ruleSet.rules
  const descriptors: ReportingDescriptor[] = rules.map((rule) => {
    const descriptor: ReportingDescriptor = {
      id: rule.id,
      shortDescription: {text: rule.description},
      fullDescription: {text: rule.rationale},
      helpUri: rule.url,
      help: {text: `${rule.description} ${rule.rationale}`},
      defaultConfiguration: {level: levels[rule.severity]}
    }
    if (rule.safety) descriptor.properties = {tags: ['safety']}
    return descriptor
  })
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]))

  const artifacts: Artifact[] = []
  const results: Result[] = []
  for (const entry of entries) {
    const artifactIndex = artifacts.length
    // Every article checked is listed, clean or not, so the log records what was analysed.
    artifacts.push({location: {uri: toUri(entry.path), uriBaseId: '%SRCROOT%'}, roles: ['analysisTarget'], sourceLanguage: 'markdown'})
    const seen = new Map<string, number>()
    for (const message of entry.messages) {
      // A message from outside the rule set (should not happen) still gets a descriptor.
      if (!ruleIndex.has(message.ruleId)) {
        ruleIndex.set(message.ruleId, descriptors.length)
        descriptors.push({id: message.ruleId, shortDescription: {text: message.ruleId}, ...(message.url ? {helpUri: message.url} : {})})
      }
      // The fingerprint leaves out the line, so that a result keeps its identity when text
      // above it moves; repeats of the same message in a file are told apart by their count.
      const key = `${message.ruleId}\u0000${entry.path}\u0000${message.message}`
      const occurrence = (seen.get(key) ?? 0) + 1
      seen.set(key, occurrence)
      results.push({
        ruleId: message.ruleId,
        ruleIndex: ruleIndex.get(message.ruleId),
        level: levels[message.severity],
        message: {text: message.note ? `${message.message}\n${message.note}` : message.message},
        locations: [
          {
            physicalLocation: {
              artifactLocation: {uri: toUri(entry.path), uriBaseId: '%SRCROOT%', index: artifactIndex},
              region: {startLine: message.line, startColumn: message.column, endLine: message.endLine, endColumn: message.endColumn}
            }
          }
        ],
        partialFingerprints: {'healthlintMessage/v1': createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex')},
        ...(message.fix ? {fixes: [sarifFix(message.fix, entry.path, artifactIndex)]} : {})
      })
    }
  }

  return {
    $schema: sarifSchemaUri,
    version: '2.1.0',
    runs: [
      {
        tool: {driver: {name: pkg.name, version: pkg.version, semanticVersion: pkg.version, informationUri, rules: descriptors}},
        originalUriBaseIds: {'%SRCROOT%': {description: {text: 'The directory healthlint was run in (the repository root in CI).'}}},
        artifacts,
        results,
        // SARIF's own place for a rule whose configuration differs from its default, with a
        // notification carrying the reason, so code scanning shows a weakened safety rule.
        ...(config && config.safetyOverrides.length > 0 ? {invocations: [invocationOf(config, ruleIndex)]} : {}),
        // vfile positions count UTF-16 code units, which is SARIF's default; say so anyway.
        columnKind: 'utf16CodeUnits'
      }
    ]
  }
}

export function createSarifReporter(options: ReporterOptions): Reporter {
  const entries: SarifFileEntry[] = []
  return {
    file(file) {
      entries.push({path: reportPathOf(file, options.cwd), messages: visibleMessages(file, options.quiet)})
    },
    end() {
      options.write(JSON.stringify(toSarif(entries, options.rules, options.config), null, 2) + '\n')
    }
  }
}

/** The run's invocation, only when the config changed a safety rule (it has no times, so output stays stable). */
function invocationOf(config: ReportedConfig, ruleIndex: ReadonlyMap<string, number>): Invocation {
  const overrides = config.safetyOverrides
  const invocation: Invocation = {executionSuccessful: true}
  const level = (severity: string): NonNullable<Result['level']> => (severity === 'off' ? 'none' : levels[severity as MessageSeverity])
  invocation.ruleConfigurationOverrides = overrides.map((override) => ({
    descriptor: {id: override.ruleId, index: ruleIndex.get(override.ruleId)},
    configuration: {enabled: override.severity !== 'off', level: level(override.severity)}
  }))
  invocation.toolConfigurationNotifications = overrides.map((override) => ({
    level: 'warning',
    message: {text: describeOverride(override, config.source)},
    associatedRule: {id: override.ruleId, index: ruleIndex.get(override.ruleId)}
  }))
  return invocation
}

/** A fix as SARIF 2.1.0 writes it: one replacement in the article (§3.55–3.57). */
function sarifFix(fix: ReportedFix, path: string, artifactIndex: number): Fix {
  return {
    description: {text: fix.text === '' ? 'Remove the text.' : `Replace with “${fix.text}”.`},
    artifactChanges: [
      {
        artifactLocation: {uri: toUri(path), uriBaseId: '%SRCROOT%', index: artifactIndex},
        replacements: [
          {
            deletedRegion: {startLine: fix.line, startColumn: fix.column, endLine: fix.endLine, endColumn: fix.endColumn},
            insertedContent: {text: fix.text}
          }
        ]
      }
    ]
  }
}

/** A relative URI reference for a relative path: each segment percent-encoded. */
export function toUri(path: string): string {
  return path.split('/').map((segment) => encodeURIComponent(segment)).join('/')
}
