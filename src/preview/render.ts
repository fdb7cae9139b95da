// The preview's pages: an index of the articles, and each article as build would publish it
// with its lint messages marked in place and listed beside it. The article itself comes from the
// emitter (renderBody + pageTreeOf), so the preview cannot drift from what build publishes; the
// preview only adds its own markup around and inside it (see annotate.ts). Every page is an HTML
// tree stringified by hast-util-to-html, so every value from an article is escaped.
import {toHtml} from 'hast-util-to-html'
import {h} from 'hastscript'
import type {Element, ElementContent, Root as HastRoot} from 'hast'
import type {Root as MdastRoot} from 'mdast'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import type {ResolvedConfig} from '../config/config.js'
import {VFileMessage} from 'vfile-message'
import {emitArticle, emitWithinBudget, firstTooDeep, formatDate, overBudget, pageTreeOf, renderBody} from '../publish/emit.js'
import {isDraft} from '../publish/bundle.js'
import type {EmitResult} from '../publish/emit.js'
import {runWithin} from '../pipeline/budget.js'
import {withoutStack} from '../rule-kit/rule.js'
import {reviewDueOf} from '../rule-kit/review-due.js'
import {pathOf} from '../pipeline/slugs.js'
import {severityOf, toReported} from '../report/messages.js'
import type {MessageSeverity, ReportedMessage} from '../report/messages.js'
import {daysBetween} from '../io/today.js'
import {annotateBody, severityLabels} from './annotate.js'
import type {MessageToPlace, Placement} from './annotate.js'
import '../pipeline/data.js'
import {plural} from '../rule-kit/plural.js'

/** Children as `h` takes them: nodes, and strings for text. */
type Content = ElementContent | string

export type ArticleStatus = 'ready' | 'draft' | 'withheld'

/** One line of the index: what an editor needs to know about an article at a glance. */
export interface ArticleSummary {
  path: string
  title: string
  status: ArticleStatus
  /** What build will do with the article, in a sentence. */
  statusText: string
  readingAge: number | undefined
  reviewDue: string | undefined
  errors: number
  warnings: number
  infos: number
}

/** The preview's address for an article: its path, encoded as one segment. */
export function articleUrlOf(path: string): string {
  return `/article/${encodeURIComponent(path)}`
}

/**
 * The article's line in the index. `emit` is how build's verdict is found: by default within the
 * article's time budget (the preview runs it when an article changes).
 */
export function summaryOf(file: VFile, config: ResolvedConfig, emit: () => EmitResult = () => emitWithinBudget(file, config), messages: readonly VFileMessage[] = file.messages): ArticleSummary {
  const data = file.data.frontmatter?.data
  const path = pathOf(file)
  const counts = {error: 0, warning: 0, info: 0}
  for (const message of messages) counts[severityOf(message)]++
  const {status, statusText} = verdictOf(file, emit, counts.error)
  return {
    path,
    title: typeof data?.title === 'string' && data.title.trim() !== '' ? data.title : path,
    status,
    statusText,
    readingAge: file.data.readability?.readingAge,
    reviewDue: reviewDueOf(data, config),
    errors: counts.error,
    warnings: counts.warning,
    infos: counts.info
  }
}

/** What build does with the article: the same decisions, in the same order, as build.ts. */
function verdictOf(file: VFile, emit: () => EmitResult, errors: number): {status: ArticleStatus; statusText: string} {
  if (isDraft(file)) return {status: 'draft', statusText: 'Draft: checked, but not published.'}
  if (errors > 0) return {status: 'withheld', statusText: `Not published: build withholds an article with errors (${plural(errors, 'error')}).`}
  const emitted = emit()
  if (!emitted.ok) return {status: 'withheld', statusText: `Not published: ${emitted.reason}`}
  return {status: 'ready', statusText: 'Ready to publish.'}
}

export function renderIndex(summaries: readonly ArticleSummary[], now: string): string {
  const withErrors = summaries.filter((summary) => summary.errors > 0).length
  const rows = summaries.map((summary) =>
    h('tr', {className: [`hl-row-${summary.status}`]}, [
      h('th', {scope: 'row'}, [
        h('a', {href: articleUrlOf(summary.path)}, [summary.title]),
        h('br', {}),
        h('span', {className: ['hl-path']}, [summary.path])
      ]),
      h('td', {}, [statusBadgeOf(summary.status), ' ' + summary.statusText]),
      h('td', {className: ['hl-number']}, [summary.readingAge === undefined ? '–' : String(Math.round(summary.readingAge))]),
      h('td', {}, reviewDueContent(summary.reviewDue, now)),
      h('td', {className: ['hl-number']}, countContent(summary.errors, 'error')),
      h('td', {className: ['hl-number']}, countContent(summary.warnings, 'warning'))
    ])
  )
  const content: ElementContent[] = [
    h('h1', {}, ['Articles']),
    h('p', {className: ['hl-lede']}, [
      `${plural(summaries.length, 'article')}, ${withErrors} with errors. Checked as of ${formatDate(now)}. This page updates by itself when an article is saved.`
    ]),
    summaries.length === 0
      ? h('p', {}, ['No articles found.'])
      : h('div', {className: ['hl-table-wrap']}, [
          h('table', {className: ['hl-index']}, [
            h('caption', {className: ['hl-sr']}, ['Articles, with what build will do with each, reading age, review due date and problems found']),
            h('thead', {}, [
              h('tr', {}, ['Article', 'Status', 'Reading age', 'Review due', 'Errors', 'Warnings'].map((heading) => h('th', {scope: 'col'}, [heading])))
            ]),
            h('tbody', {}, rows)
          ])
        ])
  ]
  return documentOf({title: 'Articles · healthlint preview', page: 'index', content})
}

/**
 * The article's page. Everything that reads the article (converting it as build does, marking
 * the messages in it) runs within the article's time budget, as build's emit does: an article
 * that runs over is shown without its body, with a `markdown-limits` error saying why, so one
 * slow article cannot hold up the preview.
 */
export function renderArticle(file: VFile, config: ResolvedConfig, now: string): string {
  const rendered = runWithin(config.limits.maxCheckMilliseconds, () => {
    let emitted: EmitResult | undefined
    const emit = () => (emitted ??= emitArticle(file, config))
    return pageOf(file, config, now, file.messages, emit, bodyOf(file.data.tree))
  })
  if (rendered.ok) return rendered.value
  // The rest reads only the messages (a bounded number per rule) and the frontmatter.
  const stopped = overBudget(file, config)
  const message = withoutStack(() => new VFileMessage(stopped.reason, {place: stopped.place, ruleId: stopped.ruleId, source: 'healthlint'}))
  message.fatal = true
  const url = stopped.ruleId === undefined ? undefined : config.ruleSet.get(stopped.ruleId)?.url
  if (url !== undefined) message.url = url
  return pageOf(file, config, now, [...file.messages, message], () => stopped, undefined)
}

function pageOf(file: VFile, config: ResolvedConfig, now: string, messages: readonly VFileMessage[], emit: () => EmitResult, body: HastRoot | undefined): string {
  const summary = summaryOf(file, config, emit, messages)
  const reported = messages.map((message, index) => ({number: index + 1, reported: toReported(message), hasPlace: message.place !== undefined}))

  // Messages at a place in the body are marked there; the rest (file, frontmatter) go on top.
  const bodyStart = file.data.frontmatter?.position.end.offset ?? 0
  const toOffset = location(file).toOffset
  const toPlace: MessageToPlace[] = []
  if (body) {
    for (const {number, reported: message, hasPlace} of reported) {
      const start = toOffset({line: message.line, column: message.column})
      const end = toOffset({line: message.endLine, column: message.endColumn})
      if (!hasPlace || start === undefined || start < bodyStart) continue
      toPlace.push({number, severity: message.severity, ruleId: message.ruleId, reason: message.message, missing: config.ruleSet.get(message.ruleId)?.reportsMissing === true, start, end: Math.max(start, end ?? start)})
    }
  }
  const placements = body ? annotateBody(body, toPlace) : new Map<number, Placement>()
  const inText = reported.filter(({number}) => placements.has(number))
  const elsewhere = reported.filter(({number}) => !placements.has(number))

  const emitted = emit()
  let article: Element
  if (body && emitted.ok) {
    article = findElement(pageTreeOf(emitted.value.article, body, emitted.value.pageOptions), 'article') ?? h('article', {}, body.children as ElementContent[])
  } else {
    // Build cannot make this page (the top panel says why); show the body it would contain.
    const hasTitle = body?.children.some((node) => node.type === 'element' && node.tagName === 'h1') ?? false
    article = h('article', {}, [
      ...(hasTitle ? [] : [h('h1', {}, [summary.title])]),
      ...((body?.children ?? [h('p', {className: ['hl-empty']}, ['This article has no body that can be shown.'])]) as ElementContent[])
    ])
  }

  const facts: Array<[string, Content[]]> = [
    ['Status', [statusBadgeOf(summary.status), ' ' + summary.statusText]],
    ['Reading age', [summary.readingAge === undefined ? '–' : String(Math.round(summary.readingAge))]],
    ['Review due', reviewDueContent(summary.reviewDue, now)],
    ['Problems', [...countContent(summary.errors, 'error'), ' ', ...countContent(summary.warnings, 'warning'), ...(summary.infos > 0 ? [' ', ...countContent(summary.infos, 'info')] : [])]]
  ]
  const content: ElementContent[] = [
    h('section', {className: ['hl-summary'], ariaLabelledBy: ['hl-summary-heading']}, [
      h('h2', {id: 'hl-summary-heading'}, ['Checks for ', h('span', {className: ['hl-path']}, [summary.path])]),
      h('dl', {className: ['hl-facts']}, facts.flatMap(([term, value]) => [h('div', {}, [h('dt', {}, [term]), h('dd', term === 'Problems' ? {id: 'hl-problems'} : {}, value)])])),
      ...(elsewhere.length > 0
        ? [
            h('h3', {id: 'hl-file-heading'}, [`Problems in the frontmatter or the file (${elsewhere.length})`]),
            h('ol', {className: ['hl-list'], ariaLabelledBy: ['hl-file-heading']}, elsewhere.map(({number, reported: message}) => itemOf(number, message, undefined)))
          ]
        : [])
    ]),
    h('div', {className: ['hl-columns']}, [
      h('div', {className: ['hl-page'], id: 'hl-article'}, [article]),
      h('aside', {className: ['hl-messages'], id: 'hl-messages', tabIndex: -1, ariaLabelledBy: ['hl-messages-heading']}, [
        h('h2', {id: 'hl-messages-heading'}, [`Problems in the text (${inText.length})`]),
        inText.length === 0
          ? h('p', {}, ['No problems found in the text.'])
          : h('ol', {className: ['hl-list']}, inText.map(({number, reported: message}) => itemOf(number, message, placements.get(number))))
      ])
    ])
  ]
  return documentOf({title: `${summary.title} · healthlint preview`, page: 'article', path: summary.path, content})
}

export function renderNotFound(): string {
  return documentOf({
    title: 'Not found · healthlint preview',
    page: 'missing',
    content: [h('h1', {}, ['Not found']), h('p', {}, ['There is no such article in this preview. It may have been removed or renamed. ', h('a', {href: '/'}, ['See all articles']), '.'])]
  })
}

/** The body as build would publish it, or undefined when there is none to show. */
function bodyOf(tree: MdastRoot | undefined): HastRoot | undefined {
  if (!tree || firstTooDeep(tree)) return undefined
  try {
    return renderBody(tree)
  } catch (error) {
    if (error instanceof RangeError) return undefined
    throw error
  }
}

function itemOf(number: number, message: ReportedMessage, placement: Placement | undefined): Element {
  const {icon, label} = severityLabels[message.severity]
  const where = `Line ${message.line}, column ${message.column}`
  return h('li', {className: ['hl-item', `hl-${message.severity}`], id: `hl-item-${number}`, dataHlRule: message.ruleId}, [
    h('p', {className: ['hl-item-head']}, [
      h('span', {className: ['hl-badge', `hl-${message.severity}`]}, [h('span', {ariaHidden: 'true'}, [icon + ' ']), `${label} ${number}`]),
      ' ',
      placement ? h('a', {href: `#hl-m-${number}`, className: ['hl-goto']}, [where]) : h('span', {}, [where]),
      ' ',
      h('code', {className: ['hl-rule']}, [message.ruleId])
    ]),
    h('p', {className: ['hl-reason']}, [message.message]),
    ...(message.note ? [h('p', {className: ['hl-note']}, [message.note])] : []),
    ...(message.url?.startsWith('https://') ? [h('p', {className: ['hl-more']}, [h('a', {href: message.url, rel: ['noreferrer']}, [`About the rule ${message.ruleId}`])])] : [])
  ])
}

function statusBadgeOf(status: ArticleStatus): Element {
  const labels: Record<ArticleStatus, string> = {ready: '✔ Ready', draft: '✎ Draft', withheld: '✖ Withheld'}
  return h('span', {className: ['hl-status', `hl-status-${status}`]}, [labels[status]])
}

function reviewDueContent(due: string | undefined, now: string): Content[] {
  if (!due) return ['–']
  const days = daysBetween(now, due)
  const when = days < 0 ? `overdue by ${plural(-days, 'day')}` : days === 0 ? 'today' : `in ${plural(days, 'day')}`
  return [h('time', {dateTime: due}, [formatDate(due)]), ' ', h('span', {className: days < 0 ? ['hl-overdue'] : ['hl-when']}, [`(${when})`])]
}

function countContent(count: number, severity: MessageSeverity): Content[] {
  const {icon, label} = severityLabels[severity]
  const word = label.toLowerCase()
  return [h('span', {className: count > 0 ? ['hl-count', `hl-${severity}`] : ['hl-count', 'hl-none']}, [h('span', {ariaHidden: 'true'}, [icon + ' ']), plural(count, word)])]
}

interface DocumentParts {
  title: string
  page: 'index' | 'article' | 'missing'
  path?: string
  content: ElementContent[]
}

/** The preview's page shell: one stylesheet, one script, landmarks, a live region. */
function documentOf({title, page, path, content}: DocumentParts): string {
  const skip = page === 'article' ? [h('a', {className: ['hl-skip'], href: '#hl-messages'}, ['Skip to the problems'])] : []
  const tree: HastRoot = {
    type: 'root',
    children: [
      {type: 'doctype'},
      h('html', {lang: 'en-GB'}, [
        h('head', {}, [
          h('meta', {charSet: 'utf-8'}),
          h('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}),
          h('title', {}, [title]),
          h('link', {rel: ['stylesheet'], href: '/assets/preview.css'}),
          h('script', {src: '/assets/preview.js', defer: true}, [])
        ]),
        h('body', {dataHlPage: page, ...(path === undefined ? {} : {dataHlPath: path})}, [
          ...skip,
          h('header', {className: ['hl-bar']}, [
            h('nav', {ariaLabel: 'Preview'}, [
              h('a', {href: '/', className: ['hl-home']}, ['healthlint preview']),
              ...(page === 'index' ? [] : [' › ', h('a', {href: '/'}, ['All articles'])])
            ]),
            h('p', {id: 'hl-status', className: ['hl-live-status'], role: 'status', ariaLive: 'polite'}, [])
          ]),
          h('main', {id: 'hl-main'}, [h('div', {id: 'hl-live'}, content)])
        ])
      ])
    ]
  }
  return toHtml(tree) + '\n'
}

function findElement(tree: HastRoot, tagName: string): Element | undefined {
  const stack: Array<HastRoot | Element> = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    for (const child of node.children) {
      if (child.type !== 'element') continue
      if (child.tagName === tagName) return child
      stack.push(child)
    }
  }
  return undefined
}
