import type {AccessItem, Catalog, Dataset, Fact, LocalizedList, LocalizedText} from '@catalog/schema'

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

/** A dataset section by its name in `sections`: `description`, `facts`, `lists/0`, ... */
export type SectionOf = NonNullable<
  Dataset['description'] | Dataset['facts'] | Dataset['tasks'] | Dataset['access'] | Dataset['citation'] | Dataset['lists'][number]
>

export function sectionOf(dataset: Dataset, name: string): SectionOf | undefined {
  if (name.startsWith('lists/')) return dataset.lists[Number(name.slice('lists/'.length))]
  switch (name) {
    case 'description':
      return dataset.description
    case 'facts':
      return dataset.facts
    case 'tasks':
      return dataset.tasks
    case 'access':
      return dataset.access
    case 'citation':
      return dataset.citation
    default:
      return undefined
  }
}

/**
 * Shape one section for the templates, its label given and its content read
 * in `reading`: the description is `**Label:** text`, key facts and access
 * entries `- **Key:** value` (a link where the entry has a URL), lists bullets
 * or one comma-separated line, the citation a fenced block.
 */
export function sectionView(dataset: Dataset, name: string, label: string, notice: string | null, reading: Reading): SectionView | undefined {
  const base = {label, notice}
  if (name === 'description') return {...base, partial: 'sections/text', text: pickText(dataset.description.text, reading)}
  if (name === 'facts' || name === 'access') {
    const items: ReadonlyArray<Fact | AccessItem> = dataset[name].items
    return {...base, partial: 'sections/pairs', items: items.map((item) => pairView(item, reading))}
  }
  if (name === 'citation') {
    const citation = dataset.citation
    return citation ? {...base, partial: 'sections/code', language: citation.language, content: citation.raw} : undefined
  }
  const list = name === 'tasks' ? dataset.tasks : name.startsWith('lists/') ? dataset.lists[Number(name.slice('lists/'.length))] : undefined
  if (!list) return undefined
  return {...base, partial: list.style === 'inline' ? 'sections/inline' : 'sections/bullets', items: pickList(list.items, reading)}
}

function pairView(item: Fact | AccessItem, reading: Reading): {label: string; value: string} {
  const value = pickText(item.value, reading)
  const url = 'url' in item ? item.url : undefined
  return {label: pickText(item.label, reading), value: url === undefined ? value : `[${value}](${url})`}
}

/** The datasets listed under a category, in catalog order. */
export function datasetsIn(catalog: Catalog, categoryId: string): Dataset[] {
  return catalog.datasets.filter((dataset) => dataset.category === categoryId)
}

/** The name a comparison row shows: its dataset's name, or the id if the row names no dataset. */
export function rowName(catalog: Catalog, datasetId: string): string {
  return catalog.datasets.find((dataset) => dataset.id === datasetId)?.name ?? datasetId
}

export function resourcesView(catalog: Catalog): ResourcesView | null {
  const resources = catalog.resources
  return resources ? {heading: resources.heading, items: resources.items.map(({text, url}) => ({text, url}))} : null
}
