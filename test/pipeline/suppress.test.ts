// Inline suppressions: every accepted form on synthetic messages (the registry has no
// non-safety rule yet, so the lookup is injected), and the refused forms through the real
// pipeline and the JSON report.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {VFile} from 'vfile'
import {defaultLimits} from '../../src/config/config.js'
import {parseArticle} from '../../src/pipeline/parse.js'
import {applySuppressions, readSuppressions} from '../../src/pipeline/suppress.js'
import type {RuleLookup} from '../../src/pipeline/suppress.js'
import {toJsonReport} from '../../src/report/json.js'
import {briefOf, lintText} from '../helpers.js'
import '../../src/pipeline/data.js'
import {recordedMessages} from '../../rules/suppression.js'
import {messageOf} from '../../src/pipeline/problems.js'

const lookup: RuleLookup = {
  ruleIds: ['plain-words', 'long-sentences', 'frontmatter-schema'],
  isSafetyRule: (id) => id === 'frontmatter-schema'
}

/**
 * Parse `body` (below a small frontmatter, so body line N is file line N + 3), read its
 * suppressions, add one message per `[line, ruleId]`, apply, and return what is left.
 */
function suppress(body: string, messages: Array<[number, string]>) {
  const file = new VFile({path: 'articles/example.md', value: `---\ntitle: Example\n---\n${body}`})
  file.data.loaded = true
  parseArticle(file, defaultLimits)
  const suppressions = readSuppressions(file, file.data.tree!, lookup)
  for (const [line, ruleId] of messages) {
    const message = file.message(`Problem on line ${line}.`, {place: {line, column: 1}, ruleId})
    message.fatal = true
  }
  applySuppressions(file, suppressions)
  return {
    left: file.messages.map((message) => `${message.line} ${message.ruleId}`),
    problems: (file.data.problems ?? []).map((problem) => `${'line' in problem.place ? problem.place.line : problem.place.start.line}: ${messageOf(recordedMessages, problem)}`),
    suppressions: file.data.suppressions!
  }
}

describe('accepted suppressions', () => {
  it('disable-next-line covers only the next line with content, skipping blank lines', () => {
    const result = suppress('\n<!-- healthlint-disable-next-line plain-words -- quoted from the NICE guideline -->\n\nFirst line.\nSecond line.\n', [
      [7, 'plain-words'],
      [8, 'plain-words'],
      [7, 'long-sentences']
    ])
    assert.deepEqual(result.left, ['8 plain-words', '7 long-sentences'])
    assert.deepEqual(result.problems, [])
    assert.equal(result.suppressions.length, 1)
    const [only] = result.suppressions
    assert.deepEqual(
      {ruleId: only!.ruleId, kind: only!.kind, reason: only!.reason, fromLine: only!.fromLine, toLine: only!.toLine, suppressed: only!.suppressed, line: only!.position.start.line},
      {ruleId: 'plain-words', kind: 'disable-next-line', reason: 'quoted from the NICE guideline', fromLine: 7, toLine: 7, suppressed: 1, line: 5}
    )
  })

  it('disable … enable covers the lines between the two comments', () => {
    const result = suppress('\n<!-- healthlint-disable long-sentences -- a list of symptoms -->\nOne.\nTwo.\n<!-- healthlint-enable long-sentences -->\nThree.\n', [
      [5, 'long-sentences'],
      [6, 'long-sentences'],
      [7, 'long-sentences'],
      [8, 'long-sentences'],
      [9, 'long-sentences']
    ])
    assert.deepEqual(result.left, ['5 long-sentences', '8 long-sentences', '9 long-sentences'])
    assert.deepEqual(result.suppressions.map((item) => [item.fromLine, item.toLine, item.suppressed]), [[6, 7, 2]])
  })

  it('disable without enable runs to the end of the file', () => {
    const result = suppress('<!-- healthlint-disable plain-words -- glossary section -->\nOne.\n\nTwo.\n', [
      [4, 'plain-words'],
      [5, 'plain-words'],
      [7, 'plain-words']
    ])
    // The comment's own line (4) is not covered.
    assert.deepEqual(result.left, ['4 plain-words'])
    assert.deepEqual(result.suppressions.map((item) => [item.fromLine, item.toLine, item.suppressed]), [[5, 7, 2]])
  })

  it('accepts several rule ids separated by commas or spaces, and a multi-line comment', () => {
    const result = suppress('<!--\n  healthlint-disable-next-line plain-words,long-sentences  plain-words\n  -- agreed with\n  the reviewer\n-->\nText.\n', [
      [9, 'plain-words'],
      [9, 'long-sentences']
    ])
    assert.deepEqual(result.left, [])
    assert.deepEqual(result.suppressions.map((item) => [item.ruleId, item.reason, item.fromLine]), [
      ['plain-words', 'agreed with the reviewer', 9],
      ['long-sentences', 'agreed with the reviewer', 9],
      ['plain-words', 'agreed with the reviewer', 9]
    ])
    // The first of the two matching suppressions takes the message; the second is recorded as unused.
    assert.deepEqual(result.suppressions.map((item) => item.suppressed), [1, 1, 0])
  })

  it('reads a comment inside a paragraph', () => {
    const result = suppress('Text <!-- healthlint-disable-next-line plain-words -- brand name --> here.\nNext line.\n', [
      [4, 'plain-words'],
      [5, 'plain-words']
    ])
    assert.deepEqual(result.left, ['4 plain-words'])
  })

  it('records a suppression that covers nothing with a count of 0, and one at the end of the file', () => {
    const result = suppress('Text.\n\n<!-- healthlint-disable-next-line plain-words -- nothing follows -->\n', [[4, 'plain-words']])
    assert.deepEqual(result.left, ['4 plain-words'])
    assert.equal(result.suppressions[0]!.suppressed, 0)
  })

  it('ignores other comments and suppression text in code', () => {
    const result = suppress('<!-- lint disable plain-words -->\n\n```\n<!-- healthlint-disable plain-words -- in code -->\n```\n\nText.\n', [[10, 'plain-words']])
    assert.deepEqual(result.left, ['10 plain-words'])
    assert.deepEqual(result.suppressions, [])
    assert.deepEqual(result.problems, [])
  })
})

describe('refused suppressions', () => {
  it('refuses a comment without a reason, and does not apply it', () => {
    const result = suppress('<!-- healthlint-disable-next-line plain-words -->\nText.\n<!-- healthlint-disable-next-line plain-words --   -->\nText.\n', [
      [5, 'plain-words'],
      [7, 'plain-words']
    ])
    assert.deepEqual(result.left, ['5 plain-words', '7 plain-words'])
    assert.equal(result.problems.length, 2)
    assert.match(result.problems[0]!, /^4: This suppression gives no reason/)
    assert.match(result.problems[1]!, /^6: This suppression gives no reason/)
  })

  it('refuses the whole comment when one of its rules is a safety rule', () => {
    const result = suppress('<!-- healthlint-disable plain-words, frontmatter-schema -- reviewer agreed -->\nText.\n', [
      [5, 'plain-words'],
      [5, 'frontmatter-schema']
    ])
    assert.deepEqual(result.left, ['5 plain-words', '5 frontmatter-schema'])
    assert.deepEqual(result.problems, ['4: `frontmatter-schema` is a safety rule and cannot be suppressed in an article, so this comment suppresses nothing: fix what it reports instead.'])
  })

  it('refuses an unknown rule with a suggestion', () => {
    const result = suppress('<!-- healthlint-disable-next-line plain-word -- typo -->\nText.\n', [[5, 'plain-words']])
    assert.deepEqual(result.left, ['5 plain-words'])
    assert.deepEqual(result.problems, ['4: There is no rule `plain-word`, so this comment suppresses nothing. Did you mean `plain-words`?'])
  })

  it('refuses a second disable of a rule that is already off, and an enable of one that is not', () => {
    const result = suppress('<!-- healthlint-disable plain-words -- glossary -->\nOne.\n<!-- healthlint-disable plain-words -- again -->\n<!-- healthlint-enable plain-words -->\n<!-- healthlint-enable plain-words -->\nTwo.\n', [
      [5, 'plain-words'],
      [9, 'plain-words']
    ])
    assert.deepEqual(result.left, ['9 plain-words'])
    assert.deepEqual(result.problems, [
      '6: `plain-words` is already turned off by the comment on line 4. Remove this comment, or add `<!-- healthlint-enable plain-words -->` before it.',
      '8: `plain-words` is not turned off by a `healthlint-disable` comment above this one, so there is nothing to enable. Remove this comment, or check the rule id.'
    ])
  })
})

describe('suppressions in the real pipeline', () => {
  const article = (body: string) => `---\ntitle: Lower back pain\n---\n\n${body}`

  it('reports a refused suppression as an error under `suppression`, at the rule id', async () => {
    const file = await lintText(article('<!-- healthlint-disable-next-line require-red-flags, suppression -- agreed -->\nText.\n'))
    assert.deepEqual(briefOf(file, 'suppression'), [
      '5:35: `require-red-flags` is a safety rule and cannot be suppressed in an article, so this comment suppresses nothing: fix what it reports instead.',
      '5:54: `suppression` is a safety rule and cannot be suppressed in an article, so this comment suppresses nothing: fix what it reports instead.'
    ])
    assert.ok(file.messages.filter((message) => message.ruleId === 'suppression').every((message) => message.fatal === true))
  })

  it('always gives the JSON report a `suppressions` array, in a stable key order', async () => {
    const file = await lintText(article('Text.\n'))
    assert.deepEqual(toJsonReport(file).suppressions, [])
    assert.deepEqual(Object.keys(toJsonReport(file)).slice(0, 3), ['path', 'messages', 'suppressions'])
  })

  it('suppresses a non-safety rule end to end, and only on the line it names', async () => {
    const image = '![](https://tracker.example/pixel.gif)'
    const file = await lintText(article(`<!-- healthlint-disable-next-line remote-image -- the practice's own image host -->\n${image}\n\n${image}\n`))
    assert.deepEqual(briefOf(file, 'remote-image').map((line) => line.slice(0, 4)), ['8:1:'], 'the second image is still reported')
    assert.deepEqual(briefOf(file, 'suppression'), [])
    const [suppression] = toJsonReport(file).suppressions
    assert.deepEqual({ruleId: suppression?.ruleId, fromLine: suppression?.fromLine, toLine: suppression?.toLine, suppressed: suppression?.suppressed, reason: suppression?.reason}, {ruleId: 'remote-image', fromLine: 6, toLine: 6, suppressed: 1, reason: "the practice's own image host"})
  })

  it('lists an applied suppression in the JSON report', () => {
    const file = new VFile({path: 'articles/example.md', value: '---\ntitle: Example\n---\n\n<!-- healthlint-disable-next-line plain-words -- brand name -->\nText.\n'})
    file.data.loaded = true
    parseArticle(file, defaultLimits)
    file.message('Problem.', {place: {line: 6, column: 1}, ruleId: 'plain-words'})
    applySuppressions(file, readSuppressions(file, file.data.tree!, lookup))
    const report = toJsonReport(file)
    assert.deepEqual(report.messages, [])
    assert.equal(
      JSON.stringify(report.suppressions),
      '[{"ruleId":"plain-words","kind":"disable-next-line","reason":"brand name","line":5,"column":1,"endLine":5,"endColumn":64,"fromLine":6,"toLine":6,"suppressed":1}]'
    )
  })
})
