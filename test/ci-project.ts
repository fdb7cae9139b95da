// Articles for CI-format tests, in neutral placeholder wording (the projects that hold them
// come from ./project.ts).
import type {VFile} from 'vfile'

/**
 * A body with every section the health rules require, in neutral placeholder wording (test
 * data, not advice), so that CI-format tests see only the problems they plant.
 */
export const placeholderBody = [
  'This is a guide for tests. It is not medical advice.',
  '',
  '## Red flags',
  '',
  '- A sign to test',
  '',
  'Call 999 if you see it.',
  '',
  '## When to see a GP',
  '',
  '- A reason to test',
  '',
  'Last reviewed by Dr Jo Test, GP'
].join('\n')

/** A valid article in neutral placeholder wording, with frontmatter fields overridable. */
export function placeholderArticle(fields: Record<string, string> = {}, body = placeholderBody): string {
  const values: Record<string, string> = {
    title: 'Placeholder article',
    description: 'A placeholder article used in tests.',
    category: 'testing',
    lastReviewed: '2025-12-22',
    ...fields
  }
  const lines = Object.entries(values).filter(([, value]) => value !== '').map(([key, value]) => `${key}: ${value}`)
  return `---\n${lines.join('\n')}\nreviewedBy:\n  name: Dr Jo Test\n  credential: GP\n---\n\n# Placeholder article\n\n${body}\n`
}

/** An article without frontmatter: one frontmatter-syntax error. */
export const articleWithoutFrontmatter = `# Placeholder article\n\n${placeholderBody}\n`

/** Add a message to a hand-made VFile, as a rule's `lintRule` wrapper would. */
export function addMessage(file: VFile, severity: 'error' | 'warning' | 'info', ruleId: string, reason: string, line: number, column = 1, note?: string): void {
  const message = severity === 'info' ? file.info(reason, {place: {line, column}, ruleId, source: 'healthlint'}) : file.message(reason, {place: {line, column}, ruleId, source: 'healthlint'})
  if (severity === 'error') message.fatal = true
  if (note) message.note = note
}
