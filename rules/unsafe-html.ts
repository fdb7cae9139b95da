// unsafe-html: the body has no raw HTML and no link or image address that publishing removes
// (javascript:, vbscript:, data:, file: and other schemes, or protocol-relative `//host`).
//
// Why: raw HTML and such addresses are how a page is made to run scripts, load other sites or
// pose as another site. Publishing never lets them through (the sanitiser in
// src/publish/sanitize.ts is the safety boundary, whatever this rule's setting), so this rule
// is about not losing content silently: it says, at its place, what the published page will
// lack. HTML comments are not reported: they are meant to be invisible. Turn it off: only if the
// authors know raw HTML is dropped and want no reminder.
import type {Definition, Image, Link, Nodes} from 'mdast'
import {defineRule, withoutOptions} from '../src/rule-kit/rule.js'
import type {RuleContext} from '../src/rule-kit/rule.js'
import {isProtocolRelative, isPublishableUrl} from '../src/publish/sanitize.js'
import type {UrlProperty} from '../src/publish/sanitize.js'
import {normalizeUri} from 'micromark-util-sanitize-uri'

const header = '---\ntitle: Hay fever\n---\n\n'

export default defineRule({
  id: 'unsafe-html',
  description: 'The body has no raw HTML and no link or image address that publishing removes (only https:, http:, mailto: and tel: links, and http(s) images).',
  rationale: 'Raw HTML and addresses such as javascript: or data: are how a page is made to run scripts or pose as another site. Publishing always removes them; this rule says where, so content is never dropped silently.',
  severity: 'warning',
  requires: 'tree',
  ...withoutOptions,
  examples: {
    valid: [
      {name: 'Markdown links and images', input: header + 'See [NHS 111](https://111.nhs.uk), email <mailto:help@example.org>, call [111](tel:111) or read [the next section](#red-flags).\n\n![A diagram of the spine](https://example.org/spine.png)\n'},
      {name: 'HTML shown as code', input: header + 'Use `<script>` only in code: `[x](javascript:alert(1))`.\n\n```html\n<img src=x onerror=alert(1)>\n```\n'},
      {name: 'an HTML comment', input: header + '<!-- reviewer: check the dose table -->\n\nText.\n'}
    ],
    invalid: [
      {
        name: 'a script element',
        input: header + '<script>alert(document.cookie)</script>\n',
        messages: ['5:1: Raw HTML is not published: `<script>alert(document.cookie)</script>` will be removed from the page. Write this in Markdown instead.']
      },
      {
        name: 'an inline event handler',
        input: header + 'Look <img src=x onerror=alert(1)> here.\n',
        messages: ['5:6: Raw HTML is not published: `<img src=x onerror=alert(1)>` will be removed from the page. Write this in Markdown instead.']
      },
      {
        name: 'a comment that hides markup',
        input: header + '<!--><img src=x onerror=alert(3)>-->\n',
        messages: ['5:1: Raw HTML is not published: `<!--><img src=x onerror=alert(3)>-->` will be removed from the page. Write this in Markdown instead.']
      },
      {
        name: 'a javascript: link, in any case',
        input: header + '[Book a test](JaVaScRiPt:alert(2))\n',
        messages: ['5:1: The link address `JaVaScRiPt:alert(2)` uses `JaVaScRiPt:`, which published pages do not allow, so the link will be removed (its text stays). Link to an address starting with https:// instead.']
      },
      {
        name: 'a data: image and a protocol-relative link',
        input: header + '![chart](data:image/svg+xml;base64,PHN2Zz4=)\n\n[NHS login](//evil.example/phish)\n',
        messages: [
          '5:1: The image address `data:image/svg+xml;base64,PHN2Zz4=` uses `data:`, which published pages do not allow, so the image will be removed (its description stays). Use an image at an address starting with https:// instead.',
          '7:1: The link address `//evil.example/phish` starts with `//` and names no scheme, so the link will be removed (its text stays). Write the full address, starting with https://.'
        ]
      },
      {
        name: 'a link definition',
        input: header + 'See [the leaflet][leaflet].\n\n[leaflet]: vbscript:msgbox(5)\n',
        messages: ['7:1: The link definition `[leaflet]` has the address `vbscript:msgbox(5)`, which uses `vbscript:`, which published pages do not allow, so links that use it will be removed (their text stays). Link to an address starting with https:// instead.']
      }
    ]
  },
  check
})

function check(context: RuleContext<Record<string, unknown>>): void {
  // An explicit stack rather than recursion: a deeply nested body must not overflow the stack.
  const stack: Nodes[] = [context.tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'html' && !isComment(node.value)) {
      context.report(`Raw HTML is not published: \`${clip(node.value)}\` will be removed from the page. Write this in Markdown instead.`, node)
    } else if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      reportUrl(context, node)
    }
    if ('children' in node) for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]!)
  }
}

function reportUrl(context: RuleContext<Record<string, unknown>>, node: Link | Image | Definition): void {
  const property: UrlProperty = node.type === 'image' ? 'src' : 'href'
  if (isPublishableUrl(node.url, property)) return
  const normal = normalizeUri(node.url)
  const colon = normal.indexOf(':')
  const problem = isProtocolRelative(normal)
    ? 'starts with `//` and names no scheme'
    : `uses \`${clip(normal.slice(0, colon + 1))}\`, which published pages do not allow`
  const address = `\`${clip(node.url)}\``
  if (node.type === 'definition') {
    context.report(`The link definition \`[${clip(node.label ?? node.identifier)}]\` has the address ${address}, which ${problem}, so links that use it will be removed (their text stays). Link to an address starting with https:// instead.`, node)
  } else if (node.type === 'image') {
    context.report(`The image address ${address} ${problem}, so the image will be removed (its description stays). Use an image at an address starting with https:// instead.`, node)
  } else if (problem.startsWith('starts')) {
    context.report(`The link address ${address} ${problem}, so the link will be removed (its text stays). Write the full address, starting with https://.`, node)
  } else {
    context.report(`The link address ${address} ${problem}, so the link will be removed (its text stays). Link to an address starting with https:// instead.`, node)
  }
}

/**
 * One HTML comment and nothing else. `<!-->` and `<!--->` end at once in HTML, so a value
 * starting that way is not treated as a comment: what follows is real markup.
 */
function isComment(value: string): boolean {
  return /^<!--(?!-?>)(?:(?!--)[\s\S])*-->$/.test(value.trim())
}

function clip(value: string): string {
  const line = value.split('\n')[0]!.trim()
  return line.length > 60 || line !== value.trim() ? line.slice(0, 59) + '…' : line
}
