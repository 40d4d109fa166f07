import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {parseCatalogSource} from '@catalog/parser'
import type {Catalog} from '@catalog/schema'
export {readFrozenSource, frozenSourcePath, replaceOnce} from '@catalog/test-support'

export const fixturesFolder = fileURLToPath(new URL('fixtures/', import.meta.url))

export function readFixture(name: string, file = 'input.md'): string {
  return readFileSync(`${fixturesFolder}${name}/${file}`, 'utf8')
}

/** Parse a source that must be free of errors; the messages say why when it is not. */
export function parseOrThrow(text: string, path = 'input.md'): Catalog {
  const {catalog, file} = parseCatalogSource(text, path)
  if (!catalog) throw new Error(`${path} does not parse:\n${file.messages.map(String).join('\n')}`)
  return catalog
}

/** A deep copy of a catalog, to edit in a test as a script would edit the JSON. */
export function cloneCatalog(catalog: Catalog): Catalog {
  return JSON.parse(JSON.stringify(catalog)) as Catalog
}
