import {type Catalog, type Fragments, renderEveryTime} from '@catalog/schema'
import {type Options, stringify} from 'csv-stringify/sync'
import {csvColumns, type CsvColumn, csvRows} from './columns.js'
import {needsNeutralising, neutraliseFormula} from './formula.js'

/**
 * `rfc4180`: UTF-8 without BOM, LF between records, quotes only where needed,
 * for programs. `excel`: the same cells with a UTF-8 BOM (without it Excel
 * reads UTF-8 as the local code page), CRLF between records, and quotes
 * around every cell that holds a `;` as well: in the locales whose list
 * separator is `;` (pt-BR and pt-PT among them) Excel splits a file on it, and
 * an unquoted `safe;=1+1` would become a formula.
 */
export type CsvFlavour = 'rfc4180' | 'excel'

/** Line terminator of each flavour, also declared in the datapackage dialect. */
export const lineTerminators: Record<CsvFlavour, string> = {rfc4180: '\n', excel: '\r\n'}

/**
 * One row per dataset in source order, after a header row of column names.
 * Text cells that a spreadsheet would run as a formula get an apostrophe and
 * quotes (see `neutraliseFormula`); numbers are written as numbers.
 */
export function renderCsv(
  catalog: Catalog,
  flavour: CsvFlavour = 'rfc4180',
  columns: readonly CsvColumn[] = csvColumns(catalog),
  fragments: Fragments = renderEveryTime
): string {
  // Each record is stringified on its own, a fragment keyed by its cells: csv-stringify writes a record
  // from its cells and the options alone, so the records joined are what one call over all of them gives.
  const header = stringify([columns.map((column) => column.name)], {...options(flavour), bom: flavour === 'excel', cast: {}})
  const records = csvRows(catalog, columns).map((row) => fragments.fragment(`feeds/csv-${flavour}`, row, () => stringify([row], options(flavour))))
  return header + records.join('')
}

function options(flavour: CsvFlavour): Options {
  return {
    record_delimiter: lineTerminators[flavour],
    // Setting record_delimiter turns this off; a lone LF or CR inside a cell must still be quoted.
    quote_record_delimiter: true,
    ...(flavour === 'excel' ? {quoted_match: /[;,"\r\n]/} : {}),
    cast: {
      string: (value, context) => (!context.header && needsNeutralising(value) ? {value: neutraliseFormula(value), quoted: true} : value)
    }
  }
}
