/**
 * Render the catalog as one self-contained page: `index.html`, with every
 * language's text, the page's style sheet and script inline, and links to
 * the files the CLI writes beside it.
 */

import {type Catalog, type Fragments, renderEveryTime} from '@catalog/schema'
import {contentSecurityPolicy, hashSource} from './embed.js'
import {pageLanguages, type UiText} from './localize.js'
import {cardTemplate, pageScript, pageStyle, pageTemplate} from './templates.js'
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
  /**
   * Where each dataset's card is kept between runs, keyed by its view and
   * the words it takes from the page's (see `Fragments`).
   * @default every card is rendered
   */
  fragments?: Fragments
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
  const fragments = options.fragments ?? renderEveryTime
  // A card shows its view and, from the page's words, the copy button's label.
  const root = {ui: {copyCitation: content.ui.copyCitation}}
  const groups = content.groups.map((group) => ({
    ...group,
    cards: group.cards.map((card) => fragments.fragment('page/card', {card, root}, () => cardTemplate(card, {data: {root}})))
  }))
  const style = pageStyle + languageRules(languages.codes)
  const script = pageScript
  const csp = contentSecurityPolicy({script: hashSource(script), style: hashSource(style)})
  const html = pageTemplate({
    ...content,
    groups,
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
