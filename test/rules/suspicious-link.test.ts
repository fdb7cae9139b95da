// suspicious-link beyond its examples: where a reference link's address comes from, and the
// address helpers it is built on (src/rule-kit/addresses.ts). The labelled link set is in test/eval/links.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {lintText, messagesOf} from '../helpers.js'
import {mailtoAddresses, phoneDigits, sameNumber, sameSite, shownAddresses, telDigits} from '../../src/rule-kit/addresses.js'

const header = '---\ntitle: Links\n---\n\n'

describe('suspicious-link', () => {
  it('says which definition a reference link takes its address from, and uses the first one', async () => {
    const file = await lintText(header + 'See [www.nhs.uk][R].\n\n[r]: https://evil.example/\n[r]: https://www.nhs.uk/\n')
    const [message, ...rest] = messagesOf(file, 'suspicious-link')
    assert.deepEqual(rest, [])
    assert.equal(`${message!.line}:${message!.column}`, '5:5')
    assert.equal(message!.note, 'The address comes from the definition “[r]” on line 7.')
  })

  it('checks the address a title shows, from the link or its definition', async () => {
    const file = await lintText(header + '[Guide](https://guide.example/ "www.nhs.uk") and [Guide][g].\n\n[g]: https://guide.example/ "www.nhs.uk"\n')
    assert.deepEqual(messagesOf(file, 'suspicious-link').map((message) => `${message.line}:${message.column}: ${message.message}`), [
      '5:1: This link’s title (shown on hover) shows the address “www.nhs.uk” but it opens “guide.example”. Make the title and the address match.',
      '5:50: This link’s title (shown on hover) shows the address “www.nhs.uk” but it opens “guide.example”. Make the title and the address match.'
    ])
  })

  it('reports a reference without a definition that GFM turns into a broken autolink, at its place', async () => {
    // `[www.nhs.uk][nowhere]` is text, whose `www.nhs.uk][nowhere` GFM links (without a position).
    const file = await lintText(header + 'See [www.nhs.uk][nowhere].\n\n[Read more]\n')
    assert.deepEqual(messagesOf(file, 'suspicious-link').map((message) => `${message.line}:${message.column}: ${message.message}`), [
      '5:6: This link’s address “http://www.nhs.uk][nowhere” is not a valid web address. Check it and link to the organisation’s usual site.'
    ])
  })
})

describe('addresses shown in link text', () => {
  it('finds web addresses, email addresses and phone numbers anywhere in the text', () => {
    assert.deepEqual(shownAddresses('visit www.nhs.uk for more, or write to help@nhs.net').map((shown) => [shown.kind, shown.value]), [['web', 'www.nhs.uk'], ['email', 'help@nhs.net']])
    assert.deepEqual(shownAddresses('See https://nhs.uk/conditions.').map((shown) => shown.text), ['https://nhs.uk/conditions'])
    assert.deepEqual(shownAddresses('GOV.UK and patient.info').map((shown) => shown.value), ['gov.uk', 'patient.info'])
    assert.deepEqual(shownAddresses('www.nhs\u200B.uk').map((shown) => shown.value), ['www.nhs.uk'])
    assert.deepEqual(shownAddresses('Call 111 or 020 7946 0123', true).map((shown) => shown.value), ['111', '02079460123'])
  })

  it('does not take names, numbers, file names or abbreviations for addresses', () => {
    for (const text of ['NHS 111 online', 'NHS App', 'e.g. 2.5 ml', 'back-pain.pdf', 'version 2.1', 'St.Mary’s', 'Dr. Smith', 'i.e. a.m.']) {
      assert.deepEqual(shownAddresses(text), [], text)
    }
    assert.deepEqual(shownAddresses('Open 8.30 to 18.30, 24/7', true), [])
  })

  it('finds addresses in time linear in the text (generous bound: quadratic patterns took seconds on 50 KB)', () => {
    const started = performance.now()
    for (const text of ['a'.repeat(100_000), 'a.'.repeat(50_000), 'www.'.repeat(25_000), 'a-'.repeat(50_000) + '.uk', '1 '.repeat(50_000) + 'x', 'a@'.repeat(50_000)]) shownAddresses(text, true)
    assert.ok(performance.now() - started < 4000, `${Math.round(performance.now() - started)} ms`)
  })

  it('compares hosts by site', () => {
    assert.ok(sameSite('www.nhs.uk', 'nhs.uk'))
    assert.ok(sameSite('nhs.uk', 'www.nhs.uk'))
    assert.ok(sameSite('nhs.uk', '111.nhs.uk'))
    assert.ok(sameSite('shop.bhf.org.uk', 'www.bhf.org.uk'))
    assert.ok(!sameSite('www.nhs.uk', 'www.nhs.uk.evil.example'))
    assert.ok(!sameSite('nhs.uk', 'evilnhs.uk'))
    assert.ok(!sameSite('111.nhs.uk', 'www.nhs.uk'), 'nhs.uk is a public suffix: its subdomains are separate sites')
    assert.ok(!sameSite('a.github.io', 'b.github.io'), 'private suffixes count')
    assert.ok(!sameSite('a.co.uk', 'b.co.uk'))
  })

  it('compares phone numbers by digits, with +44 as 0', () => {
    assert.equal(phoneDigits('+44 (0)20 7946 0123'), '02079460123')
    assert.equal(phoneDigits('0044 20 7946 0123'), '02079460123')
    assert.equal(telDigits('tel:+44-20-7946-0123;ext=12'), '02079460123')
    assert.equal(telDigits('tel:%2B442079460123'), '02079460123')
    assert.ok(sameNumber('0808 157 0192 24', '08081570192'))
    assert.ok(!sameNumber('0808 157 0192 999', '08081570192'))
    assert.deepEqual(mailtoAddresses('mailto:Reception@Example.nhs.uk,help@nhs.net?subject=Hi'), ['reception@example.nhs.uk', 'help@nhs.net'])
  })
})
