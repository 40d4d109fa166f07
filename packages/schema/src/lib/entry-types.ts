/**
 * The citation entry types the catalog accepts, declared once: the parser
 * checks each citation's required fields against this table, and
 * @catalog/bibtex writes an entry of a biblatex type in `datasets.bib` as its
 * classic stand-in (and keeps it as written in `datasets.biblatex.bib`).
 *
 * A requirement that is an array means "one of these".
 */
export interface EntryType {
  /**
   * Who defines it: `bibtex`, BibTeX's standard styles (Patashnik,
   * "BibTeXing", the table of entry types), which biblatex reads too; or
   * `biblatex` alone (the biblatex manual, section 2.1.1).
   */
  dialect: 'bibtex' | 'biblatex'
  required: ReadonlyArray<string | readonly string[]>
}

const bibtex = (...required: EntryType['required']): EntryType & {dialect: 'bibtex'} => ({dialect: 'bibtex', required})
const biblatex = (...required: EntryType['required']): EntryType & {dialect: 'biblatex'} => ({dialect: 'biblatex', required})

/** biblatex dates a work by `year` or by `date` (`2019-11-14`). */
const dated = ['year', 'date'] as const
/** Where a reader finds the work: what `@online` needs one of. */
export const identifierFields = ['doi', 'url', 'eprint'] as const

export const entryTypes = {
  article: bibtex('author', 'title', 'journal', 'year'),
  book: bibtex(['author', 'editor'], 'title', 'publisher', 'year'),
  booklet: bibtex('title'),
  conference: bibtex('author', 'title', 'booktitle', 'year'),
  inbook: bibtex(['author', 'editor'], 'title', ['chapter', 'pages'], 'publisher', 'year'),
  incollection: bibtex('author', 'title', 'booktitle', 'publisher', 'year'),
  inproceedings: bibtex('author', 'title', 'booktitle', 'year'),
  manual: bibtex('title'),
  mastersthesis: bibtex('author', 'title', 'school', 'year'),
  misc: bibtex(),
  phdthesis: bibtex('author', 'title', 'school', 'year'),
  proceedings: bibtex('title', 'year'),
  techreport: bibtex('author', 'title', 'institution', 'year'),
  unpublished: bibtex('author', 'title', 'note'),
  // A data set, as DataCite metadata (a repository's DOI) describes one.
  dataset: biblatex(['author', 'editor'], 'title', dated),
  software: biblatex(['author', 'editor'], 'title', dated),
  online: biblatex(['author', 'editor'], 'title', dated, identifierFields),
  // `type` says what kind of report (`Technical Report`, `White Paper`); biber requires it.
  report: biblatex('author', 'title', 'type', 'institution', dated)
} as const satisfies Record<string, EntryType>

export type EntryTypeName = keyof typeof entryTypes

/** The types only biblatex defines, which `datasets.bib` writes as a standard type. */
export type BiblatexEntryType = {[Name in EntryTypeName]: (typeof entryTypes)[Name]['dialect'] extends 'biblatex' ? Name : never}[EntryTypeName]

/** The entry type of a lowercase name, or undefined for a type the catalog does not know. */
export function entryTypeOf(name: string): EntryType | undefined {
  return Object.hasOwn(entryTypes, name) ? entryTypes[name as EntryTypeName] : undefined
}
