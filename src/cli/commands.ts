// The commands and the options each one takes: the one table the argument parser, `--help` (of
// the tool and of each command) and the README's command-line section are made from. An option
// a command does not list is a usage error for that command, not silently ignored.
//
// This module imports nothing heavy: `--help` and usage errors answer before any command loads.
import {formatNames, scheduleFormatNames} from '../report/formats.js'

export interface OptionSpec {
  type: 'string' | 'boolean'
  short?: string
  /** How help writes the value: `--out DIR`. */
  value?: string
  /** `--changed[=REF]`: the value is optional and only ever written after `=`. */
  optionalValue?: true
  /** What the option does, in help's words (lines after the first are indented by help). */
  help: string
  /** Accepted, but not listed in help (`--color`, the opposite of `--no-color`). */
  hidden?: true
  /** Options this one cannot be combined with, and why. */
  excludes?: Readonly<Record<string, string>>
}

export interface CommandSpec {
  name: string
  /** What follows the command in help: `[paths…]`. */
  arguments: string
  /** One line (or a few) for the list of commands. */
  summary: string
  options: Readonly<Record<string, OptionSpec>>
}

const config: OptionSpec = {type: 'string', value: 'PATH', help: 'Configuration file (default: healthlint.config.json if present)'}
const allowPlugins: OptionSpec = {
  type: 'boolean',
  help: 'Load the plugins the config names (`plugins`): they run code, so only for a\nconfig you trust; each one loaded is listed on stderr'
}
const now: OptionSpec = {type: 'string', value: 'YYYY-MM-DD', help: 'The date to treat as today for review-date checks (default: today, UTC)'}
const quiet: OptionSpec = {type: 'boolean', help: 'Report errors only'}
const maxWarnings: OptionSpec = {type: 'string', value: 'N', help: 'Exit 1 when there are more than N warnings'}
const noCache: OptionSpec = {
  type: 'boolean',
  help: 'Analyse every article, neither reading nor writing the cache\n(default: .healthlint-cache/, or `cache.directory` in the config)'
}
const cacheDir: OptionSpec = {type: 'string', value: 'DIR', help: 'Keep the cache in DIR, which may be outside the working directory'}
const jobs: OptionSpec = {
  type: 'string',
  value: 'N',
  help: 'Analyse articles on N worker threads; 1 analyses on the main thread (default:\nauto, a worker on every core but one when that is 2 or more and there are\n60 articles or more)'
}
const noColor: OptionSpec = {type: 'boolean', help: 'Plain output (default: colour on a terminal unless NO_COLOR is set)'}
const color: OptionSpec = {type: 'boolean', hidden: true, help: 'Coloured output even when not on a terminal'}
const changed = {type: 'string', value: 'REF', optionalValue: true} as const
const summary: OptionSpec = {type: 'string', value: 'FILE', help: 'Append a Markdown summary table to FILE (default: $GITHUB_STEP_SUMMARY)'}
const reportFormat: OptionSpec = {
  type: 'string',
  value: 'NAME',
  help: `Report format: ${formatNames[0]} (default), ${formatNames.slice(1).join(', ')}\n(github: annotations for GitHub Actions; sarif: SARIF 2.1.0; junit: JUnit XML)`
}

const shard: OptionSpec = {
  type: 'string',
  value: 'i/n',
  help: 'Check only shard i of n (1/3, 2/3, 3/3 on three CI runners): the articles\nwhose slug falls in it. Every shard still reads every article\'s slug. With\n--format json the report is the shard\'s, for `healthlint merge-reports`'
}

// What lint and build share: how the run is checked and reported, and how it runs.
const checking = {format: reportFormat, config, 'allow-plugins': allowPlugins, now, quiet, 'max-warnings': maxWarnings}
const running = {'no-cache': noCache, 'cache-dir': cacheDir, jobs, 'no-color': noColor, color}

export const commands: readonly CommandSpec[] = [
  {
    name: 'lint',
    arguments: '[paths…]',
    summary: 'Check articles (default: articles/)',
    options: {
      ...checking,
      changed: {
        ...changed,
        help: 'Lint only the articles changed since the merge base with REF (default: the\npull request\'s base branch, else origin/HEAD, origin/main, main …), or all of\nthem when a rule, schema or the config changed. Write REF after `=`.'
      },
      summary,
      watch: {
        type: 'boolean',
        help: 'Re-check articles as they change; print what changed',
        excludes: {
          fix: '--fix rewrites articles once, before the report',
          changed: '--watch checks every article it is given',
          summary: '--watch writes no job summary'
        }
      },
      fix: {
        type: 'boolean',
        help: 'Apply the fixes of rules whose replacement is certain (contractions,\nLatin abbreviations, numbers, US spellings), say what changed on stderr,\nthen report what is left'
      },
      shard: {
        ...shard,
        excludes: {
          watch: '--watch keeps checking every article it is given, on this computer',
          fix: '--fix rewrites articles, which would change the run under the other shards; run it once, without --shard, first'
        }
      },
      ...running
    }
  },
  {
    name: 'build',
    arguments: '[paths…]',
    summary: 'Check articles and publish those without errors (default: articles/ → dist/)',
    options: {
      out: {type: 'string', value: 'DIR', help: 'Output directory (default: dist/)'},
      previous: {type: 'string', value: 'DIR', help: 'The previous bundle to compare with, for the manifest\'s changes, tombstones\nand dateModified (default: the --out directory)'},
      ...checking,
      changed: {
        ...changed,
        help: 'Report (and summarise) only the articles changed since the merge base with\nREF (as lint --changed); the bundle is still built from every article.\nWrite REF after `=`.'
      },
      summary,
      shard: {
        ...shard,
        help: 'Build only shard i of n: its articles\' pages and records, and instead of the\nsite files healthlint-shard.json, for `healthlint merge-bundles`. With\n--format json the report is the shard\'s, for `healthlint merge-reports`'
      },
      ...running
    }
  },
  {
    name: 'merge-reports',
    arguments: '<reports…>',
    summary: 'Join the shards\' reports (lint or build --shard i/n --format json) into the\nreport one unsharded run prints, in any format, with its job summary',
    options: {
      format: reportFormat,
      config: {...config, help: 'The configuration the shards used (default: healthlint.config.json if present)'},
      'allow-plugins': allowPlugins,
      quiet,
      'max-warnings': maxWarnings,
      summary,
      'no-color': noColor,
      color
    }
  },
  {
    name: 'merge-bundles',
    arguments: '<directories…>',
    summary: 'Join the shards\' bundles (build --shard i/n) into the bundle one unsharded\nbuild writes (default: → dist/)',
    options: {
      out: {type: 'string', value: 'DIR', help: 'Output directory (default: dist/)'},
      config: {...config, help: 'The configuration the shards used (default: healthlint.config.json if present)'},
      'allow-plugins': allowPlugins,
      'max-warnings': maxWarnings
    }
  },
  {
    name: 'review-schedule',
    arguments: '[paths…]',
    summary: 'List the reviews due soonest, with reviewer and due date (default: articles/)',
    options: {
      within: {type: 'string', value: 'DAYS', help: 'Reviews due within DAYS days, and overdue ones (default: 90)'},
      format: {type: 'string', value: 'NAME', help: `Schedule format: ${scheduleFormatNames[0]} (default), ${scheduleFormatNames.slice(1).join(' or ')} (a calendar)`},
      config,
      'allow-plugins': allowPlugins,
      now
    }
  },
  {
    name: 'preview',
    arguments: '[paths…]',
    summary: 'Serve the articles in a web browser with their problems marked on them,\nupdating as files are saved (default: articles/)',
    options: {
      port: {type: 'string', value: 'N', help: 'Port to listen on (default: 8321; 0 picks a free one)'},
      host: {
        type: 'string',
        value: 'HOST',
        help: 'Interface to listen on (default: 127.0.0.1, this computer only;\nanother value lets other computers read the articles, drafts included)'
      },
      config,
      'allow-plugins': allowPlugins,
      now
    }
  },
  {
    name: 'lsp',
    arguments: '[paths…]',
    summary: 'Run the language server over stdin and stdout, so editors show problems\nin the articles under the paths as you type (default: articles/)',
    options: {
      config,
      'allow-plugins': allowPlugins,
      now
    }
  },
  {
    name: 'init',
    arguments: '',
    summary: 'Set up this folder as a content repository: an example article, the\nconfig, .gitignore entries, GitHub workflows, a CODEOWNERS example\n(never overwrites a file; says what it skipped)',
    options: {}
  },
  {
    name: 'new',
    arguments: '<slug>',
    summary: 'Write articles/<slug>.md, an article skeleton whose placeholders fail\nlint until they are replaced',
    options: {}
  }
]

/** Taken by every command, and with no command at all. */
export const globalOptions: Readonly<Record<string, OptionSpec>> = {
  help: {type: 'boolean', short: 'h', help: 'Show this help'},
  version: {type: 'boolean', short: 'v', help: 'Show the version'}
}

export const exitCodeHelp = 'Exit codes: 0 no errors, 1 errors found (or too many warnings), 2 usage, configuration or output-directory problem, or a shard that cannot be merged.'

export function commandNamed(name: string | undefined): CommandSpec | undefined {
  return commands.find((command) => command.name === name)
}

/** The commands that take option `name`. */
export function commandsTaking(name: string): CommandSpec[] {
  return commands.filter((command) => Object.hasOwn(command.options, name))
}
