// Per-command options: each command takes exactly the options the command table gives it, an
// option it does not take is a usage error naming the command and the option (with the command
// that takes it, or the nearest option it has), and `--help` lists each command's own options.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {commands, globalOptions} from '../../src/cli/commands.js'
import {main} from '../../src/cli/main.js'
import {usageLine} from '../../src/cli/arguments.js'
import {runCli, testRules} from '../helpers.js'
import {placeholderArticle} from '../ci-project.js'
import {temporaryProject} from '../project.js'

const optionNames = new Set(commands.flatMap((command) => Object.keys(command.options)))

describe('options per command', () => {
  it('refuses an option of another command, naming the command, the option and who takes it', async () => {
    assert.deepEqual(await runCli(['lint', '--out', 'x'], '/nonexistent'), {
      code: 2,
      stdout: '',
      stderr: 'healthlint: `healthlint lint` does not take --out: it is an option of `build` and `merge-bundles`.\nRun `healthlint lint --help` for the options it takes.\n'
    })
    assert.deepEqual(await runCli(['build', '--within', '5'], '/nonexistent'), {
      code: 2,
      stdout: '',
      stderr: 'healthlint: `healthlint build` does not take --within: it is an option of `review-schedule`.\nRun `healthlint build --help` for the options it takes.\n'
    })
    const both = await runCli(['preview', '--quiet'], '/nonexistent')
    assert.match(both.stderr, /^healthlint: `healthlint preview` does not take --quiet: it is an option of `lint`, `build` and `merge-reports`\.\n/)
    const changed = await runCli(['review-schedule', '--changed=origin/main'], '/nonexistent')
    assert.equal(changed.code, 2)
    assert.match(changed.stderr, /`healthlint review-schedule` does not take --changed: it is an option of `lint` and `build`\./)
  })

  it('refuses, for every command, every option only other commands take', async () => {
    for (const command of commands) {
      for (const name of optionNames) {
        if (Object.hasOwn(command.options, name)) continue
        const spec = commands.find((other) => Object.hasOwn(other.options, name))!.options[name]!
        const argv = [command.name, spec.optionalValue ? `--${name}=x` : `--${name}`, ...(spec.type === 'string' && !spec.optionalValue ? ['x'] : [])]
        const result = await runCli(argv, '/nonexistent')
        assert.equal(result.code, 2, argv.join(' '))
        assert.equal(result.stdout, '', argv.join(' '))
        assert.ok(result.stderr.startsWith(`healthlint: \`healthlint ${command.name}\` does not take --${name}: it is an option of `), `${argv.join(' ')}: ${result.stderr}`)
      }
    }
  })

  it('suggests the nearest option or command for a typing slip, and nothing for a made-up word', async () => {
    const cases: Array<[string[], string]> = [
      [['lint', '--fromat', 'json'], 'unknown option --fromat for `healthlint lint`. Did you mean --format?'],
      [['lint', '--max-warning', '3'], 'unknown option --max-warning for `healthlint lint`. Did you mean --max-warnings?'],
      [['review-schedule', '--withn', '3'], 'unknown option --withn for `healthlint review-schedule`. Did you mean --within?'],
      [['preview', '--prot', '0'], 'unknown option --prot for `healthlint preview`. Did you mean --port?'],
      [['build', '--no-colour'], 'unknown option --no-colour for `healthlint build`. Did you mean --no-color?'],
      [['lint', '--bogus'], 'unknown option --bogus for `healthlint lint`.'],
      [['lint', '-z'], 'unknown option -z for `healthlint lint`.']
    ]
    for (const [argv, first] of cases) {
      const result = await runCli(argv, '/nonexistent')
      assert.equal(result.code, 2, argv.join(' '))
      assert.equal(result.stderr, `healthlint: ${first}\nRun \`healthlint ${argv[0]} --help\` for the options it takes.\n`)
    }
    const command = await runCli(['lnt'], '/nonexistent')
    assert.equal(command.code, 2)
    assert.match(command.stderr, /^healthlint: unknown command `lnt`\. Did you mean `lint`\?\n\nUsage: /)
    assert.match((await runCli(['publish'], '/nonexistent')).stderr, /^healthlint: unknown command `publish`\.\n\nUsage: /)
  })

  it('refuses options that cannot go together, and values of the wrong kind', async () => {
    const cases: Array<[string[], string]> = [
      [['lint', '--watch', '--fix'], 'healthlint: --watch cannot be combined with --fix: --fix rewrites articles once, before the report.\n'],
      [['lint', '--watch', '--changed'], 'healthlint: --watch cannot be combined with --changed: --watch checks every article it is given.\n'],
      [['lint', '--summary', 's.md', '--watch'], 'healthlint: --watch cannot be combined with --summary: --watch writes no job summary.\n'],
      [['lint', '--quiet=yes'], 'healthlint: Option \'--quiet\' does not take an argument.\nRun `healthlint lint --help` for the options it takes.\n']
    ]
    for (const [argv, stderr] of cases) assert.deepEqual(await runCli(argv, '/nonexistent'), {code: 2, stdout: '', stderr}, argv.join(' '))
    const missing = await runCli(['build', '--out'], '/nonexistent')
    assert.equal(missing.code, 2)
    assert.match(missing.stderr, /--out <value>' argument missing/)
    // An option needs its command before it; `--` ends the options.
    assert.match((await runCli(['--quiet'], '/nonexistent')).stderr, /^healthlint: --quiet needs a command before it\.\n\nUsage: /)
    assert.match((await runCli(['lint', '--', '--out'], '/nonexistent')).stderr, /No such file or directory: --out/)
  })

  it('lists in each command\'s help exactly the options it takes', async () => {
    for (const command of commands) {
      for (const argv of [[command.name, '--help'], ['help', command.name], [command.name, '-h', '--out', 'x']]) {
        const help = await runCli(argv, '/nonexistent')
        assert.equal(help.code, 0, argv.join(' '))
        assert.ok(help.stdout.startsWith(`${usageLine(command)}\n`), argv.join(' '))
        const listed = [...help.stdout.matchAll(/^ {2}(?:-\w, )?--([\w-]+)/gm)].map((match) => match[1])
        const expected = [...Object.entries(command.options), ...Object.entries(globalOptions)].filter(([, spec]) => !spec.hidden).map(([name]) => name)
        assert.deepEqual(listed, expected, argv.join(' '))
        assert.match(help.stdout, /\nExit codes: 0 no errors, 1 errors found .*, 2 usage/)
      }
    }
    const general = await runCli(['--help'], '/nonexistent')
    for (const command of commands) assert.match(general.stdout, new RegExp(`^ {2}${command.name}${command.arguments ? ` ${command.arguments.replace(/[[\]<>]/g, '\\$&')}` : ''}(?: |$)`, 'm'))
    assert.match(general.stdout, /Run `healthlint <command> --help` for the options a command takes\./)
  })

  it('takes every option each command lists', async () => {
    const cwd = temporaryProject({
      'articles/a.md': placeholderArticle(),
      'quiet.json': JSON.stringify({rules: testRules({'red-flags-urgent-action': 'off', readability: 'off'})})
    })
    const common = ['--config', 'quiet.json', '--now', '2026-01-15']
    const lint = await runCli(['lint', 'articles', '--format', 'json', '--quiet', '--max-warnings', '9', '--summary', 'summary.md', '--no-cache', '--cache-dir', 'c', '--no-color', '--color', ...common], cwd)
    assert.equal(lint.code, 0, lint.stderr)
    assert.equal((JSON.parse(lint.stdout) as unknown[]).length, 1)
    const build = await runCli(['build', 'articles', '--out', 'site', '--format', 'json', '--quiet', '--max-warnings', '9', '--cache-dir', 'c', '--no-color', ...common], cwd)
    assert.equal(build.code, 0, build.stderr)
    assert.match(build.stderr, /^Published 1 article to site\./)
    const schedule = await runCli(['review-schedule', 'articles', '--within', '400', '--format', 'csv', ...common], cwd)
    assert.equal(schedule.code, 0, schedule.stderr)
    assert.match(schedule.stdout, /articles\/a\.md/)
    // preview, stopped as soon as it has started.
    let stdout = ''
    const code = await main({
      argv: ['preview', 'articles', '--port', '0', '--host', '127.0.0.1', ...common],
      cwd,
      env: {},
      signal: AbortSignal.abort(),
      stdout: {write: (chunk: string) => (stdout += chunk)},
      stderr: {write: () => true}
    })
    assert.equal(code, 0)
    assert.match(stdout, /^Previewing 1 article at http:\/\/127\.0\.0\.1:\d+\//)
  })
})
