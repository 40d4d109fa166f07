import {fileURLToPath} from 'node:url'
import type {Catalog, Dataset} from '@catalog/schema'
import type {Download} from '../../src/index.js'
import {fixtureCatalog} from './catalog-json.js'

/**
 * Beside the frozen catalog (`frozenCatalog()` of @catalog/test-support): a
 * larger catalog (a new category, more ratings, a missing translation) and
 * one with injected markup. Each is named by its markdown, the fixture's
 * human-readable source; the tests render the `datasets.json` beside it.
 */
export const sources = {
  larger: new URL('../fixtures/larger/datasets.md', import.meta.url),
  injected: new URL('../fixtures/injected/datasets.md', import.meta.url)
} as const

/**
 * The catalog of a source: its catalog JSON, validated by the schema; an
 * invalid one fails the test. `UPDATE_FIXTURES=1` first rewrites the JSON
 * from the markdown through the parser (see catalog-json.ts).
 */
export function loadCatalog(source: URL): Catalog {
  return fixtureCatalog(fileURLToPath(source))
}

/** The dataset's URL: the access entry keyed `url`. */
export function datasetUrl(dataset: Dataset): string | undefined {
  return dataset.access.items.find((item) => item.key === 'url')?.url
}

/**
 * A small schema.org JSON-LD of the catalog, standing in for the feeds
 * package's: enough to check that the page embeds any JSON-LD intact.
 */
export function exampleJsonLd(catalog: Catalog): unknown {
  const primary = catalog.languages[0]?.code ?? 'en'
  return {
    '@context': 'https://schema.org',
    '@graph': catalog.datasets.map((dataset) => ({
      '@type': 'Dataset',
      '@id': `#${dataset.id}`,
      name: dataset.name,
      description: dataset.description.text[primary],
      url: datasetUrl(dataset),
      inLanguage: catalog.languages.map(({code}) => code)
    }))
  }
}

/** Files standing in for the other renderers' outputs, with known contents. */
export function exampleFiles(catalog: Catalog): Array<{path: string; content: string; label?: string; dataset?: string}> {
  const citations = catalog.datasets.flatMap((dataset) => (dataset.citation ? [{dataset, citation: dataset.citation}] : []))
  return [
    {path: 'datasets.bib', content: `${citations.map(({citation}) => citation.raw).join('\n\n')}\n`, label: 'Every citation (BibTeX)'},
    {
      path: 'datasets.csv',
      content: `id,name,rating\n${catalog.datasets.map((d) => `${d.id},${d.name},${d.rating}`).join('\n')}\n`,
      label: 'One row per dataset (CSV)'
    },
    {path: 'datasets.json', content: `${JSON.stringify(catalog, null, 2)}\n`, label: 'The catalog (JSON)'},
    {path: 'datasets.jsonld', content: `${JSON.stringify(exampleJsonLd(catalog), null, 2)}\n`},
    ...citations.map(({dataset, citation}) => ({path: `bib/${citation.key}.bib`, content: `${citation.raw}\n`, dataset: dataset.id}))
  ]
}

/** The downloads the CLI would pass for these files. */
export function downloadsOf(files: ReturnType<typeof exampleFiles>): Download[] {
  return files.map(({path, content, label, dataset}) => ({
    path,
    bytes: Buffer.byteLength(content),
    ...(label === undefined ? {} : {label}),
    ...(dataset === undefined ? {} : {dataset})
  }))
}
