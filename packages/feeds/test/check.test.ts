import {readFileSync} from 'node:fs'
import path from 'node:path'
import {parseCatalogSource, positionOf} from '@catalog/parser'
import {describe, expect, it} from 'vitest'
import {checkFeeds, excelCellLimit} from '../src/index.js'
import {cloneCatalog, fixturesFolder, loadCatalog, realSourcePath} from './helpers.js'

describe('checkFeeds', () => {
  it('finds nothing in the real source', () => {
    expect(checkFeeds(loadCatalog(realSourcePath).catalog)).toEqual([])
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
      '- **Payload:** =1+1',
      '- **Institution:** @SUM(1+1)',
      // A bulleted item is placed at its own line.
      "- =cmd|' /C calc'!A0",
      '- **License:** =IMPORTXML("http://evil","//a")',
      '**Description:** +SUM(1,2) is not a number, but this cell starts with a plus sign.',
      "- **Note:** '=already quoted once",
      '- **License:** -2+3 "quoted", with commas',
      `**Description:** -2+3+cmd|' /C calc'!A0 then @mentions and a "quote", a comma`,
      '- **Payload:** @cmd'
    ])
    // -5 and +3 are plain numbers: no warning.
    expect(flagged).not.toContain('- **Size:** -5')
    expect(flagged).not.toContain('- **Offset:** +3')
  })

  it('warns of a renamed column once per group', () => {
    const findings = checkFeeds(loadCatalog(path.join(fixturesFolder, 'larger-catalog/input.md')).catalog)
    expect(findings).toEqual([
      expect.objectContaining({ruleId: 'column-renamed', pointer: '/datasets/5/lists/0/items/en', message: expect.stringContaining('list_diagnostic_categories_en')})
    ])
  })

  it('warns of list items holding the separator and of cells too long for Excel', () => {
    const catalog = cloneCatalog(loadCatalog(realSourcePath).catalog)
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
