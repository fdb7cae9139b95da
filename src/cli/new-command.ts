// `healthlint new <slug>`: write `articles/<slug>.md`, an article skeleton with the frontmatter
// and every section heading the safety rules require, each part a "[Write …]" placeholder that
// `no-placeholders` (or the frontmatter schema) reports until a person replaces it. The skeleton
// is a data file (templates/article.md) and holds no clinical advice: only what to write where.
import type {CliEnvironment} from './main.js'
import {exitCodes} from './main.js'
import {placeholderPattern} from '../../rules/no-placeholders.js'
import {readTemplate, writeNewFile} from './scaffold.js'

/** The same form as the frontmatter's `slug` (schemas/article.schema.json). */
const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/
const maxSlugLength = 80

export const articleTemplate = () => readTemplate('article.md')

/** How many placeholders a skeleton has: the messages a new article gets until it is written. */
export const placeholderCount = (text: string) => text.match(placeholderPattern)?.length ?? 0

export async function runNew(environment: CliEnvironment, args: string[]): Promise<number> {
  const {stdout, stderr} = environment
  if (args.length !== 1) {
    stderr.write(`healthlint: \`new\` needs one slug, the new article's address, such as \`healthlint new lower-back-pain\`${args.length > 1 ? `; found ${args.length}` : ''}.\n`)
    return exitCodes.usage
  }
  const slug = args[0]!
  if (!slugPattern.test(slug) || slug.length > maxSlugLength) {
    const hint = /\.m(?:d|arkdown)$/i.test(slug) ? ` Leave out the extension: \`healthlint new ${slug.replace(/\.m(?:d|arkdown)$/i, '').toLowerCase()}\`.` : ''
    stderr.write(`healthlint: the slug must be lower-case words joined by hyphens, at most ${maxSlugLength} characters, such as lower-back-pain; found \`${slug}\`.${hint}\n`)
    return exitCodes.usage
  }
  const path = `articles/${slug}.md`
  const text = articleTemplate()
  let outcome
  try {
    outcome = await writeNewFile(environment.cwd, path, text)
  } catch (error) {
    stderr.write(`healthlint: cannot write ${path}: ${(error as Error).message}\n`)
    return exitCodes.usage
  }
  if (!outcome.written) {
    stderr.write(`healthlint: did not write ${path}: ${outcome.reason}, and \`new\` never overwrites anything. Choose another slug, or edit the article that is there.\n`)
    return exitCodes.usage
  }
  stdout.write(`Wrote ${path}. Replace each of its ${placeholderCount(text)} “[Write …]” placeholders with your own text (lint reports each one until you do), have it clinically reviewed, then run \`healthlint lint ${path}\`.\n`)
  return exitCodes.ok
}
