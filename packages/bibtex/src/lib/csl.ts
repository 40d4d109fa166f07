import {plugins} from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import type {BibliographyEntry} from './entry.js'
import {decodeCharacterCommands} from './latex-characters.js'
import {formatEntryBody} from './format.js'

/** One CSL-JSON item: `id` (the citation key) and `type`, then CSL variables. */
export interface CslItem {
  id: string
  type: string
  [variable: string]: unknown
}

/**
 * CSL-JSON for the entries, in their order, made by citation-js from the very
 * BibTeX the renderer writes (so both files say the same thing; LaTeX such as
 * `{\"{u}}` and `\&` comes out as Unicode text, and the renderer's own
 * character commands are decoded first, see `decodeCharacterCommands`).
 *
 * Made deterministic and tidy: `id` is the citation key, the parse graph is
 * not kept, and each item's variables are sorted (`id` and `type` first, the
 * rest alphabetically, ignoring case). A final `others` in a name list
 * (BibTeX's "et al.") becomes `{"literal": "others"}`, as Pandoc writes it
 * and citeproc prints "et al.", instead of a person named "others".
 */
export function renderCslItems(entries: readonly BibliographyEntry[]): CslItem[] {
  return entries.map((entry) => {
    const text = formatEntryBody({...entry, fields: entry.fields.map(([name, value]) => [name, decodeCharacterCommands(value)] as const)})
    let items: CslItem[]
    try {
      items = plugins.input.chain(text, {generateGraph: false, forceType: '@biblatex/text'})
    } catch (error) {
      throw new Error(`citation-js cannot read the entry \`${entry.key}\`: ${(error as Error).message}`)
    }
    const [item] = items
    if (items.length !== 1 || !item) throw new Error(`citation-js read ${items.length} items from the entry \`${entry.key}\``)
    return tidy({...item, id: entry.key})
  })
}

/** The CSL-JSON file: an array, two-space indented, UTF-8, a final newline. */
export function formatCslJson(items: readonly CslItem[]): string {
  return `${JSON.stringify(items, null, 2)}\n`
}

const nameVariables = ['author', 'editor', 'translator', 'collection-editor', 'container-author', 'director', 'illustrator', 'interviewer', 'recipient', 'reviewed-author', 'composer', 'original-author']

function tidy(item: CslItem): CslItem {
  const {id, type, ...rest} = item
  const sorted: CslItem = {id, type}
  // Case-insensitively, so that `DOI` and `URL` sit among the lowercase variables.
  const variables = Object.keys(rest).sort((a, b) => {
    const [la, lb] = [a.toLowerCase(), b.toLowerCase()]
    return la < lb ? -1 : la > lb ? 1 : a < b ? -1 : a > b ? 1 : 0
  })
  for (const variable of variables) {
    if (variable.startsWith('_')) continue
    const value = rest[variable]
    sorted[variable] = nameVariables.includes(variable) && Array.isArray(value) ? etAlAsLiteral(value) : value
  }
  return sorted
}

function etAlAsLiteral(names: unknown[]): unknown[] {
  const last = names[names.length - 1]
  if (typeof last !== 'object' || last === null) return names
  const {family, ...others} = last as Record<string, unknown>
  if (family !== 'others' || Object.keys(others).length > 0) return names
  return [...names.slice(0, -1), {literal: 'others'}]
}
