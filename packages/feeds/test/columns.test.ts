import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {csvColumns, csvRows, renderCsv} from '../src/index.js'
import {cloneCatalog, fixturesFolder, loadCatalog, readCsv, realSourcePath} from './helpers.js'

describe('csvColumns', () => {
  const {catalog} = loadCatalog(realSourcePath)

  it('puts the fixed columns first and url, license and citation_key after the lists', () => {
    const names = csvColumns(catalog).map((column) => column.name)
    expect(names.indexOf('tasks_en')).toBeGreaterThan(names.indexOf('time_period_to'))
    expect(names.indexOf('url')).toBeGreaterThan(names.indexOf('lesion_types_pt'))
    expect(names.slice(names.indexOf('url'), names.indexOf('url') + 3)).toEqual(['url', 'license_en', 'license_pt'])
    expect(names.at(-1)).toBe('citation_key')
  })

  it('follows the catalog: a new fact key or language gives new columns, without code changes', () => {
    const changed = cloneCatalog(catalog)
    changed.languages.push({code: 'es', flag: '🇪🇸', name: 'Español'})
    const first = changed.datasets[0]
    if (!first) throw new Error('no dataset')
    first.title.es = 'El mayor dataset'
    first.facts.items.push({key: 'scanner-count', label: {en: 'Scanner Count'}, value: {en: '12 scanners'}, quantity: {kind: 'count', value: 12}})
    const names = csvColumns(changed).map((column) => column.name)
    expect(names).toEqual(expect.arrayContaining(['title_es', 'description_es', 'size_es', 'scanner_count_en', 'scanner_count_es', 'scanner_count_count']))
    const records = readCsv(renderCsv(changed))
    expect(records[1]?.[records[0]?.indexOf('title_es') ?? -1]).toBe('El mayor dataset')
    expect(records[2]?.[records[0]?.indexOf('scanner_count_count') ?? -1]).toBe('')
  })

  it('keeps fixed names for fixed columns when a fact or access key clashes with them', () => {
    const clashing = cloneCatalog(catalog)
    const first = clashing.datasets[0]
    if (!first) throw new Error('no dataset')
    first.facts.items.push({key: 'title', label: {en: 'Title', pt: 'Título'}, value: {en: 'fact title', pt: 'título do fato'}})
    first.facts.items.push({key: 'tasks', label: {en: 'Tasks', pt: 'Tarefas'}, value: {en: 'fact tasks', pt: 'tarefas'}})
    first.access.items.push({key: 'institution', label: {en: 'Institution'}, value: {en: 'access institution'}})
    const columns = csvColumns(clashing)
    const names = columns.map((column) => column.name)
    expect(new Set(names).size).toBe(names.length)
    const value = (name: string): unknown => columns.find((column) => column.name === name)?.read(first, 0)?.value
    expect(value('title_en')).toBe(first.title.en)
    expect(value('fact_title_en')).toBe('fact title')
    expect(value('tasks_en')).toBe(first.tasks?.items.en?.join('; '))
    expect(value('fact_tasks_pt')).toBe('tarefas')
    expect(value('institution_en')).toBe('Massachusetts Institute of Technology (MIT)')
    expect(value('access_institution_en')).toBe('access institution')
  })

  it('gives each cell the JSON pointer of the value it comes from', () => {
    const columns = csvColumns(catalog)
    const pointer = (name: string, index: number): string | undefined => {
      const dataset = catalog.datasets[index]
      return dataset ? columns.find((column) => column.name === name)?.read(dataset, index)?.pointer : undefined
    }
    expect(pointer('license_pt', 2)).toBe('/datasets/2/access/items/2/value/pt')
    expect(pointer('portal_url', 2)).toBe('/datasets/2/access/items/1/url')
    expect(pointer('size_min', 2)).toBe('/datasets/2/facts/items/0/quantity')
    expect(pointer('category_pt', 3)).toBe('/categories/2/title/pt')
    expect(pointer('portal_url', 0)).toBeUndefined()
  })

  it('needs no second language: a one-language catalog has one column per text', () => {
    const {catalog: english} = loadCatalog(path.join(fixturesFolder, 'formula-injection/input.md'))
    const names = csvColumns(english).map((column) => column.name)
    expect(names.filter((name) => name.endsWith('_pt'))).toEqual([])
    expect(names).toEqual(expect.arrayContaining(['title_en', 'description_en', 'license_en']))
    expect(csvRows(english)).toHaveLength(english.datasets.length)
  })
})
