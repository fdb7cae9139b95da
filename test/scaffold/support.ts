// What a person does to the skeleton `healthlint new` writes, for tests: replace each
// placeholder with neutral test wording (test data, not advice) that every rule accepts.
import {placeholderPattern} from '../../rules/no-placeholders.js'

/** Each placeholder's opening words, and the test text that replaces it. */
const replacements: ReadonlyArray<[string, string]> = [
  ['[Write the title readers will see]', 'Placeholder article'],
  ['[Write one or two sentences saying what this page covers]', 'A placeholder article used in tests.'],
  ['[Write the hub, such as', 'testing'],
  ['[Write the date of the clinical review', '2026-11-01'],
  ['[Write the name of the health professional', 'Dr Jo Test'],
  ['[Write their registration', 'GP'],
  ['[Write what the condition is', 'This is a guide for tests.'],
  ['[Write a disclaimer', 'It is general information and not medical advice.'],
  ['[Write a symptom that needs urgent help.]', 'A sign to test'],
  ['[Write what to do if you have one of these symptoms', 'Call 999 if you see it.'],
  ['[Write a reason to see a GP.]', 'A reason to test']
]

/** The skeleton with every placeholder replaced; throws on a placeholder it does not know. */
export function fillPlaceholders(skeleton: string): string {
  return skeleton.replace(new RegExp(placeholderPattern.source, 'gi'), (placeholder) => {
    const found = replacements.find(([start]) => placeholder.startsWith(start))
    if (!found) throw new Error(`The test does not know how to fill ${placeholder}: add it to test/scaffold/support.ts.`)
    return found[1]
  })
}
