/**
 * The page's templates, style sheet and script: files in the package's
 * `templates/` folder, read once when the module loads. The folder sits two
 * levels above this module both in `src/lib/` (tests) and `dist/lib/` (the
 * built package), and package.json publishes it.
 */

import {readdirSync, readFileSync} from 'node:fs'
import Handlebars from 'handlebars'
import {helpers} from './helpers.js'

const folder = new URL('../../templates/', import.meta.url)

function read(name: string): string {
  return readFileSync(new URL(name, folder), 'utf8')
}

/** The page's own style sheet, without the per-language rules added at render time. */
export const pageStyle = read('page.css')
/** The page's own script, exactly as inlined (its hash goes into the CSP). */
export const pageScript = read('page.js')

for (const [name, text] of [
  ['page.css', pageStyle],
  ['page.js', pageScript]
] as const) {
  // Inlined as is: a closing tag inside would end the element early.
  if (/<\/(?:script|style)/i.test(text) || text.includes('<!--')) throw new Error(`templates/${name} must not contain "</script", "</style" or "<!--"`)
}

const handlebars = Handlebars.create()
for (const [name, helper] of Object.entries(helpers)) handlebars.registerHelper(name, helper)
const partials = new Map<string, string>()
for (const file of readdirSync(new URL('partials/', folder))) {
  // Without its final newline, a partial used inside a line of text adds no white space to it.
  if (file.endsWith('.hbs')) partials.set(file.slice(0, -'.hbs'.length), read(`partials/${file}`).replace(/\n$/, ''))
}
for (const [name, source] of partials) handlebars.registerPartial(name, source)
// What a fragment rendered beforehand prints: a partial alone on its line adds nothing around it.
handlebars.registerPartial('rendered', '{{{this}}}')

/** Escaping on, and a missing field is an error rather than an empty string. */
const options = {strict: true} as const

/** The page template. It prints each card rendered beforehand (a fragment, see `renderPage`). */
export const pageTemplate = handlebars.compile(read('page.hbs'), options)

/** One dataset's card; it reads `@root.ui.copyCitation`, so the caller passes that as the root's data. */
export const cardTemplate = handlebars.compile(partials.get('card') ?? '', options)
