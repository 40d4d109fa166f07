import {readdirSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import Handlebars from 'handlebars'
import {helpers} from './helpers.js'

/**
 * The templates live as .hbs files in the package's `templates/` folder, one
 * level above `src/` and `dist/` alike, so the same relative URL finds them
 * from the TypeScript sources (tests) and from the built package; tsc does
 * not copy them, package.json `files` ships them.
 */
const templateFolder = new URL('../../templates/', import.meta.url)

/** Markdown is not HTML: nothing is escaped, and a missing field is a bug that throws. */
const compileOptions = {strict: true, noEscape: true} as const

/** The template that renders a whole document; every other file is a partial named by its path. */
const documentTemplate = 'document'

export type Template = (view: unknown) => string

/** The whole document, and the block of one dataset, which is rendered on its own (a fragment) and joined. */
export interface Templates {
  document: Template
  dataset: Template
}

let compiled: Templates | undefined

/**
 * The templates, compiled once per process on an isolated Handlebars
 * instance with the helpers and every partial registered. The document
 * prints each dataset's block, rendered beforehand, through the `rendered`
 * partial: a partial alone on its line adds nothing around what it prints,
 * so the document is the same as if it called `{{> dataset}}` itself.
 */
export function templatesOf(): Templates {
  if (compiled) return compiled
  const handlebars = Handlebars.create()
  for (const [name, helper] of Object.entries(helpers)) handlebars.registerHelper(name, helper)
  const templates = new Map<string, Template>()
  for (const name of templateNames()) {
    const source = readFileSync(new URL(`${name}.hbs`, templateFolder), 'utf8')
    // Partials are compiled here rather than at first use, so that they get the same strict options.
    const template = handlebars.compile(source, compileOptions)
    templates.set(name, template)
    if (name !== documentTemplate) handlebars.registerPartial(name, template)
  }
  handlebars.registerPartial('rendered', handlebars.compile('{{this}}', compileOptions))
  const document = templates.get(documentTemplate)
  const dataset = templates.get('dataset')
  if (!document || !dataset) throw new Error(`the markdown package is missing templates/${documentTemplate}.hbs or templates/dataset.hbs`)
  compiled = {document, dataset}
  return compiled
}

/** Template names relative to the folder, without `.hbs`: `dataset`, `sections/pairs`. */
function templateNames(): string[] {
  return readdirSync(fileURLToPath(templateFolder), {recursive: true, encoding: 'utf8'})
    .filter((file) => file.endsWith('.hbs'))
    .map((file) => file.slice(0, -'.hbs'.length).split('\\').join('/'))
    .sort()
}
