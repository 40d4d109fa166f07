import {createHash} from 'node:crypto'
import {checkBibliography, renderBibliography} from '@catalog/bibtex'
import {buildJsonLd, checkFeeds, renderFeeds} from '@catalog/feeds'
import {type TranslationStatus, translationStatus} from '@catalog/i18n'
import {renderMarkdown} from '@catalog/markdown'
import {checkPage, type Download, renderPage} from '@catalog/page'
import {type Catalog, catalogSchema, type Finding, vocabularySchema} from '@catalog/schema'

/** Every file `catalog build` writes, by path relative to the output folder. */
export type Outputs = Map<string, string>

/**
 * The manifest of an output folder: every other file with its sha256. It marks
 * the folder as this tool's (a folder without one, holding other files, is
 * not replaced without `--force`), and lets anyone check a download.
 */
export const manifestPath = '.catalog-manifest.json'

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}

/** What each download is, in the words of the tool's own interface (English, with translations where known). */
const downloadLabels: Readonly<Record<string, Record<string, string>>> = {
  'datasets.json': {en: 'The whole catalog (JSON)', pt: 'O catálogo inteiro (JSON)'},
  'schema.json': {en: 'Its JSON Schema', pt: 'Seu JSON Schema'},
  'vocabulary.schema.json': {en: 'The JSON Schema of the vocabulary of labels', pt: 'O JSON Schema do vocabulário de rótulos'},
  'datasets.bib': {en: 'Every citation (BibTeX)', pt: 'Todas as citações (BibTeX)'},
  'datasets.csl.json': {en: 'Every citation (CSL-JSON, for Zotero and Pandoc)', pt: 'Todas as citações (CSL-JSON, para Zotero e Pandoc)'},
  'datasets.csv': {en: 'One row per dataset (CSV)', pt: 'Uma linha por dataset (CSV)'},
  'datasets.excel.csv': {en: 'The same, for Excel', pt: 'O mesmo, para o Excel'},
  'datapackage.json': {en: 'Frictionless Data Package', pt: 'Frictionless Data Package'},
  'feed.json': {en: 'Compact feed for programs', pt: 'Feed compacto para programas'},
  'datasets.jsonld': {en: 'schema.org JSON-LD', pt: 'JSON-LD schema.org'},
  'README.md': {en: 'The bilingual document (markdown)', pt: 'O documento bilíngue (markdown)'},
  'en/README.md': {en: 'The English document (markdown)', pt: 'O documento em inglês (markdown)'},
  'pt/README.md': {en: 'The Portuguese document (markdown)', pt: 'O documento em português (markdown)'},
  'i18n-status.json': {en: 'Translation status', pt: 'Estado da tradução'}
}

export interface RenderOptions {
  /** `sha256:<hex>` of the source bytes, for the feeds that promise reproducible builds. */
  sourceHash?: string
  /** The translation state for `i18n-status.json`; without one, nothing counts as outdated. */
  translationStatus?: TranslationStatus
}

/**
 * Render every output of the catalog in memory. Renderers return strings;
 * only the CLI writes them, all at once.
 */
export function renderOutputs(catalog: Catalog, options: RenderOptions = {}): Outputs {
  const outputs: Outputs = new Map([
    ['datasets.json', json(catalog)],
    ['schema.json', json(catalogSchema)],
    ['vocabulary.schema.json', json(vocabularySchema)],
    ...renderBibliography(catalog),
    ...renderFeeds(catalog, options.sourceHash === undefined ? {} : {sourceHash: options.sourceHash}),
    ...renderMarkdown(catalog),
    ['i18n-status.json', json(options.translationStatus ?? translationStatus(catalog, undefined))]
  ])
  // The page lists every other output with its size; a per-dataset file sits in that dataset's card.
  const datasetOfFile = new Map<string, string>(catalog.datasets.flatMap((dataset) => (dataset.citation ? [[`bib/${dataset.citation.key}.bib`, dataset.id]] : [])))
  const downloads: Download[] = [...outputs].map(([path, content]) => {
    const dataset = datasetOfFile.get(path)
    const label = downloadLabels[path]
    return {path, bytes: Buffer.byteLength(content, 'utf8'), ...(dataset ? {dataset} : {}), ...(label ? {label} : {})}
  })
  for (const [path, html] of renderPage(catalog, {downloads, jsonLd: buildJsonLd(catalog)})) outputs.set(path, html)
  const files = [...outputs.keys()].sort().map((path) => [path, createHash('sha256').update(outputs.get(path) ?? '').digest('hex')])
  outputs.set(manifestPath, json({generator: 'catalog build', files: Object.fromEntries(files)}))
  return outputs
}

/** What the renderers themselves refuse or warn about, located by JSON pointer; run by the parser. */
export const outputChecks: ReadonlyArray<(catalog: Catalog) => Finding[]> = [checkBibliography, checkFeeds, checkPage]
