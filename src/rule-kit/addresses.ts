// What a link's text shows a reader: web addresses, email addresses and phone numbers, and
// whether one of them names the place the link really opens. Used by `suspicious-link`.
//
// Text is compared as it is shown: character references are already decoded in the Markdown
// tree, compatibility forms are folded (NFKC: full-width "ｎｈｓ.uk" is "nhs.uk") and invisible
// code points are removed, so a zero-width space cannot split an address so that it is not
// seen as one. A bare host ("nhs.uk", "patient.info") counts only when it ends in a suffix of
// the Public Suffix List's ICANN section, so "e.g.", "1.5 ml" or "leaflet.pdf" are not
// addresses; "NHS 111 online" has no address at all.
import {createRequire} from 'node:module'
import type * as Tldts from 'tldts'
import {withoutIgnorables} from './unicode.js'

export type ShownKind = 'web' | 'email' | 'phone'

export interface Shown {
  kind: ShownKind
  /** As shown (trimmed of sentence punctuation). */
  text: string
  /** Web: the host, lower case and in punycode as a browser would use it. Email: the address, lower case. Phone: the digits. */
  value: string
}

// The Public Suffix List is loaded on first use: most articles have no link that shows an
// address, and loading it costs several milliseconds of every run's start.
const require = createRequire(import.meta.url)
let tldts: typeof Tldts | undefined
const publicSuffixes = (): typeof Tldts => (tldts ??= require('tldts') as typeof Tldts)

const label = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?`
// Every pattern starts only where a word can (a look-behind), so that no text makes them
// quadratic: without it, 50 KB of letters in one link's text took seconds.
const emailPattern = new RegExp(String.raw`(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@((?:${label}\.)+\p{L}{2,63})`, 'gu')
const schemePattern = /\b(?:https?|ftp):\/\/[^\s<>"'`]+/giu
const wwwPattern = new RegExp(String.raw`(?<![\p{L}\p{N}._/@-])www\d{0,3}\.(?:${label}\.)*${label}(?:[/:?#][^\s<>"'\x60]*)?`, 'giu')
const barePattern = new RegExp(String.raw`(?<![\p{L}\p{N}._/@:-])(?:${label}\.)+\p{L}{2,63}(?![\p{L}\p{N}_@-]|\.[\p{L}\p{N}])(?:[/:?#][^\s<>"'\x60]*)?`, 'gu')
// A phone number: optional +, then digits with spaces, dashes or brackets (at least three digits,
// checked by the caller). Not dots: "8.30 to 18.30" in opening hours is not a number to dial.
const phonePattern = /(?<![\p{L}\p{N}.])\+?\(?\d[\d\s()-]*\d(?![\p{L}\p{N}]|\.\d)/gu
// Sentence punctuation after an address is not part of it (as GFM trims autolink literals).
const trailing = /[.,;:!?)\]}'"’”»]+$/u

/** The text as a reader sees it, for finding addresses. */
export function shownText(text: string): string {
  return withoutIgnorables(text.normalize('NFKC'))
}

/** The host of `address` (with or without a scheme) as a browser parses it, or undefined. */
export function hostOf(address: string): string | undefined {
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(address) ? address : 'http://' + address)
    return url.hostname.toLowerCase().replace(/\.$/, '') || undefined
  } catch {
    return undefined
  }
}

/** Whether `host` ends in a real (ICANN) public suffix, so that a bare name is an address. */
function hasPublicSuffix(host: string): boolean {
  const parsed = publicSuffixes().parse(host, {allowPrivateDomains: false})
  return parsed.isIcann === true && !parsed.isIp
}

/** Every address the text shows, in order: web addresses, email addresses, phone numbers (`phones`). */
export function shownAddresses(text: string, phones = false): Shown[] {
  let rest = shownText(text)
  const found: Array<Shown & {at: number}> = []
  const take = (pattern: RegExp, make: (match: string) => Shown | undefined) => {
    rest = rest.replace(pattern, (match: string, ...groups: unknown[]) => {
      const at = groups.find((group) => typeof group === 'number') as number
      const clean = match.replace(trailing, '')
      const shown = make(clean)
      if (shown) found.push({...shown, at})
      // Blank what was taken, so that a host inside an email address or URL is not found again.
      return shown ? ' '.repeat(match.length) : match
    })
  }
  take(emailPattern, (match) => ({kind: 'email', text: match, value: match.toLowerCase()}))
  take(schemePattern, (match) => {
    const host = hostOf(match)
    return host ? {kind: 'web', text: match, value: host} : undefined
  })
  take(wwwPattern, (match) => {
    const host = hostOf(match)
    return host ? {kind: 'web', text: match, value: host} : undefined
  })
  take(barePattern, (match) => {
    const host = hostOf(match)
    return host && hasPublicSuffix(host) ? {kind: 'web', text: match, value: host} : undefined
  })
  if (phones) {
    take(phonePattern, (match) => {
      const digits = phoneDigits(match)
      return digits.replace(/\D/g, '').length >= 3 ? {kind: 'phone', text: match.trim(), value: digits} : undefined
    })
  }
  return found.sort((a, b) => a.at - b.at).map(({at: _at, ...shown}) => shown)
}

/**
 * A phone number's digits for comparison: separators removed, and the UK country code written
 * as the trunk prefix (+44 20…, 0044 20… and +44 (0)20… are all 020…).
 */
export function phoneDigits(number: string): string {
  let value = number.replace(/\(0\)/g, '').replace(/[^\d+]/g, '')
  value = value.replace(/^00/, '+')
  if (value.startsWith('+44')) value = '0' + value.slice(3)
  return value.replace(/(?!^)\+/g, '')
}

/**
 * Whether the number shown as `text` is `target` (as `phoneDigits`). The number may run into
 * a figure that follows it ("0300 123 4567 24 hours a day"): a leading run of its groups that
 * is the target, followed by fewer than three more digits, is the target.
 */
export function sameNumber(text: string, target: string): boolean {
  if (phoneDigits(text) === target) return true
  const groups = text.trim().split(/\s+/)
  for (let count = groups.length - 1; count > 0; count--) {
    const rest = groups.slice(count).join('').replace(/\D/g, '')
    if (rest.length < 3 && phoneDigits(groups.slice(0, count).join(' ')) === target) return true
  }
  return false
}

/** The number a `tel:` URL dials (without parameters such as `;ext=`), as `phoneDigits`. */
export function telDigits(url: string): string {
  const body = safeDecode(url.replace(/^tel:/i, '')).split(';')[0]!
  return phoneDigits(body)
}

/** The addresses a `mailto:` URL writes to, lower case. */
export function mailtoAddresses(url: string): string[] {
  const body = safeDecode(url.replace(/^mailto:/i, '').split('?')[0]!)
  return body.split(',').map((address) => shownText(address).trim().toLowerCase()).filter(Boolean)
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

const www = (host: string) => host.replace(/^www\d{0,3}\./, '')

/**
 * Whether a link whose text shows `shown` may open `target` (both hosts): the same host, give
 * or take `www.`; a host inside the one shown (`nhs.uk` shown, `111.nhs.uk` opened); or the same
 * registrable domain by the Public Suffix List, private suffixes included (`www.bhf.org.uk`
 * and `shop.bhf.org.uk` are one organisation; `a.github.io` and `b.github.io` are not).
 */
export function sameSite(shown: string, target: string): boolean {
  if (www(shown) === www(target)) return true
  if (target.endsWith('.' + www(shown))) return true
  const psl = publicSuffixes()
  const domain = psl.getDomain(shown, {allowPrivateDomains: true})
  return domain !== null && domain === psl.getDomain(target, {allowPrivateDomains: true})
}
