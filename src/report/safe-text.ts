// Text from articles, file names and config reaches terminals, CI logs and calendars. These
// functions make sure it is shown, never obeyed: a terminal escape sequence (ESC, OSC 52
// clipboard writes, window titles, clearing the screen) or a GitHub workflow command (`::error`,
// `::stop-commands::` at the start of a line) in an article or a file name is written as
// harmless text. One module, so every output channel escapes the same way.

/** C0 and C1 control characters and DEL, except tab and line feed. */
const controlCharacters = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g

/** Every C0 and C1 control character and DEL, tab and line feed included. */
const anyControlCharacter = /[\u0000-\u001F\u007F-\u009F]/g

/** `text` without control characters, except tab and line feed (for text quoted in reports). */
export function withoutControls(text: string): string {
  return text.replace(controlCharacters, '')
}

/** Whatever `oneLine` would change: a control character, white space other than one space between words. */
const notOneLine = /[\u0000-\u001F\u007F-\u009F]|[^\S ]| {2}|^ | $/

/** `text` on one line: control characters removed, each run of white space one space, trimmed. */
export function oneLine(text: string): string {
  // Most messages are one line already: one test instead of two replacements (every message of a report passes here).
  if (!notOneLine.test(text)) return text
  return text.replace(anyControlCharacter, ' ').replace(/\s+/g, ' ').trim()
}

/**
 * Escape text as @actions/core escapes workflow-command data (`%`, CR and LF as `%25`, `%0D`,
 * `%0A`), and every other control character the same way, so that the text is one line with
 * nothing a terminal acts on. For file paths and other names on stderr and in listings.
 */
export function escapeForLog(text: string): string {
  return escapeData(text).replace(anyControlCharacter, (character) => '%' + character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'))
}

/** Escape a workflow command's message as @actions/core does (`escapeData` in its command.ts). */
export function escapeData(value: string): string {
  return value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A')
}

/**
 * A file path for a listing: escaped as `escapeForLog` does, and never starting with `::`
 * (GitHub runs a log line that starts with `::` as a command; `./::x.md` names the same file).
 */
export function displayPath(path: string): string {
  const escaped = escapeForLog(path)
  return /^\s*::/.test(escaped) ? `./${escaped.trimStart()}` : escaped
}

/**
 * Text for a log that GitHub Actions reads: control characters (but tab and line feed) removed,
 * and any line that would start a workflow command (`::` after optional white space) has that
 * first colon written as `%3A`. healthlint never writes a workflow command on stderr, so such a
 * line can only come from an article, a file name or a config value.
 */
export function neutraliseCommands(text: string): string {
  return withoutControls(text).replace(/^([ \t]*)::/gm, '$1%3A:')
}

/** A writable stream whose every chunk goes through `neutraliseCommands` (the CLI's stderr). */
export function guardedStream<Stream extends {write(chunk: string): unknown}>(stream: Stream): Stream {
  return new Proxy(stream, {
    get(target, property, receiver) {
      if (property === 'write') return (chunk: string) => target.write(neutraliseCommands(String(chunk)))
      return Reflect.get(target, property, receiver) as unknown
    }
  })
}
