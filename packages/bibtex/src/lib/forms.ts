import type {BiblatexEntryType} from '@catalog/schema'
import {type BibliographyEntry, sortFields} from './entry.js'

type Fields = ReadonlyArray<readonly [name: string, value: string]>

/**
 * The standard type that stands in for each biblatex-only type in
 * datasets.bib, where BibTeX's standard styles must read every entry: a
 * data set, software and a web page are `@misc`, a report `@techreport`
 * (whose `type` and `institution` are biblatex's). Typed by the schema's
 * table, so a biblatex type added there without a stand-in does not compile.
 */
const standIns: Readonly<Record<BiblatexEntryType, {type: 'misc' | 'techreport'; linkInHowpublished: boolean}>> = {
  dataset: {type: 'misc', linkInHowpublished: false},
  software: {type: 'misc', linkInHowpublished: false},
  online: {type: 'misc', linkInHowpublished: true},
  report: {type: 'techreport', linkInHowpublished: false}
}

/**
 * An entry as BibTeX's standard styles read it. A biblatex-only type becomes
 * its stand-in, and what plain.bst would drop moves to fields it prints:
 *
 * - `howpublished` (misc): the `publisher` (the repository, say PhysioNet)
 *   or else the `organization`; for a web page, then its `\url{<url>}`;
 * - `note`: `Version <version>` and `Accessed <urldate>` after its own text;
 * - `year`: the year of `date`, when the entry is dated by `date` alone.
 *
 * Other fields stay: BibTeX skips the fields a style does not use (`doi`,
 * `url`, `eprint`), and styles such as plainnat print them. Any other entry
 * is returned as it is.
 */
export function classicForm(type: string, fields: Fields): {type: string; fields: Array<readonly [string, string]>} {
  const standIn = Object.hasOwn(standIns, type) ? standIns[type as BiblatexEntryType] : undefined
  if (!standIn) return {type, fields: [...fields]}
  const values = new Map(fields)
  const take = (name: string): string | undefined => {
    const value = values.get(name)
    values.delete(name)
    return value
  }
  if (standIn.type === 'misc' && !values.has('howpublished')) {
    const publisher = ['publisher', 'organization'].find((name) => values.has(name))
    const url = values.get('url')
    const parts = [publisher === undefined ? undefined : take(publisher), standIn.linkInHowpublished && url !== undefined ? `\\url{${url}}` : undefined]
    const howpublished = parts.filter((part) => part !== undefined && part !== '').join(', ')
    if (howpublished !== '') values.set('howpublished', howpublished)
  }
  const version = take('version')
  const urldate = take('urldate')
  const notes = [values.get('note'), version === undefined ? undefined : `Version ${version}`, urldate === undefined ? undefined : `Accessed ${urldate}`]
  const note = notes.filter((text) => text !== undefined && text !== '').join('. ')
  if (note !== '') values.set('note', note)
  const year = yearOfDate(values.get('date'))
  if (!values.has('year') && year !== undefined) {
    values.set('year', year)
    values.delete('date')
  }
  return {type: standIn.type, fields: sortFields([...values])}
}

/** The entry as datasets.bib and bib/<key>.bib write it (`classicForm`). */
export function classicEntry(entry: BibliographyEntry): BibliographyEntry {
  return {...entry, ...classicForm(entry.type, entry.fields)}
}

/**
 * The entry as datasets.biblatex.bib writes it: its own type and fields,
 * with a month written as a name (`jan`, `November`) given as its number,
 * since biblatex's `month` is an integer (biber warns about a "legacy month
 * field" otherwise).
 */
export function biblatexEntry(entry: BibliographyEntry): BibliographyEntry {
  return {...entry, fields: entry.fields.map(([name, value]) => [name, name === 'month' ? monthNumber(value) : value] as const)}
}

const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']

/** `jan` and `January` are `1`, as BibTeX's month macros and biblatex's month names; anything else stays. */
function monthNumber(value: string): string {
  const name = value.trim().toLowerCase()
  const index = months.findIndex((month) => name === month || name === month.slice(0, 3))
  return index === -1 ? value : String(index + 1)
}

/** The year a biblatex `date` starts with (`2019`, `2019-11-14`, `2019/2020`). */
function yearOfDate(date: string | undefined): string | undefined {
  return /^\s*(\d{4})(?![\d])/.exec(date ?? '')?.[1]
}
