import type {Catalog, Dataset} from '@catalog/schema'
import {
  type CategoryView,
  type ComparisonView,
  type DatasetView,
  type DocumentView,
  datasetsIn,
  type HalfView,
  pickList,
  pickText,
  type Reading,
  readingOf,
  resourcesView,
  rowName,
  sectionOf,
  sectionView
} from './view.js'

/**
 * The view of the whole source document: one half per language, each
 * holding exactly what the catalog has in that language, in the primary
 * language's order. A part appears in a half when its own text (a title, a
 * section label, a row) has that language; this is the inverse of how the
 * parser pairs the halves, so parsing the result gives the catalog back.
 */
export function bilingualView(catalog: Catalog): DocumentView {
  return {
    title: catalog.title,
    halves: catalog.languages.map((language): HalfView => {
      const reading = readingOf(catalog, language.code)
      return {
        flag: language.flag,
        name: language.name,
        overview: overviewIn(catalog, reading),
        categories: catalog.categories.flatMap((category): CategoryView[] => {
          const title = category.title[language.code]
          if (title === undefined) return []
          const datasets = datasetsIn(catalog, category.id, language.code).flatMap((dataset) => datasetIn(dataset, reading))
          return [{emoji: category.emoji, title, notice: null, datasets}]
        }),
        comparison: comparisonIn(catalog, reading)
      }
    }),
    resources: resourcesView(catalog)
  }
}

function overviewIn(catalog: Catalog, reading: Reading): HalfView['overview'] {
  const overview = catalog.overview
  const text = overview?.text[reading.code]
  if (!overview || text === undefined) return null
  return {heading: pickText(overview.heading, reading), text, notice: null}
}

/** A dataset as its half of the source writes it: its own heading, its own sections in its own order. */
function datasetIn(dataset: Dataset, reading: Reading): DatasetView[] {
  const title = dataset.title[reading.code]
  if (title === undefined) return []
  const variant = dataset.variants?.[reading.code]
  const sections = (variant?.sections ?? dataset.sections).flatMap((name) => {
    const label = sectionOf(dataset, name)?.label[reading.code]
    const view = label === undefined ? undefined : sectionView(dataset, name, label, null, reading, true)
    return view ? [view] : []
  })
  return [{rating: variant?.rating ?? dataset.rating, name: variant?.name ?? dataset.name, title, notice: null, sections}]
}

function comparisonIn(catalog: Catalog, reading: Reading): ComparisonView | null {
  const comparison = catalog.comparison
  const heading = comparison?.heading[reading.code]
  if (!comparison || heading === undefined) return null
  return {
    emoji: comparison.emoji,
    heading,
    notice: null,
    columns: pickList(comparison.columns, reading),
    rows: comparison.rows.flatMap((row) => {
      const cells = row.cells[reading.code]
      return cells === undefined ? [] : [{name: rowName(catalog, row.dataset), cells}]
    })
  }
}
