import type {Catalog} from '@catalog/schema'
import type {Root} from 'mdast'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import {buildCatalog, type ParserOptions, type PointerMap} from './build.js'
import type {UndeclaredLabel} from './dataset.js'
import {checkCatalog, positionOf, reportFindings} from './check.js'
import {applyDisableComments} from './directives.js'
import {hasErrors} from './messages.js'
import {readOutline} from './structure.js'

declare module 'vfile' {
  interface DataMap {
    /** The catalog read from the document (present even when it has errors). */
    catalog: Catalog
    /** JSON pointer -> source position for every value of the catalog. */
    pointers: PointerMap
    /** The labels the vocabulary does not declare, with what they were paired with (for `catalog vocabulary`). */
    undeclared: UndeclaredLabel[]
  }
}

/**
 * remark plugin: read the catalog out of the mdast into `file.data.catalog`,
 * reporting every problem as a message on the file.
 */
export const remarkCatalog: Plugin<[ParserOptions?], Root> = (options) => (tree: Root, file: VFile) => {
  const source = String(file.value)
  const outline = readOutline(tree, file, source)
  const {catalog, pointers, undeclared} = buildCatalog(outline, file, options ?? {})
  // After the structure refused a part, what the schema says of the catalog read without it (an empty half,
  // a dataset with no description) follows from the slip already reported: said once, at the slip.
  // A check's error on a line that the structure already reported an error on (`- **URL:**` with nothing after
  // it is an empty entry, and so no link) is the same slip.
  const errorLines = new Set(file.messages.filter((message) => message.fatal === true).map((message) => message.line))
  const findings = checkCatalog(catalog).filter(
    (finding) =>
      (finding.ruleId !== 'schema' || !hasErrors(file)) && (finding.severity !== 'error' || !errorLines.has(positionOf(pointers, finding.pointer)?.start.line))
  )
  // The extra checks assume a catalog the schema accepts, read whole: after a part was refused (a heading
  // without stars, say), the translation checks would report its other half as an orphan, a consequence of
  // the one slip already reported.
  if (!hasErrors(file) && !findings.some((finding) => finding.severity === 'error')) {
    for (const check of options?.checks ?? []) findings.push(...check(catalog))
  }
  reportFindings(file, findings, pointers)
  file.data.catalog = catalog
  file.data.pointers = pointers
  file.data.undeclared = undeclared
  applyDisableComments(tree, file, pointers)
}
