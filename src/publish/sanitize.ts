// The safety boundary of publishing: what HTML may reach a published page. The emitter runs
// rehype-sanitize with this schema last, then `secureLinks`; the `unsafe-html` rule uses
// `isPublishableUrl` to report, at its place, every URL the emitter will remove. One module, so
// what lint reports and what publishing removes cannot drift apart.
import {defaultSchema} from 'rehype-sanitize'
import type {Options as SanitizeSchema} from 'rehype-sanitize'
import {normalizeUri} from 'micromark-util-sanitize-uri'
import type {Element, Root} from 'hast'

/** Every `id` and `name` in published HTML starts with this, so content cannot clobber page globals. */
export const idPrefix = 'user-content-'

/** URL schemes allowed per attribute. Anything else (javascript:, vbscript:, data:, file: …) is dropped. */
export const allowedProtocols = {
  href: ['http', 'https', 'mailto', 'tel'],
  src: ['http', 'https'],
  cite: ['http', 'https'],
  longDesc: ['http', 'https']
} as const

/**
 * GitHub's schema (rehype-sanitize's default) with our URL schemes. `clobberPrefix` stays
 * `user-content-`: remark-rehype is told to add no prefix of its own, so ids are prefixed exactly
 * once (GFM footnotes otherwise end up `user-content-user-content-fn-1`), and `secureLinks`
 * then points `#fragment` links at the prefixed ids.
 */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  clobberPrefix: idPrefix,
  protocols: Object.fromEntries(Object.entries(allowedProtocols).map(([key, list]) => [key, [...list]]))
}

export type UrlProperty = keyof typeof allowedProtocols

/**
 * Whether `url`, as written in Markdown, survives publishing in a link (`href`) or an image
 * (`src`). Mirrors rehype-sanitize's own check on the URL remark-rehype writes (after its
 * percent-encoding), plus the protocol-relative rule `secureLinks` adds.
 */
export function isPublishableUrl(url: string, property: UrlProperty): boolean {
  const value = normalizeUri(url)
  if (isProtocolRelative(value)) return false
  const colon = value.indexOf(':')
  if (colon < 0) return true
  // As in hast-util-sanitize: a colon after `/`, `?` or `#` does not start a scheme.
  for (const mark of ['/', '?', '#']) {
    const index = value.indexOf(mark)
    if (index > -1 && colon > index) return true
  }
  return (allowedProtocols[property] as readonly string[]).includes(value.slice(0, colon))
}

/** `//host/path` (or `\\host`) borrows the page's scheme and points at another site. */
export function isProtocolRelative(value: string): boolean {
  return /^[\\/]{2}/.test(value.replace(/%5c/gi, '\\'))
}

/**
 * After sanitizing: drop protocol-relative URLs (rehype-sanitize lets them through), point
 * `#fragment` links at the prefixed ids, and unlink fragments that match no id, so every
 * `href="#x"` on a published page has an `id="x"`.
 */
export function secureLinks(tree: Root): void {
  const elements: Element[] = []
  const ids = new Set<string>()
  const stack: Array<Root | Element> = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    for (const child of node.children) {
      if (child.type !== 'element') continue
      elements.push(child)
      if (typeof child.properties.id === 'string') ids.add(child.properties.id)
      stack.push(child)
    }
  }
  for (const element of elements) {
    for (const property of Object.keys(allowedProtocols)) {
      const value = element.properties[property]
      if (typeof value === 'string' && isProtocolRelative(value)) delete element.properties[property]
    }
    const href = element.properties.href
    if (typeof href === 'string' && href.startsWith('#')) {
      const target = href.slice(1).startsWith(idPrefix) ? href.slice(1) : idPrefix + href.slice(1)
      if (ids.has(target) || ids.has(decodeFragment(target))) element.properties.href = '#' + target
      else delete element.properties.href
    }
  }
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment)
  } catch {
    return fragment
  }
}
