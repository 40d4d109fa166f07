import {createHash} from 'node:crypto'
import type {Root, RootContent} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import type {Node} from 'unist'
import {TopLevelBlocks} from './blocks.js'

/** One independent section of the source: it starts at a heading and ends before the next. */
export interface SourceSection {
  text: string
  /** 0-based line and offset of its first character in the whole source. */
  line: number
  offset: number
}

/**
 * Work kept by content hash between runs (`catalog build` keeps it on disk):
 * the parsed sections, and the parsed citation blocks. Values are plain JSON.
 * `get` hands the caller a value of its own (the parser changes it: it moves
 * positions in place), and `set` keeps a copy of the value as it is then.
 * Keys hash the text alone: what parses the text (this package, remark,
 * micromark, the BibTeX parser) is the cache's to salt it with, since only
 * the caller knows what code runs. The CLI's store keeps one file per
 * fingerprint of the whole tool, its lock file included.
 */
export interface SectionCache {
  get(key: string): unknown
  set(key: string, value: unknown): void
}

const heading = /^#{1,3}[ \t]/

/**
 * Split a markdown document into sections that parse the same alone as in
 * the whole: a cut is made before a level 1-3 ATX heading at column 1 that
 * follows a blank line, where no fenced code or raw HTML block is open
 * (`TopLevelBlocks`). Such a line always closes the block before it and every
 * container, so the top-level nodes of the parts are those of the whole. From
 * a line where the top level cannot be told without parsing (an indented fence,
 * say), the rest of the document is one section. The catalog refuses link
 * reference definitions, the one construct that reaches across blocks.
 * `uncertain` tells from where, and why, no cut was made.
 */
export function splitSections(text: string): {sections: SourceSection[]; uncertain?: {line: number; reason: string}} {
  const sections: SourceSection[] = []
  const blocks = new TopLevelBlocks()
  let start = 0
  let startLine = 0
  let line = 0
  let previousBlank = true
  for (let offset = 0; offset <= text.length; line++) {
    const newline = text.indexOf('\n', offset)
    const end = newline === -1 ? text.length : newline
    const content = text.slice(offset, end)
    const cut = !blocks.isOpen && !blocks.uncertain && previousBlank && offset > start && heading.test(content)
    if (cut) {
      sections.push({text: text.slice(start, offset), line: startLine, offset: start})
      start = offset
      startLine = line
    }
    previousBlank = blocks.next(content, line + 1) === 'blank'
    if (newline === -1) break
    offset = newline + 1
  }
  sections.push({text: text.slice(start), line: startLine, offset: start})
  return blocks.uncertain ? {sections, uncertain: blocks.uncertain} : {sections}
}

const processor = unified().use(remarkParse).use(remarkGfm)

/** Parse one section on its own; positions are relative to the section. */
export function parseSection(text: string): RootContent[] {
  return processor.parse(text).children
}

/** The cache key of a section: the hash of its text (the cache is salted by the code, see `SectionCache`). */
export function sectionKey(text: string): string {
  return `section:${createHash('sha256').update(text).digest('hex')}`
}

/** Move every position in a parsed section, in place, to where the section sits in the whole source. */
export function shift(nodes: readonly RootContent[], line: number, offset: number): void {
  const move = (node: Node): void => {
    const position = node.position
    if (position) {
      position.start.line += line
      position.end.line += line
      if (position.start.offset !== undefined) position.start.offset += offset
      if (position.end.offset !== undefined) position.end.offset += offset
    }
    const children = (node as {children?: Node[]}).children
    if (children) for (const child of children) move(child)
  }
  for (const node of nodes) move(node)
}

/** Parse one section and move its nodes to where it sits in the whole source. */
export function parseSectionAt(section: SourceSection): RootContent[] {
  const nodes = parseSection(section.text)
  shift(nodes, section.line, section.offset)
  return nodes
}

/**
 * What the cache keeps of a section: its key inside, so that an entry answers
 * only for the text it was parsed from, and either its tree or, for a section
 * a `SectionReader` reads, its record.
 */
interface CachedSection {
  key: string
  nodes?: RootContent[]
  record?: unknown
}

/**
 * Reads a section on its own into a record (a dataset's outline, say), so that
 * the cache keeps the record instead of the tree: smaller to keep and to read,
 * and the tree of an unchanged section is never built again.
 */
export interface SectionReader<Record> {
  /** The record of a section's nodes (positions relative to the section), or undefined when the section stays a tree. */
  read(nodes: readonly RootContent[], text: string): Record | undefined
  /** Whether a value from the cache can be the record of this text (every position inside it, every field of its kind). */
  fits(value: unknown, text: string): value is Record
  /** Move a record's positions, in place, to where its section sits in the whole source. */
  move(record: Record, line: number, offset: number): void
}

/** A section read into a record, in the tree where its nodes would stand (see `parseIncrementally`). */
export interface RecordNode<Record = unknown> extends Node {
  type: 'catalogRecord'
  record: Record
  /** The section, to parse it after all when the record cannot serve where it stands. */
  section: SourceSection
}

/**
 * Parse a document section by section, taking unchanged sections from the
 * cache. The tree equals a whole-document parse, positions included. A cached
 * entry is used only when it names the section's own key and its tree fits the
 * section's text (see `fitsText`); anything else is parsed afresh.
 *
 * With a `reader`, a section it reads stands in the tree as one `RecordNode`
 * holding its record instead of its nodes, and the cache keeps the record; a
 * cached record is used only when `reader.fits` says it can be this text's.
 */
export function parseIncrementally(text: string, cache: SectionCache | undefined, reader?: SectionReader<unknown>): Root {
  const children: Array<RootContent | RecordNode> = []
  for (const section of splitSections(text).sections) {
    const key = sectionKey(section.text)
    const cached = cache?.get(key) as Partial<CachedSection> | undefined
    const own = cached?.key === key ? cached : undefined
    let record = reader && own && 'record' in own && reader.fits(own.record, section.text) ? own.record : undefined
    let nodes = record === undefined && own && Array.isArray(own.nodes) && fitsText(own.nodes, section.text) ? own.nodes : undefined
    if (record === undefined && !nodes) {
      const parsed = parseSection(section.text)
      record = reader?.read(parsed, section.text)
      if (record === undefined) nodes = parsed
      cache?.set(key, (record === undefined ? {key, nodes: parsed} : {key, record}) satisfies CachedSection)
    }
    if (record !== undefined && reader) {
      reader.move(record, section.line, section.offset)
      children.push({
        type: 'catalogRecord',
        record,
        section,
        position: {start: {line: section.line + 1, column: 1, offset: section.offset}, end: endOf(section)}
      })
    } else if (nodes) {
      shift(nodes, section.line, section.offset)
      children.push(...nodes)
    }
  }
  const lines = text.split('\n')
  return {
    type: 'root',
    // A record node stands where its section's nodes would; only a caller that passed a reader meets one.
    children: children as RootContent[],
    position: {start: {line: 1, column: 1, offset: 0}, end: {line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1, offset: text.length}}
  }
}

/** The point just after a section's last character, in the whole source. */
function endOf(section: SourceSection): {line: number; column: number; offset: number} {
  let newlines = 0
  for (let index = section.text.indexOf('\n'); index !== -1; index = section.text.indexOf('\n', index + 1)) newlines++
  const lastLine = section.text.length - (section.text.lastIndexOf('\n') + 1)
  return {line: section.line + 1 + newlines, column: lastLine + 1, offset: section.offset + section.text.length}
}

/**
 * A test of whether a value is a point of the text: a line, column and offset
 * that are integers, the offset inside the text and the column what the
 * offset makes of its line.
 */
export function pointFitter(text: string): (point: unknown) => point is {line: number; column: number; offset: number} {
  const lineStarts = [0]
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lineStarts.push(index + 1)
  return (point: unknown): point is {line: number; column: number; offset: number} => {
    const {line, column, offset} = (point ?? {}) as Record<string, unknown>
    if (!Number.isInteger(offset) || !Number.isInteger(line) || !Number.isInteger(column)) return false
    const start = lineStarts[(line as number) - 1]
    return (offset as number) >= 0 && (offset as number) <= text.length && start !== undefined && (offset as number) - start === (column as number) - 1
  }
}

/**
 * Whether a tree read from the cache can be the parse of a section's text:
 * every node is a node (a type, a position, children or a value of the right
 * kinds), every position lies inside the text with lines and columns that
 * match its offsets, children lie inside their parent in order, and the
 * top-level nodes cover every character that is not white space (a parse
 * leaves no text out). Checked without recursion, so no entry can overflow
 * the stack.
 */
export function fitsText(nodes: unknown[], text: string, options: {whole?: boolean} = {}): boolean {
  const pointFits = pointFitter(text)
  type Span = {start: number; end: number}
  const stack: Array<{node: unknown; parent: Span}> = []
  let covered = 0
  const whole = {start: 0, end: text.length}
  for (const node of nodes) {
    const position = (node as {position?: {start?: unknown; end?: unknown}} | null)?.position
    if (!position || !pointFits(position.start) || !pointFits(position.end)) return false
    if (position.start.offset < covered || (options.whole !== false && text.slice(covered, position.start.offset).trim() !== '')) return false
    covered = position.end.offset
    stack.push({node, parent: whole})
  }
  if (options.whole !== false && text.slice(covered).trim() !== '') return false
  while (stack.length > 0) {
    const {node, parent} = stack.pop() as {node: unknown; parent: Span}
    if (typeof node !== 'object' || node === null) return false
    const {type, position, children, value} = node as Record<string, unknown>
    if (typeof type !== 'string' || (value !== undefined && typeof value !== 'string')) return false
    const {start, end} = (position ?? {}) as Record<string, unknown>
    if (!pointFits(start) || !pointFits(end) || start.offset > end.offset || start.offset < parent.start || end.offset > parent.end) return false
    // A text is what its place in the source says, where the source writes it plainly (no escape, entity or line
    // break, which the parse turns into something else): a heading whose words were changed does not fit.
    if (type === 'text' && typeof value === 'string') {
      const written = text.slice(start.offset, end.offset)
      if (!/[\\&\r\n]/.test(written) && written !== value) return false
    }
    if (children === undefined) continue
    if (!Array.isArray(children)) return false
    // Siblings follow one another without overlapping.
    let previous = start.offset
    for (const child of children) {
      const span = (child as {position?: {start?: {offset?: unknown}; end?: {offset?: unknown}}} | null)?.position
      const childStart = span?.start?.offset
      const childEnd = span?.end?.offset
      if (typeof childStart !== 'number' || typeof childEnd !== 'number' || childStart < previous) return false
      previous = childEnd
      stack.push({node: child, parent: {start: start.offset, end: end.offset}})
    }
  }
  return true
}
