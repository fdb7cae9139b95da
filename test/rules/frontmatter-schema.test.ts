// Every kind of schema violation, each at the key or value that is wrong.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {briefOf, lintText} from '../helpers.js'

const valid = {
  title: 'title: Lower back pain',
  description: 'description: Why it happens.',
  category: 'category: musculoskeletal',
  lastReviewed: 'lastReviewed: 2025-12-22',
  reviewedBy: 'reviewedBy:\n  name: Dr Jane Smith\n  credential: GMC registered GP'
}

/** An article whose frontmatter is the valid one with some lines replaced or added. */
const article = (changes: Partial<Record<keyof typeof valid, string | undefined>>, extra = '') => {
  const fields = {...valid, ...changes}
  const lines = Object.values(fields).filter((line) => line !== undefined)
  return `---\n${lines.join('\n')}${extra ? '\n' + extra : ''}\n---\n\nText.\n`
}

const check = async (input: string) => briefOf(await lintText(input, {path: 'articles/lower-back-pain.md'}), 'frontmatter-schema')

describe('frontmatter-schema', () => {
  it('accepts the valid frontmatter', async () => {
    assert.deepEqual(await check(article({})), [])
  })

  it('reports a missing required field at the opening line', async () => {
    assert.deepEqual(await check(article({title: undefined})), ['1:1: The frontmatter is missing `title`: add it (plain text of 1 to 120 characters without < or >, such as "Lower back pain").'])
  })

  it('reports a missing nested field at its parent key', async () => {
    assert.deepEqual(await check(article({reviewedBy: 'reviewedBy:\n  name: Dr Jane Smith'})), ['6:1: The frontmatter is missing `reviewedBy.credential`: add it (the reviewer\'s registration as plain text, such as GMC registered GP).'])
  })

  it('reports a wrong type at the value', async () => {
    assert.deepEqual(await check(article({title: 'title: [a, b]'})), ['2:8: `title` must be plain text of 1 to 120 characters without < or >, such as "Lower back pain"; found `["a","b"]`.'])
  })

  it('reports a too-long description with what was found', async () => {
    const long = 'A'.repeat(161)
    assert.deepEqual(await check(article({description: `description: ${long}`})), [`3:14: \`description\` must be plain text of at most 160 characters without < or >; found \`${'A'.repeat(59)}…\`.`])
  })

  it('reports a category that is not kebab-case', async () => {
    assert.deepEqual(await check(article({category: 'category: Back Pain'})), ['4:11: `category` must be a hub name in lower case with hyphens, such as musculoskeletal or mental-health; found `Back Pain`.'])
  })

  it('reports dates that are not YYYY-MM-DD or not real', async () => {
    for (const value of ['last spring', '22/12/2025', '2025-13-01', '2024-02-30', '2025-12-22T10:00:00Z']) {
      assert.deepEqual(await check(article({lastReviewed: `lastReviewed: ${value}`})), [`5:15: \`lastReviewed\` must be a real date written as YYYY-MM-DD, such as 2026-03-01; found \`${value}\`.`], value)
    }
    assert.deepEqual(await check(article({lastReviewed: 'lastReviewed: 2024-02-29'})), [], 'a leap day is a real date')
  })

  it('reports an unknown key with a did-you-mean suggestion, at the key', async () => {
    assert.deepEqual(await check(article({}, 'tag: [back]')), ['9:1: `tag` is not a frontmatter field. Did you mean `tags`?'])
    assert.deepEqual(await check(article({}, 'lastreviewed: 2025-12-22')), ['9:1: `lastreviewed` is not a frontmatter field. Did you mean `lastReviewed`?'])
  })

  it('lists the known fields when nothing is close', async () => {
    const [message] = await check(article({}, 'postcode: AB1 2CD'))
    assert.match(message!, /^9:1: `postcode` is not a frontmatter field\. Remove it, or use one of the known fields: title, description/)
  })

  it('reports unknown keys inside nested mappings', async () => {
    assert.deepEqual(await check(article({reviewedBy: 'reviewedBy:\n  name: Dr Jane Smith\n  credential: GMC registered GP\n  credentials: x'})), ['9:3: `reviewedBy.credentials` is not a frontmatter field. Did you mean `credential`?'])
  })

  it('reports a bad status, source URL and list item at their values', async () => {
    assert.deepEqual(await check(article({}, 'status: live')), ['9:9: `status` must be draft or published; found `live`.'])
    assert.deepEqual(await check(article({}, 'sources:\n  - title: A guide\n    url: http://example.org/guide')), ['11:10: `sources.0.url` must be a web address starting with https://; found `http://example.org/guide`.'])
    assert.deepEqual(await check(article({}, 'tags: [back, "<b>x</b>"]')), ['9:14: `tags.1` must be a short plain-text tag without < or >; found `<b>x</b>`.'])
  })

  it('reports HTML in plain-text fields', async () => {
    assert.deepEqual(await check(article({title: 'title: "<script>alert(1)</script>"'})), ['2:8: `title` must be plain text of 1 to 120 characters without < or >, such as "Lower back pain"; found `<script>alert(1)</script>`.'])
  })

  it('reports a slug that could escape the output folder', async () => {
    assert.deepEqual(await check(article({}, 'slug: ../../etc/passwd')), ['9:7: `slug` must be lower-case words joined by hyphens, such as lower-back-pain; found `../../etc/passwd`.'])
  })

  it('asks for a slug when the file name cannot be one', async () => {
    const messages = briefOf(await lintText(article({}), {path: 'articles/Lower Back Pain.md'}), 'frontmatter-schema')
    assert.deepEqual(messages, ['1:1: The file name `Lower Back Pain` cannot be used as the article\'s address. Rename the file in lower case with hyphens (such as `lower-back-pain.md`), or add a `slug` field.'])
    assert.deepEqual(briefOf(await lintText(article({}, 'slug: lower-back-pain'), {path: 'articles/Lower Back Pain.md'}), 'frontmatter-schema'), [])
  })

  it('says nothing when the frontmatter could not be read (frontmatter-syntax reports it)', async () => {
    assert.deepEqual(await check('---\ntitle: [\n---\n\nText.\n'), [])
  })
})
