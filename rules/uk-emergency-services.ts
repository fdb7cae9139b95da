// uk-emergency-services: the article sends readers to the emergency and urgent services of the
// country it is written for: in the UK, 999, A&E, NHS 111 and urgent treatment centres, not
// "911", "the emergency room", "the ER" or an "urgent care center".
//
// Why: a patient in an emergency does what the page says. Advice copied from a US source ("Call
// 911", "go to the emergency room") gives a UK reader a number that does not work here, or a
// service with another name, at the moment it matters most. "ER" counts only as a place ("go to
// the ER"), never in "ER-positive" or "ERCP". Turn it off: never for UK content; for a team
// writing for another country, set `country` instead (GB, IE, US, CA or AU).
import type {Root, Text} from 'mdast'
import {location} from 'vfile-location'
import {visit} from '../src/rule-kit/visit.js'
import {defineRule} from '../src/rule-kit/rule.js'
import {quote} from '../src/rule-kit/phrases.js'
import {serviceEquivalents, serviceTerms} from '../src/rule-kit/vocabulary.js'
import type {ServiceTerm} from '../src/rule-kit/vocabulary.js'

type Options = {
  country: string
  allow: string[]
}

const header = '# Nosebleeds\n\nPlaceholder paragraph.\n\n'
const countryNames: Record<string, string> = {GB: 'the UK', IE: 'Ireland', US: 'the US', CA: 'Canada', AU: 'Australia'}
const compiled = new Map<ServiceTerm, RegExp>()

export default defineRule<Options>({
  id: 'uk-emergency-services',
  description: 'The article names the emergency and urgent services of the country it is written for (in the UK: 999, A&E, NHS 111, urgent treatment centres), not another country\'s, such as "911" or "the emergency room".',
  rationale: 'In an emergency a patient does what the page says; a number or service from another country\'s advice does not work, or is not recognised, where they are.',
  severity: 'error',
  requires: 'tree',
  safety: true,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      country: {type: 'string', enum: Object.keys(serviceEquivalents), description: 'The country the articles are written for (ISO 3166 code): services that country does not have are reported, with its equivalent.'},
      allow: {type: 'array', items: {type: 'string', enum: serviceTerms.map((term) => term.name)}, description: 'Service names not to report, for a page that names another country\'s services on purpose (such as advice for travellers).'}
    }
  },
  defaults: {country: 'GB', allow: []},
  vocabulary: {
    services: {description: 'each with the countries that have it; the others are reported', words: serviceTerms.map((term) => `${term.name} (${term.countries.join(', ')})`)},
    'UK equivalents': {description: 'what the messages suggest for GB', words: Object.entries(serviceEquivalents.GB!).map(([role, name]) => `${role}: ${name}`)}
  },
  examples: {
    valid: [
      {name: 'UK services', input: header + 'Call 999 or go to A&E if the bleeding does not stop. For other advice, call NHS 111 or visit an urgent treatment centre.\n'},
      {name: 'ER as a test result or a procedure, and 911 inside other numbers', input: header + 'Placeholder results: ER-positive breast cancer; an ERCP; reference 19115; 0800 911 2222.\n'},
      {name: 'a US article with the country set', input: header + 'Call 911 or go to the emergency room.\n', options: {country: 'US'}},
      {name: 'an allowed name', input: header + 'If you are travelling in the United States, the emergency number is 911.\n', options: {allow: ['911']}}
    ],
    invalid: [
      {
        name: 'US emergency advice in a UK article',
        input: header + 'Call 911 or go to the emergency room if the bleeding does not stop.\n',
        messages: [
          '5:6: "911" is not an emergency service in the UK: write 999 instead, as agreed with the clinical reviewer.',
          '5:23: "emergency room" is not an emergency service in the UK: write A&E instead, as agreed with the clinical reviewer.'
        ]
      },
      {
        name: 'the ER as a place, and an urgent care center',
        input: header + 'Go to the ER or an urgent care center.\n',
        messages: [
          '5:7: "the ER" is not an emergency service in the UK: write A&E instead, as agreed with the clinical reviewer.',
          '5:20: "urgent care center" is not an emergency service in the UK: write an urgent treatment centre instead, as agreed with the clinical reviewer.'
        ]
      },
      {
        name: 'UK services in an article for the US',
        input: header + 'Call 999 or go to A&E.\n',
        options: {country: 'US'},
        messages: [
          '5:6: "999" is not an emergency service in the US: write 911 instead, as agreed with the clinical reviewer.',
          '5:19: "A&E" is not an emergency service in the US: write the emergency room instead, as agreed with the clinical reviewer.'
        ]
      }
    ]
  },
  check(context) {
    const {tree, file, options} = context
    const country = options.country in serviceEquivalents ? options.country : 'GB'
    const terms = serviceTerms.filter((term) => !term.countries.includes(country) && !options.allow.includes(term.name))
    if (terms.length === 0) return
    const source = String(file.value)
    const quick = quickPatternOf(terms)
    let place: ReturnType<typeof location> | undefined
    visit(tree as Root, 'text', (node: Text) => {
      if (!quick.test(node.value)) return
      for (const term of terms) {
        const pattern = patternOf(term)
        pattern.lastIndex = 0
        for (let match = pattern.exec(node.value); match; match = pattern.exec(node.value)) {
          const written = /\bER\b/.test(match[0]) && term.name === 'the ER' ? match[0].replace(/^(?:to|in|at)\s+/i, '') : match[0]
          const offset = node.position?.start.offset
          const end = node.position?.end.offset
          // Point at the words when the text is as written in the file (no escapes or entities).
          const exact = offset !== undefined && end !== undefined && source.slice(offset, end) === node.value
          place ??= location(file)
          const at = exact ? place.toPoint(offset + match.index + (match[0].length - written.length)) : undefined
          const instead = serviceEquivalents[country]![term.role] ?? 'the local service'
          context.report(
            `${quote(written)} is not an emergency service in ${countryNames[country] ?? country}: write ${instead} instead, as agreed with the clinical reviewer.`,
            at ?? node,
            {actual: written, expected: [instead]}
          )
        }
      }
    })
  }
})

const quickPatterns = new Map<string, RegExp>()

/** One pattern of plain words for all of `terms`: most text nodes name no service at all. */
function quickPatternOf(terms: readonly ServiceTerm[]): RegExp {
  const key = terms.map((term) => term.name).join('\n')
  let pattern = quickPatterns.get(key)
  if (!pattern) {
    pattern = new RegExp(terms.map((term) => term.hint).join('|'))
    quickPatterns.set(key, pattern)
  }
  return pattern
}

function patternOf(term: ServiceTerm): RegExp {
  let pattern = compiled.get(term)
  if (!pattern) {
    pattern = new RegExp(term.pattern, term.ignoreCase ? 'giu' : 'gu')
    compiled.set(term, pattern)
  }
  return pattern
}
