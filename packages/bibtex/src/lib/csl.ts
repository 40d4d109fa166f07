import {type CslItem, plugins} from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import {caseProtectedFields, noCaseChangeGroups} from './case.js'
import type {BibliographyEntry, EntryText} from './entry.js'
import {type Fragments, isJsonObject, renderEveryTime} from '@catalog/schema'
import {decodeCharacterCommands} from './latex-characters.js'
import {formatEntryBody} from './format.js'
import {jsonFragment} from './json-fragment.js'

export type {CslItem}

/**
 * citation-js keeps the text of a braced group and drops its braces; CSL
 * marks text that no style may recase `<span class="nocase">`. LaTeX's own
 * command for such text, `\NoCaseChange`, is taught to citation-js as that
 * formatting (its documented way to add commands), and the protected groups
 * of titles are handed to it in that form (`noCaseChangeGroups`).
 */
const bibtexConfig = plugins.config.get('@bibtex') as {constants: {formattingCommands: Record<string, string | undefined>}}
bibtexConfig.constants.formattingCommands['NoCaseChange'] = 'nocase'

/**
 * CSL-JSON for the entries, in their order, made by citation-js from the very
 * BibTeX the renderer writes in datasets.biblatex.bib (so both files say the
 * same thing, and a `@dataset` is a CSL `dataset`; LaTeX such as `{\"{u}}` and
 * `\&` comes out as Unicode text, and the renderer's own character commands
 * are decoded first, see `decodeCharacterCommands`). The braced words of
 * titles come out as `<span class="nocase">ISIC</span>`.
 *
 * Made deterministic and tidy: `id` is the citation key, the parse graph is
 * not kept, and each item's variables are sorted (`id` and `type` first, the
 * rest alphabetically, ignoring case). A final `others` in a name list
 * (BibTeX's "et al.") becomes `{"literal": "others"}`, as Pandoc writes it
 * and citeproc prints "et al.", instead of a person named "others".
 */
export function renderCslItems(entries: readonly BibliographyEntry[], fragments: Fragments = renderEveryTime): CslItem[] {
  // An item is made of its entry alone (not of where the entry sits: `datasetIndex` is left out of the key).
  return entries.map(({datasetIndex: _, ...entry}) =>
    jsonFragment(
      fragments,
      'bibtex/csl',
      entry,
      () => cslItemOf(entry),
      (value) => cslItemFits(value, entry)
    )
  )
}

/** Whether a value read back from the store is an item of this entry: an object with its key as `id`, and a type. */
function cslItemFits(value: unknown, entry: EntryText): value is CslItem {
  return isJsonObject(value) && value['id'] === entry.key && typeof value['type'] === 'string' && value['type'] !== ''
}

function cslItemOf(entry: EntryText): CslItem {
  const text = formatEntryBody({
    ...entry,
    fields: entry.fields.map(([name, value]) => {
      const decoded = decodeCharacterCommands(value)
      return [name, caseProtectedFields.has(name) ? noCaseChangeGroups(decoded) : decoded] as const
    })
  })
  let items: CslItem[]
  try {
    items = plugins.input.chain(text, {generateGraph: false, forceType: '@biblatex/text'})
  } catch (error) {
    throw new Error(`citation-js cannot read the entry \`${entry.key}\`: ${(error as Error).message}`)
  }
  const [item] = items
  if (items.length !== 1 || !item) throw new Error(`citation-js read ${items.length} items from the entry \`${entry.key}\``)
  return tidy({...item, id: entry.key})
}

/** The CSL-JSON file: an array, two-space indented, UTF-8, a final newline. */
export function formatCslJson(items: readonly CslItem[]): string {
  return `${JSON.stringify(items, null, 2)}\n`
}

const nameVariables = [
  'author',
  'editor',
  'translator',
  'collection-editor',
  'container-author',
  'director',
  'illustrator',
  'interviewer',
  'recipient',
  'reviewed-author',
  'composer',
  'original-author'
]

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
