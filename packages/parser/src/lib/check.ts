import {type Catalog, citationKeyProblem, type Finding, type SchemaViolation, validateCatalog} from '@catalog/schema'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import type {PointerMap} from './build.js'
import {report} from './messages.js'

/** The position of the value at a JSON pointer, or of its nearest ancestor that has one. */
export function positionOf(pointers: PointerMap, pointer: string): Position | undefined {
  for (let current = pointer; ; current = current.slice(0, current.lastIndexOf('/'))) {
    const position = pointers.get(current)
    if (position) return position
    if (current === '') return undefined
  }
}

/**
 * Check the catalog: first the rules the schema cannot say (unique ids and
 * keys, https links, keys safe as file names), each with its own rule id,
 * then the JSON Schema itself. A schema violation at a pointer that a rule
 * already reported on is not reported twice.
 */
export function checkCatalog(catalog: Catalog): Finding[] {
  return inspectCatalog(catalog).findings
}

/** `checkCatalog`'s findings, and whether the schema accepts the catalog (whatever findings covered its violations). */
export function inspectCatalog(catalog: Catalog): {findings: Finding[]; valid: boolean} {
  const findings: Finding[] = []
  // A value that is still a TODO is said to be one, and nothing else: its https link or its key would only follow.
  const todos = todosIn(catalog, '')
  const pending = new Set(todos.map(({pointer}) => pointer))
  const flag = (severity: Finding['severity'], ruleId: string, message: string, pointer: string): void => {
    if (ruleId === 'todo-left' || !pending.has(pointer)) findings.push({pointer, severity, ruleId, message})
  }

  const primary = catalog.languages[0]?.code ?? ''
  const ids = new Map<string, number>()
  const keys = new Map<string, number>()
  catalog.datasets.forEach((dataset, index) => {
    const base = `/datasets/${index}`
    const first = ids.get(dataset.id)
    if (first !== undefined) {
      flag(
        'error',
        'duplicate-dataset',
        `the dataset id \`${dataset.id}\` is already used by dataset ${first + 1}, ${catalog.datasets[first]?.name ?? ''}`,
        `${base}/id`
      )
    } else ids.set(dataset.id, index)

    if (!Number.isInteger(dataset.rating) || dataset.rating < 1 || dataset.rating > 5) {
      flag('error', 'rating-range', `${dataset.name} is rated ${dataset.rating} stars; a rating is 1 to 5 stars`, `${base}/rating`)
    }

    // The half that leads a dataset (the primary one, unless only a translation has it) gives its link: one only another half has is no substitute.
    const lead = dataset.title[primary] !== undefined ? primary : (Object.keys(dataset.title)[0] ?? primary)
    const entry = dataset.access.items.findIndex((item) => item.key === 'url' && item.label[lead] !== undefined)
    const link = dataset.access.items[entry]
    if (!link)
      flag(
        'error',
        'missing-url',
        `${dataset.name} has no access URL: add \`- **URL:** [https://...](https://...)\` under its access section`,
        `${base}/access`
      )
    else if (link.url === undefined)
      flag(
        'error',
        'missing-url',
        `the access list's \`${link.label[lead] ?? 'URL'}\` entry of ${dataset.name} has no link: write it as \`[https://...](https://...)\``,
        `${base}/access/items/${entry}`
      )
    dataset.access.items.forEach((item, position) => {
      if (item.url !== undefined && !isHttps(item.url)) {
        flag('error', 'url-not-https', `the link \`${item.url}\` must be an absolute https URL`, `${base}/access/items/${position}`)
      }
      // A translation's own link is checked at its own line; where it repeats the primary half's, so is the slip.
      const owner = catalog.languages.find(({code}) => item.label[code] !== undefined)?.code
      for (const language of Object.keys(item.label)) {
        if (language === owner) continue
        const variant = item.urlVariants?.[language]
        const url = variant ?? item.url
        if (url === undefined || isHttps(url)) continue
        const where = variant === undefined ? `${base}/access/items/${position}/value/${language}` : `${base}/access/items/${position}/urlVariants/${language}`
        flag('error', 'url-not-https', `the link \`${url}\` must be an absolute https URL`, where)
      }
    })

    dataset.facts.items.forEach((fact, position) => {
      const quantity = fact.quantity
      if (quantity?.kind === 'year-range' && quantity.from > quantity.to) {
        flag(
          'error',
          'reversed-year-range',
          `the years ${quantity.from}-${quantity.to} run backwards; write ${quantity.to}-${quantity.from}`,
          `${base}/facts/items/${position}`
        )
      }
    })

    const citation = dataset.citation
    if (citation) {
      for (const [name, value] of Object.entries(citation.fields)) {
        const link = citationLinkProblem(name, value)
        if (link) flag('error', 'url-not-https', `the citation's \`${name}\` ${link}`, `${base}/citation/fields/${name}`)
      }
      const keyProblem = citationKeyProblem(citation.key)
      if (keyProblem) flag('error', 'unsafe-citation-key', `the citation key \`${citation.key}\` cannot name a file: it ${keyProblem}`, `${base}/citation/key`)
      const other = keys.get(citation.key)
      if (other !== undefined) {
        flag(
          'error',
          'duplicate-citation-key',
          `the citation key \`${citation.key}\` is already used by ${catalog.datasets[other]?.name ?? 'another dataset'}`,
          `${base}/citation/key`
        )
      } else keys.set(citation.key, index)
    }
  })

  catalog.resources?.items.forEach((item, index) => {
    if (!isHttps(item.url)) flag('error', 'url-not-https', `the link \`${item.url}\` must be an absolute https URL`, `/resources/items/${index}`)
  })

  for (const {pointer, more} of todos) {
    flag(
      'error',
      'todo-left',
      `${describePointer(catalog, pointer)}: a TODO is left${more > 0 ? ` (and ${more} more in its items)` : ''}; write the value, or remove what does not apply`,
      pointer
    )
  }

  const result = validateCatalog(catalog)
  if (result.valid) return {findings, valid: true}
  // The pointers reported, and every pointer that holds one (sets: a broken catalog has thousands of each).
  const reported = new Set<string>()
  const holders = new Set<string>()
  const noteReported = (pointer: string): void => {
    reported.add(pointer)
    for (let at = pointer.lastIndexOf('/'); at > 0; at = pointer.lastIndexOf('/', at - 1)) holders.add(pointer.slice(0, at))
    holders.add('')
  }
  for (const {pointer} of findings) noteReported(pointer)
  const covered = (violation: SchemaViolation): boolean => {
    // A finding covers what the schema says of the same value or of what holds it; an unmet `contains` is
    // covered by a finding on one of its items (an http link, or a link that is no URI, is why no item matches).
    const pointer = violation.pointer
    if (violation.keyword === 'contains' && holders.has(pointer)) return true
    for (let current = pointer; ; current = current.slice(0, current.lastIndexOf('/'))) {
      if (reported.has(current)) return true
      if (current === '') return false
    }
  }
  const said = new Set<string>()
  // What fails under a `contains` only says why each item did not match; the `contains` says it once, after the
  // violations of the items themselves, which may cover it.
  const violations = result.violations.filter((violation) => !violation.schemaPath.includes('/contains/'))
  for (const violation of [...violations.filter((v) => v.keyword !== 'contains'), ...violations.filter((v) => v.keyword === 'contains')]) {
    const message = humanize(catalog, violation)
    // Two keywords can say one thing (an empty label and an empty text are one missing section): say it once.
    if (!covered(violation) && !said.has(message)) {
      findings.push({pointer: violation.pointer, severity: 'error', ruleId: 'schema', message})
      said.add(message)
      noteReported(violation.pointer)
    }
  }
  return {findings, valid: false}
}

/** Properties that hold no text a maintainer writes (ids, keys, names of things). */
const notWritten = new Set(['id', 'key', 'category', 'sections', 'kind', 'style', 'language', 'type', 'vocabulary', 'dataset', 'code', 'flag', 'emoji'])
const todo = /\bTODO\b/

/**
 * Where a `TODO` stands in the catalog's texts, as `catalog new` leaves them:
 * once per value, once per list (with how many more it holds), and a link
 * whose text and target both say TODO once.
 */
function todosIn(value: unknown, pointer: string): Array<{pointer: string; more: number}> {
  if (typeof value === 'string') return todo.test(value) ? [{pointer, more: 0}] : []
  if (Array.isArray(value)) {
    const found = value.flatMap((item, index) => todosIn(item, `${pointer}/${index}`))
    const [first] = found
    return value.every((item) => typeof item === 'string') && first ? [{pointer: first.pointer, more: found.length - 1}] : found
  }
  if (typeof value !== 'object' || value === null) return []
  const record = value as Record<string, unknown>
  const found: Array<{pointer: string; more: number}> = []
  for (const [name, child] of Object.entries(record)) {
    if (notWritten.has(name)) continue
    if (name === 'url' && todosIn(record['value'], '').length > 0) continue
    // A citation's block says again what its fields say: a TODO in a field is named at the field's line.
    if (name === 'raw' && todosIn(record['fields'], '').length > 0) continue
    found.push(...todosIn(child, `${pointer}/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`))
  }
  return found
}

/**
 * A schema violation in a maintainer's words: what it is about, named as the
 * source names it (`the access list of MIMIC-CXR`), and what is wrong.
 */
export function humanize(catalog: Catalog, violation: SchemaViolation): string {
  const missing = String(violation.params['missingProperty'] ?? '')
  const where = describePointer(catalog, violation.keyword === 'required' ? violation.pointer.slice(0, -missing.length - 1) : violation.pointer)
  switch (violation.keyword) {
    case 'required':
      return `${where} has no ${missing === 'url' ? 'link' : missing}`
    case 'contains':
      return `${where} has no \`URL\` entry with a link`
    case 'minProperties':
    case 'minItems':
    case 'minLength': {
      // An empty label, text or item list is a section the source does not have.
      const last = violation.pointer.slice(violation.pointer.lastIndexOf('/') + 1)
      return ['label', 'text', 'items'].includes(last)
        ? `${describePointer(catalog, violation.pointer.slice(0, violation.pointer.lastIndexOf('/')))} is missing`
        : `${where} is empty`
    }
    case 'maximum':
    case 'minimum':
      return `${where} ${violation.message.slice(violation.message.indexOf(' ') + 1)}`
    case 'pattern':
    case 'format':
      return `${where} is not valid: ${violation.message.slice(violation.message.indexOf(' ') + 1)}`
    default:
      return `${where}: ${violation.message.slice(violation.message.indexOf(' ') + 1)}`
  }
}

/** A JSON pointer into the catalog, as a maintainer would name what it points to. */
export function describePointer(catalog: Catalog, pointer: string): string {
  const [, top, first, part, second, third, fourth] = pointer.split('/')
  const index = Number(first)
  if (top === 'datasets') {
    const dataset = catalog.datasets[index]
    const name = dataset?.name ?? `dataset ${index + 1}`
    const labelOf = (label: Record<string, string> | undefined): string => `\`${Object.values(label ?? {})[0] ?? '?'}\``
    switch (part) {
      case undefined:
        return name
      case 'facts':
      case 'access': {
        const item = second === 'items' && third !== undefined ? dataset?.[part].items[Number(third)] : undefined
        const what = part === 'facts' ? ['the key facts', 'the key fact'] : ['the access list', 'the access entry']
        if (!item) return `${what[0]} of ${name}`
        const field = fourth === 'url' ? 'the link of ' : fourth === 'value' ? 'the value of ' : fourth === 'label' ? 'the label of ' : ''
        return `${field}${what[1]} ${labelOf(item.label)} of ${name}`
      }
      case 'lists':
        return `the list ${labelOf(dataset?.lists[Number(second)]?.label)} of ${name}`
      case 'citation':
        return second === 'fields' && third !== undefined
          ? `the citation field \`${third}\` of ${name}`
          : second === 'key'
            ? `the citation key of ${name}`
            : `the citation of ${name}`
      case 'description':
      case 'tasks':
      case 'rating':
      case 'title':
      case 'category':
      case 'name':
      case 'id':
        return `the ${part} of ${name}`
      default:
        return `${name} (${pointer})`
    }
  }
  if (top === 'categories') return `the category \`${Object.values(catalog.categories[index]?.title ?? {})[0] ?? index + 1}\``
  if (top === 'resources')
    return first === 'items' && part !== undefined ? `the related resource \`${catalog.resources?.items[Number(part)]?.text ?? ''}\`` : 'the related resources'
  if (top === 'comparison') {
    const row = first === 'rows' && part !== undefined ? catalog.comparison?.rows[Number(part)] : undefined
    const name = row ? (catalog.datasets.find((dataset) => dataset.id === row.dataset)?.name ?? row.dataset) : undefined
    return name === undefined ? 'the comparison table' : `the comparison row of ${name}`
  }
  if (top === 'languages') return first === undefined ? 'the list of language halves' : `the ${catalog.languages[index]?.name ?? `language ${index + 1}`} half`
  if (top === 'title') return 'the document title'
  if (top === 'overview') return first === 'heading' ? 'the heading of the overview' : 'the overview'
  return pointer || 'the catalog'
}

/** Report findings on the source file, each at the position its pointer came from. */
export function reportFindings(file: VFile, findings: readonly Finding[], pointers: PointerMap): void {
  for (const finding of findings) report(file, finding.severity, finding.ruleId, finding.message, positionOf(pointers, finding.pointer))
}

/**
 * Citation fields that hold links are checked like access links: `url` is an
 * absolute https URL, and a `doi` or `eprint` written as a URL is one too (a
 * bare DOI, a `doi:` or an `arXiv:` identifier is no link). A `\url{…}` or
 * `\href{…}` in any field is a link as well.
 */
function citationLinkProblem(name: string, value: string): string | undefined {
  const links = [...value.matchAll(/\\(?:url|href)\s*\{([^{}]*)\}/g)].map((match) => match[1] ?? '')
  const trimmed = value.trim()
  // The field's value is the link as written, spaces included: the .bib files and CSL-JSON carry it so.
  if (name === 'url') links.push(value)
  else if ((name === 'doi' || name === 'eprint') && /^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/^(?:doi|arxiv):/i.test(trimmed)) links.push(trimmed)
  const bad = links.find((link) => !isHttps(link))
  return bad === undefined ? undefined : `holds the link \`${bad}\`, which must be an absolute https URL`
}

/**
 * An absolute https URL as the schema has it for access links (`^https://`, format `uri`): written out, with
 * no space or character a URI cannot hold (`https:evil` and `https://a b` are no link a reader can follow).
 */
function isHttps(url: string): boolean {
  if (!/^https:\/\/[^\s<>"{}|\\^`]+$/.test(url)) return false
  try {
    return new URL(url).protocol === 'https:'
  } catch {
    return false
  }
}
