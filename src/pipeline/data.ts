// What each pipeline stage stores on `file.data`. Stages talk to each other only through this.
import type {Root} from 'mdast'
import type {Frontmatter} from './frontmatter.js'
import type {Problem} from './problems.js'
import type {Suppression} from './suppress.js'
import type {SlugIndex} from './slugs.js'
import type {Root as NlcstRoot} from 'nlcst'
import type {ReadabilityScores, ScoredSentence} from './score.js'
import type {StatedReview} from './facts.js'
import type {PreRendered} from '../publish/render.js'

declare module 'vfile' {
  interface DataMap {
    /** True when the bytes decoded to text that later stages may parse. */
    loaded: boolean
    /** Facts found by load and parse, reported by their rules in the check stage. */
    problems: Problem[]
    frontmatter: Frontmatter
    /** The body's Markdown tree, positioned in the original file; absent when parsing was refused. */
    tree: Root
    /** The next review the page itself states ("Next review due: …"; check stage), for review-date. */
    statedNextReview: StatedReview
    /** Today as YYYY-MM-DD, from `--now` or the clock. */
    now: string
    /** Document readability scores (score stage); absent when the body has no prose. */
    readability: ReadabilityScores
    /** The inline suppressions applied by the check stage, each with the messages it removed. */
    suppressions: Suppression[]
    /** SHA-256 of the file's bytes as read (load stage), hex; the bundle's `contentHash`. */
    contentHash: string
    /** Every article's slug in this run (set by `lint`/`build` before checking; see pipeline/slugs.ts). */
    slugs: SlugIndex
    /**
     * The body's prose as natural language (paragraphs, sentences, words; score stage), without
     * code, HTML, images, tables and URLs, positioned in the original file. Absent without prose.
     */
    prose: NlcstRoot
    /** The sentences the scores count (prose without headings), with their counts (score stage). */
    sentences: ScoredSentence[]
    /** The target reading age the `readability` rule checked against (check stage). */
    readabilityTarget: number
    /** Indexes into `sentences` of the sentences the `hard-sentence` rule flagged (check stage). */
    hardSentences: number[]
    /** The page, rendered ahead on a build's worker thread (publish/render.ts); never cached. */
    preRendered: PreRendered
  }
}

export {}
