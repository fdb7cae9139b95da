// suspicious-link: links go where they say they go.
//
// Why: patients trust links in a GP practice's articles. A link whose text shows one web
// address but which opens another ("www.nhs.uk" → nhs.uk.evil.example), a punycode host that
// imitates a familiar name, or a user name hidden before an "@" in the address are the usual
// phishing tricks. Turn it off: never; fix the link instead.
import {defineRule, withoutOptions} from '../src/rule.js'
import type {Link} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {visit} from '../src/visit.js'

// Link text that is itself a web address or a bare domain such as "nhs.uk/conditions".
const addressLike = /^(?:https?:\/\/)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?:[/:?#]\S*)?$/i

export default defineRule({
  id: 'suspicious-link',
  description: 'Links go where their text says: no web address in the text that differs from the link, no look-alike (punycode) hosts, no user names hidden in addresses.',
  rationale: 'Patients trust links in practice articles. A link that shows one address but opens another, or a look-alike host, is the usual phishing trick.',
  severity: 'warning',
  requires: 'tree',
  safety: true,
  ...withoutOptions,
  examples: {
    valid: [
      {name: 'a link whose text is its own address', input: '---\ntitle: Links\n---\n\nSee [www.nhs.uk](https://www.nhs.uk/conditions/).\n'},
      {name: 'descriptive link text', input: '---\ntitle: Links\n---\n\nSee [NHS guidance on back pain](https://www.nhs.uk/conditions/back-pain/).\n'},
      {name: 'a subdomain of the address in the text', input: '---\ntitle: Links\n---\n\nSee [nhs.uk](https://www.nhs.uk/).\n'}
    ],
    invalid: [
      {
        name: 'the text shows another host',
        input: '---\ntitle: Links\n---\n\n[www.nhs.uk](https://www.nhs.uk.evil.example/login)\n',
        messages: ['5:1: This link’s text shows the address “www.nhs.uk” but it opens “www.nhs.uk.evil.example”. Make the text and the address match.']
      },
      {
        name: 'a punycode host',
        input: '---\ntitle: Links\n---\n\n[Book now](https://xn--nhs-9la.example/)\n',
        messages: ['5:1: This link opens “xn--nhs-9la.example”, an internationalised (punycode) address that can imitate a familiar one. Check the address and link to the organisation’s usual site.']
      },
      {
        name: 'an address that is not valid',
        input: '---\ntitle: Links\n---\n\n[Book now](https://xn--nhs-ara.example/)\n',
        messages: ['5:1: This link’s address “https://xn--nhs-ara.example/” is not a valid web address. Check it and link to the organisation’s usual site.']
      },
      {
        name: 'a user name hidden in the address',
        input: '---\ntitle: Links\n---\n\n[NHS](https://www.nhs.uk@evil.example/)\n',
        messages: ['5:1: This link’s address hides “www.nhs.uk” before an “@”, so it really opens “evil.example”. Remove the part before the “@”.']
      }
    ]
  },
  check({tree, report}) {
    visit(tree, 'link', (node: Link) => {
      let url: URL
      try {
        url = new URL(node.url)
      } catch {
        // Relative links are fine; a web address that does not parse would not open anywhere
        // (WHATWG URL rejects some invalid punycode labels, for example).
        if (/^https?:/i.test(node.url)) {
          report(`This link’s address “${node.url.slice(0, 80)}” is not a valid web address. Check it and link to the organisation’s usual site.`, node)
        }
        return
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return
      const host = url.hostname.toLowerCase()
      if (url.username || url.password) {
        report(`This link’s address hides “${decodeURIComponent(url.username)}” before an “@”, so it really opens “${host}”. Remove the part before the “@”.`, node)
        return
      }
      if (host.split('.').some((label) => label.startsWith('xn--'))) {
        report(`This link opens “${host}”, an internationalised (punycode) address that can imitate a familiar one. Check the address and link to the organisation’s usual site.`, node)
        return
      }
      const text = toString(node).trim()
      const shown = addressLike.exec(text)?.[1]?.toLowerCase()
      if (!shown || !shown.includes('.')) return
      const bare = (name: string) => name.replace(/^www\./, '')
      if (host !== shown && bare(host) !== bare(shown) && !host.endsWith('.' + bare(shown))) {
        report(`This link’s text shows the address “${text}” but it opens “${host}”. Make the text and the address match.`, node)
      }
    })
  }
})
