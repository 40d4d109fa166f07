import type {Code, Heading, Html, List, Paragraph, PhrasingContent, Root, RootContent, Table, Text} from 'mdast'
import {toString as plainText} from 'mdast-util-to-string'
import type {Node, Point, Position} from 'unist'
import {VFile} from 'vfile'
import {languageCode} from './language.js'
import {report} from './messages.js'
import {parseSectionAt, type RecordNode, type SourceSection} from './sections.js'
import {innerSourceOf, isFlag, sourceOf, splitCommaList, splitLeadingEmoji} from './text.js'

/**
 * The document's outline, read off the mdast: halves, their sections and
 * datasets, each dataset's labelled sections. Still one language at a time;
 * `build.ts` pairs the languages into a Catalog.
 */
export interface Outline {
  title?: {text: string; node: Heading}
  halves: Half[]
  resources?: {heading: string; node: Heading; items: Array<{text: string; url: string; node: RootContent}>}
}

export interface Half {
  code: string
  flag: string
  name: string
  node: Heading
  overview?: {heading: string; text: string; node: Heading}
  /** `## <emoji> Title` sections holding datasets. */
  categories: CategoryOutline[]
  comparison?: ComparisonOutline
}

export interface CategoryOutline {
  emoji: string
  title: string
  node: Heading
  datasets: DatasetOutline[]
}

export interface ComparisonOutline extends TableOutline {
  emoji: string
  title: string
  node: Heading
}

/** A comparison table as the catalog reads it: its header's cells, and each row's name and cells. */
export interface TableOutline {
  /** The table, reduced to what the catalog takes from it: its place. */
  table: Node
  columns: string[]
  rows: Array<{name: string; cells: string[]; node: Node}>
}

export interface DatasetOutline {
  node: Heading
  stars: number
  name: string
  title: string
  sections: SectionOutline[]
}

export type SectionShape = 'text' | 'pairs' | 'bullets' | 'inline' | 'code'

export interface PairOutline {
  label: string
  value: string
  url?: string
  node: RootContent | List['children'][number]
}

export interface SectionOutline {
  label: string
  shape: SectionShape
  /** The `**Label:**` paragraph. */
  node: Paragraph
  /** The node holding the content (the same paragraph, a list or a code block). */
  body: Paragraph | List | Code
  text?: string
  items?: string[]
  itemNodes?: RootContent[]
  pairs?: PairOutline[]
  code?: {language: string; raw: string; value: string; node: Code}
}

/** Dataset headings: `### ⭐⭐⭐⭐ NAME - Title`. */
const datasetHeading = /^((?:⭐\uFE0F?)+)\s+(.+?)\s+[-–—]\s+(.+)$/u

interface Cursor {
  /**
   * After a heading that is refused (a malformed dataset heading, an unknown
   * language, what follows the resources), what stands under it is skipped
   * silently up to the next heading this says ends it: one slip, one error.
   */
  skipUntil: ((heading: Heading) => boolean) | undefined
  half: Half | undefined
  /** The current `## emoji` section before we know whether it holds datasets or a table. */
  section: {emoji: string; title: string; node: Heading; category?: CategoryOutline; comparison?: ComparisonOutline} | undefined
  dataset: {outline: DatasetOutline; blocks: RootContent[]} | undefined
  overview: {heading: string; node: Heading; blocks: RootContent[]} | undefined
  resources: NonNullable<Outline['resources']> | undefined
}

/** Ends a skip at the next heading of this depth or less. */
const upTo =
  (depth: number) =>
  (heading: Heading): boolean =>
    heading.depth <= depth

/** Walk the top-level nodes once, keeping a cursor on where we are in the outline. */
export function readOutline(tree: Root, file: VFile, source: string): Outline {
  const outline: Outline = {halves: []}
  const cursor: Cursor = {skipUntil: undefined, half: undefined, section: undefined, dataset: undefined, overview: undefined, resources: undefined}

  const closeDataset = (): void => {
    if (cursor.dataset) {
      cursor.dataset.outline.sections = readSections(cursor.dataset.blocks, file, source)
      cursor.dataset = undefined
    }
  }
  const closeOverview = (): void => {
    if (cursor.overview && cursor.half) {
      const {heading, node, blocks} = cursor.overview
      cursor.half.overview = {heading, node, text: sourceOf(source, blocks)}
      cursor.overview = undefined
    }
  }
  const closeSection = (): void => {
    closeDataset()
    closeOverview()
    const section = cursor.section
    if (section && cursor.half && !section.category && !section.comparison) {
      report(file, 'error', 'empty-section', `section "${section.title}" holds neither datasets nor a comparison table`, section.node)
    }
    cursor.section = undefined
  }

  // Read with a `SectionReader`, a dataset's section and the comparison's stand as record nodes; where a record
  // cannot serve (a half or category refused before it, say), its section's nodes take its place and are read
  // one by one.
  const nodes: Array<RootContent | RecordNode | TableNode> = [...tree.children]
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index] as RootContent | RecordNode | TableNode
    if (node.type === 'catalogTable') {
      // A comparison table read on its own: it serves where a table opens the comparison; anywhere else the table is read as a node.
      if (cursor.skipUntil !== undefined) continue
      if (!cursor.dataset && !cursor.overview && cursor.section && cursor.half && !cursor.section.category) openComparison(node.table)
      else {
        nodes.splice(index, 1, ...parseSectionAt(node.section).filter((candidate) => candidate.type === 'table'))
        index--
      }
      continue
    }
    if (node.type === 'catalogRecord' && (node.record as SectionRecord).kind === 'table') {
      // Its heading is read as any heading; its table comes next, as a record.
      const record = node.record as TableRecord
      nodes.splice(index, 1, record.heading, {type: 'catalogTable', table: record.table, section: node.section})
      index--
      continue
    }
    if (node.type === 'catalogRecord') {
      const record = node.record as DatasetRecord
      if (cursor.skipUntil === undefined && cursor.section && cursor.half && !cursor.section.comparison) {
        closeDataset()
        closeOverview()
        categoryOf(cursor.section, cursor.half).datasets.push(record.outline)
        for (const message of record.messages) report(file, message.fatal ? 'error' : 'warning', message.ruleId, message.reason, message.place)
      } else {
        nodes.splice(index, 1, ...parseSectionAt(node.section))
        index--
      }
      continue
    }
    // Inside a dataset, a line of `---` or `===` right under text makes it a heading (setext): a separator that lost
    // its blank line. Taken for a heading it would end the dataset and reshape what follows; it is one slip.
    if (cursor.dataset && cursor.skipUntil === undefined && node.type === 'heading' && node.position && node.position.start.line !== node.position.end.line) {
      report(
        file,
        'error',
        'unexpected-heading',
        'the line of `---` or `===` under this text makes it a heading; put a blank line between them (a separator stands alone)',
        node
      )
      continue
    }
    if (cursor.skipUntil !== undefined) {
      if (node.type !== 'heading' || !cursor.skipUntil(node)) continue
      cursor.skipUntil = undefined
    }
    if (node.type === 'heading') {
      const text = innerSourceOf(source, node)
      if (node.depth === 1) {
        closeSection()
        if (outline.title) report(file, 'error', 'duplicate-title', 'the document has more than one `#` title', node)
        else outline.title = {text, node}
        continue
      }
      if (node.depth === 2) {
        closeSection()
        const lead = splitLeadingEmoji(plainText(node))
        if (cursor.resources) {
          report(file, 'error', 'unexpected-content', 'nothing may follow the shared resources section', node)
          cursor.skipUntil = upTo(1)
        } else if (lead && isFlag(lead.emoji)) {
          const code = languageCode(lead.rest)
          if (!code) {
            report(file, 'error', 'unknown-language', `"${lead.rest}" is no language name that ICU knows; write it as in \`## 🇬🇧 English\``, node)
            cursor.half = undefined
            skipHalf()
          } else if (outline.halves.some((half) => half.code === code)) {
            report(file, 'error', 'duplicate-language', `the ${lead.rest} half is given twice`, node)
            cursor.half = undefined
            skipHalf()
          } else {
            cursor.half = {code, flag: lead.emoji, name: lead.rest, node, categories: []}
            outline.halves.push(cursor.half)
          }
        } else if (lead) {
          if (!cursor.half) {
            report(file, 'error', 'outside-language', 'a section must stand inside a language half (`## 🇬🇧 English`)', node)
            cursor.skipUntil = upTo(2)
          } else cursor.section = {emoji: lead.emoji, title: text.startsWith(lead.emoji) ? text.slice(lead.emoji.length).trim() : lead.rest, node}
        } else {
          cursor.half = undefined
          cursor.resources = {heading: text, node, items: []}
          outline.resources = cursor.resources
        }
        continue
      }
      if (node.depth === 3) {
        closeDataset()
        closeOverview()
        if (cursor.section && cursor.half) {
          openDataset(node, text)
        } else if (cursor.half && !cursor.half.overview && cursor.half.categories.length === 0) {
          cursor.overview = {heading: text, node, blocks: []}
        } else {
          report(file, 'error', 'unexpected-heading', 'a `###` heading stands outside any category', node)
          cursor.skipUntil = upTo(3)
        }
        continue
      }
      report(file, 'error', 'unexpected-heading', `a level-${node.depth} heading has no place in the catalog`, node)
      cursor.skipUntil = upTo(node.depth)
      continue
    }

    if (node.type === 'thematicBreak' || isComment(node)) continue
    if (node.type === 'html') {
      reportRawHtml(file, node)
      continue
    }

    // A reference definition reaches across blocks (a dataset's `[text]` would link where the overview says), which
    // the section splitter and the catalog's values cannot follow: refused wherever it stands.
    if (node.type === 'definition' || node.type === 'footnoteDefinition') {
      report(file, 'error', 'unexpected-content', `unexpected ${describe(node)}: write each link inline, as \`[text](https://...)\``, node)
      continue
    }
    if (cursor.dataset) cursor.dataset.blocks.push(node)
    else if (cursor.overview) cursor.overview.blocks.push(node)
    else if (cursor.section && node.type === 'table' && cursor.half && !cursor.section.category) openComparison(tableOutlineOf(node, source))
    else if (cursor.resources && node.type === 'list') readResources(node)
    else report(file, 'error', 'unexpected-content', `unexpected ${describe(node)} here`, node)
  }
  closeSection()
  if (!outline.title) report(file, 'error', 'missing-title', 'the document needs a `#` title', {line: 1, column: 1})
  if (outline.halves.length === 0) {
    report(file, 'error', 'missing-language', 'no language half found: the catalog starts each half with a heading like `## 🇬🇧 English`', {line: 1, column: 1})
  }
  return outline

  /** Skip a refused language half up to the next half, the resources or a title: its categories are its own. */
  function skipHalf(): void {
    cursor.skipUntil = (heading) => {
      if (heading.depth === 1) return true
      if (heading.depth !== 2) return false
      const lead = splitLeadingEmoji(plainText(heading))
      return !lead || isFlag(lead.emoji)
    }
  }

  function openDataset(node: Heading, text: string): void {
    const section = cursor.section
    const half = cursor.half
    if (!section || !half) return
    if (section.comparison) {
      report(file, 'error', 'unexpected-heading', 'a dataset heading inside the comparison section', node)
      return
    }
    const outlineOfDataset = datasetOutlineOf(node, text)
    if (!outlineOfDataset) {
      report(file, 'error', 'malformed-dataset-heading', 'a dataset heading reads `### ⭐⭐⭐⭐ NAME - Title`', node)
      cursor.skipUntil = upTo(3)
      return
    }
    categoryOf(section, half).datasets.push(outlineOfDataset)
    cursor.dataset = {outline: outlineOfDataset, blocks: []}
  }

  function openComparison(table: TableOutline): void {
    const section = cursor.section
    const half = cursor.half
    if (!section || !half) return
    if (half.comparison) {
      report(file, 'error', 'duplicate-comparison', 'a language half has one comparison table', table.table)
      return
    }
    section.comparison = {emoji: section.emoji, title: section.title, node: section.node, ...table}
    half.comparison = section.comparison
  }

  function readResources(list: List): void {
    for (const item of list.children) {
      const paragraph = item.children[0]
      const link = paragraph?.type === 'paragraph' && paragraph.children.length === 1 ? paragraph.children[0] : undefined
      if (item.children.length !== 1 || link?.type !== 'link') {
        report(file, 'error', 'malformed-resource', 'each related resource is one link: `- [Title](https://...)`', item)
        continue
      }
      cursor.resources?.items.push({text: innerSourceOf(source, link), url: link.url, node: item as unknown as RootContent})
    }
  }
}

/** The category a `## emoji` section holds, made when its first dataset comes. */
function categoryOf(section: NonNullable<Cursor['section']>, half: Half): CategoryOutline {
  if (!section.category) {
    section.category = {emoji: section.emoji, title: section.title, node: section.node, datasets: []}
    half.categories.push(section.category)
  }
  return section.category
}

/** A dataset's outline from its heading, before its sections are read; undefined for a heading that is no dataset's. */
function datasetOutlineOf(node: Heading, text: string): DatasetOutline | undefined {
  const match = datasetHeading.exec(text)
  if (!match) return undefined
  return {node, stars: Array.from((match[1] ?? '').matchAll(/⭐/gu)).length, name: match[2] ?? '', title: match[3] ?? '', sections: []}
}

function isComment(node: RootContent): boolean {
  return node.type === 'html' && /^<!--[\s\S]*-->$/.test(node.value.trim())
}

function reportRawHtml(file: VFile, node: Html): void {
  report(file, 'error', 'raw-html', 'raw HTML is not allowed in the catalog; write markdown', node)
}

/** A comparison table standing where its record's section was, read when reached (see `readOutline`). */
interface TableNode extends Node {
  type: 'catalogTable'
  table: TableOutline
  section: SourceSection
}

/** The header cells, and each row's name and cells, of a table; the nodes reduced to stubs. */
function tableOutlineOf(table: Table, source: string): TableOutline {
  const [header, ...body] = table.children
  const cellsOf = (row: Table['children'][number]): string[] => row.children.map((cell) => innerSourceOf(source, cell))
  return {
    table: stub(table),
    columns: header ? cellsOf(header) : [],
    rows: body.map((row) => {
      const [first, ...rest] = row.children
      return {name: first ? plainText(first) : '', cells: rest.map((cell) => innerSourceOf(source, cell)), node: stub(row)}
    })
  }
}

/** What a section reads as on its own, kept by the cache instead of its tree (see `readSectionRecord`). */
export type SectionRecord = DatasetRecord | TableRecord

/**
 * A section of a `##` heading and one table, as the comparison section is:
 * the heading whole (read as any heading is, where it stands) and the table
 * as its outline. Its rows are most of a large catalog's comparison: a table
 * of 1600 rows is a tree of hundreds of megabytes while parsed.
 */
export interface TableRecord {
  kind: 'table'
  heading: Heading
  table: TableOutline
  comments: Html[]
}

/**
 * What one dataset's section reads as on its own: its outline, with each node
 * it points at reduced to its type and position (all that the catalog takes
 * from them), the problems found in it, and its HTML comments (which may
 * disable rules). A cache keeps it instead of the section's tree.
 */
export interface DatasetRecord {
  kind: 'dataset'
  outline: DatasetOutline
  messages: Array<{fatal: boolean; ruleId: string; reason: string; place: Position | Point}>
  comments: Html[]
}

/**
 * The record of a section that is one dataset (a `### ⭐… NAME - Title`
 * heading and the blocks under it, with no other heading) or one table under
 * a `##` heading. Anything else (a heading that is no dataset's, a `####` or
 * a setext heading inside) is undefined: such a section stays a tree, read
 * node by node. A dataset's record is what `readOutline` reads off the same
 * nodes inside a category.
 */
export function readSectionRecord(nodes: readonly RootContent[], source: string): SectionRecord | undefined {
  const [heading, ...rest] = nodes
  if (heading?.type !== 'heading' || rest.some((node) => node.type === 'heading')) return undefined
  if (heading.depth === 2) {
    // A heading and one table, with nothing else but separators and comments.
    const tables = rest.filter((node) => node.type === 'table')
    const table = tables[0]
    if (tables.length !== 1 || !table || rest.some((node) => node.type !== 'table' && node.type !== 'thematicBreak' && !isComment(node))) return undefined
    return {kind: 'table', heading, table: tableOutlineOf(table, source), comments: commentsOf(rest)}
  }
  if (heading.depth !== 3) return undefined
  const outline = datasetOutlineOf(heading, innerSourceOf(source, heading))
  if (!outline) return undefined
  const file = new VFile()
  const blocks: RootContent[] = []
  for (const node of rest) {
    if (node.type === 'html' && !isComment(node)) reportRawHtml(file, node)
    else if (node.type !== 'thematicBreak' && !isComment(node)) blocks.push(node)
  }
  outline.sections = readSections(blocks, file, source)
  return {
    kind: 'dataset',
    outline: stubbed(outline),
    messages: file.messages.map((message) => ({
      fatal: message.fatal === true,
      ruleId: message.ruleId ?? '',
      reason: message.reason,
      place: structuredClone(message.place ?? {line: 1, column: 1})
    })),
    comments: commentsOf(rest)
  }
}

/** A section's top-level HTML comments, which may disable rules (see `applyDisableComments`). */
function commentsOf(nodes: readonly RootContent[]): Html[] {
  return nodes.flatMap((node) => (node.type === 'html' && isComment(node) ? [stub(node, {value: node.value})] : []))
}

/** A node reduced to its type, position and the fields given. */
function stub<T extends Node>(node: T, fields: object = {}): T {
  return {type: node.type, ...(node.position ? {position: structuredClone(node.position)} : {}), ...fields} as unknown as T
}

/** A dataset outline whose nodes are stubs: no tree is kept alive by it. */
function stubbed(outline: DatasetOutline): DatasetOutline {
  return {
    ...outline,
    node: stub(outline.node),
    sections: outline.sections.map((section) => ({
      ...section,
      node: stub(section.node),
      body: stub(section.body),
      ...(section.itemNodes ? {itemNodes: section.itemNodes.map((node) => stub(node))} : {}),
      ...(section.pairs ? {pairs: section.pairs.map((pair) => ({...pair, node: stub(pair.node)}))} : {}),
      ...(section.code ? {code: {...section.code, node: stub(section.code.node)}} : {})
    }))
  }
}

function describe(node: RootContent): string {
  const names: Partial<Record<RootContent['type'], string>> = {
    paragraph: 'paragraph',
    list: 'list',
    code: 'code block',
    table: 'table',
    blockquote: 'block quote',
    definition: 'link definition',
    footnoteDefinition: 'footnote definition'
  }
  return names[node.type] ?? node.type
}

/**
 * The label of a `**Label:**` paragraph, and the inline nodes after it. A
 * colon just outside the bold (`**Size**:`) is a slip of the same label:
 * `colonOutside` says so, and the colon is not part of what follows. So is a
 * bold that CommonMark does not read as bold for a stray space inside the
 * asterisks or none after them (`** Size:**`, `**Size: **`, `**Size:**377`):
 * the label is read from the source. `slip` says what was wrong, to report.
 */
function splitLabel(paragraph: Paragraph, source: string): {label: string; rest: PhrasingContent[]; colonOutside: boolean; slip?: string} | undefined {
  const [first, ...rest] = paragraph.children
  if (first?.type === 'text') return brokenBold(first, rest, source)
  if (first?.type !== 'strong') return undefined
  const text = plainText(first).trim()
  if (text.endsWith(':')) return {label: text.slice(0, -1).trim(), rest, colonOutside: false}
  const next = rest[0]
  if (next?.type === 'text' && next.value.startsWith(':') && text !== '')
    return {label: text, rest, colonOutside: true, slip: `the colon of \`${text}\` stands outside the bold: write \`**${text}:**\``}
  return undefined
}

function brokenBold(first: Text, rest: PhrasingContent[], source: string): ReturnType<typeof splitLabel> {
  const start = first.position?.start
  const end = first.position?.end
  if (start?.offset === undefined || !end) return undefined
  const text = source.slice(start.offset, end.offset)
  const match = /^\*\*[ \t]*([^*\n:]*[^*\s:])[ \t]*:[ \t]*\*\*/.exec(text)
  if (!match?.[1]) return undefined
  const label = match[1]
  const after = match[0].length
  const remainder: Text = {
    type: 'text',
    value: text.slice(after),
    position: {start: {line: start.line, column: start.column + after, offset: start.offset + after}, end}
  }
  return {
    label,
    rest: remainder.value === '' ? rest : [remainder, ...rest],
    colonOutside: false,
    slip: `\`${match[0]}\` is not bold as written (a space inside the asterisks, or none after them): write \`**${label}:**\` and a space`
  }
}

/** The source after a label: what follows the bold, without a colon that stood outside it. */
function afterLabel(source: string, labelled: {rest: PhrasingContent[]; colonOutside: boolean}): string {
  const raw = sourceOf(source, labelled.rest)
  return labelled.colonOutside ? raw.replace(/^:/, '') : raw
}

/**
 * A dataset's body is a run of labelled sections. The label is a bold
 * paragraph ending in a colon; its shape says what it holds:
 * - `**Label:** text` on one line: a text;
 * - `**Label:**` then a new line of comma-separated items: an inline list;
 * - `**Label:**` then a list of `**Key:** value` items: pairs;
 * - `**Label:**` then a plain list: bullets;
 * - `**Label:**` then a fenced code block: code.
 */
export function readSections(blocks: readonly RootContent[], file: VFile, source: string): SectionOutline[] {
  const sections: SectionOutline[] = []
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]
    if (!block) continue
    const labelled = block.type === 'paragraph' ? splitLabel(block, source) : undefined
    if (block.type !== 'paragraph' || !labelled) {
      report(
        file,
        'error',
        'unexpected-content',
        `unexpected ${describe(block)}: each part of a dataset starts with a bold label such as \`**Tasks:**\``,
        block
      )
      continue
    }
    const {label, rest} = labelled
    if (labelled.slip) report(file, 'error', 'unknown-label', labelled.slip, block)
    const raw = afterLabel(source, labelled)
    if (raw.trim() !== '' || (rest.length > 0 && !labelled.colonOutside)) {
      if (/^[ \t]*\r?\n/.test(raw)) {
        sections.push({label, shape: 'inline', node: block, body: block, items: splitCommaList(raw.trim())})
      } else {
        sections.push({label, shape: 'text', node: block, body: block, text: raw.trim()})
      }
      continue
    }
    const body = blocks[index + 1]
    if (body?.type === 'list') {
      index++
      sections.push(readList(label, block, body, file, source))
    } else if (body?.type === 'code') {
      index++
      const raw = sourceOf(source, [body])
      sections.push({label, shape: 'code', node: block, body, code: {language: body.lang ?? '', raw, value: body.value, node: body}})
    } else {
      report(file, 'error', 'empty-section', `the section "${label}" has no content after its label`, block)
    }
  }
  return sections
}

function readList(label: string, node: Paragraph, list: List, file: VFile, source: string): SectionOutline {
  const items = list.children.map((item) => {
    const [paragraph, ...more] = item.children
    if (paragraph?.type !== 'paragraph' || more.length > 0) {
      report(file, 'error', 'unexpected-content', 'a list item holds one line of text; nested blocks are not supported', item)
      return undefined
    }
    return {item, paragraph, pair: splitLabel(paragraph, source)}
  })
  const present = items.filter((item) => item !== undefined)
  if (present.length > 0 && present.every((item) => item.pair)) {
    return {
      label,
      shape: 'pairs',
      node,
      body: list,
      pairs: present.map(({item, pair}) => {
        const rest = pair?.rest ?? []
        if (pair?.slip) report(file, 'error', 'unknown-label', pair.slip, item)
        const value = pair ? afterLabel(source, pair).trim() : ''
        if (pair && value === '' && !pair.colonOutside) report(file, 'error', 'empty-section', `the entry "${pair.label}" has nothing after its label`, item)
        const meaningful = rest.filter((child) => !(child.type === 'text' && child.value.replace(pair?.colonOutside ? /^:/ : /$^/, '').trim() === ''))
        const link = meaningful.length === 1 && meaningful[0]?.type === 'link' ? meaningful[0] : undefined
        const outline: PairOutline = {label: pair?.label ?? '', value: link ? innerSourceOf(source, link) : value, node: item}
        if (link) outline.url = link.url
        return outline
      })
    }
  }
  return {
    label,
    shape: 'bullets',
    node,
    body: list,
    items: present.map(({paragraph}) => innerSourceOf(source, paragraph)),
    itemNodes: present.map(({item}) => item as unknown as RootContent)
  }
}
