// image-alt-text: every image has a description (alt text) that says what it shows: not empty,
// not "image" or "photo", not its file name, and not a copy of its caption.
//
// Why: WCAG 2.2 success criterion 1.1.1 Non-text Content (level A) requires a text alternative
// for every image that carries information; the NHS service manual and the GOV.UK style guide
// ask for alt text that describes what the image shows. A screen reader reads the alt text out:
// "image", "IMG_2041.jpg" or the caption said twice tells a blind patient nothing. An image that
// is only decoration may have an empty description when `allowDecorative` is on.
// Turn it off: never for patient pages; set `allowDecorative` for decorative images.
import type {Nodes} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {defineRule} from '../src/rule-kit/rule.js'
import type {RuleContext} from '../src/rule-kit/rule.js'
import {visit} from '../src/rule-kit/visit.js'

export interface ImageAltTextOptions extends Record<string, unknown> {
  allowDecorative: boolean
}

const generic = new Set(['image', 'img', 'picture', 'pic', 'photo', 'photograph', 'graphic', 'figure', 'fig', 'icon', 'diagram', 'illustration', 'chart', 'logo', 'banner', 'screenshot', 'alt', 'alt text', 'placeholder', 'untitled'])
const fileName = /^[^\s/]+\.(?:png|jpe?g|gif|svg|webp|avif|bmp|tiff?|heic)$|^(?:img|dsc|dcim|pxl|screenshot|screen shot|image|photo)[\s_-]?\d/iu
const header = '---\ntitle: Placeholder\n---\n\n'

export default defineRule<ImageAltTextOptions>({
  id: 'image-alt-text',
  description: 'Every image has alt text that describes it: not empty, not a generic word such as "image", not its file name and not its caption repeated.',
  rationale: 'WCAG 2.2 success criterion 1.1.1 Non-text Content (level A) requires a text alternative for images, and the NHS service manual and GOV.UK style guide ask for alt text that says what the image shows. Screen readers read it out, so "image", a file name or the caption again tells a blind reader nothing. Set `allowDecorative` to allow an empty description for images that are only decoration.',
  severity: 'warning',
  requires: 'tree',
  optionsSchema: {type: 'object', additionalProperties: false, properties: {allowDecorative: {type: 'boolean', description: 'Allow an empty description (`![](…)`), which marks an image as decoration only.'}}},
  defaults: {allowDecorative: false},
  examples: {
    valid: [
      {name: 'a description', input: header + '![A person lying on their back with both knees pulled towards the chest](knee-stretch.png)\n'},
      {name: 'a description and a different caption', input: header + '![A rash of small red spots on an arm](rash.jpg "Figure 1: rash on day 2")\n'},
      {name: 'a decorative image, when allowed', input: header + '![](divider.png)\n', options: {allowDecorative: true}},
      {name: 'a description that mentions a photo', input: header + '![Photo of a swollen ankle next to a normal ankle](ankles.jpg)\n'}
    ],
    invalid: [
      {
        name: 'no description, a generic word and a file name',
        input: header + '![](stretch.png)\n\n![Image](rash.jpg)\n\n![IMG_2041.jpg](IMG_2041.jpg)\n\n![knee-stretch](images/knee-stretch.png)\n',
        messages: [
          '5:1: This image has no description (alt text): write what it shows between the square brackets, for people who cannot see it.',
          '7:1: The description (alt text) of this image is only “Image”: write what the image shows, for people who cannot see it.',
          '9:1: The description (alt text) of this image is its file name, “IMG_2041.jpg”: write what the image shows, for people who cannot see it.',
          '11:1: The description (alt text) of this image is its file name, “knee-stretch”: write what the image shows, for people who cannot see it.'
        ]
      },
      {
        name: 'an image inside a link, and one in a table',
        input: header + '[![](logo.png)](https://example.org)\n\n| Step | Picture |\n| --- | --- |\n| 1 | ![photo](step-1.png) |\n',
        messages: [
          '5:2: This image has no description (alt text): write what it shows between the square brackets, for people who cannot see it.',
          '9:7: The description (alt text) of this image is only “photo”: write what the image shows, for people who cannot see it.'
        ]
      },
      {
        name: 'the same as the caption',
        input: header + '![Knee stretch](stretch.png "Knee stretch")\n\n![Exercise 2](two.png)\n*Exercise 2.*\n',
        messages: [
          '5:1: The description (alt text) of this image repeats its caption, “Knee stretch”: describe what the image shows instead, so a screen reader does not read the same words twice.',
          '7:1: The description (alt text) of this image repeats its caption, “Exercise 2”: describe what the image shows instead, so a screen reader does not read the same words twice.'
        ]
      }
    ]
  },
  check
})

function check(context: RuleContext<ImageAltTextOptions>): void {
  const {tree, options} = context
  const definitions = new Map<string, {url: string; title: string | null | undefined}>()
  visit(tree, 'definition', (node) => {
    definitions.set(node.identifier, {url: node.url, title: node.title})
  })
  const checkImage = (node: Nodes, alt: string, url: string, title: string | null | undefined, caption: string | undefined) => {
    const text = alt.trim()
    if (text === '') {
      if (!options.allowDecorative) context.report('This image has no description (alt text): write what it shows between the square brackets, for people who cannot see it.', node)
      return
    }
    const plain = normalise(text)
    if (generic.has(plain)) {
      context.report(`The description (alt text) of this image is only “${text}”: write what the image shows, for people who cannot see it.`, node, {actual: text})
      return
    }
    const base = decodeSafely(url.split(/[?#]/)[0]!.split('/').pop() ?? '')
    if (fileName.test(text) || (base !== '' && (normalise(base) === plain || normalise(base.replace(/\.[a-z0-9]+$/i, '')) === plain))) {
      context.report(`The description (alt text) of this image is its file name, “${text}”: write what the image shows, for people who cannot see it.`, node, {actual: text})
      return
    }
    for (const candidate of [title, caption]) {
      if (candidate && normalise(candidate) === plain) {
        context.report(`The description (alt text) of this image repeats its caption, “${text}”: describe what the image shows instead, so a screen reader does not read the same words twice.`, node, {actual: text})
        return
      }
    }
  }
  // Captions: emphasis right after an image in the same paragraph.
  const captions = new Map<Nodes, string>()
  visit(tree, 'paragraph', (paragraph) => {
    const children = paragraph.children
    children.forEach((child, index) => {
      if (child.type !== 'image' && child.type !== 'imageReference') return
      const caption = captionAfter(children.slice(index + 1))
      if (caption !== undefined) captions.set(child, caption)
    })
  })
  // Every image, wherever it is (inside a link, a table cell, a heading).
  visit(tree, 'image', (node) => {
    checkImage(node, node.alt ?? '', node.url, node.title, captions.get(node))
  })
  visit(tree, 'imageReference', (node) => {
    const definition = definitions.get(node.identifier)
    checkImage(node, node.alt ?? '', definition?.url ?? '', definition?.title, captions.get(node))
  })
  // A caption in the paragraph after an image that stands alone.
  const parents: Nodes[] = [tree]
  while (parents.length > 0) {
    const parent = parents.pop()!
    if (!('children' in parent)) continue
    const children = parent.children as Nodes[]
    children.forEach((child, index) => {
      if (child.type === 'paragraph' && child.children.length === 1) {
        const only = child.children[0]!
        const next = children[index + 1]
        if ((only.type === 'image' || only.type === 'imageReference') && next?.type === 'paragraph') {
          const caption = captionAfter(next.children)
          if (caption && normalise(caption) === normalise(only.alt ?? '') && normalise(only.alt ?? '') !== '') {
            context.report(`The description (alt text) of this image repeats its caption, “${(only.alt ?? '').trim()}”: describe what the image shows instead, so a screen reader does not read the same words twice.`, only, {actual: (only.alt ?? '').trim()})
          }
        }
      }
      parents.push(child)
    })
  }
}

/** A caption: emphasis standing alone right after the image (after a line break, or as the next paragraph). */
function captionAfter(nodes: readonly Nodes[]): string | undefined {
  const rest = nodes.filter((node) => !(node.type === 'text' && node.value.trim() === '') && node.type !== 'break')
  if (rest.length === 1 && (rest[0]!.type === 'emphasis' || rest[0]!.type === 'strong')) return toString(rest[0]!)
  return undefined
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/[\s_-]+/g, ' ').replace(/^[\s"'“”‘’]+|[\s"'“”‘’.:!?]+$/g, '').trim()
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
