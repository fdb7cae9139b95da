// `--format junit`: well-formed XML (checked with the strict `saxes` parser), one test case
// per article, errors as failures, warnings as output, and any text escaped.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {SaxesParser} from 'saxes'
import {VFile} from 'vfile'
import {escapeXml} from '../../src/report/junit.js'
import {formatFiles, runCli} from '../helpers.js'
import {addMessage, articleWithoutFrontmatter, placeholderArticle} from '../ci-project.js'
import {removeProject, temporaryProject} from '../project.js'

interface XmlElement {
  name: string
  attributes: Record<string, string>
  text: string
  children: XmlElement[]
}

/** Parse strictly (saxes throws on any well-formedness error) into a small element tree. */
function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser()
  const stack: XmlElement[] = []
  let root: XmlElement | undefined
  parser.on('opentag', (tag) => {
    const element: XmlElement = {name: tag.name, attributes: {...(tag.attributes as Record<string, string>)}, text: '', children: []}
    if (stack.length > 0) stack.at(-1)!.children.push(element)
    else root = element
    stack.push(element)
  })
  parser.on('text', (text) => {
    if (stack.length > 0) stack.at(-1)!.text += text
  })
  parser.on('closetag', () => stack.pop())
  parser.write(xml).close()
  assert.ok(root, 'the document has a root element')
  return root
}

const junitOf = (files: VFile[]) => formatFiles('junit', files)

describe('junit format', () => {
  it('has one test case per article: errors fail it, warnings go to its output', async () => {
    const root = temporaryProject({
      'articles/clean.md': placeholderArticle(),
      'articles/no-frontmatter.md': articleWithoutFrontmatter,
      'articles/warned.md': placeholderArticle({lastReviewed: 'last spring'}),
      'healthlint.config.json': '{"rules": {"frontmatter-schema": {"severity": "warning", "reason": "the test shows warnings in the report"}}}'
    })
    try {
      const result = await runCli(['lint', '--format', 'junit', '--now', '2026-01-15'], root)
      assert.equal(result.code, 1)
      assert.ok(result.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n'))
      const suites = parseXml(result.stdout)
      assert.equal(suites.name, 'testsuites')
      assert.deepEqual(suites.attributes, {name: 'healthlint', tests: '3', failures: '1', errors: '0', skipped: '0'})
      const [properties, ...cases] = suites.children[0]!.children
      // The config lowers a safety rule: the suite records it, with the reason.
      assert.equal(properties!.name, 'properties')
      assert.deepEqual(properties!.children.map((property) => property.attributes.name), ['healthlint.safetyOverride.frontmatter-schema'])
      assert.match(properties!.children[0]!.attributes.value!, /^Safety rule `frontmatter-schema` is lowered to a warning \(its default is error\) by healthlint\.config\.json\. Reason given: “the test shows warnings in the report”\.$/)
      assert.deepEqual(cases.map((testcase) => testcase.attributes.name), ['articles/clean.md', 'articles/no-frontmatter.md', 'articles/warned.md'])
      assert.deepEqual(cases[0]!.children, [])
      const failure = cases[1]!.children[0]!
      assert.equal(failure.name, 'failure')
      assert.equal(failure.attributes.message, '1 error: This article has no frontmatter. Start the file with a line `---`, then the YAML fields (title, description, category, lastReviewed, reviewedBy), then another line `---`.')
      assert.match(failure.text, /^articles\/no-frontmatter\.md:1:1 {2}error {2}This article has no frontmatter\..* \(frontmatter-syntax\)$/)
      assert.deepEqual(cases[2]!.children.map((child) => child.name), ['system-out'])
      assert.match(cases[2]!.children[0]!.text, /^articles\/warned\.md:5:15 {2}warning {2}`lastReviewed` must be a real date/)
      assert.ok(!result.stdout.includes(root))
      assert.equal((await runCli(['lint', '--format', 'junit', '--now', '2026-01-15'], root)).stdout, result.stdout, 'deterministic')
    } finally {
      removeProject(root)
    }
  })

  it('stays well-formed with markup, quotes, control characters and lone surrogates in names and messages', () => {
    const nasty = 'a & b <c> "d" \'e\' ]]> \u0001\u0008\u001b \uD800 \uFFFE tab\tline\nreturn\r end'
    const file = new VFile({path: 'articles/x&<y>"\'.md', cwd: '/project'})
    addMessage(file, 'error', 'style-rule', nasty, 2)
    addMessage(file, 'warning', 'style-rule', nasty, 3)
    const xml = junitOf([file])
    const testcase = parseXml(xml).children[0]!.children[0]!
    assert.equal(testcase.attributes.name, 'articles/x&<y>"\'.md')
    // Control characters in a message are dropped before any report sees it (report/safe-text.ts).
    const kept = 'a & b <c> "d" \'e\' ]]>  \uFFFD \uFFFD tab\tline\nreturn end'
    assert.equal(testcase.children[0]!.attributes.message, `1 error: ${kept}`, 'an attribute keeps tabs and line breaks')
    assert.equal(testcase.children[0]!.text, `articles/x&<y>"'.md:2:1  error  ${kept}  (style-rule)`)
    assert.equal(testcase.children[1]!.text, `articles/x&<y>"'.md:3:1  warning  ${kept}  (style-rule)`)
  })

  it('writes an empty suite when there is nothing to check', () => {
    const suites = parseXml(junitOf([]))
    assert.equal(suites.attributes.tests, '0')
    assert.deepEqual(suites.children.map((child) => child.name), ['testsuite'])
    assert.deepEqual(suites.children[0]!.children, [])
  })

  it('escapes the five XML specials', () => {
    assert.equal(escapeXml(`<a href="x">&'</a>`), '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;')
  })
})
