// What the language server's main thread and its checking worker (worker.ts) say to each other.
// The worker does all the linting, so a slow article (up to the config's time budget) never
// keeps the main thread from answering hovers, completions and code actions.
import type {ReportedMessage} from '../report/messages.js'

export interface WorkerSetup {
  /** The project root: article paths and the config are relative to it. */
  cwd: string
  /** `--config`, as given; undefined for healthlint.config.json when present. */
  configPath: string | undefined
  allowPlugins: boolean
  /** The article inputs (files, directories, globs) whose slugs count for `duplicate-slug`. */
  paths: string[]
  /** `--now`; undefined for today, read afresh for every check. */
  now: string | undefined
}

/** What the main thread needs to know of a rule, for hovers and code actions. */
export interface RuleInfo {
  id: string
  description: string
  rationale: string
  url: string
  safety: boolean
}

/** A message as the JSON report shows it, with the frontmatter's did-you-mean where there is one. */
export interface CheckedMessage extends ReportedMessage {
  actual?: string
  expected?: string[]
}

export type ToWorker =
  | {kind: 'config'; seq: number}
  | {kind: 'check'; seq: number; path: string; text: string}
  | {kind: 'files-changed'}

export type FromWorker =
  | {kind: 'config'; seq: number; ok: true; source: string | undefined; rules: RuleInfo[]; categories: string[]; plugins: Array<{name: string; ruleIds: string[]}>}
  | {kind: 'config'; seq: number; ok: false; source: string; message: string}
  | {kind: 'result'; seq: number; messages: CheckedMessage[]}
  | {kind: 'failed'; seq: number; message: string}
