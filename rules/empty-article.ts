// empty-article: the file is not empty and has a body after its frontmatter.
//
// Why: an empty page published under a health topic tells patients nothing and hides the gap
// from the content team. Turn it off: never.
import {defineRule, reportRecordedProblems, withoutOptions} from '../src/rule-kit/rule.js'
import type {RecordedMessages} from '../src/pipeline/problems.js'

/** The messages of the problems the load stage records for this rule. */
export const recordedMessages: RecordedMessages<'empty-article'> = {
  empty: () => 'This file is empty. An article needs frontmatter and a body.'
}

const recorded = reportRecordedProblems('empty-article', recordedMessages)

export default defineRule({
  id: 'empty-article',
  description: 'The file is not empty, and there is article text after the frontmatter.',
  rationale: 'An empty page under a health topic tells patients nothing; it must be written before it is published.',
  severity: 'error',
  requires: 'file',
  boundedWork: true,
  safety: true,
  ...withoutOptions,
  examples: {
    valid: [{name: 'frontmatter and a body', input: '---\ntitle: Hay fever\n---\n\nHay fever is an allergy to pollen.\n'}],
    invalid: [
      {name: 'an empty file', input: '', messages: ['1:1: This file is empty. An article needs frontmatter and a body.']},
      {
        name: 'frontmatter only',
        input: '---\ntitle: Hay fever\n---\n',
        messages: ['3:1: This article has no text after its frontmatter. Write the article below the closing `---` line.']
      }
    ]
  },
  check(context) {
    recorded(context)
    const {tree, file, frontmatter} = context
    if (!file.data.loaded || !file.data.tree || tree.children.length > 0) return
    const fence = frontmatter?.position.end
    context.report('This article has no text after its frontmatter. Write the article below the closing `---` line.', fence ? {line: fence.line - (fence.column === 1 ? 1 : 0), column: 1} : {line: 1, column: 1})
  }
})
