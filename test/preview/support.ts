// Shared by the preview tests: a temporary project folder with a config and some articles.
import {temporaryProject} from '../project.js'

/** A temporary project holding `healthlint.config.json` with `rules`, and `files`. */
export function previewProject(files: Record<string, string>, rules: Record<string, unknown>): string {
  return temporaryProject(files, {prefix: 'healthlint-preview-', config: {rules}})
}
