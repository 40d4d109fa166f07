import {type AccessItem, type Catalog, type Dataset, type Fact, listIndexOf, type LocalizedList, type LocalizedText, sectionOf} from '@catalog/schema'

/**
 * The view model the templates render: every string already chosen and
 * every optional part present as `null`, so that the templates only print
 * and loop (strict mode makes a forgotten field throw instead of vanish).
 */
export interface DocumentView {
  title: string
  halves: HalfView[]
  resources: ResourcesView | null
}

export interface HalfView {
  flag: string
  name: string
  overview: OverviewView | null
  categories: CategoryView[]
  comparison: ComparisonView | null
}

export interface OverviewView {
  heading: string
  text: string
  notice: string | null
}

export interface CategoryView {
  emoji: string
  title: string
  notice: string | null
  datasets: DatasetView[]
}

export interface DatasetView {
  rating: number
  name: string
  title: string
  notice: string | null
  sections: SectionView[]
}

interface SectionBase {
  label: string
  /** A visible note that the section is shown in another language. */
  notice: string | null
}

/** One section of a dataset; `partial` names the template under `templates/`. */
export type SectionView =
  | (SectionBase & {partial: 'sections/text'; text: string})
  | (SectionBase & {partial: 'sections/pairs'; items: Array<{label: string; value: string}>})
  | (SectionBase & {partial: 'sections/bullets' | 'sections/inline'; items: string[]})
  | (SectionBase & {partial: 'sections/code'; language: string; content: string})

export interface ComparisonView {
  emoji: string
  heading: string
  notice: string | null
  columns: string[]
  rows: Array<{name: string; cells: string[]}>
}

export interface ResourcesView {
  heading: string
  items: Array<{text: string; url: string}>
}

/**
 * Which language a view is read in: `code` first, then the fallbacks (the
 * primary language, then the others in document order).
 */
export interface Reading {
  code: string
  order: string[]
}

export function readingOf(catalog: Catalog, code: string): Reading {
  const codes = catalog.languages.map((language) => language.code)
  const primary = codes[0] ?? code
  return {code, order: [...new Set([code, primary, ...codes])]}
}

/** The value in the first language of the reading that has one, and which language that was. */
export function pick<T>(values: Readonly<Record<string, T>>, reading: Reading): {value: T; from: string} | undefined {
  for (const code of reading.order) {
    const value = values[code]
    if (value !== undefined) return {value, from: code}
  }
  return undefined
}

export function pickText(values: LocalizedText, reading: Reading): string {
  return pick(values, reading)?.value ?? ''
}

export function pickList(values: LocalizedList, reading: Reading): string[] {
  return pick(values, reading)?.value ?? []
}

export {sectionOf}

/**
 * Shape one section for the templates, its label given and its content read
 * in `reading`: the description is `**Label:** text`, key facts and access
 * entries `- **Key:** value` (a link where the entry has a URL), lists bullets
 * or one comma-separated line, the citation a fenced block. `asWritten` shows
 * what that half of the source says: only its own items, and its own link or
 * citation block where it differs from the primary half's (the regenerated
 * source); otherwise missing items fall back to another language.
 */
export function sectionView(
  dataset: Dataset,
  name: string,
  label: string,
  notice: string | null,
  reading: Reading,
  asWritten = false
): SectionView | undefined {
  const base = {label, notice}
  if (name === 'description') return {...base, partial: 'sections/text', text: pickText(dataset.description.text, reading)}
  if (name === 'facts' || name === 'access') {
    const items: ReadonlyArray<Fact | AccessItem> = dataset[name].items
    const shown = asWritten ? items.filter((item) => item.label[reading.code] !== undefined) : items
    return {...base, partial: 'sections/pairs', items: shown.map((item) => pairView(item, reading, asWritten))}
  }
  if (name === 'citation') {
    const citation = dataset.citation
    const content = (asWritten ? citation?.rawVariants?.[reading.code] : undefined) ?? citation?.raw
    return citation && content !== undefined ? {...base, partial: 'sections/code', language: citation.language, content} : undefined
  }
  const list = name === 'tasks' ? dataset.tasks : dataset.lists[listIndexOf(name) ?? -1]
  if (!list) return undefined
  return {...base, partial: list.style === 'inline' ? 'sections/inline' : 'sections/bullets', items: pickList(list.items, reading)}
}

function pairView(item: Fact | AccessItem, reading: Reading, asWritten: boolean): {label: string; value: string} {
  const value = pickText(item.value, reading)
  const url = 'url' in item ? ((asWritten ? item.urlVariants?.[reading.code] : undefined) ?? item.url) : undefined
  return {label: pickText(item.label, reading), value: url === undefined ? value : `[${value}](${url})`}
}

/**
 * The datasets listed under a category, in catalog order; with `asWrittenIn`,
 * as that half of the source lists them (a translation may list a dataset
 * under another category).
 */
export function datasetsIn(catalog: Catalog, categoryId: string, asWrittenIn?: string): Dataset[] {
  const categoryOf = (dataset: Dataset): string => (asWrittenIn === undefined ? undefined : dataset.variants?.[asWrittenIn]?.category) ?? dataset.category
  return catalog.datasets.filter((dataset) => categoryOf(dataset) === categoryId)
}

/** The name a comparison row shows: its dataset's name, or the id if the row names no dataset. */
export function rowName(catalog: Catalog, datasetId: string): string {
  return catalog.datasets.find((dataset) => dataset.id === datasetId)?.name ?? datasetId
}

export function resourcesView(catalog: Catalog): ResourcesView | null {
  const resources = catalog.resources
  return resources ? {heading: resources.heading, items: resources.items.map(({text, url}) => ({text, url}))} : null
}
