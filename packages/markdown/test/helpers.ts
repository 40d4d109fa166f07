import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {parseCatalogSource} from '@catalog/parser'
import type {Catalog} from '@catalog/schema'

export const realSourcePath = fileURLToPath(new URL('../../../source/datasets.md', import.meta.url))
export const fixturesFolder = fileURLToPath(new URL('fixtures/', import.meta.url))

export function readRealSource(): string {
  return readFileSync(realSourcePath, 'utf8')
}

export function readFixture(name: string, file = 'input.md'): string {
  return readFileSync(`${fixturesFolder}${name}/${file}`, 'utf8')
}

/** Parse a source that must be free of errors; the messages say why when it is not. */
export function parseOrThrow(text: string, path = 'input.md'): Catalog {
  const {catalog, file} = parseCatalogSource(text, path)
  if (!catalog) throw new Error(`${path} does not parse:\n${file.messages.map(String).join('\n')}`)
  return catalog
}

/** Replace exactly one occurrence, so that an edit that no longer applies fails loudly. */
export function replaceOnce(text: string, search: string, replacement: string): string {
  const first = text.indexOf(search)
  if (first === -1 || text.indexOf(search, first + 1) !== -1) throw new Error(`expected exactly one "${search}"`)
  return text.slice(0, first) + replacement + text.slice(first + search.length)
}

/** A deep copy of a catalog, to edit in a test as a script would edit the JSON. */
export function cloneCatalog(catalog: Catalog): Catalog {
  return JSON.parse(JSON.stringify(catalog)) as Catalog
}
