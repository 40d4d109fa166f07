import {createHash} from 'node:crypto'
import {checkBibliography, renderBibliography} from '@catalog/bibtex'
import {buildJsonLd, checkFeeds, renderFeeds} from '@catalog/feeds'
import {type TranslationStatus, translationStatus} from '@catalog/i18n'
import {fill, languageName, type Messages, messageTables} from '@catalog/locales'
import {renderMarkdown} from '@catalog/markdown'
import {checkPage, type Download, renderPage} from '@catalog/page'
import {manifestPath} from './out-folder.js'
import {type Catalog, catalogSchema, type Finding, type Fragments, renderEveryTime, vocabularySchema} from '@catalog/schema'

/** Every file `catalog build` writes, by path relative to the output folder. */
export type Outputs = Map<string, string>

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}

/** The kind of each whole-catalog output, which names its label among the `downloads` messages of @catalog/locales. */
const downloadKinds: Readonly<Record<string, keyof Messages['downloads']>> = {
  'datasets.json': 'catalog',
  'schema.json': 'schema',
  'vocabulary.schema.json': 'vocabularySchema',
  'datasets.bib': 'bibliography',
  'datasets.biblatex.bib': 'biblatex',
  'datasets.csl.json': 'cslJson',
  'datasets.csv': 'csv',
  'datasets.excel.csv': 'excelCsv',
  'datapackage.json': 'dataPackage',
  'feed.json': 'feed',
  'datasets.jsonld': 'jsonLd',
  'README.md': 'wholeDocument',
  'i18n-status.json': 'translationStatus'
}

/**
 * What a download is, in every locale whose message table says it (the page
 * reads each language's along the fallback chain). `<code>/README.md` is the
 * document of one of the catalog's languages, named in each locale's words.
 */
function downloadLabel(path: string, catalog: Catalog): Record<string, string> | undefined {
  const document = catalog.languages.find(({code}) => path === `${code}/README.md`)
  const kind = document ? 'languageDocument' : downloadKinds[path]
  if (kind === undefined) return undefined
  const names = Object.fromEntries(catalog.languages.map(({code, name}) => [code, name]))
  const labels = Object.entries(messageTables).flatMap(([locale, table]) => {
    const template = table.downloads?.[kind]
    return template === undefined ? [] : [[locale, document ? fill(template, {language: languageName(document.code, locale, names)}) : template]]
  })
  return Object.fromEntries(labels)
}

export interface RenderOptions {
  /** `sha256:<hex>` of the source bytes, for the feeds that promise reproducible builds. */
  sourceHash?: string
  /** The translation state for `i18n-status.json`; without one, nothing counts as outdated. */
  translationStatus?: TranslationStatus
  /** Where the renderers keep each dataset's renderings between runs; none by default. */
  fragments?: Fragments
}

/**
 * Render every output of the catalog in memory. Renderers return strings;
 * only the CLI writes them, all at once.
 */
export function renderOutputs(catalog: Catalog, options: RenderOptions = {}): Outputs {
  const fragments = options.fragments ?? renderEveryTime
  const feedOptions = options.sourceHash === undefined ? {} : {sourceHash: options.sourceHash}
  const outputs: Outputs = new Map([
    ['datasets.json', json(catalog)],
    ['schema.json', json(catalogSchema)],
    ['vocabulary.schema.json', json(vocabularySchema)],
    ...renderBibliography(catalog, fragments),
    ...renderFeeds(catalog, feedOptions, fragments),
    ...renderMarkdown(catalog, fragments),
    ['i18n-status.json', json(options.translationStatus ?? translationStatus(catalog, undefined))]
  ])
  // The page lists every other output with its size; a per-dataset file sits in that dataset's card.
  const datasetOfFile = new Map<string, string>(
    catalog.datasets.flatMap((dataset) => (dataset.citation ? [[`bib/${dataset.citation.key}.bib`, dataset.id]] : []))
  )
  const downloads: Download[] = [...outputs].map(([path, content]) => {
    const dataset = datasetOfFile.get(path)
    const label = downloadLabel(path, catalog)
    return {path, bytes: Buffer.byteLength(content, 'utf8'), ...(dataset ? {dataset} : {}), ...(label ? {label} : {})}
  })
  for (const [path, html] of renderPage(catalog, {downloads, jsonLd: buildJsonLd(catalog, feedOptions), fragments})) outputs.set(path, html)
  const hashes = new Map([...outputs.keys()].sort().map((path) => [path, sha256(outputs.get(path) ?? '')]))
  const manifest = json({generator: 'catalog build', files: Object.fromEntries(hashes)})
  outputs.set(manifestPath, manifest)
  hashes.set(manifestPath, sha256(manifest))
  hashesOf.set(outputs, hashes)
  return outputs
}

/** The sha256 of every output, as `renderOutputs` computed them for the manifest: each output is hashed once. */
const hashesOf = new WeakMap<Outputs, ReadonlyMap<string, string>>()

/** The sha256 of every file of outputs that `renderOutputs` made (the manifest's list, and the manifest's own), by path. */
export function outputHashes(outputs: Outputs): ReadonlyMap<string, string> {
  return hashesOf.get(outputs) ?? new Map([...outputs].map(([path, content]) => [path, sha256(content)]))
}

function sha256(content: string): string {
  return createHash('sha256').update(content).digest('hex')
}

/** What the renderers themselves refuse or warn about, located by JSON pointer; run by the parser. */
export const outputChecks: ReadonlyArray<(catalog: Catalog) => Finding[]> = [checkBibliography, checkFeeds, checkPage]
