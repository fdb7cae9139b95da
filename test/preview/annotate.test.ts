// Marking messages on the published HTML: each kind of place (a range of text, a whole block, a
// point, an image, a link, a place between blocks) on bodies made by the real emitter.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {toHtml} from 'hast-util-to-html'
import {renderBody} from '../../src/publish/emit.js'
import {annotateBody} from '../../src/preview/annotate.js'
import type {MessageToPlace, Placement} from '../../src/preview/annotate.js'
import {lintText} from '../helpers.js'

interface Wanted {
  /** The text the message starts at (its first occurrence, or after `after`). */
  at: string
  /** How many characters it covers (0: a point). */
  length: number
  severity?: MessageToPlace['severity']
  reason?: string
}

/** The body of `markdown` as published, with `wanted` marked; and how each was placed. */
async function annotate(markdown: string, wanted: Wanted[]): Promise<{html: string; placements: Placement[]}> {
  const file = await lintText(markdown, {rules: {}})
  const body = renderBody(file.data.tree!)
  const messages = wanted.map((message, index): MessageToPlace => {
    const start = markdown.indexOf(message.at)
    assert.ok(start >= 0, `${message.at} is in the input`)
    return {number: index + 1, severity: message.severity ?? 'warning', ruleId: 'some-rule', reason: message.reason ?? 'Placeholder reason.', start, end: start + message.length}
  })
  const placed = annotateBody(body, messages)
  return {html: toHtml(body), placements: messages.map((message) => placed.get(message.number)!)}
}

const reference = (number: number, severity = 'warning', icon = '▲', label = 'Warning') =>
  `<a class="hl-ref hl-${severity}" href="#hl-item-${number}" data-hl-message="${number}"><span aria-hidden="true">${icon}</span><span class="hl-sr">${label} </span>${number}</a>`
const title = (number: number, reason = 'Placeholder reason.', label = 'Warning') => `${label} ${number} (some-rule): ${reason}`
const callout = (number: number, reason = 'Placeholder reason.') =>
  `<div class="hl-callout hl-warning" id="hl-m-${number}" tabindex="-1" role="note" data-hl-message="${number}"><p class="hl-callout-head"><span aria-hidden="true">▲ </span><strong>Warning ${number}</strong> · <code>some-rule</code></p><p>${reason} </p><p class="hl-callout-link"><a href="#hl-item-${number}">Message ${number} in the list</a></p></div>`

describe('annotateBody', () => {
  it('wraps exactly the sentence a message covers in <mark>, with a reference after it', async () => {
    const sentence = 'It can range from mild stiffness to more severe pain that affects movement, sleep, or work.'
    const {html, placements} = await annotate(`Lower back pain is common. ${sentence} Most cases improve.\n`, [{at: sentence, length: sentence.length}])
    assert.deepEqual(placements, ['mark'])
    assert.equal(html, `<p>Lower back pain is common. <mark class="hl-mark hl-warning" id="hl-m-1" tabindex="-1" data-hl-message="1" title="${title(1)}">${sentence}</mark>${reference(1)} Most cases improve.</p>`)
  })

  it('marks a range that crosses emphasis in pieces, the id on the first and the reference after the last', async () => {
    const {html} = await annotate('Keep moving and *avoid prolonged* bed rest.\n', [{at: 'moving', length: 'moving and *avoid'.length}])
    assert.equal(html, `<p>Keep <mark class="hl-mark hl-warning" id="hl-m-1" tabindex="-1" data-hl-message="1" title="${title(1)}">moving and </mark><em><mark class="hl-mark hl-warning" data-hl-message="1" title="${title(1)}">avoid</mark>${reference(1)} prolonged</em> bed rest.</p>`)
  })

  it('marks link text inside the link and puts the reference after the link (links cannot nest)', async () => {
    const markdown = 'See [www.nhs.uk](https://www.nhs.uk.evil.example/login) for more.\n'
    const {html} = await annotate(markdown, [{at: '[www', length: '[www.nhs.uk](https://www.nhs.uk.evil.example/login)'.length}])
    assert.equal(html, `<p>See <a href="https://www.nhs.uk.evil.example/login"><mark class="hl-mark hl-warning" id="hl-m-1" tabindex="-1" data-hl-message="1" title="${title(1)}">www.nhs.uk</mark></a>${reference(1)} for more.</p>`)
  })

  it('calls out a whole block before it, outlined, keeping the messages in order', async () => {
    const list = '- Loss of bladder or bowel control\n- Progressive leg weakness\n'
    const {html, placements} = await annotate(`Symptoms can develop suddenly.\n\n${list}`, [
      {at: '- Loss', length: list.length - 1, reason: 'First.'},
      {at: '- Loss', length: list.length - 1, reason: 'Second.'}
    ])
    assert.deepEqual(placements, ['callout', 'callout'])
    assert.equal(html, `<p>Symptoms can develop suddenly.</p>\n${callout(1, 'First.')}${callout(2, 'Second.')}<ul class="hl-flagged hl-flagged-warning">\n<li>Loss of bladder or bowel control</li>\n<li>Progressive leg weakness</li>\n</ul>`)
  })

  it('calls out a whole heading before it without outlining it (it stands for its section)', async () => {
    const {html} = await annotate('## Red flag symptoms\n\n- Progressive leg weakness\n', [{at: '## Red', length: '## Red flag symptoms'.length}])
    assert.ok(html.startsWith(`${callout(1)}<h2 id="user-content-red-flag-symptoms">Red flag symptoms</h2>`), html)
  })

  it('marks a paragraph or list item that is one whole sentence on its text, not with a callout', async () => {
    const {html, placements} = await annotate('Stiffness, especially in the morning or after rest.\n\n- First placeholder\n- Second placeholder\n', [
      {at: 'Stiffness', length: 'Stiffness, especially in the morning or after rest.'.length},
      {at: '- Second', length: '- Second placeholder'.length}
    ])
    assert.deepEqual(placements, ['mark', 'mark'])
    assert.equal(html, `<p><mark class="hl-mark hl-warning" id="hl-m-1" tabindex="-1" data-hl-message="1" title="${title(1)}">Stiffness, especially in the morning or after rest.</mark>${reference(1)}</p>\n<ul>\n<li>First placeholder</li>\n<li><mark class="hl-mark hl-warning" id="hl-m-2" tabindex="-1" data-hl-message="2" title="${title(2)}">Second placeholder</mark>${reference(2)}</li>\n</ul>`)
  })

  it('calls out something missing even when it is reported at a paragraph (the last block, say)', async () => {
    const file = await lintText('# Placeholder\n\nPlaceholder paragraph.\n', {rules: {}})
    const body = renderBody(file.data.tree!)
    const start = '# Placeholder\n\n'.length
    const placed = annotateBody(body, [{number: 1, severity: 'error', ruleId: 'require-reviewer', missing: true, reason: 'Placeholder reason.', start, end: start + 'Placeholder paragraph.'.length}])
    assert.deepEqual([...placed.values()], ['callout'])
    assert.match(toHtml(body), /<\/h1>\n<div class="hl-callout hl-error" id="hl-m-1"[^>]*>[\s\S]*<\/div><p class="hl-flagged hl-flagged-error">Placeholder paragraph\.<\/p>$/)
  })

  it('calls out a point at the very start of a heading before it (a message about the whole article)', async () => {
    const {html, placements} = await annotate('# Lower back pain\n\nPlaceholder paragraph.\n', [{at: '# Lower', length: 0}])
    assert.deepEqual(placements, ['callout'])
    assert.equal(html, `${callout(1)}<h1 id="user-content-lower-back-pain">Lower back pain</h1>\n<p>Placeholder paragraph.</p>`)
  })

  it('calls out raw HTML between blocks (which publishing drops) before the next block', async () => {
    const raw = '<div onclick="x()">Dropped</div>'
    const {html, placements} = await annotate(`First paragraph.\n\n${raw}\n\nLast paragraph.\n`, [{at: raw, length: raw.length}])
    assert.deepEqual(placements, ['callout'])
    assert.equal(html, `<p>First paragraph.</p>\n${callout(1)}<p>Last paragraph.</p>`)
  })

  it('puts a point marker where dropped inline HTML stood', async () => {
    const {html, placements} = await annotate('Another paragraph with <span>inline</span> here.\n', [{at: '<span>', length: '<span>'.length}])
    assert.deepEqual(placements, ['point'])
    assert.equal(html, `<p>Another paragraph with <span class="hl-point hl-warning" id="hl-m-1" tabindex="-1" data-hl-message="1" title="${title(1)}">${reference(1)}</span>inline here.</p>`)
  })

  it('puts a point inside an already marked sentence where it belongs', async () => {
    const markdown = 'Another paragraph with <span>inline</span> here.\n'
    const {html, placements} = await annotate(markdown, [{at: 'Another', length: markdown.length - 1}, {at: '<span>', length: 0}])
    assert.deepEqual(placements, ['mark', 'point'])
    const piece = (text: string, first = false) => `<mark class="hl-mark hl-warning"${first ? ' id="hl-m-1" tabindex="-1"' : ''} data-hl-message="1" title="${title(1)}">${text}</mark>`
    const point = `<span class="hl-point hl-warning" id="hl-m-2" tabindex="-1" data-hl-message="2" title="${title(2)}">${reference(2)}</span>`
    assert.equal(html, `<p>${piece('Another paragraph with ', true)}${point}${piece('inline')}${piece(' here.')}${reference(1)}</p>`)
  })

  it('wraps an image in a mark', async () => {
    const image = '![An image](https://example.com/a.png)'
    const {html} = await annotate(`Text before.\n\n${image}\n`, [{at: image, length: image.length}])
    assert.equal(html, `<p>Text before.</p>\n<p><mark class="hl-mark hl-warning" id="hl-m-1" tabindex="-1" data-hl-message="1" title="${title(1)}"><img src="https://example.com/a.png" alt="An image"></mark>${reference(1)}</p>`)
  })

  it('escapes what a message says: reasons quote article text', async () => {
    const reason = 'Raw HTML is not published: `"><script>alert(1)</script>` will be removed.'
    const {html} = await annotate('Placeholder paragraph.\n\n- First item\n- Second item\n', [
      {at: 'Placeholder', length: 'Placeholder'.length, reason},
      {at: '- First', length: '- First item\n- Second item'.length, reason}
    ])
    // In an attribute the quote is escaped, so the attribute cannot be closed early…
    assert.ok(html.includes('title="Warning 1 (some-rule): Raw HTML is not published: &#x60;&#x22;>'), html)
    // …and in text, `<` is escaped, so no element can start.
    assert.ok(html.includes('<p>Raw HTML is not published: `">&#x3C;script>alert(1)&#x3C;/script>` will be removed. </p>'), html)
    assert.equal(html.match(/<script/g)?.length, 1, 'only inside the quoted attribute')
  })

  it('marks nothing and adds nothing without messages', async () => {
    const markdown = '# Title\n\nA paragraph with a [link](https://www.nhs.uk/).\n'
    const file = await lintText(markdown)
    const plain = toHtml(renderBody(file.data.tree!))
    assert.equal((await annotate(markdown, [])).html, plain)
  })
})

describe('annotateBody: the words a hard-sentence message names', () => {
  it('marks each named word inside the sentence, whole words only, as written', async () => {
    const markdown = '---\ntitle: Placeholder\n---\n\nMost pain can be assessed in an initial remote consultation, not reassessed.\n'
    const file = await lintText(markdown, {rules: {}})
    const body = renderBody(file.data.tree!)
    const start = markdown.indexOf('Most')
    const reason = 'This sentence is hard to read: “assessed” and “remote consultation” are words many patients do not know. Use everyday words, or explain them.'
    annotateBody(body, [{number: 1, severity: 'warning', ruleId: 'hard-sentence', reason, start, end: markdown.indexOf('reassessed.') + 11}])
    const html = toHtml(body)
    assert.ok(html.includes('can be <span class="hl-word">assessed</span> in an initial <span class="hl-word">remote consultation</span>, not reassessed.'), html)
    assert.equal((html.match(/hl-word/g) ?? []).length, 2)
  })

  it('marks no words for other rules, nor words outside the message', async () => {
    const markdown = '---\ntitle: Placeholder\n---\n\nIt was assessed. Then “assessed” again.\n'
    const file = await lintText(markdown, {rules: {}})
    const body = renderBody(file.data.tree!)
    const start = markdown.indexOf('It was')
    annotateBody(body, [{number: 1, severity: 'warning', ruleId: 'plain-english', reason: '“assessed” is formal.', start, end: start + 16}])
    assert.doesNotMatch(toHtml(body), /hl-word/)
  })
})
