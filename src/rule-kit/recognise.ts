// Reading a label or a sentence the way an editor does: what a heading or lead-in means (a
// red-flags section, a "when to seek review" section, or neither), whether a sentence is a
// disclaimer, a byline or a footer line, and whether an item is a placeholder. The section layer
// (sections.ts) finds the labels; the rules and the build read the verdicts from there.
import {allPhrases, hasPhrase, phraseAt} from './phrases.js'
import {
  defaultActions,
  defaultInformationWords,
  defaultLastReviewedLabels,
  defaultNextReviewLabels,
  defaultNotReplacingPhrases,
  defaultReviewerStatements,
  defaultRoutineServices,
  defaultUpdatedLabels,
  defaultUrgencyWords,
  defaultUrgentHelp,
  defaultUrgentServices,
  defaultUrgentSymptomTerms,
  placeholderItems
} from './vocabulary.js'

export type SectionKind = 'red-flags' | 'seek-review'

/** The heading lists a classification uses: the defaults, extended by the configured ones. */
export interface SectionVocabulary {
  redFlagHeadings: readonly string[]
  seekReviewHeadings: readonly string[]
}

const comparableCache = new Map<string, string>()

/**
 * A label as compared: lower case, one kind of apostrophe, without leading numbering ("5.",
 * "Step 2:", "(a)"), emoji and symbols, and without trailing punctuation or a trailing "if" /
 * "when" ("Call 999 if:" reads as "call 999").
 */
export function comparable(text: string): string {
  let result = comparableCache.get(text)
  if (result === undefined) {
    result = text
      .replace(/\s+/g, ' ')
      .toLowerCase()
      .replace(/[’‘`]/g, "'")
      .replace(/^[^\p{L}\p{N}]+/u, '')
      .replace(/^(?:(?:step|section|part)\s+)?(?:\d+(?:\.\d+)*|[a-z]|[ivx]+)[.):\]]\s+/u, '')
      .replace(/^\d+\s+(?=\p{L})/u, (match) => (/^\d{3}\s/.test(match) ? match : ''))
      .replace(/^[^\p{L}\p{N}]+/u, '')
      .replace(/[^\p{L}\p{N})&]+$/u, '')
      .replace(/\s+(?:if|when|if you|if your child|if you have|if you're|if you are|if you or your child|if they|if your baby)$/u, '')
      .replace(/[^\p{L}\p{N})&]+$/u, '')
      .trim()
    // Labels and configured phrases repeat across articles; bounded for a huge run.
    if (comparableCache.size >= 10_000) comparableCache.clear()
    comparableCache.set(text, result)
  }
  return result
}

/**
 * Whether `label` contains one of `phrases` as whole words ("What are the danger signs?" has
 * "Danger signs"), both compared as `comparable`. One compiled scan per list.
 */
export function labelMatches(label: string, phrases: readonly string[]): boolean {
  const text = comparable(label)
  if (text === '') return false
  let compared = comparedLists.get(phrases)
  if (!compared) comparedLists.set(phrases, (compared = phrases.map(comparable).filter(Boolean)))
  return hasPhrase(text, compared)
}

const comparedLists = new WeakMap<readonly string[], string[]>()

// Urgency that a label cancels: "Non-urgent advice", "not an emergency".
const negatedUrgency = /\b(?:non[-‑ ]?urgent|not\s+(?:an?\s+)?(?:urgent|emergency)|isn't\s+(?:an?\s+)?(?:urgent|emergency)|less\s+urgent)\b/giu

/** What a label or lead-in means: a red-flags section, a seek-review section, or neither. */
export function classifyLabel(label: string, vocabulary: SectionVocabulary): SectionKind | undefined {
  const text = comparable(label)
  if (text === '') return undefined
  const urgent = meansUrgent(text)
  if (urgent) return 'red-flags'
  const negated = negatedUrgency.test(text)
  negatedUrgency.lastIndex = 0
  if (!negated && labelMatches(label, vocabulary.redFlagHeadings)) return 'red-flags'
  if (labelMatches(label, vocabulary.seekReviewHeadings)) return 'seek-review'
  if (/^how\s+(?:to|do|can|we|you)\b/.test(text)) return undefined // "How to book a GP appointment" describes a process
  if (actionBefore(text, defaultRoutineServices)) return 'seek-review'
  return undefined
}

/**
 * Whether a text tells the reader to get urgent help: an action with an urgent service ("call
 * 999", "go to your nearest emergency department"), or with any service or help and an urgency
 * word ("speak to a GP urgently", "get medical help straight away").
 */
export function meansUrgent(text: string): boolean {
  const lower = text.toLowerCase()
  if (actionBefore(lower, defaultUrgentServices) || placeER.test(text)) return true
  const urgency = hasUrgency(lower)
  if (urgency && (actionBefore(lower, defaultRoutineServices) || hasPhrase(lower, defaultUrgentHelp))) return true
  if (hasPhrase(lower, defaultUrgentHelp) && actionBefore(lower, defaultUrgentHelp)) return true
  return false
}

// "Go to the ER": an urgent service, matched in capitals only (not "er", "ER-positive").
const placeER = /\b(?:go|head|get|come)\s+(?:straight\s+)?to\s+(?:the|an|your)\s+(?:nearest\s+|local\s+)?ER\b(?![-‑])/

/**
 * Whether a label also sends the reader to a routine service, once its urgent services are set
 * aside ("See your doctor or visit an urgent care center"): such a label means what its heading means.
 */
export function alsoRoutine(text: string): boolean {
  let rest = text.toLowerCase()
  for (const match of allPhrases(rest, defaultUrgentServices).reverse()) rest = rest.slice(0, match.index) + ' ; ' + rest.slice(match.index + match.text.length)
  return !hasUrgency(rest) && actionBefore(rest, defaultRoutineServices)
}

// A care service named by the page, as leaflets write them: "the Day Surgery Unit", "your
// breast care team", "the fracture clinic", "the labour ward", "our respiratory service".
const namedService = /\b(?:the|your|our)\s+(?:[\p{L}'’&-]+\s+){0,3}?(?:unit|ward|clinic|team|department|centre|center|service|helpline|hub|suite)\b/giu

/** The routine services in `text`: the listed ones, and the care services the page names. */
function routineServicesIn(text: string): Array<{index: number; text: string}> {
  const found = allPhrases(text, defaultRoutineServices)
  for (const match of text.matchAll(namedService)) found.push({index: match.index, text: match[0]})
  return found.sort((a, b) => a.index - b.index)
}

/** Whether `text` has an urgency word that is not negated ("non-urgent" does not count). */
export function hasUrgency(text: string): boolean {
  const cleaned = text.replace(negatedUrgency, ' ')
  return hasPhrase(cleaned, defaultUrgencyWords)
}

/**
 * Whether an action comes before one of `services` in the same clause, a few words apart
 * ("Ask for an urgent GP appointment", "go to your nearest A&E").
 */
export function actionBefore(text: string, services: readonly string[]): boolean {
  const found = services === defaultRoutineServices ? routineServicesIn(text) : allPhrases(text, services)
  if (found.length === 0) return false
  const actions = allPhrases(text, defaultActions)
  for (const service of found) {
    for (const action of actions) {
      if (action.index >= service.index) break
      const between = text.slice(action.index + action.text.length, service.index)
      if (between.length <= 60 && !/[.;!?]/.test(between)) return true
    }
  }
  return false
}

/** Whether a sentence names a concrete urgent service (999, A&E, 111, an urgent appointment…), or one of `extra`. */
export function namesUrgentService(text: string, extra: readonly string[] = defaultUrgentServices): boolean {
  return hasPhrase(text, extra) || /\b(?:the|an|your|nearest|local)\s+ER\b(?![-‑])/.test(text)
}

// How soon, in an instruction: "straight away", "immediately", "day or night". Not "warning
// signs" or "emergency" (which name a kind of section, not a time).
const promptly = /\b(?:urgent(?:ly)?|immediately|straight ?away|right away|at once|without delay|as soon as (?:possible|you can)|(?:at )?any time(?:, | of (?:the )?)?day or night|day or night|24 hours a day|now)\b(?! that\b| and then\b)/i

/**
 * Whether `text` tells the reader to contact a named service promptly, in one clause: an action,
 * a service (the maternity unit, the ward, your midwife, your GP) and how soon ("Phone the
 * maternity unit straight away, day or night, if you have:"). For a red-flags section, that is an
 * action: the page sends the reader to the team that cares for them, as its reviewer decided.
 */
export function urgentContact(text: string): boolean {
  if (!promptly.test(text)) return false
  for (const sentence of text.split(/[.!?\n]+/)) {
    // "This is not urgent: mention it to your midwife now or at your next visit."
    negatedUrgency.lastIndex = 0
    if (negatedUrgency.test(sentence)) continue
    for (const clause of sentence.split(';')) if (promptly.test(clause) && actionBefore(clause.toLowerCase(), defaultRoutineServices)) return true
  }
  negatedUrgency.lastIndex = 0
  return false
}

const conditional = /\b(?:if|when|whenever|unless|until|in case)\b/i

/**
 * Whether a sentence in a section's text makes it a red-flags section by what it says: a
 * condition with an action and an urgent service ("If you do not feel better after 10 puffs,
 * call 999").
 */
export function isUrgentInstruction(sentence: string): boolean {
  return conditional.test(sentence) && actionBefore(sentence.toLowerCase(), defaultUrgentServices)
}

// How a routine review is conditioned: on symptoms that last, worsen or worry the reader.
const routineCondition = /\b(?:symptoms?|improv\w*|better|worse|worsen\w*|persist\w*|lasts?|lasting|longer than|more than|keeps?|keep coming back|return\w*|weeks?|days?|worried|worry|concerned|troubl\w*|pain\w*)\b/i

/**
 * Whether a sentence tells the reader when to have a routine review: a condition about their
 * symptoms, an action and a routine service, and no urgency ("See your GP if your symptoms last
 * more than 3 weeks"; not "If you have questions, speak to your GP").
 */
export function isRoutineInstruction(sentence: string): boolean {
  if (!conditional.test(sentence) || !routineCondition.test(sentence)) return false
  const lower = sentence.toLowerCase()
  return !hasUrgency(lower) && !actionBefore(lower, defaultUrgentServices) && actionBefore(lower, defaultRoutineServices)
}

/** Whether a table row pairs a symptom with an urgent action ("Chest pain | Call 999"). */
export function isUrgentRow(row: string): boolean {
  return actionBefore(row.toLowerCase(), defaultUrgentServices) && namesSymptom(row)
}

/**
 * Whether a sentence names an urgent symptom ("struggling to breathe", "a rash that does not
 * fade"): "if you feel unwell, call 111" is general advice, not a red flag.
 */
export function namesSymptom(sentence: string): boolean {
  return hasPhrase(sentence, defaultUrgentSymptomTerms)
}

/** Traffic-light colours: red means urgent, amber (or yellow) seek review, green self-care. */
export function trafficLightOf(label: string): 'red' | 'amber' | 'green' | undefined {
  const emoji = /^\s*(🔴|🟥|🟠|🟧|🟡|🟨|🟢|🟩)/u.exec(label)?.[1]
  if (emoji) return '🔴🟥'.includes(emoji) ? 'red' : '🟢🟩'.includes(emoji) ? 'green' : 'amber'
  const match = /^(red|amber|yellow|green)(?:\s+(?:zone|light|flag))?(?:$|\s*[-–—:(]|\s+(?:if|when|means|signs|–))/u.exec(comparable(label))
  if (!match) return undefined
  return match[1] === 'red' ? 'red' : match[1] === 'green' ? 'green' : 'amber'
}

// Disclaimers. Compiled once: the phrase lists are the defaults (a configured list extends them).

/**
 * Whether `sentence` (or two adjacent sentences) is a disclaimer: it says what the information
 * is (general, educational, for information, a guide) and that it does not replace professional
 * advice or an assessment.
 */
export function isDisclaimer(sentence: string, informationWords: readonly string[] = defaultInformationWords, notReplacing: readonly string[] = defaultNotReplacingPhrases): boolean {
  // The second half is the rarer: look for it first.
  if (notReplacing === defaultNotReplacingPhrases && !/\bno\b|\bnot\b|n't\b|n’t\b|\bnor\b|cannot/i.test(sentence)) return false
  if (!(hasPhrase(sentence, notReplacing) || /\bnot\b(?:\s+\S+){0,4}?\s+(?:a|an)\s+(?:substitute|replacement|alternative)\s+(?:for|to)\b/i.test(sentence))) return false
  return hasPhrase(sentence.replace(/general practi\w*/gi, ' '), informationWords)
}

// Bylines and footers: lines an editor never reads as a section's content.
const footerStart = /^(?:©|\(c\)|copyright\b|source:|sources:|references?:|back to top\b|print this page\b|share this page\b|image:|photo:|leaflet (?:number|code|ref)|ref(?:erence)?(?: number)?:|version\b|document (?:number|ref)|tel(?:ephone)?\s*[:.]|phone\s*:|e-?mail\s*:|website\s*:|web\s*:|address\s*:|opening hours\b|contact us\b)/i
// A contact line: a UK phone number in a short line ("Day Surgery Unit: 01632 960 330").
const contactLine = /(?<!\d)0\d{2,4}[\s-]?\d{3}[\s-]?\d{3,4}(?!\d)/

/** Whether `line` is a byline, a review or publication date line, or a footer. */
export function isBylineOrFooter(line: string): boolean {
  const text = line.replace(/^[^\p{L}\p{N}©(]+/u, '')
  if (footerStart.test(text)) return true
  if (contactLine.test(text) && text.split(/\s+/).length <= 14) return true
  if (/^(?:written|authored|prepared|produced|edited|compiled)\s+by\b/i.test(text)) return true
  return statementAt(text, defaultReviewerStatements) !== undefined ||
    labelledDateAt(text, defaultLastReviewedLabels) || labelledDateAt(text, defaultNextReviewLabels) || labelledDateAt(text, defaultUpdatedLabels)
}

/**
 * The text after one of `statements` that `line` begins with (any letter case; then a colon, a
 * space or a dash), or undefined. "Reviewed" must not match "Reviewers".
 */
export function statementAt(line: string, statements: readonly string[]): string | undefined {
  const text = line.replace(/^[\s*_>|•·–—-]+/u, '')
  // "Leaflet reviewed by …", "This booklet was last reviewed on …", "Factsheet due for review: …":
  // the document named before the statement, read as the statement itself.
  const match = phraseAt(text, statements) ?? withoutDocument(text, statements)
  if (match === undefined) return undefined
  const rest = text.slice(match.length)
  if (rest !== '' && !/^[\s:–—-]/u.test(rest)) return undefined
  return rest.replace(/^[\s:–—-]+/u, '')
}

// A document named at the start of a line, before what is said about its review or its date.
const documentFirst = /^(?:(?:this|the|our)\s+)?(?:patient\s+)?(?:leaflet|page|web ?page|article|information|content|booklet|brochure|fact ?sheet|guide|document|publication)\s+(?:(?:was|has been|is|will be)\s+)?(?=\p{L})/iu

/** `phraseAt` on `text` without a document named first, as the text of the line says it. */
function withoutDocument(text: string, statements: readonly string[]): string | undefined {
  const document = documentFirst.exec(text)
  if (!document) return undefined
  const match = phraseAt(text.slice(document[0].length), statements)
  return match === undefined ? undefined : document[0] + match
}

function labelledDateAt(line: string, labels: readonly string[]): boolean {
  const rest = statementAt(line, labels)
  return rest !== undefined && /^(?:on\s+)?\d|^(?:on\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.test(rest)
}

const placeholderPattern = /^[\s\-–—.…?!*_]*$/u

/** Whether a section item stands for content still to be written (TBC, TODO, "…", an empty bullet). */
export function isPlaceholder(item: string): boolean {
  const text = item.trim()
  if (placeholderPattern.test(text)) return true
  const bare = text.replace(/[\s:.…!?()[\]*_-]+/g, ' ').trim()
  if (bare === '') return true
  if (/^x{2,}$/i.test(bare)) return true
  return placeholderItems.some((phrase) => {
    const lower = bare.toLowerCase()
    const wanted = phrase.toLowerCase()
    return lower === wanted || (lower.startsWith(wanted + ' ') && (wanted === 'lorem ipsum' || lower.split(' ').length <= 4))
  })
}
