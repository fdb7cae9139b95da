// The registry: the one place the rest of healthlint learns which rules exist, in the order
// they appear in the documentation.
import type {Rule} from '../src/rule.js'
import encoding from './encoding.js'
import fileType from './file-type.js'
import emptyArticle from './empty-article.js'
import frontmatterSyntax from './frontmatter-syntax.js'
import frontmatterSchema from './frontmatter-schema.js'
import markdownLimits from './markdown-limits.js'
import readability from './readability.js'
import hardSentence from './hard-sentence.js'
import plainEnglish from './plain-english.js'

export const rules: ReadonlyArray<Rule<Record<string, unknown>>> = [
  encoding,
  fileType,
  emptyArticle,
  frontmatterSyntax,
  frontmatterSchema,
  markdownLimits,
  readability,
  hardSentence,
  plainEnglish
] as ReadonlyArray<Rule<Record<string, unknown>>>
