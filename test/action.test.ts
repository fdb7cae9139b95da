// The GitHub Action (action.yml), the workflows `healthlint init` writes and the pre-commit hook:
// valid for action-validator, every action pinned to a commit SHA, inputs only through the
// environment, an LTS Node, and the Action's own scripts run here with bash — the cache policy,
// the install command it builds, and a real lint of a scratch repository through the Lint step.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {execFile} from 'node:child_process'
import {chmod, mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {delimiter, join} from 'node:path'
import {promisify} from 'node:util'
import {parse} from 'yaml'
import {packageRoot} from '../src/config/package-files.js'
import {validate} from './action-validator.js'
import {placeholderArticle} from './ci-project.js'
import {removeProject, temporaryProject} from './project.js'
import {today} from '../src/io/today.js'

const run = promisify(execFile)
const templates = join(packageRoot, 'src', 'cli', 'templates', 'workflows')

interface Step {
  name?: string
  id?: string
  if?: string
  uses?: string
  run?: string
  shell?: string
  with?: Record<string, unknown>
  env?: Record<string, string>
}
interface Action {
  inputs: Record<string, {description: string; default?: string}>
  runs: {using: string; steps: Step[]}
}

const actionText = await readFile(join(packageRoot, 'action.yml'), 'utf8')
const action = parse(actionText) as Action
const stepNamed = (name: string) => {
  const step = action.runs.steps.find((step) => step.name === name)
  assert.ok(step, `a step named ${name}`)
  return step
}


function assertPinned(text: string, uses: string[]): void {
  assert.ok(uses.length > 0)
  for (const used of uses) {
    assert.match(used, /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/, used)
    assert.match(text, new RegExp(`uses: ${used.replace(/[.]/g, '\\.')} # v\\d+\\.\\d+\\.\\d+\\n`), `${used} has a # vX.Y.Z comment`)
  }
}

/**
 * Run one of the Action's `run` scripts with bash, as the runner would: the step's environment
 * with its `${{ … }}` expressions replaced from `values`, plus `extra`.
 */
async function runStep(step: Step, values: Record<string, string>, extra: Record<string, string>, cwd: string): Promise<{code: number; stdout: string; stderr: string}> {
  const env: Record<string, string> = {PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...extra}
  for (const [key, value] of Object.entries(step.env ?? {})) {
    env[key] = value.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, name: string) => {
      assert.ok(name in values, `the test gives ${name}`)
      return values[name]!
    })
  }
  try {
    const {stdout, stderr} = await run('bash', ['-e', '-c', step.run!], {cwd, env})
    return {code: 0, stdout, stderr}
  } catch (error) {
    const failure = error as {code: number; stdout: string; stderr: string}
    return {code: failure.code, stdout: failure.stdout, stderr: failure.stderr}
  }
}

const inputDefaults = () => Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [`inputs.${name}`, input.default ?? '']))

describe('the GitHub Action (action.yml)', () => {
  it('passes action-validator, and the check can fail', async () => {
    const result = await validate(join(packageRoot, 'action.yml'))
    assert.ok(result.ok, result.output)
    const folder = await mkdtemp(join(tmpdir(), 'healthlint-action-'))
    try {
      await writeFile(join(folder, 'action.yml'), actionText.replace('  using: composite\n', '  using: compost\n'))
      assert.equal((await validate(join(folder, 'action.yml'))).ok, false)
    } finally {
      await rm(folder, {recursive: true, force: true})
    }
  })

  it('is a composite action with the inputs the README documents', () => {
    assert.equal(action.runs.using, 'composite')
    assert.deepEqual(Object.keys(action.inputs), ['paths', 'changed', 'format', 'max-warnings', 'summary', 'sarif', 'cache', 'config', 'version', 'node-version', 'working-directory'])
    assert.equal(action.inputs.paths!.default, 'articles/')
    assert.equal(action.inputs.changed!.default, 'auto')
    assert.equal(action.inputs.format!.default, 'github')
    assert.equal(action.inputs.summary!.default, 'true')
    assert.equal(action.inputs.sarif!.default, 'false')
    for (const [name, input] of Object.entries(action.inputs)) assert.ok(input.description.length > 10, name)
  })

  it('pins every action to a full commit SHA, runs on an LTS Node, and never pastes an expression into a script', () => {
    assertPinned(actionText, action.runs.steps.flatMap((step) => (step.uses ? [step.uses] : [])))
    // Node.js 24 and 26 are the LTS lines in December 2026 (20 ended in April 2026, 22 is in its last months).
    assert.ok(['24', '26'].includes(action.inputs['node-version']!.default!), String(action.inputs['node-version']!.default))
    for (const step of action.runs.steps) {
      if (step.run === undefined) continue
      assert.equal(step.shell, 'bash', String(step.name))
      assert.ok(!step.run.includes('${{'), `${step.name}: inputs reach the script through env`)
    }
  })

  it('restores and saves the cache with a pinned actions/cache, only when the policy says so', () => {
    const restore = stepNamed('Restore the cache')
    const save = stepNamed('Save the cache')
    assert.match(restore.uses!, /^actions\/cache\/restore@/)
    assert.match(save.uses!, /^actions\/cache\/save@/)
    assert.equal(restore.if, "steps.cache-policy.outputs.use == 'true'")
    assert.match(save.if!, /steps\.cache-policy\.outputs\.use == 'true'/)
    assert.equal(restore.with?.key, save.with?.key)
    // The cache lives outside the checkout, with the secret that signs its entries.
    assert.equal(restore.with?.path, '${{ runner.temp }}/healthlint-cache\n${{ inputs.working-directory }}/node_modules/.cache/healthlint\n')
    assert.equal(save.with?.path, restore.with?.path)
    const order = action.runs.steps.map((step) => step.name)
    assert.ok(order.indexOf('Delete any committed cache') < order.indexOf('Restore the cache'))
    assert.ok(order.indexOf('Restore the cache') < order.indexOf('Lint') && order.indexOf('Lint') < order.indexOf('Save the cache'))
    assert.equal(stepNamed('Delete any committed cache').run, 'rm -rf -- .healthlint-cache')
  })

  it('uses the cache only on events a pull request cannot start, and only when asked', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'healthlint-action-'))
    try {
      const policy = async (event: string, cache: string) => {
        const output = join(folder, `output-${event}-${cache}`)
        await writeFile(output, '')
        const result = await runStep(stepNamed('Decide whether to use the cache'), {'inputs.cache': cache, 'github.event_name': event}, {GITHUB_OUTPUT: output}, folder)
        assert.equal(result.code, 0, result.stderr)
        return (await readFile(output, 'utf8')).trim()
      }
      for (const event of ['push', 'schedule', 'workflow_dispatch']) assert.equal(await policy(event, 'true'), 'use=true', event)
      for (const event of ['pull_request', 'pull_request_target', 'merge_group', 'issue_comment']) assert.equal(await policy(event, 'true'), 'use=false', event)
      assert.equal(await policy('push', 'false'), 'use=false')
    } finally {
      await rm(folder, {recursive: true, force: true})
    }
  })

  it('installs the package of its own version (or the one asked for) without running scripts', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'healthlint-action-'))
    try {
      // A stand-in npm that records its arguments.
      await mkdir(join(folder, 'bin'))
      await writeFile(join(folder, 'bin', 'npm'), '#!/bin/sh\nprintf "%s\\n" "$@" > "$NPM_ARGS"\n')
      await chmod(join(folder, 'bin', 'npm'), 0o755)
      const install = async (version: string) => {
        const extra = {PATH: `${join(folder, 'bin')}${delimiter}${process.env.PATH}`, NPM_ARGS: join(folder, 'args'), GITHUB_PATH: join(folder, 'github-path')}
        const result = await runStep(stepNamed('Install healthlint from its package'), {'github.action_path': packageRoot, 'inputs.version': version, 'runner.temp': folder}, extra, folder)
        assert.equal(result.code, 0, result.stderr)
        return {args: (await readFile(join(folder, 'args'), 'utf8')).trim().split('\n'), path: (await readFile(join(folder, 'github-path'), 'utf8')).trim()}
      }
      const {version} = JSON.parse(await readFile(join(packageRoot, 'package.json'), 'utf8')) as {version: string}
      const own = await install('')
      assert.deepEqual(own.args, ['install', '--prefix', join(folder, 'healthlint-tool'), '--no-save', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund', '--', `healthlint@${version}`])
      assert.equal(own.path, join(folder, 'healthlint-tool', 'node_modules', '.bin'))
      assert.equal((await install('^1.2.0')).args.at(-1), 'healthlint@^1.2.0')
      assert.equal((await install('./healthlint-1.2.0.tgz')).args.at(-1), './healthlint-1.2.0.tgz')
    } finally {
      await rm(folder, {recursive: true, force: true})
    }
  })

  it('lints through its Lint step: annotations, the job summary, the exit code, inputs as words', async () => {
    // The Action passes no --now: the review dates are today's, so no review falls due.
    const lastReviewed = today()
    const root = temporaryProject({
      'articles/clean.md': placeholderArticle({lastReviewed}),
      'articles/with space.md': placeholderArticle({lastReviewed, slug: 'with-space', title: ''})
    })
    const bin = await mkdtemp(join(tmpdir(), 'healthlint-action-bin-'))
    try {
      // `healthlint` on PATH, as the install step leaves it: this repository's build.
      await writeFile(join(bin, 'healthlint'), `#!/bin/sh\nprintf "%s\\n" "$@" > "$ARGS_FILE"\nexec "${process.execPath}" "${join(packageRoot, 'bin', 'healthlint.js')}" "$@"\n`)
      await chmod(join(bin, 'healthlint'), 0o755)
      const summary = join(bin, 'summary.md')
      const lint = async (inputs: Record<string, string>, baseRef = '') => {
        await writeFile(summary, '')
        const values = {...inputDefaults(), ...inputs, 'steps.cache-policy.outputs.use': 'false', 'runner.temp': bin, 'github.base_ref': baseRef}
        const result = await runStep(stepNamed('Lint'), values, {PATH: `${bin}${delimiter}${process.env.PATH}`, GITHUB_STEP_SUMMARY: summary, ARGS_FILE: join(bin, 'args')}, root)
        return {...result, args: (await readFile(join(bin, 'args'), 'utf8')).trim().split('\n'), summary: await readFile(summary, 'utf8')}
      }

      const clean = await lint({'inputs.paths': 'articles/clean.md'})
      assert.equal(clean.code, 0, clean.stdout + clean.stderr)
      assert.deepEqual(clean.args, ['lint', '--format', 'github', '--no-cache', '--', 'articles/clean.md'])
      assert.match(clean.summary, /clean\.md/, 'the job summary is written')

      // Paths split on white space only: a glob is passed on for healthlint to expand, not the shell.
      const failing = await lint({'inputs.paths': 'articles/clean.md\narticles/w*.md', 'inputs.summary': 'false', 'inputs.max-warnings': '0'})
      assert.equal(failing.code, 1, 'errors fail the step')
      assert.deepEqual(failing.args, ['lint', '--format', 'github', '--no-cache', '--max-warnings', '0', '--', 'articles/clean.md', 'articles/w*.md'])
      assert.match(failing.stdout, /^::error title=healthlint%3A frontmatter-schema,file=articles\/with space\.md,line=1,/m)
      assert.doesNotMatch(failing.stdout, /::warning/)
      assert.equal(failing.summary, '', 'summary: false writes none')

      // On a pull request, `changed: auto` compares with the base branch; `false` lints everything.
      const changed = await lint({'inputs.changed': 'auto'}, 'main')
      assert.deepEqual(changed.args.slice(0, 5), ['lint', '--format', 'github', '--no-cache', '--changed=origin/main'])
      assert.deepEqual((await lint({'inputs.changed': 'false'}, 'main')).args, ['lint', '--format', 'github', '--no-cache', '--', 'articles/'])
      assert.deepEqual((await lint({'inputs.changed': 'v1.0'})).args.slice(4, 5), ['--changed=v1.0'])
    } finally {
      await removeProject(root)
      await rm(bin, {recursive: true, force: true})
    }
  })
})

describe('the workflows `healthlint init` writes', () => {
  for (const name of ['healthlint-pr.yml', 'healthlint-publish.yml']) {
    it(`${name} passes action-validator, pins every action, reads only, and installs healthlint from the lockfile without scripts`, async () => {
      const path = join(templates, name)
      const result = await validate(path)
      assert.ok(result.ok, result.output)
      const text = await readFile(path, 'utf8')
      const workflow = parse(text) as {on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, {steps: Step[]}>}
      const steps = Object.values(workflow.jobs).flatMap((job) => job.steps)
      assertPinned(text, steps.flatMap((step) => (step.uses ? [step.uses] : [])))
      assert.deepEqual(workflow.permissions, {contents: 'read'})
      assert.ok(!Object.hasOwn(workflow.on, 'pull_request_target'))
      for (const step of steps) assert.ok(!step.run?.includes('${{'), String(step.run))
      assert.equal(steps.find((step) => step.uses?.startsWith('actions/checkout@'))?.with?.['persist-credentials'], false)
      assert.ok(['24', '26'].includes(String(steps.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with?.['node-version'])))
      assert.ok(steps.some((step) => step.run === 'npm ci --ignore-scripts --no-audit --no-fund'))
      const healthlint = steps.filter((step) => step.run?.includes('healthlint '))
      assert.ok(healthlint.length > 0)
      for (const step of healthlint) {
        assert.match(step.run!, /^npx --no-install healthlint (lint|build) /)
        assert.ok(step.run!.includes('--no-cache'))
      }
      const remove = steps.findIndex((step) => step.run === 'rm -rf -- .healthlint-cache')
      assert.ok(remove !== -1 && remove < steps.indexOf(healthlint[0]!))
    })
  }
})

describe('healthlint-publish.yml', () => {
  it('runs on every push to main and weekly, uploads dist/ whatever was withheld, and still fails then', async () => {
    const workflow = parse(await readFile(join(templates, 'healthlint-publish.yml'), 'utf8')) as {on: Record<string, unknown>; jobs: Record<string, {steps: Array<Step & {id?: string; if?: string; 'continue-on-error'?: boolean}>}>}
    assert.deepEqual(workflow.on, {push: {branches: ['main']}, schedule: [{cron: '0 6 * * 1'}]})
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps)
    const build = steps.findIndex((step) => step.run?.includes('healthlint build '))
    assert.equal(steps[build]!['continue-on-error'], true)
    const upload = steps.findIndex((step) => step.uses?.startsWith('actions/upload-artifact@'))
    assert.ok(upload > build)
    assert.equal(steps[upload]!.if, "${{ !cancelled() && hashFiles('dist/index.json') != '' }}")
    const fail = steps.at(-1)!
    assert.equal(fail.if, `\${{ steps.${steps[build]!.id}.outcome == 'failure' }}`)
    assert.match(fail.run!, /exit 1\n$/)
  })
})

describe('the pre-commit hook (.pre-commit-hooks.yaml)', () => {
  it('lints the articles a commit changes with the package\'s own command', async () => {
    const hooks = parse(await readFile(join(packageRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{id: string; entry: string; language: string; files: string}>
    assert.equal(hooks.length, 1)
    const [hook] = hooks
    assert.equal(hook!.id, 'healthlint')
    assert.equal(hook!.entry, 'healthlint lint')
    assert.equal(hook!.language, 'node')
    const files = new RegExp(hook!.files)
    assert.ok(files.test('articles/lower-back-pain.md') && files.test('articles/hub/a.markdown'))
    assert.ok(!files.test('README.md') && !files.test('src/cli/main.ts'))
  })
})
