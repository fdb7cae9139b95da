// no-prescription-abbreviations: no prescription shorthand ("QDS", "TDS", "BD", "PRN", "PO",
// "NBM", "SOB") in patient text; say what it means ("4 times a day", "when needed", "by mouth").
//
// Why: these are instructions about how to take a medicine or what to avoid, written in the
// Latin shorthand of prescriptions. Patients do not know them and misread them ("OD" as
// "overdose", "BD" and "TDS" confused), and a misread dosing instruction can harm: so this is
// an error, not a warning. The NHS service manual content style guide asks for abbreviations
// patients know or none, and NHS standards for prescribing ask for instructions to patients in
// words. The list is `rules/data/prescription-abbreviations.json`: forms that are also English
// words ("ON", "STAT", "SOB") are matched only in capitals, and not inside text written all in
// capitals ("TAKE ON AN EMPTY STOMACH"). Not fixed: the sentence usually needs rewording.
// Turn it off: only for content written for clinicians.
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {defineRule, wordList} from '../src/rule-kit/rule.js'
import type {RuleContext} from '../src/rule-kit/rule.js'
import {packageRoot} from '../src/config/package-files.js'
import {matchesOf, reportSpan, textBlocks} from '../src/rule-kit/text-blocks.js'
import {capitalRuns} from '../src/rule-kit/capitals.js'

export interface NoPrescriptionAbbreviationsOptions extends Record<string, unknown> {
  /** Forms from the list not to report. */
  ignore: string[]
}

interface PrescriptionData {
  abbreviations: Record<string, string>
  anyCase: string[]
}

export const prescriptionData = JSON.parse(readFileSync(join(packageRoot, 'rules', 'data', 'prescription-abbreviations.json'), 'utf8')) as PrescriptionData

/** The meaning of `written` when it is one of the listed forms as written (case and dots as the list allows). */
export function prescriptionMeaning(written: string): {key: string; meaning: string} | undefined {
  const dotted = /^(?:\p{L}\.)+\p{L}?\.?$/u.test(written) || /^(?:\p{L}\.){2,}$/u.test(written)
  const key = written.replaceAll('.', '').toUpperCase()
  const meaning = prescriptionData.abbreviations[key]
  if (meaning === undefined) return undefined
  if (written === key || dotted || prescriptionData.anyCase.includes(key)) return {key, meaning}
  return undefined
}

// Not part of a compound of capitals such as "JAK/STAT".
const forms = Object.keys(prescriptionData.abbreviations).sort((a, b) => b.length - a.length)
// A listed form in any case, or letters with dots between them; prescriptionMeaning then checks
// the case the list allows.
const token = new RegExp(`(?<![\\p{L}\\p{N}&.'’-]|\\p{Lu}\\/)(?:(?:\\p{L}\\.){2,}|\\p{L}\\.\\p{L}|${forms.join('|')})(?![\\p{L}\\p{N}&'’-]|\\.\\p{L}|\\/\\p{Lu})`, 'giu')
const header = '---\ntitle: Placeholder\n---\n\n'

export default defineRule<NoPrescriptionAbbreviationsOptions>({
  id: 'no-prescription-abbreviations',
  description: 'Prescription shorthand such as "QDS", "TDS", "BD", "PRN", "PO", "NBM" or "SOB" is written out in words patients understand.',
  rationale: 'Patients do not know prescription Latin and misread it ("OD" read as overdose, "BD" and "TDS" confused); a misread dosing instruction can harm, so this is an error. The NHS service manual content style guide asks for abbreviations patients know or none, and NHS prescribing standards ask for instructions in words. Turn it off only for content written for clinicians.',
  severity: 'error',
  requires: 'tree',
  optionsSchema: {type: 'object', additionalProperties: false, properties: {ignore: wordList('Forms from rules/data/prescription-abbreviations.json not to report.')}},
  defaults: {ignore: []},
  examples: {
    valid: [
      {name: 'instructions in words', input: header + 'Take 1 tablet 4 times a day, when needed. Do not eat or drink anything before the test.\n'},
      {name: 'look-alikes: parts of words, English words, a PO box, shouting', input: header + 'Write to PO Box 12. Turn it on. Say it is odd. The OBD report. Bid for it. TAKE ON AN EMPTY STOMACH.\n'},
      {name: 'shorthand in code', input: header + 'The field is `qds`.\n'},
      {name: 'an ignored form', input: header + 'Call the SOB helpline.\n', options: {ignore: ['SOB']}},
      {name: 'a form the article defines, and a compound', input: header + 'Binswanger\'s disease (BD) is rare. BD affects memory. The JAK/STAT pathway.\n'}
    ],
    invalid: [
      {
        name: 'dosing shorthand',
        input: header + 'Take 1g paracetamol QDS PRN, and 500mg b.d. by mouth.\n',
        messages: [
          '5:21: “QDS” is prescription shorthand that patients do not know: write “4 times a day”.',
          '5:25: “PRN” is prescription shorthand that patients do not know: write “when needed”.',
          '5:40: “b.d.” is prescription shorthand that patients do not know: write “twice a day”.'
        ]
      },
      {
        name: 'in a table and a heading',
        input: header + '## If you are NBM\n\n| Medicine | When |\n| --- | --- |\n| Ibuprofen | tds |\n\nTell us if you feel SOB.\n',
        messages: [
          '5:15: “NBM” is prescription shorthand that patients do not know: write “nothing to eat or drink”.',
          '9:15: “tds” is prescription shorthand that patients do not know: write “3 times a day”.',
          '11:21: “SOB” is prescription shorthand that patients do not know: write “short of breath”.'
        ]
      }
    ]
  },
  check
})

function check(context: RuleContext<NoPrescriptionAbbreviationsOptions>): void {
  const ignore = new Set(context.options.ignore.map((form) => form.replaceAll('.', '').toUpperCase()))
  const blocks = textBlocks(context.tree, context.file)
  // A form the article defines as its own abbreviation ("Binswanger's disease (BD)") means that.
  for (const block of blocks) {
    for (const match of matchesOf(block.text, /\p{L}[\s,]*\(\s*(\p{Lu}{2,6})\s*[),;]/gu)) ignore.add(match[1]!)
  }
  for (const block of blocks) {
    let runs: ReturnType<typeof capitalRuns> | undefined
    for (const match of matchesOf(block.text, token)) {
      const written = match[0]
      const found = prescriptionMeaning(written)
      if (!found || ignore.has(found.key)) continue
      const after = block.text.slice(match.index + written.length)
      // "PO Box 12" is an address.
      if (found.key === 'PO' && /^\s+box\b/i.test(after)) continue
      // Inside text written all in capitals, a capital English word is just a word.
      if (!prescriptionData.anyCase.includes(found.key) && written === found.key) {
        runs ??= capitalRuns(block.text)
        const run = runs.find((candidate) => match.index >= candidate.start && match.index < candidate.end)
        if (run && run.words.length >= 2) continue
      }
      reportSpan(context, block, match.index, match.index + written.length, `“${written}” is prescription shorthand that patients do not know: write “${found.meaning}”.`, {expected: [found.meaning]})
    }
  }
}
