import {findNodeAtLocation, type Node, type ParseError, parseTree, printParseErrorCode} from 'jsonc-parser'

/** A place in a JSON file, 1-based like the markdown's diagnostics. */
export interface JsonPlace {
  line: number
  column: number
}

/**
 * How deep arrays and objects may nest in a JSON input. A catalog needs about
 * a dozen levels, a vocabulary or a lock fewer; the parser that names every
 * node's place recurses once per level, so a file nested thousands deep would
 * exhaust the stack. Checked by a scan of the text before any parsing.
 */
export const maxJsonDepth = 64

/** A JSON input file, read: its value, and where each part of it stands. */
export interface JsonDocument {
  value: unknown
  /** Where the value at a JSON pointer (`/labels/3/key`) starts: the nearest part of it that exists, else the file's start. */
  placeOf: (pointer: string) => JsonPlace
}

/**
 * Reads the JSON files the CLI takes in (the vocabulary, the translation lock,
 * a catalog to render), strict JSON only, so that every problem in them can be
 * named at its line and column: `jsonc-parser` gives the syntax errors and the
 * offsets of every node. The value itself comes from `JSON.parse`, whose
 * semantics (a repeated key keeps its last value, `__proto__` is a plain key)
 * every consumer of these files shares. A byte order mark, which editors may
 * save and JSON has no use for, is skipped. Arrays and objects nested deeper
 * than `maxJsonDepth` are refused before parsing, at the bracket that passes it.
 */
export function readJson(text: string): {document: JsonDocument} | {error: {message: string} & JsonPlace} {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const tooDeep = depthExceededAt(body, maxJsonDepth)
  const errors: ParseError[] = []
  const root = tooDeep === undefined ? parseTree(body, errors, {disallowComments: true, allowTrailingComma: false, allowEmptyContent: false}) : undefined
  const lineStarts = [0]
  for (let index = body.indexOf('\n'); index !== -1; index = body.indexOf('\n', index + 1)) lineStarts.push(index + 1)
  const placeAt = (at: number): JsonPlace => {
    let low = 0
    let high = lineStarts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((lineStarts[middle] ?? 0) <= at) low = middle
      else high = middle - 1
    }
    // Columns count code points, as the markdown's do: a label in Devanagari is no wider than it looks.
    return {line: low + 1, column: [...body.slice(lineStarts[low] ?? 0, at)].length + 1}
  }
  if (tooDeep !== undefined) {
    return {error: {message: `it nests arrays and objects more than ${maxJsonDepth} levels deep (a catalog file needs about a dozen)`, ...placeAt(tooDeep)}}
  }
  const first = errors[0]
  if (first || !root) {
    const at = first?.offset ?? body.length
    return {error: {message: `it is not JSON: ${describeError(first)}`, ...placeAt(at)}}
  }
  let value: unknown
  try {
    value = JSON.parse(body)
  } catch (error) {
    // jsonc-parser is the more lenient of the two (a lone surrogate escape, say): what it let pass is named here.
    return {error: {message: `it is not JSON: ${(error as Error).message}`, ...placeAt(0)}}
  }
  return {
    document: {
      value,
      placeOf: (pointer) => {
        const segments = pointer
          .split('/')
          .slice(1)
          .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
        // The deepest node the pointer reaches: a missing property is named at the object that lacks it.
        for (let depth = segments.length; depth >= 0; depth--) {
          const node = findNodeAtLocation(
            root,
            segments.slice(0, depth).map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment))
          )
          if (node) return placeAt(nodeStart(node))
        }
        return placeAt(0)
      }
    }
  }
}

/**
 * The offset of the first `[` or `{` that opens a level deeper than `limit`,
 * outside strings; undefined when none does. The text need not be JSON: what
 * else is wrong with it is the parser's to say.
 */
function depthExceededAt(text: string, limit: number): number | undefined {
  let depth = 0
  let inString = false
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (inString) {
      if (code === 0x5c)
        index++ // `\`: the escaped character cannot end the string
      else if (code === 0x22) inString = false
    } else if (code === 0x22) inString = true
    else if (code === 0x5b || code === 0x7b) {
      depth++
      if (depth > limit) return index
    } else if ((code === 0x5d || code === 0x7d) && depth > 0) depth--
  }
  return undefined
}

/** A property's value is named where its key is, which is where an editor's eye goes. */
function nodeStart(node: Node): number {
  return node.parent?.type === 'property' ? node.parent.offset : node.offset
}

function describeError(error: ParseError | undefined): string {
  if (!error) return 'the file is empty'
  const words: Record<string, string> = {
    InvalidSymbol: 'a character that JSON does not allow here',
    InvalidNumberFormat: 'a number JSON cannot read',
    PropertyNameExpected: 'a property name (in double quotes) was expected',
    ValueExpected: 'a value was expected',
    ColonExpected: 'a colon was expected',
    CommaExpected: 'a comma was expected',
    CloseBraceExpected: 'a closing `}` was expected',
    CloseBracketExpected: 'a closing `]` was expected',
    EndOfFileExpected: 'the file should end here',
    InvalidCommentToken: 'JSON has no comments',
    UnexpectedEndOfComment: 'JSON has no comments',
    UnexpectedEndOfString: 'a string is not closed',
    UnexpectedEndOfNumber: 'a number is cut short',
    InvalidUnicode: 'an invalid \\u escape',
    InvalidEscapeCharacter: 'an invalid escape in a string',
    InvalidCharacter: 'a control character inside a string'
  }
  const code = printParseErrorCode(error.error)
  return words[code] ?? code
}
