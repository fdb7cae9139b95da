// The label that came nearest to opening a safety section, for the message that says one is
// missing: a heading such as "Symptoms to worry about" or "Getting help" uses some of the words
// of a red-flags or seek-review wording, so the editor can see which heading to reword.
import type {Root} from 'mdast'
import {classifiedSectionsOf} from './sections.js'
import type {ClassifiedSection, SectionKind, SectionVocabulary} from './sections.js'
import {allPhrases} from './phrases.js'
import {defaultActions, defaultRoutineServices, defaultUrgencyWords, defaultUrgentHelp, defaultUrgentServices} from './vocabulary.js'

// Words that are evidence of a safety section without making one.
const hints: Record<SectionKind, readonly string[]> = {
  'red-flags': ['symptom', 'symptoms', 'sign', 'signs', 'worry', 'worried', 'worrying', 'serious', 'danger', 'dangerous', 'warning', 'help', 'emergency', 'urgent', 'when', 'red', 'flag', 'flags', 'alarm', 'concern', 'concerned'],
  'seek-review': ['when', 'help', 'advice', 'review', 'worse', 'better', 'appointment', 'contact', 'worry', 'worried', 'concern', 'concerned', 'support', 'treatment', 'seeing']
}
const evidence: Record<SectionKind, ReadonlyArray<readonly string[]>> = {
  'red-flags': [defaultUrgencyWords, defaultUrgentServices, defaultUrgentHelp, hints['red-flags']],
  'seek-review': [defaultRoutineServices, defaultActions, hints['seek-review']]
}

/** The unclassified label with the most evidence of `kind` (at least two words of it), or undefined. */
export function nearestLabel(tree: Root, vocabulary: SectionVocabulary, kind: SectionKind): ClassifiedSection | undefined {
  let best: ClassifiedSection | undefined
  let bestScore = 1
  for (const entry of classifiedSectionsOf(tree, vocabulary)) {
    if (entry.kind !== undefined || entry.section.form === 'intro' || entry.section.title.length > 120) continue
    const words = new Set<string>()
    for (const list of evidence[kind]) for (const match of allPhrases(entry.section.title, list)) words.add(match.text.toLowerCase())
    if (words.size > bestScore) {
      best = entry
      bestScore = words.size
    }
  }
  return best
}
