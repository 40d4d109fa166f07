import type {Catalog} from '@catalog/schema'
import type {Root} from 'mdast'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import {buildCatalog, type ParserOptions, type PointerMap} from './build.js'
import {checkCatalog, reportFindings} from './check.js'
import {applyDisableComments} from './directives.js'
import {readOutline} from './structure.js'

declare module 'vfile' {
  interface DataMap {
    /** The catalog read from the document (present even when it has errors). */
    catalog: Catalog
    /** JSON pointer -> source position for every value of the catalog. */
    pointers: PointerMap
  }
}

/**
 * remark plugin: read the catalog out of the mdast into `file.data.catalog`,
 * reporting every problem as a message on the file.
 */
export const remarkCatalog: Plugin<[ParserOptions?], Root> = function (options) {
  return (tree: Root, file: VFile) => {
    const source = String(file.value)
    const outline = readOutline(tree, file, source)
    const {catalog, pointers} = buildCatalog(outline, file, options ?? {})
    const findings = checkCatalog(catalog)
    // The extra checks assume a catalog the schema accepts.
    if (!findings.some((finding) => finding.severity === 'error')) {
      for (const check of options?.checks ?? []) findings.push(...check(catalog))
    }
    reportFindings(file, findings, pointers)
    file.data.catalog = catalog
    file.data.pointers = pointers
    applyDisableComments(tree, file, pointers)
  }
}
