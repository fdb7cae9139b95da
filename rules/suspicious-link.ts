// suspicious-link: links go where they say they go.
//
// Why: patients trust links in a GP practice's articles. A link whose text shows one web
// address but which opens another ("www.nhs.uk" → nhs.uk.evil.example), an email link whose
// text shows a web address or another email address, a phone link whose text shows another
// number, a punycode host that imitates a familiar name, or a user name hidden before an "@"
// in the address are the usual phishing tricks. Every kind of link is checked: inline links,
// autolinks, and reference links (`[text][r]`, `[r][]`, `[r]`) through their definitions.
// An address counts wherever it appears in the text ("visit www.nhs.uk for more"), compared as
// shown: references decoded, invisible characters removed (src/rule-kit/addresses.ts). Turn it off:
// never; fix the link instead.
import {defineRule, withoutOptions} from '../src/rule-kit/rule.js'
import type {Definition, Link, LinkReference} from 'mdast'
import type {Point} from 'unist'
import {toString} from 'mdast-util-to-string'
import {positionedAncestors, visit} from '../src/rule-kit/visit.js'
import {pointAt} from '../src/pipeline/load.js'
import {mailtoAddresses, sameNumber, sameSite, shownAddresses, telDigits} from '../src/rule-kit/addresses.js'
import type {Shown} from '../src/rule-kit/addresses.js'

const header = '---\ntitle: Links\n---\n\n'

/**
 * What is wrong with a link that opens `url` and shows `text`, or undefined. `shownIn` names
 * where the text is shown: the link's text, or its title (a tooltip on hover).
 */
export function linkProblem(text: string, url: string, shownIn: 'text' | 'title' = 'text'): string | undefined {
  const where = shownIn === 'text' ? 'text' : 'title (shown on hover)'
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    // Relative links are fine; a web address that does not parse would not open anywhere
    // (WHATWG URL rejects some invalid punycode labels, for example).
    if (/^\s*https?:/i.test(url)) return `This link’s address “${url.slice(0, 80)}” is not a valid web address. Check it and link to the organisation’s usual site.`
    return undefined
  }
  const protocol = parsed.protocol.toLowerCase()
  if (protocol === 'http:' || protocol === 'https:') {
    // A trailing dot names the same host (`nhs.uk.` is `nhs.uk`).
    const host = parsed.hostname.toLowerCase().replace(/\.$/, '')
    if (parsed.username || parsed.password) {
      return `This link’s address hides “${safeDecode(parsed.username)}” before an “@”, so it really opens “${host}”. Remove the part before the “@”.`
    }
    if (host.split('.').some((label) => label.startsWith('xn--'))) {
      return `This link opens “${host}”, an internationalised (punycode) address that can imitate a familiar one. Check the address and link to the organisation’s usual site.`
    }
    for (const shown of shownAddresses(text)) {
      if (shown.kind === 'web' && !sameSite(shown.value, host)) {
        return `This link’s ${where} shows the address “${clip(shown.text)}” but it opens “${host}”. Make the ${shownIn} and the address match.`
      }
      if (shown.kind === 'email' && !sameSite(shown.value.slice(shown.value.lastIndexOf('@') + 1), host)) {
        return `This link’s ${where} shows the email address “${clip(shown.text)}” but it opens a web page on “${host}”. Link the text to “mailto:${clip(shown.value)}”, or change the text.`
      }
    }
    return undefined
  }
  if (protocol === 'mailto:') {
    const targets = mailtoAddresses(url)
    const wrong = shownAddresses(text).find((shown) => shown.kind === 'web' || !targets.includes(shown.value))
    if (wrong?.kind === 'web') return `This email link’s ${where} shows the web address “${clip(wrong.text)}” but it writes to “${clip(targets.join(', '))}”. Link the text to the web address, or show the email address.`
    if (wrong) return `This email link’s ${where} shows “${clip(wrong.text)}” but it writes to “${clip(targets.join(', '))}”. Make the ${shownIn} and the address match.`
    return undefined
  }
  if (protocol === 'tel:') {
    const number = telDigits(url)
    const wrong = shownAddresses(text, true).find((shown: Shown) => shown.kind !== 'phone' || !sameNumber(shown.text, number))
    if (wrong?.kind === 'phone') return `This phone link’s ${where} shows the number “${clip(wrong.text)}” but it dials “${clip(number)}”. Make the number in the text and the link match.`
    if (wrong) return `This phone link’s ${where} shows the ${wrong.kind === 'web' ? 'web' : 'email'} address “${clip(wrong.text)}” but it dials “${clip(number)}”. Link the text to that address, or show the number.`
  }
  return undefined
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

function clip(value: string): string {
  return value.length > 80 ? value.slice(0, 79) + '…' : value
}

export default defineRule({
  id: 'suspicious-link',
  description: 'Links go where their text says: no web address, email address or phone number in the text that differs from where the link goes (reference links too), no look-alike (punycode) hosts, no user names hidden in addresses.',
  rationale: 'Patients trust links in practice articles. A link that shows one address but opens another, or a look-alike host, is the usual phishing trick.',
  severity: 'warning',
  requires: 'tree',
  safety: true,
  ...withoutOptions,
  examples: {
    valid: [
      {name: 'a link whose text is its own address', input: header + 'See [www.nhs.uk](https://www.nhs.uk/conditions/).\n'},
      {name: 'descriptive link text', input: header + 'See [NHS guidance on back pain](https://www.nhs.uk/conditions/back-pain/) or [NHS 111 online](https://111.nhs.uk/).\n'},
      {name: 'a subdomain of the address in the text', input: header + 'See [nhs.uk](https://www.nhs.uk/).\n'},
      {name: 'a reference link whose text matches its definition', input: header + 'Visit [www.nhs.uk][nhs] for more.\n\n[NHS]: https://www.nhs.uk/\n'},
      {name: 'phone and email links', input: header + '[Call 111](tel:111), [0300 123 4567](tel:+443001234567) or [email the practice](mailto:reception@example.nhs.uk).\n'}
    ],
    invalid: [
      {
        name: 'the text shows another host',
        input: header + '[www.nhs.uk](https://www.nhs.uk.evil.example/login)\n',
        messages: ['5:1: This link’s text shows the address “www.nhs.uk” but it opens “www.nhs.uk.evil.example”. Make the text and the address match.']
      },
      {
        name: 'an address inside longer link text',
        input: header + '[Visit nhs.uk/conditions for more](https://nhs-conditions.example/)\n',
        messages: ['5:1: This link’s text shows the address “nhs.uk/conditions” but it opens “nhs-conditions.example”. Make the text and the address match.']
      },
      {
        name: 'reference and shortcut links whose definitions go elsewhere',
        input: header + 'See [www.nhs.uk][r] and [NHS.UK].\n\n[R]: https://evil.example/\n[nhs.uk]: https://nhs.uk.evil.example/\n',
        messages: [
          '5:5: This link’s text shows the address “www.nhs.uk” but it opens “evil.example”. Make the text and the address match.',
          '5:25: This link’s text shows the address “NHS.UK” but it opens “nhs.uk.evil.example”. Make the text and the address match.'
        ]
      },
      {
        name: 'a zero-width space written as a reference inside the address',
        input: header + '[www.nhs&#x200B;.uk](https://evil.example/)\n',
        messages: ['5:1: This link’s text shows the address “www.nhs.uk” but it opens “evil.example”. Make the text and the address match.']
      },
      {
        name: 'an email link that shows a web address',
        input: header + '[www.nhs.uk](mailto:help@evil.example)\n',
        messages: ['5:1: This email link’s text shows the web address “www.nhs.uk” but it writes to “help@evil.example”. Link the text to the web address, or show the email address.']
      },
      {
        name: 'a phone link that dials another number',
        input: header + '[Call 0300 123 4567](tel:09098790000)\n',
        messages: ['5:1: This phone link’s text shows the number “0300 123 4567” but it dials “09098790000”. Make the number in the text and the link match.']
      },
      {
        name: 'a punycode host',
        input: header + '[Book now](https://xn--nhs-9la.example/)\n',
        messages: ['5:1: This link opens “xn--nhs-9la.example”, an internationalised (punycode) address that can imitate a familiar one. Check the address and link to the organisation’s usual site.']
      },
      {
        name: 'an address that is not valid',
        input: header + '[Book now](https://xn--nhs-ara.example/)\n',
        messages: ['5:1: This link’s address “https://xn--nhs-ara.example/” is not a valid web address. Check it and link to the organisation’s usual site.']
      },
      {
        name: 'a user name hidden in the address',
        input: header + '[NHS](https://www.nhs.uk@evil.example/)\n',
        messages: ['5:1: This link’s address hides “www.nhs.uk” before an “@”, so it really opens “evil.example”. Remove the part before the “@”.']
      }
    ]
  },
  check({tree, file, report}) {
    // CommonMark: the first definition of a label wins; mdast's identifiers are already
    // normalised (case-folded, inner whitespace collapsed) as CommonMark matches labels.
    const definitions = new Map<string, Definition>()
    visit(tree, 'definition', (node: Definition) => {
      if (!definitions.has(node.identifier)) definitions.set(node.identifier, node)
    })
    const links: Array<Link | LinkReference> = []
    visit(tree, 'link', (node: Link) => {
      links.push(node)
    })
    if (definitions.size > 0) {
      visit(tree, 'linkReference', (node: LinkReference) => {
        links.push(node)
      })
    }
    const ancestors = links.some((node) => !node.position) ? positionedAncestors(tree) : undefined
    const raw = String(file.value)
    /** Where a link starts: its own position, or its text inside the nearest positioned ancestor. Messages span the whole link where it has a position (the preview marks that range). */
    const placeOf = (node: Link | LinkReference): Point | undefined => {
      if (node.position) return node.position.start
      const ancestor = ancestors?.get(node)?.position
      const from = ancestor?.start.offset
      if (!ancestor || from === undefined) return undefined
      const found = raw.indexOf(toString(node), from)
      return found !== -1 && found < (ancestor.end.offset ?? raw.length) ? pointAt(raw, found) : ancestor.start
    }
    const places = new Map(links.map((node) => [node, placeOf(node)]))
    links.sort((a, b) => (places.get(a)?.offset ?? 0) - (places.get(b)?.offset ?? 0))
    for (const node of links) {
      const definition = node.type === 'linkReference' ? definitions.get(node.identifier) : undefined
      const url = node.type === 'link' ? node.url : definition?.url
      if (url === undefined) continue
      const title = node.type === 'link' ? node.title : definition?.title
      const problem = linkProblem(toString(node), url) ?? (title ? linkProblem(title, url, 'title') : undefined)
      if (!problem) continue
      // A reference link is fixed at its definition, which may be far from the link.
      const line = definition?.position?.start.line
      report(problem, node.position ?? places.get(node), definition && line ? {note: `The address comes from the definition “[${definition.label ?? definition.identifier}]” on line ${line}.`} : undefined)
    }
  }
})
