/**
 * The catalogs the renderer's tests start from: catalog JSON, validated by
 * the schema, so that they test rendering, not parsing. Each fixture's
 * markdown (`input.md`, `datasets.md`) stays its human-readable source; the
 * JSON beside it (`input.json`, `datasets.json`) is its parse, committed.
 * `UPDATE_FIXTURES=1` rewrites the JSON from the markdown through
 * the package's parser (with the `vocabulary.json` beside it, if any) before
 * reading it; any other run never loads the parser.
 */
import {randomUUID} from 'node:crypto'
import {existsSync, readFileSync, renameSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {type Catalog, validateCatalog, type Vocabulary} from '@catalog/schema'

/** The catalog JSON of a fixture's markdown: the file beside it, `.json` for `.md`. */
export function catalogJsonPath(markdownPath: string): string {
  return path.join(path.dirname(markdownPath), `${path.basename(markdownPath, '.md')}.json`)
}

/** Read a catalog JSON file and validate it; an invalid one fails the test with every violation. */
export function readCatalogJson(jsonPath: string): Catalog {
  if (!existsSync(jsonPath)) throw new Error(`${jsonPath} is missing: write it from its markdown with UPDATE_FIXTURES=1`)
  const result = validateCatalog(JSON.parse(readFileSync(jsonPath, 'utf8')))
  if (!result.valid) throw new Error(`${jsonPath} is not a valid catalog:\n${result.violations.map((violation) => violation.message).join('\n')}`)
  return result.catalog
}

/** How a package's tests parse markdown (`parseCatalogSource` of @catalog/parser), passed in: this package cannot depend on the parser, whose tests use it. */
export type ParseSource = (
  bytes: Uint8Array,
  path: string,
  options: {vocabulary?: Vocabulary}
) => {catalog?: Catalog | undefined; file: {messages: readonly unknown[]}}

/**
 * The catalog of a fixture's markdown, read from the JSON beside it. Under
 * `UPDATE_FIXTURES=1`, `parse` (given only then, so that other runs never
 * load the parser) first rewrites the JSON from the markdown.
 */
export function fixtureCatalog(markdownPath: string, parse?: ParseSource): Catalog {
  const jsonPath = catalogJsonPath(markdownPath)
  if (parse) writeIfChanged(jsonPath, catalogJsonOf(parse, markdownPath))
  return readCatalogJson(jsonPath)
}

/** The JSON `catalog build` would write for the markdown; a parser error fails the test. */
function catalogJsonOf(parse: ParseSource, markdownPath: string): string {
  const vocabularyPath = path.join(path.dirname(markdownPath), 'vocabulary.json')
  const options = existsSync(vocabularyPath) ? {vocabulary: JSON.parse(readFileSync(vocabularyPath, 'utf8')) as Vocabulary} : {}
  const {catalog, file} = parse(readFileSync(markdownPath), markdownPath, options)
  if (!catalog) throw new Error(`${markdownPath} does not parse:\n${file.messages.map(String).join('\n')}`)
  return `${JSON.stringify(catalog, null, 2)}\n`
}

/** Test files load the same fixtures side by side: write a changed file whole, by renaming, so that none reads half of it. */
function writeIfChanged(file: string, text: string): void {
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return
  const temporary = `${file}.${randomUUID()}.tmp`
  writeFileSync(temporary, text)
  renameSync(temporary, file)
}
