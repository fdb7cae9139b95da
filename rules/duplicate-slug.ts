// duplicate-slug: no two articles in a run share a slug (their address in the published bundle).
//
// Why: two articles with one slug would be published to the same address, and one would silently
// replace the other: a patient could read the wrong page. Both articles are reported and neither
// is published until one is renamed. Turn it off: never.
//
// The slugs of all articles are read before any is checked (`collectSlugs` in
// src/pipeline/slugs.ts), so this rule sees the whole run while lint still streams file by file.
import {defineRule, withoutOptions} from '../src/rule-kit/rule.js'
import {pathOf, slugOf} from '../src/pipeline/slugs.js'

export default defineRule({
  id: 'duplicate-slug',
  description: 'Each article has its own slug (its `slug` field, or else its file name): no two articles in a run share one.',
  rationale: 'Two articles with the same slug would be published to the same address, and one would silently replace the other. Both are reported and withheld until one is renamed.',
  severity: 'error',
  requires: 'file',
  safety: true,
  dependsOnRun: true,
  ...withoutOptions,
  // A clash needs two files, which a single-file example cannot show; test/build/slugs.test.ts
  // lints and builds pairs of articles on disk.
  examples: {
    valid: [{name: 'a single article', input: '---\ntitle: Sore throat\nslug: sore-throat\n---\n\nText.\n'}],
    invalid: []
  },
  check(context) {
    const {file, frontmatter} = context
    const path = pathOf(file)
    const {slug, fromFrontmatter} = slugOf(frontmatter?.data, path)
    const others = (file.data.slugs?.get(slug) ?? []).filter((other) => other !== path)
    if (others.length === 0) return
    const list = others.map((other) => `\`${other}\``).join(', ')
    const range = fromFrontmatter ? frontmatter?.ranges.get('/slug') : undefined
    const where = range?.key ?? range?.value
    context.report(
      fromFrontmatter
        ? `The slug \`${slug}\` is also used by ${list}, so neither article can be published. Give each article its own \`slug\`.`
        : `This article's slug \`${slug}\` (from its file name) is also used by ${list}, so neither article can be published. Add a different \`slug\` to one of them.`,
      where ?? {line: 1, column: 1},
      {actual: slug}
    )
  }
})
