import {type Catalog, citationKeyProblem, type Fragments, renderEveryTime} from '@catalog/schema'
import {bracesBalanced} from './braces.js'
import {formatCslJson, renderCslItems} from './csl.js'
import {type BibliographyEntry, bibliographyEntries} from './entry.js'
import {formatBibliography, formatEntry} from './format.js'
import {biblatexEntry, classicEntry} from './forms.js'

/** The paths `renderBibliography` returns, relative to the output folder. */
export const bibliographyPaths = {
  combined: 'datasets.bib',
  biblatex: 'datasets.biblatex.bib',
  cslJson: 'datasets.csl.json',
  entry: (key: string): string => `bib/${key}.bib`
} as const

/**
 * Render the catalog's citations: `datasets.bib` (every entry, in source
 * order, in classic BibTeX: a biblatex-only type as its stand-in, see
 * `classicEntry`), `datasets.biblatex.bib` (the same entries with their own
 * types and fields, for biblatex and biber), `bib/<key>.bib` (one classic
 * entry each) and `datasets.csl.json` (CSL-JSON of the biblatex entries).
 * Pure: the same catalog gives the same bytes, and nothing is read, written
 * or printed.
 *
 * Throws on a catalog the checks should have stopped (`checkCatalog` of
 * @catalog/parser and `checkBibliography`): a key that is not a safe file
 * name, two keys that are one file, a value with unbalanced braces, a date
 * that is none (citation-js cannot read it).
 */
export function renderBibliography(catalog: Catalog, fragments: Fragments = renderEveryTime): Map<string, string> {
  const entries = bibliographyEntries(catalog, fragments)
  assertRenderable(entries)
  const classic = entries.map(classicEntry)
  const biblatex = entries.map(biblatexEntry)
  const outputs = new Map<string, string>()
  outputs.set(bibliographyPaths.combined, formatBibliography(classic))
  outputs.set(bibliographyPaths.biblatex, formatBibliography(biblatex))
  for (const entry of classic) outputs.set(bibliographyPaths.entry(entry.key), formatEntry(entry))
  outputs.set(bibliographyPaths.cslJson, formatCslJson(renderCslItems(biblatex, fragments)))
  return outputs
}

function assertRenderable(entries: readonly BibliographyEntry[]): void {
  const files = new Map<string, string>()
  for (const entry of entries) {
    // The parser's rule, again: this key becomes a file name.
    const keyProblem = citationKeyProblem(entry.key)
    if (keyProblem) throw new Error(`the citation key \`${entry.key}\` cannot name a file: it ${keyProblem}`)
    const path = bibliographyPaths.entry(entry.key)
    if (path.split('/').length !== 2 || path.split('/').includes('..')) throw new Error(`refusing to write \`${path}\` outside bib/`)
    const folded = path.toLowerCase()
    const other = files.get(folded)
    if (other !== undefined) throw new Error(`the citation keys \`${other}\` and \`${entry.key}\` would write the same file`)
    files.set(folded, entry.key)
    if (!/^[a-z]+$/.test(entry.type)) throw new Error(`\`${entry.key}\` has the entry type \`${entry.type}\`; BibTeX types are letters`)
    for (const [name, value] of entry.fields) {
      if (!/^[a-z][a-z0-9_-]*$/.test(name)) throw new Error(`\`${entry.key}\` has a field named \`${name}\`, which BibTeX cannot read`)
      if (!bracesBalanced(value)) throw new Error(`the \`${name}\` of \`${entry.key}\` has unbalanced braces`)
    }
  }
}
