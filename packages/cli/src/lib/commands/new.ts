import path from 'node:path'
import {formatSource} from '@catalog/markdown'
import {parseCatalogSource, positionOf} from '@catalog/parser'
import {type AccessItem, type Catalog, type Dataset, type Fact, slugify, type Vocabulary, type VocabularyLabel} from '@catalog/schema'
import {commonOptions, exitCodes, type Io, parseCommand, pathOption, printDiagnostics, sourceOption, UsageError} from '../cli-kit.js'
import type {Diagnostic} from '../diagnostics.js'
import {writeFileAtomically} from '../files.js'
import {firstDifference, lostWord} from '../guard.js'
import {readCatalog} from '../read.js'

export const help = `Usage: catalog new --name NAME --category ID [--stars N] [--languages all] [--source FILE]

Start a dataset: insert a complete skeleton of it at the end of its category
in the primary half (with --languages all, in every half), and its row in the
comparison table. Every value is TODO: the key facts most datasets give, the
tasks, the access list (its URL and license), and a citation stub. A TODO left
in any value is an error (todo-left), so a half-filled dataset never builds;
a half without the dataset only warns (missing-translation) until a
translator adds it.

Like \`catalog format\`, it writes the whole source in its canonical form, and
writes nothing when that would lose a word of the source or change any other
part of the catalog.

  --name NAME        the dataset's name, as its heading will read
  --category ID      the id of the category to list it under (\`catalog new\`
                     names them when it is wrong)
  --stars N          its rating, 1 to 5 (default: 3)
  --languages all    insert it into every half, not only the primary one
  --source FILE      the catalog source (default: source/datasets.md)
  -h, --help         show this help
`

/** What a skeleton leaves to fill: the word the `todo-left` rule looks for. */
const todo = 'TODO'

export async function newCommand(args: readonly string[], io: Io): Promise<number> {
  const parsed = parseCommand(
    args,
    {
      ...sourceOption,
      cache: commonOptions.cache,
      name: {type: 'string'},
      category: {type: 'string'},
      stars: {type: 'string', default: '3'},
      languages: {type: 'string'}
    },
    help,
    io
  )
  if (!parsed) return exitCodes.ok
  const {values} = parsed
  const name = values.name?.trim() ?? ''
  if (name === '') throw new UsageError("--name is required: the dataset's name, as its heading will read")
  if (values.category === undefined) throw new UsageError('--category is required: the id of the category to list the dataset under')
  const stars = Number(values.stars)
  if (!Number.isInteger(stars) || stars < 1 || stars > 5) throw new UsageError('--stars takes a rating from 1 to 5')
  if (values.languages !== undefined && values.languages !== 'all')
    throw new UsageError('--languages takes `all` (every half); without it, the primary half only')
  const sourcePath = pathOption(values.source, '--source')

  const {catalog, bytes, diagnostics, vocabulary} = await readCatalog(sourcePath, io.cwd, {cache: values.cache})
  if (!catalog || !bytes || diagnostics.some((d) => d.severity === 'error')) {
    // A skeleton goes into a catalog that reads: first the errors it has.
    printDiagnostics(diagnostics, 'text', io)
    return exitCodes.problems
  }
  // A name or category the catalog cannot take is a wrong argument, not a slip at a line of the source.
  const refuse = (message: string): never => {
    throw new UsageError(message)
  }
  const id = slugify(name)
  if (id === '') return refuse(`the name "${name}" has no Latin letter or digit to make the dataset's id from`)
  const existing = catalog.datasets.find((dataset) => dataset.id === id)
  if (existing) return refuse(`the catalog already has a dataset with the id \`${id}\` (${existing.name})`)
  if (!catalog.categories.some((category) => category.id === values.category)) {
    return refuse(
      `no category has the id \`${values.category ?? ''}\`; the categories are ${catalog.categories.map((category) => `\`${category.id}\``).join(', ')}`
    )
  }

  const codes = values.languages === 'all' ? catalog.languages.map((language) => language.code) : catalog.languages.slice(0, 1).map((language) => language.code)
  const dataset = skeleton(catalog, {id, name, rating: stars, category: values.category, codes})
  const grown = withDataset(catalog, dataset, codes)
  const current = bytes.toString('utf8')
  const written = formatSource(grown)

  // The guard `format` has: every word of the source kept, and every other part of the catalog read back as it was.
  const checked = guard(current, written, catalog, id, sourcePath, vocabulary)
  if ('diagnostic' in checked) {
    printDiagnostics([checked.diagnostic], 'text', io)
    return exitCodes.problems
  }
  await writeFileAtomically(path.resolve(io.cwd, sourcePath), written)
  io.stderr(`catalog: added ${name} (${id}) to ${sourcePath} at line ${checked.line}; fill every TODO (\`catalog validate\` lists those left)\n`)
  return exitCodes.ok
}

interface Wanted {
  id: string
  name: string
  rating: number
  category: string
  codes: readonly string[]
}

/**
 * The dataset with every section a dataset has (its description, key facts,
 * tasks, access list and citation), each value TODO, labelled in each
 * language as the vocabulary (else the other datasets) labels it.
 */
function skeleton(catalog: Catalog, wanted: Wanted): Dataset {
  const primary = catalog.languages[0]?.code ?? ''
  const labels = labelsOf(catalog)
  /** A label in each wanted half that has one (the primary half always: its fallback is the English word); a half whose datasets never label the part leaves it out, as they do. */
  const label = (kind: VocabularyLabel['kind'], key: string, fallback: string): Record<string, string> =>
    Object.fromEntries(
      wanted.codes.flatMap((code) => {
        const text =
          labels.get(`${kind}\u0000${key}\u0000${code}`) ?? (code === primary ? (labels.get(`${kind}\u0000${key}\u0000${primary}`) ?? fallback) : undefined)
        return text === undefined ? [] : [[code, text]]
      })
    )
  /** TODO in each half the label is in. */
  const todos = (labelled: Record<string, string>): Record<string, string> => Object.fromEntries(Object.keys(labelled).map((code) => [code, todo]))
  const item = <K extends string>(kind: 'fact' | 'access', key: K, fallback: string) => {
    const itemLabel = label(kind, key, fallback)
    return {key, label: itemLabel, value: todos(itemLabel)}
  }
  const factKeys = commonFacts(catalog)
  const facts: Fact[] = (factKeys.length > 0 ? factKeys : ['size']).map((key) => item('fact', key, key === 'size' ? 'Size' : key))
  const access: AccessItem[] = [{...item('access', 'url', 'URL'), url: `https://${todo}.invalid/`}, item('access', 'license', 'License')]
  const description = label('section', 'description', 'Description')
  const tasks = label('section', 'tasks', 'Tasks')
  // Every field a citation needs to pass without a warning: an identifier, so that a reader can find the work.
  const raw = `@misc{${wanted.id},\n  title={${todo}},\n  author={${todo}},\n  year={${todo}},\n  url={${todo}}\n}`
  return {
    id: wanted.id,
    name: wanted.name,
    rating: wanted.rating,
    category: wanted.category,
    title: Object.fromEntries(wanted.codes.map((code) => [code, todo])),
    description: {label: description, text: todos(description)},
    facts: {label: label('section', 'facts', 'Key Features'), items: facts},
    tasks: {label: tasks, style: 'bullets', items: Object.fromEntries(Object.keys(tasks).map((code) => [code, [todo]]))},
    lists: [],
    access: {label: label('section', 'access', 'Access'), items: access},
    citation: {
      label: label('section', 'citation', 'Citation'),
      language: 'bibtex',
      type: 'misc',
      key: wanted.id,
      fields: {title: todo, author: todo, year: todo, url: todo},
      raw
    },
    sections: ['description', 'facts', 'tasks', 'access', 'citation']
  }
}

/** Every label by kind, key and language: the vocabulary's, then what the datasets write where it says nothing. */
function labelsOf(catalog: Catalog): Map<string, string> {
  const labels = new Map<string, string>()
  const add = (kind: string, key: string, texts: Readonly<Record<string, string>>): void => {
    for (const [code, text] of Object.entries(texts)) if (!labels.has(`${kind}\u0000${key}\u0000${code}`)) labels.set(`${kind}\u0000${key}\u0000${code}`, text)
  }
  for (const entry of catalog.vocabulary ?? []) add(entry.kind, entry.key, entry.labels)
  for (const dataset of catalog.datasets) {
    add('section', 'description', dataset.description.label)
    add('section', 'facts', dataset.facts.label)
    add('section', 'access', dataset.access.label)
    if (dataset.tasks) add('section', 'tasks', dataset.tasks.label)
    if (dataset.citation) add('section', 'citation', dataset.citation.label)
    for (const fact of dataset.facts.items) add('fact', fact.key, fact.label)
    for (const item of dataset.access.items) add('access', item.key, item.label)
  }
  return labels
}

/** The key facts at least half the datasets give, in the order they first appear: what a new one most likely has. */
function commonFacts(catalog: Catalog): string[] {
  const counts = new Map<string, number>()
  for (const dataset of catalog.datasets) for (const fact of dataset.facts.items) counts.set(fact.key, (counts.get(fact.key) ?? 0) + 1)
  return [...counts].filter(([, count]) => count * 2 >= catalog.datasets.length).map(([key]) => key)
}

/** The catalog with the dataset at the end of its category, and its comparison row after the rows of the datasets before it. */
function withDataset(catalog: Catalog, dataset: Dataset, codes: readonly string[]): Catalog {
  const grown = structuredClone(catalog)
  const lastOfCategory = grown.datasets.findLastIndex((candidate) => candidate.category === dataset.category)
  const at = lastOfCategory === -1 ? grown.datasets.length : lastOfCategory + 1
  grown.datasets.splice(at, 0, dataset)
  const table = grown.comparison
  if (table) {
    const before = new Set(grown.datasets.slice(0, at).map((candidate) => candidate.id))
    const row = {
      dataset: dataset.id,
      cells: Object.fromEntries(codes.filter((code) => table.columns[code]).map((code) => [code, (table.columns[code] ?? []).slice(1).map(() => todo)]))
    }
    const lastBefore = table.rows.findLastIndex((candidate) => before.has(candidate.dataset))
    table.rows.splice(lastBefore + 1, 0, row)
  }
  return grown
}

/**
 * Why the written source would not do (a word lost, or another part of the
 * catalog read back otherwise), else the line of the new dataset's heading.
 */
function guard(
  current: string,
  written: string,
  catalog: Catalog,
  id: string,
  sourcePath: string,
  vocabulary: Vocabulary | undefined
): {diagnostic: Diagnostic} | {line: number} {
  const at = (line: number, column: number, message: string): {diagnostic: Diagnostic} => ({
    diagnostic: {file: sourcePath, line, column, severity: 'error', ruleId: 'format-loses-text', message: `${message}, so the source is left as it was`}
  })
  const lost = lostWord(current, written)
  if (lost) return at(lost.line, lost.column, `the source with the new dataset would lose the word \`${lost.word}\``)
  // The skeleton's TODOs are errors, so the catalog read back is the one the file holds despite them.
  const {file} = parseCatalogSource(written, sourcePath, vocabulary ? {vocabulary} : {})
  const read = file.data.catalog
  const index = read?.datasets.findIndex((dataset) => dataset.id === id) ?? -1
  if (!read || index === -1) return at(1, 1, 'the source with the new dataset does not read back with it')
  const without = structuredClone(read)
  without.datasets.splice(index, 1)
  if (without.comparison) without.comparison.rows = without.comparison.rows.filter((row) => row.dataset !== id)
  const difference = firstDifference(catalog, without)
  if (difference !== undefined) return at(1, 1, `the source with the new dataset would read ${difference} otherwise`)
  return {line: positionOf(file.data.pointers ?? new Map(), `/datasets/${index}`)?.start.line ?? 1}
}
