import {type Catalog, type Fragments, renderEveryTime} from '@catalog/schema'
import {bilingualView} from './bilingual.js'
import {languageView} from './single-language.js'
import {templatesOf} from './templates.js'
import type {DocumentView} from './view.js'

/** Every markdown output, by path relative to the output folder. */
export type MarkdownOutputs = Map<string, string>

/**
 * Render the markdown outputs of a validated catalog: `README.md`, the
 * bilingual document (the source in its canonical form), and
 * `<code>/README.md`, a whole document per language of the catalog.
 */
export function renderMarkdown(catalog: Catalog, fragments: Fragments = renderEveryTime): MarkdownOutputs {
  const outputs: MarkdownOutputs = new Map([['README.md', formatSource(catalog, fragments)]])
  for (const {code} of catalog.languages) outputs.set(`${code}/README.md`, renderLanguageDocument(catalog, code, fragments))
  return outputs
}

/**
 * The source document in canonical form: for a source written in the house
 * style, byte for byte the source itself. `catalog format` writes it.
 */
export function formatSource(catalog: Catalog, fragments: Fragments = renderEveryTime): string {
  return renderDocument(bilingualView(catalog), fragments)
}

/** A whole document in one language of the catalog, untranslated parts shown in the primary language under a notice. */
export function renderLanguageDocument(catalog: Catalog, code: string, fragments: Fragments = renderEveryTime): string {
  return renderDocument(languageView(catalog, code), fragments)
}

/**
 * Each dataset's block is a fragment keyed by its view, which holds every
 * string the block prints; the document joins the blocks.
 */
function renderDocument(view: DocumentView, fragments: Fragments): string {
  const {document, dataset} = templatesOf()
  const halves = view.halves.map((half) => ({
    ...half,
    categories: half.categories.map((category) => ({
      ...category,
      datasets: category.datasets.map((block) => fragments.fragment('markdown/dataset', block, () => dataset(block)))
    }))
  }))
  // Every block ends in a blank line; the document ends in exactly one newline.
  return document({...view, halves}).replace(/\n+$/u, '\n')
}
