import {type Catalog, type Dataset, listIndexOf} from '@catalog/schema'

/**
 * What kind of text a segment holds; it decides which checks apply. Labels
 * and titles are short and mostly title-cased; texts and values are prose;
 * lists and table cells pair item by item.
 */
export type SegmentKind = 'title' | 'label' | 'text' | 'value' | 'link' | 'list' | 'cells'

/**
 * One unit of translation: a text (or list) of the primary language and its
 * counterpart in each other language. Lists are compared item by item and
 * hashed as their items joined by line feeds.
 */
export interface Segment {
  /** Id of the dataset, or null for the document's own parts (overview, categories, comparison table). */
  dataset: string | null
  /** Index of the dataset in `catalog.datasets`, -1 for the document's own parts. */
  datasetIndex: number
  /** `title`, `description`, `facts.size`, `facts.size.label`, `lists.lesion-types`, `comparison`, `overview.text`, ... */
  field: string
  kind: SegmentKind
  /** Items per language, for lists and table rows; a text is one item. */
  items: Readonly<Record<string, readonly string[]>>
  /** JSON pointer of the value in a language. */
  pointer: (language: string) => string
}

/** The text of a segment in a language (items joined by line feeds), or undefined where it has none. */
export function segmentText(segment: Segment, language: string): string | undefined {
  return segment.items[language]?.join('\n')
}

function text(values: Readonly<Record<string, string>>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(values).map(([code, value]) => [code, [value]]))
}

/** The field name of a dataset section: `description`, `facts`, `tasks`, `lists.<key>`, `access`, `citation`. */
export function sectionField(dataset: Dataset, name: string): string {
  const index = listIndexOf(name)
  if (index === undefined) return name
  return `lists.${dataset.lists[index]?.key ?? index}`
}

/**
 * Every translatable segment of the catalog, in document order: the
 * overview, category titles, each dataset's title and sections (their labels
 * apart from their contents), its comparison row, and the comparison table's
 * heading and columns. The citation is language-neutral (BibTeX is written
 * once) and is no segment; nor are names, ratings and links, which the
 * catalog holds once.
 */
export function segmentsOf(catalog: Catalog): Segment[] {
  const segments: Segment[] = []
  const documentPart = (field: string, kind: SegmentKind, items: Record<string, string[]>, pointer: (language: string) => string): void => {
    segments.push({dataset: null, datasetIndex: -1, field, kind, items, pointer})
  }
  if (catalog.overview) {
    documentPart('overview.heading', 'title', text(catalog.overview.heading), (l) => `/overview/heading/${l}`)
    documentPart('overview.text', 'text', text(catalog.overview.text), (l) => `/overview/text/${l}`)
  }
  catalog.categories.forEach((category, index) => {
    documentPart(`categories.${category.id}`, 'title', text(category.title), (l) => `/categories/${index}/title/${l}`)
  })
  catalog.datasets.forEach((dataset, index) => {
    segments.push(...datasetSegments(catalog, dataset, index))
  })
  const comparison = catalog.comparison
  if (comparison) {
    documentPart('comparison.heading', 'title', text(comparison.heading), (l) => `/comparison/heading/${l}`)
    documentPart('comparison.columns', 'cells', comparison.columns, (l) => `/comparison/columns/${l}`)
  }
  return segments
}

function datasetSegments(catalog: Catalog, dataset: Dataset, index: number): Segment[] {
  const base = `/datasets/${index}`
  const segments: Segment[] = []
  const add = (field: string, kind: SegmentKind, items: Record<string, string[]>, pointer: (language: string) => string): void => {
    segments.push({dataset: dataset.id, datasetIndex: index, field, kind, items, pointer})
  }
  add('title', 'title', text(dataset.title), (l) => `${base}/title/${l}`)
  for (const name of dataset.sections) {
    const field = sectionField(dataset, name)
    if (name === 'description') {
      add('description.label', 'label', text(dataset.description.label), (l) => `${base}/description/label/${l}`)
      add('description', 'text', text(dataset.description.text), (l) => `${base}/description/text/${l}`)
    } else if (name === 'facts' || name === 'access') {
      const section = dataset[name]
      add(`${field}.label`, 'label', text(section.label), (l) => `${base}/${name}/label/${l}`)
      section.items.forEach((item, position) => {
        const link = 'url' in item && item.url !== undefined
        add(`${field}.${item.key}.label`, 'label', text(item.label), (l) => `${base}/${name}/items/${position}/label/${l}`)
        add(`${field}.${item.key}`, link ? 'link' : 'value', text(item.value), (l) => `${base}/${name}/items/${position}/value/${l}`)
      })
    } else if (name !== 'citation') {
      const list = name === 'tasks' ? dataset.tasks : dataset.lists[listIndexOf(name) ?? -1]
      if (!list) continue
      add(`${field}.label`, 'label', text(list.label), (l) => `${base}/${name}/label/${l}`)
      add(field, 'list', list.items, (l) => `${base}/${name}/items/${l}`)
    }
  }
  const row = catalog.comparison?.rows.findIndex((candidate) => candidate.dataset === dataset.id) ?? -1
  const cells = catalog.comparison?.rows[row]?.cells
  if (cells) add('comparison', 'cells', cells, (l) => `/comparison/rows/${row}/cells/${l}`)
  return segments
}

/**
 * The stable id of a segment, as a PO file's `msgctxt` names it:
 * `<dataset id>:<field>` (`chexpert:facts.size`) or, for the document's own
 * parts, the field alone (`overview.text`, `categories.<id>`). Dataset ids
 * and fields hold no colon, so the two never meet.
 */
export function segmentId(segment: Pick<Segment, 'dataset' | 'field'>): string {
  return segment.dataset === null ? segment.field : `${segment.dataset}:${segment.field}`
}
