// The MedQuAD corpus as healthlint articles, shared by the bench and the style noise check
// (test/eval/style-noise.ts): where the corpus is, and each article with healthlint's
// frontmatter (placeholder metadata) around its own body.
import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {packageRoot} from '../../src/config/package-files.js'

export /** A MedQuAD article with healthlint's frontmatter (placeholder metadata) and its own body. */
function withHealthlintFrontmatter(text: string): string {
  const close = text.indexOf('\n---\n', 4)
  const header = close === -1 ? '' : text.slice(0, close)
  const body = close === -1 ? text : text.slice(close + 5)
  const title = /^title: "?(.*?)"?$/m.exec(header)?.[1] ?? 'Placeholder title'
  return [
    '---',
    `title: ${JSON.stringify(title.slice(0, 100))}`,
    'description: "Placeholder description used only for benchmarking."',
    'category: benchmark',
    'lastReviewed: 2026-01-10',
    'reviewedBy:',
    '  name: Placeholder Reviewer',
    '  credential: Placeholder credential',
    '---',
    body
  ].join('\n')
}

/** A directory of ../shared (next to the checkout or the worktree). */
export function findShared(path: string): string {
  for (const candidate of [join(packageRoot, '..', 'shared', path), join(packageRoot, '..', '..', 'shared', path)]) {
    if (existsSync(candidate)) return candidate
  }
  throw new Error(`Cannot find ../shared/${path}; set HEALTHLINT_CORPUS to the MedQuAD directory.`)
}
