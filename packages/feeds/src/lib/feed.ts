import {type Catalog, datasetUrl} from '@catalog/schema'
import {accessItemOf, inCatalogOrder, languageCodes} from './dataset.js'
import {type FeedOptions, resolveOptions} from './options.js'

/**
 * Version of the shape of `feed.json`. Ids and field names change only with
 * a bump of this number (see the README's stability promise).
 */
export const feedSchemaVersion = 1

/** One dataset of `feed.json`. Texts are keyed by language code, as in the catalog. */
export interface FeedDataset {
  id: string
  name: string
  rating: number
  category: string
  url: string
  /** The license entry per language, or null when the source names none. */
  license: Record<string, string> | null
  /** BibTeX key of the citation, or null when the dataset has none. */
  citationKey: string | null
  title: Record<string, string>
  description: Record<string, string>
}

/** The shape of `feed.json`. */
export interface Feed {
  schemaVersion: typeof feedSchemaVersion
  /** `<algorithm>:<hex>` of the source: changes exactly when the content may have changed. */
  sourceHash: string
  /** Language codes, primary first: the keys of every text object. */
  languages: string[]
  datasets: FeedDataset[]
}

/** The compact feed for programs that poll: no timestamp, so the same source gives the same bytes. */
export function buildFeed(catalog: Catalog, options: FeedOptions = {}): Feed {
  const {sourceHash, licenseKey} = resolveOptions(catalog, options)
  const codes = languageCodes(catalog)
  return {
    schemaVersion: feedSchemaVersion,
    sourceHash,
    languages: codes,
    datasets: catalog.datasets.map((dataset) => {
      const license = accessItemOf(dataset, licenseKey)
      return {
        id: dataset.id,
        name: dataset.name,
        rating: dataset.rating,
        category: dataset.category,
        url: datasetUrl(dataset) ?? '',
        license: license ? inCatalogOrder(license.value, codes) : null,
        citationKey: dataset.citation?.key ?? null,
        title: inCatalogOrder(dataset.title, codes),
        description: inCatalogOrder(dataset.description.text, codes)
      }
    })
  }
}
