// JSON Schema validation with ajv, compiled once per schema. ajv is loaded on the first schema
// compiled, not on import: a run that needs no validation (every article cached, no config
// file) starts without it.
import {createRequire} from 'node:module'
import type {Ajv2020} from 'ajv/dist/2020.js'
import type {ErrorObject, ValidateFunction} from 'ajv'

const require = createRequire(import.meta.url)
let instance: Ajv2020 | undefined

function ajv(): Ajv2020 {
  if (!instance) {
    const {Ajv2020: Ajv} = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js')
    const addFormats = require('ajv-formats') as (ajv: Ajv2020) => Ajv2020
    // `ownProperties` so that `required` can never be satisfied by an inherited property.
    instance = addFormats(new Ajv({allErrors: true, strict: true, ownProperties: true, allowUnionTypes: true, strictTuples: false, verbose: true}))
    // `x-expected`: what a valid value looks like, in plain English, for error messages.
    instance.addVocabulary(['x-expected'])
  }
  return instance
}

/**
 * Load ajv now. The analysis of an article runs under a watchdog that stops it wherever it is
 * (pipeline/budget.ts); a module stopped while node was loading it would stay half-loaded for
 * the rest of the run ("Ajv is not a constructor" for every later article), so the analyser
 * loads ajv before the first budgeted analysis.
 */
export function prepareValidator(): void {
  ajv()
}

const compiled = new Map<Record<string, unknown>, ValidateFunction>()

export function compileSchema(schema: Record<string, unknown>): ValidateFunction {
  let validate = compiled.get(schema)
  if (!validate) {
    validate = typeof schema.$id === 'string' ? ajv().getSchema(schema.$id) ?? ajv().compile(schema) : ajv().compile(schema)
    compiled.set(schema, validate)
  }
  return validate
}

/** A one-line description of an ajv error for configuration and developer-facing messages. */
export function formatAjvError(error: ErrorObject, _data: unknown): string {
  const where = error.instancePath === '' ? 'the top level' : `\`${error.instancePath.slice(1).replaceAll('/', '.')}\``
  if (error.keyword === 'additionalProperties') {
    return `${where} has an unknown key \`${String(error.params.additionalProperty)}\``
  }
  return `${where} ${error.message ?? 'is not valid'}`
}
