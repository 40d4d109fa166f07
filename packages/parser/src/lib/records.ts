import {isJsonObject} from '@catalog/schema'
import type {RootContent} from 'mdast'
import type {Point, Position} from 'unist'
import {fitsText, pointFitter, type SectionReader, shift} from './sections.js'
import {readSectionRecord, type SectionRecord} from './structure.js'

/**
 * The reader that lets the parser keep a section as its record rather than
 * as its tree: a dataset's (`DatasetRecord`: the outline the catalog is built
 * from, the problems found in it, its comments) and the comparison's
 * (`TableRecord`). A record from the cache is used only when every part of it
 * has its kind, every position lies inside the section's text, lines and
 * columns agreeing with offsets, as `fitsText` asks of a cached tree, and every
 * text it took from the section stands in it; anything else is parsed afresh.
 */
export const sectionReader: SectionReader<SectionRecord> = {
  read: (nodes: readonly RootContent[], text: string) => readSectionRecord(nodes, text),
  fits: fitsRecord,
  move: (record, line, offset) => {
    if (record.kind === 'table') shift([record.heading], line, offset)
    for (const position of positionsOf(record)) {
      for (const point of [position.start, position.end]) movePoint(point, line, offset)
    }
    for (const message of record.kind === 'dataset' ? record.messages : []) {
      if ('start' in message.place) {
        movePoint(message.place.start, line, offset)
        movePoint(message.place.end, line, offset)
      } else movePoint(message.place, line, offset)
    }
  }
}

function movePoint(point: Point, line: number, offset: number): void {
  point.line += line
  if (point.offset !== undefined) point.offset += offset
}

/** Every position a record holds, but a table's heading (moved as a tree), each once. */
function positionsOf(record: SectionRecord): Position[] {
  const nodes =
    record.kind === 'table'
      ? [record.table.table, ...record.table.rows.map((row) => row.node)]
      : [
          record.outline.node,
          ...record.outline.sections.flatMap((section) => [
            section.node,
            section.body,
            ...(section.itemNodes ?? []),
            ...(section.pairs ?? []).map((pair) => pair.node),
            ...(section.code ? [section.code.node] : [])
          ])
        ]
  return [...new Set([...nodes, ...record.comments].flatMap((node) => (node.position ? [node.position] : [])))]
}

const shapes = new Set(['text', 'pairs', 'bullets', 'inline', 'code'])

/**
 * Whether a value can be the record `readSectionRecord` made of this text (see
 * `sectionReader`): every part of its kind, every position inside the text,
 * and every text it took from the section found in it.
 */
export function fitsRecord(value: unknown, text: string): value is SectionRecord {
  const pointFits = pointFitter(text)
  // A text the record took from the section stands in the section as written (items and values are trimmed parts of it).
  const isString = (candidate: unknown): candidate is string => typeof candidate === 'string' && text.includes(candidate)
  const positionFits = (position: unknown): boolean =>
    isJsonObject(position) && pointFits(position.start) && pointFits(position.end) && (position.start.offset ?? 0) <= (position.end.offset ?? 0)
  const stubFits = (node: unknown, type?: string): boolean =>
    isJsonObject(node) && typeof node.type === 'string' && (type === undefined || node.type === type) && positionFits(node.position)
  const every = <T>(list: unknown, check: (item: unknown) => boolean): list is T[] => Array.isArray(list) && list.every(check)

  const commentsFit = (comments: unknown): boolean =>
    every(comments, (comment) => stubFits(comment, 'html') && isJsonObject(comment) && isString(comment.value))
  if (!isJsonObject(value)) return false
  if (value.kind === 'table') {
    const {heading, table, comments} = value
    const rowFits = (row: unknown): boolean => isJsonObject(row) && isString(row.name) && every(row.cells, isString) && stubFits(row.node, 'tableRow')
    return (
      isJsonObject(heading) &&
      heading.type === 'heading' &&
      fitsText([heading], text, {whole: false}) &&
      isJsonObject(table) &&
      stubFits(table.table, 'table') &&
      every(table.columns, isString) &&
      every(table.rows, rowFits) &&
      commentsFit(comments)
    )
  }
  if (value.kind !== 'dataset' || !isJsonObject(value.outline)) return false
  const {outline, messages, comments} = value
  // Each text stands in the part of the section it was read from, not merely somewhere in it: a record with two
  // values swapped, or a heading's stars changed, does not fit.
  const spanOf = (node: unknown): {start: number; end: number} => {
    const position = (node as {position: {start: {offset: number}; end: {offset: number}}}).position
    return {start: position.start.offset, end: position.end.offset}
  }
  const within = (node: unknown, part: unknown): boolean => {
    const {start, end} = spanOf(node)
    return typeof part === 'string' && text.slice(start, end).includes(part)
  }
  if (!stubFits(outline.node, 'heading') || !Number.isInteger(outline.stars) || !within(outline.node, outline.name) || !within(outline.node, outline.title))
    return false
  const {start: headingStart, end: headingEnd} = spanOf(outline.node)
  if (Array.from(text.slice(headingStart, headingEnd).matchAll(/⭐/gu)).length !== outline.stars) return false
  const sectionFits = (section: unknown): boolean => {
    if (!isJsonObject(section) || typeof section.shape !== 'string' || !shapes.has(section.shape)) return false
    if (!stubFits(section.node, 'paragraph') || !stubFits(section.body) || !within(section.node, section.label)) return false
    if (section.text !== undefined && !within(section.node, section.text)) return false
    if (section.items !== undefined && !every(section.items, isString)) return false
    if (section.itemNodes !== undefined) {
      if (!every(section.itemNodes, (node) => stubFits(node)) || !covers(section.body, section.itemNodes)) return false
      const items = section.items as unknown[] | undefined
      if (!items || items.length !== section.itemNodes.length || !items.every((item, index) => within((section.itemNodes as unknown[])[index], item)))
        return false
    } else if (section.items !== undefined && !(section.items as unknown[]).every((item) => within(section.node, item))) return false
    const pairFits = (pair: unknown): boolean =>
      isJsonObject(pair) &&
      stubFits(pair.node) &&
      within(pair.node, pair.label) &&
      within(pair.node, pair.value) &&
      (pair.url === undefined || within(pair.node, pair.url))
    if (
      section.pairs !== undefined &&
      (!every(section.pairs, pairFits) ||
        !covers(
          section.body,
          section.pairs.map((pair) => (pair as {node: unknown}).node)
        ))
    )
      return false
    const code = section.code
    if (
      code !== undefined &&
      !(isJsonObject(code) && stubFits(code.node, 'code') && within(code.node, code.language) && within(code.node, code.raw) && typeof code.value === 'string')
    )
      return false
    return true
  }
  const messageFits = (message: unknown): boolean =>
    isJsonObject(message) &&
    typeof message.fatal === 'boolean' &&
    typeof message.ruleId === 'string' &&
    typeof message.reason === 'string' &&
    (isJsonObject(message.place) && 'start' in message.place ? positionFits(message.place) : pointFits(message.place))
  if (!every(outline.sections, sectionFits) || !every(messages, messageFits) || !commentsFit(comments)) return false
  // Nothing of the section is left out: its heading, its sections' labels and bodies, its comments and the blocks
  // reported as problems cover every character but white space and the `---` between datasets.
  const parts = [
    outline.node,
    ...(outline.sections as Array<{node: unknown; body: unknown}>).flatMap((section) => [section.node, section.body]),
    ...(comments as unknown[]),
    ...(messages as Array<{place: unknown}>).flatMap((message) => (isJsonObject(message.place) && 'start' in message.place ? [{position: message.place}] : []))
  ]
  return covers({position: {start: {offset: 0}, end: {offset: text.length}}}, parts, /^[ \t]*(?:[-*_][ \t]*){3,}$/gm)

  /** Whether the parts lie inside the whole and leave nothing of it but white space (and what `aside` matches) uncovered. */
  function covers(whole: unknown, nodes: readonly unknown[], aside?: RegExp): boolean {
    const {start, end} = spanOf(whole)
    const spans = nodes.map(spanOf).sort((a, b) => a.start - b.start)
    let at = start
    let rest = ''
    for (const span of spans) {
      if (span.start < start || span.end > end) return false
      if (span.start > at) rest += `${text.slice(at, span.start)}\n`
      at = Math.max(at, span.end)
    }
    rest += text.slice(at, end)
    return !/\S/.test(aside ? rest.replace(aside, '') : rest)
  }
}
