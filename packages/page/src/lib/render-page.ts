/**
 * Render the catalog as one self-contained page: `index.html`, with every
 * language's text, the page's style sheet and script inline, and links to
 * the files the CLI writes beside it.
 */

import type {Catalog} from '@catalog/schema'
import {contentSecurityPolicy, hashSource} from './embed.js'
import {pageLanguages, type UiText} from './localize.js'
import {pageScript, pageStyle, pageTemplate} from './templates.js'
import {buildContentView, type Download} from './view-model.js'

export interface PageOptions {
  /**
   * The files beside the page, in the order to list them, with their sizes.
   * Files naming a `dataset` are listed in its card; the others under
   * Downloads. The page lists exactly these.
   */
  downloads: readonly Download[]
  /** schema.org JSON-LD to embed in `<script type="application/ld+json">`; none when absent. */
  jsonLd?: unknown
  /**
   * The page's own words per language code, completing or replacing the
   * `page` messages of @catalog/locales. A catalog language without words
   * of its own shows the primary language's, else the base locale's, marked.
   * @default {}
   */
  uiText?: Readonly<Record<string, Partial<UiText>>>
}

/** Path of the page, relative to the output folder. */
export const pagePath = 'index.html'

/**
 * Render the page. Returns one entry, `index.html`. Throws a TypeError for a
 * download path outside the output folder, an invalid size or an unknown
 * dataset id (mistakes of the caller, not of the catalog).
 */
export function renderPage(catalog: Catalog, options: PageOptions): Map<string, string> {
  const languages = pageLanguages(catalog.languages, options.uiText)
  const content = buildContentView(catalog, options.downloads, languages)
  const style = pageStyle + languageRules(languages.codes)
  const script = pageScript
  const csp = contentSecurityPolicy({script: hashSource(script), style: hashSource(style)})
  const html = pageTemplate({
    ...content,
    csp,
    style,
    script,
    jsonLd: options.jsonLd ?? null
  })
  return new Map([[pagePath, html]])
}

/**
 * For each language, hide what another language shows: the switch changes
 * one attribute on the root element. Language codes are `[a-z]{2,3}` by the
 * schema, safe inside a selector.
 */
export function languageRules(codes: readonly string[]): string {
  return codes
    .map((code) => {
      if (!/^[a-z]{2,3}$/.test(code)) throw new TypeError(`invalid language code "${code}"`)
      return `html[data-ui-lang="${code}"] [data-shown-in]:not([data-shown-in~="${code}"]) { display: none !important; }\n`
    })
    .join('')
}
