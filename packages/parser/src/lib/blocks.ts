import {htmlBlockNames, htmlRawNames} from 'micromark-util-html-tag-name'

/**
 * What a line is at the top level of a CommonMark document, as far as the
 * leaf blocks that run across blank lines go (fenced code and raw HTML), read
 * line by line without parsing.
 *
 * A hand-written reader of lines, on purpose: the splitter and the limits must
 * know where such a block is open *before* micromark runs, since micromark's
 * cost is what they bound. It follows the CommonMark rules for top-level
 * fences and HTML blocks that start at most one column in (no container can
 * hold such a line: a list item's content is indented at least two columns,
 * a quote's line starts with `>`). Where a line alone cannot tell (a fence or
 * HTML start that is indented or inside a list or quote, which ends with its
 * container or runs on; an HTML tag line, which starts a block only where no
 * paragraph is open) it says the document is *uncertain* from that line on,
 * rather than guess. The catalog holds no such lines.
 */
export type LineKind =
  /** Inside a top-level fence or HTML block (the line that closes it included): not markdown of its own. */
  | 'inside'
  /** Opens a top-level fence or HTML block. */
  | 'opener'
  | 'blank'
  /** Any other line: markdown the parser reads. */
  | 'markdown'

type Open = {kind: 'fence'; char: string; length: number} | {kind: 'html'; end: RegExp} | {kind: 'html-until-blank'}

const rawNames = new Set(htmlRawNames)
const blockNames = new Set(htmlBlockNames)
const rawEnd = new RegExp(`</(?:${htmlRawNames.join('|')})>`, 'i')
const fenceStart = /^(`{3,}|~{3,})(.*)$/
const htmlStart = /^<(!--|\?|![A-Za-z]|!\[CDATA\[|\/?[A-Za-z][A-Za-z0-9-]*)/

/** A line that is one whole open or closing tag and white space: CommonMark's HTML block start 7. */
const completeTagLine =
  /^(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)\s*$/

/** A line without the list markers, quote markers and indentation in front of its content. */
function withoutContainers(rest: string): string {
  let remaining = rest
  for (;;) {
    const marker = /^(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))?[ \t]*/.exec(remaining)
    if (!marker || marker[0] === '') return remaining
    remaining = remaining.slice(marker[0].length)
  }
}

/** Columns of leading white space (tabs to the next multiple of 4), and the rest of the line. */
export function indentation(line: string): {columns: number; rest: string} {
  let columns = 0
  let index = 0
  for (; index < line.length; index++) {
    const char = line.charCodeAt(index)
    if (char === 32) columns++
    else if (char === 9) columns += 4 - (columns % 4)
    else break
  }
  return {columns, rest: line.slice(index)}
}

export class TopLevelBlocks {
  private open: Open | undefined
  /** The first line (1-based) from which the top level cannot be told line by line, and why. */
  uncertain: {line: number; reason: string} | undefined

  /** Whether a top-level fence or HTML block is open after the lines read so far. */
  get isOpen(): boolean {
    return this.open !== undefined
  }

  /** Read the next line (without its line ending); `line` is its 1-based number, for `uncertain`. */
  next(text: string, line: number): LineKind {
    const {columns, rest} = indentation(text)
    const blank = rest.trim() === ''
    const open = this.open
    if (open?.kind === 'fence') {
      const close = columns <= 3 ? fenceStart.exec(rest) : null
      if (close?.[1] && close[1][0] === open.char && close[1].length >= open.length && (close[2] ?? '').trim() === '') this.open = undefined
      return 'inside'
    }
    if (open?.kind === 'html') {
      if (open.end.test(text)) this.open = undefined
      return 'inside'
    }
    if (open?.kind === 'html-until-blank') {
      if (!blank) return 'inside'
      this.open = undefined
      return 'blank'
    }
    if (blank) return 'blank'
    const starts = columns <= 1 ? this.startOf(rest) : undefined
    if (starts?.open) {
      // A block whose end marker is on its first line is already closed.
      if (starts.open.kind === 'html' && (starts.open.end.test(starts.after) || (starts.name === 'HTML comment' && /^-?>/.test(starts.after)))) return 'opener'
      this.open = starts.open
      return 'opener'
    }
    if (starts) {
      this.uncertain ??= {line, reason: `the HTML at line ${line} starts a block only where no paragraph is open`}
      return 'markdown'
    }
    // Indented, or inside a list or a quote: such a block may end where the container ends, or run on.
    const nested = this.startOf(withoutContainers(rest))
    if (nested)
      this.uncertain ??= {line, reason: `the ${nested.name} at line ${line} is indented or inside a list or quote, so it may end with its container or run on`}
    return 'markdown'
  }

  /** The top-level block a line would open, with a name for messages; `open` undefined when the line alone cannot tell. */
  private startOf(rest: string): {name: string; open: Open | undefined; after: string} | undefined {
    const fence = fenceStart.exec(rest)
    if (fence?.[1]) {
      const char = fence[1][0] ?? '`'
      // A backtick fence's info string may not hold a backtick: then the line is a paragraph.
      if (char === '`' && (fence[2] ?? '').includes('`')) return undefined
      return {name: 'fence', open: {kind: 'fence', char, length: fence[1].length}, after: ''}
    }
    const html = htmlStart.exec(rest)
    if (!html?.[1]) return undefined
    const start = html[1]
    const after = rest.slice(html[0].length)
    // `<!-->` and `<!--->` are whole comments (CommonMark 0.31).
    if (start === '!--') return {name: 'HTML comment', open: {kind: 'html', end: /-->/}, after}
    if (start === '?') return {name: 'HTML', open: {kind: 'html', end: /\?>/}, after}
    if (start === '![CDATA[') return {name: 'HTML', open: {kind: 'html', end: /\]\]>/}, after}
    if (start.startsWith('!')) return {name: 'HTML', open: {kind: 'html', end: />/}, after}
    const closing = start.startsWith('/')
    const name = (closing ? start.slice(1) : start).toLowerCase()
    if (!closing && rawNames.has(name) && /^(?:[ \t>]|$)/.test(after)) return {name: 'HTML', open: {kind: 'html', end: rawEnd}, after}
    if (blockNames.has(name) && /^(?:[ \t]|\/?>|$)/.test(after)) return {name: 'HTML', open: {kind: 'html-until-blank'}, after}
    // Any other tag starts a block only when it stands alone on its line, and no paragraph is open, which a reader of lines cannot know.
    return completeTagLine.test(rest) ? {name: 'HTML', open: undefined, after} : undefined
  }
}
