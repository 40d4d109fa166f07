import type {AccessItem, Catalog, Category, Dataset, Fact, Finding, TitledList} from '@catalog/schema'
import type {Node, Position} from 'unist'
import type {VFile} from 'vfile'
import {parseCitationCached} from './bibtex.js'
import {report} from './messages.js'
import {parseQuantity} from './quantity.js'
import type {Limits} from './limits.js'
import type {SectionCache} from './sections.js'
import type {CategoryOutline, DatasetOutline, Half, Outline, SectionOutline, SectionShape} from './structure.js'
import {slugify} from './text.js'

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
}

/** JSON pointer -> source position of the node the value came from. */
export type PointerMap = Map<string, Position>

type ListSection = {key: string; shape: SectionShape; name: string}

/**
 * Pair the halves of the outline into one Catalog. The first half is the
 * primary language: it gives ids, keys and the order of everything. Other
 * halves pair with it: datasets by id, categories by emoji (or position),
 * facts and access entries by position, titled lists by a glossary of label
 * translations learnt from the datasets where the pairing is unambiguous.
 */
export function buildCatalog(outline: Outline, file: VFile, options: ParserOptions = {}): {catalog: Catalog; pointers: PointerMap} {
  const tasksKey = options.tasksKey ?? 'tasks'
  const pointers: PointerMap = new Map()
  const at = (pointer: string, node: Node | undefined): void => {
    if (node?.position && !pointers.has(pointer)) pointers.set(pointer, node.position)
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
    report(file, 'error', 'empty-id', `${what} "${text}" has no Latin letter or digit to make its id from; ids are made of the Latin letters and digits of a name: write the name with some, such as its Latin transliteration`, node)
    return standIn
  }
  at('/title', outline.title?.node)
  outline.halves.forEach((half, index) => at(`/languages/${index}`, half.node))
  if (!primary) return {catalog, pointers}
  // Lookups by id and by object, so that large catalogs stay linear.
  const datasetsById = new Map<string, Dataset[]>()
  const datasetIndex = new Map<Dataset, number>()

  const lang = primary.code
  for (const category of primary.categories) {
    const id = addCategory(category, lang)
    for (const dataset of category.datasets) addDataset(dataset, lang, id)
  }

  const listSectionsOf = new Map<Dataset, ListSection[]>()
  for (const dataset of catalog.datasets) {
    listSectionsOf.set(
      dataset,
      dataset.sections.flatMap((name): ListSection[] => {
        if (name === 'tasks' && dataset.tasks) return [{key: tasksKey, shape: dataset.tasks.style === 'inline' ? 'inline' : 'bullets', name}]
        const list = name.startsWith('lists/') ? dataset.lists[Number(name.slice(6))] : undefined
        return list ? [{key: list.key, shape: list.style === 'inline' ? 'inline' : 'bullets', name}] : []
      })
    )
  }

  for (const half of others) mergeHalf(half)
  readOverview()
  readComparison()
  readResources()
  // The properties in the schema's order, so that the JSON reads top-down like the document.
  const {schemaVersion, title, languages, overview, categories, datasets, comparison, resources} = catalog
  const ordered: Catalog = {schemaVersion, title, languages, ...(overview ? {overview} : {}), categories, datasets, ...(comparison ? {comparison} : {}), ...(resources ? {resources} : {})}
  return {catalog: ordered, pointers}

  /** Each bulleted item at its own line; the items of a comma list share their paragraph's. */
  function atItems(pointer: string, section: SectionOutline): void {
    section.itemNodes?.forEach((node, index) => at(`${pointer}/${index}`, node))
  }

  function addCategory(category: CategoryOutline, language: string): string {
    const index = catalog.categories.length
    const id = idOf(category.title, 'the category', category.node, `category-${index + 1}`)
    const entry: Category = {id, emoji: category.emoji, title: {[language]: category.title}}
    catalog.categories.push(entry)
    at(`/categories/${index}`, category.node)
    return id
  }

  function addDataset(outlineOfDataset: DatasetOutline, language: string, category: string): void {
    const base = `/datasets/${catalog.datasets.length}`
    const id = idOf(outlineOfDataset.name, 'the dataset', outlineOfDataset.node, `dataset-${catalog.datasets.length + 1}`)
    at(base, outlineOfDataset.node)
    let description: Dataset['description'] = {label: {}, text: {}}
    let facts: Dataset['facts'] = {label: {}, items: []}
    let access: Dataset['access'] = {label: {}, items: []}
    let tasks: Dataset['tasks']
    let citation: Dataset['citation']
    const lists: TitledList[] = []
    const sections: Dataset['sections'] = []
    const roles = rolesOf(outlineOfDataset.sections)
    for (const [position, section] of outlineOfDataset.sections.entries()) {
      const role = roles[position] ?? 'list'
      const key = role === 'list' ? idOf(section.label, 'the list', section.node, `list-${lists.length + 1}`) : slugify(section.label)
      const name = role === 'list' ? `lists/${lists.length}` : role
      if (sections.includes(name) || (role === 'list' && lists.some((list) => list.key === key))) {
        report(file, 'error', 'duplicate-section', `"${section.label}" repeats a section of ${outlineOfDataset.name}`, section.node)
        continue
      }
      const label = {[language]: section.label}
      if (role === 'description') {
        description = {label, text: {[language]: section.text ?? ''}}
      } else if (role === 'facts' || role === 'access') {
        const items = (section.pairs ?? []).map((pair, item) => {
          at(`${base}/${role}/items/${item}`, pair.node)
          const entry: Fact & AccessItem = {key: idOf(pair.label, 'the label', pair.node, `${role}-${item + 1}`), label: {[language]: pair.label}, value: {[language]: pair.value}}
          if (role === 'access' && pair.url !== undefined) entry.url = pair.url
          const quantity = role === 'facts' ? parseQuantity(pair.value, language) : undefined
          if (quantity) entry.quantity = quantity
          return entry
        })
        if (role === 'facts') facts = {label, items}
        else access = {label, items}
      } else if (role === 'tasks') {
        tasks = {label, style: styleOf(section), items: {[language]: section.items ?? []}}
        atItems(`${base}/tasks/items/${language}`, section)
      } else if (role === 'citation') {
        const parsed = readCitation(section, base)
        if (!parsed) continue
        citation = {label, ...parsed}
      } else {
        atItems(`${base}/lists/${lists.length}/items/${language}`, section)
        lists.push({key, label, style: styleOf(section), items: {[language]: section.items ?? []}})
      }
      at(`${base}/${name}`, section.node)
      sections.push(name)
    }
    at(`${base}/access`, outlineOfDataset.node)
    // Built in one literal so that the JSON lists its properties in a reading order.
    const dataset: Dataset = {
      id,
      name: outlineOfDataset.name,
      rating: outlineOfDataset.stars,
      category,
      title: {[language]: outlineOfDataset.title},
      description,
      facts,
      ...(tasks ? {tasks} : {}),
      lists,
      access,
      ...(citation ? {citation} : {}),
      sections
    }
    datasetIndex.set(dataset, catalog.datasets.length)
    datasetsById.set(id, [...(datasetsById.get(id) ?? []), dataset])
    catalog.datasets.push(dataset)
  }

  /**
   * What a section is, from its shape: the text is the description, the code
   * block the citation; of two `**Key:** value` lists the first holds the key
   * facts and the second the access entries (a lone one is the access list
   * when it has a \`URL\` link); bullets or comma lists are the tasks when
   * their label says so, titled lists otherwise.
   */
  function rolesOf(sections: readonly SectionOutline[]): Array<'description' | 'facts' | 'access' | 'tasks' | 'citation' | 'list'> {
    const pairSections = sections.filter((section) => section.shape === 'pairs')
    return sections.map((section) => {
      switch (section.shape) {
        case 'text':
          return 'description'
        case 'code':
          return 'citation'
        case 'pairs':
          if (pairSections.length === 1) {
            return section.pairs?.some((pair) => pair.url !== undefined && slugify(pair.label) === 'url') ? 'access' : 'facts'
          }
          return pairSections.indexOf(section) === 0 ? 'facts' : 'access'
        default:
          return slugify(section.label) === tasksKey ? 'tasks' : 'list'
      }
    })
  }

  function readCitation(section: SectionOutline, base: string): Omit<NonNullable<Dataset['citation']>, 'label'> | undefined {
    const code = section.code
    if (!code) return undefined
    at(`${base}/citation`, code.node)
    // BibTeX parsing is the slowest step after markdown; unchanged blocks come from the cache.
    const {entry, problems} = parseCitationCached(code.value, options.cache)
    const start = code.node.position?.start
    for (const problem of problems) {
      // The code's value starts on the line after the opening fence.
      const place = start ? {line: start.line + problem.line, column: start.column + problem.column - 1} : undefined
      report(file, 'error', problem.ruleId, problem.reason, place)
    }
    if (!entry) return undefined
    if (start) {
      const lineAt = (line: number): Position => ({start: {line: start.line + line, column: 1}, end: {line: start.line + line, column: 1}})
      pointers.set(`${base}/citation/key`, lineAt(1))
      // Each field at the line that sets it, so that a finding about a field points there.
      const lines = code.value.split('\n')
      for (const name of Object.keys(entry.fields)) {
        const index = lines.findIndex((line) => new RegExp(`^\\s*${name.replace(/[^a-z0-9_-]/gi, '')}\\s*=`, 'i').test(line))
        if (index !== -1) pointers.set(`${base}/citation/fields/${name}`, lineAt(index + 1))
      }
    }
    return {language: code.language, type: entry.type, key: entry.key, fields: entry.fields, raw: code.value}
  }

  // --- Secondary halves ----------------------------------------------------

  function mergeHalf(half: Half): void {
    const language = half.code
    const glossary = learnGlossary(half)
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
        report(file, 'warning', 'orphan-translation', `the category "${categoryOutline.title}" exists only in ${half.name}`, categoryOutline.node)
        categoryId = addCategory(categoryOutline, language)
      }
      for (const datasetOutline of categoryOutline.datasets) {
        const id = slugify(datasetOutline.name)
        const dataset = datasetsById.get(id)?.find((candidate) => !seen.has(candidate))
        if (!dataset) {
          report(file, 'warning', 'orphan-translation', `${datasetOutline.name} exists only in the ${half.name} half`, datasetOutline.node)
          addDataset(datasetOutline, language, categoryId)
          continue
        }
        seen.add(dataset)
        mergeDataset(dataset, datasetOutline, half, categoryId, glossary)
      }
    })
    for (const dataset of catalog.datasets) {
      if (!seen.has(dataset) && dataset.title[language] === undefined) {
        report(file, 'warning', 'missing-translation', `${dataset.name} has no ${half.name} translation`, pointers.get(`/datasets/${datasetIndex.get(dataset) ?? 0}`))
      }
    }
  }

  /** Learn list-label translations (e.g. `Tarefas` -> `tasks`) from datasets where each shape pairs one to one. */
  function learnGlossary(half: Half): Map<string, string> {
    const glossary = new Map<string, string>()
    const conflicting = new Set<string>()
    for (const datasetOutline of half.categories.flatMap((category) => category.datasets)) {
      const dataset = datasetsById.get(slugify(datasetOutline.name))?.[0]
      if (!dataset) continue
      const primaryLists = listSectionsOf.get(dataset) ?? []
      const lists = datasetOutline.sections.filter((section) => section.shape === 'bullets' || section.shape === 'inline')
      if (!unambiguous(primaryLists, lists)) continue
      for (const shape of ['bullets', 'inline'] as const) {
        const ours = primaryLists.filter((list) => list.shape === shape)
        lists
          .filter((list) => list.shape === shape)
          .forEach((list, index) => {
            const key = ours[index]?.key
            if (!key) return
            if (glossary.has(list.label) && glossary.get(list.label) !== key) conflicting.add(list.label)
            glossary.set(list.label, key)
          })
      }
    }
    for (const label of conflicting) glossary.delete(label)
    return glossary
  }

  function mergeDataset(dataset: Dataset, outlineOfDataset: DatasetOutline, half: Half, categoryId: string, glossary: Map<string, string>): void {
    const language = half.code
    const index = datasetIndex.get(dataset) ?? 0
    const base = `/datasets/${index}`
    dataset.title[language] = outlineOfDataset.title
    at(`${base}/title/${language}`, outlineOfDataset.node)
    if (dataset.category !== categoryId) {
      report(file, 'error', 'category-mismatch', `${dataset.name} is listed under another category in the ${half.name} half`, outlineOfDataset.node)
    }
    if (outlineOfDataset.stars !== dataset.rating) {
      report(file, 'error', 'rating-mismatch', `${dataset.name} has ${outlineOfDataset.stars} stars here but ${dataset.rating} in the primary half`, outlineOfDataset.node)
    }
    if (outlineOfDataset.name !== dataset.name) {
      report(file, 'error', 'heading-mismatch', `the name "${outlineOfDataset.name}" is written "${dataset.name}" in the primary half`, outlineOfDataset.node)
    }
    const primaryLists = listSectionsOf.get(dataset) ?? []
    const lists = outlineOfDataset.sections.filter((section) => section.shape === 'bullets' || section.shape === 'inline')
    const pairByOrder = unambiguous(primaryLists, lists)
    const taken = new Set<string>()
    const order: number[] = []

    const roles = rolesOf(outlineOfDataset.sections)
    for (const [position, section] of outlineOfDataset.sections.entries()) {
      const role = roles[position] ?? 'list'
      if (role === 'description') {
        if (dataset.description.label[language] !== undefined) {
          report(file, 'error', 'duplicate-section', `"${section.label}" repeats the description of ${dataset.name}`, section.node)
          continue
        }
        dataset.description.label[language] = section.label
        dataset.description.text[language] = section.text ?? ''
        at(`${base}/description/text/${language}`, section.node)
        order.push(dataset.sections.indexOf('description'))
      } else if (role === 'facts' || role === 'access') {
        const target = dataset[role]
        const pairs = section.pairs ?? []
        if (target.label[language] !== undefined) {
          report(file, 'error', 'duplicate-section', `"${section.label}" repeats the ${role} of ${dataset.name}`, section.node)
          continue
        }
        if (pairs.length !== target.items.length) {
          report(
            file,
            'error',
            `${role === 'facts' ? 'fact' : 'access'}-count-mismatch`,
            `${dataset.name} has ${pairs.length} ${role === 'facts' ? 'key facts' : 'access entries'} in ${half.name} but ${target.items.length} in the primary half; they pair by position`,
            section.node
          )
          continue
        }
        target.label[language] = section.label
        pairs.forEach((pair, item) => {
          const entry = target.items[item]
          if (!entry) return
          entry.label[language] = pair.label
          entry.value[language] = pair.value
          at(`${base}/${role}/items/${item}/value/${language}`, pair.node)
          if ('url' in entry && entry.url !== pair.url) {
            report(file, 'warning', 'url-mismatch', `the link ${pair.url ?? '(none)'} differs from the primary half's ${entry.url ?? ''}; the primary one is kept`, pair.node)
          }
        })
        order.push(dataset.sections.indexOf(role))
      } else if (role === 'citation') {
        if (!dataset.citation || dataset.citation.label[language] !== undefined) {
          report(file, 'error', 'unexpected-content', `a citation of ${dataset.name} that the primary half does not have`, section.node)
          continue
        }
        dataset.citation.label[language] = section.label
        if (section.code?.value !== dataset.citation.raw) {
          report(file, 'warning', 'citation-mismatch', `the citation differs from the primary half's; the primary one is kept`, section.body)
        }
        order.push(dataset.sections.indexOf('citation'))
      } else {
        const match = pairList(section, primaryLists, taken, glossary, pairByOrder, lists)
        if (!match) {
          report(file, 'warning', 'orphan-translation', `the list "${section.label}" of ${dataset.name} exists only in ${half.name}`, section.node)
          const list: TitledList = {
            key: slugify(section.label),
            label: {[language]: section.label},
            style: styleOf(section),
            items: {[language]: section.items ?? []}
          }
          at(`${base}/lists/${dataset.lists.length}`, section.node)
          dataset.sections.push(`lists/${dataset.lists.length}`)
          dataset.lists.push(list)
          continue
        }
        taken.add(match.name)
        const target = match.name === 'tasks' ? dataset.tasks : dataset.lists[Number(match.name.slice(6))]
        if (!target) continue
        target.label[language] = section.label
        target.items[language] = section.items ?? []
        at(`${base}/${match.name}/items/${language}`, section.node)
        atItems(`${base}/${match.name}/items/${language}`, section)
        const primaryItems = Object.values(target.items)[0] ?? []
        if (primaryItems.length !== (section.items ?? []).length) {
          report(file, 'warning', 'list-length-mismatch', `"${section.label}" has ${(section.items ?? []).length} items but ${primaryItems.length} in the primary half`, section.node)
        }
        order.push(dataset.sections.indexOf(match.name))
      }
    }
    if (order.some((position, item) => item > 0 && position < (order[item - 1] ?? 0))) {
      report(file, 'warning', 'section-order', `the sections of ${dataset.name} come in another order than in the primary half; they are regenerated in the primary order`, outlineOfDataset.node)
    }
    for (const name of dataset.sections) {
      if (name === 'citation') continue
      const section = name === 'tasks' ? dataset.tasks : name.startsWith('lists/') ? dataset.lists[Number(name.slice(6))] : dataset[name as 'description' | 'facts' | 'access']
      if (section && section.label[language] === undefined) {
        const label = Object.values(section.label)[0] ?? name
        report(file, 'warning', 'missing-translation', `"${label}" of ${dataset.name} has no ${half.name} translation`, pointers.get(`${base}/${name}`) ?? outlineOfDataset.node.position)
      }
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
      catalog.datasets.forEach((dataset, index) => {
        if (dataset.title[half.code] === undefined || seenRows.has(dataset.id)) return
        const primaryTable = half === halves[0]
        report(
          file,
          primaryTable ? 'error' : 'warning',
          primaryTable ? 'comparison-missing-row' : 'missing-translation',
          `${dataset.name} has no row in the ${half.name} comparison table`,
          primaryTable ? pointers.get(`/datasets/${index}`) : table.node.position
        )
      })
    }
  }

  function readResources(): void {
    if (!outline.resources) return
    catalog.resources = {heading: outline.resources.heading, items: outline.resources.items.map(({text, url}) => ({text, url}))}
    at('/resources', outline.resources.node)
    outline.resources.items.forEach((item, index) => at(`/resources/items/${index}`, item.node))
  }
}

function styleOf(section: SectionOutline): TitledList['style'] {
  return section.shape === 'inline' ? 'inline' : 'bullets'
}

/** One to one when every list shape of the translation occurs as often in the primary half. */
function unambiguous(primaryLists: readonly ListSection[], lists: readonly SectionOutline[]): boolean {
  return (['bullets', 'inline'] as const).every((shape) => {
    const count = lists.filter((list) => list.shape === shape).length
    return count === 0 || count === primaryLists.filter((list) => list.shape === shape).length
  })
}

function pairList(
  section: SectionOutline,
  primaryLists: readonly ListSection[],
  taken: ReadonlySet<string>,
  glossary: ReadonlyMap<string, string>,
  pairByOrder: boolean,
  lists: readonly SectionOutline[]
): ListSection | undefined {
  const free = primaryLists.filter((list) => !taken.has(list.name) && list.shape === section.shape)
  const known = glossary.get(section.label)
  const byGlossary = known === undefined ? undefined : free.find((list) => list.key === known)
  if (byGlossary) return byGlossary
  if (pairByOrder) {
    const position = lists.filter((list) => list.shape === section.shape).indexOf(section)
    return primaryLists.filter((list) => list.shape === section.shape)[position]
  }
  // Leave the lists that the glossary promises to another label for last.
  const promised = new Set(glossary.values())
  return free.find((list) => !promised.has(list.key)) ?? free[0]
}
