import path from 'node:path'
import {describe, expect, it} from 'vitest'
import type {Feed} from '../src/index.js'
import {csvColumns, restoreFormula} from '../src/index.js'
import {buildFeeds, file, fixedColumns, fixturesFolder, readBothCsvsWithPython, readCsv, run, toolAvailable, writeTemporary} from './helpers.js'

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
    expect(header).toEqual(
      expect.arrayContaining([
        'fact_modalities_en',
        'fact_participants_count',
        'fact_grading_scale_pt',
        'list_tumor_sub_regions_pt',
        'access_requirements_en',
        'access_portal_link',
        'access_license_link'
      ])
    )
    expect(cell('lidc-idri', 'access_license_link')).toBe('https://creativecommons.org/licenses/by/3.0/')
    expect(cell('oasis-3', 'fact_time_period_from')).toBe('2005')
    expect(cell('eyepacs', 'fact_resolution_count')).toBe('4.5')
    expect(cell('oasis-3', 'tasks_en')).toBe('')
    expect(cell('oasis-3', 'citation_key')).toBe('')
  })

  it('puts the fixed columns first, then, with no vocabulary, the groups as first used, whatever their kind', () => {
    expect(catalog.vocabulary).toBeUndefined()
    expect(header.slice(0, 14)).toEqual(fixedColumns(['en', 'pt']))
    const groups = [...new Set(header.slice(14).map((name) => name.replace(/_[a-z]+$/, '')))]
    expect(groups).toEqual([
      'fact_size',
      'fact_patients',
      'fact_labels',
      'fact_institution',
      'access_license',
      'access_download',
      'fact_modalities',
      'fact_time_period',
      'list_tumor_sub_regions',
      'access_requirements',
      'fact_participants',
      'fact_annotations',
      'access_portal',
      'fact_diagnostic_categories',
      'list_diagnostic_categories',
      'fact_grading_scale',
      'fact_resolution'
    ])
  })

  it('gives a fact and a list that share a key columns of their own, without renaming either', () => {
    expect(cell('ham10000', 'fact_diagnostic_categories_en')).toBe('7 categories; more than 50% confirmed by histopathology')
    expect(cell('ham10000', 'fact_diagnostic_categories_count')).toBe('7')
    expect(cell('ham10000', 'list_diagnostic_categories_en')).toBe('akiec; bcc; bkl; df; mel; nv; vasc')
    expect(header.filter((name) => name.includes('diagnostic_categories'))).toEqual([
      'fact_diagnostic_categories_en',
      'fact_diagnostic_categories_pt',
      'fact_diagnostic_categories_count',
      'list_diagnostic_categories_en',
      'list_diagnostic_categories_pt'
    ])
    const sources = csvColumns(catalog)
      .filter((column) => column.source.key === 'diagnostic-categories')
      .map((column) => [column.name, column.source.section])
    expect(sources).toEqual([
      ['fact_diagnostic_categories_en', 'facts'],
      ['fact_diagnostic_categories_pt', 'facts'],
      ['fact_diagnostic_categories_count', 'facts'],
      ['list_diagnostic_categories_en', 'lists'],
      ['list_diagnostic_categories_pt', 'lists']
    ])
  })

  it('keeps a multi-line description in one quoted cell, in both files', () => {
    expect(cell('brats', 'description_en')).toBe(catalog.datasets[1]?.description.text.en)
    expect(cell('brats', 'description_en')).toContain('\n')
    expect(readCsv(file(files, 'datasets.excel.csv'))).toEqual([header, ...rows])
  })

  it('keeps quotes and commas of the source intact', () => {
    expect(cell('nih-chestx-ray14', 'fact_labels_en')).toBe('14 disease labels, text-mined ("weak") labels')
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
        expect(at(`access_license_${code}`)).toBe(entry.license?.[code] ?? '')
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
    const records = JSON.parse(run('csvjson', ['--no-inference', '--snifflimit', '0', path.join(folder, 'datasets.csv')])) as Array<
      Record<string, string | null>
    >
    expect(records.map((record) => record.id)).toEqual(catalog.datasets.map((dataset) => dataset.id))
    expect(records[1]?.description_en).toBe(catalog.datasets[1]?.description.text.en)
  })
})
