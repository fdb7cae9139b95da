// file-type: each article is a regular file of a sensible size.
//
// Why: articles arrive in pull requests from anyone. A symbolic link could make the build
// publish a file from elsewhere on the CI machine (a credentials file, say), and a huge file
// could exhaust the machine. Turn it off: never.
import {defineRule, reportRecordedProblems, withoutOptions} from '../src/rule-kit/rule.js'
import type {RecordedMessages} from '../src/pipeline/problems.js'

/** The messages of the problems the load stage records for this rule. */
export const recordedMessages: RecordedMessages<'file-type'> = {
  'symbolic-link': () => 'This file is a symbolic link; healthlint only reads regular files, so that a link cannot publish a file from elsewhere on the machine. Replace the link with the article itself.',
  'not-a-file': () => 'This path is not a regular file, so it cannot be an article.',
  'too-large': ({bytes, limit}) => `This file is ${bytes} bytes, more than the limit of ${limit} bytes for one article. Split it into smaller articles, or raise \`limits.maxFileBytes\` in the config.`,
  'changed-while-read': () => 'This file changed while it was being read. Check it again when nothing is writing to it.',
  unreadable: ({code}) => `This file could not be read (${code}).`
}

export default defineRule({
  id: 'file-type',
  description: 'Articles are regular files (not symbolic links or devices) no larger than `limits.maxFileBytes`.',
  rationale: 'A symbolic link in a pull request could publish a file from the CI machine; an oversized file could exhaust it. Both are refused before anything is read.',
  severity: 'error',
  requires: 'file',
  boundedWork: true,
  safety: true,
  ...withoutOptions,
  // Symbolic links and oversized files cannot be written as inline examples; the loader's tests
  // create them on disk (test/pipeline/load.test.ts).
  examples: {
    valid: [{name: 'a regular file', input: '---\ntitle: Hay fever\n---\n\nText.\n'}],
    invalid: []
  },
  check: reportRecordedProblems('file-type', recordedMessages)
})
