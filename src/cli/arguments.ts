// Reading the command line against the command table (./commands.ts): which command, its paths
// and its options, or the usage error to print. An option a command does not take is refused by
// name, with the command that takes it or the nearest option this one has.
import {parseArgs} from 'node:util'
import type {ParseArgsConfig} from 'node:util'
import {commandNamed, commands, commandsTaking, exitCodeHelp, globalOptions} from './commands.js'
import type {CommandSpec, OptionSpec} from './commands.js'

/** The options' values as parseArgs gives them (each command has a subset of these). */
export interface OptionValues {
  format?: string
  config?: string
  'allow-plugins'?: boolean
  now?: string
  quiet?: boolean
  'max-warnings'?: string
  summary?: string
  out?: string
  previous?: string
  watch?: boolean
  fix?: boolean
  within?: string
  port?: string
  host?: string
  color?: boolean
  'no-color'?: boolean
  'no-cache'?: boolean
  'cache-dir'?: string
  jobs?: string
  shard?: string
  help?: boolean
  version?: boolean
}

export type CommandLine =
  | {kind: 'help'; text: string}
  | {kind: 'version'}
  | {kind: 'usage-error'; message: string}
  | {kind: 'run'; command: CommandSpec; paths: string[]; values: OptionValues; changed: {ref?: string} | undefined}

/** Every option any command takes, for reading the tokens before the command is known. */
const everyOption: Record<string, OptionSpec> = Object.assign({}, globalOptions, ...commands.map((command) => command.options))

/** Read `argv`. Never throws for a bad command line: that is a `usage-error` with its message. */
export async function readCommandLine(argv: string[]): Promise<CommandLine> {
  let extracted
  try {
    extracted = extractChanged(argv)
  } catch (error) {
    return {kind: 'usage-error', message: `${(error as Error).message}\n`}
  }
  // First pass, lenient: find the command and every option written, whatever it belongs to.
  // Known string options take their value here as they will in the strict pass, so
  // `lint --out x` names `--out`, and `x` is not mistaken for a path.
  const {tokens} = parseArgs({args: extracted.argv, options: parseArgsOptions(everyOption), allowPositionals: true, strict: false, tokens: true})
  const positionals = tokens.flatMap((token) => (token.kind === 'positional' ? [token.value] : []))
  const given = tokens.flatMap((token) => (token.kind === 'option' ? [token] : []))
  const [name, ...rest] = positionals
  const helpAsked = given.some((token) => token.name === 'help') || name === 'help'

  if (name === undefined || name === 'help') {
    if (given.some((token) => token.name === 'version') && !helpAsked) return {kind: 'version'}
    const topic = name === 'help' ? rest[0] : undefined
    if (topic !== undefined) {
      const command = commandNamed(topic)
      return command ? {kind: 'help', text: commandHelp(command)} : {kind: 'usage-error', message: await unknownCommand(topic)}
    }
    if (helpAsked) return {kind: 'help', text: usage()}
    const stray = given.find((token) => !Object.hasOwn(globalOptions, token.name))
    const what = stray ? `${stray.rawName} needs a command before it.` : extracted.changed ? '--changed needs a command before it.' : 'name a command.'
    return {kind: 'usage-error', message: `${what}\n\n${usage()}`}
  }
  const command = commandNamed(name)
  if (!command) return {kind: 'usage-error', message: await unknownCommand(name)}
  if (helpAsked) return {kind: 'help', text: commandHelp(command)}

  const taken = {...command.options, ...globalOptions}
  for (const token of given) {
    if (Object.hasOwn(taken, token.name) && taken[token.name]!.optionalValue === undefined) continue
    return {kind: 'usage-error', message: await notTaken(command, token.rawName, token.name)}
  }
  if (extracted.changed && !Object.hasOwn(command.options, 'changed')) return {kind: 'usage-error', message: await notTaken(command, '--changed', 'changed')}

  // Second pass, strict, with this command's options only: values of the right kind.
  let parsed
  try {
    parsed = parseArgs({args: extracted.argv, options: parseArgsOptions(taken), allowPositionals: true, strict: true})
  } catch (error) {
    const message = (error as Error).message
    return {kind: 'usage-error', message: `${message}${/[.!?]$/.test(message) ? '' : '.'}\n${helpPointer(command)}`}
  }
  const values = parsed.values as OptionValues
  if (values.version) return {kind: 'version'}
  const written = new Set([...Object.keys(values), ...(extracted.changed ? ['changed'] : [])])
  for (const option of written) {
    for (const [other, why] of Object.entries(command.options[option]?.excludes ?? {})) {
      if (written.has(other)) return {kind: 'usage-error', message: `--${option} cannot be combined with --${other}: ${why}.\n`}
    }
  }
  return {kind: 'run', command, paths: parsed.positionals.slice(1), values, changed: extracted.changed}
}

function parseArgsOptions(specs: Record<string, OptionSpec>): NonNullable<ParseArgsConfig['options']> {
  const options: NonNullable<ParseArgsConfig['options']> = {}
  for (const [name, spec] of Object.entries(specs)) {
    // `--changed[=REF]` is taken out before parsing (parseArgs has no optional values).
    if (spec.optionalValue) continue
    options[name] = spec.short ? {type: spec.type, short: spec.short} : {type: spec.type}
  }
  return options
}

const helpPointer = (command: CommandSpec) => `Run \`healthlint ${command.name} --help\` for the options it takes.\n`

/** `--out` given to `lint`: say which commands take it, or the nearest option `lint` has. */
async function notTaken(command: CommandSpec, rawName: string, name: string): Promise<string> {
  const takers = commandsTaking(name).map((other) => `\`${other.name}\``)
  const nearest = await nearestOf(name, Object.keys({...command.options, ...globalOptions}).filter((option) => !command.options[option]?.hidden))
  const nearestHint = nearest ? ` Did you mean --${nearest}?` : ''
  const what = takers.length > 0 ? `\`healthlint ${command.name}\` does not take ${rawName}: it is an option of ${takers.length > 1 ? `${takers.slice(0, -1).join(', ')} and ${takers.at(-1)}` : takers[0]}.` : `unknown option ${rawName} for \`healthlint ${command.name}\`.`
  return `${what}${nearestHint}\n${helpPointer(command)}`
}

async function unknownCommand(name: string): Promise<string> {
  const nearest = await nearestOf(name, commands.map((command) => command.name))
  return `unknown command \`${name}\`.${nearest ? ` Did you mean \`${nearest}\`?` : ''}\n\n${usage()}`
}

/** The candidate a typing slip away from `name` (at most 3 edits, and no more than half its letters). */
async function nearestOf(name: string, candidates: string[]): Promise<string | undefined> {
  if (candidates.length === 0) return undefined
  // Loaded only here: `--help` and `--version` must not load anything from node_modules.
  const {closest, distance} = await import('fastest-levenshtein')
  const nearest = closest(name, candidates)
  const edits = distance(name, nearest)
  return edits <= 3 && edits <= name.length / 2 ? nearest : undefined
}

/**
 * Take `--changed` and `--changed=REF` out of `argv` (parseArgs has no options with an optional
 * value). `--changed REF` is not accepted: REF would be indistinguishable from a path to lint.
 */
export function extractChanged(argv: string[]): {argv: string[]; changed: {ref?: string} | undefined} {
  const rest: string[] = []
  let changed: {ref?: string} | undefined
  for (const [index, argument] of argv.entries()) {
    if (argument === '--') {
      rest.push(...argv.slice(index))
      break
    }
    if (argument !== '--changed' && !argument.startsWith('--changed=')) {
      rest.push(argument)
      continue
    }
    if (changed) throw new TypeError('Option \'--changed\' is given more than once.')
    const ref = argument.startsWith('--changed=') ? argument.slice('--changed='.length) : undefined
    if (ref === '') throw new TypeError('Option \'--changed=REF\' needs a ref after `=`, such as --changed=origin/main.')
    changed = ref === undefined ? {} : {ref}
  }
  return {argv: rest, changed}
}

// Help: made from the table, so it lists exactly what each command takes.

/** Where descriptions start. */
const column = 21

/** `  label  text`, the text's later lines indented to the same column. */
function helpLine(label: string, text: string): string {
  const [first, ...more] = text.split('\n')
  const indent = ' '.repeat(column)
  const lines = 2 + label.length + 2 <= column ? [`  ${label.padEnd(column - 2)}${first}`] : [`  ${label}`, `${indent}${first}`]
  return [...lines, ...more.map((line) => `${indent}${line}`)].join('\n') + '\n'
}

function optionLabel(name: string, spec: OptionSpec): string {
  const long = `--${name}${spec.value ? (spec.optionalValue ? `[=${spec.value}]` : ` ${spec.value}`) : ''}`
  return spec.short ? `-${spec.short}, ${long}` : long
}

function optionLines(specs: Readonly<Record<string, OptionSpec>>): string {
  return Object.entries(specs)
    .filter(([, spec]) => !spec.hidden)
    .map(([name, spec]) => helpLine(optionLabel(name, spec), spec.help))
    .join('')
}

/** `healthlint --help`: the commands, and how to see each one's options. */
export function usage(): string {
  return `Usage: healthlint <command> [options] [paths…]

Commands:
${commands.map((command) => helpLine(`${command.name} ${command.arguments}`, command.summary)).join('')}
Run \`healthlint <command> --help\` for the options a command takes.

Options:
${optionLines(globalOptions)}
${exitCodeHelp}
`
}

/** `healthlint <command> --help`: what the command does and exactly the options it takes. */
/** "Usage: healthlint lint [options] [paths…]"; "Usage: healthlint init [options]". */
export function usageLine(command: CommandSpec): string {
  return `Usage: healthlint ${command.name} [options]${command.arguments ? ` ${command.arguments}` : ''}`
}

export function commandHelp(command: CommandSpec): string {
  return `${usageLine(command)}

${command.summary}

Options:
${optionLines(command.options)}${optionLines(globalOptions)}
${exitCodeHelp}
`
}
