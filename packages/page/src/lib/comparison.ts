/**
 * The comparison table, shaped for the page: one table whose header and
 * cells hold every language's text, as the cards do, so that the language
 * switch and the fallback badges work the same way. A cell that starts with
 * a number carries it (`<data value>`), read in the language the cell is
 * written in, for the script to sort by.
 */

import type {Catalog} from '@catalog/schema'
import {readNumber} from './format.js'
import {inlineToText} from './inline.js'
import {type PageLanguages, type VariantView, variantsOf} from './localize.js'

/** One variant of a cell, with the number it starts with (as `<data value>` wants it), if any. */
export type CellVariantView = VariantView<string> & {number: string | null}

export interface ComparisonRowView {
  dataset: string
  /** The dataset's name: the first column. */
  name: string
  /** Its card (`#<id>`), or null for a row naming no dataset of the catalog (the parser refuses one). */
  href: string | null
  cells: CellVariantView[][]
}

export interface ComparisonView {
  emoji: string
  heading: VariantView<string>[]
  /** Every column's header, the dataset column first. */
  columns: VariantView<string>[][]
  rows: ComparisonRowView[]
}

type Marking = Pick<PageLanguages, 'codes' | 'names' | 'untranslated'>

/**
 * The comparison table of the catalog, or null when it has none. It has as
 * many columns as the language that has most; a language that lacks a header
 * or a cell shows another's, marked, as for any catalog text.
 */
export function buildComparisonView(catalog: Catalog, languages: Marking): ComparisonView | null {
  const comparison = catalog.comparison
  if (!comparison) return null
  const columnCount = Math.max(1, ...Object.values(comparison.columns).map((columns) => columns.length))
  /** The values of position `index` in a list per language, for the languages whose list reaches it. */
  const at = (lists: Readonly<Record<string, readonly string[]>>, index: number): Record<string, string> =>
    Object.fromEntries(Object.entries(lists).flatMap(([code, list]) => (list[index] === undefined ? [] : [[code, list[index]]])))
  const names = new Map(catalog.datasets.map((dataset) => [dataset.id, dataset.name]))
  return {
    emoji: comparison.emoji,
    heading: variantsOf(comparison.heading, languages),
    columns: Array.from({length: columnCount}, (_, index) => variantsOf(at(comparison.columns, index), languages)),
    rows: comparison.rows.map((row) => {
      const name = names.get(row.dataset)
      return {
        dataset: row.dataset,
        name: name ?? row.dataset,
        href: name === undefined ? null : `#${row.dataset}`,
        // The first column names the dataset; the cells fill the columns after it.
        cells: Array.from({length: columnCount - 1}, (_, index) =>
          variantsOf(at(row.cells, index), languages).map((variant) => {
            const number = readNumber(inlineToText(variant.value), variant.lang)
            return {...variant, number: number === undefined ? null : String(number)}
          })
        )
      }
    })
  }
}
