import {type Catalog, type Fragments, renderEveryTime} from '@catalog/schema'
import {csvColumns} from './columns.js'
import {renderCsv} from './csv.js'
import {buildDataPackage} from './datapackage.js'
import {buildFeed} from './feed.js'
import {buildJsonLd} from './jsonld.js'
import {jsonForScript} from './json-for-html.js'
import {type FeedOptions, resolveOptions} from './options.js'

/** Every file of the feeds, by path relative to the output folder. */
export type FeedFiles = Map<string, string>

/**
 * Render the catalog as data: `datasets.csv`, `datasets.excel.csv`,
 * `datapackage.json`, `feed.json` and `datasets.jsonld`. Pure: the same
 * catalog and options give the same bytes, with no clock or file involved.
 */
export function renderFeeds(catalog: Catalog, options: FeedOptions = {}, fragments: Fragments = renderEveryTime): FeedFiles {
  const resolved = resolveOptions(catalog, options)
  const columns = csvColumns(catalog)
  const csv = renderCsv(catalog, 'rfc4180', columns, fragments)
  return new Map([
    ['datasets.csv', csv],
    ['datasets.excel.csv', renderCsv(catalog, 'excel', columns, fragments)],
    ['datapackage.json', json(buildDataPackage(catalog, columns, csv))],
    ['feed.json', json(buildFeed(catalog, resolved))],
    // JSON-LD is meant to be pasted into a page's `<script>` element.
    ['datasets.jsonld', `${jsonForScript(buildJsonLd(catalog, resolved), 2)}\n`]
  ])
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}
