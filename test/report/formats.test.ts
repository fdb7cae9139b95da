import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, it} from 'node:test'
import {formatNames, scheduleFormatNames} from '../../src/report/formats.js'
import {reporters} from '../../src/report/index.js'
import {scheduleFormats} from '../../src/schedule/schedule.js'
import {packageRoot} from '../../src/config/package-files.js'
import {removeProject, temporaryProject} from '../project.js'

describe('the format names the CLI checks before loading anything', () => {
  it('are exactly the reporters and the schedule formats', () => {
    assert.deepEqual([...formatNames], Object.keys(reporters))
    assert.deepEqual([...scheduleFormatNames], [...scheduleFormats])
  })
})

describe('start-up', () => {
  it('answers --version and --help (a command\'s too) without loading the config, the rules or the Markdown stack', async () => {
    const directory = temporaryProject({}, {prefix: 'healthlint-startup-'})
    try {
      for (const argv of [['--version'], ['--help'], ['lint', '--help']]) {
        const flag = argv.join(' ')
        // A loader hook (in its own thread) writes down every module the run loads.
        const log = join(directory, `${argv.join('-').replaceAll('-', '')}.log`)
        const hook = `import {appendFileSync} from 'node:fs'; export async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context) }`
        const register = `import {register} from 'node:module'; register(${JSON.stringify('data:text/javascript,' + encodeURIComponent(hook))})`
        const result = spawnSync(process.execPath, ['--import', 'data:text/javascript,' + encodeURIComponent(register), join(packageRoot, 'bin', 'healthlint.js'), ...argv], {encoding: 'utf8'})
        assert.equal(result.status, 0, result.stderr)
        const loaded = (await readFile(log, 'utf8')).split('\n').filter((url) => url.startsWith('file:'))
        assert.ok(loaded.some((url) => url.endsWith('/build/src/cli/main.js')), 'the hook saw the CLI load')
        const heavy = loaded.filter((url) => /node_modules|\/build\/rules\/|\/src\/config\.js$|\/src\/pipeline\//.test(url))
        assert.deepEqual(heavy, [], flag)
      }
    } finally {
      removeProject(directory)
    }
  })
})
