import {type Catalog, type Citation, type Dataset, type LocalizedList, type LocalizedText, datasetUrl} from '@catalog/schema'
import {accessItemOf, factOf, languageCodes} from './dataset.js'
import {freeAccessEvidence} from './free-access.js'
import {type FeedOptions, type ResolvedOptions, resolveOptions} from './options.js'

/** A JSON-LD language-tagged string. */
export interface LanguageValue {
  '@language': string
  '@value': string
}

/** A text that is the same in every language is a plain string; otherwise one tagged value per language. */
export type LocalizedValue = string | LanguageValue[]

/**
 * schema.org JSON-LD: an `ItemList` of `Dataset`s in source order. Texts in
 * several languages are language-tagged values; what the source does not
 * say (a license, a creator, free access) is left out, never guessed.
 */
export function buildJsonLd(catalog: Catalog, options: FeedOptions = {}): Record<string, unknown> {
  const resolved = resolveOptions(catalog, options)
  return {
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    name: catalog.title,
    numberOfItems: catalog.datasets.length,
    itemListElement: catalog.datasets.map((dataset, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      item: datasetNode(catalog, dataset, index, resolved)
    }))
  }
}

function datasetNode(catalog: Catalog, dataset: Dataset, index: number, options: ResolvedOptions): Record<string, unknown> {
  const codes = languageCodes(catalog)
  const node: Record<string, unknown> = {
    '@type': 'Dataset',
    identifier: dataset.id,
    name: dataset.name,
    alternateName: localized(dataset.title, codes),
    description: localized(dataset.description.text, codes),
    url: datasetUrl(dataset) ?? ''
  }
  const license = accessItemOf(dataset, options.licenseKey)
  if (license) {
    node.license = {'@type': 'CreativeWork', name: localized(license.value, codes), ...(license.url ? {url: license.url} : {})}
  }
  const creator = factOf(dataset, options.creatorKey)
  if (creator) node.creator = {'@type': 'Organization', name: localized(creator.value, codes)}
  if (dataset.citation) node.citation = citationNode(dataset.citation)
  if (dataset.tasks) {
    const keywords = localizedList(dataset.tasks.items, codes)
    if (keywords.length > 0) node.keywords = keywords
  }
  node.inLanguage = codes.filter((code) => dataset.description.text[code] !== undefined)
  if (freeAccessEvidence(catalog, index, options.freeAccessTerms)) node.isAccessibleForFree = true
  return node
}

const citationTypes: Record<string, string> = {
  article: 'ScholarlyArticle',
  inproceedings: 'ScholarlyArticle',
  conference: 'ScholarlyArticle',
  book: 'Book',
  phdthesis: 'Thesis',
  mastersthesis: 'Thesis'
}

/**
 * The paper to cite. BibTeX values keep their LaTeX in the catalog; here
 * grouping braces go and `--` becomes an en dash, other commands are kept.
 */
function citationNode(citation: Citation): Record<string, unknown> {
  const {fields} = citation
  const node: Record<string, unknown> = {'@type': (Object.hasOwn(citationTypes, citation.type) ? citationTypes[citation.type] : undefined) ?? 'CreativeWork'}
  if (fields.title !== undefined) node.name = plainBibtex(fields.title)
  if (fields.author !== undefined) {
    const authors = fields.author
      .split(/\s+and\s+/)
      .map((author) => plainBibtex(author).trim())
      .filter((author) => author !== '' && author !== 'others')
    if (authors.length > 0) node.author = authors.map((name) => ({'@type': 'Person', name}))
  }
  if (fields.year !== undefined) node.datePublished = plainBibtex(fields.year)
  const venue = fields.journal ?? fields.booktitle
  if (venue !== undefined) node.isPartOf = {'@type': fields.journal === undefined ? 'CreativeWork' : 'Periodical', name: plainBibtex(venue)}
  if (fields.pages !== undefined) node.pagination = plainBibtex(fields.pages)
  if (fields.doi !== undefined) node.sameAs = `https://doi.org/${fields.doi}`
  else if (fields.url?.startsWith('https://')) node.url = fields.url
  return node
}

function plainBibtex(value: string): string {
  return value.replace(/[{}]/g, '').replace(/--/g, '\u2013')
}

function localized(text: LocalizedText, codes: readonly string[]): LocalizedValue {
  const present = codes.flatMap((code) => {
    const value = text[code]
    return value === undefined ? [] : [{'@language': code, '@value': value}]
  })
  const first = present[0]
  return first && present.every((entry) => entry['@value'] === first['@value']) ? first['@value'] : present
}

function localizedList(items: LocalizedList, codes: readonly string[]): Array<string | LanguageValue> {
  const lists = codes.flatMap((code) => {
    const list = items[code]
    return list === undefined ? [] : [{code, list}]
  })
  const first = lists[0]
  if (first && lists.every(({list}) => list.join('\u0000') === first.list.join('\u0000'))) return [...first.list]
  return lists.flatMap(({code, list}) => list.map((value) => ({'@language': code, '@value': value})))
}
