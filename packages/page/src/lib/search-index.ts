/**
 * What the search box looks through. A card carries, per page language, the
 * folded text of every field it shows (the values, not their labels) and the
 * fields that say something the card does not show, each with the label the
 * page names it by when a search finds a word only there ("Matched in:
 * Institution"). The page's script folds what is typed the same way.
 */

import type {Catalog, Dataset} from '@catalog/schema'
import {inlineToText} from './inline.js'
import {resolveLanguage} from './localize.js'

/** A field a card does not show: its label in the page language, and its folded text. */
export type UnseenField = [label: string, text: string]

/** A card's search text in one page language. */
export interface SearchIndex {
  /** Everything the card shows in that language, folded; fields joined by ` • `. */
  shown: string
  /** The fields that hold words the card does not show: its comparison row, a link's target its text does not spell. */
  unseen: UnseenField[]
}

/**
 * Text folded for searching: lowercased, accents dropped, runs of spaces
 * made one. The page's script folds what is typed the same way.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * A BibTeX field value as a reader searches it. Accents go anyway when text
 * is folded, so an accent command (`{\"u}`, `\'{e}`, `\c c`) only has to go;
 * a letter command (`{\o}`, `{\ss}`) is read as its letters, any other
 * command (`\textbf`) is dropped, an escaped character (`\&`) is itself, and
 * braces (`{CheXpert}`, `{C}he{X}pert`) go: `M{\"u}ller` is found by "Müller"
 * and "muller". Only for searching: the page shows the citation as written.
 */
export function latexForSearch(value: string): string {
  return value
    .replace(/\\(?:[`'^"~=.]|[uvHcdkrbt](?![A-Za-z]))\s*/g, '')
    .replace(/\\(aa|AA|ae|AE|oe|OE|ss|o|O|l|L|i|j)(?![A-Za-z])\s*/g, '$1')
    .replace(/\\[A-Za-z]+\s*/g, '')
    .replace(/\\([^A-Za-z])/g, '$1')
    .replace(/[{}]/g, '')
}

/**
 * The search index of a dataset's card in one page language: each text in
 * the language the card shows it in (its own, else the primary language's,
 * else any).
 */
export function searchIndex(catalog: Catalog, dataset: Dataset, language: string, codes: readonly string[]): SearchIndex {
  const pick = <T>(values: Readonly<Record<string, T>> | undefined): T | undefined => {
    const source = values === undefined ? undefined : resolveLanguage(values, language, codes)
    return source === undefined ? undefined : values?.[source]
  }
  const markup = (text: string | undefined): string[] => (text === undefined ? [] : [inlineToText(text)])
  const citation = dataset.citation
  const shownParts = [
    dataset.name,
    ...markup(pick(dataset.title)),
    ...markup(pick(catalog.categories.find((category) => category.id === dataset.category)?.title)),
    ...markup(pick(dataset.description.text)),
    ...dataset.facts.items.flatMap((fact) => markup(pick(fact.value))),
    ...(pick(dataset.tasks?.items) ?? []).map(inlineToText),
    ...dataset.lists.flatMap((titled) => (pick(titled.items) ?? []).map(inlineToText)),
    ...dataset.access.items.flatMap((item) => markup(pick(item.value))),
    ...(citation ? [citation.key, ...Object.values(citation.fields).map(latexForSearch)] : [])
  ]
  const shown = shownParts
    .map(foldForSearch)
    .filter((part) => part !== '')
    .join(' \u2022 ')

  const candidates: Array<[label: string | undefined, text: string]> = dataset.access.items.flatMap(
    (item): Array<[string | undefined, string]> => (item.url === undefined ? [] : [[markup(pick(item.label))[0], item.url]])
  )
  const comparison = catalog.comparison
  if (comparison) {
    const columns = pick(comparison.columns) ?? []
    for (const row of comparison.rows.filter((candidate) => candidate.dataset === dataset.id)) {
      // The first column names the dataset; the cells are the columns after it.
      for (const [index, cell] of (pick(row.cells) ?? []).entries()) candidates.push([markup(columns[index + 1])[0], inlineToText(cell)])
    }
  }
  const unseen: UnseenField[] = []
  for (const [label, text] of candidates) {
    const folded = foldForSearch(text)
    // A text the card shows somewhere holds no word that is found only here.
    if (label === undefined || folded === '' || shown.includes(folded) || unseen.some(([, other]) => other === folded)) continue
    unseen.push([label, folded])
  }
  return {shown, unseen}
}
