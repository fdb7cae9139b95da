// The safety rules' vocabulary: the one place for each default list. The rules use these as
// their options' defaults (a configured list is added to the defaults, never replaces them), the
// build uses them to extract the bundle's `redFlags` and `seekReview`, and the README's rule
// reference is generated from the same data. Phrases are plain words, matched as whole words in
// any letter case with any whitespace between them (see `phrases.ts`), so clinicians can extend
// them in the config without writing regular expressions.

/**
 * Headings and labels that open a red-flags section on their own, whatever follows. Sections are
 * also recognised by meaning (an action with an urgent service, or urgency words): these are the
 * wordings that carry no action, such as "Red flags" or "Warning signs".
 */
export const defaultRedFlagHeadings: readonly string[] = [
  'Red flags',
  'Red flag',
  'Red flag symptoms',
  'Red-flag symptoms',
  'Red flag signs',
  'Warning signs',
  'Warning symptoms',
  'Danger signs',
  'Alarm symptoms',
  'Alarm signs',
  'Serious symptoms',
  'Emergency symptoms',
  'Urgent advice',
  'Immediate action required',
  'Get urgent medical help',
  'Get help immediately',
  'Emergency help',
  'When to get emergency help',
  'Call 999 or go to A&E if',
  'Ask for an urgent GP appointment if'
]

/** Headings and labels that open a "when to seek review" section on their own. */
export const defaultSeekReviewHeadings: readonly string[] = [
  'When to seek GP review',
  'When to seek review',
  'When to seek medical review',
  'When to see a GP',
  'When to get medical advice',
  'When to seek medical advice',
  'When to get help',
  'When to seek help',
  'When to get medical help',
  'Non-urgent advice',
  'See a GP if'
]

/**
 * Verbs that tell the reader to act, as a heading or lead-in does before a service ("Call 999",
 * "Speak to your GP", "Ask for an urgent GP appointment").
 */
export const defaultActions: readonly string[] = [
  'call', 'phone', 'ring', 'dial', 'telephone', 'go to', 'go straight to', 'get', 'ask for', 'ask', 'seek', 'contact', 'speak to', 'speak with',
  'talk to', 'see', 'book', 'visit', 'attend', 'make an appointment with', 'make an appointment', 'arrange', 'consider', 'request',
  'tell', 'get help from', 'get advice from', 'use', 'need', 'needs'
]

/**
 * Services that mean urgent or emergency help: a section telling the reader to use one is a
 * red-flags section, and a red-flags section must name one (`red-flags-urgent-action`).
 */
export const defaultUrgentServices: readonly string[] = [
  '999', '112', '111', 'NHS 111', 'NHS 24', 'A&E', 'accident and emergency', 'emergency department', 'emergency services', 'ambulance',
  'urgent GP appointment', 'urgent appointment', 'emergency appointment', 'same-day appointment', 'urgent treatment centre',
  'minor injuries unit',
  // Non-UK services still mean urgency; uk-emergency-services reports their wording.
  '911', 'emergency room', 'urgent care center', 'poison control'
]

/**
 * Help that is urgent but names no service ("Get urgent medical help"): enough to make a heading
 * a red-flags section, not enough to tell the reader what to do.
 */
export const defaultUrgentHelp: readonly string[] = [
  'emergency medical help', 'emergency help', 'urgent medical help', 'urgent medical advice', 'urgent medical attention',
  'emergency medical attention', 'emergency medical care', 'emergency care', 'emergency treatment', 'urgent help', 'urgent care',
  'immediate medical help', 'immediate medical attention', 'immediate help', 'medical help immediately', 'help immediately', 'help now',
  'help straight away', 'help right away', 'help urgently'
]

/**
 * Services for a routine review: a section telling the reader to use one (without urgency words)
 * is a "when to seek review" section.
 */
export const defaultRoutineServices: readonly string[] = [
  'GP', 'GPs', 'GP surgery', 'GP practice', 'doctor', 'doctors', 'family doctor', 'pharmacist', 'pharmacy', 'nurse', 'practice nurse',
  'specialist nurse', 'midwife', 'midwives', 'maternity unit', 'health visitor', 'dentist', 'optician', 'optometrist', 'physiotherapist',
  'podiatrist', 'out-of-hours service', 'out-of-hours GP', 'GP out-of-hours', 'clinician', 'healthcare professional', 'health professional', 'health care professional', 'healthcare provider',
  'health care provider', 'provider', 'care team', 'specialist team', 'medical team', 'consultant', 'specialist', 'the ward', 'the clinic',
  'the unit', 'the practice', 'the surgery', 'medical advice', 'medical help', 'medical attention', 'professional advice', 'professional help',
  'a review', 'medical review', 'GP appointment', 'appointment'
]

/**
 * Words that make a heading or lead-in urgent ("Speak to a GP urgently if", "Get medical help
 * straight away"). "Non-urgent" and "not an emergency" cancel them.
 */
export const defaultUrgencyWords: readonly string[] = [
  'urgent', 'urgently', 'immediate', 'immediately', 'straight away', 'straightaway', 'right away', 'at once', 'now', 'emergency',
  'emergencies', 'same day', 'same-day', 'as soon as possible', 'without delay', 'red flag', 'red flags', 'warning signs', 'warning sign',
  'danger signs', 'alarm symptoms', 'serious symptoms', 'life-threatening'
]

/**
 * Words that mark a listed item as an urgent symptom, for spotting a list of urgent symptoms that
 * has no heading saying so. Detection only: the rule never adds these to an article.
 */
export const defaultUrgentSymptomTerms: readonly string[] = [
  // Breathing
  'difficulty breathing', 'difficulty in breathing', 'breathing difficulties', 'trouble breathing', 'hard to breathe',
  'struggling to breathe', 'cannot breathe', "can't breathe", 'short of breath', 'shortness of breath', 'breathless', 'breathlessness',
  'not breathing', 'stopped breathing', 'choking', 'grunting', 'wheezing', 'rapid breathing', 'breathing fast', 'pauses in breathing',
  'sucking in', 'blue lips', 'blue tongue', 'blue skin', 'turning blue', 'grey lips', 'pale or grey', 'blotchy', 'mottled',
  // Heart and circulation
  'chest pain', 'chest tightness', 'tight chest', 'crushing', 'pressure in the chest', 'heart attack', 'palpitations', 'racing heart',
  'cold hands', 'cold feet',
  // Consciousness, the brain and stroke
  'unconscious', 'unresponsive', 'collapse', 'collapsed', 'collapses', 'faint', 'fainted', 'fainting', 'passed out', 'passing out',
  'drowsy', 'drowsiness', 'difficult to wake', 'hard to wake', 'will not wake', "won't wake", 'confusion', 'confused', 'disorientated',
  'fit', 'fits', 'seizure', 'seizures', 'convulsion', 'convulsions', 'fitting', 'floppy', 'limp', 'stiff neck', 'neck stiffness',
  'slurred speech', 'difficulty speaking', 'face drooping', 'drooping', 'one side of the face', 'weakness', 'paralysis',
  'numbness', 'numb', 'loss of vision', 'vision loss', 'sudden loss', 'double vision', 'worst headache', 'severe headache',
  'thunderclap', 'stroke', 'sensitive to light', 'dislike of bright lights',
  // Bleeding, vomiting and infection
  'bleeding', 'blood', 'bleeding that will not stop', "won't stop bleeding", 'vomiting blood', 'coughing up blood', 'black poo',
  'black stools', 'tarry', 'repeated vomiting', 'keeps vomiting', 'cannot stop vomiting', 'green vomit', 'bile', 'dehydrated', 'dehydration',
  'no wee', 'not weeing', 'not passed urine', 'high temperature', 'fever', 'very hot', 'very cold', 'shivering', 'sepsis', 'meningitis',
  'rash that does not fade', "rash that doesn't fade", 'does not fade', "doesn't fade", 'glass test',
  // Babies and children
  'not feeding', 'not eating', 'not drinking', 'refusing feeds', 'feeding less', 'high-pitched cry', 'weak cry', 'bulging fontanelle',
  'soft spot', 'under 3 months', 'under 3 months old', 'not responding', 'not themselves', 'irritable',
  // Other
  'sudden', 'suddenly', 'severe', 'severely', 'trauma', 'head injury', 'swelling of the face', 'swollen lips', 'swollen tongue', 'swollen throat',
  'anaphylaxis', 'allergic reaction', 'loss of bladder or bowel control', 'bladder', 'bowel', 'unexplained weight loss', 'weight loss',
  'suicidal', 'thoughts of suicide', 'harming yourself', 'self-harm', 'overdose', 'poisoning', 'swallowed', 'burns', 'severe pain'
]

/** The lists that give a label its meaning, as the rule reference lists them. */
export const meaningVocabulary = {
  actions: {description: 'verbs before a service that make a label an instruction', words: defaultActions},
  'urgent services': {description: 'an action with one of these makes a red-flags section', words: defaultUrgentServices},
  'urgent help': {description: 'with an action, or an urgency word, these make a red-flags section', words: defaultUrgentHelp},
  'urgency words': {description: 'with an action and any service these make a red-flags section; "non-urgent" cancels them', words: defaultUrgencyWords},
  'routine services': {description: 'an action with one of these, and no urgency, makes a seek-review section', words: defaultRoutineServices}
} as const

/** Headings and lead-ins the missing-section messages suggest: the wordings NHS pages use. */
export const suggestedRedFlagHeadings: readonly string[] = ['Call 999 or go to A&E if', 'Ask for an urgent GP appointment or call 111 if', 'Red flag symptoms']
export const suggestedSeekReviewHeadings: readonly string[] = ['See a GP if', 'Non-urgent advice: See a GP if', 'When to seek GP review']

/**
 * What a disclaimer says the information is (it must also say that it does not replace
 * professional advice; see `defaultNotReplacingPhrases`).
 */
export const defaultInformationWords: readonly string[] = [
  'general information', 'general advice', 'general guidance', 'general guide', 'general', 'educational', 'education', 'for information',
  'information only', 'informational', 'for your information', 'a guide', 'guidance', 'guide only', 'to inform', 'background reading',
  'background information'
]

/**
 * How a disclaimer says that the information does not replace professional advice or an
 * assessment. Matched as phrases; "not … a substitute for" allows a few words between.
 */
export const defaultNotReplacingPhrases: readonly string[] = [
  'not a substitute for', 'no substitute for', 'not a replacement for', 'not an alternative to', 'not intended to be a substitute for',
  'does not replace', "doesn't replace", 'do not replace', "don't replace", 'should not replace', "shouldn't replace", 'cannot replace',
  "can't replace", 'can not replace', 'will not replace', 'is not intended to replace', 'not intended to replace', 'not meant to replace',
  'not designed to replace', 'cannot take the place of', "can't take the place of", 'does not take the place of', 'not taking the place of',
  'nor taking place of', 'not taking place of', 'should not be used instead of', 'should not be used as a substitute for',
  'should not be used in place of', 'not instead of', 'not intended as medical advice', 'not medical advice', 'not intended as advice',
  'not professional advice', 'does not constitute medical advice', 'not intended to diagnose', 'not diagnostic', 'not a diagnosis',
  'cannot diagnose', 'is not a diagnosis'
]

/** How a line naming the article's reviewer begins. */
export const defaultReviewerStatements: readonly string[] = [
  'Last reviewed by', 'Reviewed by', 'Clinically reviewed by', 'Medically reviewed by', 'Peer reviewed by', 'Peer-reviewed by',
  'Page reviewed by', 'Content reviewed by', 'This page was reviewed by', 'This article was reviewed by', 'This leaflet was reviewed by',
  'This information was reviewed by', 'This page has been reviewed by', 'This article has been reviewed by', 'This leaflet has been reviewed by',
  'This information has been reviewed by', 'Reviewed and updated by', 'Medical reviewer', 'Clinical reviewer', 'Reviewer', 'Reviewed and approved by', 'Approved by'
]

/** Labels of the date of the last clinical review (compared with `lastReviewed`). */
export const defaultLastReviewedLabels: readonly string[] = [
  'Last reviewed', 'Page last reviewed', 'Last reviewed on', 'Reviewed on', 'Reviewed', 'Date reviewed', 'Date last reviewed',
  'Last clinical review', 'Clinically reviewed', 'Last review', 'Last review date', 'Date of last review'
]

/** Labels of the date the next review is due (compared with `nextReview`, or the computed due date). */
export const defaultNextReviewLabels: readonly string[] = [
  'Next review due', 'Next review', 'Next review date', 'Review due', 'Review date', 'Due for review', 'Date of next review',
  'Date for review', 'To be reviewed by', 'Review by'
]

/** Labels of editorial dates, which say nothing about the clinical review and are not compared. */
export const defaultUpdatedLabels: readonly string[] = [
  'Updated', 'Last updated', 'Page updated', 'Published', 'First published', 'Date published', 'Publication date', 'Date of publication',
  'Leaflet produced', 'Produced', 'Last edited', 'Last modified', 'Created'
]

/** Title words left out when comparing a reviewer's name. */
export const nameTitles: readonly string[] = ['dr', 'doctor', 'prof', 'professor', 'mr', 'mrs', 'ms', 'miss', 'mx', 'sir', 'dame', 'nurse', 'sister']

/** Items that stand for content still to be written. */
export const placeholderItems: readonly string[] = ['TBC', 'TBD', 'TBA', 'TODO', 'TO DO', 'FIXME', 'XXX', 'lorem ipsum', 'to be confirmed', 'to be added', 'to be written', 'coming soon', 'insert', 'placeholder text']

/**
 * Emergency and urgent services by country, for `uk-emergency-services`: each role's wording in
 * each country, and the wordings of other countries to report. `pattern` is a regular expression
 * source when plain words are not enough (a number, or "ER" as a place).
 */
export type ServiceRole = 'emergency number' | 'emergency department' | 'urgent care' | 'urgent advice' | 'poisons advice' | 'ambulance service'

export interface ServiceTerm {
  /** As the message quotes it. */
  name: string
  role: ServiceRole
  /** Countries (ISO 3166 codes) whose patients would recognise it. */
  countries: readonly string[]
  /** A regular expression source, matched case-sensitively unless `ignoreCase`. */
  pattern: string
  /** Plain words (a regular expression of literals) that every match contains: a quick look first. */
  hint: string
  ignoreCase?: boolean
}

export const serviceTerms: readonly ServiceTerm[] = [
  {name: '911', hint: '911', role: 'emergency number', countries: ['US', 'CA'], pattern: '(?<![\\d/.,:£$€-]|\\d )911(?![\\d/]|[.,]\\d| \\d)'},
  {name: '000', hint: '000', role: 'emergency number', countries: ['AU'], pattern: '\\b(?:[Cc]all|[Dd]ial|[Pp]hone|[Rr]ing)\\s+(?:[Tt]riple [Zz]ero\\s*\\()?000\\b'},
  {name: 'emergency room', hint: '[Ee]mergency [Rr]oom|EMERGENCY ROOM', role: 'emergency department', countries: ['US', 'CA'], pattern: '\\bemergency rooms?\\b', ignoreCase: true},
  // "the ER" as a place: not "ER-positive", "ERCP" or "ER stress".
  {name: 'the ER', hint: 'ER', role: 'emergency department', countries: ['US', 'CA'], pattern: '\\b(?:the|an|nearest|local|closest|nearby|to|in|at)\\s+ER\\b(?![-–‑]|\\s+(?:stress|status|positive|negative|receptors?|\\+))'},
  {name: 'urgent care center', hint: '[Uu]rgent|URGENT', role: 'urgent care', countries: ['US', 'CA'], pattern: '\\burgent[ -]care\\s+(?:center|centre|clinic|facility)s?\\b', ignoreCase: true},
  {name: 'urgent care', hint: '[Uu]rgent|URGENT', role: 'urgent care', countries: ['US', 'CA'], pattern: '\\b(?:[Gg]o|[Hh]ead)\\s+(?:straight\\s+)?to\\s+(?:an?\\s+|the\\s+|your\\s+)?(?:nearest\\s+|local\\s+)?urgent[ -]care\\b(?!\\s+(?:cent(?:er|re)|clinic|facility|services?|team))'},
  {name: '9-1-1', hint: '9-1-1', role: 'emergency number', countries: ['US', 'CA'], pattern: '(?<![\\d-])9-1-1(?![\\d-])'},
  {name: 'poison control', hint: '[Pp]oison|POISON', role: 'poisons advice', countries: ['US'], pattern: '\\bpoison control(?:\\s+cent(?:er|re))?\\b', ignoreCase: true},
  {name: 'EMS', hint: 'EMS|[Ee]mergency [Mm]edical', role: 'ambulance service', countries: ['US', 'CA'], pattern: '\\b(?:EMS|emergency medical services)\\b'},
  {name: '999', hint: '999', role: 'emergency number', countries: ['GB', 'IE'], pattern: '(?<![\\d/.,:£$€-]|\\d )999(?![\\d/]|[.,]\\d| \\d)'},
  {name: 'A&E', hint: 'A&E|a&e|[Aa] and [Ee]|[Aa]ccident|ACCIDENT', role: 'emergency department', countries: ['GB', 'IE'], pattern: '\\b(?:A&E|A and E|accident and emergency)\\b', ignoreCase: true},
  {name: 'NHS 111', hint: 'NHS 111', role: 'urgent advice', countries: ['GB'], pattern: '\\bNHS 111\\b'},
  {name: 'urgent treatment centre', hint: '[Uu]rgent|URGENT', role: 'urgent care', countries: ['GB'], pattern: '\\burgent treatment cent(?:re|er)s?\\b', ignoreCase: true}
]

/** What to write instead, by country and role. */
export const serviceEquivalents: Readonly<Record<string, Partial<Record<ServiceRole, string>>>> = {
  GB: {'emergency number': '999', 'emergency department': 'A&E', 'urgent care': 'an urgent treatment centre', 'urgent advice': 'NHS 111', 'poisons advice': 'NHS 111 (or 999 in an emergency)', 'ambulance service': '999 for an ambulance'},
  IE: {'emergency number': '999 or 112', 'emergency department': 'the emergency department', 'urgent care': 'your GP out-of-hours service', 'urgent advice': 'your GP or GP out-of-hours service', 'poisons advice': 'the Poisons Information Centre', 'ambulance service': '999 or 112 for an ambulance'},
  US: {'emergency number': '911', 'emergency department': 'the emergency room', 'urgent care': 'an urgent care center', 'urgent advice': 'your doctor', 'poisons advice': 'Poison Control', 'ambulance service': '911'},
  CA: {'emergency number': '911', 'emergency department': 'the emergency department', 'urgent care': 'an urgent care centre', 'urgent advice': 'your provincial health line', 'poisons advice': 'your poison centre', 'ambulance service': '911'},
  AU: {'emergency number': '000', 'emergency department': 'the emergency department', 'urgent care': 'an urgent care clinic', 'urgent advice': 'healthdirect', 'poisons advice': 'the Poisons Information Centre', 'ambulance service': '000 for an ambulance'}
}
