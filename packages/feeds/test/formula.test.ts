import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {csvColumns, isPlainNumber, needsNeutralising, neutraliseFormula, renderCsv, renderFeeds, restoreFormula} from '../src/index.js'
import {buildFeeds, cloneCatalog, file, fixturesFolder, readCsv, readBothCsvsWithPython, run, toolAvailable, writeTemporary} from './helpers.js'

describe('neutraliseFormula', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', `'=HYPERLINK("http://evil","x")`],
    ['+SUM(1,2)', "'+SUM(1,2)"],
    ['-2+3+cmd', "'-2+3+cmd"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ['\uFF1D1+1', "'\uFF1D1+1"],
    ["'=already", "''=already"],
    ['-', "'-"]
  ])('puts an apostrophe before %j', (text, cell) => {
    expect(neutraliseFormula(text)).toBe(cell)
    expect(restoreFormula(cell)).toBe(text)
  })

  it.each(['-5', '+3', '1.5', '-0.25', '+1e3', 'Plain text', "'5", "Owner's =notes", ' =space first', ''])('leaves %j alone', (text) => {
    expect(neutraliseFormula(text)).toBe(text)
    expect(restoreFormula(text)).toBe(text)
  })

  it('tells plain numbers from formulas', () => {
    expect(isPlainNumber('-5')).toBe(true)
    expect(isPlainNumber('-5+1')).toBe(false)
    expect(needsNeutralising('-5')).toBe(false)
    expect(needsNeutralising('-5 dB')).toBe(true)
  })
})

describe('a source whose texts try to run as formulas', () => {
  const {catalog, files} = buildFeeds(path.join(fixturesFolder, 'formula-injection/input.md'))
  const csv = file(files, 'datasets.csv')
  const [header = [], ...rows] = readCsv(csv)
  const cell = (id: string, name: string): string | undefined => rows.find((row) => row[0] === id)?.[header.indexOf(name)]

  it('gives an =HYPERLINK description an apostrophe, inside quotes, in both CSV files', () => {
    expect(catalog.datasets[0]?.description.text.en).toBe('=HYPERLINK("http://evil","x")')
    expect(cell('hyperlink', 'description_en')).toBe(`'=HYPERLINK("http://evil","x")`)
    expect(csv).toContain(`,"'=HYPERLINK(""http://evil"",""x"")",`)
    expect(file(files, 'datasets.excel.csv')).toContain(`,"'=HYPERLINK(""http://evil"",""x"")",`)
  })

  it('neutralises every cell that starts with + - @ or =, wherever it comes from', () => {
    expect(cell('plus', 'description_en')).toBe("'+SUM(1,2) is not a number, but this cell starts with a plus sign.")
    expect(cell('minus', 'description_en')?.startsWith("'-2+3+cmd")).toBe(true)
    expect(cell('hyperlink', 'fact_institution_en')).toBe("'@SUM(1+1)")
    expect(cell('hyperlink', 'fact_payload_en')).toBe("'=1+1")
    expect(cell('minus', 'fact_payload_en')).toBe("'@cmd")
    expect(cell('hyperlink', 'tasks_en')?.startsWith("'=cmd|")).toBe(true)
    expect(cell('hyperlink', 'access_license_en')).toBe(`'=IMPORTXML("http://evil","//a")`)
    expect(cell('plus', 'fact_note_en')).toBe("''=already quoted once")
  })

  it('leaves plain numbers as numbers', () => {
    expect(cell('hyperlink', 'fact_size_en')).toBe('-5')
    expect(cell('hyperlink', 'fact_offset_en')).toBe('+3')
    expect(csv).toMatch(/,-5,/)
    expect(cell('plus', 'fact_size_count')).toBe('12')
    expect(cell('plus', 'rating')).toBe('2')
  })

  it('leaves no cell starting with a formula character, and quotes every neutralised one', () => {
    for (const row of rows) {
      for (const value of row) {
        expect(/^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/u.test(value) && !isPlainNumber(value), value).toBe(false)
        if (value.startsWith("'")) expect(csv).toContain(`,"${value.replaceAll('"', '""')}"`)
      }
    }
  })

  it('keeps the payloads raw in the JSON feeds, where nothing runs', () => {
    const feed = JSON.parse(file(files, 'feed.json')) as {datasets: Array<{description: {en: string}}>}
    expect(feed.datasets[0]?.description.en).toBe('=HYPERLINK("http://evil","x")')
    expect(file(files, 'datasets.jsonld')).toContain('"description": "=HYPERLINK(\\"http://evil\\",\\"x\\")"')
  })

  it('neutralises a leading tab or carriage return too, and keeps the cell in one piece', () => {
    const hostile = cloneCatalog(catalog)
    const [first, second] = hostile.datasets
    if (!first || !second) throw new Error('the fixture has three datasets')
    first.description.text.en = '\t=cmd'
    second.description.text.en = '\r=cmd\nsecond line'
    for (const flavour of ['rfc4180', 'excel'] as const) {
      const text = renderCsv(hostile, flavour)
      const records = readCsv(text)
      const column = records[0]?.indexOf('description_en') ?? -1
      expect(records).toHaveLength(hostile.datasets.length + 1)
      expect(records[1]?.[column]).toBe("'\t=cmd")
      expect(records[2]?.[column]).toBe("'\r=cmd\nsecond line")
      expect(text).toContain(`"'\r=cmd\nsecond line"`)
    }
  })

  it.skipIf(!toolAvailable('python3', 'install Python 3'))('reads back the same in Python, every cell inert', () => {
    const [plain, withBom] = readBothCsvsWithPython(files)
    expect(plain).toEqual([header, ...rows])
    expect(withBom).toEqual([header, ...rows])
    const columns = csvColumns(catalog)
    catalog.datasets.forEach((dataset, index) => {
      columns.forEach((column, position) => {
        const value = column.read(dataset, index)?.value
        expect(restoreFormula(plain?.[index + 1]?.[position] ?? ''), column.name).toBe(value === undefined ? '' : String(value))
      })
    })
  })

  it.skipIf(!toolAvailable('csvjson', 'Debian package csvkit'))('reads back the same with csvkit', () => {
    const folder = writeTemporary(files)
    const records = JSON.parse(run('csvjson', ['--no-inference', '--snifflimit', '0', path.join(folder, 'datasets.csv')])) as Array<
      Record<string, string | null>
    >
    expect(records.map((record) => record.description_en)).toEqual(rows.map((row) => row[header.indexOf('description_en')]))
    expect(records[0]?.fact_size_en).toBe('-5')
  })

  it('renders the same bytes twice', () => {
    expect(renderFeeds(catalog)).toEqual(renderFeeds(cloneCatalog(catalog)))
  })
})
