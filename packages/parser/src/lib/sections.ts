import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import type {Root, RootContent} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import type {Node} from 'unist'

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
 */
export interface SectionCache {
  get(key: string): unknown
  set(key: string, value: unknown): void
}

const heading = /^#{1,3}[ \t]/
const fence = /^ {0,3}(`{3,}|~{3,})/
/** HTML blocks that run to an end marker rather than to a blank line (CommonMark types 1-5). */
const rawHtmlStart = /^ {0,3}<(!--|\?|![A-Za-z]|!\[CDATA\[|script|pre|style|textarea)/i
const rawHtmlEnd: Record<string, RegExp> = {'!--': /-->/, '?': /\?>/, '![cdata[': /\]\]>/}

/**
 * Split a markdown document into sections that parse the same alone as in
 * the whole: a cut is made before a level 1-3 ATX heading at column 1 that
 * follows a blank line, outside fenced code and raw HTML blocks. Such a line
 * always closes the block before it, so the top-level nodes of the parts are
 * those of the whole. (A reader of lines, not a markdown parser: it only has
 * to know where blocks cannot continue. The catalog refuses link reference
 * definitions, the one construct that reaches across blocks.)
 */
export function splitSections(text: string): SourceSection[] {
  const sections: SourceSection[] = []
  let start = 0
  let startLine = 0
  let line = 0
  let previousBlank = true
  let openFence: string | undefined
  let openHtml: RegExp | undefined
  for (let offset = 0; offset <= text.length; line++) {
    const newline = text.indexOf('\n', offset)
    const end = newline === -1 ? text.length : newline
    const content = text.slice(offset, end)
    if (openFence) {
      const close = fence.exec(content)
      if (close?.[1] && close[1][0] === openFence[0] && close[1].length >= openFence.length && content.trim() === close[1]) openFence = undefined
    } else if (openHtml) {
      if (openHtml.test(content)) openHtml = undefined
    } else if (heading.test(content) && previousBlank && offset > start) {
      sections.push({text: text.slice(start, offset), line: startLine, offset: start})
      start = offset
      startLine = line
    } else {
      const opening = fence.exec(content)
      const html = rawHtmlStart.exec(content)
      if (opening?.[1]) openFence = opening[1]
      else if (html?.[1]) {
        const kind = html[1].toLowerCase()
        const endMarker = rawHtmlEnd[kind] ?? (kind.startsWith('!') ? />/ : new RegExp(`</${kind}>`, 'i'))
        if (!endMarker.test(content.slice(html[0].length))) openHtml = endMarker
      }
    }
    previousBlank = content.trim() === ''
    if (newline === -1) break
    offset = newline + 1
  }
  sections.push({text: text.slice(start), line: startLine, offset: start})
  return sections
}

const processor = unified().use(remarkParse).use(remarkGfm)

/** Parse one section on its own; positions are relative to the section. */
export function parseSection(text: string): RootContent[] {
  return processor.parse(text).children
}

/** The cache key of a section: its text and everything that shapes its parse. */
export function sectionKey(text: string, salt: string): string {
  return `section:${createHash('sha256').update(salt).update('\0').update(text).digest('hex')}`
}

/** Move every position in a parsed section, in place, to where the section sits in the whole source. */
function shift(nodes: readonly RootContent[], line: number, offset: number): void {
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

/**
 * Parse a document section by section, taking unchanged sections from the
 * cache. The tree equals a whole-document parse, positions included.
 */
export function parseIncrementally(text: string, cache: SectionCache | undefined, salt: string): Root {
  const children: RootContent[] = []
  for (const section of splitSections(text)) {
    const key = sectionKey(section.text, salt)
    let nodes = cache?.get(key) as RootContent[] | undefined
    if (!nodes) {
      nodes = parseSection(section.text)
      cache?.set(key, nodes)
    }
    shift(nodes, section.line, section.offset)
    children.push(...nodes)
  }
  const lines = text.split('\n')
  return {
    type: 'root',
    children,
    position: {start: {line: 1, column: 1, offset: 0}, end: {line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1, offset: text.length}}
  }
}

let cachedSalt: string | undefined

/**
 * What a cached value depends on besides its text: this package's manifest
 * (its version and the exact versions of remark-parse, remark-gfm and the
 * BibTeX parser) and the code that produces the values. A change to any of
 * them invalidates the cache.
 */
export function cacheSalt(): string {
  if (cachedSalt === undefined) {
    const hash = createHash('sha256')
    for (const file of ['../../package.json', './sections.js', './bibtex.js']) {
      try {
        hash.update(readFileSync(new URL(file, import.meta.url)))
      } catch {
        hash.update(file)
      }
    }
    cachedSalt = hash.digest('hex').slice(0, 16)
  }
  return cachedSalt
}
