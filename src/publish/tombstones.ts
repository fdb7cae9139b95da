// Tombstones: what a bundle no longer publishes, and why, so a site can say "this page is being
// reviewed" or redirect instead of answering 404. Worked out from this build's outcomes and the
// previous bundle's index.json and manifest.json; pure, so the same inputs give the same list.
import type {PreviousBundle} from './manifest.js'

export type TombstoneReason = 'review-overdue' | 'errors' | 'removed' | 'renamed-to'

export interface Tombstone {
  slug: string
  reason: TombstoneReason
  /** With `renamed-to`: the slug the article is published under now. */
  to?: string
  /** The build date from which the slug has been in this state (kept from build to build). */
  since: string
}

/** A hub: a category of the config, or one an article names. */
export interface BundleCategory {
  slug: string
  name: string | null
  description: string | null
  /** Articles published in it. */
  articles: number
  /** Its index, relative to the bundle's root. */
  file: string
}

export interface BuildOutcomes {
  /** Published now: slug → the article's source path and its `redirectFrom` slugs. */
  published: ReadonlyMap<string, {source: string; redirectFrom: readonly string[]}>
  /** Withheld now (not drafts): slug → why. */
  withheld: ReadonlyMap<string, 'review-overdue' | 'errors'>
}

const bySlug = (a: {slug: string}, b: {slug: string}) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)

/**
 * The tombstones of this build: every slug withheld now; every old slug of a published article
 * (its `redirectFrom`, or the slug its source file had in the previous bundle) as `renamed-to`;
 * every slug the previous bundle published or listed and this one does not, as `removed`. A
 * slug published now is never a tombstone. `since` is carried over while the reason stays the
 * same, else it is `now`.
 */
export function tombstonesOf(outcomes: BuildOutcomes, previous: PreviousBundle | undefined, now: string): Tombstone[] {
  const found = new Map<string, Omit<Tombstone, 'since'>>()
  const add = (tombstone: Omit<Tombstone, 'since'>) => {
    if (!outcomes.published.has(tombstone.slug) && !found.has(tombstone.slug)) found.set(tombstone.slug, tombstone)
  }
  for (const [slug, reason] of outcomes.withheld) add({slug, reason})
  const sources = new Map([...outcomes.published].map(([slug, {source}]) => [source, slug]))
  for (const [slug, {redirectFrom}] of [...outcomes.published].sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const old of redirectFrom) add({slug: old, reason: 'renamed-to', to: slug})
  }
  for (const article of previous?.manifest?.articles ?? []) {
    const now = sources.get(article.source)
    if (now !== undefined && now !== article.slug) add({slug: article.slug, reason: 'renamed-to', to: now})
  }
  for (const entry of previous?.index?.articles ?? []) add({slug: entry.slug, reason: 'removed'})
  for (const tombstone of previous?.index?.tombstones ?? []) {
    // A rename is remembered for good; anything else no longer withheld is gone.
    if (tombstone.reason === 'renamed-to' && typeof tombstone.to === 'string' && outcomes.published.has(tombstone.to)) add({slug: tombstone.slug, reason: 'renamed-to', to: tombstone.to})
    else add({slug: tombstone.slug, reason: 'removed'})
  }
  const before = new Map((previous?.index?.tombstones ?? []).map((tombstone) => [tombstone.slug, tombstone]))
  return [...found.values()].map((tombstone) => {
    const old = before.get(tombstone.slug)
    const same = old !== undefined && old.reason === tombstone.reason && old.to === tombstone.to && typeof old.since === 'string'
    return {...tombstone, since: same ? old.since : now}
  }).sort(bySlug)
}
