// The content-hash cache: what hits, what misses, what is decided afresh on every run, and that
// a cached run reports exactly what an uncached one does.
import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {createHash} from 'node:crypto'
import {readdir, readFile, rename, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {openCache, cacheKeyOf} from '../src/io/cache.js'
import type {ArticleCache, CacheKey} from '../src/io/cache.js'
import {resolveConfig} from '../src/config/config.js'
import {createLinter} from '../src/pipeline/lint.js'
import {build} from '../src/publish/build.js'
import {factsOf} from '../src/pipeline/facts.js'
import {expandPaths} from '../src/io/files.js'
import {collectSlugs, mayHaveSlugField} from '../src/pipeline/slugs.js'
import {parseFrontmatter} from '../src/pipeline/frontmatter.js'
import {VFile} from 'vfile'
import {defaultLimits} from '../src/config/config.js'
import {rules} from '../rules/index.js'
import {isRecomputed} from '../src/rule-kit/rule.js'
import {article, headerLines, seedBody, snapshot} from './build/support.js'
import {runCli, testRules} from './helpers.js'
import {temporaryProject} from './project.js'
import {builtInRules} from '../rules/index.js'

const now = '2026-03-01'

/** Three publishable articles, one with a suppression, one with a problem the rules report. */
function project(): Record<string, string> {
  return {
    'articles/lower-back-pain.md': article(seedBody()),
    'articles/neck-pain.md': article(seedBody('Neck pain', ' <!-- healthlint-disable-next-line plain-english -- quoted wording -->')),
    'articles/knee-pain.md': article(seedBody('Knee pain').replace('## When to seek GP review\n\nYou should consider a GP appointment if:', '## Other notes\n\nOther notes:'))
  }
}

/** Every article's cache entry file under the project's cache directory (not `lint`'s replay record, src/cli/replay.ts). */
async function entries(cwd: string): Promise<string[]> {
  const root = join(cwd, '.healthlint-cache')
  const found: string[] = []
  const replayRecord = `-${createHash('sha256').update('lint-report').digest('hex').slice(0, 12)}.json`
  for (const name of await readdir(root, {recursive: true})) if (String(name).endsWith('.json') && !String(name).endsWith(replayRecord)) found.push(join(root, String(name)))
  return found.sort()
}

/** Lint `paths` with the library API and a cache, returning the files and the cache's counters. */
async function lintWith(cwd: string, cache: ArticleCache | undefined, options: {now?: string; rules?: Record<string, unknown>} = {}) {
  const config = resolveConfig({rules: testRules(options.rules ?? {})}, {rules: builtInRules})
  const paths = await expandPaths(['articles'], cwd)
  const linter = createLinter({cwd, config, now: options.now ?? now, slugs: await collectSlugs(paths, cwd, config.limits), ...(cache ? {cache} : {})})
  const files = []
  for await (const file of linter.lintFiles(paths)) files.push(file)
  await linter.flush()
  return files
}

function cacheFor(cwd: string, rulesConfig: Record<string, unknown> = {}, key: Partial<CacheKey> = {}): ArticleCache {
  return openCache(join(cwd, '.healthlint-cache'), {...cacheKeyOf(resolveConfig({rules: testRules(rulesConfig)}, {rules: builtInRules})), ...key})
}

describe('the content-hash cache', () => {
  it('hits on the second run: no article is parsed again, and the report is byte-identical', async () => {
    const cwd = temporaryProject(project())
    const cold = await runCli(['lint', '--now', now, '--format', 'json'], cwd)
    assert.equal((await entries(cwd)).length, 3)
    const warm = await runCli(['lint', '--now', now, '--format', 'json'], cwd)
    assert.equal(warm.stdout, cold.stdout)
    assert.equal(warm.code, cold.code)

    const cache = cacheFor(cwd)
    const files = await lintWith(cwd, cache)
    assert.deepEqual(cache.stats, {hits: 3, misses: 0, rejected: 0, writes: 0})
    // The parse stage stores the Markdown tree; a hit restores the facts without parsing.
    assert.ok(files.every((file) => file.data.tree === undefined))
    // The cached facts still carry what the reports show.
    assert.ok(files.every((file) => file.data.readability !== undefined))
    assert.ok(files.some((file) => file.messages.some((message) => message.ruleId === 'require-seek-review')))
  })

  it('hits, within one long run (watch, preview), on entries that run wrote itself', async () => {
    const cwd = temporaryProject(project())
    const cache = cacheFor(cwd)
    await lintWith(cwd, cache)
    assert.deepEqual(cache.stats, {hits: 0, misses: 3, rejected: 0, writes: 3})
    await lintWith(cwd, cache)
    assert.deepEqual(cache.stats, {hits: 3, misses: 3, rejected: 0, writes: 3})
  })

  it('misses for an article whose content changed, and only for it', async () => {
    const cwd = temporaryProject(project())
    await lintWith(cwd, cacheFor(cwd))
    await writeFile(join(cwd, 'articles/knee-pain.md'), article(seedBody('Knee pain')))
    const cache = cacheFor(cwd)
    const files = await lintWith(cwd, cache)
    assert.equal(cache.stats.hits, 2)
    assert.equal(cache.stats.misses, 1)
    assert.equal(files.find((file) => file.path.endsWith('knee-pain.md'))!.data.tree?.type, 'root')
    // The fixed article no longer reports the missing section it had in the cache.
    assert.ok(!files.some((file) => file.messages.some((message) => message.ruleId === 'require-seek-review')))
  })

  it('misses everything when the config or the tool version changes', async () => {
    const cwd = temporaryProject(project())
    await lintWith(cwd, cacheFor(cwd))

    const otherConfig = {'plain-english': 'off'}
    const byConfig = cacheFor(cwd, otherConfig)
    await lintWith(cwd, byConfig, {rules: otherConfig})
    assert.deepEqual([byConfig.stats.hits, byConfig.stats.misses], [0, 3])

    // The original key still hits: each key has its own entries.
    const again = cacheFor(cwd)
    await lintWith(cwd, again)
    assert.deepEqual([again.stats.hits, again.stats.misses], [3, 0])

    const byVersion = cacheFor(cwd, {}, {toolVersion: '0.0.0-other'})
    await lintWith(cwd, byVersion)
    assert.deepEqual([byVersion.stats.hits, byVersion.stats.misses], [0, 3])

    const bySchemas = cacheFor(cwd, {}, {schemaHash: 'other'})
    await lintWith(cwd, bySchemas)
    assert.deepEqual([bySchemas.stats.hits, bySchemas.stats.misses], [0, 3])

    // Old keys are pruned: the current one and the two most recently used others are kept.
    const keys = (await readdir(join(cwd, '.healthlint-cache'))).filter((name) => /^[0-9a-f]{16}$/.test(name))
    assert.equal(keys.length, 3)
  })

  it('keeps the file name in the key: a renamed article without a slug is checked again', async () => {
    const cwd = temporaryProject({'articles/knee-pain.md': article(seedBody('Knee pain'))})
    await runCli(['lint', '--now', now], cwd)
    await rename(join(cwd, 'articles/knee-pain.md'), join(cwd, 'articles/Knee Pain.md'))
    const warm = await runCli(['lint', '--now', now, '--format', 'json'], cwd)
    const uncached = await runCli(['lint', '--now', now, '--format', 'json', '--no-cache'], cwd)
    assert.equal(warm.stdout, uncached.stdout)
    assert.match(warm.stdout, /The file name `Knee Pain` cannot be used/)
  })

  it('decides review dates afresh: a later --now turns a cached due-soon warning into an error', async () => {
    const cwd = temporaryProject({'articles/lower-back-pain.md': article(seedBody(), {lastReviewed: '2025-12-22'})})
    const soon = await runCli(['lint', '--now', '2026-12-01', '--format', 'json'], cwd)
    assert.equal(soon.code, 0)
    assert.match(soon.stdout, /"ruleId":"review-date","severity":"warning","message":"The clinical review falls due on 2026-12-22, in 21 days/)

    const cache = cacheFor(cwd)
    const [file] = await lintWith(cwd, cache, {now: '2027-01-05'})
    assert.deepEqual([cache.stats.hits, cache.stats.misses], [1, 0])
    const review = file!.messages.filter((message) => message.ruleId === 'review-date')
    assert.equal(review.length, 1)
    assert.equal(review[0]!.fatal, true)
    assert.match(review[0]!.reason, /is 379 days old, more than the 365 days allowed: it fell due on 2026-12-22/)

    const late = await runCli(['lint', '--now', '2027-01-05', '--format', 'json'], cwd)
    assert.equal(late.code, 1)
    assert.equal(late.stdout, (await runCli(['lint', '--now', '2027-01-05', '--format', 'json', '--no-cache'], cwd)).stdout)
  })

  it('decides duplicate slugs afresh: a new article clashing with a cached one is reported on both', async () => {
    const cwd = temporaryProject({'articles/lower-back-pain.md': article(seedBody())})
    assert.equal((await runCli(['lint', '--now', now], cwd)).code, 0)
    await writeFile(join(cwd, 'articles/back.md'), article(seedBody(), {slug: 'lower-back-pain'}))
    const warm = await runCli(['lint', '--now', now, '--format', 'json'], cwd)
    assert.equal(warm.code, 1)
    const reports = JSON.parse(warm.stdout) as Array<{path: string; messages: Array<{ruleId: string}>}>
    assert.deepEqual(reports.map((report) => [report.path, report.messages.filter((message) => message.ruleId === 'duplicate-slug').length]), [
      ['articles/back.md', 1],
      ['articles/lower-back-pain.md', 1]
    ])
  })

  it('ignores and rewrites a corrupt or foreign cache file', async () => {
    const cwd = temporaryProject(project())
    const cold = await runCli(['lint', '--now', now, '--format', 'json'], cwd)
    const [first, second, third] = await entries(cwd)
    const valid = await readFile(first!, 'utf8')
    await writeFile(first!, valid.slice(0, valid.length / 2)) // truncated JSON
    await writeFile(second!, valid) // valid JSON, but for other content
    // An entry is `<HMAC>\n<JSON>`.
    const bodyOf = (text: string) => JSON.parse(text.slice(65)) as {value: {messages: unknown}; contentHash: string; name: string}
    const foreign = bodyOf(valid)
    foreign.value.messages = [{reason: 42}]
    const target = bodyOf(await readFile(third!, 'utf8'))
    await writeFile(third!, valid.slice(0, 65) + JSON.stringify({...foreign, contentHash: target.contentHash, name: target.name})) // right key, wrong shape

    const cache = cacheFor(cwd)
    await lintWith(cwd, cache)
    assert.deepEqual(cache.stats, {hits: 0, misses: 0, rejected: 3, writes: 3})
    const warm = await runCli(['lint', '--now', now, '--format', 'json'], cwd)
    assert.equal(warm.stdout, cold.stdout)
    for (const path of await entries(cwd)) assert.equal(typeof JSON.parse((await readFile(path, 'utf8')).slice(65)), 'object', path)
    const rewritten = cacheFor(cwd)
    await lintWith(cwd, rewritten)
    assert.deepEqual([rewritten.stats.hits, rewritten.stats.rejected], [3, 0])
  })

  it('never git-ignores or prunes a directory it did not create', async () => {
    const cwd = temporaryProject({...project(), 'healthlint.config.json': JSON.stringify({cache: {directory: 'articles'}}), 'articles/0123456789abcdef/keep.md': article(seedBody())})
    for (const toolVersion of ['a', 'b', 'c', 'd']) {
      const config = resolveConfig({cache: {directory: 'articles'}}, {rules: builtInRules})
      const cache = openCache(join(cwd, 'articles'), {...cacheKeyOf(config), toolVersion})
      await lintWith(cwd, cache)
    }
    const names = await readdir(join(cwd, 'articles'))
    assert.ok(!names.includes('.gitignore') && !names.includes('CACHEDIR.TAG'))
    assert.ok(names.includes('0123456789abcdef'), 'a folder that looks like a key is left alone')
    assert.ok((await readdir(join(cwd, 'articles/0123456789abcdef'))).includes('keep.md'))
  })

  it('reads and writes nothing with --no-cache', async () => {
    const cwd = temporaryProject(project())
    const result = await runCli(['lint', '--now', now, '--no-cache'], cwd)
    assert.equal(result.code, 1)
    assert.deepEqual(await readdir(cwd), ['articles'])
  })

  it('uses the directory the config names, with a .gitignore in it', async () => {
    const cwd = temporaryProject({...project(), 'healthlint.config.json': JSON.stringify({cache: {directory: 'tmp/lint-cache'}})})
    await runCli(['lint', '--now', now], cwd)
    // node_modules holds the cache's secret (node_modules/.cache/healthlint).
    assert.deepEqual((await readdir(cwd)).sort(), ['articles', 'healthlint.config.json', 'node_modules', 'tmp'])
    assert.match(await readFile(join(cwd, 'tmp/lint-cache/.gitignore'), 'utf8'), /^\*$/m)
    assert.match(await readFile(join(cwd, 'tmp/lint-cache/CACHEDIR.TAG'), 'utf8'), /^Signature: 8a477f597d28d172789f06886806bc55$/m)
  })

  it('gives byte-identical reports in every format, cached or not', async () => {
    const cwd = temporaryProject({
      ...project(),
      'articles/duplicate.md': article(seedBody('Back pain'), {slug: 'lower-back-pain'}),
      'articles/due.md': article(seedBody('Hip pain'), {lastReviewed: '2025-03-10'}),
      'articles/broken.md': '---\ntitle: [unclosed\n---\n\nPlaceholder paragraph.\n'
    })
    for (const format of ['stylish', 'json', 'github', 'sarif', 'junit']) {
      const argv = ['lint', '--now', now, '--format', format]
      const uncached = await runCli([...argv, '--no-cache'], cwd)
      const cold = await runCli(argv, cwd)
      const warm = await runCli(argv, cwd)
      assert.equal(cold.stdout, uncached.stdout, format)
      assert.equal(warm.stdout, uncached.stdout, format)
      assert.equal(warm.code, uncached.code, format)
    }
  })

  it('builds a byte-identical bundle from the cache, and withholds an article whose review lapsed since', async () => {
    const cwd = temporaryProject(project())
    // All compared with the same (missing) previous bundle, so the manifests agree too.
    const previous = ['--previous', 'no-previous-bundle']
    await runCli(['build', '--now', now, '--out', 'fresh', '--no-cache', ...previous], cwd)
    const cold = await runCli(['build', '--now', now, ...previous], cwd)
    const warm = await runCli(['build', '--now', now, ...previous], cwd)
    assert.equal(warm.stdout, cold.stdout)
    assert.equal(warm.stderr, cold.stderr)
    assert.deepEqual(await snapshot(join(cwd, 'dist')), await snapshot(join(cwd, 'fresh')))

    const late = await runCli(['build', '--now', '2027-01-05'], cwd)
    assert.equal(late.code, 1)
    assert.match(late.stderr, /^Published 0 articles/)
  })

  it('publishes what the source says, never what a cache entry says, even one made with the real secret', async () => {
    // The strongest case: an entry that authenticates (written through the cache itself, as only
    // this machine can) but whose frontmatter was changed. Lint believes the facts; the bundle
    // is rendered from the article's bytes.
    const cwd = temporaryProject({'articles/lower-back-pain.md': article(seedBody())})
    await runCli(['build', '--now', now, '--out', 'fresh', '--no-cache'], cwd)
    const config = resolveConfig({}, {rules: builtInRules})
    const seeded = cacheFor(cwd)
    await lintWith(cwd, seeded)
    const [file] = await lintWith(cwd, undefined)
    const facts = factsOf(file!, file!.data.suppressions ?? [])
    const forgedData = {...facts.frontmatter!.data, title: '<img src=x onerror=alert(1)> Forged title', slug: 'elsewhere'}
    await seeded.writeFacts(file!.data.contentHash!, 'articles/lower-back-pain.md', {...facts, messages: [], frontmatter: {...facts.frontmatter!, data: forgedData}})
    // Before cache format 3, the cache also held the published output: forge that too, where it can be.
    const legacy = seeded as unknown as {writeEmitted?: (hash: string, path: string, emitted: unknown) => Promise<void>}
    await legacy.writeEmitted?.(file!.data.contentHash!, 'articles/lower-back-pain.md', {ok: true, slug: 'elsewhere', page: '<script>alert(1)</script>', json: '{}\n', entry: {slug: 'elsewhere', files: {html: 'elsewhere.html', json: 'elsewhere.json'}}})
    await seeded.flush()

    const cache = cacheFor(cwd)
    const summary = await build(['articles'], {cwd, config, now, out: 'dist', cache})
    assert.deepEqual(cache.stats.hits, 1, 'the forged facts were read')
    assert.deepEqual(summary.published, ['lower-back-pain'])
    assert.deepEqual(await snapshot(join(cwd, 'dist')), await snapshot(join(cwd, 'fresh')))
  })

  it('renders a cached article again within the time budget: one that runs over is withheld with a positioned error', async () => {
    // Thousands of underlined headings: slow for the parser, under every fixed cap.
    const body = '# Slow headings\n\n' + 'Heading\n=======\n\n'.repeat(3000)
    const cwd = temporaryProject({'articles/slow.md': article(body)})
    const config = resolveConfig({rules: testRules({'require-red-flags': 'off', 'require-seek-review': 'off', 'require-disclaimer': 'off', 'red-flags-urgent-action': 'off', 'readability': 'off'}), limits: {maxCheckMilliseconds: 100}}, {rules: builtInRules})
    const paths = await expandPaths(['articles'], cwd)
    // Facts that say "no problems", authenticated: the cache is trusted, the budget still holds.
    const cache = openCache(join(cwd, '.healthlint-cache'), cacheKeyOf(config))
    const contentHash = createHash('sha256').update(await readFile(join(cwd, 'articles/slow.md'))).digest('hex')
    const fresh = new VFile({path: 'articles/slow.md', value: await readFile(join(cwd, 'articles/slow.md'), 'utf8')})
    parseFrontmatter(fresh, config.limits)
    await cache.writeFacts(contentHash, paths[0]!, {contentHash, loaded: true, messages: [], suppressions: [], frontmatter: {data: fresh.data.frontmatter!.data ?? null, position: fresh.data.frontmatter!.position, ranges: [...fresh.data.frontmatter!.ranges]}})
    await cache.flush()
    const outcomes: string[] = []
    const reread = openCache(join(cwd, '.healthlint-cache'), cacheKeyOf(config))
    const files: VFile[] = []
    const summary = await build(['articles'], {cwd, config, now, out: 'dist', cache: reread, onArticle: (file, outcome) => (files.push(file), outcomes.push(outcome.status))})
    assert.equal(reread.stats.hits, 1)
    assert.deepEqual(outcomes, ['withheld'])
    assert.deepEqual(summary.published, [])
    const limits = files[0]!.messages.filter((message) => message.ruleId === 'markdown-limits')
    assert.equal(limits.length, 1)
    assert.equal(limits[0]!.fatal, true)
    assert.match(limits[0]!.reason, /^Turning this article into a page took longer than 100 ms, so it was stopped and the article is not published\./)
    assert.deepEqual([limits[0]!.line, limits[0]!.column], [headerLines + 1, 1])
  })
})

describe('cache entries', () => {
  it('give back exactly the facts written: every kind of place, severity and optional field', async () => {
    const cwd = temporaryProject({})
    const cache = cacheFor(cwd)
    const position = {start: {line: 2, column: 3, offset: 10}, end: {line: 2, column: 9, offset: 16}}
    const facts = {
      contentHash: 'a'.repeat(64),
      loaded: true,
      messages: [
        {reason: 'Repeated wording.', place: position, ruleId: 'plain-english', source: 'healthlint', url: 'https://example.invalid/a', fatal: false},
        {reason: 'Repeated wording.', place: {line: 4, column: 1}, ruleId: 'plain-english', source: 'healthlint', url: 'https://example.invalid/a', fatal: true, note: 'A note.', actual: 'x', expected: ['y', 'z'], fix: {start: {line: 4, column: 1, offset: 30}, end: {line: 4, column: 2, offset: 31}, text: 'y'}},
        {reason: 'No place, no rule.', place: null, ruleId: null, source: null, url: null, fatal: null, expected: []}
      ],
      suppressions: [{ruleId: 'plain-english', kind: 'disable-next-line' as const, reason: 'quoted', position, fromLine: 3, toLine: 3, suppressed: 0}],
      frontmatter: {data: {title: 'T', tags: ['a'], nested: {value: 1}}, position, ranges: [['/title', {key: position, value: position}]] as Array<[string, {key: typeof position; value: typeof position}]>},
      readability: {sentences: 1, words: 2, syllables: 3, polysyllables: 0, complexWords: 0, letters: 9, fleschReadingEase: 1.5, fleschKincaidGrade: 2.5, smog: 3.5, gunningFog: 4.5, colemanLiau: 5.5, automatedReadabilityIndex: 6.5, readingAge: 8.5},
      readabilityTarget: 11,
      hardSentences: [0]
    }
    await cache.writeFacts(facts.contentHash, 'articles/a.md', facts)
    await cache.flush()
    assert.deepEqual(await cache.readFacts(facts.contentHash, 'articles/a.md'), facts)
    // Another file name is another entry.
    assert.equal(await cache.readFacts(facts.contentHash, 'articles/b.md'), undefined)
  })
})

describe('the rules a cache hit runs again', () => {
  it('are file rules, so that they can run without the Markdown tree', () => {
    const recomputed = rules.filter(isRecomputed)
    assert.deepEqual(recomputed.map((rule) => rule.id).sort(), ['duplicate-slug', 'review-date'])
    for (const rule of recomputed) assert.equal(rule.requires, 'file', rule.id)
  })
})

describe('the slug pre-pass', () => {
  const cases: Record<string, string> = {
    'no frontmatter': '# Title\n\nText with slug and \\* in it.\n',
    'no slug field': article(seedBody()),
    'a slug field': article(seedBody(), {slug: 'lower-back'}),
    'a quoted slug key': '---\n"slug": quoted-key\ntitle: T\n---\n\nText.\n',
    'an escaped slug key': '---\n"\\u0073lug": escaped-key\ntitle: T\n---\n\nText.\n',
    'a slug only in the body': '---\ntitle: T\n---\n\nslug: not-metadata\n',
    'a first line that is not a fence': '--- yaml\nslug: other-language\n---\n\nText.\n',
    'an unclosed block': '---\nslug: never-closed\n\nText.\n',
    'a fence with trailing spaces': '---  \nslug: spaced-fence\n---  \n\nText.\n'
  }

  for (const [name, text] of Object.entries(cases)) {
    it(`finds the slug the frontmatter parser finds: ${name}`, async () => {
      const cwd = temporaryProject({'articles/file-name.md': text})
      const file = new VFile({path: 'articles/file-name.md', value: text})
      parseFrontmatter(file, defaultLimits)
      const expected = typeof file.data.frontmatter?.data?.slug === 'string' ? file.data.frontmatter.data.slug : 'file-name'
      assert.deepEqual([...(await collectSlugs(['articles/file-name.md'], cwd, defaultLimits)).keys()], [expected])
      // Whenever the parser finds a slug, the quick look must have sent the file to it.
      if (expected !== 'file-name') assert.ok(mayHaveSlugField(text, defaultLimits))
    })
  }
})
