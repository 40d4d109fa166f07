import {type AccessItem, type Dataset, type Fact, listIndexOf, listSectionName, type SectionName, type VocabularyLabel} from '@catalog/schema'
import type {Node, Position} from 'unist'
import type {VFile} from 'vfile'
import {parseCitationCached} from './bibtex.js'
import type {LabelGroup, Labels} from './labels.js'
import {report} from './messages.js'
import {parseQuantity} from './quantity.js'
import type {SectionCache} from './sections.js'
import type {DatasetOutline, PairOutline, SectionOutline, SectionShape} from './structure.js'
import {slugify} from '@catalog/schema'

/** What a dataset's section is: one of the five fixed sections, or a titled list. */
export type Role = 'description' | 'facts' | 'tasks' | 'access' | 'citation' | 'list'

/** A label the vocabulary does not declare, where it stands and what it was paired with: for `catalog vocabulary`. */
export interface UndeclaredLabel {
  kind: VocabularyLabel['kind']
  /** The key the label was given: the role of a fixed section, else the slug of the primary label. */
  key: string
  /** The label in each half that has it, paired within one dataset. */
  labels: Record<string, string>
  /** The dataset it stands in, and the line of its primary label (or its first). */
  dataset: string
  line: number
}

/** What building a dataset needs from the catalog being built. */
export interface DatasetContext {
  file: VFile
  /** The primary language's code. */
  primary: string
  labels: Labels
  tasksKey: string
  cache: SectionCache | undefined
  /** Record where a value came from (the first record of a pointer wins). */
  at: (pointer: string, node: Node | Position | undefined) => void
  /** The id or key a name makes, or a stand-in after reporting that it makes none. */
  idOf: (text: string, what: string, node: Node | undefined, standIn: string) => string
  /** Labels the vocabulary does not declare, as they are paired. */
  undeclared: UndeclaredLabel[]
}

/** A section of one half, with what it was resolved to. */
interface Resolved {
  outline: SectionOutline
  role: Role
  /** The fixed section's name, or the list's key. */
  key: string
  /** The vocabulary entry of its label, when declared (or a slip of a declared one). */
  entry: VocabularyLabel | undefined
}

/** A `- **Label:** value` item of one half, with its key. */
interface ResolvedPair {
  pair: PairOutline
  key: string
  entry: VocabularyLabel | undefined
}

/** The shapes each role's content may take, and the words for them. */
const shapes: Record<Role, {accepts: readonly SectionShape[]; what: string}> = {
  description: {accepts: ['text'], what: 'the description, text on the same line'},
  facts: {accepts: ['pairs'], what: 'the key facts, a list of `- **Label:** value`'},
  access: {accepts: ['pairs'], what: 'the access entries, a list of `- **Label:** value`'},
  tasks: {accepts: ['bullets', 'inline'], what: 'the tasks, a bulleted list or a comma-separated line'},
  list: {accepts: ['bullets', 'inline'], what: 'a titled list, bulleted or comma-separated'},
  citation: {accepts: ['code'], what: 'the citation, a fenced code block'}
}

const shapeWords: Record<SectionShape, string> = {
  text: 'text',
  pairs: 'a list of `- **Label:** value`',
  bullets: 'a bulleted list',
  inline: 'a comma-separated line',
  code: 'a code block'
}

/** How each role adds its section to a dataset (primary half) and merges a translation into it. */
interface SectionHandler {
  create: (context: DatasetContext, dataset: Dataset, section: Resolved, language: string, base: string) => SectionName | undefined
  merge: (context: DatasetContext, dataset: Dataset, name: SectionName, section: Resolved, language: string, base: string) => void
}

/** The key facts and the access list: `**Label:**` pairs, each paired by its key. */
function pairsHandler(part: 'facts' | 'access', group: 'fact' | 'access'): SectionHandler {
  return {
    create: (context, dataset, section, language, base) => {
      const items = createItems(context, dataset, section, group, language, `${base}/${part}`)
      if (part === 'facts') dataset.facts = {label: {[language]: section.outline.label}, items: items as Fact[]}
      else dataset.access = {label: {[language]: section.outline.label}, items}
      return part
    },
    merge: (context, dataset, _name, section, language, base) => {
      dataset[part].label[language] = section.outline.label
      mergeItems(context, dataset, dataset[part].items, section, group, language, `${base}/${part}`)
    }
  }
}

const handlers: Record<Role, SectionHandler> = {
  description: {
    create: (context, dataset, section, language, base) => {
      dataset.description = {label: {[language]: section.outline.label}, text: {[language]: section.outline.text ?? ''}}
      context.at(`${base}/description/text/${language}`, section.outline.node)
      return 'description'
    },
    merge: (context, dataset, _name, section, language, base) => {
      dataset.description.label[language] = section.outline.label
      dataset.description.text[language] = section.outline.text ?? ''
      context.at(`${base}/description/text/${language}`, section.outline.node)
    }
  },
  facts: pairsHandler('facts', 'fact'),
  access: pairsHandler('access', 'access'),
  tasks: {
    create: (context, dataset, section, language, base) => {
      dataset.tasks = {label: {[language]: section.outline.label}, style: styleOf(section.outline), items: {[language]: section.outline.items ?? []}}
      atItems(context, `${base}/tasks/items/${language}`, section.outline)
      return 'tasks'
    },
    merge: (context, dataset, _name, section, language, base) => {
      if (!dataset.tasks) return
      dataset.tasks.label[language] = section.outline.label
      dataset.tasks.items[language] = section.outline.items ?? []
      atItems(context, `${base}/tasks/items/${language}`, section.outline)
    }
  },
  list: {
    create: (context, dataset, section, language, base) => {
      const name = listSectionName(dataset.lists.length)
      dataset.lists.push({
        key: section.key,
        label: {[language]: section.outline.label},
        style: styleOf(section.outline),
        items: {[language]: section.outline.items ?? []}
      })
      atItems(context, `${base}/${name}/items/${language}`, section.outline)
      return name
    },
    merge: (context, dataset, name, section, language, base) => {
      const list = dataset.lists[listIndexOf(name) ?? -1]
      if (!list) return
      list.label[language] = section.outline.label
      list.items[language] = section.outline.items ?? []
      atItems(context, `${base}/${name}/items/${language}`, section.outline)
    }
  },
  citation: {
    create: (context, dataset, section, language, base) => {
      const citation = readCitation(context, section.outline, base)
      if (!citation) return undefined
      dataset.citation = {label: {[language]: section.outline.label}, ...citation}
      return 'citation'
    },
    merge: (context, dataset, _name, section, language, base) => {
      const citation = dataset.citation
      if (!citation) return
      citation.label[language] = section.outline.label
      const raw = section.outline.code?.value
      // A translation that cites with another block keeps it: regenerated as written, reported by the translation checks.
      if (raw !== undefined && raw !== citation.raw) {
        citation.rawVariants = {...citation.rawVariants, [language]: raw}
        context.at(`${base}/citation/rawVariants/${language}`, section.outline.code?.node)
      }
    }
  }
}

/**
 * A dataset of the primary half: its sections resolved against the
 * vocabulary and built by their role's handler.
 */
export function createDataset(context: DatasetContext, outline: DatasetOutline, language: string, category: string, index: number): Dataset {
  const base = `/datasets/${index}`
  context.at(base, outline.node)
  const dataset: Dataset = {
    id: context.idOf(outline.name, 'the dataset', outline.node, `dataset-${index + 1}`),
    name: outline.name,
    rating: outline.stars,
    category,
    title: {[language]: outline.title},
    description: {label: {}, text: {}},
    facts: {label: {}, items: []},
    lists: [],
    access: {label: {}, items: []},
    sections: []
  }
  for (const section of resolveSections(context, outline, language)) {
    if (duplicateOf(dataset, section)) {
      report(context.file, 'error', 'duplicate-section', `"${section.outline.label}" repeats a section of ${outline.name}`, section.outline.node)
      continue
    }
    const name = handlers[section.role].create(context, dataset, section, language, base)
    if (name === undefined) continue
    context.at(`${base}/${name}`, section.outline.node)
    context.at(`${base}/${name}/label/${language}`, section.outline.node)
    dataset.sections.push(name)
    noteUndeclared(context, dataset, section, {[language]: section.outline.label})
  }
  context.at(`${base}/access`, outline.node)
  // In one literal, so that the JSON lists its properties in a reading order.
  const {id, name, rating, title, description, facts, tasks, lists, access, citation, sections} = dataset
  return {id, name, rating, category, title, description, facts, ...(tasks ? {tasks} : {}), lists, access, ...(citation ? {citation} : {}), sections}
}

/**
 * Merge a translation of a dataset into it. Its parts pair by key, inside
 * this dataset only: fixed sections by role, titled lists, key facts and
 * access entries by their vocabulary key; what the vocabulary does not
 * declare for this language pairs by position with what is unpaired and
 * undeclared on the primary side. A part that pairs with nothing is kept, in
 * this language only (the translation checks call it an orphan); what the
 * translation's heading says otherwise than the primary's is kept as a
 * variant. Nothing of one dataset ever decides another's pairing.
 */
export function mergeTranslation(context: DatasetContext, dataset: Dataset, index: number, outline: DatasetOutline, language: string, category: string): void {
  const base = `/datasets/${index}`
  dataset.title[language] = outline.title
  context.at(`${base}/title/${language}`, outline.node)
  const variant: NonNullable<Dataset['variants']>[string] = {}
  if (outline.name !== dataset.name) variant.name = outline.name
  if (outline.stars !== dataset.rating) variant.rating = outline.stars
  if (category !== dataset.category) variant.category = category

  const resolved = resolveSections(context, outline, language)
  const paired = new Map<SectionName, Resolved>()
  const order: SectionName[] = []
  // Declared first, so that a declared label takes its section before position pairing hands it out.
  const placed = new Map<Resolved, SectionName | undefined>()
  for (const section of resolved) if (section.entry?.labels[language] !== undefined) placed.set(section, pairDeclared(dataset, section, paired))
  for (const section of resolved) if (!placed.has(section)) placed.set(section, pairByPosition(context, dataset, section, paired, language))
  for (const section of resolved) {
    let name = placed.get(section)
    if (name !== undefined && paired.get(name) !== section) {
      report(context.file, 'error', 'duplicate-section', `"${section.outline.label}" repeats a section of ${dataset.name}`, section.outline.node)
      continue
    }
    if (name === undefined) {
      // Only in this translation: kept, after the section that precedes it here.
      name = handlers[section.role].create(context, dataset, section, language, base)
      if (name === undefined) continue
      const before = order.at(-1)
      dataset.sections.splice(before === undefined ? 0 : dataset.sections.indexOf(before) + 1, 0, name)
      context.at(`${base}/${name}`, section.outline.node)
      noteUndeclared(context, dataset, section, {[language]: section.outline.label})
    } else {
      const role = roleOf(name)
      handlers[role].merge(context, dataset, name, section, language, base)
      // Noted under what it paired with: an undeclared `Tarefas` that paired with the tasks is the tasks' label.
      if (!section.entry)
        noteUndeclaredItem(
          context,
          dataset,
          role === 'list' ? 'list' : 'section',
          role === 'list' ? (dataset.lists[listIndexOf(name) ?? -1]?.key ?? section.key) : role,
          {...sectionLabelOf(dataset, name)},
          section.outline.node
        )
    }
    context.at(`${base}/${name}/label/${language}`, section.outline.node)
    order.push(name)
  }
  const common = dataset.sections.filter((name) => order.includes(name))
  if (order.some((name, position) => name !== common[position])) variant.sections = order
  if (Object.keys(variant).length > 0) {
    dataset.variants = {...dataset.variants, [language]: variant}
    context.at(`${base}/variants/${language}`, outline.node)
  }
}

/** The sections of one half's dataset, each with its role and key, from the vocabulary or, undeclared, from its shape. */
function resolveSections(context: DatasetContext, outline: DatasetOutline, language: string): Resolved[] {
  const resolved: Array<Resolved | {outline: SectionOutline; role: undefined}> = []
  for (const section of outline.sections) {
    const found = resolveLabel(context, 'section', language, section.label, section.node)
    if (!found) {
      resolved.push({outline: section, role: undefined})
      continue
    }
    const role: Role = found.kind === 'section' ? (found.key as Role) : 'list'
    const shape = shapes[role]
    if (!shape.accepts.includes(section.shape)) {
      report(context.file, 'error', 'unexpected-content', `"${section.label}" opens ${shape.what}, but ${shapeWords[section.shape]} follows it`, section.node)
      continue
    }
    resolved.push({outline: section, role, key: found.key, entry: found})
  }
  // Undeclared sections take their role from their shape, and the fixed roles left.
  const taken = new Set(resolved.flatMap((section) => (section.role && section.role !== 'list' ? [section.role] : [])))
  const pairLists = resolved.filter((section) => section.role === undefined && section.outline.shape === 'pairs')
  return resolved.flatMap((section): Resolved[] => {
    if (section.role !== undefined) return [section as Resolved]
    const {outline: body} = section
    const role = undeclaredRole(context, body, pairLists.length === 1, taken)
    if (role !== 'list') taken.add(role)
    const key = role === 'list' ? context.idOf(body.label, 'the list', body.node, `list-${resolved.indexOf(section) + 1}`) : role
    return [{outline: body, role, key, entry: undefined}]
  })
}

/** The role of an undeclared section, from its shape and the fixed roles not yet taken. */
function undeclaredRole(context: DatasetContext, section: SectionOutline, lonePairs: boolean, taken: ReadonlySet<Role>): Role {
  switch (section.shape) {
    case 'text':
      return 'description'
    case 'code':
      return 'citation'
    case 'pairs': {
      // A lone list of pairs is the access list when it holds the URL link; of several, the first free role in order.
      if (lonePairs && !taken.has('facts') && !taken.has('access'))
        return section.pairs?.some((pair) => pair.url !== undefined && slugify(pair.label) === 'url') ? 'access' : 'facts'
      return taken.has('facts') ? 'access' : 'facts'
    }
    default:
      return slugify(section.label) === context.tasksKey ? 'tasks' : 'list'
  }
}

/**
 * A label's vocabulary entry: as declared, or as the declared label it is a
 * slip of (an error at the label that names the declared one); undefined
 * when undeclared.
 */
function resolveLabel(context: DatasetContext, group: LabelGroup, language: string, label: string, node: Node): VocabularyLabel | undefined {
  const found = context.labels.resolve(group, language, label)
  if (found.kind === 'undeclared') return undefined
  if (found.kind === 'typo') {
    const declared = found.entry.labels[language] ?? ''
    // `catalog vocabulary --write` takes a slip for the label it is close to, so a label of its own this close is
    // declared by hand: the entry to add is spelled out.
    const kind = group === 'section' ? 'list' : group
    const entry = JSON.stringify({key: slugify(label) || 'key', kind, labels: {[language]: label}})
    report(
      context.file,
      'error',
      'unknown-label',
      `unknown label \`${label}\`; did you mean \`${declared}\`? (if \`${label}\` is a label of its own, add \`${entry}\` to the vocabulary)`,
      node
    )
  }
  return found.entry
}

/** Whether a section of the primary half repeats one the dataset already has. */
function duplicateOf(dataset: Dataset, section: Resolved): boolean {
  if (section.role === 'list') return dataset.lists.some((list) => list.key === section.key)
  return dataset.sections.includes(section.role)
}

/** The section a translated section with a declared label pairs with: its role, or its list's key. */
function pairDeclared(dataset: Dataset, section: Resolved, paired: Map<SectionName, Resolved>): SectionName | undefined {
  const name = section.role === 'list' ? listNameOf(dataset, section.key) : dataset.sections.includes(section.role) ? section.role : undefined
  if (name !== undefined && !paired.has(name)) paired.set(name, section)
  return name
}

/**
 * The section an undeclared translated section pairs with: a fixed section
 * by its role, except that a list (the tasks included, whose label only the
 * primary language's slug names) pairs by position among the primary's
 * lists and tasks of the same style that this language's vocabulary does not
 * name and that are still unpaired, the first with as many items first.
 */
function pairByPosition(
  context: DatasetContext,
  dataset: Dataset,
  section: Resolved,
  paired: Map<SectionName, Resolved>,
  language: string
): SectionName | undefined {
  if (section.role !== 'list' && section.role !== 'tasks') return pairDeclared(dataset, section, paired)
  const style = styleOf(section.outline)
  const candidates = dataset.sections.filter((name) => {
    const titled = dataset.lists[listIndexOf(name) ?? -1]
    const list = name === 'tasks' ? dataset.tasks : titled
    if (!list || paired.has(name) || list.style !== style) return false
    return (titled ? context.labels.entry('list', titled.key) : context.labels.entry('section', 'tasks'))?.labels[language] === undefined
  })
  // Of those, the first with as many items, else the first: a list and its translation have as many.
  const count = section.outline.items?.length ?? 0
  const name =
    candidates.find(
      (candidate) => (candidate === 'tasks' ? dataset.tasks : dataset.lists[listIndexOf(candidate) ?? -1])?.items[context.primary]?.length === count
    ) ?? candidates[0]
  if (name !== undefined) paired.set(name, section)
  return name
}

/** The role a dataset's section plays, by its name. */
function roleOf(name: SectionName): Role {
  return listIndexOf(name) === undefined ? (name as Role) : 'list'
}

function listNameOf(dataset: Dataset, key: string): SectionName | undefined {
  const index = dataset.lists.findIndex((list) => list.key === key)
  return index === -1 ? undefined : listSectionName(index)
}

function sectionLabelOf(dataset: Dataset, name: SectionName): Record<string, string> | undefined {
  const index = listIndexOf(name)
  if (index !== undefined) return dataset.lists[index]?.label
  return name === 'tasks' ? dataset.tasks?.label : name === 'citation' ? dataset.citation?.label : dataset[name as 'description' | 'facts' | 'access'].label
}

/** The items of a primary key-facts or access list, each keyed by the vocabulary or its label's slug. */
function createItems(
  context: DatasetContext,
  dataset: Dataset,
  section: Resolved,
  group: 'fact' | 'access',
  language: string,
  base: string
): Array<Fact & AccessItem> {
  const items: Array<Fact & AccessItem> = []
  for (const {pair, key, entry} of resolvePairs(context, section.outline, group, language)) {
    if (items.some((item) => item.key === key)) {
      report(
        context.file,
        'error',
        'duplicate-section',
        `"${pair.label}" is given twice in the ${group === 'fact' ? 'key facts' : 'access list'} of ${dataset.name}`,
        pair.node
      )
      continue
    }
    const pointer = `${base}/items/${items.length}`
    context.at(pointer, pair.node)
    context.at(`${pointer}/value/${language}`, pair.node)
    context.at(`${pointer}/label/${language}`, pair.node)
    const item: Fact & AccessItem = {key, label: {[language]: pair.label}, value: {[language]: pair.value}}
    if (group === 'access' && pair.url !== undefined) item.url = pair.url
    const quantity = group === 'fact' ? parseQuantity(pair.value, language) : undefined
    if (quantity) item.quantity = quantity
    items.push(item)
    if (!entry) noteUndeclaredItem(context, dataset, group, key, {[language]: pair.label}, pair.node)
  }
  return items
}

/**
 * Merge a translation's key facts or access entries: by key where this
 * language's vocabulary names them, else by position among the primary's
 * items it does not name that are still unpaired; an item that pairs with
 * nothing is kept in this language only.
 */
function mergeItems(
  context: DatasetContext,
  dataset: Dataset,
  items: Array<Fact | AccessItem>,
  section: Resolved,
  group: 'fact' | 'access',
  language: string,
  base: string
): void {
  const resolved = resolvePairs(context, section.outline, group, language)
  const taken = new Set<number>()
  const target = new Map<ResolvedPair, number>()
  for (const item of resolved) {
    if (!item.entry) continue
    const index = items.findIndex((candidate) => candidate.key === item.key)
    if (index !== -1 && !taken.has(index)) {
      taken.add(index)
      target.set(item, index)
    }
  }
  for (const item of resolved) {
    if (target.has(item) || item.entry) continue
    const index = items.findIndex(
      (candidate, position) =>
        !taken.has(position) && context.labels.entry(group, candidate.key)?.labels[language] === undefined && candidate.label[language] === undefined
    )
    if (index !== -1) {
      taken.add(index)
      target.set(item, index)
    }
  }
  for (const item of resolved) {
    let index = target.get(item)
    if (index === undefined) {
      if (items.some((candidate) => candidate.label[language] === item.pair.label)) {
        report(
          context.file,
          'error',
          'duplicate-section',
          `"${item.pair.label}" is given twice in the ${group === 'fact' ? 'key facts' : 'access list'} of ${dataset.name}`,
          item.pair.node
        )
        continue
      }
      // Only in this translation: kept, in this language alone.
      index = items.length
      let key = item.key
      for (let suffix = 2; items.some((candidate) => candidate.key === key); suffix++) key = `${item.key}-${suffix}`
      const added: Fact & AccessItem = {key, label: {}, value: {}}
      if (group === 'access' && item.pair.url !== undefined) added.url = item.pair.url
      items.push(added)
      context.at(`${base}/items/${index}`, item.pair.node)
    }
    const entry = items[index]
    if (!entry) continue
    // An entry that is a link in one half and plain text in another cannot be kept as written in both (an access
    // entry has one link, or a link per half): it is refused at the translation's line rather than regenerated
    // with a link the half does not have, or without the one it has.
    const entryUrl = 'url' in entry ? entry.url : undefined
    if (group === 'access' && entry.label[language] === undefined && (entryUrl !== undefined) !== (item.pair.url !== undefined)) {
      const [other = '', otherLabel = ''] = Object.entries(entry.label)[0] ?? []
      // The URL entry is a link in every half: where the first half's is not, `missing-url` says so there.
      if (entry.key === 'url' && entryUrl === undefined) continue
      report(
        context.file,
        'error',
        'unpaired-link',
        entryUrl !== undefined
          ? `"${item.pair.label}" of ${dataset.name} has no link, where "${otherLabel}" in the \`${other}\` half links to ${entryUrl}: link both halves, or neither`
          : `"${item.pair.label}" of ${dataset.name} links to ${item.pair.url ?? ''}, where "${otherLabel}" in the \`${other}\` half has no link: link both halves, or neither`,
        item.pair.node
      )
      continue
    }
    entry.label[language] = item.pair.label
    entry.value[language] = item.pair.value
    context.at(`${base}/items/${index}/value/${language}`, item.pair.node)
    context.at(`${base}/items/${index}/label/${language}`, item.pair.node)
    if ('url' in entry && entry.url !== undefined && item.pair.url !== undefined && item.pair.url !== entry.url) {
      const access = entry as AccessItem
      access.urlVariants = {...access.urlVariants, [language]: item.pair.url}
      context.at(`${base}/items/${index}/urlVariants/${language}`, item.pair.node)
    }
    if (!item.entry) noteUndeclaredItem(context, dataset, group, entry.key, entry.label, item.pair.node)
  }
}

function resolvePairs(context: DatasetContext, section: SectionOutline, group: 'fact' | 'access', language: string): ResolvedPair[] {
  return (section.pairs ?? []).map((pair, position) => {
    const entry = resolveLabel(context, group, language, pair.label, pair.node)
    return {pair, entry, key: entry ? entry.key : context.idOf(pair.label, 'the label', pair.node, `${group}-${position + 1}`)}
  })
}

/** Keep an undeclared section label, with the labels it was paired with, for the warning and for `catalog vocabulary`. */
function noteUndeclared(context: DatasetContext, dataset: Dataset, section: Resolved, labels: Record<string, string>): void {
  if (section.entry) return
  const kind = section.role === 'list' ? 'list' : 'section'
  noteUndeclaredItem(context, dataset, kind, section.key, labels, section.outline.node)
}

function noteUndeclaredItem(
  context: DatasetContext,
  dataset: Dataset,
  kind: UndeclaredLabel['kind'],
  key: string,
  labels: Record<string, string>,
  node: Node
): void {
  const line = node.position?.start.line ?? 1
  // Found by a map rather than a search of the list, which grows with the catalog.
  let index = undeclaredIndex.get(context.undeclared)
  if (!index) {
    index = new Map()
    undeclaredIndex.set(context.undeclared, index)
  }
  const id = JSON.stringify([dataset.id, kind, key])
  const existing = index.get(id)
  if (existing) Object.assign(existing.labels, labels)
  else {
    const entry: UndeclaredLabel = {kind, key, labels: {...labels}, dataset: dataset.id, line}
    index.set(id, entry)
    context.undeclared.push(entry)
  }
}

/** Each list of undeclared labels by dataset, kind and key. */
const undeclaredIndex = new WeakMap<UndeclaredLabel[], Map<string, UndeclaredLabel>>()

function styleOf(section: SectionOutline): 'bullets' | 'inline' {
  return section.shape === 'inline' ? 'inline' : 'bullets'
}

/** Each bulleted item at its own line; the items of a comma list share their paragraph's. */
function atItems(context: DatasetContext, pointer: string, section: SectionOutline): void {
  // The items of a language as a whole (a list one item short, say) are named at the list's label in that half.
  context.at(pointer, section.node)
  section.itemNodes?.forEach((node, index) => {
    context.at(`${pointer}/${index}`, node)
  })
}

function readCitation(context: DatasetContext, section: SectionOutline, base: string): Omit<NonNullable<Dataset['citation']>, 'label'> | undefined {
  const code = section.code
  if (!code) return undefined
  context.at(`${base}/citation`, code.node)
  // BibTeX parsing is the slowest step after markdown; unchanged blocks come from the cache.
  const {entry, problems} = parseCitationCached(code.value, context.cache)
  const start = code.node.position?.start
  for (const problem of problems) {
    // The code's value starts on the line after the opening fence.
    const place = start ? {line: start.line + problem.line, column: start.column + problem.column - 1} : undefined
    report(context.file, 'error', problem.ruleId, problem.reason, place)
  }
  if (!entry) return undefined
  if (start) {
    const lineAt = (line: number): Position => ({start: {line: start.line + line, column: 1}, end: {line: start.line + line, column: 1}})
    context.at(`${base}/citation/key`, lineAt(1))
    // Each field at the line that sets it, so that a finding about a field points there.
    const lines = code.value.split('\n')
    for (const name of Object.keys(entry.fields)) {
      const index = lines.findIndex((line) => new RegExp(`^\\s*${name.replace(/[^a-z0-9_-]/gi, '')}\\s*=`, 'i').test(line))
      if (index !== -1) context.at(`${base}/citation/fields/${name}`, lineAt(index + 1))
    }
  }
  return {language: code.language, type: entry.type, key: entry.key, fields: entry.fields, raw: code.value}
}
