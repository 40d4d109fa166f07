import {ruleOf, validateCatalog} from '@catalog/schema'
import type {Root, RootContent} from 'mdast'
import type {VFile} from 'vfile'
import type {PointerMap} from './build.js'
import {humanize, positionOf} from './check.js'
import {report} from './messages.js'
import type {RecordNode} from './sections.js'
import type {SectionRecord} from './structure.js'

/** `<!-- catalog-disable rule-a rule-b -->` or `<!-- catalog-enable -->` (no rule: every rule). */
const directive = /^<!--\s*catalog-(disable|enable)((?:\s+[a-z0-9-]+)*)\s*-->$/

interface Region {
  rules: ReadonlySet<string> | 'all'
  from: number
  to: number
  line: number
  column: number
  used: boolean
}

/**
 * Honour rule-disable comments around a region of deliberate exceptions, as
 * linters do: messages of the named rules inside the region are dropped, and a
 * disable comment that suppresses nothing is itself reported. Comments are read
 * at the top level of the document (between blocks). Only rules the registry
 * lets be disabled are suppressed (a bare `catalog-disable` means all of
 * those); naming any other rule is an error. As a last guard, a catalog whose
 * errors were suppressed is validated against the schema again.
 */
export function applyDisableComments(tree: Root, file: VFile, pointers: PointerMap): void {
  const regions: Region[] = []
  const open = new Map<string, Region>()
  // A section read into a record keeps its comments there (see `readSectionRecord`).
  const nodes = tree.children.flatMap((node) =>
    (node as RootContent | RecordNode).type === 'catalogRecord' ? (node as unknown as RecordNode<SectionRecord>).record.comments : [node]
  )
  for (const node of nodes) {
    if (node.type !== 'html' || !node.position) continue
    const match = directive.exec(node.value.trim())
    if (!match) continue
    const named = (match[2] ?? '').trim().split(/\s+/).filter(Boolean)
    const key = named.length === 0 ? '*' : named.join(' ')
    const line = node.position.start.line
    if (match[1] === 'disable') {
      for (const id of named) {
        const rule = ruleOf(id)
        if (!rule) report(file, 'warning', 'unused-disable', `\`catalog-disable\` names no rule: \`${id}\``, node)
        else if (!rule.disable)
          report(
            file,
            'error',
            'disable-not-allowed',
            `\`${id}\` cannot be disabled: its finding would leave an output invalid or incomplete; fix what it reports`,
            node
          )
      }
      const rules = named.filter((id) => ruleOf(id)?.disable === true)
      // A comment whose every rule was refused above has been reported once: its region suppresses nothing, silently.
      const refused = named.length > 0 && rules.length === 0
      const region: Region = {
        rules: named.length === 0 ? 'all' : new Set(rules),
        from: line,
        to: Number.POSITIVE_INFINITY,
        line,
        column: node.position.start.column,
        used: refused
      }
      regions.push(region)
      open.set(key, region)
    } else {
      const region = open.get(key)
      if (region) {
        region.to = line
        open.delete(key)
      } else {
        report(
          file,
          'warning',
          'unused-disable',
          `\`catalog-enable${named.length ? ` ${named.join(' ')}` : ''}\` closes no \`catalog-disable\` with the same rules`,
          node
        )
      }
    }
  }
  if (regions.length === 0) return

  let suppressedError = false
  file.messages = file.messages.filter((message) => {
    if (message.line === undefined || ruleOf(message.ruleId ?? '')?.disable !== true) return true
    const line = message.line
    const region = regions.find(
      (candidate) => line > candidate.from && line < candidate.to && (candidate.rules === 'all' || candidate.rules.has(message.ruleId ?? ''))
    )
    if (!region) return true
    region.used = true
    if (message.fatal) suppressedError = true
    return false
  })
  for (const region of regions) {
    if (!region.used) {
      const rules = region.rules === 'all' ? 'any rule' : [...region.rules].join(', ')
      report(file, 'warning', 'unused-disable', `this \`catalog-disable\` comment suppresses nothing (${rules})`, {line: region.line, column: region.column})
    }
  }
  const catalog = file.data.catalog
  if (suppressedError && catalog) {
    const result = validateCatalog(catalog)
    if (!result.valid) {
      for (const violation of result.violations) report(file, 'error', 'schema', humanize(catalog, violation), positionOf(pointers, violation.pointer))
    }
  }
}
