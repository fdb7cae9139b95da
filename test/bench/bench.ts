// `npm run bench`: healthlint against the remark-cli baseline, measured in one invocation with
// the commands interleaved (A B A B …), so that a machine whose speed drifts affects both alike.
// Not a test (npm test runs only *.test.js). Prints a Markdown table: median wall time, peak
// RSS (from /usr/bin/time), articles per second, and the ratio to the baseline.
//
// Corpora: the MedQuAD articles (real NIH text in their own frontmatter format, so most fail
// healthlint's schema, which is fine for timing: both tools lint them), and a generated corpus in
// healthlint's format (the seed article's wording plus MedQuAD paragraphs: no new text).
// For `lint + build`, the MedQuAD bodies get a healthlint frontmatter with placeholder metadata
// and every rule is set to `warning`, so every article is published and the emit stage is timed.
//
// Settings (environment): BENCH_RUNS (default 3), BENCH_CORPORA (medquad,generated),
// BENCH_ARTICLES (generated articles, default 10000), BENCH_MEDQUAD_LIMIT (first N MedQuAD
// files), BENCH_BASELINE_FULL=1 (also run remark-cli on all generated articles; by default it
// runs on the first 1,500 of them: beyond ~5,000 it needs more than Node's default heap),
// HEALTHLINT_CORPUS (the MedQuAD directory), BENCH_KEEP=1 (keep the temp directory),
// BENCH_GENERATE=DIR (only write the generated corpus to DIR, for profiling by hand), BENCH_CROSSOVER
// (article counts for the `--jobs 1` against `--jobs 2` rows, default 30,60,120).
import {execFileSync, spawn, spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {existsSync, readFileSync} from 'node:fs'
import {cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import {cpus, freemem, totalmem, tmpdir} from 'node:os'
import {join} from 'node:path'
import {packageRoot} from '../../src/config/package-files.js'
import {rules} from '../../rules/index.js'
import {findShared, withHealthlintFrontmatter} from './medquad.js'
import {shardOfSlug} from '../../src/pipeline/shard.js'

const runs = Number(process.env.BENCH_RUNS ?? 3)
const corpora = (process.env.BENCH_CORPORA ?? 'medquad,generated').split(',')
const generatedCount = Number(process.env.BENCH_ARTICLES ?? 10_000)
const medquadLimit = process.env.BENCH_MEDQUAD_LIMIT ? Number(process.env.BENCH_MEDQUAD_LIMIT) : Infinity
const baselineFull = process.env.BENCH_BASELINE_FULL === '1'
/** BENCH_CROSSOVER: article counts at which `--jobs 1` and `--jobs 2` are compared (default 30,60,120). */
const crossoverCounts = (process.env.BENCH_CROSSOVER ?? '30,60,120').split(',').map(Number).filter((count) => count > 0)
const now = '2026-03-01'
const bin = join(packageRoot, 'bin', 'healthlint.js')
/** The semi-space size (MB) of the tuned row; node's default is 16. */
const tunedSemiSpace = 64

interface Job {
  corpus: string
  label: string
  articles: number
  /** Runs before each measurement (not timed): empties a cache, say. */
  before?: () => Promise<void>
  command: string[]
  cwd: string
  baseline?: boolean
}

interface Sample {
  seconds: number
  peakMb: number
  ok: boolean
}

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'healthlint-bench-'))
  try {
    const jobs: Job[] = []
    const notes: string[] = []
    if (corpora.includes('medquad')) jobs.push(...(await medquadJobs(work)))
    if (corpora.includes('generated')) jobs.push(...(await generatedJobs(work, notes)))

    const samples = new Map<Job, Sample[]>(jobs.map((job) => [job, []]))
    for (let run = 1; run <= runs; run++) {
      for (const job of jobs) {
        await job.before?.()
        const sample = await measure(job.command, job.cwd)
        samples.get(job)!.push(sample)
        process.stderr.write(`run ${run}/${runs} ${job.corpus} ${job.label}: ${sample.seconds.toFixed(2)} s, ${sample.peakMb} MB${sample.ok ? '' : ' (failed)'}\n`)
      }
    }
    process.stdout.write(report(jobs, samples, notes))
  } finally {
    if (process.env.BENCH_KEEP === '1') process.stderr.write(`kept ${work}\n`)
    else await rm(work, {recursive: true, force: true})
  }
}

/** Run `command` under /usr/bin/time: wall seconds and peak RSS (of the process, children included in %M only for the largest). */
function measure(command: string[], cwd: string): Promise<Sample> {
  const timeFile = join(cwd, '.bench-time')
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', '%e %M', '-o', timeFile, ...command], {cwd, stdio: 'ignore'})
    child.on('error', reject)
    child.on('close', async (code) => {
      const [seconds, kb] = (await readFile(timeFile, 'utf8')).trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number]
      // healthlint exits 1 when it finds errors; only 2 (usage) or a crash is a failure.
      resolve({seconds, peakMb: Math.round(kb / 1024), ok: code === 0 || code === 1})
    })
  })
}

async function medquadJobs(work: string): Promise<Job[]> {
  const source = process.env.HEALTHLINT_CORPUS ?? findShared('corpus/medquad')
  const names = (await readdir(source)).filter((name) => name.endsWith('.md')).sort().slice(0, medquadLimit)
  const cwd = join(work, 'medquad')
  await mkdir(join(cwd, 'corpus'), {recursive: true})
  await mkdir(join(cwd, 'publishable'), {recursive: true})
  for (const name of names) {
    const text = await readFile(join(source, name), 'utf8')
    await writeFile(join(cwd, 'corpus', name), text)
    await writeFile(join(cwd, 'publishable', name), withHealthlintFrontmatter(text))
  }
  await writeBaselineConfig(cwd)
  await writeFile(join(cwd, 'all-warnings.json'), JSON.stringify({rules: Object.fromEntries(rules.map((rule) => [rule.id, rule.safety ? {severity: 'warning', reason: 'the bench times publishing of every article'} : 'warning']))}))
  return [
    ...healthlintJobs('medquad', cwd, 'corpus', names.length, true, {buildInput: 'publishable', buildConfig: 'all-warnings.json', tuned: true}),
    ...shardJobs('medquad', cwd, 'corpus', names)
  ]
}

/**
 * Sharding (`--shard i/n`) on one machine: the unsharded lint against its 2 shards run one after
 * the other and joined by merge-reports (what sharding costs in all: every shard reads every
 * slug, and the report is written twice), and each shard alone (what a 2-runner matrix waits
 * for). One thread each (`--jobs 1`), no cache, JSON reports written to files.
 */
function shardJobs(corpus: string, cwd: string, input: string, names: string[]): Job[] {
  const articles = names.length
  // MedQuAD's articles have no slug field: each one's slug is its file name.
  const inFirst = names.filter((name) => shardOfSlug(name.replace(/\.md$/, ''), 2) === 1).length
  const lint = (shard: string | undefined, out: string) => `node '${bin}' lint ${input} --now ${now} --no-cache --jobs 1 --format json${shard ? ` --shard ${shard}` : ''} > ${out}`
  const merge = `node '${bin}' merge-reports shard-1.json shard-2.json --format json > merged.json`
  const job = (label: string, script: string, shardArticles = articles): Job => ({corpus, label, articles: shardArticles, cwd, command: ['sh', '-c', script]})
  return [
    job('lint, cold, --jobs 1, unsharded', lint(undefined, 'unsharded.json')),
    job(shardedLabel, `${lint('1/2', 'shard-1.json')}; ${lint('2/2', 'shard-2.json')}; ${merge}`),
    job('lint, cold, --jobs 1, shard 1/2 alone', lint('1/2', 'shard-1.json'), inFirst),
    job('lint, cold, --jobs 1, shard 2/2 alone', lint('2/2', 'shard-2.json'), articles - inFirst),
    job('merge-reports of the 2 shards', merge)
  ]
}

const shardedLabel = 'lint, cold, --jobs 1, 2 shards one after the other + merge-reports'


async function generatedJobs(work: string, notes: string[]): Promise<Job[]> {
  const cwd = join(work, 'generated')
  const small = Math.min(1500, generatedCount)
  await generateCorpus(join(cwd, 'corpus'), generatedCount)
  await mkdir(join(cwd, 'subset'), {recursive: true})
  const names = (await readdir(join(cwd, 'corpus'))).sort().slice(0, small)
  for (const name of names) await cp(join(cwd, 'corpus', name), join(cwd, 'subset', name))
  await writeBaselineConfig(cwd)

  const jobs = healthlintJobs('generated', cwd, 'corpus', generatedCount, baselineFull)
  if (generatedCount > small) {
    jobs.push(...healthlintJobs(`generated (first ${small})`, cwd, 'subset', small, !baselineFull, {only: ['lint, cold']}))
    notes.push(`linear in the number of articles would be ${(generatedCount / small).toFixed(2)}×`)
  }
  jobs.push(await changedJob(work, cwd))
  jobs.push(...(await crossoverJobs(cwd, crossoverCounts)))
  return jobs
}

/** The jobs for one corpus; `input` is the directory of articles, relative to cwd. */
function healthlintJobs(corpus: string, cwd: string, input: string, articles: number, baseline: boolean, options: {buildInput?: string; buildConfig?: string; only?: string[]; tuned?: boolean} = {}): Job[] {
  const cache = join(cwd, '.healthlint-cache')
  const clear = async () => {
    await rm(cache, {recursive: true, force: true})
    await removeQuickReplay(cwd)
    await rm(join(cwd, 'dist'), {recursive: true, force: true})
  }
  const lint = ['node', bin, 'lint', input, '--now', now]
  const buildInput = options.buildInput ?? input
  const build = ['node', bin, 'build', buildInput, '--now', now, '--out', 'dist', ...(options.buildConfig ? ['--config', options.buildConfig] : [])]
  const jobs: Job[] = []
  if (baseline) jobs.push({corpus, label: 'remark-cli (baseline), lint', articles, cwd, baseline: true, command: ['node', join(packageRoot, 'node_modules', 'remark-cli', 'cli.js'), input, '--no-stdout', '--quiet']})
  jobs.push(
    {corpus, label: 'lint, cold', articles, cwd, before: clear, command: lint},
    // The same with a larger young generation: fewer short-lived trees survive into the old
    // generation, so less garbage collection, for more memory (see README, Speed).
    ...(options.tuned ? [{corpus, label: `lint, cold, node --max-semi-space-size=${tunedSemiSpace}`, articles, cwd, before: clear, command: ['node', `--max-semi-space-size=${tunedSemiSpace}`, ...lint.slice(1)]}] : []),
    // Each article's work on two worker threads, the main thread reading and reporting (README, Worker threads).
    {corpus, label: 'lint, cold, --jobs 2', articles, cwd, before: clear, command: [...lint, '--jobs', '2']},
    // Replayed before the config loads (src/cli/quick-replay.ts).
    // After the same command once, untimed: the rows before it run other command lines.
    {corpus, label: 'lint, warm (nothing changed)', articles, cwd, before: async () => void runOnce(cwd, lint), command: lint},
    // Without that record: replayed from the cache once the config is loaded (src/cli/replay.ts).
    {corpus, label: 'lint, warm, replayed from the cache', articles, cwd, before: () => removeQuickReplay(cwd), command: lint},
    // With both removed first: every article's facts restored and reported.
    {corpus, label: 'lint, warm, no replay (facts restored)', articles, cwd, before: async () => (await removeQuickReplay(cwd), await removeReplay(cache)), command: lint},
    // The floor writes the same report bytes (kept from a warm run, not timed).
    {corpus, label: 'floor: node start-up + read and hash every file + write the report', articles, cwd, before: () => keepReport(cwd, lint), command: ['node', '-e', floorScript, input, reportFile]},
    {corpus, label: `lint + build, cold${buildInput === input ? '' : ' (healthlint frontmatter, rules as warnings)'}`, articles, cwd, before: clear, command: build},
    {corpus, label: 'lint + build, warm', articles, cwd, command: build}
  )
  return jobs.filter((job) => job.baseline || !options.only || options.only.includes(job.label))
}

/** Remove the replayed report (src/cli/replay.ts) from the cache, keeping every article's facts. */
async function removeReplay(cache: string): Promise<void> {
  const suffix = `-${createHash('sha256').update('lint-report').digest('hex').slice(0, 12)}.json`
  for (const key of await readdir(cache).catch(() => [] as string[])) {
    for (const name of await readdir(join(cache, key)).catch(() => [] as string[])) if (name.endsWith(suffix)) await rm(join(cache, key, name), {force: true})
  }
}

/** Remove the quick replay's records (src/cli/quick-replay.ts), kept beside the cache's secret. */
function removeQuickReplay(cwd: string): Promise<void> {
  return rm(join(cwd, 'node_modules', '.cache', 'healthlint', 'replay'), {recursive: true, force: true})
}

const reportFile = '.bench-report'

/** Run `command` in `cwd`, untimed: what it wrote on stdout (exit 1, errors found, is a report too). */
function runOnce(cwd: string, command: string[]): Buffer {
  return spawnSync(command[0]!, command.slice(1), {cwd, maxBuffer: 1024 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore']}).stdout
}

/** The report `lint` writes, in `reportFile`, for the floor to write. */
async function keepReport(cwd: string, lint: string[]): Promise<void> {
  await writeFile(join(cwd, reportFile), runOnce(cwd, lint))
}

/** `lint --jobs 1` against `--jobs 2` on the first `count` articles: where workers start to pay. */
async function crossoverJobs(cwd: string, counts: number[]): Promise<Job[]> {
  const jobs: Job[] = []
  const names = (await readdir(join(cwd, 'corpus'))).sort()
  for (const count of counts.filter((count) => count <= names.length)) {
    const input = `first-${count}`
    await mkdir(join(cwd, input), {recursive: true})
    for (const name of names.slice(0, count)) await cp(join(cwd, 'corpus', name), join(cwd, input, name))
    for (const jobsOption of ['1', '2']) {
      jobs.push({corpus: `generated (first ${count})`, label: `lint, cold, --jobs ${jobsOption}`, articles: count, cwd, command: ['node', bin, 'lint', input, '--now', now, '--no-cache', '--jobs', jobsOption]})
    }
  }
  return jobs
}

// The least any tool must do: start node, read every file, hash it, write the report.
const floorScript = `
const {createHash} = require('node:crypto'), {readdirSync, readFileSync} = require('node:fs'), {join} = require('node:path')
const walk = (dir) => { for (const entry of readdirSync(dir, {withFileTypes: true})) { const path = join(dir, entry.name); if (entry.isDirectory()) walk(path); else if (entry.name.endsWith('.md')) createHash('sha256').update(readFileSync(path)).digest('hex') } }
walk(process.argv[1])
process.stdout.write(readFileSync(process.argv[2]))
`

/** One changed article in a git repository of the generated corpus: `lint --changed`, start-up included. */
async function changedJob(work: string, generated: string): Promise<Job> {
  const cwd = join(work, 'repo')
  await mkdir(cwd, {recursive: true})
  await cp(join(generated, 'corpus'), join(cwd, 'articles'), {recursive: true})
  const git = (...args: string[]) => execFileSync('git', args, {cwd, stdio: 'ignore'})
  git('init', '-q', '-b', 'main')
  git('-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', 'add', '-A')
  git('-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', 'commit', '-q', '-m', 'articles')
  git('checkout', '-q', '-b', 'edit')
  const [first] = (await readdir(join(cwd, 'articles'))).sort()
  const path = join(cwd, 'articles', first!)
  const original = await readFile(path, 'utf8')
  let edits = 0
  return {
    corpus: 'generated, git repository',
    label: 'lint --changed, one article changed',
    articles: 1,
    cwd,
    // A different edit each time, so the article is never in the cache.
    before: () => writeFile(path, original + `\nEdited ${++edits} times.\n`),
    command: ['node', bin, 'lint', 'articles', '--changed=main', '--now', now]
  }
}

/** The remark-cli configuration equivalent to healthlint's checks (see PERF-NOTES.md). */
async function writeBaselineConfig(cwd: string): Promise<void> {
  await cp(join(packageRoot, 'schemas', 'article.schema.json'), join(cwd, 'article.schema.json'))
  const url = (name: string) => JSON.stringify(import.meta.resolve(name))
  await writeFile(join(cwd, '.remarkrc.mjs'), `import remarkFrontmatter from ${url('remark-frontmatter')}
import remarkPresetLintRecommended from ${url('remark-preset-lint-recommended')}
import remarkLintFrontmatterSchema from ${url('remark-lint-frontmatter-schema')}
import remarkRetext from ${url('remark-retext')}
import {unified} from ${url('unified')}
import retextEnglish from ${url('retext-english')}
import retextReadability from ${url('retext-readability')}
export default {
  plugins: [
    remarkFrontmatter,
    remarkPresetLintRecommended,
    [remarkLintFrontmatterSchema, {schemas: {'article.schema.json': ['**/*.md']}}],
    [remarkRetext, unified().use(retextEnglish).use(retextReadability)]
  ]
}
`)
}

/**
 * `count` articles of about 6 KB in healthlint's format: the seed article (in this repo,
 * `articles/lower-back-pain.md`, frontmatter included) with a numbered title, plus MedQuAD paragraphs chosen by a
 * seeded generator, so the corpus is the same on every machine and holds no new wording.
 */
async function generateCorpus(directory: string, count: number): Promise<void> {
  await mkdir(directory, {recursive: true})
  const seed = readFileSync(join(packageRoot, 'articles', 'lower-back-pain.md'), 'utf8')
  const seedHeader = seed.slice(0, seed.indexOf('\n---\n', 4) + 5)
  const seedBody = seed.slice(seedHeader.length)
  const medquad = process.env.HEALTHLINT_CORPUS ?? findShared('corpus/medquad')
  const paragraphs: string[] = []
  for (const name of (await readdir(medquad)).sort().slice(0, 300)) {
    const text = await readFile(join(medquad, name), 'utf8')
    for (const block of text.slice(text.indexOf('\n---\n', 4) + 5).split(/\n\n+/)) {
      if (/^[A-Z][^#\-\n|]{80,600}$/.test(block)) paragraphs.push(block)
    }
  }
  let state = 20261127
  const random = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32)
  for (let index = 1; index <= count; index++) {
    const number = String(index).padStart(5, '0')
    const extra: string[] = []
    let size = seedBody.length
    while (size < 5800) {
      const paragraph = paragraphs[Math.floor(random() * paragraphs.length)]!
      extra.push(paragraph)
      size += paragraph.length + 2
    }
    const body = seedBody.replace('# Lower back pain', `# Lower back pain (placeholder ${number})`).replace('\n## Common causes of lower back pain', `\n${extra.join('\n\n')}\n\n## Common causes of lower back pain`)
    const header = seedHeader.replace(/^title: .*$/m, `title: "Lower back pain (placeholder ${number})"`)
    await writeFile(join(directory, `article-${number}.md`), header + body)
  }
}

function report(jobs: Job[], samples: Map<Job, Sample[]>, notes: string[]): string {
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!
  const lines = [
    `healthlint bench, ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB memory (${(freemem() / 2 ** 30).toFixed(0)} GiB free at the end), Node ${process.version}; ${runs} run${runs === 1 ? '' : 's'}, interleaved; median wall time.`,
    '',
    '| corpus | articles | command | wall (s) | peak RSS (MB) | articles/s | baseline ÷ this |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: |'
  ]
  const baselineOf = (job: Job) => jobs.find((other) => other.baseline && other.corpus === job.corpus)
  for (const job of jobs) {
    const list = samples.get(job)!
    const seconds = median(list.map((sample) => sample.seconds))
    const peak = Math.max(...list.map((sample) => sample.peakMb))
    const failed = list.some((sample) => !sample.ok) ? ' (failed)' : ''
    const baseline = baselineOf(job)
    const ratio = baseline && !job.baseline ? (median(samples.get(baseline)!.map((sample) => sample.seconds)) / seconds).toFixed(2) + '×' : ''
    lines.push(`| ${job.corpus} | ${job.articles} | ${job.label}${failed} | ${seconds.toFixed(2)} | ${peak} | ${(job.articles / seconds).toFixed(0)} | ${ratio} |`)
  }
  const derived: string[] = []
  for (const corpus of new Set(jobs.map((job) => job.corpus))) {
    const find = (label: string) => jobs.find((job) => job.corpus === corpus && job.label.startsWith(label))
    const floor = find('floor')
    for (const [label, name] of [['lint, warm (nothing changed)', 'warm lint'], ['lint, warm, replayed from the cache', 'warm lint replayed from the cache']] as const) {
      const warm = find(label)
      if (warm && floor) derived.push(`- ${corpus}: ${name} ÷ floor = ${(median(samples.get(warm)!.map((s) => s.seconds)) / median(samples.get(floor)!.map((s) => s.seconds))).toFixed(2)}×`)
    }
  }
  for (const corpus of new Set(jobs.map((job) => job.corpus))) {
    const seconds = (label: string) => {
      const job = jobs.find((other) => other.corpus === corpus && other.label === label)
      return job ? median(samples.get(job)!.map((sample) => sample.seconds)) : undefined
    }
    const unsharded = seconds('lint, cold, --jobs 1, unsharded')
    const sharded = seconds(shardedLabel)
    const first = seconds('lint, cold, --jobs 1, shard 1/2 alone')
    const second = seconds('lint, cold, --jobs 1, shard 2/2 alone')
    const merged = seconds('merge-reports of the 2 shards')
    const job = jobs.find((other) => other.corpus === corpus && other.label === shardedLabel)
    if (job && unsharded && sharded && first && second && merged) {
      const same = existsSync(join(job.cwd, 'merged.json')) && readFileSync(join(job.cwd, 'merged.json')).equals(readFileSync(join(job.cwd, 'unsharded.json')))
      derived.push(`- ${corpus}: 2 shards one after the other + merge-reports ÷ unsharded = ${(sharded / unsharded).toFixed(2)}× (the cost of sharding); slowest shard + merge-reports ÷ unsharded = ${((Math.max(first, second) + merged) / unsharded).toFixed(2)}× (a 2-runner matrix, start-up of the runners aside); shard 1 ÷ shard 2 = ${(first / second).toFixed(2)}×; merged report byte-identical to the unsharded one: ${same ? 'yes' : 'NO'}`)
    }
  }
  const whole = jobs.find((job) => job.corpus === 'generated' && job.label === 'lint, cold')
  const part = jobs.find((job) => job.corpus.startsWith('generated (first') && job.label === 'lint, cold')
  if (whole && part) {
    derived.push(`- linearity: generated lint, cold, ${whole.articles} ÷ ${part.articles} articles = ${(median(samples.get(whole)!.map((s) => s.seconds)) / median(samples.get(part)!.map((s) => s.seconds))).toFixed(2)}× (target ≤ 7.5×)`)
  }
  return [...lines, '', ...derived, ...notes.map((note) => `- ${note}`), ''].join('\n')
}

if (process.env.BENCH_GENERATE) await generateCorpus(process.env.BENCH_GENERATE, generatedCount)
else await main()
