import type {Catalog} from '@catalog/schema'
import {csvColumns} from './columns.js'
import {renderCsv} from './csv.js'
import {buildDataPackage} from './datapackage.js'
import {buildFeed} from './feed.js'
import {buildJsonLd} from './jsonld.js'
import {type FeedOptions, resolveOptions} from './options.js'

/** Every file of the feeds, by path relative to the output folder. */
export type FeedFiles = Map<string, string>

/**
 * Render the catalog as data: `datasets.csv`, `datasets.excel.csv`,
 * `datapackage.json`, `feed.json` and `datasets.jsonld`. Pure: the same
 * catalog and options give the same bytes, with no clock or file involved.
 */
export function renderFeeds(catalog: Catalog, options: FeedOptions = {}): FeedFiles {
  const resolved = resolveOptions(catalog, options)
  const columns = csvColumns(catalog)
  const csv = renderCsv(catalog, 'rfc4180', columns)
  return new Map([
    ['datasets.csv', csv],
    ['datasets.excel.csv', renderCsv(catalog, 'excel', columns)],
    ['datapackage.json', json(buildDataPackage(catalog, columns, csv))],
    ['feed.json', json(buildFeed(catalog, resolved))],
    ['datasets.jsonld', embeddable(json(buildJsonLd(catalog, resolved)))]
  ])
}

/**
 * JSON-LD is meant to be pasted into a page's `<script>` element, where a
 * text holding `</script>` would end it: `<` is written `\u003c`, which
 * every JSON parser reads back as `<`.
 */
function embeddable(text: string): string {
  return text.replaceAll('<', '\\u003c')
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}
