// Plugins: the config's `plugins` name modules that export rules, added to the built-in set.
//
// A plugin is code, and the config comes with the pull request, so loading one is running the
// pull request's code. Hence, whatever the config says:
// - plugins load only when the caller allows it (`--allow-plugins`, or `allowPlugins: true` in
//   the library API); without that, a config that names one is a config error (exit 2), so a
//   pull request that adds `plugins` to a project that has none cannot run code on CI;
// - a plugin is a file inside the working directory (`./checks/plugin.js`), reached without
//   symbolic links, or a package installed in the working directory's node_modules (so it is
//   in the project's lockfile, where a reviewer sees it), never a file elsewhere on the machine;
// - every run that loads one says so (the CLI prints each plugin and its rules on stderr), and
//   the cache key holds each plugin's code hash, so a changed plugin re-checks every article.
// A pull request that adds or changes `plugins`, or a plugin's file, needs a code review.
import {createHash} from 'node:crypto'
import {readFileSync, realpathSync, statSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join, resolve} from 'node:path'
import {pathToFileURL} from 'node:url'
import {createRuleSet, RuleSetError} from '../rule-kit/rule-set.js'
import type {RuleSet} from '../rule-kit/rule-set.js'
import {findSymbolicLink, isInside} from '../io/safe-path.js'
import {ConfigError} from './errors.js'
import type {LoadedPlugin} from './config.js'

// npm's rules for a package name, scoped or not (lower case, URL-safe, no leading dot or underscore).
const packageName = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/

/** The rule set of `builtIn` plus the rules of each plugin `names` lists; throws ConfigError. */
export async function loadPlugins(names: readonly string[], builtIn: RuleSet, cwd: string, where: string): Promise<{rules: RuleSet; plugins: LoadedPlugin[]}> {
  const groups: Array<{origin: string; rules: readonly unknown[]}> = [{origin: 'healthlint', rules: builtIn.rules}]
  const plugins: LoadedPlugin[] = []
  const seen = new Set<string>()
  for (const name of names) {
    if (seen.has(name)) throw new ConfigError(`${where}: the plugin \`${name}\` is listed twice in \`plugins\`.`)
    seen.add(name)
    const path = pluginPath(name, cwd, where)
    let module: Record<string, unknown>
    try {
      module = (await import(pathToFileURL(path).href)) as Record<string, unknown>
    } catch (error) {
      throw new ConfigError(`${where}: the plugin \`${name}\` could not be loaded: ${(error as Error).message}`)
    }
    const rules = rulesOf(module)
    if (!rules) throw new ConfigError(`${where}: the plugin \`${name}\` exports no rules. A plugin's default export is {rules: [...]}, each rule made with defineRule() from healthlint.`)
    groups.push({origin: `the plugin ${name}`, rules})
    plugins.push({name, ruleIds: rules.map((rule) => String((rule as {id?: unknown})?.id)), hash: createHash('sha256').update(readFileSync(path)).digest('hex')})
  }
  try {
    return {rules: createRuleSet(groups), plugins}
  } catch (error) {
    if (error instanceof RuleSetError) throw new ConfigError(`${where}: ${error.message}`)
    throw error
  }
}

function rulesOf(module: Record<string, unknown>): readonly unknown[] | undefined {
  const exported = (module.default ?? module) as {rules?: unknown}
  const rules = exported && typeof exported === 'object' ? exported.rules : undefined
  return Array.isArray(rules) && rules.length > 0 ? rules : undefined
}

/** The file a plugin name leads to, if it is inside the working directory; throws ConfigError. */
function pluginPath(name: string, cwd: string, where: string): string {
  const refuse = (why: string): never => {
    throw new ConfigError(`${where}: the plugin \`${name}\` ${why}. A plugin is a .js or .mjs file inside the working directory, written as ./path/to/plugin.js, or a package installed in its node_modules; plugins run code, so healthlint loads nothing from elsewhere.`)
  }
  const root = realpathSync(cwd)
  if (name.startsWith('./') || name.startsWith('../')) {
    const path = resolve(root, name)
    if (!isInside(root, path)) return refuse('is outside the working directory')
    if (!/\.m?js$/.test(path)) return refuse('is not a .js or .mjs file')
    if (findSymbolicLink(root, path) !== undefined) return refuse('is reached through a symbolic link')
    try {
      if (!statSync(path).isFile()) return refuse('is not a regular file')
    } catch {
      return refuse('does not exist')
    }
    return path
  }
  if (!packageName.test(name)) return refuse('is neither a ./ path nor a package name')
  let path: string
  try {
    path = realpathSync(createRequire(join(root, 'package.json')).resolve(name, {paths: [root]}))
  } catch {
    return refuse('is not installed in the working directory (npm install it, or check the name)')
  }
  if (!isInside(root, path)) return refuse('resolves to a file outside the working directory')
  return path
}
