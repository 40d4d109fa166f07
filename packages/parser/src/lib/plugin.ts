import type {Catalog, Finding} from '@catalog/schema'
import type {Root} from 'mdast'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import {buildCatalog, type ParserOptions, type PointerMap, refusedIds} from './build.js'
import type {UndeclaredLabel} from './dataset.js'
import {inspectCatalog, positionOf, reportFindings} from './check.js'
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
  const inspected = inspectCatalog(catalog)
  const findings = inspected.findings.filter(
    (finding) =>
      (finding.ruleId !== 'schema' || !hasErrors(file)) && (finding.severity !== 'error' || !errorLines.has(positionOf(pointers, finding.pointer)?.start.line))
  )
  // The extra checks (translations, citations, outputs) assume a catalog the schema accepts. After an error,
  // what they say of the datasets it stands in would follow from it (a refused heading's other half reads as an
  // orphan translation), so only the other datasets' findings are said: a maintainer who fixes one slip is not
  // then handed the warnings it hid.
  const failed = hasErrors(file) || findings.some((finding) => finding.severity === 'error')
  if (options?.checks?.length && (!failed || inspected.valid)) {
    const extra = options.checks.flatMap((check) => check(catalog))
    const spared = failed ? datasetsWithoutErrors(file, findings, pointers, catalog) : undefined
    findings.push(...(spared ? extra.filter((finding) => spared.has(datasetOf(finding.pointer) ?? -1)) : extra))
  }
  reportFindings(file, findings, pointers)
  file.data.catalog = catalog
  file.data.pointers = pointers
  file.data.undeclared = undeclared
  applyDisableComments(tree, file, pointers)
}

/** The index of the dataset a pointer lies in, if any. */
function datasetOf(pointer: string): number | undefined {
  const match = /^\/datasets\/(\d+)(?:\/|$)/.exec(pointer)
  return match ? Number(match[1]) : undefined
}

/**
 * The datasets no error stands in. An error's line belongs to the dataset whose heading (in any half) is the
 * last place the catalog records before it, unless a part of the catalog that is no dataset (a category, a
 * comparison table, a half's heading) comes between; a dataset whose heading was refused is its other half's.
 */
function datasetsWithoutErrors(file: VFile, findings: readonly Finding[], pointers: PointerMap, catalog: Catalog): Set<number> {
  const anchors: Array<{line: number; dataset: number | undefined}> = []
  for (const [pointer, position] of pointers) {
    const dataset = datasetOf(pointer)
    if (dataset === undefined) anchors.push({line: position.start.line, dataset: undefined})
    else if (/^\/datasets\/\d+(?:\/title\/[a-z]{2,3})?$/.test(pointer)) anchors.push({line: position.start.line, dataset})
  }
  // A refused dataset heading starts a dataset the catalog does not hold: what follows it is none of the one before.
  for (const message of file.messages)
    if (message.ruleId === 'malformed-dataset-heading' && message.line) anchors.push({line: message.line, dataset: undefined})
  anchors.sort((a, b) => a.line - b.line)
  const tainted = new Set<number>()
  for (const message of file.messages) {
    if (message.fatal !== true) continue
    const line = message.line ?? 0
    const anchor = anchors.findLast((candidate) => candidate.line <= line)
    if (anchor?.dataset !== undefined) tainted.add(anchor.dataset)
  }
  for (const finding of findings) {
    const dataset = datasetOf(finding.pointer)
    if (finding.severity === 'error' && dataset !== undefined) tainted.add(dataset)
  }
  const refused = refusedIds(file)
  catalog.datasets.forEach((dataset, index) => {
    if (refused.has(dataset.id)) tainted.add(index)
  })
  return new Set(catalog.datasets.flatMap((_, index) => (tainted.has(index) ? [] : [index])))
}
