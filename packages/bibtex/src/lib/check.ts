import {type Catalog, entryTypeOf, type Finding, identifierFields} from '@catalog/schema'
import {bracesBalanced} from './braces.js'
import {unmappedCharacters} from './escape.js'
import {classicForm} from './forms.js'
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
  /** A DOI that is no DOI (`10.<registrant>/<suffix>`), however it is written: it resolves nowhere. */
  doiSyntax: 'bibtex-doi-syntax',
  /** A year before 1900 or after next year: a slip of the keyboard (`20019`). */
  yearRange: 'bibtex-year-range',
  /** No `doi`, `url` or `eprint`: nothing in the citation leads a reader to the work. */
  noIdentifier: 'bibtex-no-identifier',
  /** `and others` ends the authors: the list is incomplete. */
  incompleteAuthors: 'bibtex-incomplete-authors',
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

export interface CheckOptions {
  /**
   * The year it is, which bounds a citation's year: a work may be dated up
   * to the next year (one in press). Default: the current year (UTC).
   */
  currentYear?: number
}

/** The earliest year a citation may carry. */
const firstYear = 1900

/** biblatex's date fields, each a date or a range of two (`2018/2019`). */
const dateFields = ['date', 'urldate', 'origdate', 'eventdate']

/** A DOI: `10.`, the registrant code (digits, perhaps subdivided: `10.1000.10`), `/`, and a suffix without spaces. */
const doiPattern = /^10\.\d{4,9}(?:\.\d+)*\/\S+$/

/**
 * Check the catalog's citations for what the BibTeX renderer needs beyond the
 * parser's checks, and for what makes a citation hard to follow (no DOI, URL
 * or eprint; an author list cut short; a DOI or a year that cannot be right).
 * Pure: returns findings located by JSON pointer, such as
 * `/datasets/2/citation/fields/doi`, which the CLI maps to source lines.
 */
export function checkBibliography(catalog: Catalog, options: CheckOptions = {}): Finding[] {
  const lastYear = (options.currentYear ?? new Date().getUTCFullYear()) + 1
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
      flag(
        'warning',
        bibliographyRules.missingCitation,
        `${dataset.name} has no citation, so datasets.bib cannot cite it: add a \`bibtex\` block under its citation section`,
        base
      )
      return
    }
    const fieldPointer = (name: string): string => `${base}/citation/fields/${escapePointer(name)}`
    const nameOf = (other: number): string => catalog.datasets[other]?.name ?? 'another dataset'

    const folded = citation.key.toLowerCase()
    const sameKey = keys.get(folded)
    if (sameKey === undefined) keys.set(folded, index)
    else if (catalog.datasets[sameKey]?.citation?.key !== citation.key) {
      flag(
        'error',
        bibliographyRules.keyCaseCollision,
        `the citation key \`${citation.key}\` differs only in case from \`${catalog.datasets[sameKey]?.citation?.key ?? ''}\` of ${nameOf(sameKey)}; BibTeX treats them as one key and case-insensitive file systems as one file`,
        `${base}/citation/key`
      )
    }

    for (const [name, value] of Object.entries(citation.fields)) {
      if (!bracesBalanced(value)) {
        flag(
          'error',
          bibliographyRules.unbalancedBraces,
          `the \`${name}\` of \`${citation.key}\` has unbalanced braces (or ends in a lone backslash), which would swallow the rest of the entry`,
          fieldPointer(name)
        )
      }
      const unmapped = unmappedCharacters(value, name)
      if (unmapped.length > 0) {
        flag(
          'warning',
          bibliographyRules.unmappedCharacter,
          `the \`${name}\` of \`${citation.key}\` has ${unmapped.map((char) => `"${char}" (U+${codePoint(char)})`).join(', ')} with no LaTeX command; it stays UTF-8, which biber reads but BibTeX styles and pdfLaTeX may not handle`,
          fieldPointer(name)
        )
      }
    }

    if (citation.fields['crossref'] !== undefined) {
      flag(
        'error',
        bibliographyRules.crossref,
        `\`${citation.key}\` uses \`crossref\`, so bib/${citation.key}.bib could not be typeset on its own: copy the fields it inherits into the entry`,
        fieldPointer('crossref')
      )
    }

    // What plain.bst sees: a biblatex type as its stand-in in datasets.bib.
    const classic = classicForm(citation.type, Object.entries(citation.fields))
    for (const warning of styleWarnings(classic.type, citation.key, Object.fromEntries(classic.fields))) {
      const pointer = citation.fields[warning.field] === undefined ? `${base}/citation/fields` : fieldPointer(warning.field)
      flag('warning', bibliographyRules.styleWarning, warning.message, pointer)
    }

    const doi = citation.fields['doi']
    if (doi !== undefined) {
      const bare = bareDoi(doi)
      // One slip, one finding: a DOI that is none is not also said to be written as a link.
      if (!doiPattern.test(bare)) {
        flag(
          'error',
          bibliographyRules.doiSyntax,
          `the DOI \`${doi.trim()}\` of \`${citation.key}\` is not a DOI, which reads \`10.\` and a registrant code, \`/\`, then a suffix without spaces, like \`10.1038/s41597-019-0322-0\``,
          fieldPointer('doi')
        )
      } else {
        if (bare !== doi.trim()) {
          flag(
            'warning',
            bibliographyRules.doiFormat,
            `the DOI of \`${citation.key}\` should be written bare, like \`10.1038/s41597-019-0322-0\`, not \`${doi.trim()}\``,
            fieldPointer('doi')
          )
        }
        const normal = normalizeDoi(doi)
        const first = dois.get(normal)
        if (first === undefined) dois.set(normal, index)
        else {
          flag(
            'error',
            bibliographyRules.duplicateDoi,
            `the DOI \`${doi.trim()}\` of \`${citation.key}\` is already cited by ${nameOf(first)} as \`${catalog.datasets[first]?.citation?.key ?? ''}\`; cite one work under one key`,
            fieldPointer('doi')
          )
        }
      }
    }

    for (const field of ['year', ...dateFields]) {
      const value = citation.fields[field]
      if (value === undefined) continue
      const years = field === 'year' ? yearOf(value) : datedYears(value)
      // When the work appeared; an original date (`origdate`) or the day of access may be any.
      const wrong = field === 'year' || field === 'date' ? years?.find((year) => year < firstYear || year > lastYear) : undefined
      if (years === undefined) {
        flag(
          'error',
          bibliographyRules.yearRange,
          `the \`${field}\` \`${value.trim()}\` of \`${citation.key}\` is no date biblatex reads: write \`2019\`, \`2019-11\`, \`2019-11-14\` or a range \`2018/2019\` (open at its end: \`2018/\`)`,
          fieldPointer(field)
        )
      } else if (wrong !== undefined) {
        flag(
          'error',
          bibliographyRules.yearRange,
          `\`${citation.key}\` is dated ${wrong} (its \`${field}\`), outside ${firstYear} to ${lastYear}: write the year the work appeared`,
          fieldPointer(field)
        )
      }
    }

    // An `@online` without any is missing a required field already (the parser says so).
    const requiresIdentifier = entryTypeOf(citation.type)?.required.some((need) => typeof need !== 'string' && need.includes('url'))
    // An empty `url` or `doi` is a slip of its own (no https link, no DOI), said there: once.
    const given = (name: string): boolean => (name === 'eprint' ? (citation.fields[name] ?? '').trim() !== '' : citation.fields[name] !== undefined)
    if (!requiresIdentifier && !identifierFields.some(given)) {
      flag(
        'warning',
        bibliographyRules.noIdentifier,
        `\`${citation.key}\` has no \`doi\`, \`url\` or \`eprint\`, so a reader cannot find the work from the citation (the .bib files give the dataset's link instead): add the DOI of what it cites, or its URL`,
        `${base}/citation/key`
      )
    }

    for (const field of ['author', 'editor']) {
      if (/(?:^|\s)and\s+others\s*$/i.test(citation.fields[field] ?? '')) {
        flag(
          'warning',
          bibliographyRules.incompleteAuthors,
          `the ${field === 'author' ? 'authors' : 'editors'} of \`${citation.key}\` end in "and others": the list is incomplete, and styles print "et al." even where they would name everyone; name every ${field}, as the work does`,
          fieldPointer(field)
        )
      }
    }
  })
  return findings
}

/** A DOI without the `https://doi.org/` or `doi:` it may be written with; case kept. */
function bareDoi(doi: string): string {
  return doi.trim().replace(/^(?:https?:\/\/(?:dx\.|www\.)?doi\.org\/|doi:\s*)/i, '')
}

/** DOIs are case-insensitive, and arrive as URLs or with a `doi:` prefix. */
export function normalizeDoi(doi: string): string {
  return bareDoi(doi).toLowerCase()
}

/**
 * The year a `year` states when it is a number (`2019`); `in press` or
 * `2019a` state none, which BibTeX prints as written.
 */
function yearOf(value: string | undefined): number[] {
  const text = (value ?? '').trim()
  return /^\d+$/.test(text) ? [Number(text)] : []
}

/**
 * One end of a biblatex date range: ISO 8601 (`2019`, `2019-11`,
 * `2019-11-14`, a time after `T`) with EDTF's marks of an uncertain or
 * approximate date (`2019?`, `2019~`) and its seasons (`2019-21`). EDTF's
 * `2019%` is not taken: a date is LaTeX text, where `%` is escaped.
 */
const dateEnd = /^(-?\d{4})(?:-(?:0[1-9]|1[0-2]|2[1-4])(?:-(?:0[1-9]|[12]\d|3[01]))?)?(?:T\d{2}(?::\d{2}){0,2}(?:Z|[+-]\d{2}(?::?\d{2})?)?)?[?~]?$/

/**
 * The years a biblatex date states, one for each end of a range
 * (`2018/2019`; an open end, `2018/` or `2018/..`, states none); undefined
 * when it is no date biblatex reads (`Nov 2019`, `14/11/2019`), which biber
 * drops, or one open at its start (`/2019`), which citation-js cannot write
 * as CSL.
 */
function datedYears(value: string): number[] | undefined {
  const [start = '', end, ...more] = value
    .trim()
    .split('/')
    .map((part) => part.trim())
  const startYear = dateEnd.exec(start)?.[1]
  if (startYear === undefined || more.length > 0) return undefined
  if (end === undefined || end === '' || end === '..') return [Number(startYear)]
  const endYear = dateEnd.exec(end)?.[1]
  return endYear === undefined ? undefined : [Number(startYear), Number(endYear)]
}

function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1')
}

function codePoint(char: string): string {
  return (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')
}
