import path from 'node:path'
import type {Catalog, Dataset} from '@catalog/schema'
import {describe, expect, it} from 'vitest'
import type {CsvColumn} from '../src/index.js'
import {csvColumns, csvRows, renderCsv} from '../src/index.js'
import {cloneCatalog, fixedColumns, fixturesFolder, frozenSourcePath, loadCatalog, readCsv} from './helpers.js'

type VocabularyEntry = NonNullable<Catalog['vocabulary']>[number]

const kindOf: Partial<Record<CsvColumn['source']['section'], string>> = {facts: 'fact', lists: 'list', access: 'access'}

/** The groups of key facts, titled lists and access entries, in column order, each named by its prefix: `fact_size`. */
function groupsOf(columns: readonly CsvColumn[]): string[] {
  const groups: string[] = []
  for (const column of columns) {
    const kind = kindOf[column.source.section]
    if (!kind) continue
    const group = `${kind}_${(column.source.key ?? '').replaceAll('-', '_')}`
    expect(column.name.startsWith(`${group}_`), `${column.name} is named after its group ${group}`).toBe(true)
    if (groups.at(-1) !== group) groups.push(group)
  }
  // A group's columns stand together: a group seen twice would be split.
  expect(new Set(groups).size).toBe(groups.length)
  return groups
}

/** The groups of the frozen source: every key it uses is declared, so they follow its vocabulary. */
const frozenGroups = [
  'fact_size',
  'fact_patients',
  'fact_reports',
  'fact_institution',
  'fact_time_period',
  'access_license',
  'access_requirements',
  'fact_labels',
  'fact_uncertainty_handling',
  'fact_competition',
  'list_labels_14_observations',
  'access_download',
  'fact_cancer_types',
  'fact_multi_modal',
  'list_cancer_types_included',
  'access_portal',
  'fact_task',
  'fact_challenges',
  'list_lesion_types',
  'access_api'
]

/** A new dataset made from `template`, with new labels the vocabulary does not declare. */
function newDataset(template: Dataset, id: string, labels: {fact: string; list: string; access: string}): Dataset {
  const dataset = structuredClone(template)
  dataset.id = id
  dataset.name = id.toUpperCase()
  const title = (key: string): string => key.replaceAll('-', ' ')
  dataset.facts.items.push({
    key: labels.fact,
    label: {en: title(labels.fact), pt: title(labels.fact)},
    value: {en: `1,234 ${labels.fact}`, pt: `1.234 ${labels.fact}`},
    quantity: {kind: 'count', value: 1234}
  })
  dataset.lists.push({
    key: labels.list,
    label: {en: title(labels.list), pt: title(labels.list)},
    style: 'inline',
    items: {en: ['one', 'two'], pt: ['um', 'dois']}
  })
  dataset.sections.push(`lists/${dataset.lists.length - 1}`)
  dataset.access.items.push({
    key: labels.access,
    label: {en: title(labels.access)},
    value: {en: `the ${labels.access}`},
    url: `https://example.org/${id}/${labels.access}`
  })
  return dataset
}

describe('csvColumns', () => {
  const {catalog} = loadCatalog(frozenSourcePath)

  it('puts the fixed columns first, in their order: id, name, rating, category, category_, title_, description_, tasks_, url, citation_key', () => {
    const names = csvColumns(catalog).map((column) => column.name)
    expect(names.slice(0, 14)).toEqual(fixedColumns(['en', 'pt']))
    expect(names.slice(0, 14)).toEqual([
      'id',
      'name',
      'rating',
      'category',
      'category_en',
      'category_pt',
      'title_en',
      'title_pt',
      'description_en',
      'description_pt',
      'tasks_en',
      'tasks_pt',
      'url',
      'citation_key'
    ])
    // Nothing after them is a fixed column: the rest are the prefixed groups.
    expect(names.slice(14).every((name) => /^(fact|list|access)_/.test(name))).toBe(true)
  })

  it('keeps the tasks columns, empty, when no dataset has tasks', () => {
    const taskless = cloneCatalog(catalog)
    for (const dataset of taskless.datasets) delete dataset.tasks
    const names = csvColumns(taskless).map((column) => column.name)
    expect(names).toEqual(csvColumns(catalog).map((column) => column.name))
    const records = readCsv(renderCsv(taskless))
    for (const code of ['en', 'pt']) {
      const column = records[0]?.indexOf(`tasks_${code}`) ?? -1
      expect(column).toBeGreaterThan(0)
      expect(records.slice(1).map((record) => record[column])).toEqual(taskless.datasets.map(() => ''))
    }
  })

  it('orders the declared groups as the vocabulary does', () => {
    expect(groupsOf(csvColumns(catalog))).toEqual(frozenGroups)
    // The order comes from the vocabulary, not from the datasets: reversing one reverses the other.
    const reversed = cloneCatalog(catalog)
    reversed.vocabulary = [...(catalog.vocabulary ?? [])].reverse()
    expect(groupsOf(csvColumns(reversed))).toEqual([...frozenGroups].reverse())
    // A declared label that no dataset uses makes its group all the same, at its place (so that the first dataset
    // to use it moves nothing); a section label never does.
    const unused = cloneCatalog(catalog)
    unused.vocabulary = [{key: 'scanner-count', kind: 'fact', labels: {en: 'Scanner Count'}, parts: ['count']}, ...(catalog.vocabulary ?? [])]
    const columns = csvColumns(unused)
    expect(groupsOf(columns)).toEqual(['fact_scanner_count', ...frozenGroups])
    const at = columns.findIndex((column) => column.name === 'fact_scanner_count_en')
    expect(columns.slice(at, at + 3).map((column) => [column.name, column.title])).toEqual([
      ['fact_scanner_count_en', 'Scanner Count (English)'],
      ['fact_scanner_count_pt', 'Scanner Count (Português)'],
      ['fact_scanner_count_count', 'Scanner Count (count)']
    ])
    expect(csvRows(unused).every((row) => row.slice(at, at + 3).every((cell) => cell === undefined))).toBe(true)
  })

  it('puts the parts a vocabulary entry declares at its place, and the parts it does not after every declared column', () => {
    // The frozen vocabulary declares Size's count and minimum, and the portal's link.
    const declared = (catalog.vocabulary ?? []).filter((entry) => entry.parts)
    expect(declared.map((entry) => [entry.key, entry.parts])).toContainEqual(['size', ['count', 'minimum']])
    const before = csvColumns(catalog).map((column) => column.name)
    expect(before.slice(before.indexOf('fact_size_en'), before.indexOf('fact_size_en') + 4)).toEqual([
      'fact_size_en',
      'fact_size_pt',
      'fact_size_count',
      'fact_size_minimum'
    ])
    // A new dataset whose Institution states a count and whose License links somewhere: two parts no entry
    // declares. They land at the end, after every declared column; nothing moves.
    const grown = cloneCatalog(catalog)
    const [mimic] = grown.datasets
    if (!mimic) throw new Error('the frozen source has four datasets')
    const added = structuredClone(mimic)
    added.id = 'added'
    added.name = 'ADDED'
    for (const fact of added.facts.items) if (fact.key === 'institution') fact.quantity = {kind: 'count', value: 3}
    for (const item of added.access.items) if (item.key === 'license') item.url = 'https://example.org/license'
    grown.datasets.push(added)
    const after = csvColumns(grown).map((column) => column.name)
    expect(after.slice(0, before.length)).toEqual(before)
    expect(after.slice(before.length)).toEqual(['fact_institution_count', 'access_license_link'])
    // Declared (as `catalog vocabulary --write` appends them), they stand in their groups.
    grown.vocabulary = (grown.vocabulary ?? []).map((entry) =>
      entry.key === 'institution' ? {...entry, parts: ['count']} : entry.key === 'license' ? {...entry, parts: ['link']} : entry
    )
    const declaredAfter = csvColumns(grown).map((column) => column.name)
    expect(declaredAfter.indexOf('fact_institution_count')).toBe(declaredAfter.indexOf('fact_institution_pt') + 1)
    expect(declaredAfter.indexOf('access_license_link')).toBe(declaredAfter.indexOf('access_license_pt') + 1)
    expect(csvRows(grown)[4]?.[declaredAfter.indexOf('access_license_link')]).toBe('https://example.org/license')
  })

  it('puts the undeclared groups after every declared one, in the order they first appear, whatever their kind', () => {
    const mixed = cloneCatalog(catalog)
    const [mimic, chexpert, , isic] = mixed.datasets
    if (!mimic || !chexpert || !isic) throw new Error('the frozen source has four datasets')
    mimic.access.items.push({key: 'mirror', label: {en: 'Mirror'}, value: {en: 'a mirror'}, url: 'https://mirror.example.org/'})
    mimic.facts.items.push({key: 'field-strength', label: {en: 'Field Strength'}, value: {en: '3 T'}})
    chexpert.lists.push({key: 'body-parts', label: {en: 'Body Parts'}, style: 'inline', items: {en: ['chest']}})
    isic.facts.items.push({key: 'scanner-count', label: {en: 'Scanner Count'}, value: {en: '12 scanners'}, quantity: {kind: 'count', value: 12}})
    // A vocabulary entry declares a key for its own kind only: this one leaves the list `body-parts` undeclared.
    mixed.vocabulary = [{key: 'body-parts', kind: 'fact', labels: {en: 'Body Parts'}}, ...(catalog.vocabulary ?? [])]
    const columns = csvColumns(mixed)
    // The declared fact `body-parts` (used by no dataset) first; then MIMIC-CXR's fact and access entry, CheXpert's
    // list and ISIC's fact.
    expect(groupsOf(columns)).toEqual(['fact_body_parts', ...frozenGroups, 'fact_field_strength', 'access_mirror', 'list_body_parts', 'fact_scanner_count'])
    expect(columns.slice(-11).map((column) => column.name)).toEqual([
      'access_api_pt',
      'fact_field_strength_en',
      'fact_field_strength_pt',
      'access_mirror_en',
      'access_mirror_pt',
      'access_mirror_link',
      'list_body_parts_en',
      'list_body_parts_pt',
      'fact_scanner_count_en',
      'fact_scanner_count_pt',
      'fact_scanner_count_count'
    ])
    const value = (name: string, index: number): unknown => {
      const dataset = mixed.datasets[index]
      return dataset ? columns.find((column) => column.name === name)?.read(dataset, index)?.value : undefined
    }
    expect(value('access_mirror_link', 0)).toBe('https://mirror.example.org/')
    expect(value('fact_scanner_count_count', 3)).toBe(12)
    expect(value('list_body_parts_en', 1)).toBe('chest')
  })

  it('moves no column when datasets bring new, undeclared labels', () => {
    const before = csvColumns(catalog).map((column) => column.name)
    const beforeRows = csvRows(catalog)
    const grown = cloneCatalog(catalog)
    const [mimic, , , isic] = grown.datasets
    if (!mimic || !isic) throw new Error('the frozen source has four datasets')
    grown.datasets.push(newDataset(mimic, 'new-one', {fact: 'scanner-count', list: 'body-parts', access: 'mirror'}))
    const between = csvColumns(grown).map((column) => column.name)
    grown.datasets.push(newDataset(isic, 'new-two', {fact: 'field-strength', list: 'sequences', access: 'contact'}))
    const after = csvColumns(grown).map((column) => column.name)
    expect(between.slice(0, before.length)).toEqual(before)
    // The second dataset's new fact lands after the first one's new access entry, not among the facts.
    expect(after.slice(0, between.length)).toEqual(between)
    expect(after.slice(before.length)).toEqual([
      'fact_scanner_count_en',
      'fact_scanner_count_pt',
      'fact_scanner_count_count',
      'list_body_parts_en',
      'list_body_parts_pt',
      'access_mirror_en',
      'access_mirror_pt',
      'access_mirror_link',
      'fact_field_strength_en',
      'fact_field_strength_pt',
      'fact_field_strength_count',
      'list_sequences_en',
      'list_sequences_pt',
      'access_contact_en',
      'access_contact_pt',
      'access_contact_link'
    ])
    // The old datasets' cells stand where they stood; their new columns are empty.
    const afterRows = csvRows(grown)
    beforeRows.forEach((row, index) => {
      expect(afterRows[index]?.slice(0, before.length)).toEqual(row)
      expect(afterRows[index]?.slice(before.length).every((cell) => cell === undefined)).toBe(true)
    })
    const newRow = afterRows[4] ?? []
    expect(newRow[after.indexOf('fact_scanner_count_count')]).toBe(1234)
    expect(newRow[after.indexOf('list_body_parts_pt')]).toBe('um; dois')
    expect(newRow[after.indexOf('access_mirror_link')]).toBe('https://example.org/new-one/mirror')
    expect(newRow[after.indexOf('fact_field_strength_en')]).toBeUndefined()
  })

  it('moves no column when entries are appended to the vocabulary', () => {
    const grown = cloneCatalog(catalog)
    const [mimic, , , isic] = grown.datasets
    if (!mimic || !isic) throw new Error('the frozen source has four datasets')
    grown.datasets.push(newDataset(mimic, 'new-one', {fact: 'scanner-count', list: 'body-parts', access: 'mirror'}))
    grown.datasets.push(newDataset(isic, 'new-two', {fact: 'field-strength', list: 'sequences', access: 'contact'}))
    const undeclared = csvColumns(grown).map((column) => column.name)
    const vocabulary = grown.vocabulary ?? []
    const entry = (key: string, kind: VocabularyEntry['kind']): VocabularyEntry => ({
      key,
      kind,
      labels: {en: `declared ${key}`, pt: `declarado ${key}`},
      ...(kind === 'fact' ? {parts: ['count' as const]} : kind === 'access' ? {parts: ['link' as const]} : {})
    })

    // The labels in use, declared at the end in the order their groups stand: nothing moves.
    const inUse = [
      entry('scanner-count', 'fact'),
      entry('body-parts', 'list'),
      entry('mirror', 'access'),
      entry('field-strength', 'fact'),
      entry('sequences', 'list'),
      entry('contact', 'access')
    ]
    grown.vocabulary = [...vocabulary, ...inUse]
    const declared = csvColumns(grown)
    expect(declared.map((column) => column.name)).toEqual(undeclared)
    // The titles now come from the vocabulary.
    expect(declared.find((column) => column.name === 'list_body_parts_pt')?.title).toBe('declared body-parts (Português)')

    // A label no dataset uses yet: its group is appended.
    grown.vocabulary = [...vocabulary, ...inUse, entry('reconstruction', 'fact')]
    const extended = csvColumns(grown).map((column) => column.name)
    expect(extended.slice(0, undeclared.length)).toEqual(undeclared)
    expect(extended.slice(undeclared.length)).toEqual(['fact_reconstruction_en', 'fact_reconstruction_pt', 'fact_reconstruction_count'])

    // A dataset that then uses it moves nothing.
    const [, chexpert] = grown.datasets
    if (!chexpert) throw new Error('the frozen source has four datasets')
    chexpert.facts.items.push({key: 'reconstruction', label: {en: 'Reconstruction'}, value: {en: 'filtered back projection'}})
    expect(csvColumns(grown).map((column) => column.name)).toEqual(extended)
  })

  it('names a fact, a list and an access entry apart, even with the same key, and apart from the fixed columns', () => {
    const columns = csvColumns(catalog)
    const value = (name: string, index: number): unknown => {
      const dataset = catalog.datasets[index]
      return dataset ? columns.find((column) => column.name === name)?.read(dataset, index)?.value : undefined
    }
    const isic = catalog.datasets[3]
    const chexpert = catalog.datasets[1]
    if (!isic?.tasks || !chexpert) throw new Error('the frozen source has ISIC with tasks and CheXpert')
    // ISIC's fact `Task` and its tasks.
    expect(isic.facts.items.some((fact) => fact.key === 'task')).toBe(true)
    expect(value('fact_task_en', 3)).toBe(isic.facts.items.find((fact) => fact.key === 'task')?.value.en)
    expect(value('fact_task_pt', 3)).toBe(isic.facts.items.find((fact) => fact.key === 'task')?.value.pt)
    expect(value('tasks_en', 3)).toBe(isic.tasks.items.en?.join('; '))
    expect(value('fact_task_en', 3)).not.toBe(value('tasks_en', 3))
    // CheXpert's fact `Labels` and its list `Labels (14 Observations)`.
    expect(value('fact_labels_en', 1)).toBe(chexpert.facts.items.find((fact) => fact.key === 'labels')?.value.en)
    expect(value('list_labels_14_observations_en', 1)).toBe(chexpert.lists.find((list) => list.key === 'labels-14-observations')?.items.en?.join('; '))

    // The very same key for a fact, a list and an access entry, and facts keyed like fixed columns.
    const clashing = cloneCatalog(catalog)
    const first = clashing.datasets[1]
    if (!first) throw new Error('no dataset')
    first.lists.push({key: 'labels', label: {en: 'Labels', pt: 'Rótulos'}, style: 'inline', items: {en: ['a', 'b'], pt: ['x', 'y']}})
    first.access.items.push({key: 'labels', label: {en: 'Labels'}, value: {en: 'access labels'}, url: 'https://example.org/labels'})
    first.access.items.push({key: 'institution', label: {en: 'Institution'}, value: {en: 'access institution'}})
    first.facts.items.push({key: 'title', label: {en: 'Title', pt: 'Título'}, value: {en: 'fact title', pt: 'título do fato'}})
    first.facts.items.push({key: 'tasks', label: {en: 'Tasks', pt: 'Tarefas'}, value: {en: 'fact tasks', pt: 'tarefas'}})
    first.facts.items.push({key: 'url', label: {en: 'URL'}, value: {en: 'fact url'}})
    first.facts.items.push({key: 'category', label: {en: 'Category'}, value: {en: 'fact category'}})
    const clashed = csvColumns(clashing)
    const names = clashed.map((column) => column.name)
    expect(new Set(names).size).toBe(names.length)
    // The old columns keep their names and places; each new group has its own prefixed name.
    const old = columns.map((column) => column.name)
    expect(names.slice(0, old.length)).toEqual(old)
    const read = (name: string): unknown => clashed.find((column) => column.name === name)?.read(first, 1)?.value
    expect(read('fact_labels_en')).toBe(chexpert.facts.items.find((fact) => fact.key === 'labels')?.value.en)
    expect(read('list_labels_en')).toBe('a; b')
    expect(read('list_labels_pt')).toBe('x; y')
    expect(read('access_labels_en')).toBe('access labels')
    expect(read('access_labels_link')).toBe('https://example.org/labels')
    expect(read('fact_institution_en')).toBe('Stanford University')
    expect(read('access_institution_en')).toBe('access institution')
    expect(read('title_en')).toBe(first.title.en)
    expect(read('fact_title_en')).toBe('fact title')
    expect(read('tasks_en')).toBe(first.tasks?.items.en?.join('; '))
    expect(read('fact_tasks_pt')).toBe('tarefas')
    expect(read('url')).toBe(first.access.items.find((item) => item.key === 'url')?.url)
    expect(read('fact_url_en')).toBe('fact url')
    expect(read('category_en')).toBe(clashing.categories.find((category) => category.id === first.category)?.title.en)
    expect(read('fact_category_en')).toBe('fact category')
  })

  it('keeps names apart when language codes and keys look like suffixes (Tongan is `to`, Minangkabau `min`)', () => {
    const odd = cloneCatalog(catalog)
    odd.languages.push(
      {code: 'to', flag: '🇹🇴', name: 'Lea faka-Tonga'},
      {code: 'min', flag: '🇮🇩', name: 'Baso Minang'},
      {code: 'url', flag: '🏳', name: 'Urali'}
    )
    const first = odd.datasets[0]
    if (!first) throw new Error('no dataset')
    first.facts.items.push(
      {key: 'period', label: {en: 'Period', to: 'Vaha'}, value: {en: '2001-2005', to: '2001-2005'}, quantity: {kind: 'year-range', from: 2001, to: 2005}},
      {key: 'period-to', label: {en: 'Period To'}, value: {en: '20+'}, quantity: {kind: 'at-least', value: 20}},
      {key: 'floor', label: {en: 'Floor', min: 'Lantai'}, value: {en: '7+', min: '7+'}, quantity: {kind: 'at-least', value: 7}}
    )
    first.access.items.push({key: 'mirror', label: {en: 'Mirror', url: 'Mirror'}, value: {en: 'a mirror', url: 'a mirror'}, url: 'https://mirror.example.org/'})
    const columns = csvColumns(odd)
    const names = columns.map((column) => column.name)
    expect(new Set(names).size).toBe(names.length)
    const read = (name: string): unknown => columns.find((column) => column.name === name)?.read(first, 0)?.value
    expect(read('fact_period_to')).toBe('2001-2005')
    expect(read('fact_period_until')).toBe(2005)
    expect(read('fact_period_to_minimum')).toBe(20)
    expect(read('fact_floor_min')).toBe('7+')
    expect(read('fact_floor_minimum')).toBe(7)
    expect(read('access_mirror_url')).toBe('a mirror')
    expect(read('access_mirror_link')).toBe('https://mirror.example.org/')
  })

  it('makes one group of a label the vocabulary declares twice', () => {
    const twice = cloneCatalog(catalog)
    const entries = catalog.vocabulary ?? []
    twice.vocabulary = [...entries, ...entries]
    expect(csvColumns(twice).map((column) => column.name)).toEqual(csvColumns(catalog).map((column) => column.name))
  })

  it('follows the catalog: a new fact key or language gives new columns, without code changes', () => {
    const changed = cloneCatalog(catalog)
    changed.languages.push({code: 'es', flag: '🇪🇸', name: 'Español'})
    const first = changed.datasets[0]
    if (!first) throw new Error('no dataset')
    first.title.es = 'El mayor dataset'
    first.facts.items.push({key: 'scanner-count', label: {en: 'Scanner Count'}, value: {en: '12 scanners'}, quantity: {kind: 'count', value: 12}})
    const names = csvColumns(changed).map((column) => column.name)
    expect(names.slice(0, 18)).toEqual(fixedColumns(['en', 'pt', 'es']))
    expect(names).toEqual(
      expect.arrayContaining([
        'fact_size_es',
        'list_lesion_types_es',
        'access_license_es',
        'fact_scanner_count_en',
        'fact_scanner_count_es',
        'fact_scanner_count_count'
      ])
    )
    const records = readCsv(renderCsv(changed))
    expect(records[1]?.[records[0]?.indexOf('title_es') ?? -1]).toBe('El mayor dataset')
    expect(records[1]?.[records[0]?.indexOf('fact_scanner_count_count') ?? -1]).toBe('12')
    expect(records[2]?.[records[0]?.indexOf('fact_scanner_count_count') ?? -1]).toBe('')
  })

  it('gives each cell the JSON pointer of the value it comes from', () => {
    const columns = csvColumns(catalog)
    const pointer = (name: string, index: number): string | undefined => {
      const dataset = catalog.datasets[index]
      return dataset ? columns.find((column) => column.name === name)?.read(dataset, index)?.pointer : undefined
    }
    expect(pointer('access_license_pt', 2)).toBe('/datasets/2/access/items/2/value/pt')
    expect(pointer('access_portal_link', 2)).toBe('/datasets/2/access/items/1/url')
    expect(pointer('fact_size_minimum', 2)).toBe('/datasets/2/facts/items/0/quantity')
    expect(pointer('category_pt', 3)).toBe('/categories/2/title/pt')
    expect(pointer('tasks_pt', 3)).toBe('/datasets/3/tasks/items/pt')
    expect(pointer('list_lesion_types_en', 3)).toBe('/datasets/3/lists/0/items/en')
    expect(pointer('url', 3)).toBe('/datasets/3/access/items/0/url')
    expect(pointer('access_portal_link', 0)).toBeUndefined()
  })

  it('needs no second language: a one-language catalog has one column per text', () => {
    const {catalog: english} = loadCatalog(path.join(fixturesFolder, 'formula-injection/input.md'))
    const names = csvColumns(english).map((column) => column.name)
    expect(names.filter((name) => name.endsWith('_pt'))).toEqual([])
    expect(names.slice(0, 10)).toEqual(fixedColumns(['en']))
    expect(names).toEqual(expect.arrayContaining(['fact_size_en', 'fact_size_count', 'access_license_en']))
    expect(csvRows(english)).toHaveLength(english.datasets.length)
  })
})
