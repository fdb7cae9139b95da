// `--format junit`: JUnit XML for CI systems that show test reports (GitLab, Jenkins, Azure
// Pipelines). Each article is one test case: it fails when it has errors, listed in the
// `<failure>`; warnings and notes go to its `<system-out>`. No times, so output is stable.
import {reportPathOf} from './file-path.js'
import {visibleMessages} from './messages.js'
import type {ReportedMessage} from './messages.js'
import type {Reporter, ReporterOptions} from './index.js'
import {describeOverride} from './overrides.js'
import type {ReportedConfig} from './overrides.js'
import {plural} from '../rule-kit/plural.js'

export interface JunitFileEntry {
  path: string
  messages: ReportedMessage[]
}

export function toJunit(entries: JunitFileEntry[], config?: ReportedConfig): string {
  const failures = entries.filter((entry) => entry.messages.some((message) => message.severity === 'error')).length
  const counts = `tests="${entries.length}" failures="${failures}" errors="0" skipped="0"`
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="healthlint" ${counts}>`, `  <testsuite name="healthlint" ${counts}>`]
  // A changed safety rule is a property of the suite, so CI test views show it with every run.
  const overrides = config?.safetyOverrides ?? []
  if (overrides.length > 0) {
    lines.push('    <properties>')
    for (const override of overrides) {
      lines.push(`      <property name="healthlint.safetyOverride.${escapeXml(override.ruleId)}" value="${escapeXml(describeOverride(override, config?.source))}"/>`)
    }
    lines.push('    </properties>')
  }
  for (const entry of entries) {
    const errors = entry.messages.filter((message) => message.severity === 'error')
    const others = entry.messages.filter((message) => message.severity !== 'error')
    const open = `    <testcase name="${escapeXml(entry.path)}" classname="healthlint" file="${escapeXml(entry.path)}"`
    if (errors.length === 0 && others.length === 0) {
      lines.push(open + '/>')
      continue
    }
    lines.push(open + '>')
    if (errors.length > 0) {
      const summary = `${plural(errors.length, 'error')}: ${errors[0]!.message}`
      lines.push(`      <failure message="${escapeXml(summary)}" type="healthlint">${escapeXml(errors.map((message) => describe(entry.path, message)).join('\n'), false)}</failure>`)
    }
    if (others.length > 0) {
      lines.push(`      <system-out>${escapeXml(others.map((message) => describe(entry.path, message)).join('\n'), false)}</system-out>`)
    }
    lines.push('    </testcase>')
  }
  lines.push('  </testsuite>', '</testsuites>')
  return lines.join('\n') + '\n'
}

export function createJunitReporter(options: ReporterOptions): Reporter {
  const entries: JunitFileEntry[] = []
  return {
    file(file) {
      entries.push({path: reportPathOf(file, options.cwd), messages: visibleMessages(file, options.quiet)})
    },
    end() {
      options.write(toJunit(entries, options.config))
    }
  }
}

function describe(path: string, message: ReportedMessage): string {
  return `${path}:${message.line}:${message.column}  ${message.severity}  ${message.message}  (${message.ruleId})`
}

/**
 * Escape text for XML content or (with `attribute`) a double-quoted attribute value.
 * Characters XML 1.0 cannot hold at all (most control characters, lone surrogates,
 * U+FFFE/U+FFFF) become U+FFFD. A parser would turn a raw carriage return into a line feed, and
 * in an attribute any line break or tab into a space, so those are written as references.
 */
export function escapeXml(text: string, attribute = true): string {
  const escaped = text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')
    .replaceAll('\r', '&#13;')
  return attribute ? escaped.replaceAll('\t', '&#9;').replaceAll('\n', '&#10;') : escaped
}
