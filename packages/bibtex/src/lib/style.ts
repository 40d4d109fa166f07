/**
 * The warnings BibTeX's standard styles (plain, abbrv, alpha, unsrt: they
 * share these checks) print for an entry beyond its missing required fields,
 * which the parser reports. Each is found here from the fields alone, so that
 * it can be reported at the citation in the source before anyone runs
 * BibTeX. The conditions follow plain.bst function by function; an entry
 * that uses `crossref` is not modelled (`checkBibliography` refuses it).
 */
export interface StyleWarning {
  /** The field to point at. */
  field: string
  /** BibTeX's own words, then how to fix it. */
  message: string
}

const sortedByAuthorOrEditor = new Set(['book', 'inbook'])
const numberedInSeries = new Set(['book', 'inbook', 'incollection', 'inproceedings', 'conference', 'proceedings'])

export function styleWarnings(type: string, key: string, fields: Readonly<Record<string, string>>): StyleWarning[] {
  const has = (name: string): boolean => (fields[name] ?? '').trim() !== ''
  const warnings: StyleWarning[] = []
  const warn = (field: string, bibtexSays: string, fix: string): void => {
    warnings.push({field, message: `BibTeX's standard styles warn "${bibtexSays} in ${key}": ${fix}`})
  }

  // presort and its *.sort functions: every entry needs something to sort by.
  if (!has('key')) {
    if (sortedByAuthorOrEditor.has(type)) {
      if (!has('author') && !has('editor')) warn('author', 'to sort, need author, editor, or key', 'add `author` or `editor`')
    } else if (type === 'proceedings') {
      if (!has('editor') && !has('organization')) warn('editor', 'to sort, need editor, organization, or key', 'add `editor` or `organization`')
    } else if (type === 'manual') {
      if (!has('author') && !has('organization')) warn('author', 'to sort, need author, organization, or key', 'add `author` or `organization`')
    } else if (!has('author')) warn('author', 'to sort, need author or key', 'add `author` (a group as `{Name of the Group}`) or `key`')
  }

  // format.date
  if (has('month') && !has('year')) warn('month', "there's a month but no year", 'add `year` or remove `month`')

  // format.vol.num.pages (articles)
  if (type === 'article' && has('number') && !has('volume')) warn('number', "there's a number but no volume", 'add `volume` or remove `number`')

  if (numberedInSeries.has(type)) {
    // format.bvolume
    if (has('volume') && has('number')) warn('number', "can't use both volume and number fields", 'keep one of `volume` and `number`')
    // format.number.series
    if (!has('volume') && has('number') && !has('series')) warn('number', "there's a number but no series", 'add `series` or remove `number`')
  }

  // book and inbook print either the authors or the editors.
  if (sortedByAuthorOrEditor.has(type) && has('author') && has('editor'))
    warn('editor', "can't use both author and editor fields", 'keep one of `author` and `editor`')

  // empty.misc.check
  if (type === 'misc' && !has('key') && !['author', 'title', 'howpublished', 'month', 'year', 'note'].some(has)) {
    warn('title', 'all relevant fields are empty', 'add `title`, `author`, `howpublished`, `year` or `note`')
  }
  return warnings
}
