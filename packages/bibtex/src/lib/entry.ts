import {type Catalog, type Dataset, datasetUrl, type Fragments, isJsonObject, renderEveryTime} from '@catalog/schema'
import {caseProtectedFields, protectCase} from './case.js'
import {bracesBalanced} from './braces.js'
import {commentText, escapeLatexValue, escapeUrl, normalizeSpace, verbatimFields} from './escape.js'
import {jsonFragment} from './json-fragment.js'

/**
 * The order fields are written in: the order Google Scholar exports (which is
 * how most catalog citations arrive, so a pasted entry keeps its shape),
 * extended with the other standard BibTeX fields and biblatex's `version`,
 * `type` and `date`; `doi`, `url` and `urldate` close the known fields.
 * Fields not listed follow, alphabetically.
 */
export const fieldOrder: readonly string[] = [
  'title',
  'author',
  'editor',
  'journal',
  'booktitle',
  'series',
  'edition',
  'version',
  'volume',
  'number',
  'chapter',
  'pages',
  'howpublished',
  'school',
  'institution',
  'type',
  'organization',
  'publisher',
  'address',
  'month',
  'year',
  'date',
  'note',
  'doi',
  'url',
  'urldate'
]

/** One entry as the renderer writes it. */
export interface BibliographyEntry {
  /** Position of the dataset in `catalog.datasets`. */
  datasetIndex: number
  /** Entry type, lowercase: `article`, `inproceedings`, `dataset`, ... */
  type: string
  key: string
  /** The comment line naming the dataset, without its `% `. */
  comment: string
  /** Fields in `fieldOrder`, names lowercase, values escaped. */
  fields: ReadonlyArray<readonly [name: string, value: string]>
}

/** An entry as its text shows it, wherever its dataset sits. */
export type EntryText = Omit<BibliographyEntry, 'datasetIndex'>

/**
 * The entries of every dataset that has a citation, in source order, each
 * with its own type (`dataset` stays `dataset`: see `classicEntry` for
 * datasets.bib). Values are escaped (`escapeLatexValue`; verbatim fields such
 * as `url` and `doi` only have their white space normalised), and the words
 * of titles that no style may recase are braced (`protectCase`); an entry
 * without `url` gains the dataset's access URL.
 */
export function bibliographyEntries(catalog: Catalog, fragments: Fragments = renderEveryTime): BibliographyEntry[] {
  const primary = catalog.languages[0]?.code
  const entries: BibliographyEntry[] = []
  catalog.datasets.forEach((dataset, datasetIndex) => {
    const citation = dataset.citation
    if (!citation) return
    // What the entry is made of: the citation, the access URL it falls back on, and the title its comment names.
    const inputs: EntryInputs = {
      type: citation.type,
      key: citation.key,
      fields: citation.fields,
      url: datasetUrl(dataset) ?? null,
      label: datasetLabel(dataset, primary)
    }
    const entry = jsonFragment(
      fragments,
      'bibtex/entry',
      inputs,
      () => entryOf(inputs),
      (value) => entryFits(value, inputs)
    )
    entries.push({datasetIndex, ...entry})
  })
  return entries
}

/** What an entry is made of: the citation, the access URL it falls back on, and the title its comment names. */
interface EntryInputs {
  type: string
  key: string
  fields: Record<string, string>
  url: string | null
  label: string
}

function entryOf(inputs: EntryInputs): EntryText {
  const fields = new Map<string, string>()
  for (const [name, value] of Object.entries(inputs.fields)) {
    const field = name.toLowerCase()
    const escaped = verbatimFields.has(field) ? normalizeSpace(value) : escapeLatexValue(value)
    fields.set(field, caseProtectedFields.has(field) ? protectCase(escaped) : escaped)
  }
  if (!fields.has('url') && inputs.url !== null) fields.set('url', escapeUrl(inputs.url))
  return {type: inputs.type.toLowerCase(), key: inputs.key, comment: commentText(inputs.label), fields: sortFields([...fields])}
}

/**
 * Whether a value read back from the store is an entry `entryOf` could have
 * made of these inputs: their type, key and comment, each of their fields
 * once (and `url` when it falls back on one), every value a string with
 * balanced braces.
 */
function entryFits(value: unknown, inputs: EntryInputs): value is EntryText {
  if (!isJsonObject(value) || Object.keys(value).length !== 4) return false
  const {type, key, comment, fields} = value
  if (type !== inputs.type.toLowerCase() || key !== inputs.key || comment !== commentText(inputs.label) || !Array.isArray(fields)) return false
  const names = new Set(Object.keys(inputs.fields).map((name) => name.toLowerCase()))
  if (inputs.url !== null) names.add('url')
  const fitting = fields.every(
    (field: unknown) =>
      Array.isArray(field) && field.length === 2 && typeof field[1] === 'string' && bracesBalanced(field[1]) && names.delete(field[0] as string)
  )
  return fitting && names.size === 0
}

/** `NAME: Title` in the primary language (or the first language it has). */
function datasetLabel(dataset: Dataset, primary: string | undefined): string {
  const title = (primary === undefined ? undefined : dataset.title[primary]) ?? Object.values(dataset.title)[0]
  return title === undefined || title === '' ? dataset.name : `${dataset.name}: ${title}`
}

/** Fields in `fieldOrder`, then the others alphabetically. */
export function sortFields<Field extends readonly [name: string, value: string]>(fields: readonly Field[]): Field[] {
  return fields.toSorted(([a], [b]) => compareFields(a, b))
}

function compareFields(a: string, b: string): number {
  const rankA = rankOf(a)
  const rankB = rankOf(b)
  if (rankA !== rankB) return rankA - rankB
  return a < b ? -1 : a > b ? 1 : 0
}

function rankOf(field: string): number {
  const rank = fieldOrder.indexOf(field)
  return rank === -1 ? fieldOrder.length : rank
}
