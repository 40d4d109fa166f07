import type {PhrasingContent} from 'mdast'
import {toString as plainText} from 'mdast-util-to-string'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

/**
 * A safe reading of CommonMark inline markup.
 *
 * Text fields of the catalog hold inline markup exactly as written in the
 * source, usually plain text. The page shows a safe subset of it: code spans,
 * strong and emphasis, and links whose target is https. Everything else,
 * raw HTML included, is text: remark reads the markup, and the HTML writer
 * escapes every character of text, so no input can produce markup of its own.
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

const processor = unified().use(remarkParse).use(remarkGfm)

/**
 * Text that holds none of the characters inline markup is made of reads as
 * itself, so it need not meet the parser: no `\\`, backtick, `*`, `_`,
 * brackets, `!`, `<`, `>`, `&`, `~` (GFM strikethrough) or line ending, no
 * `@`, `://` or `www.` (GFM autolinks), no white space at the end (a
 * paragraph drops it). Most catalog texts are such plain text; a property
 * test checks that this shortcut agrees with the parser.
 */
const markupCharacters = /[\\`*_[\]!<>&~@\r\n]|:\/\/|www\.|\s$/i

/**
 * A bare https or http URL, as access entries hold: GFM reads it as a link to
 * itself. Only a URL whose end GFM cannot trim (a letter, digit or `/`) and
 * whose host is plain labels (letters, digits, inner hyphens) with a dot;
 * anything else goes to the parser. A property test holds this shortcut to
 * the parser's result too.
 */
const bareUrl = /^https?:\/\/(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\/(?:[A-Za-z0-9._~/-]*[A-Za-z0-9/])?)?$/

/** Parses already made in this process, by markup: the page and its checks read the same texts. */
const parsed = new Map<string, readonly InlineNode[]>()
const parsedLimit = 100_000

/**
 * Parse inline markup into nodes, with remark (the parser that read the
 * source). The nodes are shared between callers: read them, never change them.
 */
export function parseInline(markup: string): readonly InlineNode[] {
  if (markup === '') return []
  if (!markupCharacters.test(markup)) return [{type: 'text', value: markup}]
  if (bareUrl.test(markup)) return [{type: isSafeUrl(markup) ? 'link' : 'unsafe-link', url: markup, children: [{type: 'text', value: markup}]}]
  let nodes = parsed.get(markup)
  if (!nodes) {
    if (parsed.size >= parsedLimit) parsed.clear()
    nodes = parseInlineWithRemark(markup)
    parsed.set(markup, nodes)
  }
  return nodes
}

/**
 * The parse itself. The fragment came from inside a paragraph, so it is read
 * as one: a no-break space in front keeps `# x`, `- x` or `<script>` from
 * opening a block (it is no indentation, and it is white space for emphasis,
 * like the start of a line), and is taken off again. What still does not read
 * as one paragraph is shown as the text it is.
 */
export function parseInlineWithRemark(markup: string): InlineNode[] {
  if (markup === '') return []
  const [only, ...more] = processor.parse(`\u00A0${markup}`).children
  const first = only?.type === 'paragraph' ? only.children[0] : undefined
  if (only?.type !== 'paragraph' || more.length > 0 || first?.type !== 'text' || !first.value.startsWith('\u00A0')) {
    return [{type: 'text', value: markup}]
  }
  first.value = first.value.slice(1)
  return only.children.flatMap(fromMdast).filter((node) => node.type !== 'text' || node.value !== '')
}

function fromMdast(node: PhrasingContent): InlineNode[] {
  switch (node.type) {
    case 'text':
      return [{type: 'text', value: node.value}]
    case 'inlineCode':
      return [{type: 'code', value: node.value}]
    case 'strong':
    case 'emphasis':
      return [{type: node.type, children: node.children.flatMap(fromMdast)}]
    case 'link':
      return [{type: isSafeUrl(node.url) ? 'link' : 'unsafe-link', url: node.url, children: node.children.flatMap(fromMdast)}]
    case 'html':
      return [{type: 'html', value: node.value}]
    case 'break':
      return [{type: 'text', value: '\n'}]
    case 'delete':
      return node.children.flatMap(fromMdast)
    case 'image':
      return [{type: 'text', value: node.alt ?? ''}]
    default:
      return [{type: 'text', value: plainText(node)}]
  }
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

/**
 * The safe HTML of inline markup: every character of text escaped. Inside a
 * link of the page's own (`inLink`), links are written as their text, since
 * HTML does not nest anchors.
 */
export function inlineToHtml(markup: string, options: {inLink?: boolean} = {}): string {
  return nodesToHtml(parseInline(markup), options.inLink ?? false)
}

function nodesToHtml(nodes: readonly InlineNode[], inLink: boolean): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
        case 'html':
          return escapeHtml(node.value)
        case 'code':
          return `<code>${escapeHtml(node.value)}</code>`
        case 'strong':
          return `<strong>${nodesToHtml(node.children, inLink)}</strong>`
        case 'emphasis':
          return `<em>${nodesToHtml(node.children, inLink)}</em>`
        case 'link':
          return inLink
            ? nodesToHtml(node.children, true)
            : `<a href="${escapeHtml(node.url)}" rel="noopener noreferrer">${nodesToHtml(node.children, true)}</a>`
        case 'unsafe-link':
          return nodesToHtml(node.children, inLink)
        default:
          return unreachable(node)
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

/** A node of a type the switch above does not know: the compiler proves there is none. */
function unreachable(node: never): string {
  throw new TypeError(`unknown inline node ${JSON.stringify(node)}`)
}
