/**
 * The catalogs this package's renderer tests start from: catalog JSON beside
 * each fixture's markdown, validated (see `fixtureCatalog` in
 * @catalog/test-support). Only `UPDATE_FIXTURES=1` loads the parser, to
 * rewrite the JSON from the markdown.
 */
import {fixtureCatalog as readFixture} from '@catalog/test-support'
import type {Catalog} from '@catalog/schema'

const parser = process.env['UPDATE_FIXTURES'] === '1' ? await import('@catalog/parser') : undefined

export function fixtureCatalog(markdownPath: string): Catalog {
  return readFixture(markdownPath, parser?.parseCatalogSource)
}
