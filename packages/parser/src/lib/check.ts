import {type Catalog, citationKeyProblem, type Finding, validateCatalog} from '@catalog/schema'
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
  const findings: Finding[] = []
  const flag = (severity: Finding['severity'], ruleId: string, message: string, pointer: string): void => {
    findings.push({pointer, severity, ruleId, message})
  }

  const ids = new Map<string, number>()
  const keys = new Map<string, number>()
  catalog.datasets.forEach((dataset, index) => {
    const base = `/datasets/${index}`
    const first = ids.get(dataset.id)
    if (first !== undefined) {
      flag('error', 'duplicate-dataset', `the dataset id \`${dataset.id}\` is already used by dataset ${first + 1}, ${catalog.datasets[first]?.name ?? ''}`, `${base}/id`)
    } else ids.set(dataset.id, index)

    if (!Number.isInteger(dataset.rating) || dataset.rating < 1 || dataset.rating > 5) {
      flag('error', 'rating-range', `${dataset.name} is rated ${dataset.rating} stars; a rating is 1 to 5 stars`, `${base}/rating`)
    }

    const link = dataset.access.items.find((item) => item.key === 'url' && item.url !== undefined)
    if (!link) flag('error', 'missing-url', `${dataset.name} has no access URL: add \`- **URL:** [https://...](https://...)\` under its access section`, `${base}/access`)
    dataset.access.items.forEach((item, position) => {
      if (item.url !== undefined && !isHttps(item.url)) {
        flag('error', 'url-not-https', `the link \`${item.url}\` must be an absolute https URL`, `${base}/access/items/${position}`)
      }
    })

    dataset.facts.items.forEach((fact, position) => {
      const quantity = fact.quantity
      if (quantity?.kind === 'year-range' && quantity.from > quantity.to) {
        flag('error', 'reversed-year-range', `the years ${quantity.from}-${quantity.to} run backwards; write ${quantity.to}-${quantity.from}`, `${base}/facts/items/${position}`)
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
        flag('error', 'duplicate-citation-key', `the citation key \`${citation.key}\` is already used by ${catalog.datasets[other]?.name ?? 'another dataset'}`, `${base}/citation/key`)
      } else keys.set(citation.key, index)
    }
  })

  catalog.resources?.items.forEach((item, index) => {
    if (!isHttps(item.url)) flag('error', 'url-not-https', `the link \`${item.url}\` must be an absolute https URL`, `/resources/items/${index}`)
  })

  const result = validateCatalog(catalog)
  if (result.valid) return findings
  const reported = new Set(findings.map(({pointer}) => pointer))
  const covered = (pointer: string): boolean => {
    for (let current = pointer; current !== ''; current = current.slice(0, current.lastIndexOf('/'))) {
      if (reported.has(current)) return true
    }
    return false
  }
  for (const violation of result.violations) {
    if (!covered(violation.pointer)) flag('error', 'schema', violation.message, violation.pointer)
  }
  return findings
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
  if (name === 'url') links.push(trimmed)
  else if ((name === 'doi' || name === 'eprint') && /^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/^(?:doi|arxiv):/i.test(trimmed)) links.push(trimmed)
  const bad = links.find((link) => !isHttps(link))
  return bad === undefined ? undefined : `holds the link \`${bad}\`, which must be an absolute https URL`
}

function isHttps(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:'
  } catch {
    return false
  }
}
