import type {Catalog, Dataset} from '@catalog/schema'
import {defaultFreeAccessTerms} from './options.js'

/** Where the source says a dataset is free: the JSON pointer of the text and the term found. */
export interface FreeAccessEvidence {
  pointer: string
  term: string
}

/**
 * Whether the source says, in one of its languages, that the dataset costs
 * nothing: a term of that language (`Free for research use`, `Gratuito`,
 * `Open access`) in one of its access values (the main URL aside), or in its
 * comparison row under the column titled like its access section. Terms
 * match whole words, case-insensitively; `free-text` is no match.
 *
 * Returns the first evidence found, or undefined when the source says
 * nothing: the property is then left out rather than guessed `false`.
 */
export function freeAccessEvidence(
  catalog: Catalog,
  datasetIndex: number,
  terms: Readonly<Record<string, readonly string[]>> = defaultFreeAccessTerms
): FreeAccessEvidence | undefined {
  const dataset = catalog.datasets[datasetIndex]
  if (!dataset) return undefined
  for (const {code} of catalog.languages) {
    const patterns = (terms[code] ?? []).map((term) => ({term, pattern: wholeWords(term)}))
    if (patterns.length === 0) continue
    for (const {value, pointer} of textsAboutAccess(catalog, dataset, datasetIndex, code)) {
      const found = patterns.find(({pattern}) => pattern.test(value.normalize('NFC')))
      if (found) return {pointer, term: found.term}
    }
  }
  return undefined
}

function* textsAboutAccess(catalog: Catalog, dataset: Dataset, datasetIndex: number, code: string): Generator<{value: string; pointer: string}> {
  for (const [position, item] of dataset.access.items.entries()) {
    const value = item.value[code]
    // The main URL's text is an address, where a word like "free" means nothing.
    if (item.key === 'url' || value === undefined) continue
    yield {value, pointer: `/datasets/${datasetIndex}/access/items/${position}/value/${code}`}
  }
  const comparison = catalog.comparison
  const accessLabel = dataset.access.label[code]
  const rowIndex = comparison?.rows.findIndex((row) => row.dataset === dataset.id) ?? -1
  const cells = comparison?.rows[rowIndex]?.cells[code]
  const headers = comparison?.columns[code]
  if (!cells || !headers || accessLabel === undefined) return
  // The first header names the dataset column, which has no cell of its own.
  for (const [position, cell] of cells.entries()) {
    if (sameWords(headers[position + 1], accessLabel)) {
      yield {value: cell, pointer: `/comparison/rows/${rowIndex}/cells/${code}/${position}`}
    }
  }
}

function sameWords(a: string | undefined, b: string): boolean {
  return a !== undefined && a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase()
}

function wholeWords(term: string): RegExp {
  const escaped = term
    .normalize('NFC')
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\s+/g, '\\s+')
  return new RegExp(`(?<![\\p{L}\\p{N}-])${escaped}(?![\\p{L}\\p{N}-])`, 'iu')
}
