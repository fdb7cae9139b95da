// Stage 3: score. Computes the article's readability from its prose only.
// (Implemented in issue #4; until then it records nothing and rules that need scores skip.)
import type {VFile} from 'vfile'

/** Document-level readability scores; the names are part of the JSON report contract. */
export interface ReadabilityScores {
  sentences: number
  words: number
  syllables: number
  polysyllables: number
  complexWords: number
  letters: number
  fleschReadingEase: number
  fleschKincaidGrade: number
  smog: number
  gunningFog: number
  colemanLiau: number
  automatedReadabilityIndex: number
  /** UK reading age: US grade + 5. */
  readingAge: number
}

export function scoreArticle(_file: VFile): void {}
