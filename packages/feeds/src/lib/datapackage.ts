import {type Catalog, slugify} from '@catalog/schema'
import type {CsvColumn} from './columns.js'
import {lineTerminators} from './csv.js'
import {hashSource} from './hash.js'

/** A Table Schema field. */
export interface TableSchemaField {
  name: string
  title: string
  type: CsvColumn['type']
  format?: 'uri'
  description: string
  constraints?: NonNullable<CsvColumn['constraints']>
}

/**
 * A Frictionless Data Package (v1, profile `tabular-data-package`) whose one
 * resource is `datasets.csv`, with its dialect, size and hash, and a Table
 * Schema with one field per column in order and `id` as the primary key.
 */
export function buildDataPackage(catalog: Catalog, columns: readonly CsvColumn[], csv: string): Record<string, unknown> {
  const primary = catalog.languages[0]?.code ?? ''
  const description = catalog.overview?.text[primary]
  const fields: TableSchemaField[] = columns.map((column) => ({
    name: column.name,
    title: column.title,
    type: column.type,
    ...(column.format ? {format: column.format} : {}),
    description: column.description,
    ...(column.constraints ? {constraints: column.constraints} : {})
  }))
  return {
    profile: 'tabular-data-package',
    name: packageName(catalog.title),
    title: catalog.title,
    ...(description === undefined ? {} : {description}),
    resources: [
      {
        profile: 'tabular-data-resource',
        name: 'datasets',
        path: 'datasets.csv',
        title: 'Datasets',
        description:
          'One row per dataset, in the order of the source. Texts keep their CommonMark inline markup; list items are joined by "; "; an empty cell means the source has no value. A text cell that starts with = + - @, a tab or a carriage return has an apostrophe put before it so that spreadsheets cannot run it (a plain number such as -5 is left alone).',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        bytes: Buffer.byteLength(csv, 'utf8'),
        hash: hashSource(csv),
        dialect: {delimiter: ',', lineTerminator: lineTerminators.rfc4180, quoteChar: '"', doubleQuote: true, header: true},
        schema: {fields, primaryKey: 'id', missingValues: ['']}
      }
    ]
  }
}

/** A package name as Frictionless wants it (lowercase letters, digits, `-`, `.`, `_`): the title's slug. */
function packageName(title: string): string {
  return slugify(title) || 'catalog'
}
