// Stage 4: emit. Turns a checked article into what the bundle publishes: a sanitised HTML body,
// its sections, the JSON record and the standalone page. Pure functions of the linted VFile and
// the configuration: no clock, no paths from the machine, no I/O, so builds are reproducible.
//
// Safety: raw HTML never enters the HTML tree (remark-rehype drops `html` nodes unless told
// otherwise), rehype-sanitize runs last on the body with the schema in sanitize.ts, and every
// frontmatter value reaches the page only through hast-util-to-html (which escapes text and
// attributes) or `toJsonText` (which escapes `<`, `>`, `&`, U+2028 and U+2029, so a value can
// never close the JSON-LD `<script>` block).
import {unified} from 'unified'
import remarkRehype from 'remark-rehype'
import rehypeSanitize from 'rehype-sanitize'
import {toHtml} from 'hast-util-to-html'
import {h} from 'hastscript'
import {toString} from 'hast-util-to-string'
import type {Element, ElementContent, Root as HastRoot, RootContent as HastContent} from 'hast'
import type {Html, Nodes as MdastNodes, Root as MdastRoot} from 'mdast'
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import type {ResolvedConfig} from '../config/config.js'
import {compileSchema} from '../config/schema.js'
import {readSchema} from '../config/package-files.js'
import {policyDueOf} from '../rule-kit/review-due.js'
import {roundedScores} from '../report/readability.js'
import type {ReadabilityScores} from '../pipeline/score.js'
import {safetyItemsOf} from '../rule-kit/sections.js'
import type {SectionItem} from '../rule-kit/sections.js'
import {visit} from '../rule-kit/visit.js'
import {safetyVocabularyOf} from '../rule-kit/safety-vocabulary.js'
import {sanitizeSchema, secureLinks} from './sanitize.js'
import {isSafeSlug, pathOf, slugOf} from '../pipeline/slugs.js'
import {bundleSchemaVersion, toJsonText} from './bundle.js'
import type {BundleArticle, BundleIndexEntry, BundleSection} from './bundle.js'
import {runWithin} from '../pipeline/budget.js'
import {bodyStart} from '../pipeline/parse.js'
import '../pipeline/data.js'
import {toJsonOverride} from '../report/overrides.js'
import {reviewLinesOf} from '../rule-kit/review-lines.js'
import {categoryNameOf, headLinks, langOf, overdueNotice, pagePath, sourcesSection, translationLinks, urlOf} from './site.js'
import type {PublishContext, Source} from './site.js'

// The light helpers live in bundle.ts (a run where every article is cached never loads this file).

export interface EmittedArticle {
  slug: string
  /** The standalone HTML page. */
  page: string
  article: BundleArticle
  entry: BundleIndexEntry
  /** The plain text of the body, for the search index. */
  text: string
  /** How the page was rendered from `article` (the preview renders it the same way). */
  pageOptions: PageOptions
}

/**
 * Either the article's output, or why it cannot be published (a reason for the author, and
 * where; `ruleId` when a rule's limit is the reason, else it is reported as build's own).
 */
export type EmitResult = {ok: true; value: EmittedArticle} | EmitFailure
export type EmitFailure = {ok: false; reason: string; place?: Point; ruleId?: string}

/**
 * The deepest nesting of Markdown nodes published. Real articles need fewer than 10 levels; the
 * tree utilities recurse and overflow the stack somewhere in the thousands, at a depth that
 * depends on the machine, so a fixed limit keeps the outcome the same everywhere.
 */
export const maxNestingDepth = 64

interface Metadata {
  title: string
  description: string
  category: string
  lastReviewed: string
  reviewedBy: {name: string; credential: string}
  slug?: string
  tags?: string[]
  nextReview?: string
  contributors?: Array<{name: string; role: string}>
  status?: 'draft' | 'published'
  sources?: Source[]
  translationOf?: string
}

const validateMetadata = compileSchema(readSchema('article.schema.json'))

// Created once: raw HTML stays off (the default), remark-rehype adds no id prefix so that
// rehype-sanitize adds it exactly once, and sanitising is the last step that changes markup.
const toSafeHast = unified()
  .use(remarkRehype, {clobberPrefix: ''})
  .use(() => addHeadingIds)
  .use(rehypeSanitize, sanitizeSchema)
  .use(() => secureLinks)
  .freeze()

/**
 * `emitArticle` within the article's time budget (budget.ts), the one the analysis has: turning
 * a body into HTML walks every node, and some shapes of Markdown that pass every cap are slow
 * to convert, so neither build nor the preview may run it unbounded. Over the budget, the
 * article is not published, with a `markdown-limits` error at the start of its body.
 */
export function emitWithinBudget(file: VFile, config: ResolvedConfig): EmitResult {
  const finished = runWithin(config.limits.maxCheckMilliseconds, () => emitArticle(file, config))
  return finished.ok ? finished.value : overBudget(file, config)
}

/** Why an article whose conversion ran over its time budget is not published. */
export function overBudget(file: VFile, config: ResolvedConfig): EmitFailure {
  return {
    ok: false,
    ruleId: 'markdown-limits',
    reason: `Turning this article into a page took longer than ${config.limits.maxCheckMilliseconds} ms, so it was stopped and the article is not published. Thousands of headings, list items or table cells cause this: split the article, or raise \`limits.maxCheckMilliseconds\` in the config.`,
    place: bodyStart(file)
  }
}

/** Build everything published for `file`, which must have passed lint without errors. */
export function emitArticle(file: VFile, config: ResolvedConfig, context?: PublishContext): EmitResult {
  const data = file.data.frontmatter?.data
  const tree = file.data.tree
  // Checked again here, whatever the rules' settings: publishing needs complete, valid metadata.
  if (!data || !validateMetadata(data)) {
    return {ok: false, reason: 'This article cannot be published because its frontmatter is missing or not valid. Turn on the `frontmatter-schema` rule to see what to fix.'}
  }
  if (!tree || !file.data.contentHash) {
    return {ok: false, reason: 'This article cannot be published because its body could not be read as Markdown.'}
  }
  const metadata = data as unknown as Metadata
  const {slug} = slugOf(data, pathOf(file))
  if (!isSafeSlug(slug)) {
    return {ok: false, reason: `This article cannot be published because its slug \`${slug}\` is not lower-case words joined by hyphens. Rename the file or set a \`slug\` such as \`lower-back-pain\`.`}
  }

  const tooDeep = firstTooDeep(tree)
  if (tooDeep) {
    return {ok: false, reason: `This article cannot be published because its Markdown is nested more than ${maxNestingDepth} levels deep here. Simplify the nesting of quotes, lists and emphasis.`, ...(tooDeep.position ? {place: tooDeep.position.start} : {})}
  }

  let body: HastRoot
  let html: string
  let sections: BundleSection[]
  try {
    body = renderBody(tree)
    html = toHtml(body)
    sections = sectionsOfHast(body)
  } catch (error) {
    // Not expected below maxNestingDepth, but a stack overflow must still become a message.
    if (!(error instanceof RangeError)) throw error
    return {ok: false, reason: 'This article cannot be published because its Markdown is nested too deeply to convert to HTML. Simplify the nesting of quotes and lists.'}
  }

  // The sections and their items are found on the Markdown tree, as the rules find them, but
  // every item's text is that of what is published: a list item's or table row's is the text of
  // its sanitised HTML, and a sentence's leaves out raw HTML, so `<img onerror=…>` and whatever
  // the sanitiser drops never reach the bundle's plain text.
  const vocabulary = safetyVocabularyOf(config.settings.redFlagHeadings, config.settings.seekReviewHeadings)
  const publishedBySpan = publishedElements(body)
  const publishedText = (item: SectionItem) => publishedItemText(item, publishedBySpan)
  const nextReviewDue = metadata.nextReview ?? policyDueOf(metadata.lastReviewed, config.settings.reviewIntervalDays)
  const files = {html: pagePath(slug), json: `articles/${slug}.json`}
  const {site} = config
  const lang = langOf(data, site)
  const url = urlOf(site, files.html)
  // Without a build's history (the preview, a library call), the dates are the review's.
  const published = context ?? {dateModified: metadata.lastReviewed, datePublished: metadata.lastReviewed, reviewOverdue: false, translations: metadata.translationOf ? [{lang: site.lang, slug: metadata.translationOf}] : []}

  const article: BundleArticle = {
    schemaVersion: bundleSchemaVersion,
    slug,
    title: metadata.title,
    description: metadata.description,
    category: metadata.category,
    tags: [...(metadata.tags ?? [])],
    lastReviewed: metadata.lastReviewed,
    nextReviewDue,
    reviewedBy: {name: metadata.reviewedBy.name, credential: metadata.reviewedBy.credential},
    contributors: (metadata.contributors ?? []).map(({name, role}) => ({name, role})),
    readability: pickReadability(file.data.readability),
    html,
    sections,
    redFlags: safetyItemsOf(tree, vocabulary, 'red-flags', publishedText),
    seekReview: safetyItemsOf(tree, vocabulary, 'seek-review', publishedText),
    contentHash: file.data.contentHash,
    lang,
    translationOf: metadata.translationOf ?? null,
    translations: published.translations.map((translation) => ({lang: translation.lang, slug: translation.slug, url: urlOf(site, pagePath(translation.slug))})),
    url,
    categoryName: categoryNameOf(site, metadata.category),
    sources: (metadata.sources ?? []).map(({title, url}) => ({title, url})),
    datePublished: published.datePublished,
    dateModified: published.dateModified,
    reviewOverdue: published.reviewOverdue,
    safetyOverrides: config.safetyOverrides.map(toJsonOverride)
  }
  const entry: BundleIndexEntry = {
    slug,
    title: article.title,
    description: article.description,
    category: article.category,
    lastReviewed: article.lastReviewed,
    nextReviewDue,
    contentHash: article.contentHash,
    files,
    lang,
    translationOf: article.translationOf,
    url,
    categoryName: article.categoryName,
    datePublished: article.datePublished,
    dateModified: article.dateModified,
    reviewOverdue: article.reviewOverdue
  }
  // The body's own reviewer line (require-reviewer asks for one) makes the footer's redundant.
  const reviewerStated = reviewLinesOf(tree, config.settings.reviewLabels).statement !== undefined
  const pageOptions: PageOptions = {reviewerStated, ...(site.stylesheet !== undefined ? {stylesheet: site.stylesheet} : {})}
  return {ok: true, value: {slug, page: renderPage(article, body, pageOptions), article, entry, text: publishedTextOf(body), pageOptions}}
}

/**
 * The sanitised HTML tree of an article body, as every published page contains it. Nodes keep
 * their `position` in the original file (the preview uses it to mark problems in place). May
 * throw RangeError on Markdown nested far deeper than `maxNestingDepth`.
 */
export function renderBody(tree: MdastRoot): HastRoot {
  return toSafeHast.runSync(tree) as HastRoot
}

/** `2025-12-22` → `22 December 2025`, the way UK readers write dates. */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  return `${day} ${months[month - 1]} ${year}`
}

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** The page: the article, its review dates and reviewer, and its schema.org description. */
export function renderPage(article: BundleArticle, body: HastRoot, options: PageOptions = {}): string {
  return toHtml(pageTreeOf(article, body, options))
}

export interface PageOptions {
  /** The stylesheet's address (default: the bundle's `../assets/healthlint.css`). */
  stylesheet?: string
  /** The body names its reviewer itself, so the footer gives only the dates. */
  reviewerStated?: boolean
}

/** The page as an HTML tree (the preview shows its `<article>` with problems marked on it). */
export function pageTreeOf(article: BundleArticle, body: HastRoot, options: PageOptions = {}): HastRoot {
  const structuredData = {
    '@context': 'https://schema.org',
    '@type': 'MedicalWebPage',
    name: article.title,
    description: article.description,
    inLanguage: article.lang ?? 'en-GB',
    ...(article.url ? {url: article.url} : {}),
    lastReviewed: article.lastReviewed,
    ...(article.dateModified ? {dateModified: article.dateModified} : {}),
    reviewedBy: {
      '@type': 'Person',
      name: article.reviewedBy.name,
      hasCredential: {'@type': 'EducationalOccupationalCredential', name: article.reviewedBy.credential}
    },
    ...(article.contributors.length > 0 ? {contributor: article.contributors.map((person) => ({'@type': 'Person', name: person.name, jobTitle: person.role}))} : {}),
    ...(article.sources?.length ? {citation: article.sources.map((source) => ({'@type': 'CreativeWork', name: source.title, url: source.url}))} : {}),
    medicalAudience: {'@type': 'MedicalAudience', audienceType: 'Patient'},
    about: {'@type': 'MedicalEntity', name: article.title}
  }
  const translations = article.translations ?? []
  const before = [translationLinks(translations), article.reviewOverdue ? overdueNotice(article.nextReviewDue, formatDate) : undefined].filter((node) => node !== undefined)
  const sources = sourcesSection(article.sources ?? [])
  const hasTitle = body.children.some((node) => node.type === 'element' && node.tagName === 'h1')
  const content: Array<ElementContent | string> = [
    ...before.flatMap((node) => [node, '\n']),
    ...(hasTitle ? [] : [h('h1', {}, [article.title]), '\n']),
    ...(body.children as ElementContent[]),
    '\n',
    ...(sources ? [sources, '\n'] : []),
    h('footer', {}, [
      '\n',
      h('p', {className: ['review-dates']}, [
        'Last reviewed: ',
        h('time', {dateTime: article.lastReviewed}, [formatDate(article.lastReviewed)]),
        '. Next review due: ',
        h('time', {dateTime: article.nextReviewDue}, [formatDate(article.nextReviewDue)]),
        '.'
      ]),
      '\n',
      ...(options.reviewerStated ? [] : [h('p', {className: ['reviewed-by']}, [`Reviewed by ${article.reviewedBy.name}, ${article.reviewedBy.credential}.`]), '\n'])
    ]),
    '\n'
  ]
  const page = h(null, [
    {type: 'doctype'},
    '\n',
    h('html', {lang: article.lang ?? 'en-GB'}, [
      h('head', {}, [
        h('meta', {charSet: 'utf-8'}),
        h('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}),
        h('title', {}, [article.title]),
        h('meta', {name: 'description', content: article.description}),
        ...headLinks(options.stylesheet, article.url ?? null, article.lang ?? 'en-GB', article.slug, translations),
        h('script', {type: 'application/ld+json'}, [toJsonText(structuredData)])
      ].flatMap((node) => ['\n', node]).concat('\n')),
      '\n',
      h('body', {}, ['\n', h('main', {}, [h('article', {}, content)]), '\n']),
      '\n'
    ]),
    '\n'
  ])
  return page
}

/**
 * The body split at every top-level heading, each section holding what follows its heading up
 * to the next heading of any level (so sections never overlap). Content before the first heading
 * and the footnotes are only in `html`.
 */
function sectionsOfHast(body: HastRoot): BundleSection[] {
  const sections: Array<{heading: Element; content: HastContent[]}> = []
  for (const node of body.children) {
    if (node.type === 'element' && /^h[1-6]$/.test(node.tagName)) sections.push({heading: node, content: []})
    else if (node.type === 'element' && node.properties.dataFootnotes) continue
    else sections.at(-1)?.content.push(node)
  }
  return sections.map(({heading, content}) => ({
    id: String(heading.properties.id ?? ''),
    heading: publishedTextOf(heading),
    html: toHtml({type: 'root', children: trimBreaks(content)}),
    text: publishedTextOf({type: 'root', children: content})
  }))
}

/** The elements of the sanitised body by the span of source they came from (`start:end` offsets). */
function publishedElements(body: HastRoot): Map<string, Element> {
  const elements = new Map<string, Element>()
  const stack: Array<HastRoot | Element> = [body]
  while (stack.length > 0) {
    const node = stack.pop()!
    for (const child of node.children) {
      if (child.type !== 'element') continue
      const span = spanOf(child)
      // The outermost element of a span (an `li`, not the `p` a loose list item wraps).
      if (span !== undefined && !elements.has(span)) elements.set(span, child)
      stack.push(child)
    }
  }
  return elements
}

function spanOf(node: {position?: {start: {offset?: number}; end: {offset?: number}}}): string | undefined {
  const {start, end} = node.position ?? {start: {}, end: {}}
  return start.offset === undefined || end.offset === undefined ? undefined : `${start.offset}:${end.offset}`
}

/**
 * The plain text a reader gets from published HTML: its text and images' alternative text,
 * whitespace collapsed, without footnote reference numbers. Undefined (nothing published) is ''.
 */
/** The published text of one section item (see `emitArticle`). */
function publishedItemText(item: SectionItem, published: ReadonlyMap<string, Element>): string {
  if (item.node.type === 'listItem' || item.node.type === 'tableRow') return publishedTextOf(published.get(spanOf(item.node) ?? ''))
  // A sentence of a paragraph or label: the words as the rules read them, without the raw HTML
  // the paragraph holds (never published).
  let text = item.text
  visit(item.node, 'html', (node: Html) => {
    const value = node.value.replace(/\s+/g, ' ').trim()
    if (value !== '') text = text.split(value).join(' ')
  })
  return text.replace(/\s+/g, ' ').replace(/ (?=[.,;:!?)])/g, '').trim()
}

function publishedTextOf(node: HastRoot | Element | undefined): string {
  if (!node) return ''
  const parts: string[] = []
  const stack: Array<HastRoot | ElementContent> = [node]
  while (stack.length > 0) {
    const current = stack.pop()!
    if (current.type === 'text') parts.push(current.value)
    else if (current.type === 'element' && current.properties.dataFootnoteRef !== undefined) continue
    else if (current.type === 'element' && current.tagName === 'img') parts.push(` ${String(current.properties.alt ?? '')} `)
    else if ('children' in current) for (let index = current.children.length - 1; index >= 0; index--) stack.push(current.children[index] as ElementContent)
  }
  return parts.join('').replace(/\s+/g, ' ').trim()
}

/** The first node nested deeper than `maxNestingDepth`, found without recursion. */
export function firstTooDeep(tree: MdastRoot): MdastNodes | undefined {
  const stack: Array<{node: MdastNodes; depth: number}> = [{node: tree, depth: 0}]
  while (stack.length > 0) {
    const {node, depth} = stack.pop()!
    if (depth > maxNestingDepth) return node
    if ('children' in node) for (let index = node.children.length - 1; index >= 0; index--) stack.push({node: node.children[index]!, depth: depth + 1})
  }
  return undefined
}

/**
 * Give every heading an id from its text (GitHub's style), unique within the article.
 *
 * Not github-slugger: checked on the seed article, test/fixtures and the headings in the tests
 * (308 headings, 2026-12-02), its ids differ from the published ones for 13 of them: it drops
 * a line break inside a heading (joining the words either side) and turns a run of spaces into
 * a run of `-` (ours: one `-` for any whitespace), gives `''` for a heading of punctuation only
 * (ours: `section`), and does not know the ids already in the page (footnotes).
 * Changing them would break every link into a published page.
 */
function addHeadingIds(tree: HastRoot): void {
  const headings: Element[] = []
  const used = new Set<string>()
  const stack: Array<HastRoot | Element> = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    for (const child of node.children) {
      if (child.type !== 'element') continue
      if (typeof child.properties.id === 'string') used.add(child.properties.id)
      else if (/^h[1-6]$/.test(child.tagName)) headings.push(child)
      stack.push(child)
    }
  }
  // The stack visits nodes out of document order; ids are numbered in document order.
  headings.sort((a, b) => (a.position?.start.offset ?? 0) - (b.position?.start.offset ?? 0))
  // The suffix to try next for each base: an id once taken stays taken, so the smallest free
  // suffix is never below it. Linear, where counting up from 1 for every heading was quadratic
  // (8,000 identical headings took seconds); the same ids.
  const nextSuffix = new Map<string, number>()
  for (const heading of headings) {
    const base = toString(heading).replace(/\s+/g, ' ').trim().toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '').replace(/ /g, '-') || 'section'
    let id = base
    let count = nextSuffix.get(base) ?? 1
    if (used.has(id)) {
      while (used.has((id = `${base}-${count}`))) count++
      count++
    }
    nextSuffix.set(base, count)
    used.add(id)
    heading.properties.id = id
  }
}


function trimBreaks(nodes: HastContent[]): HastContent[] {
  let start = 0
  let end = nodes.length
  const isBreak = (node: HastContent | undefined) => node?.type === 'text' && node.value.trim() === ''
  while (start < end && isBreak(nodes[start])) start++
  while (end > start && isBreak(nodes[end - 1])) end--
  return nodes.slice(start, end)
}

/** Only the documented scores, in a fixed order and rounded, as in the JSON report. */
function pickReadability(scores: ReadabilityScores | undefined): ReadabilityScores | null {
  return scores ? roundedScores(scores) : null
}

