import type {Catalog, Category, Dataset, Finding, Vocabulary} from '@catalog/schema'
import type {Node, Position} from 'unist'
import type {VFile} from 'vfile'
import {createDataset, type DatasetContext, mergeTranslation, type UndeclaredLabel} from './dataset.js'
import {Labels} from './labels.js'
import type {Limits} from './limits.js'
import {report} from './messages.js'
import type {SectionCache} from './sections.js'
import type {CategoryOutline, Half, Outline} from './structure.js'
import {slugify} from '@catalog/schema'

/** Options of the parser; every one has a documented default. */
export interface ParserOptions {
  /**
   * More checks over the catalog, such as the renderers' own; their findings
   * are placed in the source and honour disable comments like the parser's.
   * @default []
   */
  checks?: ReadonlyArray<(catalog: Catalog) => Finding[]>
  /** Parsed sections by content hash, reused across runs (see `catalog build`); none by default. */
  cache?: SectionCache
  /** Limits past which a source is refused rather than parsed; see `defaultLimits`. */
  limits?: Partial<Limits>
  /**
   * Slug of the primary-language label of the list that holds a dataset's
   * tasks. Every other bulleted or comma-separated section is a titled list.
   * @default 'tasks'
   */
  tasksKey?: string
  /**
   * The declared labels (`source/vocabulary.json`): the halves pair a
   * dataset's parts by their keys, and a label close to a declared one is a
   * slip. Without one, every label is undeclared and paired by position
   * within its dataset, with a warning.
   * @default none
   */
  vocabulary?: Vocabulary
}

/** JSON pointer -> source position of the node the value came from. */
export type PointerMap = Map<string, Position>

/**
 * Pair the halves of the outline into one Catalog. The first half is the
 * primary language: it gives ids, keys and the order of everything. Other
 * halves pair with it: datasets by id, categories by emoji (or position), and
 * each dataset's parts by their vocabulary keys inside that dataset (see
 * `mergeTranslation`). Every value's node position is recorded under its
 * JSON pointer. Structure only: what the halves disagree on is kept, and the
 * translation checks of @catalog/i18n report it.
 */
export function buildCatalog(
  outline: Outline,
  file: VFile,
  options: ParserOptions = {}
): {catalog: Catalog; pointers: PointerMap; undeclared: UndeclaredLabel[]} {
  const pointers: PointerMap = new Map()
  const at = (pointer: string, place: Node | Position | undefined): void => {
    const position = place && 'type' in place ? place.position : place
    if (position && !pointers.has(pointer)) pointers.set(pointer, position)
  }
  const [primary, ...others] = outline.halves
  const catalog: Catalog = {
    schemaVersion: 1,
    title: outline.title?.text ?? '',
    languages: outline.halves.map(({code, flag, name}) => ({code, flag, name})),
    categories: [],
    datasets: []
  }
  /**
   * The id or key a name makes (`slugify`); a name with no Latin letter or
   * digit makes none, which is reported once, at the name, and given a
   * stand-in so that nothing after it fails for the same reason.
   */
  const idOf = (text: string, what: string, node: Node | undefined, standIn: string): string => {
    const id = slugify(text)
    if (id !== '') return id
    report(
      file,
      'error',
      'empty-id',
      `${what} "${text}" has no Latin letter or digit to make its id from; ids are made of the Latin letters and digits of a name: write the name with some, such as its Latin transliteration`,
      node
    )
    return standIn
  }
  const context: DatasetContext = {
    file,
    primary: outline.halves[0]?.code ?? '',
    labels: new Labels(options.vocabulary),
    tasksKey: options.tasksKey ?? 'tasks',
    cache: options.cache,
    at,
    idOf,
    undeclared: []
  }
  at('/title', outline.title?.node)
  outline.halves.forEach((half, index) => {
    at(`/languages/${index}`, half.node)
  })
  if (!primary) return {catalog, pointers, undeclared: []}
  // Lookups by id and by object, so that large catalogs stay linear.
  const datasetsById = new Map<string, Dataset[]>()
  const datasetIndex = new Map<Dataset, number>()

  const addDataset = (outlineOfDataset: Half['categories'][number]['datasets'][number], language: string, category: string): void => {
    const dataset = createDataset(context, outlineOfDataset, language, category, catalog.datasets.length)
    datasetIndex.set(dataset, catalog.datasets.length)
    datasetsById.set(dataset.id, [...(datasetsById.get(dataset.id) ?? []), dataset])
    catalog.datasets.push(dataset)
  }
  for (const category of primary.categories) {
    const id = addCategory(category, primary.code)
    for (const dataset of category.datasets) addDataset(dataset, primary.code, id)
  }
  for (const half of others) mergeHalf(half)
  reportUndeclared()
  readOverview()
  readComparison()
  readResources()
  // The properties in the schema's order, so that the JSON reads top-down like the document.
  const {schemaVersion, title, languages, overview, categories, datasets, comparison, resources} = catalog
  const vocabulary = options.vocabulary?.labels
  const ordered: Catalog = {
    schemaVersion,
    title,
    languages,
    ...(vocabulary ? {vocabulary} : {}),
    ...(overview ? {overview} : {}),
    categories,
    datasets,
    ...(comparison ? {comparison} : {}),
    ...(resources ? {resources} : {})
  }
  return {catalog: ordered, pointers, undeclared: context.undeclared}

  function addCategory(category: CategoryOutline, language: string): string {
    const index = catalog.categories.length
    const id = idOf(category.title, 'the category', category.node, `category-${index + 1}`)
    const entry: Category = {id, emoji: category.emoji, title: {[language]: category.title}}
    catalog.categories.push(entry)
    at(`/categories/${index}`, category.node)
    at(`/categories/${index}/title/${language}`, category.node)
    return id
  }

  function mergeHalf(half: Half): void {
    const language = half.code
    const byEmoji = new Map<string, Category[]>()
    for (const category of catalog.categories) byEmoji.set(category.emoji, [...(byEmoji.get(category.emoji) ?? []), category])
    const seen = new Set<Dataset>()
    half.categories.forEach((categoryOutline, position) => {
      const sameEmoji = byEmoji.get(categoryOutline.emoji) ?? []
      let category = sameEmoji.length === 1 ? sameEmoji[0] : catalog.categories[position]
      if (category && category.title[language] !== undefined) category = undefined
      let categoryId: string
      if (category) {
        category.title[language] = categoryOutline.title
        at(`/categories/${catalog.categories.indexOf(category)}/title/${language}`, categoryOutline.node)
        categoryId = category.id
      } else {
        // Only in this translation: kept, in this language alone.
        categoryId = addCategory(categoryOutline, language)
      }
      for (const datasetOutline of categoryOutline.datasets) {
        const id = slugify(datasetOutline.name)
        const dataset = datasetsById.get(id)?.find((candidate) => !seen.has(candidate))
        if (!dataset) {
          addDataset(datasetOutline, language, categoryId)
          continue
        }
        seen.add(dataset)
        mergeTranslation(context, dataset, datasetIndex.get(dataset) ?? 0, datasetOutline, language, categoryId)
      }
    })
  }

  /**
   * One warning per label the vocabulary does not declare (with the labels it
   * was paired with), at its first place: each says how it was paired and how
   * to declare it.
   */
  function reportUndeclared(): void {
    const groups = new Map<string, UndeclaredLabel[]>()
    for (const entry of context.undeclared) {
      const key = JSON.stringify([entry.kind, Object.entries(entry.labels).sort()])
      groups.set(key, [...(groups.get(key) ?? []), entry])
    }
    const groupOf = {section: 'section', list: 'section', fact: 'fact', access: 'access'} as const
    for (const group of groups.values()) {
      const [first] = group
      if (!first) continue
      const named = (entries: Array<[string, string]>): string => entries.map(([language, text]) => `\`${text}\` (${language})`).join(' and ')
      const entries = Object.entries(first.labels)
      const undeclared = entries.filter(([language, text]) => context.labels.resolve(groupOf[first.kind], language, text).kind !== 'declared')
      const declared = entries.filter((entry) => !undeclared.includes(entry))
      const dataset = catalog.datasets.find((candidate) => candidate.id === first.dataset)?.name ?? first.dataset
      const pairing = entries.length > 1 ? `; paired${declared.length > 0 ? ` with ${named(declared)}` : ''} by position within ${dataset}` : ` (${dataset})`
      const more = group.length > 1 ? `, and so in ${group.length - 1} more dataset${group.length > 2 ? 's' : ''}` : ''
      const verb = undeclared.length > 1 ? 'are' : 'is'
      report(
        file,
        'warning',
        'undeclared-label',
        `${named(undeclared)} ${verb} not declared in the vocabulary${pairing}${more}; declare ${undeclared.length > 1 ? 'them' : 'it'} with \`catalog vocabulary --write\``,
        {line: first.line, column: 1}
      )
    }
  }

  function readOverview(): void {
    const halves = outline.halves.filter((half) => half.overview)
    if (halves.length === 0) return
    catalog.overview = {heading: {}, text: {}}
    for (const half of halves) {
      if (!half.overview) continue
      catalog.overview.heading[half.code] = half.overview.heading
      catalog.overview.text[half.code] = half.overview.text
      at(`/overview/text/${half.code}`, half.overview.node)
    }
  }

  function readComparison(): void {
    const halves = outline.halves.filter((half) => half.comparison)
    const first = halves[0]?.comparison
    if (!first) return
    const comparison: NonNullable<Catalog['comparison']> = {emoji: first.emoji, heading: {}, columns: {}, rows: []}
    const rowsById = new Map<string, {row: NonNullable<Catalog['comparison']>['rows'][number]; index: number}>()
    catalog.comparison = comparison
    at('/comparison', first.node)
    for (const half of halves) {
      const table = half.comparison
      if (!table) continue
      comparison.heading[half.code] = table.title
      comparison.columns[half.code] = table.columns
      const seenRows = new Set<string>()
      for (const row of table.rows) {
        const id = slugify(row.name)
        if (!datasetsById.has(id)) {
          // The row of a dataset whose heading was refused follows from that slip, reported at the heading.
          if (refusedIds(file).has(id)) continue
          report(file, 'error', 'comparison-unknown-dataset', `the comparison row "${row.name}" names no dataset of the catalog`, row.node)
          continue
        }
        if (seenRows.has(id)) {
          report(file, 'error', 'comparison-duplicate-row', `${row.name} has two rows in the comparison table`, row.node)
          continue
        }
        seenRows.add(id)
        if (row.cells.length !== table.columns.length - 1) {
          report(file, 'error', 'comparison-cells', `the row of ${row.name} has ${row.cells.length + 1} cells for ${table.columns.length} columns`, row.node)
        }
        let entry = rowsById.get(id)
        if (!entry) {
          entry = {row: {dataset: id, cells: {}}, index: comparison.rows.length}
          rowsById.set(id, entry)
          comparison.rows.push(entry.row)
        }
        entry.row.cells[half.code] = row.cells
        at(`/comparison/rows/${entry.index}/cells/${half.code}`, row.node)
      }
      // A missing row of a translated table is a missing translation, which the translation checks report.
      if (half !== halves[0]) continue
      catalog.datasets.forEach((dataset, index) => {
        if (dataset.title[half.code] === undefined || seenRows.has(dataset.id)) return
        report(file, 'error', 'comparison-missing-row', `${dataset.name} has no row in the ${half.name} comparison table`, pointers.get(`/datasets/${index}`))
      })
    }
  }

  function readResources(): void {
    if (!outline.resources) return
    catalog.resources = {heading: outline.resources.heading, items: outline.resources.items.map(({text, url}) => ({text, url}))}
    at('/resources', outline.resources.node)
    outline.resources.items.forEach((item, index) => {
      at(`/resources/items/${index}`, item.node)
    })
  }
}

/** The ids the refused dataset headings would have given (`### CHEXPERT - ...` without its stars gives `chexpert`). */
export function refusedIds(file: VFile): Set<string> {
  const lines = String(file.value).split('\n')
  const ids = new Set<string>()
  for (const message of file.messages) {
    if (message.ruleId !== 'malformed-dataset-heading' || !message.line) continue
    const text = (lines[message.line - 1] ?? '').replace(/^\s*#+\s*/, '').replace(/^[^\p{L}\p{N}]+/u, '')
    ids.add(slugify(text.split(' - ')[0] ?? ''))
  }
  return ids
}
