// Files a configuration names: the config itself and every data file a rule option points at
// (`plain-english`'s `vocabulary`). A pull request can change the config, so each path is tried
// as an attacker would write it: an endless device, a FIFO, a credentials file elsewhere on the
// machine, links to those, a huge file. Every one is an exit-2 config error naming the option
// and the file, and nothing from such a file is ever printed.
import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {execFileSync} from 'node:child_process'
import {mkdir, rm, symlink, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {loadConfig} from '../src/config/config.js'
import {maxDataFileBytes} from '../src/config/data-files.js'
import {createLinter} from '../src/pipeline/lint.js'
import {article, seedBody} from './build/support.js'
import {runCli} from './helpers.js'
import {temporaryProject} from './project.js'
import {builtInRules} from '../rules/index.js'

const now = '2026-03-01'
const secret = 'AKIA-NOT-A-REAL-KEY-31337'

/** A credentials-shaped JSON file outside any project: a mapping of names to values. */
async function credentialsFile(): Promise<string> {
  // "back" is a word of every test article: a rule reading this file would quote the value.
  return temporaryProject({'credentials.json': JSON.stringify({back: secret, aws_secret_access_key: secret})}, {prefix: 'healthlint-outside-'})
}

/** A project whose config names `vocabulary`, with `setup` run in it first. */
async function projectWith(vocabulary: string, setup: (cwd: string) => Promise<void> = async () => undefined): Promise<string> {
  const cwd = temporaryProject({
    'articles/lower-back-pain.md': article(seedBody()),
    'healthlint.config.json': JSON.stringify({rules: {'plain-english': ['warning', {vocabulary}]}})
  })
  await setup(cwd)
  return cwd
}

const refusal = (path: string, reason: string) =>
  `healthlint: healthlint.config.json: the \`vocabulary\` option of rule \`plain-english\` names \`${path}\`, which ${reason}. A data file must be a regular file of at most ${maxDataFileBytes} bytes inside the working directory, reached without symbolic links, so that a config cannot make healthlint read anything else on the machine.\n`

describe('a data file named in the config', () => {
  it('is refused when it is a device such as /dev/zero, without reading it', async () => {
    const cwd = await projectWith('/dev/zero')
    const result = await runCli(['lint', '--now', now], cwd)
    assert.deepEqual(result, {code: 2, stdout: '', stderr: refusal('/dev/zero', 'is outside the working directory')})
  })

  it('is refused when it is a link to a device, or a FIFO, inside the repository', async () => {
    const linked = await projectWith('zero.json', (cwd) => symlink('/dev/zero', join(cwd, 'zero.json')))
    assert.deepEqual(await runCli(['lint', '--now', now], linked), {code: 2, stdout: '', stderr: refusal('zero.json', 'is a symbolic link')})
    // A FIFO would block a read for ever: it is never opened for reading.
    const fifo = await projectWith('words.json', async (cwd) => void execFileSync('mkfifo', [join(cwd, 'words.json')]))
    assert.deepEqual(await runCli(['lint', '--now', now], fifo), {code: 2, stdout: '', stderr: refusal('words.json', 'is not a regular file')})
    const directory = await projectWith('words', (cwd) => mkdir(join(cwd, 'words')))
    assert.deepEqual(await runCli(['lint', '--now', now], directory), {code: 2, stdout: '', stderr: refusal('words', 'is not a regular file')})
  })

  it('is refused when it is outside the repository, however it is reached, and its values are never printed', async () => {
    const outside = await credentialsFile()
    const target = join(outside, 'credentials.json')
    const cases: Array<[string, (cwd: string) => Promise<void>, string]> = [
      [target, async () => undefined, 'is outside the working directory'],
      [`../${outside.split('/').at(-1)}/credentials.json`, async () => undefined, 'is outside the working directory'],
      ['words.json', (cwd) => symlink(target, join(cwd, 'words.json')), 'is a symbolic link'],
      ['data/credentials.json', (cwd) => symlink(outside, join(cwd, 'data')), 'is reached through a symbolic link']
    ]
    for (const [path, setup, reason] of cases) {
      const cwd = await projectWith(path, setup)
      for (const command of ['lint', 'build']) {
        const result = await runCli([command, '--now', now, '--format', 'github'], cwd)
        assert.deepEqual(result, {code: 2, stdout: '', stderr: refusal(path, reason)}, `${command} ${path}`)
        assert.ok(!result.stdout.includes(secret) && !result.stderr.includes(secret))
      }
    }
  })

  it('is refused when it is larger than the cap, and accepted at the cap', async () => {
    const words = JSON.stringify({words: {'flare ups': ['times when it gets worse']}})
    const big = await projectWith('words.json', (cwd) => writeFile(join(cwd, 'words.json'), words + ' '.repeat(maxDataFileBytes + 1 - words.length)))
    assert.deepEqual(await runCli(['lint', '--now', now], big), {code: 2, stdout: '', stderr: refusal('words.json', `is ${maxDataFileBytes + 1} bytes, more than the limit of ${maxDataFileBytes} bytes for a config or data file`)})
    const atCap = await projectWith('words.json', (cwd) => writeFile(join(cwd, 'words.json'), words + ' '.repeat(maxDataFileBytes - words.length)))
    assert.equal((await runCli(['lint', '--now', now], atCap)).code, 0)
  })

  it('is read once, when the config is loaded: its words are part of the config', async () => {
    const cwd = await projectWith('words.json', (cwd) => writeFile(join(cwd, 'words.json'), JSON.stringify({words: {'flare ups': ['times when it gets worse']}})))
    const config = await loadConfig(cwd, {rules: builtInRules})
    assert.deepEqual(config.rules['plain-english']!.options.vocabulary, {'flare ups': ['times when it gets worse']})
    assert.deepEqual(config.dataFiles, ['words.json'])
    await rm(join(cwd, 'words.json'))
    const linter = createLinter({cwd, config, now})
    const file = await linter.lintBytes('articles/flare.md', new TextEncoder().encode(article(seedBody().replace('In most cases', 'Flare ups happen. In most cases'))))
    assert.ok(file.messages.some((message) => message.ruleId === 'plain-english' && message.reason.startsWith('“Flare ups” is not plain English')))
  })

  it('is not read for a rule that is off', async () => {
    const cwd = temporaryProject({'healthlint.config.json': JSON.stringify({rules: {'plain-english': ['off', {vocabulary: '/dev/zero'}]}})})
    assert.deepEqual((await loadConfig(cwd, {rules: builtInRules})).dataFiles, [])
  })
})

describe('the config file', () => {
  it('is refused when the default one is a symbolic link or too large, with exit 2', async () => {
    const outside = await credentialsFile()
    const linked = temporaryProject({'articles/lower-back-pain.md': article(seedBody())})
    await symlink(join(outside, 'credentials.json'), join(linked, 'healthlint.config.json'))
    const result = await runCli(['lint', '--now', now], linked)
    assert.equal(result.code, 2)
    assert.equal(result.stderr, `healthlint: The config file healthlint.config.json is a symbolic link; the config must be a regular file of at most ${maxDataFileBytes} bytes in the working directory, not a symbolic link.\n`)
    const big = temporaryProject({'articles/lower-back-pain.md': article(seedBody()), 'healthlint.config.json': '{}' + ' '.repeat(maxDataFileBytes)})
    assert.match((await runCli(['lint', '--now', now], big)).stderr, /^healthlint: The config file healthlint\.config\.json is 1048578 bytes, more than the limit/)
  })

  it('named with --config may be anywhere (the user typed it), but must be a regular file', async () => {
    const cwd = temporaryProject({'articles/lower-back-pain.md': article(seedBody())})
    const outside = await credentialsFile()
    await writeFile(join(outside, 'healthlint.config.json'), '{}\n')
    assert.equal((await runCli(['lint', '--now', now, '--config', join(outside, 'healthlint.config.json')], cwd)).code, 0)
    const result = await runCli(['lint', '--now', now, '--config', '/dev/zero'], cwd)
    assert.deepEqual(result, {code: 2, stdout: '', stderr: `healthlint: The config file /dev/zero is not a regular file; the config must be a regular file of at most ${maxDataFileBytes} bytes.\n`})
  })
})
