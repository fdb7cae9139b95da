// remote-image: images come from hosts the practice trusts.
//
// Why: an image loaded from another site tells that site who is reading which health article
// (a tracking pixel), and it can change after review. Keep images with the article, or list the
// hosts you trust in the `allowedHosts` option.
import {defineRule} from '../src/rule-kit/rule.js'
import type {Image} from 'mdast'
import {visit} from '../src/rule-kit/visit.js'

export default defineRule({
  id: 'remote-image',
  description: 'Images are local files or come from a host listed in `allowedHosts`.',
  rationale: 'An image from another site tells that site who reads which health article, and can change after the article was reviewed.',
  severity: 'warning',
  requires: 'tree',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {allowedHosts: {type: 'array', items: {type: 'string', minLength: 1}, uniqueItems: true}}
  },
  defaults: {allowedHosts: [] as string[]},
  examples: {
    valid: [
      {name: 'a local image', input: '---\ntitle: Images\n---\n\n![A diagram of the spine](images/spine.png)\n'},
      {name: 'an allowed host', input: '---\ntitle: Images\n---\n\n![Logo](https://assets.example.org/logo.png)\n', options: {allowedHosts: ['assets.example.org']}}
    ],
    invalid: [
      {
        name: 'a tracking pixel',
        input: '---\ntitle: Images\n---\n\n![](https://tracker.example/pixel.gif?article=back-pain)\n',
        messages: ['5:1: This image is loaded from “tracker.example”, which would tell that site who reads this article. Save the image with the article, or add the host to the `allowedHosts` option of `remote-image` if the practice trusts it.']
      }
    ]
  },
  check({tree, options, report}) {
    const allowed = new Set((options.allowedHosts as string[]).map((host) => host.toLowerCase()))
    visit(tree, 'image', (node: Image) => {
      let url: URL
      try {
        url = new URL(node.url)
      } catch {
        return // a relative path: a local image
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return
      if (allowed.has(url.hostname.toLowerCase())) return
      report(`This image is loaded from “${url.hostname}”, which would tell that site who reads this article. Save the image with the article, or add the host to the \`allowedHosts\` option of \`remote-image\` if the practice trusts it.`, node)
    })
  }
})
