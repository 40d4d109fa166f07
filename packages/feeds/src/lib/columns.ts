import {type Catalog, catalogSchema, type Dataset, type LocalizedList, type LocalizedText, type Quantity, datasetUrl} from '@catalog/schema'
import {languageCodes} from './dataset.js'

/** Table Schema type of a column. */
export type ColumnType = 'string' | 'integer' | 'number'

/**
 * Which number of a quantity a column holds: `count`, `minimum` (at least), or
 * `from`/`until` (year range). Every suffix has four letters or more, and
 * language codes have two or three, so `fact_<key>_<part>` never meets a text
 * column `fact_<key>_<code>` (Tongan is `to`, Minangkabau `min`).
 */
export type QuantityPart = 'count' | 'minimum' | 'from' | 'until'

/** Where a column's cells come from in a dataset, for consumers that group or filter columns. */
export interface ColumnSource {
  section: 'dataset' | 'category' | 'title' | 'description' | 'facts' | 'tasks' | 'lists' | 'access' | 'citation'
  /** Key of the fact, titled list or access entry; the property for `dataset` (`id`, `name`, `rating`, `url`) and `citation` (`key`). */
  key?: string
  /** Language code of a text column. */
  language?: string
  /** The number of a quantity column, or `link` for an access entry's link target. */
  part?: QuantityPart | 'link'
}

/** One cell: the value as in the catalog and the JSON pointer (into the catalog) it comes from. */
export interface Cell {
  value: string | number
  pointer: string
}

/** One column of `datasets.csv` (and of the Table Schema in `datapackage.json`). */
export interface CsvColumn {
  name: string
  type: ColumnType
  /** Table Schema format; `uri` for links. */
  format?: 'uri'
  title: string
  description: string
  constraints?: {required?: boolean; unique?: boolean; minimum?: number; maximum?: number}
  source: ColumnSource
  /** The cell of the dataset at `index` in `catalog.datasets`, or undefined when the dataset has none (an empty cell). */
  read: (dataset: Dataset, index: number) => Cell | undefined
}

/** Separator of list items inside one cell. */
export const listSeparator = '; '

const quantityParts: Record<Quantity['kind'], QuantityPart[]> = {count: ['count'], 'at-least': ['minimum'], 'year-range': ['from', 'until']}
const partOrder: QuantityPart[] = ['count', 'minimum', 'from', 'until']
const ratingSchema = catalogSchema.properties.datasets.items.properties.rating

/**
 * The columns of `datasets.csv`, derived from the catalog (see the README's
 * column contract): the fixed columns first, then a group per key fact,
 * titled list and access entry, named after its section and key
 * (`fact_size_en`, `list_lesion_types_en`, `access_license_en`) so that no two
 * groups can share a name, in the order of the vocabulary, then the groups of
 * labels the vocabulary does not declare, in the order they first appear
 * (whatever their kind). Adding a dataset, or a label at the end of the
 * vocabulary, never moves a column that was there.
 */
export function csvColumns(catalog: Catalog): CsvColumn[] {
  const codes = languageCodes(catalog)
  const primary = codes[0] ?? ''
  const languageName = new Map(catalog.languages.map((language) => [language.code, language.name]))
  const columns: CsvColumn[] = []
  const inLanguage = (code: string): string => `in ${languageName.get(code) ?? code}`
  const titled = (label: string, code: string): string => `${label} (${languageName.get(code) ?? code})`
  const textColumns = (
    base: string,
    label: string,
    describe: (code: string) => string,
    source: Omit<ColumnSource, 'language'>,
    read: (dataset: Dataset, index: number, code: string) => Cell | undefined
  ): void => {
    for (const code of codes) {
      columns.push({
        name: `${base}_${code}`,
        type: 'string',
        title: titled(label, code),
        description: describe(code),
        source: {...source, language: code},
        read: (dataset, index) => read(dataset, index, code)
      })
    }
  }

  columns.push({
    name: 'id',
    type: 'string',
    title: 'Id',
    description: 'Identifier of the dataset: its name lowercased, other characters turned into hyphens. Unique; the primary key.',
    constraints: {required: true, unique: true},
    source: {section: 'dataset', key: 'id'},
    read: (dataset, index) => ({value: dataset.id, pointer: `/datasets/${index}/id`})
  })
  columns.push({
    name: 'name',
    type: 'string',
    title: 'Name',
    description: 'Name of the dataset, as in its heading.',
    constraints: {required: true},
    source: {section: 'dataset', key: 'name'},
    read: (dataset, index) => ({value: dataset.name, pointer: `/datasets/${index}/name`})
  })
  columns.push({
    name: 'rating',
    type: 'integer',
    title: 'Rating',
    description: `The curators' rating: the count of stars in the heading, from ${ratingSchema.minimum} to ${ratingSchema.maximum}.`,
    constraints: {required: true, minimum: ratingSchema.minimum, maximum: ratingSchema.maximum},
    source: {section: 'dataset', key: 'rating'},
    read: (dataset, index) => ({value: dataset.rating, pointer: `/datasets/${index}/rating`})
  })
  columns.push({
    name: 'category',
    type: 'string',
    title: 'Category',
    description: 'Identifier of the category the dataset is listed under.',
    constraints: {required: true},
    source: {section: 'category'},
    read: (dataset, index) => ({value: dataset.category, pointer: `/datasets/${index}/category`})
  })
  const categoryIndex = new Map(catalog.categories.map((category, index) => [category.id, index]))
  textColumns(
    'category',
    'Category',
    (code) => `Title of the category ${inLanguage(code)}.`,
    {section: 'category'},
    (dataset, _index, code) => {
      const position = categoryIndex.get(dataset.category)
      const value = position === undefined ? undefined : catalog.categories[position]?.title[code]
      return value === undefined ? undefined : {value, pointer: `/categories/${position}/title/${code}`}
    }
  )
  textColumns(
    'title',
    'Title',
    (code) => `Title of the dataset (the heading after its name) ${inLanguage(code)}.`,
    {section: 'title'},
    (dataset, index, code) => localizedCell(dataset.title, code, `/datasets/${index}/title`)
  )
  textColumns(
    'description',
    'Description',
    (code) => `Description of the dataset ${inLanguage(code)}.`,
    {section: 'description'},
    (dataset, index, code) => localizedCell(dataset.description.text, code, `/datasets/${index}/description/text`)
  )
  textColumns(
    'tasks',
    'Tasks',
    (code) => `Tasks of the dataset ${inLanguage(code)}, joined by "${listSeparator}".`,
    {section: 'tasks'},
    (dataset, index, code) => (dataset.tasks ? listCell(dataset.tasks.items, code, `/datasets/${index}/tasks/items`) : undefined)
  )
  columns.push({
    name: 'url',
    type: 'string',
    format: 'uri',
    title: 'URL',
    description: 'Main address of the dataset (https).',
    constraints: {required: true},
    source: {section: 'dataset', key: 'url'},
    read: (dataset, index) => {
      const position = dataset.access.items.findIndex((item) => item.key === 'url')
      return position < 0 ? undefined : {value: datasetUrl(dataset) ?? '', pointer: `/datasets/${index}/access/items/${position}/url`}
    }
  })
  columns.push({
    name: 'citation_key',
    type: 'string',
    title: 'Citation key',
    description: 'BibTeX key of the paper to cite for the dataset.',
    source: {section: 'citation', key: 'key'},
    read: (dataset, index) => (dataset.citation ? {value: dataset.citation.key, pointer: `/datasets/${index}/citation/key`} : undefined)
  })

  const groups = {
    fact: (key: string, label: string, parts: readonly string[], withText: boolean): void => {
      const base = `fact_${key.replaceAll('-', '_')}`
      const itemIndex = (dataset: Dataset): number => dataset.facts.items.findIndex((item) => item.key === key)
      if (withText)
        textColumns(
          base,
          label,
          (code) => `The key fact "${label}" ${inLanguage(code)}, as written.`,
          {section: 'facts', key},
          (dataset, index, code) => {
            const position = itemIndex(dataset)
            const fact = dataset.facts.items[position]
            return fact ? localizedCell(fact.value, code, `/datasets/${index}/facts/items/${position}/value`) : undefined
          }
        )
      for (const part of parts) {
        if (!isQuantityPart(part)) continue
        columns.push({
          name: `${base}_${part}`,
          type: quantityType(catalog.datasets, key, part),
          title: `${label} (${part})`,
          description: describeQuantity(label, part),
          source: {section: 'facts', key, part},
          read: (dataset, index) => {
            const position = itemIndex(dataset)
            const quantity = dataset.facts.items[position]?.quantity
            const value = quantity ? quantityValue(quantity, part) : undefined
            return value === undefined ? undefined : {value, pointer: `/datasets/${index}/facts/items/${position}/quantity`}
          }
        })
      }
    },
    list: (key: string, label: string, _parts: readonly string[], withText: boolean): void => {
      if (!withText) return
      textColumns(
        `list_${key.replaceAll('-', '_')}`,
        label,
        (code) => `The list "${label}" ${inLanguage(code)}, joined by "${listSeparator}".`,
        {section: 'lists', key},
        (dataset, index, code) => {
          const position = dataset.lists.findIndex((list) => list.key === key)
          const list = dataset.lists[position]
          return list ? listCell(list.items, code, `/datasets/${index}/lists/${position}/items`) : undefined
        }
      )
    },
    access: (key: string, label: string, parts: readonly string[], withText: boolean): void => {
      if (key === 'url') return
      const base = `access_${key.replaceAll('-', '_')}`
      const itemIndex = (dataset: Dataset): number => dataset.access.items.findIndex((item) => item.key === key)
      if (withText)
        textColumns(
          base,
          label,
          (code) => `The access entry "${label}" ${inLanguage(code)}, as written (a link gives its text).`,
          {section: 'access', key},
          (dataset, index, code) => {
            const position = itemIndex(dataset)
            const item = dataset.access.items[position]
            return item ? localizedCell(item.value, code, `/datasets/${index}/access/items/${position}/value`) : undefined
          }
        )
      if (!parts.includes('link')) return
      columns.push({
        name: `${base}_link`,
        type: 'string',
        format: 'uri',
        title: `${label} (link)`,
        description: `Where the access entry "${label}" links to.`,
        source: {section: 'access', key, part: 'link'},
        read: (dataset, index) => {
          const position = itemIndex(dataset)
          const url = dataset.access.items[position]?.url
          return url === undefined ? undefined : {value: url, pointer: `/datasets/${index}/access/items/${position}/url`}
        }
      })
    }
  } as const
  // Every declared group, used or not, at its place in the vocabulary with the parts it declares; then, after
  // every declared column, what the datasets hold undeclared as it first appears: whole groups, and the parts
  // of declared groups that their entries do not declare.
  const used = groupsInOrder(catalog.datasets, primary)
  const declared = new Map<string, {label: string; parts: readonly string[]}>()
  for (const entry of catalog.vocabulary ?? []) {
    if (entry.kind === 'section' || declared.has(groupId(entry))) continue
    const label = entry.labels[primary] ?? used.get(groupId(entry))?.label ?? Object.values(entry.labels)[0] ?? entry.key
    declared.set(groupId(entry), {label, parts: entry.parts ?? []})
    groups[entry.kind](entry.key, label, entry.parts ?? [], true)
  }
  for (const group of used.values()) {
    const entry = declared.get(groupId(group))
    const parts = group.parts.filter((part) => !entry?.parts.includes(part))
    groups[group.kind](group.key, entry?.label ?? group.label, parts, entry === undefined)
  }
  assertUniqueNames(columns)
  return columns
}

/** Every dataset's row: one value per column, undefined for an empty cell. */
export function csvRows(catalog: Catalog, columns: readonly CsvColumn[] = csvColumns(catalog)): Array<Array<string | number | undefined>> {
  return catalog.datasets.map((dataset, index) => columns.map((column) => column.read(dataset, index)?.value))
}

function localizedCell(text: LocalizedText, code: string, pointer: string): Cell | undefined {
  const value = text[code]
  return value === undefined ? undefined : {value, pointer: `${pointer}/${code}`}
}

function listCell(items: LocalizedList, code: string, pointer: string): Cell | undefined {
  const list = items[code]
  return list === undefined || list.length === 0 ? undefined : {value: list.join(listSeparator), pointer: `${pointer}/${code}`}
}

function quantityValue(quantity: Quantity, part: QuantityPart): number | undefined {
  if (quantity.kind === 'year-range') return part === 'from' ? quantity.from : part === 'until' ? quantity.to : undefined
  if (quantity.kind === 'count') return part === 'count' ? quantity.value : undefined
  return part === 'minimum' ? quantity.value : undefined
}

function describeQuantity(label: string, part: QuantityPart): string {
  switch (part) {
    case 'count':
      return `The number that the key fact "${label}" starts with, when it states a count.`
    case 'minimum':
      return `The lower bound that the key fact "${label}" states as "N+".`
    case 'from':
      return `The first year of the range that the key fact "${label}" states.`
    case 'until':
      return `The last year of the range that the key fact "${label}" states.`
  }
}

/** A quantity column's type: integer unless a dataset's value for it has a fraction. */
function quantityType(datasets: readonly Dataset[], key: string, part: QuantityPart): ColumnType {
  for (const dataset of datasets) {
    const quantity = dataset.facts.items.find((item) => item.key === key)?.quantity
    const value = quantity ? quantityValue(quantity, part) : undefined
    if (value !== undefined && !Number.isInteger(value)) return 'number'
  }
  return 'integer'
}

const isQuantityPart = (part: string): part is QuantityPart => (partOrder as readonly string[]).includes(part)

interface Group {
  kind: 'fact' | 'list' | 'access'
  key: string
  /** The primary label where first seen. */
  label: string
  /** The parts its values hold across datasets (quantities in `partOrder`, or `link`). */
  parts: string[]
}

const groupId = (group: {kind: string; key: string}): string => `${group.kind}\u0000${group.key}`

/** The keyed items (facts, titled lists, access entries) across datasets, by kind and key, in first-seen order. */
function groupsInOrder(datasets: readonly Dataset[], primary: string): Map<string, Group> {
  const seen = new Map<string, Group>()
  const add = (kind: Group['kind'], item: {key: string; label: LocalizedText}, parts: readonly string[]): void => {
    const id = groupId({kind, key: item.key})
    const group = seen.get(id) ?? {kind, key: item.key, label: item.label[primary] ?? Object.values(item.label)[0] ?? item.key, parts: []}
    seen.set(id, group)
    for (const part of parts) if (!group.parts.includes(part)) group.parts.push(part)
  }
  for (const dataset of datasets) {
    for (const item of dataset.facts.items) add('fact', item, item.quantity ? quantityParts[item.quantity.kind] : [])
    for (const list of dataset.lists) add('list', list, [])
    // The `url` entry is the fixed `url` column: its link is no part of a group.
    for (const item of dataset.access.items) add('access', item, item.url === undefined || item.key === 'url' ? [] : ['link'])
  }
  for (const group of seen.values()) group.parts.sort((a, b) => partRank(a) - partRank(b))
  return seen
}

/** The parts a label's values hold, in a fixed order: the numbers, then the link. */
export function valueParts(datasets: readonly Dataset[]): Map<string, string[]> {
  return new Map([...groupsInOrder(datasets, '').values()].map((group) => [groupId(group), group.parts]))
}

const partRank = (part: string): number => (isQuantityPart(part) ? partOrder.indexOf(part) : partOrder.length)

/**
 * Column names are unique by construction (keys are hyphenated slugs, so
 * turning hyphens into underscores loses nothing, and every suffix is told
 * apart from a language code by its length); this guards the construction.
 */
function assertUniqueNames(columns: readonly CsvColumn[]): void {
  const names = new Set<string>()
  for (const {name} of columns) {
    if (names.has(name)) throw new Error(`two columns of datasets.csv are named "${name}"`)
    names.add(name)
  }
}
