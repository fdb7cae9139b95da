// The Markdown files of the repository that tests parse and compare: articles, test fixtures
// (the MedQuAD sample, the hostile catalogue) and any other directories given, except files made
// to be slow to parse (over 16 KB).
import {readFileSync, readdirSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {packageRoot} from '../../src/config/package-files.js'

export function repositoryMarkdown(...more: string[]): Array<{name: string; text: string}> {
  const texts: Array<{name: string; text: string}> = []
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, {withFileTypes: true})) {
      const path = join(directory, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.isFile() && entry.name.endsWith('.md') && statSync(path).size <= 16_384) texts.push({name: path.slice(packageRoot.length + 1), text: readFileSync(path, 'utf8')})
    }
  }
  for (const directory of ['articles', join('test', 'fixtures'), ...more]) walk(join(packageRoot, directory))
  return texts
}
