/**
 * Case protection: the words of a title whose case no style may change.
 *
 * Styles recase titles: plain.bst lowercases all but the first letter
 * (`change.case$` with "t"), biblatex styles and CSL processors apply
 * sentence or title case. A word in braces is left alone, so acronyms and
 * words in mixed case (`CheXpert`, `ISIC`, `MIMIC-CXR`, `3D`, the capital X
 * of `X-ray`) are braced in the .bib outputs, and marked
 * `<span class="nocase">` in the CSL-JSON (see `noCaseChangeGroups`).
 *
 * This reads a value the way BibTeX's `change.case$` does, by brace depth:
 * a group whose first character is a backslash is a "special character",
 * which `change.case$` recases like a letter (`{\"{U}}`), and any other group
 * is protected. That reading is written by hand because no LaTeX parser
 * models it (to a LaTeX parser `{\"{U}}` and `{ISIC}` are both plain groups),
 * and @retorquere/bibtex-parser, which reads the citation blocks, returns
 * values as text; the values were read by it already (see the parser).
 */

/**
 * The fields styles recase: titles of every kind. Names, journals,
 * publishers and notes are printed as written.
 */
export const caseProtectedFields: ReadonlySet<string> = new Set([
  'title',
  'subtitle',
  'titleaddon',
  'booktitle',
  'booksubtitle',
  'booktitleaddon',
  'maintitle',
  'mainsubtitle',
  'maintitleaddon',
  'eventtitle',
  'issuetitle',
  'issuesubtitle',
  'origtitle',
  'shorttitle'
])

type LetterCase = 'upper' | 'lower' | 'none'

/**
 * One piece of a value at brace depth 0:
 * - `char`: one character, with its case;
 * - `special`: a BibTeX special character (`{\"{U}}`, `{\aa}`, `{\ldots}`) or a symbol (`\&`), with its case;
 * - `math-group`: `{$...$}`, the renderer's form of a math-only character (`{$\mu$}`);
 * - `group`: a protected group (`{ISIC}`, `{UK Biobank}`);
 * - `opaque`: a command with its arguments, or math (`\emph{...}`, `$x_1$`): a word holding one is left alone.
 */
type Piece =
  | {kind: 'char'; text: string; case: LetterCase}
  | {kind: 'special'; text: string; case: LetterCase}
  | {kind: 'math-group' | 'group' | 'opaque'; text: string}

/** Characters that join a word's parts when letters stand on both sides: `X-ray`, `O'Brien`, `U.S`. */
const joiners = new Set(['-', "'", '\u2019', '.'])
/** Control symbols that print a character (`\&`): parts of a word, without case. */
const symbolCommands = new Set(['&', '%', '#', '_', '$'])
/** Special characters named by a command alone (`{\AA}`, `{\o}`): their case is the command's. */
const upperCommands = new Set(['AA', 'AE', 'OE', 'O', 'L', 'SS'])
const lowerCommands = new Set(['aa', 'ae', 'oe', 'o', 'l', 'ss', 'i', 'j'])

/**
 * Brace each word that a style must not recase, unless the value protects
 * it already: a word with an uppercase letter after its first character
 * (`ISIC`, `CheXpert`, `3D`, `MIMIC-CXR`), or with a part that is one
 * capital letter, alone or before digits (`X-ray`, `T1`, `U-Net`). A word
 * holding braces of its own, a command or math is left as written, and so
 * is a word capitalised as titles capitalise (`Chest`, `Weakly-Supervised`).
 *
 * The value is LaTeX as the renderer writes it (escaped); protecting the
 * output again changes nothing.
 */
export function protectCase(value: string): string {
  const pieces = piecesOf(value)
  let out = ''
  let index = 0
  while (index < pieces.length) {
    const end = wordEnd(pieces, index)
    if (end === index) {
      out += pieces[index]?.text ?? ''
      index++
      continue
    }
    const word = pieces.slice(index, end)
    const text = word.map((piece) => piece.text).join('')
    out += needsProtection(word) ? `{${text}}` : text
    index = end
  }
  return out
}

/**
 * The value with each protected group written `\NoCaseChange{...}` (LaTeX's
 * command for text that case changes leave alone), for citation-js to turn
 * into CSL's `<span class="nocase">`; special characters and math stay.
 */
export function noCaseChangeGroups(value: string): string {
  return piecesOf(value)
    .map((piece) => (piece.kind === 'group' ? `\\NoCaseChange${piece.text}` : piece.text))
    .join('')
}

/** Whether a piece can be part of a word. */
function inWord(piece: Piece): boolean {
  if (piece.kind !== 'char') return true
  return /[\p{L}\p{N}]/u.test(piece.text)
}

/** Where the word starting at `start` ends (exclusive); `start` when no word starts there. */
function wordEnd(pieces: readonly Piece[], start: number): number {
  let index = start
  while (index < pieces.length) {
    const piece = pieces[index]
    if (piece && inWord(piece)) index++
    else if (piece?.kind === 'char' && joiners.has(piece.text) && index > start) {
      const next = pieces[index + 1]
      if (next && inWord(next)) index++
      else break
    } else break
  }
  return index
}

function needsProtection(word: readonly Piece[]): boolean {
  if (word.some((piece) => piece.kind === 'group' || piece.kind === 'opaque')) return false
  const parts: Piece[][] = [[]]
  for (const piece of word) {
    if (piece.kind === 'char' && piece.text === '-') parts.push([])
    else parts[parts.length - 1]?.push(piece)
  }
  const caseOf = (piece: Piece | undefined): LetterCase => (piece && (piece.kind === 'char' || piece.kind === 'special') ? piece.case : 'none')
  return parts.some((part) => {
    if (part.some((piece, at) => at > 0 && caseOf(piece) === 'upper')) return true
    // One capital letter, alone in a compound (`X-ray`) or before digits (`T1`).
    const [first, ...rest] = part
    return caseOf(first) === 'upper' && rest.every((piece) => piece.kind === 'char' && /\p{N}/u.test(piece.text)) && (rest.length > 0 || parts.length > 1)
  })
}

function charCase(char: string): LetterCase {
  if (/\p{Lu}/u.test(char)) return 'upper'
  if (/\p{Ll}/u.test(char)) return 'lower'
  return 'none'
}

function specialCase(group: string): LetterCase {
  const inner = group.slice(1, -1)
  const names = [...inner.matchAll(/\\([A-Za-z]+)/g)].map((match) => match[1] ?? '')
  const letters = inner.replace(/\\[A-Za-z]+|\\[^A-Za-z]/g, '')
  if (/\p{Lu}/u.test(letters) || names.some((name) => upperCommands.has(name))) return 'upper'
  if (/\p{Ll}/u.test(letters) || names.some((name) => lowerCommands.has(name))) return 'lower'
  return 'none'
}

/** Split a value into its pieces at brace depth 0. */
function piecesOf(value: string): Piece[] {
  const chars = Array.from(value)
  const pieces: Piece[] = []
  let index = 0
  while (index < chars.length) {
    const char = chars[index] ?? ''
    if (char === '{') {
      const end = groupEnd(chars, index)
      const text = chars.slice(index, end).join('')
      const first = chars[index + 1]
      if (first === '\\') pieces.push({kind: 'special', text, case: specialCase(text)})
      else pieces.push({kind: first === '$' ? 'math-group' : 'group', text})
      index = end
    } else if (char === '\\') {
      const end = commandEnd(chars, index)
      const text = chars.slice(index, end).join('')
      const symbol = chars[index + 1] ?? ''
      if (end === index + 2 && symbolCommands.has(symbol)) pieces.push({kind: 'special', text, case: 'none'})
      else pieces.push({kind: 'opaque', text})
      index = end
    } else if (char === '$') {
      let end = index + 1
      while (end < chars.length && chars[end] !== '$') end += chars[end] === '\\' ? 2 : 1
      end = Math.min(end + 1, chars.length)
      pieces.push({kind: 'opaque', text: chars.slice(index, end).join('')})
      index = end
    } else {
      pieces.push({kind: 'char', text: char, case: charCase(char)})
      index++
    }
  }
  return pieces
}

/** The index after the group opened at `open` (the end of the value when it is never closed). */
function groupEnd(chars: readonly string[], open: number): number {
  let depth = 0
  for (let index = open; index < chars.length; index++) {
    if (chars[index] === '{') depth++
    else if (chars[index] === '}' && --depth === 0) return index + 1
  }
  return chars.length
}

/** The index after a command and its arguments: `\emph{...}`, `\"u`, `\url{...}`, `\&`. */
function commandEnd(chars: readonly string[], start: number): number {
  let end = start + 1
  while (end < chars.length && /^[A-Za-z]$/.test(chars[end] ?? '')) end++
  const word = end > start + 1
  if (!word && end < chars.length) end++
  const symbol = chars[start + 1] ?? ''
  if (!word && symbolCommands.has(symbol)) return end
  // An accent without braces takes the next character (`\"u`); every command takes the groups that follow it.
  if (!word && /^["'^`~=.]$/.test(symbol) && /^[A-Za-z]$/.test(chars[end] ?? '')) return end + 1
  while (chars[end] === '{') end = groupEnd(chars, end)
  return end
}
