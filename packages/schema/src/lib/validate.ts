import {Ajv2020, type ErrorObject, type ValidateFunction} from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import {catalogSchema} from './catalog-schema.js'
import type {Catalog} from './types.js'

/** One schema violation, located by JSON pointer into the catalog. */
export interface SchemaViolation {
  /** JSON pointer of the offending value, e.g. `/datasets/2/rating`. */
  pointer: string
  message: string
  /** The ajv keyword that failed (`maximum`, `required`, ...). */
  keyword: string
}

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default

let compiled: ValidateFunction<Catalog> | undefined

/** Compile the schema once per process; ajv compilation is the slow part. */
function validator(): ValidateFunction<Catalog> {
  if (!compiled) {
    const ajv = new Ajv2020({allErrors: true, strict: true})
    addFormats(ajv, ['uri'])
    compiled = ajv.compile<Catalog>(catalogSchema)
  }
  return compiled
}

/** Validate a value against the catalog schema; every violation, not the first only. */
export function validateCatalog(value: unknown): {valid: true; catalog: Catalog} | {valid: false; violations: SchemaViolation[]} {
  const validate = validator()
  if (validate(value)) return {valid: true, catalog: value}
  return {valid: false, violations: (validate.errors ?? []).map(toViolation)}
}

function toViolation(error: ErrorObject): SchemaViolation {
  let pointer = error.instancePath
  let message = error.message ?? 'is invalid'
  if (error.keyword === 'required') {
    const name = String(error.params['missingProperty'] ?? '')
    message = `is missing \`${name}\``
    // Point at the missing property, so that it maps to its own position where one is known.
    pointer = `${pointer}/${name}`
  } else if (error.keyword === 'additionalProperties') {
    message = `has an unknown property \`${String(error.params['additionalProperty'] ?? '')}\``
  } else if (error.keyword === 'contains') {
    message = 'needs an item with key `url` and a link'
  }
  return {pointer, message: `${error.instancePath || '/'} ${message}`, keyword: error.keyword}
}
