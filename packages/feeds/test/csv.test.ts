import path from 'node:path'
import type {Catalog} from '@catalog/schema'
import {describe, expect, it} from 'vitest'
import {csvColumns, neutraliseFormula, renderFeeds, restoreFormula} from '../src/index.js'
import {buildFeeds, file, fixedColumns, frozenSourcePath, readBothCsvsWithPython, readCsv, run, toolAvailable, writeTemporary} from './helpers.js'

const {catalog, files} = buildFeeds(frozenSourcePath)
const csv = file(files, 'datasets.csv')
const excel = file(files, 'datasets.excel.csv')
const [header = [], ...rows] = readCsv(csv)

/**
 * What each row must hold, written from the catalog JSON by hand (not with
 * the column model under test): the documented naming rules, key by key.
 */
function expectedCells(source: Catalog): Array<Record<string, string>> {
  const codes = source.languages.map((language) => language.code)
  return source.datasets.map((dataset) => {
    const cells: Record<string, string> = {
      id: dataset.id,
      name: dataset.name,
      rating: String(dataset.rating),
      category: dataset.category,
      url: dataset.access.items.find((item) => item.key === 'url')?.url ?? '',
      citation_key: dataset.citation?.key ?? ''
    }
    const category = source.categories.find((entry) => entry.id === dataset.category)
    for (const code of codes) {
      cells[`category_${code}`] = category?.title[code] ?? ''
      cells[`title_${code}`] = dataset.title[code] ?? ''
      cells[`description_${code}`] = dataset.description.text[code] ?? ''
      cells[`tasks_${code}`] = dataset.tasks?.items[code]?.join('; ') ?? ''
      for (const fact of dataset.facts.items) cells[`fact_${fact.key.replaceAll('-', '_')}_${code}`] = fact.value[code] ?? ''
      for (const list of dataset.lists) cells[`list_${list.key.replaceAll('-', '_')}_${code}`] = list.items[code]?.join('; ') ?? ''
      for (const item of dataset.access.items) if (item.key !== 'url') cells[`access_${item.key.replaceAll('-', '_')}_${code}`] = item.value[code] ?? ''
    }
    for (const fact of dataset.facts.items) {
      const key = `fact_${fact.key.replaceAll('-', '_')}`
      const quantity = fact.quantity
      if (quantity?.kind === 'count') cells[`${key}_count`] = String(quantity.value)
      if (quantity?.kind === 'at-least') cells[`${key}_minimum`] = String(quantity.value)
      if (quantity?.kind === 'year-range') Object.assign(cells, {[`${key}_from`]: String(quantity.from), [`${key}_until`]: String(quantity.to)})
    }
    for (const item of dataset.access.items) if (item.key !== 'url' && item.url) cells[`access_${item.key.replaceAll('-', '_')}_link`] = item.url
    return cells
  })
}

describe('datasets.csv of the real source', () => {
  it('has a header row and one row per dataset, in source order', () => {
    expect(rows).toHaveLength(catalog.datasets.length)
    expect(rows.map((row) => row[0])).toEqual(catalog.datasets.map((dataset) => dataset.id))
    expect(header.slice(0, 14)).toEqual(fixedColumns(['en', 'pt']))
    expect(header).toEqual(csvColumns(catalog).map((column) => column.name))
    for (const name of [
      'fact_size_en',
      'fact_size_pt',
      'fact_size_count',
      'fact_size_minimum',
      'fact_time_period_from',
      'fact_time_period_until',
      'list_lesion_types_en',
      'access_license_en',
      'access_license_pt',
      'access_portal_link'
    ]) {
      expect(header).toContain(name)
    }
    expect(new Set(header).size).toBe(header.length)
  })

  it('holds the same cells as the catalog JSON, and nothing else', () => {
    const expected = expectedCells(catalog)
    rows.forEach((row, index) => {
      const cells = expected[index] ?? {}
      header.forEach((name, column) => {
        expect(row[column], `${name} of ${cells.id}`).toBe(neutraliseFormula(cells[name] ?? ''))
      })
      // Every value the catalog has lands in a column of that name.
      for (const name of Object.keys(cells)) expect(header, `${cells.id} has ${name}`).toContain(name)
    })
  })

  it('writes numbers bare and quotes only where RFC 4180 needs it', () => {
    const lines = csv.split('\n')
    expect(lines[0]).toBe(header.join(','))
    expect(csv.endsWith('\n')).toBe(true)
    expect(csv).not.toContain('\r')
    expect(csv.charCodeAt(0)).not.toBe(0xfeff)
    // TCGA's size is "20,000+": the text is quoted for its comma, its lower bound is a bare number.
    const tcga = rows.find((row) => row[0] === 'tcga') ?? []
    expect(tcga[header.indexOf('fact_size_minimum')]).toBe('20000')
    expect(lines.find((line) => line.startsWith('tcga,'))).toContain('"20,000+ whole-slide pathology images",20.000+ imagens')
  })
})

describe('datasets.excel.csv', () => {
  it('holds the same cells behind a UTF-8 BOM, with CRLF line endings', () => {
    expect(excel.startsWith('\uFEFF')).toBe(true)
    // No cell of the real source spans lines, so every line break is a record's CRLF.
    expect(excel.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    expect(excel.split('\r\n')).toHaveLength(catalog.datasets.length + 2)
    expect(readCsv(excel)).toEqual([header, ...rows])
  })

  it('quotes every cell that holds a `;`, so that Excel in a `;` locale never splits it into a formula', () => {
    const edited = structuredClone(catalog)
    const description = edited.datasets[0]?.description.text
    if (!description) throw new Error('a description')
    description['en'] = 'safe;=1+1'
    const rendered = renderFeeds(edited)
    const excelText = file(rendered, 'datasets.excel.csv')
    expect(excelText).toContain('"safe;=1+1"')
    // Split the way Excel does in such a locale, outside quotes: no cell starts a formula.
    for (const line of excelText.split('\r\n')) {
      const cells = line.match(/("(?:[^"]|"")*"|[^;"]*)(?=;|$)/g) ?? []
      expect(cells.filter((cell) => /^[=+\-@]/.test(cell))).toEqual([])
    }
    // Programs reading the RFC 4180 file see the same cell, unquoted where it needs none.
    expect(readCsv(excelText)).toEqual(readCsv(file(rendered, 'datasets.csv')))
  })
})

describe.skipIf(!toolAvailable('python3', 'install Python 3'))("Python's csv module", () => {
  it('reads both files to the same records as csv-parse', () => {
    const [plain, withBom] = readBothCsvsWithPython(files)
    expect(plain).toEqual([header, ...rows])
    expect(withBom).toEqual([header, ...rows])
  })
})

describe.skipIf(!toolAvailable('csvjson', 'Debian package csvkit'))('csvkit (Debian package csvkit)', () => {
  const folder = writeTemporary(files)
  const csvPath = path.join(folder, 'datasets.csv')

  it('csvclean finds no errors and csvstat counts every dataset', () => {
    expect(run('csvclean', ['-n', csvPath]).trim()).toBe('No errors.')
    expect(run('csvstat', ['--count', csvPath]).trim()).toBe(String(catalog.datasets.length))
  })

  it('csvjson reads the same rows and cells as the JSON, with numbers as numbers', () => {
    const records = JSON.parse(run('csvjson', ['--no-inference', '--snifflimit', '0', csvPath])) as Array<Record<string, string | null>>
    expect(records).toHaveLength(catalog.datasets.length)
    const expected = expectedCells(catalog)
    records.forEach((record, index) => {
      expect(Object.keys(record)).toEqual(header)
      for (const name of header) expect(restoreFormula(record[name] ?? ''), name).toBe(expected[index]?.[name] ?? '')
    })
    const typed = JSON.parse(run('csvjson', ['--snifflimit', '0', csvPath])) as Array<Record<string, unknown>>
    expect(typed.map((record) => record.rating)).toEqual(catalog.datasets.map((dataset) => dataset.rating))
    expect(typeof typed[0]?.fact_size_count).toBe('number')
  })

  it('csvjson reads the Excel file, BOM and all, to the same records', () => {
    const plain = run('csvjson', ['--no-inference', '--snifflimit', '0', csvPath])
    expect(run('csvjson', ['--no-inference', '--snifflimit', '0', path.join(folder, 'datasets.excel.csv')])).toBe(plain)
  })
})
