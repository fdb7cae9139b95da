// `healthlint init`: set up a content repository, empty or not, for healthlint. It writes what a
// content team needs to start — an example article skeleton (as `new` writes it), the config
// with its `$schema`, `.gitignore` entries, the two GitHub workflows and a CODEOWNERS example —
// and never overwrites a file: whatever is already there is kept, and named as skipped.
import {readFile, readdir} from 'node:fs/promises'
import {join} from 'node:path'
import type {CliEnvironment} from './main.js'
import {exitCodes} from './main.js'
import {addMissingLines, readTemplate, writeNewFile} from './scaffold.js'
import {articleTemplate, placeholderCount} from './new-command.js'

/** The example article's path. */
export const examplePath = 'articles/example-article.md'

/** What init writes: the path in the content repository, and where its text comes from. */
export const initFiles: ReadonlyArray<{path: string; text: () => string}> = [
  {path: examplePath, text: articleTemplate},
  {path: 'healthlint.config.json', text: () => readTemplate('healthlint.config.json')},
  {path: '.github/workflows/healthlint-pr.yml', text: () => readTemplate('workflows/healthlint-pr.yml')},
  {path: '.github/workflows/healthlint-publish.yml', text: () => readTemplate('workflows/healthlint-publish.yml')},
  // One source: the example this repository documents and tests.
  {path: '.github/CODEOWNERS.example', text: () => readTemplate('.github/CODEOWNERS.example', true)}
]

export async function runInit(environment: CliEnvironment, args: string[]): Promise<number> {
  const {cwd, stdout, stderr} = environment
  if (args.length > 0) {
    stderr.write('healthlint: `init` sets up the current folder and takes no paths; run it in the repository\'s top folder.\n')
    return exitCodes.usage
  }
  const lines: string[] = []
  const skipped = (path: string, reason: string) => lines.push(`  skipped  ${path} (${reason})`)
  try {
    for (const file of initFiles) {
      if (file.path === examplePath && (await hasArticles(cwd))) {
        skipped(file.path, 'articles/ already has articles, and an unfinished example would fail their checks')
        continue
      }
      const outcome = await writeNewFile(cwd, file.path, file.text())
      if (outcome.written) lines.push(`  created  ${file.path}`)
      else skipped(file.path, outcome.reason)
    }
    const wanted = readTemplate('gitignore').split('\n').filter((line) => line.trim() !== '')
    const added = await addMissingLines(cwd, '.gitignore', wanted)
    if (!Array.isArray(added)) skipped('.gitignore', added.reason)
    else if (added.length === 0) skipped('.gitignore', `it already has ${wanted.join(', ')}`)
    else lines.push(`  updated  .gitignore (added ${added.join(', ')})`)
  } catch (error) {
    stdout.write(lines.map((line) => line + '\n').join(''))
    stderr.write(`healthlint: init stopped: ${(error as Error).message}\n`)
    return exitCodes.usage
  }
  stdout.write(`healthlint init:\n${lines.join('\n')}\n\nNext:\n`)
  if (lines.some((line) => line.startsWith(`  created  ${examplePath}`))) {
    stdout.write(`  - Replace the ${placeholderCount(articleTemplate())} “[Write …]” placeholders in ${examplePath} (or delete it), or start another article with \`npx healthlint new <slug>\`.\n`)
  }
  stdout.write('  - Run `npx healthlint lint` to check the articles, and `npx healthlint preview` to see them.\n')
  if ((await readIfFile(join(cwd, 'package-lock.json'))) === undefined) {
    stdout.write('  - The workflows install healthlint from package-lock.json: run `npm install --save-dev healthlint` and commit package.json and package-lock.json.\n')
  }
  stdout.write('  - Copy .github/CODEOWNERS.example to .github/CODEOWNERS with your own teams, and require code owners\' review on the default branch.\n')
  return exitCodes.ok
}

async function hasArticles(cwd: string): Promise<boolean> {
  try {
    return (await readdir(join(cwd, 'articles'))).some((name) => /\.m(?:d|arkdown)$/i.test(name) && `articles/${name}` !== examplePath)
  } catch {
    return false
  }
}

async function readIfFile(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}
