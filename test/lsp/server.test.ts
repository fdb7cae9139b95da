// `healthlint lsp` driven as an editor drives it: spawned, spoken to over stdio with JSON-RPC,
// its diagnostics compared with `healthlint lint --format json` on the same articles.
import {describe, it, before, after} from 'node:test'
import assert from 'node:assert/strict'
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {TextDocument} from 'vscode-languageserver-textdocument'
import type {CodeAction, CompletionItem, Diagnostic, Hover, PublishDiagnosticsParams, TextEdit} from 'vscode-languageserver-protocol'
import {packageRoot} from '../../src/config/package-files.js'
import {temporaryProject} from '../project.js'
import {runCli} from '../helpers.js'
import {slow} from '../slow.js'
import {initialize, shutdown, startClient} from './client.js'
import type {LspClient} from './client.js'

const now = '2026-03-01'
const seed = readFileSync(join(packageRoot, 'articles', 'lower-back-pain.md'), 'utf8')
// The seed article with a fixable problem (a Latin abbreviation) added to its body.
const withFix = seed.replace('\n# Lower back pain\n', '\n# Lower back pain\n\nRest, e.g. on your side, when the pain is bad.\n')
// A second article that takes the first one's slug, and a misspelt frontmatter key.
const other = seed.replace('category: musculoskeletal', 'slug: back-pain\ncategory: musculoskeletal').replace('reviewedBy:', 'reviewdBy:')

interface Comparable {
  code: string
  severity: number
  range: Diagnostic['range']
  message: string
}

/** Diagnostic messages may be Markdown in LSP 3.18; healthlint sends plain strings. */
const messageOf = (item: Diagnostic) => (typeof item.message === 'string' ? item.message : item.message.value)

const lspSeverity = {error: 1, warning: 2, info: 3} as const

function comparable(diagnostics: Diagnostic[]): Comparable[] {
  return diagnostics.map((item) => ({code: String(item.code), severity: item.severity!, range: item.range, message: messageOf(item)}))
}

async function cliDiagnostics(root: string, path: string): Promise<Comparable[]> {
  const result = await runCli(['lint', '--format', 'json', '--now', now, '--no-cache', 'articles/'], root)
  const report = (JSON.parse(result.stdout) as Array<{path: string; messages: Array<{ruleId: string; severity: keyof typeof lspSeverity; message: string; line: number; column: number; endLine: number; endColumn: number}>}>).find((file) => file.path === path)
  assert.ok(report, `the CLI reports ${path}`)
  return report.messages.map((message) => ({
    code: message.ruleId,
    severity: lspSeverity[message.severity],
    range: {start: {line: message.line - 1, character: message.column - 1}, end: {line: message.endLine - 1, character: message.endColumn - 1}},
    message: message.message
  }))
}

describe('healthlint lsp over stdio', slow, () => {
  let root: string
  let client: LspClient
  const documents = new Map<string, TextDocument>()

  const open = async (path: string, text: string) => {
    const uri = client.uriOf(path)
    documents.set(uri, TextDocument.create(uri, 'markdown', 1, text))
    const published = client.nextDiagnostics(uri)
    await client.connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'markdown', version: 1, text}})
    return published
  }
  const change = async (path: string, edits: TextEdit[], accept?: (params: PublishDiagnosticsParams) => boolean) => {
    const uri = client.uriOf(path)
    const document = documents.get(uri)!
    const text = TextDocument.applyEdits(document, edits)
    const next = TextDocument.create(uri, 'markdown', document.version + 1, text)
    documents.set(uri, next)
    const published = client.nextDiagnostics(uri, (params) => params.version === next.version && (accept?.(params) ?? true))
    await client.connection.sendNotification('textDocument/didChange', {textDocument: {uri, version: next.version}, contentChanges: [{text}]})
    return published
  }
  const actionsFor = (path: string, diagnostic: Diagnostic) =>
    client.connection.sendRequest('textDocument/codeAction', {textDocument: {uri: client.uriOf(path)}, range: diagnostic.range, context: {diagnostics: [diagnostic]}}) as Promise<CodeAction[]>

  before(async () => {
    root = temporaryProject({'articles/back-pain.md': withFix, 'articles/other.md': other})
    client = await startClient(root, ['--now', now])
    const result = (await initialize(client)) as {capabilities: Record<string, unknown>}
    assert.ok(result.capabilities.codeActionProvider)
    assert.ok(result.capabilities.hoverProvider)
  })
  after(() => {
    if (client.child.exitCode === null) client.child.kill()
  })

  let diagnostics: Diagnostic[]

  it('publishes on open the diagnostics `lint --format json` reports, duplicate slugs from the articles on disk included', async () => {
    const published = await open('articles/back-pain.md', withFix)
    diagnostics = published.diagnostics
    assert.deepEqual(comparable(diagnostics), await cliDiagnostics(root, 'articles/back-pain.md'))
    assert.ok(diagnostics.some((item) => item.code === 'duplicate-slug'), 'the other article on disk takes this slug')
    for (const item of diagnostics) {
      assert.equal(item.source, 'healthlint')
      assert.match(item.codeDescription!.href, new RegExp(`#rule-${String(item.code)}$`))
    }
  })

  it('offers the fix a message carries; applying it removes the diagnostic, and the rest equal the CLI on the new text', async () => {
    const latin = diagnostics.find((item) => item.code === 'no-latin-abbreviations')
    assert.ok(latin, 'the added Latin abbreviation is flagged')
    const actions = await actionsFor('articles/back-pain.md', latin)
    const fix = actions.find((action) => action.isPreferred && action.edit)
    assert.ok(fix, `a preferred fix among ${actions.map((action) => action.title).join('; ')}`)
    assert.ok(actions.some((action) => action.command?.command === 'healthlint.openRuleDocumentation' && action.command.arguments?.[0] === latin.codeDescription!.href))
    const edits = fix.edit!.changes![client.uriOf('articles/back-pain.md')]!
    const published = await change('articles/back-pain.md', edits)
    assert.equal(published.diagnostics.filter((item) => item.code === 'no-latin-abbreviations').length, 0)
    const fixed = documents.get(client.uriOf('articles/back-pain.md'))!.getText()
    assert.ok(fixed.includes('Rest, for example, on your side'), fixed.slice(0, 600))
    writeFileSync(join(root, 'articles', 'back-pain.md'), fixed)
    assert.deepEqual(comparable(published.diagnostics), await cliDiagnostics(root, 'articles/back-pain.md'))
    diagnostics = published.diagnostics
  })

  it('offers "disable for this line" with a reason placeholder that lint refuses until written, never for a safety rule', async () => {
    const safety = diagnostics.find((item) => item.code === 'red-flags-urgent-action')
    assert.ok(safety)
    assert.ok(!(await actionsFor('articles/back-pain.md', safety)).some((action) => action.title.startsWith('Disable')))
    const plain = diagnostics.find((item) => item.code === 'plain-english')
    assert.ok(plain)
    const disable = (await actionsFor('articles/back-pain.md', plain)).find((action) => action.title.startsWith('Disable plain-english'))
    assert.ok(disable)
    const [edit] = disable.edit!.changes![client.uriOf('articles/back-pain.md')]!
    assert.match(edit!.newText, /^\s*<!-- healthlint-disable-next-line plain-english -- \[Write why this rule does not apply here\] -->\n$/)
    const published = await change('articles/back-pain.md', [edit!])
    const refused = published.diagnostics.find((item) => item.code === 'suppression' && item.range.start.line === plain.range.start.line)
    assert.ok(refused, 'the placeholder is no reason: the suppression rule reports it')
    assert.equal(refused.severity, 1)
    // Undo it.
    await change('articles/back-pain.md', [{range: {start: {line: plain.range.start.line, character: 0}, end: {line: plain.range.start.line + 1, character: 0}}, newText: ''}])
  })

  it('offers the did-you-mean of a misspelt frontmatter key', async () => {
    const published = await open('articles/other.md', other)
    const misspelt = published.diagnostics.find((item) => item.code === 'frontmatter-schema' && messageOf(item).includes('reviewdBy'))
    assert.ok(misspelt, published.diagnostics.map(messageOf).join('\n'))
    const rename = (await actionsFor('articles/other.md', misspelt)).find((action) => action.title === 'Change “reviewdBy” to “reviewedBy”')
    assert.ok(rename)
    const after = await change('articles/other.md', rename.edit!.changes![client.uriOf('articles/other.md')]!)
    assert.ok(!after.diagnostics.some((item) => messageOf(item).includes('reviewdBy')))
  })

  it('hovers a flagged word with its rule\'s description and rationale, and a frontmatter key with its field', async () => {
    const plain = diagnostics.find((item) => item.code === 'plain-english')!
    const hover = (await client.connection.sendRequest('textDocument/hover', {textDocument: {uri: client.uriOf('articles/back-pain.md')}, position: plain.range.start})) as Hover
    const text = (hover.contents as {value: string}).value
    assert.match(text, /\*\*plain-english\*\*/)
    assert.match(text, /\[Documentation\]\(https:\/\/.*#rule-plain-english\)/)
    const key = (await client.connection.sendRequest('textDocument/hover', {textDocument: {uri: client.uriOf('articles/back-pain.md')}, position: {line: 4, character: 3}})) as Hover
    assert.match((key.contents as {value: string}).value, /^\*\*lastReviewed\*\* \(required\): The date of the last clinical review/)
  })

  it('completes the frontmatter fields not yet written, and categories the articles use', async () => {
    // A new line at the top of the frontmatter.
    await change('articles/back-pain.md', [{range: {start: {line: 1, character: 0}, end: {line: 1, character: 0}}, newText: '\n'}])
    const fields = (await client.connection.sendRequest('textDocument/completion', {textDocument: {uri: client.uriOf('articles/back-pain.md')}, position: {line: 1, character: 0}})) as CompletionItem[]
    const labels = fields.map((item) => item.label)
    assert.ok(labels.includes('slug'))
    assert.ok(!labels.includes('title'), 'title is already written')
    const values = (await client.connection.sendRequest('textDocument/completion', {textDocument: {uri: client.uriOf('articles/back-pain.md')}, position: {line: 4, character: 10}})) as CompletionItem[]
    assert.deepEqual(values.map((item) => item.label), ['musculoskeletal'])
    await change('articles/back-pain.md', [{range: {start: {line: 1, character: 0}, end: {line: 2, character: 0}}, newText: ''}])
  })

  it('answers requests while a slow article is being checked', async () => {
    // Underlined headings make the Markdown parser quadratic (src/pipeline/budget.ts): seconds of work.
    const slowText = `---\ntitle: Slow\n---\n\n${'a\n=\n'.repeat(4990)}`
    const uri = client.uriOf('articles/slow.md')
    let published = false
    const slowDiagnostics = client.nextDiagnostics(uri, undefined, 120_000).then((params) => ((published = true), params))
    await client.connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'markdown', version: 1, text: slowText}})
    await new Promise((resolve) => setTimeout(resolve, 200))
    const fields = (await client.connection.sendRequest('textDocument/completion', {textDocument: {uri}, position: {line: 1, character: 0}})) as CompletionItem[]
    assert.ok(fields.some((item) => item.label === 'category'))
    const hover = (await client.connection.sendRequest('textDocument/hover', {textDocument: {uri: client.uriOf('articles/back-pain.md')}, position: {line: 1, character: 2}})) as Hover
    assert.match((hover.contents as {value: string}).value, /^\*\*title\*\*/)
    assert.equal(published, false, 'both answered before the slow article’s check finished')
    const {diagnostics: found} = await slowDiagnostics
    assert.ok(found.some((item) => item.code === 'frontmatter-schema'))
    await client.connection.sendNotification('textDocument/didClose', {textDocument: {uri}})
  })

  it('re-checks open articles when the config changes, and shows an invalid config as one diagnostic on it', async () => {
    const uri = client.uriOf('articles/back-pain.md')
    const quiet = client.nextDiagnostics(uri, (params) => !params.diagnostics.some((item) => item.code === 'plain-english'))
    writeFileSync(join(root, 'healthlint.config.json'), JSON.stringify({rules: {'plain-english': 'off'}}))
    const published = await quiet
    assert.ok(published.diagnostics.some((item) => item.code === 'hard-sentence'))
    const configUri = client.uriOf('healthlint.config.json')
    const broken = client.nextDiagnostics(configUri, (params) => params.diagnostics.length > 0)
    writeFileSync(join(root, 'healthlint.config.json'), '{"rules": ')
    const shown = await broken
    assert.equal(shown.diagnostics.length, 1)
    assert.match(messageOf(shown.diagnostics[0]!), /not valid JSON/)
    // Still answering, with the last valid config.
    const still = await change('articles/back-pain.md', [{range: {start: {line: 14, character: 0}, end: {line: 14, character: 0}}, newText: ' '}])
    assert.ok(!still.diagnostics.some((item) => item.code === 'plain-english'))
    const fixedConfig = client.nextDiagnostics(configUri, (params) => params.diagnostics.length === 0)
    writeFileSync(join(root, 'healthlint.config.json'), '{}')
    await fixedConfig
  })

  it('holds an editor\'s text to the size limit a file on disk has, as lint does', async () => {
    const big = `${seed}\n${'Rest helps. '.repeat(25_000)}\n`
    writeFileSync(join(root, 'articles', 'big.md'), big)
    const published = await open('articles/big.md', big)
    assert.deepEqual(comparable(published.diagnostics), await cliDiagnostics(root, 'articles/big.md'))
    assert.ok(published.diagnostics.some((item) => item.code === 'file-type'))
  })

  it('shuts down and exits cleanly', async () => {
    assert.equal(await shutdown(client), 0)
    assert.doesNotMatch(client.stderr(), /internal error/)
  })
})

describe('healthlint lsp with a plugin', slow, () => {
  const example = join(packageRoot, 'examples', 'content-team-plugin')
  const path = 'articles/booking-an-appointment.md'

  it('without --allow-plugins: one diagnostic on the config, and the server keeps running', async () => {
    const client = await startClient(example, ['--now', now])
    const shown = client.nextDiagnostics(client.uriOf('healthlint.config.json'))
    await initialize(client)
    const {diagnostics} = await shown
    assert.equal(diagnostics.length, 1)
    assert.match(messageOf(diagnostics[0]!), /names plugins \(`\.\/plugin\.js`\), which run code\. Pass --allow-plugins/)
    assert.equal(await shutdown(client), 0)
  })

  it('with --allow-plugins: the plugin\'s rules too, as lint reports them, and the plugin listed on stderr', async () => {
    const client = await startClient(example, ['--now', now, '--allow-plugins'])
    await initialize(client)
    const uri = client.uriOf(path)
    const published = client.nextDiagnostics(uri)
    await client.connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'markdown', version: 1, text: readFileSync(join(example, path), 'utf8')}})
    const {diagnostics} = await published
    const result = await runCli(['lint', '--format', 'json', '--now', now, '--no-cache', '--allow-plugins', path], example)
    const report = (JSON.parse(result.stdout) as Array<{messages: Array<{ruleId: string; severity: keyof typeof lspSeverity; message: string; line: number; column: number; endLine: number; endColumn: number}>}>)[0]!
    assert.deepEqual(
      comparable(diagnostics),
      report.messages.map((message) => ({
        code: message.ruleId,
        severity: lspSeverity[message.severity],
        range: {start: {line: message.line - 1, character: message.column - 1}, end: {line: message.endLine - 1, character: message.endColumn - 1}},
        message: message.message
      }))
    )
    assert.ok(diagnostics.some((item) => item.code === 'content-team-internal-names'))
    assert.match(client.stderr(), /loaded the plugin \.\/plugin\.js \(rules: content-team-internal-names\)/)
    assert.equal(await shutdown(client), 0)
  })
})
