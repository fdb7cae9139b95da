// The path a CI report shows for an article: relative to a base directory (the working
// directory, or the repository root on GitHub), with forward slashes, so that reports are the
// same on every machine and GitHub can match annotations and SARIF results to its files.
import {isAbsolute, relative, resolve, sep} from 'node:path'
import type {VFile} from 'vfile'

export function reportPathOf(file: VFile, base: string, cwd: string = base): string {
  const given = file.history[0] ?? ''
  if (given === '') return ''
  const absolute = resolve(cwd, given)
  const path = relative(base, absolute)
  // Outside the base (another drive on Windows): the path as given is the best we have.
  if (isAbsolute(path)) return given.split(sep).join('/')
  return path.split(sep).join('/')
}
