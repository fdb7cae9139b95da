// address-the-reader: advice speaks to the reader as "you" and says who does what: "you
// should", not "patients should" or "the patient"; "take the tablets with food", not "the
// tablets should be taken with food".
//
// Why: the NHS service manual content style guide and the GOV.UK style guide ask writers to
// address the user as "you" and to use the active voice: a reader who meets "the patient"
// wonders whether the advice is about them, and a passive instruction ("must be stored in the
// fridge") hides who has to act. This is a suggestion, not a defect: there are good reasons
// for either now and then, so each check is an option (`thirdPerson`, `passive`), and the rule
// is the first to turn off per project. Passive voice is opt-in (`passive: true`): on the MedQuAD
// corpus about half of "should be …" matches described things rather than told the reader what to
// do ("these proteins must be turned on"). Passive voice is reported only in instructions — a
// modal verb with "be" and a past participle ("should be taken", "needs to be kept") — and not
// when the reader is the subject ("you should be seen within 2 weeks" is how the NHS writes).
import {defineRule} from '../src/rule-kit/rule.js'
import type {RuleContext} from '../src/rule-kit/rule.js'
import {isInside, matchesOf, quotedStretches, reportSpan, textBlocks} from '../src/rule-kit/text-blocks.js'

export interface AddressTheReaderOptions extends Record<string, unknown> {
  thirdPerson: boolean
  passive: boolean
}

const thirdPerson = /(?<![\p{L}\p{N}])(?:(?:the|a|all|most|many|some)\s+)?(?:patients?|sufferers?)(?:\s+(?:should|must|need to|needs to|may|might|can|could|will|are advised to|is advised to|have to|has to|ought to))(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])the\s+patient(?:['’]s)?(?![\p{L}\p{N}])/giu
const irregular = 'taken|given|worn|kept|done|seen|eaten|drunk|held|left|put|read|sent|shown|told|brought|bought|made|found|set|shut|spent|thrown|understood|written|hidden|known|drawn|stuck|begun|chosen|forgotten|frozen|shaken|spoken|woken|broken|driven|ridden|bitten|cut|spread|split|swallowed'
const passive = new RegExp(`(?<![\\p{L}\\p{N}])(\\p{L}+['’]?\\p{L}*)\\s+(?:should|must|needs? to|has to|have to|is to|are to|ought to|will need to)\\s+(?:not\\s+|never\\s+|always\\s+)?be\\s+(?:\\p{L}+ed|${irregular})(?![\\p{L}\\p{N}])`, 'giu')
const header = '---\ntitle: Placeholder\n---\n\n'

export default defineRule<AddressTheReaderOptions>({
  id: 'address-the-reader',
  description: 'Advice addresses the reader as "you" (not "patients should", "the patient") and gives instructions in the active voice (not "the tablets should be taken").',
  rationale: 'The NHS service manual content style guide and the GOV.UK style guide ask writers to address the user as "you" and use the active voice: "the patient" makes readers wonder if the advice is for them, and a passive instruction hides who must act. A suggestion rather than a defect: turn off `thirdPerson`, or the rule, per project; passive voice is opt-in (`passive: true`). Passive voice is reported only in instructions (a modal verb with "be" and a past participle), not when "you" is the subject.',
  severity: 'warning',
  requires: 'tree',
  englishOnly: true,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      thirdPerson: {type: 'boolean', description: 'Report "patients should", "the patient" and similar.'},
      passive: {type: 'boolean', description: 'Report passive instructions such as "should be taken" (unless "you" is the subject).'}
    }
  },
  defaults: {thirdPerson: true, passive: false},
  examples: {
    valid: [
      {name: 'second person, active voice', input: header + 'You should take the tablets with food. Keep them in the fridge. You should be seen by a GP within 2 weeks.\n'},
      {name: 'patients as a group, and a passive that is not an instruction', input: header + 'Many patients recover within a week. Back pain is caused by strain.\n'},
      {name: 'both checks off', input: header + 'The patient should rest. The tablets should be taken with food.\n', options: {thirdPerson: false, passive: false}},
      {name: 'passive voice is not checked by default', input: header + 'The tablets should be taken with food.\n'}
    ],
    invalid: [
      {
        name: 'the reader in the third person',
        input: header + 'Patients should rest. Tell the doctor about the patient’s medicines.\n',
        messages: [
          '5:1: Address the reader as “you”: write “You should” rather than “Patients should”.',
          '5:45: Address the reader as “you”: write “your” rather than “the patient’s”.'
        ]
      },
      {
        name: 'a passive instruction, when `passive` is on',
        input: header + 'The tablets should be taken with food. Insulin must not be frozen.\n',
        options: {passive: true},
        messages: [
          '5:13: Say who does it: “should be taken” hides who has to act. Give the instruction directly, starting with what to do (such as “Take …” or “Do not …”).',
          '5:48: Say who does it: “must not be frozen” hides who has to act. Give the instruction directly, starting with what to do (such as “Take …” or “Do not …”).'
        ]
      }
    ]
  },
  check
})

function check(context: RuleContext<AddressTheReaderOptions>): void {
  const {options} = context
  for (const block of textBlocks(context.tree, context.file)) {
    const quoted = quotedStretches(block.text)
    if (options.thirdPerson && /patient|sufferer/i.test(block.text)) {
      for (const match of matchesOf(block.text, thirdPerson)) {
        if (isInside(quoted, match.index)) continue
        const written = match[0].replace(/\s+/g, ' ')
        const instead = /['’]s$/.test(written) ? 'your' : /^the patient$/i.test(written) ? 'you' : `${/^\p{Lu}/u.test(written) ? 'You' : 'you'} ${written.split(' ').slice(written.split(' ').findIndex((word) => /^(?:patients?|sufferers?)$/i.test(word)) + 1).join(' ')}`
        reportSpan(context, block, match.index, match.index + match[0].length, `Address the reader as “you”: write “${instead}” rather than “${written}”.`, {expected: [instead]})
      }
    }
    if (options.passive && /\bbe\s/i.test(block.text)) {
      for (const match of matchesOf(block.text, passive)) {
        if (isInside(quoted, match.index)) continue
        const subject = match[1]!.toLowerCase().replace('’', "'")
        if (/^(?:you|you'll|you've|you'd|i|we)$/.test(subject)) continue
        const from = match.index + match[1]!.length + (match[0].slice(match[1]!.length).length - match[0].slice(match[1]!.length).trimStart().length)
        const to = match.index + match[0].length
        const written = block.text.slice(from, to).replace(/\s+/g, ' ')
        reportSpan(context, block, from, to, `Say who does it: “${written}” hides who has to act. Give the instruction directly, starting with what to do (such as “Take …” or “Do not …”).`)
      }
    }
  }
}
