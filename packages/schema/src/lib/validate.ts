import type {ErrorObject} from 'ajv/dist/2020.js'
import {validate as generatedValidate, validateVocabulary as generatedValidateVocabulary} from './catalog-validator.generated.js'
import {textPattern} from './catalog-schema.js'
import type {Catalog, Vocabulary} from './types.js'

/** One schema violation, located by JSON pointer into the catalog. */
export interface SchemaViolation {
  /** JSON pointer of the offending value, e.g. `/datasets/2/rating`. */
  pointer: string
  message: string
  /** The ajv keyword that failed (`maximum`, `required`, ...). */
  keyword: string
  /** Where in the schema it failed (`#/properties/datasets/items/...`): a failure under a `contains` only explains why an item did not match. */
  schemaPath: string
  /** The keyword's parameters, as ajv gives them (`missingProperty`, `limit`, ...). */
  params: Record<string, unknown>
}

/**
 * The schema compiled by ajv at build time (`scripts/generate-validator.mjs`,
 * with `allErrors` and `strict`): a run loads the generated code instead of
 * compiling the schema again, which took about 0.15 s of each.
 */
const validate = generatedValidate as unknown as ((value: unknown) => value is Catalog) & {errors?: ErrorObject[] | null}
const validateVocabularyValue = generatedValidateVocabulary as unknown as ((value: unknown) => value is Vocabulary) & {errors?: ErrorObject[] | null}

/** Validate a value against the catalog schema; every violation, not the first only. */
export function validateCatalog(value: unknown): {valid: true; catalog: Catalog} | {valid: false; violations: SchemaViolation[]} {
  if (validate(value)) return {valid: true, catalog: value}
  return {valid: false, violations: violationsOf(validate.errors)}
}

/** Validate a value against the vocabulary schema. */
export function validateVocabulary(value: unknown): {valid: true; vocabulary: Vocabulary} | {valid: false; violations: SchemaViolation[]} {
  if (validateVocabularyValue(value)) return {valid: true, vocabulary: value}
  return {valid: false, violations: violationsOf(validateVocabularyValue.errors)}
}

/** An `if` failing says only that its `then` did, which is reported on its own. */
function violationsOf(errors: ErrorObject[] | null | undefined): SchemaViolation[] {
  return (errors ?? []).filter((error) => error.keyword !== 'if').map(toViolation)
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
  } else if (error.keyword === 'pattern' && error.params['pattern'] === textPattern) {
    message = 'holds a control character (only tabs and line breaks may stand in text)'
  } else if (error.keyword === 'enum') {
    const allowed = (error.params['allowedValues'] as unknown[] | undefined) ?? []
    message = `must be one of ${allowed.map((value) => `\`${String(value)}\``).join(', ')}`
  } else if (error.keyword === 'contains') {
    message = 'needs an item with key `url` and a link'
  }
  return {pointer, message: `${error.instancePath || '/'} ${message}`, keyword: error.keyword, schemaPath: error.schemaPath, params: error.params}
}

/** Whether a parsed JSON value is an object (not an array, not null): the first check of anything read back from a file. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
