import type {Catalog, Finding} from '@catalog/schema'
import {bracesBalanced} from './braces.js'
import {unmappedCharacters} from './escape.js'
import {styleWarnings} from './style.js'

/**
 * Rule ids of `checkBibliography`. The parser already reports, at their
 * source lines, what it can see in one citation block: syntax, unbalanced
 * braces in the block, duplicate fields, unknown types, missing required
 * fields, and keys that are duplicated or unsafe as file names. These rules
 * cover what needs the whole catalog or what the renderer itself refuses.
 */
export const bibliographyRules = {
  /** Two entries carry the same DOI: one work cited twice under two keys. */
  duplicateDoi: 'bibtex-duplicate-doi',
  /** A DOI written as a URL or with a `doi:` prefix; styles add those themselves. */
  doiFormat: 'bibtex-doi-format',
  /** Keys that differ only in case: BibTeX refuses them, and bib/<key>.bib would collide on macOS and Windows. */
  keyCaseCollision: 'bibtex-key-case-collision',
  /** A value whose braces do not balance (for BibTeX or for LaTeX) cannot be written between braces. */
  unbalancedBraces: 'bibtex-unbalanced-braces',
  /** `crossref` makes an entry depend on another, so its own bib/<key>.bib could not be typeset. */
  crossref: 'bibtex-crossref',
  /** A non-ASCII character with no LaTeX command: it stays UTF-8, which biber reads but LaTeX may not typeset. */
  unmappedCharacter: 'bibtex-unmapped-character',
  /** An entry BibTeX's standard styles would warn about (sorting, volume and number, month without year, ...). */
  styleWarning: 'bibtex-style-warning',
  /** A dataset without a citation is missing from datasets.bib. */
  missingCitation: 'bibtex-missing-citation'
} as const

/**
 * Check the catalog's citations for what the BibTeX renderer needs beyond the
 * parser's checks. Pure: returns findings located by JSON pointer, such as
 * `/datasets/2/citation/fields/doi`, which the CLI maps to source lines.
 */
export function checkBibliography(catalog: Catalog): Finding[] {
  const findings: Finding[] = []
  const flag = (severity: Finding['severity'], ruleId: string, message: string, pointer: string): void => {
    findings.push({pointer, severity, ruleId, message})
  }
  const dois = new Map<string, number>()
  const keys = new Map<string, number>()

  catalog.datasets.forEach((dataset, index) => {
    const base = `/datasets/${index}`
    const citation = dataset.citation
    if (!citation) {
      flag('warning', bibliographyRules.missingCitation, `${dataset.name} has no citation, so datasets.bib cannot cite it: add a \`bibtex\` block under its citation section`, base)
      return
    }
    const fieldPointer = (name: string): string => `${base}/citation/fields/${escapePointer(name)}`
    const nameOf = (other: number): string => catalog.datasets[other]?.name ?? 'another dataset'

    const folded = citation.key.toLowerCase()
    const sameKey = keys.get(folded)
    if (sameKey === undefined) keys.set(folded, index)
    else if (catalog.datasets[sameKey]?.citation?.key !== citation.key) {
      flag('error', bibliographyRules.keyCaseCollision, `the citation key \`${citation.key}\` differs only in case from \`${catalog.datasets[sameKey]?.citation?.key ?? ''}\` of ${nameOf(sameKey)}; BibTeX treats them as one key and case-insensitive file systems as one file`, `${base}/citation/key`)
    }

    for (const [name, value] of Object.entries(citation.fields)) {
      if (!bracesBalanced(value)) {
        flag('error', bibliographyRules.unbalancedBraces, `the \`${name}\` of \`${citation.key}\` has unbalanced braces (or ends in a lone backslash), which would swallow the rest of the entry`, fieldPointer(name))
      }
      const unmapped = unmappedCharacters(value, name)
      if (unmapped.length > 0) {
        flag('warning', bibliographyRules.unmappedCharacter, `the \`${name}\` of \`${citation.key}\` has ${unmapped.map((char) => `"${char}" (U+${codePoint(char)})`).join(', ')} with no LaTeX command; it stays UTF-8, which biber reads but BibTeX styles and pdfLaTeX may not handle`, fieldPointer(name))
      }
    }

    if (citation.fields['crossref'] !== undefined) {
      flag('error', bibliographyRules.crossref, `\`${citation.key}\` uses \`crossref\`, so bib/${citation.key}.bib could not be typeset on its own: copy the fields it inherits into the entry`, fieldPointer('crossref'))
    }

    for (const warning of styleWarnings(citation.type, citation.key, citation.fields)) {
      const pointer = citation.fields[warning.field] === undefined ? `${base}/citation/fields` : fieldPointer(warning.field)
      flag('warning', bibliographyRules.styleWarning, warning.message, pointer)
    }

    const doi = citation.fields['doi']
    if (doi !== undefined) {
      const normal = normalizeDoi(doi)
      if (!/^10\.\d{4,9}\/\S+$/.test(doi.trim())) {
        flag('warning', bibliographyRules.doiFormat, `the DOI of \`${citation.key}\` should be written bare, like \`10.1038/s41597-019-0322-0\`, not \`${doi.trim()}\``, fieldPointer('doi'))
      }
      const first = dois.get(normal)
      if (first === undefined) dois.set(normal, index)
      else {
        flag('error', bibliographyRules.duplicateDoi, `the DOI \`${doi.trim()}\` of \`${citation.key}\` is already cited by ${nameOf(first)} as \`${catalog.datasets[first]?.citation?.key ?? ''}\`; cite one work under one key`, fieldPointer('doi'))
      }
    }
  })
  return findings
}

/** DOIs are case-insensitive, and arrive as URLs or with a `doi:` prefix. */
export function normalizeDoi(doi: string): string {
  return doi
    .trim()
    .replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '')
    .toLowerCase()
}

function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1')
}

function codePoint(char: string): string {
  return (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')
}
