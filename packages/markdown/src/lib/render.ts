import type {Catalog} from '@catalog/schema'
import {bilingualView} from './bilingual.js'
import {languageView} from './single-language.js'
import {documentTemplateOf} from './templates.js'
import type {DocumentView} from './view.js'

/** Every markdown output, by path relative to the output folder. */
export type MarkdownOutputs = Map<string, string>

/**
 * Render the markdown outputs of a validated catalog: `README.md`, the
 * bilingual document (the source in its canonical form), and
 * `<code>/README.md`, a whole document per language of the catalog.
 */
export function renderMarkdown(catalog: Catalog): MarkdownOutputs {
  const outputs: MarkdownOutputs = new Map([['README.md', formatSource(catalog)]])
  for (const {code} of catalog.languages) outputs.set(`${code}/README.md`, renderLanguageDocument(catalog, code))
  return outputs
}

/**
 * The source document in canonical form: for a source written in the house
 * style, byte for byte the source itself. `catalog format` writes it.
 */
export function formatSource(catalog: Catalog): string {
  return renderDocument(bilingualView(catalog))
}

/** A whole document in one language of the catalog, untranslated parts shown in the primary language under a notice. */
export function renderLanguageDocument(catalog: Catalog, code: string): string {
  return renderDocument(languageView(catalog, code))
}

function renderDocument(view: DocumentView): string {
  // Every block ends in a blank line; the document ends in exactly one newline.
  return documentTemplateOf()(view).replace(/\n+$/u, '\n')
}
