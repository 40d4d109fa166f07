import type {Catalog, Finding, LocalizedList} from '@catalog/schema'
import {csvColumns, listSeparator} from './columns.js'
import {needsNeutralising} from './formula.js'

/** Excel keeps at most this many characters in a cell and cuts the rest. */
export const excelCellLimit = 32_767

/**
 * Problems of the catalog as the feeds see them, all warnings (the feeds are
 * written anyway). Rule ids:
 * - `formula-like-text`: a text that spreadsheets would run as a formula; the
 *   CSV files carry it with an apostrophe before it;
 * - `list-item-separator`: a list item holding `"; "`, so its joined cell
 *   cannot be split back into the same items;
 * - `excel-cell-too-long`: a cell longer than Excel keeps.
 */
export function checkFeeds(catalog: Catalog): Finding[] {
  const findings: Finding[] = []
  const columns = csvColumns(catalog)
  catalog.datasets.forEach((dataset, index) => {
    for (const column of columns) {
      const cell = column.type === 'string' ? column.read(dataset, index) : undefined
      if (!cell || typeof cell.value !== 'string') continue
      const listed = column.source.section === 'tasks' || column.source.section === 'lists'
      if (needsNeutralising(cell.value)) {
        findings.push({
          pointer: listed ? `${cell.pointer}/0` : cell.pointer,
          severity: 'warning',
          ruleId: 'formula-like-text',
          message: cell.value.startsWith("'")
            ? `\`${excerpt(cell.value)}\` reads like a formula already escaped with an apostrophe; the CSV files add one more so that it reads back unchanged`
            : `\`${excerpt(cell.value)}\` starts like a spreadsheet formula; the CSV files put an apostrophe before it so that it cannot run`
        })
      }
      if (cell.value.length > excelCellLimit) {
        findings.push({
          pointer: cell.pointer,
          severity: 'warning',
          ruleId: 'excel-cell-too-long',
          message: `the \`${column.name}\` cell has ${cell.value.length} characters; Excel keeps ${excelCellLimit}`
        })
      }
    }
    const lists: Array<{items: LocalizedList; pointer: string}> = [
      ...(dataset.tasks ? [{items: dataset.tasks.items, pointer: `/datasets/${index}/tasks/items`}] : []),
      ...dataset.lists.map((list, position) => ({items: list.items, pointer: `/datasets/${index}/lists/${position}/items`}))
    ]
    for (const {items, pointer} of lists) {
      for (const [code, list] of Object.entries(items)) {
        list.forEach((item, position) => {
          if (item.includes(listSeparator) || item.endsWith(listSeparator.trim())) {
            findings.push({
              pointer: `${pointer}/${code}/${position}`,
              severity: 'warning',
              ruleId: 'list-item-separator',
              message: `the item \`${excerpt(item)}\` holds "${listSeparator.trim()}", which separates list items in datasets.csv; its cell cannot be split back into the same items`
            })
          }
        })
      }
    }
  })
  return findings
}

/** The start of a text, with tabs and line breaks made visible. */
function excerpt(text: string): string {
  const flat = text.replaceAll('\t', '\\t').replaceAll('\r', '\\r').replaceAll('\n', '\\n')
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat
}
