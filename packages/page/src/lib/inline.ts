/**
 * A small, safe reading of CommonMark inline markup.
 *
 * Text fields of the catalog hold inline markup exactly as written in the
 * source, usually plain text. The page shows a safe subset of it: code spans,
 * strong and emphasis, and links whose target is https. Everything else,
 * raw HTML included, is text. The reader never fails: markup it does not
 * recognise stays as the characters that were written, and the HTML writer
 * escapes every character of text, so no input can produce markup.
 */

export type InlineNode =
  | {type: 'text'; value: string}
  | {type: 'code'; value: string}
  | {type: 'strong' | 'emphasis'; children: InlineNode[]}
  | {type: 'link'; url: string; children: InlineNode[]}
  /** A link whose target is not https: shown as its text only. */
  | {type: 'unsafe-link'; url: string; children: InlineNode[]}
  /** Raw HTML (a tag or a comment): shown as the characters written. */
  | {type: 'html'; value: string}

const asciiPunctuation = /^[!-/:-@[-`{-~]$/
const namedEntities: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0'}
const htmlTag = /^(?:<!--[\s\S]*?-->|<\/?[A-Za-z][A-Za-z0-9-]*(?:\s+[^<>]*)?\/?>)/
const autolink = /^<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>/
const entity = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]+));/

/** Parse inline markup into nodes. */
export function parseInline(markup: string): InlineNode[] {
  const nodes: InlineNode[] = []
  let text = ''
  const flush = (): void => {
    if (text !== '') nodes.push({type: 'text', value: text})
    text = ''
  }
  const push = (node: InlineNode): void => {
    flush()
    nodes.push(node)
  }

  let index = 0
  while (index < markup.length) {
    const char = markup.charAt(index)
    const rest = markup.slice(index)

    if (char === '\\' && asciiPunctuation.test(markup.charAt(index + 1))) {
      text += markup.charAt(index + 1)
      index += 2
      continue
    }
    if (char === '&') {
      const match = entity.exec(rest)
      const decoded = match ? decodeEntity(match) : undefined
      if (match && decoded !== undefined) {
        text += decoded
        index += match[0].length
        continue
      }
    }
    if (char === '`') {
      const span = readCodeSpan(markup, index)
      if (span) {
        push({type: 'code', value: span.value})
        index = span.end
        continue
      }
      // An unmatched run of backticks is text, all of it.
      const run = /^`+/.exec(rest)?.[0] ?? '`'
      text += run
      index += run.length
      continue
    }
    if (char === '<') {
      const link = autolink.exec(rest)
      if (link?.[1] !== undefined) {
        const url = link[1]
        push({type: isSafeUrl(url) ? 'link' : 'unsafe-link', url, children: [{type: 'text', value: url}]})
        index += link[0].length
        continue
      }
      const tag = htmlTag.exec(rest)
      if (tag) {
        push({type: 'html', value: tag[0]})
        index += tag[0].length
        continue
      }
    }
    if (char === '[') {
      const link = readLink(markup, index)
      if (link) {
        push({type: isSafeUrl(link.url) ? 'link' : 'unsafe-link', url: link.url, children: parseInline(link.text)})
        index = link.end
        continue
      }
    }
    if (char === '*' || char === '_') {
      const emphasis = readEmphasis(markup, index)
      if (emphasis) {
        push({type: emphasis.type, children: parseInline(emphasis.inner)})
        index = emphasis.end
        continue
      }
      // A run of delimiters that opens nothing is text, all of it.
      const run = char === '*' ? (/^\*+/.exec(rest)?.[0] ?? '*') : (/^_+/.exec(rest)?.[0] ?? '_')
      text += run
      index += run.length
      continue
    }
    text += char
    index++
  }
  flush()
  return nodes
}

/** Only absolute https links become links; the schema asks the same of every URL it holds. */
export function isSafeUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:' && /^https:\/\//i.test(url)
  } catch {
    return false
  }
}

const htmlEscapes: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;', '=': '&#61;'}

/** Escape text for HTML content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`=]/g, (char) => htmlEscapes[char] ?? char)
}

/** The safe HTML of inline markup: every character of text escaped. */
export function inlineToHtml(markup: string): string {
  return nodesToHtml(parseInline(markup))
}

function nodesToHtml(nodes: readonly InlineNode[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
        case 'html':
          return escapeHtml(node.value)
        case 'code':
          return `<code>${escapeHtml(node.value)}</code>`
        case 'strong':
          return `<strong>${nodesToHtml(node.children)}</strong>`
        case 'emphasis':
          return `<em>${nodesToHtml(node.children)}</em>`
        case 'link':
          return `<a href="${escapeHtml(node.url)}" rel="noopener noreferrer">${nodesToHtml(node.children)}</a>`
        case 'unsafe-link':
          return nodesToHtml(node.children)
      }
    })
    .join('')
}

/** The text a reader sees, without markup: for searching and for attributes. */
export function inlineToText(markup: string): string {
  return nodesToText(parseInline(markup))
}

function nodesToText(nodes: readonly InlineNode[]): string {
  return nodes.map((node) => ('children' in node ? nodesToText(node.children) : node.value)).join('')
}

/** Every node of a tree, depth first: for checks. */
export function* walkInline(nodes: readonly InlineNode[]): Generator<InlineNode> {
  for (const node of nodes) {
    yield node
    if ('children' in node) yield* walkInline(node.children)
  }
}

function decodeEntity(match: RegExpExecArray): string | undefined {
  const [, decimal, hex, name] = match
  if (name !== undefined) return namedEntities[name]
  const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? '', 16)
  // CommonMark turns invalid code points into U+FFFD rather than dropping them.
  return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : String.fromCodePoint(code)
}

function readCodeSpan(markup: string, start: number): {value: string; end: number} | undefined {
  const open = /^`+/.exec(markup.slice(start))?.[0] ?? ''
  let search = start + open.length
  for (;;) {
    const next = markup.indexOf('`', search)
    if (next === -1) return undefined
    const run = /^`+/.exec(markup.slice(next))?.[0] ?? ''
    if (run.length === open.length) {
      let value = markup.slice(start + open.length, next).replace(/\r?\n/g, ' ')
      if (value.length > 2 && value.startsWith(' ') && value.endsWith(' ') && value.trim() !== '') value = value.slice(1, -1)
      return {value, end: next + run.length}
    }
    search = next + run.length
  }
}

/** `[text](url "title")` or `[text](<url>)`; brackets inside the text must balance. */
function readLink(markup: string, start: number): {text: string; url: string; end: number} | undefined {
  let depth = 0
  let close = -1
  for (let index = start; index < markup.length; index++) {
    const char = markup.charAt(index)
    if (char === '\\') {
      index++
      continue
    }
    if (char === '[') depth++
    else if (char === ']' && --depth === 0) {
      close = index
      break
    }
  }
  if (close === -1 || markup.charAt(close + 1) !== '(') return undefined
  const target = readDestination(markup, close + 2)
  if (!target) return undefined
  return {text: markup.slice(start + 1, close), url: target.url, end: target.end}
}

/** The destination and optional title after `](`, up to the closing `)`; parentheses in a bare URL must balance. */
function readDestination(markup: string, start: number): {url: string; end: number} | undefined {
  let index = start
  const skipSpaces = (): void => {
    while (/[ \t\n]/.test(markup.charAt(index))) index++
  }
  skipSpaces()
  let url = ''
  if (markup.charAt(index) === '<') {
    const close = markup.indexOf('>', index)
    if (close === -1 || /[<\n]/.test(markup.slice(index + 1, close))) return undefined
    url = markup.slice(index + 1, close)
    index = close + 1
  } else {
    let depth = 0
    const begin = index
    for (; index < markup.length; index++) {
      const char = markup.charAt(index)
      if (char === '\\') index++
      else if (char === '(') depth++
      else if (char === ')') {
        if (depth === 0) break
        depth--
      } else if (/[\s<]/.test(char) || char.charCodeAt(0) < 0x20) break
    }
    if (depth !== 0) return undefined
    url = markup.slice(begin, index)
  }
  skipSpaces()
  const title = /^(?:"[^"]*"|'[^']*'|\([^()]*\))/.exec(markup.slice(index))
  // A title is separated from the destination by white space.
  if (title && /\s/.test(markup.charAt(index - 1))) {
    index += title[0].length
    skipSpaces()
  }
  if (markup.charAt(index) !== ')') return undefined
  return {url: url.replace(/\\([!-/:-@[-`{-~])/g, '$1'), end: index + 1}
}

/**
 * `**strong**`, `__strong__`, `*emphasis*` or `_emphasis_`: the opening run
 * is followed by a non-space, the closing run preceded by one, and an
 * underscore never opens or closes inside a word (`snake_case_name`).
 */
function readEmphasis(markup: string, start: number): {type: 'strong' | 'emphasis'; inner: string; end: number} | undefined {
  const char = markup.charAt(start)
  const isWordChar = (c: string): boolean => /[\p{L}\p{N}]/u.test(c)
  if (char === '_' && isWordChar(markup.charAt(start - 1))) return undefined
  for (const size of [2, 1]) {
    const delimiter = char.repeat(size)
    if (!markup.startsWith(delimiter, start)) continue
    const innerStart = start + size
    if (/^\s?$/.test(markup.charAt(innerStart)) || markup.charAt(innerStart) === char) continue
    let search = innerStart + 1
    for (;;) {
      const close = markup.indexOf(delimiter, search)
      if (close === -1) break
      const after = markup.charAt(close + size)
      const valid =
        !/\s/.test(markup.charAt(close - 1)) &&
        after !== char &&
        markup.charAt(close - 1) !== char &&
        !(char === '_' && isWordChar(after))
      if (valid) {
        return {type: size === 2 ? 'strong' : 'emphasis', inner: markup.slice(innerStart, close), end: close + size}
      }
      search = close + 1
    }
  }
  return undefined
}
