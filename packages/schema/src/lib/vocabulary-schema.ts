/**
 * The vocabulary: every label the catalog uses, with a stable key and its
 * text in each language. Kept beside the source as `vocabulary.json`, written
 * by `catalog vocabulary`, published as `dist/vocabulary.schema.json`.
 *
 * A section label (`Description`, `Key Features`, `Tasks`, `Access`,
 * `Citation`) declares which of the five fixed sections it opens; a list label
 * a titled list (`Lesion Types`); a fact label a key fact's (`Size`); an access
 * label an access entry's (`License`). The halves pair a dataset's parts by
 * these keys, and the order of the labels is the order of the CSV's columns.
 */

const languageCode = {type: 'string', pattern: '^[a-z]{2,3}$'} as const
const textPattern = '^[^\\u0000-\\u0008\\u000A-\\u001F\\u007F-\\u009F]*$'

export const fixedSectionKeys = ['description', 'facts', 'tasks', 'access', 'citation'] as const

/** The numbers a key fact's value can state, each a CSV column when declared: see `parts`. */
export const quantityParts = ['count', 'minimum', 'from', 'until'] as const

const label = {
  type: 'object',
  properties: {
    key: {
      type: 'string',
      pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$',
      description: 'Stable key: the CSV names its columns after it, and the halves pair by it.'
    },
    kind: {
      enum: ['section', 'list', 'fact', 'access'],
      description: 'What the label names: one of the five fixed sections, a titled list, a key fact, or an access entry.'
    },
    labels: {
      type: 'object',
      description: 'The label as written in each half, by language code, without the colon.',
      propertyNames: languageCode,
      additionalProperties: {type: 'string', minLength: 1, pattern: textPattern},
      minProperties: 1
    },
    parts: {
      type: 'array',
      uniqueItems: true,
      minItems: 1,
      items: {enum: ['count', 'minimum', 'from', 'until', 'link']},
      description:
        "The CSV's columns beside the label's text columns, in this order: the numbers a key fact's value states (`count`, `minimum` for `N+`, `from` and `until` for a year range), or an access entry's `link` target. Declared, they stand at the label's place whatever the datasets hold, so a dataset that brings a number or a link moves no column."
    }
  },
  required: ['key', 'kind', 'labels'],
  additionalProperties: false,
  allOf: [
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keywords; this object is a schema, never awaited
    {if: {properties: {kind: {const: 'section'}}, required: ['kind']}, then: {properties: {key: {enum: fixedSectionKeys}}}},
    // biome-ignore lint/suspicious/noThenProperty: as above
    {if: {properties: {kind: {const: 'fact'}}, required: ['kind']}, then: {properties: {parts: {type: 'array', items: {enum: quantityParts}}}}},
    // biome-ignore lint/suspicious/noThenProperty: as above
    {if: {properties: {kind: {const: 'access'}}, required: ['kind']}, then: {properties: {parts: {type: 'array', items: {const: 'link'}}}}},
    // biome-ignore lint/suspicious/noThenProperty: as above
    {if: {properties: {kind: {enum: ['section', 'list']}}, required: ['kind']}, then: {not: {required: ['parts']}}}
  ]
} as const

/** The labels, in order: the shape `catalog.vocabulary` holds too. */
export const vocabularyLabels = {type: 'array', items: label} as const

export const vocabularySchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://medical-imaging-catalog.invalid/schema/v1/vocabulary.json',
  title: 'The labels of a catalog',
  description: 'Every label the catalog uses, with a stable key and its text per language (source/vocabulary.json).',
  type: 'object',
  properties: {
    $schema: {type: 'string'},
    version: {const: 1},
    labels: vocabularyLabels
  },
  required: ['version', 'labels'],
  additionalProperties: false
} as const
