// The GitHub workflows: valid for action-validator (a real workflow schema validator from npm),
// and held to the project's rules — actions pinned to full commit SHAs, least privilege, no
// `pull_request_target`, and the steps the README promises.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {execFile} from 'node:child_process'
import {readFile, readdir} from 'node:fs/promises'
import {join} from 'node:path'
import {promisify} from 'node:util'
import {parse} from 'yaml'
import {packageRoot} from '../src/config/package-files.js'
import {validate} from './action-validator.js'
import {temporaryProject} from './project.js'

const run = promisify(execFile)
const workflows = join(packageRoot, '.github', 'workflows')


interface Step {
  id?: string
  if?: string
  'continue-on-error'?: boolean
  uses?: string
  run?: string
  with?: Record<string, unknown>
  env?: Record<string, string>
}
interface Workflow {
  on: Record<string, {paths?: string[]; branches?: string[]} | null>
  permissions: Record<string, string>
  env?: Record<string, string>
  jobs: Record<string, {permissions?: unknown; needs?: string; if?: string; strategy?: {'fail-fast'?: boolean; matrix: Record<string, unknown[]>}; steps: Step[]}>
}

async function load(name: string): Promise<{text: string; workflow: Workflow}> {
  const text = await readFile(join(workflows, name), 'utf8')
  return {text, workflow: parse(text) as Workflow}
}

const steps = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps)

describe('GitHub workflows', async () => {
  const names = (await readdir(workflows)).filter((name) => /\.ya?ml$/.test(name)).sort()

  it('are the four the README describes', () => {
    assert.deepEqual(names, ['content-pr.yml', 'publish.yml', 'review-schedule.yml', 'sharded-build.yml'])
  })

  for (const name of names) {
    it(`${name} passes action-validator`, async () => {
      const result = await validate(join(workflows, name))
      assert.ok(result.ok, result.output)
    })

    it(`${name} pins every action to a full commit SHA with its version alongside`, async () => {
      const {text, workflow} = await load(name)
      const uses = steps(workflow).flatMap((step) => (step.uses && step.uses !== './' ? [step.uses] : []))
      assert.ok(uses.length > 0)
      for (const action of uses) {
        assert.match(action, /^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/, action)
        assert.match(text, new RegExp(`uses: ${action.replace(/[.]/g, '\\.')} # v\\d+\\.\\d+\\.\\d+\\n`), `${action} has a # vX.Y.Z comment`)
      }
    })

    it(`${name} asks for read access to the contents only, and never pull_request_target`, async () => {
      const {workflow} = await load(name)
      assert.deepEqual(workflow.permissions, {contents: 'read'})
      for (const job of Object.values(workflow.jobs)) assert.equal(job.permissions, undefined)
      assert.ok(!Object.hasOwn(workflow.on, 'pull_request_target'))
      for (const step of steps(workflow).filter((step) => step.uses?.startsWith('actions/checkout@'))) {
        assert.equal(step.with?.['persist-credentials'], false, 'the token is not left in the checkout')
      }
      // Expressions are never pasted into scripts, where a crafted value could run as code.
      for (const step of steps(workflow)) assert.ok(!step.run?.includes('${{'), String(step.run))
    })
  }

  it('content-pr.yml runs this repository\'s Action on the changed articles of every pull request', async () => {
    const {workflow} = await load('content-pr.yml')
    assert.deepEqual(Object.keys(workflow.on), ['pull_request'])
    // No path filter: a verdict can change with a committed cache, any config or data file, and
    // a pull request touching only those must still be checked.
    assert.equal(workflow.on.pull_request, null)
    const all = steps(workflow)
    assert.equal(all.find((step) => step.uses?.startsWith('actions/checkout@'))?.with?.['fetch-depth'], 0, 'full history for --changed')
    // The Action installs the package: nothing is compiled, no dev dependency installed.
    assert.ok(!all.some((step) => step.run?.includes('npm ci') || step.run?.includes('bin/healthlint.js')))
    const action = all.find((step) => step.uses === './')
    assert.deepEqual(action?.with, {paths: 'articles/', changed: 'auto'})
  })

  it('publish.yml deletes a committed cache before running, and reads none', async () => {
    const all = steps((await load('publish.yml')).workflow)
    const remove = all.findIndex((step) => step.run === 'rm -rf -- .healthlint-cache')
    const run = all.findIndex((step) => step.run?.startsWith('healthlint '))
    assert.ok(remove !== -1 && remove < run, 'the cache directory is deleted before healthlint runs')
    assert.ok(all[run]!.run!.split(' ').includes('--no-cache'))
  })

  it('publish.yml builds on every push to main and weekly with the package, uploads dist/ whatever was withheld, and still fails then', async () => {
    const {workflow} = await load('publish.yml')
    assert.deepEqual(workflow.on, {push: {branches: ['main']}, schedule: [{cron: '0 6 * * 1'}]})
    const all = steps(workflow)
    const install = all.find((step) => step.run?.startsWith('npm install '))
    assert.ok(install?.run?.includes('--ignore-scripts') && install.run.includes('healthlint@'), String(install?.run))
    assert.ok(!all.some((step) => step.run?.includes('npm ci') || step.run?.includes('bin/healthlint.js')))
    const build = all.findIndex((step) => step.run?.includes(' build '))
    assert.equal(all[build]!.run, 'healthlint build articles/ --out dist/ --no-cache')
    assert.equal(all[build]!['continue-on-error'], true)
    const upload = all.findIndex((step) => step.uses?.startsWith('actions/upload-artifact@'))
    assert.ok(upload > build)
    assert.equal(all[upload]!.with?.path, 'dist/')
    assert.equal(all[upload]!.with?.['if-no-files-found'], 'error')
    assert.equal(all[upload]!.if, "${{ !cancelled() && hashFiles('dist/index.json') != '' }}")
    const fail = all.at(-1)!
    assert.equal(fail.if, `\${{ steps.${all[build]!.id}.outcome == 'failure' }}`)
    assert.match(fail.run!, /exit 1\n$/)
  })

  it('review-schedule.yml runs weekly with the package, writes the schedule to the job summary and uploads an .ics', async () => {
    const {workflow} = await load('review-schedule.yml')
    assert.deepEqual(Object.keys(workflow.on).sort(), ['schedule', 'workflow_dispatch'])
    const all = steps(workflow)
    assert.ok(all.some((step) => step.run?.startsWith('npm install --global --ignore-scripts ') && step.run.includes('healthlint@')))
    assert.ok(!all.some((step) => step.run?.includes('npm ci') || step.run?.includes('bin/healthlint.js')))
    assert.ok(all.some((step) => step.run?.includes('healthlint review-schedule articles/ --within 90') && step.run.includes('>> "$GITHUB_STEP_SUMMARY"')))
    assert.ok(all.some((step) => step.run === 'healthlint review-schedule articles/ --within 3650 --format ics > review-schedule.ics'))
    assert.equal(all.find((step) => step.uses?.startsWith('actions/upload-artifact@'))?.with?.path, 'review-schedule.ics')
  })

  it('sharded-build.yml builds one shard per matrix job, uploads each, and merges the reports and bundles in a job that needs them all', async () => {
    const {workflow} = await load('sharded-build.yml')
    assert.deepEqual(Object.keys(workflow.on), ['workflow_dispatch'])
    const count = Number(workflow.env?.SHARDS)
    const {shard, merge} = workflow.jobs
    assert.ok(shard && merge)
    // The matrix lists every shard once, 1 to SHARDS: the merge refuses a missing one.
    assert.deepEqual(shard.strategy?.matrix.shard, Array.from({length: count}, (_, index) => index + 1))
    assert.equal(shard.strategy?.['fail-fast'], false)
    const build = shard.steps.find((step) => step.run?.startsWith('healthlint build '))
    assert.equal(build?.run, 'healthlint build articles/ --shard "$SHARD/$SHARDS" --out "shard-$SHARD/" --format json --no-cache > "report-$SHARD.json"')
    assert.equal(build?.env?.SHARD, '${{ matrix.shard }}')
    assert.equal(build?.['continue-on-error'], true)
    const upload = shard.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'))
    assert.equal(upload?.with?.name, 'healthlint-shard-${{ matrix.shard }}')
    assert.equal(upload?.with?.path, 'shard-${{ matrix.shard }}/\nreport-${{ matrix.shard }}.json\n')
    assert.ok(shard.steps.findIndex((step) => step.run === 'rm -rf -- .healthlint-cache') < shard.steps.indexOf(build!))

    assert.equal(merge.needs, 'shard')
    assert.equal(merge.if, '${{ !cancelled() }}')
    const steps = merge.steps
    const download = steps.findIndex((step) => step.uses?.startsWith('actions/download-artifact@'))
    assert.deepEqual(steps[download]!.with, {pattern: 'healthlint-shard-*', path: 'shards/', 'merge-multiple': true})
    const report = steps.findIndex((step) => step.run === 'healthlint merge-reports shards/report-*.json --format github')
    const bundles = steps.findIndex((step) => step.run === 'healthlint merge-bundles shards/shard-*/ --out dist/')
    assert.ok(download < report && report < bundles, 'download, then the report, then the bundle')
    assert.ok(steps.findIndex((step) => step.uses?.startsWith('actions/upload-artifact@') && step.with?.path === 'dist/') > bundles)
    const fail = steps.at(-1)!
    assert.equal(fail.if, `\${{ steps.${steps[report]!.id}.outcome == 'failure' || steps.${steps[bundles]!.id}.outcome == 'failure' }}`)
    assert.match(fail.run!, /exit 1\n$/)
    for (const step of [...shard.steps, ...steps].filter((step) => step.run?.startsWith('npm install '))) {
      assert.ok(step.run!.includes('--ignore-scripts') && step.run!.includes('healthlint@'), String(step.run))
    }
  })

  it('action-validator rejects a broken workflow (the check can fail)', async () => {
    const {text} = await load('content-pr.yml')
    const folder = temporaryProject({'broken.yml': text.replace('    steps:\n', '    stepz:\n')}, {prefix: 'healthlint-workflow-'})
    const result = await validate(join(folder, 'broken.yml'))
    assert.equal(result.ok, false)
    assert.match(result.output, /Additional property 'stepz' is not allowed/)
  })
})
