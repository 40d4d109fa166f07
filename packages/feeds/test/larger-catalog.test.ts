import path from 'node:path'
import {describe, expect, it} from 'vitest'
import type {Feed} from '../src/index.js'
import {csvColumns, restoreFormula} from '../src/index.js'
import {buildFeeds, file, fixturesFolder, readCsv, readBothCsvsWithPython, run, toolAvailable, writeTemporary} from './helpers.js'

/** A catalog the code has never seen: seven datasets, new categories, new keys, a multi-line description. */
const {catalog, files} = buildFeeds(path.join(fixturesFolder, 'larger-catalog/input.md'))
const csv = file(files, 'datasets.csv')
const [header = [], ...rows] = readCsv(csv)
const cell = (id: string, name: string): string | undefined => rows.find((row) => row[0] === id)?.[header.indexOf(name)]

describe('feeds of an unseen, larger catalog', () => {
  it('has a row per dataset, including the new categories', () => {
    expect(catalog.datasets.length).toBeGreaterThanOrEqual(6)
    expect(rows.map((row) => row[0])).toEqual(catalog.datasets.map((dataset) => dataset.id))
    expect(cell('brats', 'category')).toBe('neuroimaging-datasets')
    expect(cell('brats', 'category_pt')).toBe('Datasets de Neuroimagem')
    expect(cell('eyepacs', 'category_en')).toBe('Ophthalmology Datasets')
  })

  it('derives columns from keys it has never seen', () => {
    expect(header).toEqual(expect.arrayContaining(['modalities_en', 'participants_count', 'grading_scale_pt', 'tumor_sub_regions_pt', 'requirements_en', 'portal_url', 'license_url']))
    expect(cell('lidc-idri', 'license_url')).toBe('https://creativecommons.org/licenses/by/3.0/')
    expect(cell('oasis-3', 'time_period_from')).toBe('2005')
    expect(cell('eyepacs', 'resolution_count')).toBe('4.5')
    expect(cell('oasis-3', 'tasks_en')).toBe('')
    expect(cell('oasis-3', 'citation_key')).toBe('')
  })

  it('renames a list whose key a fact already has, and keeps both', () => {
    expect(cell('ham10000', 'diagnostic_categories_en')).toBe('7 categories; more than 50% confirmed by histopathology')
    expect(cell('ham10000', 'diagnostic_categories_count')).toBe('7')
    expect(cell('ham10000', 'list_diagnostic_categories_en')).toBe('akiec; bcc; bkl; df; mel; nv; vasc')
    const renamed = csvColumns(catalog).filter((column) => column.renamedFrom !== undefined)
    expect(renamed.map((column) => [column.name, column.renamedFrom])).toEqual([
      ['list_diagnostic_categories_en', 'diagnostic_categories_en'],
      ['list_diagnostic_categories_pt', 'diagnostic_categories_pt']
    ])
  })

  it('keeps a multi-line description in one quoted cell, in both files', () => {
    expect(cell('brats', 'description_en')).toBe(catalog.datasets[1]?.description.text.en)
    expect(cell('brats', 'description_en')).toContain('\n')
    expect(readCsv(file(files, 'datasets.excel.csv'))).toEqual([header, ...rows])
  })

  it('keeps quotes and commas of the source intact', () => {
    expect(cell('nih-chestx-ray14', 'labels_en')).toBe('14 disease labels, text-mined ("weak") labels')
    expect(csv).toContain('"14 disease labels, text-mined (""weak"") labels"')
  })

  it('matches feed.json and the catalog for every dataset', () => {
    const feed = JSON.parse(file(files, 'feed.json')) as Feed
    feed.datasets.forEach((entry, index) => {
      const row = rows[index] ?? []
      const at = (name: string): string => restoreFormula(row[header.indexOf(name)] ?? '')
      expect(at('id')).toBe(entry.id)
      expect(at('url')).toBe(entry.url)
      expect(at('rating')).toBe(String(entry.rating))
      expect(at('citation_key')).toBe(entry.citationKey ?? '')
      for (const code of feed.languages) {
        expect(at(`title_${code}`)).toBe(entry.title[code] ?? '')
        expect(at(`description_${code}`)).toBe(entry.description[code] ?? '')
        expect(at(`license_${code}`)).toBe(entry.license?.[code] ?? '')
      }
    })
  })

  it.skipIf(!toolAvailable('python3', 'install Python 3'))('reads the same in Python', () => {
    const [plain, withBom] = readBothCsvsWithPython(files)
    expect(plain).toEqual([header, ...rows])
    expect(withBom).toEqual([header, ...rows])
  })

  it.skipIf(!toolAvailable('csvjson', 'Debian package csvkit'))('reads cleanly with csvkit', () => {
    const folder = writeTemporary(files)
    expect(run('csvclean', ['-n', path.join(folder, 'datasets.csv')]).trim()).toBe('No errors.')
    const records = JSON.parse(run('csvjson', ['--no-inference', '--snifflimit', '0', path.join(folder, 'datasets.csv')])) as Array<Record<string, string | null>>
    expect(records.map((record) => record.id)).toEqual(catalog.datasets.map((dataset) => dataset.id))
    expect(records[1]?.description_en).toBe(catalog.datasets[1]?.description.text.en)
  })
})
