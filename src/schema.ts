// JSON Schema validation with ajv, compiled once per schema.
import {Ajv2020} from 'ajv/dist/2020.js'
import type {ErrorObject, ValidateFunction} from 'ajv'
import addFormatsModule from 'ajv-formats'

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020

// `ownProperties` so that `required` can never be satisfied by an inherited property.
const ajv = addFormats(new Ajv2020({allErrors: true, strict: true, ownProperties: true, allowUnionTypes: true, strictTuples: false, verbose: true}))
// `x-expected`: what a valid value looks like, in plain English, for error messages.
ajv.addVocabulary(['x-expected'])

const compiled = new Map<Record<string, unknown>, ValidateFunction>()

export function compileSchema(schema: Record<string, unknown>): ValidateFunction {
  let validate = compiled.get(schema)
  if (!validate) {
    validate = typeof schema.$id === 'string' ? ajv.getSchema(schema.$id) ?? ajv.compile(schema) : ajv.compile(schema)
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
