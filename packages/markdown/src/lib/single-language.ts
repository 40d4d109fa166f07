import {fill, languageName, messagesFor, resolveMessage} from '@catalog/locales'
import type {Catalog, Dataset} from '@catalog/schema'
import {
  type CategoryView,
  type ComparisonView,
  type DatasetView,
  type DocumentView,
  datasetsIn,
  type HalfView,
  pick,
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
 * The view of a whole document in one language: every category, dataset and
 * section of the catalog, each in `code` where it is translated and
 * otherwise in the primary language (then any other) under a visible notice.
 * Language-neutral parts (links, numbers, names, the BibTeX citation) appear
 * in every language, whether or not that language's half of the source has them.
 */
export function languageView(catalog: Catalog, code: string): DocumentView {
  const language = catalog.languages.find((candidate) => candidate.code === code)
  if (!language) throw new RangeError(`the catalog has no language "${code}"`)
  const reading = readingOf(catalog, code)
  const names = Object.fromEntries(catalog.languages.map((entry) => [entry.code, entry.name]))
  const primary = catalog.languages[0]?.code
  // The notice names the language shown in the language the notice is written in: `inglês` in Portuguese.
  const notice = resolveMessage(code, primary, 'document', 'untranslated')
  const noticeFor = (from: string | undefined): string | null =>
    from === undefined || from === code ? null : fill(notice.value, {language: languageName(from, notice.locale, names)})

  // The first citation label any dataset has in this language, found once rather than once per dataset.
  const catalogCitationLabel = catalog.datasets.map((dataset) => dataset.citation?.label[code]).find((label) => label !== undefined)

  const half: HalfView = {
    flag: language.flag,
    name: language.name,
    overview: overviewView(),
    categories: catalog.categories.map((category): CategoryView => {
      const title = pick(category.title, reading)
      return {
        emoji: category.emoji,
        title: title?.value ?? category.id,
        notice: noticeFor(title?.from),
        datasets: datasetsIn(catalog, category.id).map(datasetView)
      }
    }),
    comparison: comparisonView()
  }
  return {title: titleIn(catalog, code), halves: [half], resources: resourcesView(catalog)}

  function overviewView(): HalfView['overview'] {
    const overview = catalog.overview
    const text = overview ? pick(overview.text, reading) : undefined
    if (!overview || !text) return null
    return {heading: pickText(overview.heading, reading), text: text.value, notice: noticeFor(text.from)}
  }

  function datasetView(dataset: Dataset): DatasetView {
    const title = pick(dataset.title, reading)
    // A dataset shown in another language carries one notice, not one per section.
    const datasetNotice = noticeFor(title?.from)
    const sections = dataset.sections.flatMap((name) => {
      const section = sectionOf(dataset, name)
      if (!section) return []
      const label = name === 'citation' ? {value: citationLabel(dataset), from: code} : pick(section.label, reading)
      const notice = datasetNotice ? null : noticeFor(label?.from)
      const view = sectionView(dataset, name, label?.value ?? name, notice, sectionReading(datasetNotice ? title?.from : label?.from))
      return view ? [view] : []
    })
    return {rating: dataset.rating, name: dataset.name, title: title?.value ?? dataset.name, notice: datasetNotice, sections}
  }

  /** Read a section's content in the language its label (or its dataset's title) was found in, so that they agree. */
  function sectionReading(from: string | undefined): Reading {
    return from === undefined || from === code ? reading : readingOf(catalog, from)
  }

  /**
   * The citation is language-neutral, so every document shows it; only its
   * label needs words: the catalog's own label in this language where any
   * dataset has one, else the interface's (@catalog/locales).
   */
  function citationLabel(dataset: Dataset): string {
    return dataset.citation?.label[code] ?? catalogCitationLabel ?? messagesFor(code, primary).sections.citation
  }

  function comparisonView(): ComparisonView | null {
    const comparison = catalog.comparison
    if (!comparison) return null
    const heading = pick(comparison.heading, reading)
    const columns = pick(comparison.columns, reading)
    const rows = comparison.rows.map((row) => ({name: rowName(catalog, row.dataset), cells: pick(row.cells, reading)}))
    const fallback = [heading?.from, columns?.from, ...rows.map((row) => row.cells?.from)].find((from) => from !== undefined && from !== code)
    return {
      emoji: comparison.emoji,
      heading: heading?.value ?? '',
      notice: noticeFor(fallback),
      columns: columns?.value ?? pickList(comparison.columns, reading),
      rows: rows.map((row) => ({name: row.name, cells: row.cells?.value ?? []}))
    }
  }
}

/**
 * The document title in one language. The source's title names the catalog
 * in every language, joined by ` / ` in language order (`Medical Imaging
 * Datasets / Datasets de Imagem Médica`); when it has exactly one part per
 * language, the part of `code` is taken, otherwise the whole title.
 */
export function titleIn(catalog: Catalog, code: string): string {
  const parts = catalog.title.split(' / ')
  const index = catalog.languages.findIndex((language) => language.code === code)
  return parts.length === catalog.languages.length && index >= 0 ? (parts[index] ?? catalog.title) : catalog.title
}
