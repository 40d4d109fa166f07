import {readFileSync} from 'node:fs'
import path from 'node:path'
import {parseCatalogSource, positionOf} from '@catalog/parser'
import {describe, expect, it} from 'vitest'
import {checkFeeds, excelCellLimit} from '../src/index.js'
import {cloneCatalog, fixturesFolder, loadCatalog, frozenSourcePath} from './helpers.js'

describe('checkFeeds', () => {
  it('finds nothing in the real source', () => {
    expect(checkFeeds(loadCatalog(frozenSourcePath).catalog)).toEqual([])
  })

  it('warns of every formula-like text, at the source line it comes from', () => {
    const sourcePath = path.join(fixturesFolder, 'formula-injection/input.md')
    const source = readFileSync(sourcePath, 'utf8')
    const {catalog, file} = parseCatalogSource(source, sourcePath)
    if (!catalog || !file.data.pointers) throw new Error('the fixture does not parse')
    const pointers = file.data.pointers
    const findings = checkFeeds(catalog)
    expect(findings.every((finding) => finding.ruleId === 'formula-like-text' && finding.severity === 'warning')).toBe(true)
    const lines = source.split('\n')
    const flagged = findings.map((finding) => lines[(positionOf(pointers, finding.pointer)?.start.line ?? 0) - 1])
    expect(flagged).toEqual([
      '**Description:** =HYPERLINK("http://evil","x")',
      // A bulleted item is placed at its own line.
      "- =cmd|' /C calc'!A0",
      '- **Payload:** =1+1',
      '- **Institution:** @SUM(1+1)',
      '- **License:** =IMPORTXML("http://evil","//a")',
      '**Description:** +SUM(1,2) is not a number, but this cell starts with a plus sign.',
      '- **License:** -2+3 "quoted", with commas',
      "- **Note:** '=already quoted once",
      `**Description:** -2+3+cmd|' /C calc'!A0 then @mentions and a "quote", a comma`,
      '- **Payload:** @cmd'
    ])
    // -5 and +3 are plain numbers: no warning.
    expect(flagged).not.toContain('- **Size:** -5')
    expect(flagged).not.toContain('- **Offset:** +3')
  })

  it('finds nothing to warn of where a fact and a list share a key: their columns are named apart', () => {
    const {catalog} = loadCatalog(path.join(fixturesFolder, 'larger-catalog/input.md'))
    const ham = catalog.datasets.find((dataset) => dataset.id === 'ham10000')
    expect(ham?.facts.items.some((fact) => fact.key === 'diagnostic-categories')).toBe(true)
    expect(ham?.lists.some((list) => list.key === 'diagnostic-categories')).toBe(true)
    expect(checkFeeds(catalog)).toEqual([])
  })

  it('warns of list items holding the separator and of cells too long for Excel', () => {
    const catalog = cloneCatalog(loadCatalog(frozenSourcePath).catalog)
    const dataset = catalog.datasets[0]
    if (!dataset?.tasks) throw new Error('the first dataset has tasks')
    dataset.tasks.items.pt = ['Uma; duas', ...(dataset.tasks.items.pt ?? []).slice(1)]
    dataset.description.text.en = 'x'.repeat(excelCellLimit + 1)
    expect(checkFeeds(catalog).map(({ruleId, pointer}) => ({ruleId, pointer}))).toEqual([
      {ruleId: 'excel-cell-too-long', pointer: '/datasets/0/description/text/en'},
      {ruleId: 'list-item-separator', pointer: '/datasets/0/tasks/items/pt/0'}
    ])
  })
})
