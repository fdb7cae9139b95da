// descriptive-link-text: a link's text says where it goes, read on its own: not "click here",
// "here", "read more" or "this page", not empty, and not a bare web address.
//
// Why: WCAG 2.2 success criterion 2.4.4 Link Purpose (In Context) (level A), and 2.4.9 Link
// Purpose (Link Only) (level AAA), which the NHS service manual and the GOV.UK style guide
// follow: screen reader users often move from link to link or list a page's links, so "click
// here" five times tells them nothing; an address read out character by character is worse.
// Email addresses and phone numbers as the text of their own links are fine: they are what the
// reader needs. Extend the vague phrases with `phrases`.
// Turn it off: never for patient pages.
import {toString} from 'mdast-util-to-string'
import type {Nodes} from 'mdast'
import {defineRule, wordList} from '../src/rule-kit/rule.js'
import type {RuleContext} from '../src/rule-kit/rule.js'
import {visit} from '../src/rule-kit/visit.js'

export interface DescriptiveLinkTextOptions extends Record<string, unknown> {
  phrases: string[]
}

const header = '---\ntitle: Placeholder\n---\n\n'

export default defineRule<DescriptiveLinkTextOptions>({
  id: 'descriptive-link-text',
  description: 'Link text makes sense out of context: no "click here", "here", "read more" or "this page", no empty links and no bare web addresses as text.',
  rationale: 'WCAG 2.2 success criteria 2.4.4 Link Purpose (In Context, level A) and 2.4.9 (Link Only, level AAA), as the NHS service manual and GOV.UK style guide apply them: screen reader users move from link to link, so each link\'s text must say where it goes. Email addresses and phone numbers as their own link text are fine. Add vague phrases with `phrases`.',
  severity: 'warning',
  requires: 'tree',
  optionsSchema: {type: 'object', additionalProperties: false, properties: {phrases: wordList('Link texts that say nothing about where the link goes (matched whole, in any case; "click here …" at the start of a link is always reported).')}},
  defaults: {
    phrases: ['here', 'click here', 'click', 'tap here', 'press here', 'this', 'this page', 'this link', 'this website', 'this site', 'this article', 'link', 'website', 'page', 'more', 'read more', 'more info', 'more information', 'more details', 'details', 'learn more', 'find out more', 'see more', 'see here', 'go', 'go here', 'continue', 'info', 'information', 'download', 'web page', 'webpage']
  },
  examples: {
    valid: [
      {name: 'link text that says where it goes', input: header + 'Read the [NHS advice on back pain](https://www.nhs.uk/conditions/back-pain/).\n'},
      {name: 'an email address or phone number as its own link', input: header + 'Email <help@example.org> or call [0300 123 4567](tel:03001234567).\n'},
      {name: 'a vague word inside longer link text', input: header + 'See [more about physiotherapy here](https://example.org/physio).\n'},
      {name: 'a short web address', input: header + 'Go to www.nhs.uk for more.\n'}
    ],
    invalid: [
      {
        name: 'vague link text',
        input: header + 'For exercises, [click here](https://example.org/a). [Read more](https://example.org/b) or see [this page](https://example.org/c).\n',
        messages: [
          '5:16: The link text “click here” does not say where the link goes: use words that make sense on their own, such as the name of the page.',
          '5:53: The link text “Read more” does not say where the link goes: use words that make sense on their own, such as the name of the page.',
          '5:95: The link text “this page” does not say where the link goes: use words that make sense on their own, such as the name of the page.'
        ]
      },
      {
        name: 'a bare address, an empty link and "click here to …"',
        input: header + 'Visit https://www.nhs.uk/conditions/ today. [](https://example.org/d) [Click here to book](https://example.org/e)\n',
        messages: [
          '5:7: The link text is a bare web address, which screen readers read out character by character: use words that say where the link goes, such as the name of the page.',
          '5:45: This link has no text: add words that say where it goes.',
          '5:71: The link text “Click here to book” does not say where the link goes: use words that make sense on their own, such as the name of the page.'
        ]
      }
    ]
  },
  check
})

function check(context: RuleContext<DescriptiveLinkTextOptions>): void {
  const vague = new Set(context.options.phrases.map(normalise))
  const inspect = (node: Nodes, url: string) => {
    const text = linkText(node).replace(/\s+/g, ' ').trim()
    if (text === '') {
      context.report('This link has no text: add words that say where it goes.', node)
      return
    }
    if (/^(?:mailto|tel):/i.test(url)) return
    // A web address with a protocol or a path; a short bare domain ("www.nhs.uk") reads as words.
    if (/^https?:\/\/\S+$/i.test(text) || /^www\.[^\s/]+\/\S+/i.test(text)) {
      context.report('The link text is a bare web address, which screen readers read out character by character: use words that say where the link goes, such as the name of the page.', node, {actual: text})
      return
    }
    const plain = normalise(text)
    if (vague.has(plain) || /^(?:click|tap|press) here\b/.test(plain)) {
      context.report(`The link text “${text}” does not say where the link goes: use words that make sense on their own, such as the name of the page.`, node, {actual: text})
    }
  }
  const definitions = new Map<string, string>()
  visit(context.tree, 'definition', (node) => {
    definitions.set(node.identifier, node.url)
  })
  visit(context.tree, 'link', (node) => inspect(node, node.url))
  visit(context.tree, 'linkReference', (node) => inspect(node, definitions.get(node.identifier) ?? ''))
}

/** The text a screen reader announces for a link: its words and its images' descriptions. */
function linkText(node: Nodes): string {
  if (node.type === 'image' || node.type === 'imageReference') return node.alt ?? ''
  if ('children' in node) return (node.children as Nodes[]).map(linkText).join('')
  return toString(node)
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/[\s]+/g, ' ').replace(/^[\s"'“”‘’(]+|[\s"'“”‘’.:!?,)…>»→]+$/g, '').trim()
}
