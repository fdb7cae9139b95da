// What a site needs of an article beyond its body: its language, its address (canonical URL
// when the config gives `site.baseUrl`), its hub's display name, its sources, the translations
// it is linked with, and the parts of the standalone page that carry them (head links, the
// references list, the overdue notice, one footer). Pure functions of the article's metadata and
// the configuration; every value reaches the page as hast text or attributes, which
// hast-util-to-html escapes.
import type {Element} from 'hast'
import {h} from 'hastscript'
import type {SiteSettings} from '../config/config.js'

export interface Source {
  title: string
  url: string
}

export interface Translation {
  /** BCP 47 tag, as the article declares it. */
  lang: string
  slug: string
}

/** What the build knows of an article from the rest of the run and the previous bundle. */
export interface PublishContext {
  /** The date the build first published the current content (see manifest.ts). */
  dateModified: string
  /** The date the build first published the article at all. */
  datePublished: string
  /** Published under `publish.overdue: flag` although its review is overdue. */
  reviewOverdue: boolean
  /** The other language versions, sorted by slug (this article not included). */
  translations: Translation[]
}

/** The bundle's stylesheet: relative to a page in `articles/`. */
export const stylesheetPath = 'assets/healthlint.css'

/** The page's address, relative to the bundle's root. */
export function pagePath(slug: string): string {
  return `articles/${slug}.html`
}

/** The canonical URL of a bundle path, or null without `site.baseUrl`. */
export function urlOf(site: SiteSettings, path: string): string | null {
  return site.baseUrl === undefined ? null : site.baseUrl + path
}

/** The hub's display name from the config, or null when the config declares none for it. */
export function categoryNameOf(site: SiteSettings, category: string): string | null {
  return Object.hasOwn(site.categories, category) ? site.categories[category]!.name : null
}

/** The article's language: its `lang`, else the site's (en-GB by default). */
export function langOf(data: Record<string, unknown>, site: SiteSettings): string {
  return typeof data.lang === 'string' ? data.lang : site.lang
}

/** Whether a language tag is English (`en`, `en-GB`, …). */
export function isEnglish(lang: string): boolean {
  return /^en(-|$)/i.test(lang)
}

/**
 * `<link>` elements for the page's head: the stylesheet (`site.stylesheet`, or the bundle's own),
 * the canonical address, and one `hreflang` alternate per language version, this one included
 * (what search engines expect of hreflang).
 */
export function headLinks(stylesheet: string | undefined, canonical: string | null, lang: string, slug: string, translations: ReadonlyArray<Translation & {url?: string | null}>): Element[] {
  const links: Element[] = [h('link', {rel: ['stylesheet'], href: stylesheet ?? `../${stylesheetPath}`})]
  if (canonical !== null) links.push(h('link', {rel: ['canonical'], href: canonical}))
  if (translations.length > 0) {
    const self = {lang, slug, url: canonical}
    const versions = [self, ...translations].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
    for (const version of versions) links.push(h('link', {rel: ['alternate'], hrefLang: version.lang, href: version.url ?? `${version.slug}.html`}))
  }
  return links
}

/** Links to the other language versions, shown at the top of the article. */
export function translationLinks(translations: readonly Translation[]): Element | undefined {
  if (translations.length === 0) return undefined
  const items = translations.map((translation) => h('li', {}, [h('a', {href: `${translation.slug}.html`, hrefLang: translation.lang, lang: translation.lang}, [languageName(translation.lang)])]))
  return h('nav', {className: ['translations'], ariaLabel: 'Other languages'}, [h('ul', {}, items)])
}

/** The language's name in that language, for the links between translations. */
function languageName(lang: string): string {
  try {
    const name = new Intl.DisplayNames([lang], {type: 'language'}).of(lang)
    if (name) return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1)
  } catch {
    // An unknown tag: show the tag itself.
  }
  return lang
}

/** The references list: the evidence the article is based on, as the frontmatter gives it. */
export function sourcesSection(sources: readonly Source[]): Element | undefined {
  if (sources.length === 0) return undefined
  // No id: every id on a page is the body's, prefixed `user-content-` (see the sanitiser).
  return h('section', {className: ['sources'], ariaLabel: 'Sources'}, [
    h('h2', {}, ['Sources']),
    h('ul', {}, sources.map((source) => h('li', {}, [h('a', {href: source.url}, [source.title])])))
  ])
}

/** The notice on a page published although its clinical review is overdue (`publish.overdue: flag`). */
export function overdueNotice(nextReviewDue: string, formatDate: (date: string) => string): Element {
  return h('div', {className: ['review-overdue'], role: 'note'}, [
    h('p', {}, [
      h('strong', {}, ['This page is overdue for clinical review.']),
      ` Its review was due on ${formatDate(nextReviewDue)}, so some of the information may be out of date.`
    ])
  ])
}
