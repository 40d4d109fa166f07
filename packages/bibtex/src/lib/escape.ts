import {mathLatexFor, textLatexFor} from './latex-characters.js'

/**
 * Fields whose value is a URL, DOI or path rather than LaTeX (biblatex's
 * verbatim fields): styles print them through `\url`/`\doi`, which read `_`,
 * `%`, `#`, `&` and `~` as themselves, so a backslash would be printed too.
 */
export const verbatimFields: ReadonlySet<string> = new Set(['doi', 'eprint', 'file', 'pdf', 'url', 'urlraw', 'verba', 'verbb', 'verbc'])

/** Commands whose first argument is a URL or path, kept as written for the same reason. */
const verbatimArgumentCommands: ReadonlySet<string> = new Set(['url', 'href', 'path', 'nolinkurl', 'doi'])

/** Characters LaTeX reads as syntax in text; each gets a backslash when it has none. */
const textSpecials: ReadonlySet<string> = new Set(['&', '%', '#', '_'])

type Token = {kind: 'command'; text: string} | {kind: 'verbatim'; text: string} | {kind: 'char'; text: string}

/**
 * Escape a field value for a .bib file. The value is LaTeX already (as the
 * source holds it), so what is LaTeX stays: commands (`\&`, `\"u`, `\url{}`),
 * groups, ties, `--` and math between pairs of `$`. What LaTeX would choke on
 * is fixed:
 *
 * - `&`, `%`, `#`, `_` without a backslash get one (`_` is left alone in math);
 * - a `$` without a partner (an odd one out, the last) becomes `\$`;
 * - `^` outside math becomes `{\textasciicircum}`;
 * - non-ASCII characters become LaTeX (`ü` is `{\"{u}}`, `–` is `--`, `α` is
 *   `{$\alpha$}`); one without a LaTeX command stays UTF-8;
 * - runs of white space become one space and the ends are trimmed, as BibTeX
 *   itself reads a value.
 *
 * Escaping its own output changes nothing, which makes the renderer idempotent.
 */
export function escapeLatexValue(value: string): string {
  const tokens = tokenize(value)
  const dollars = tokens.filter((token) => token.kind === 'char' && token.text === '$')
  const unpaired = dollars.length % 2 === 1 ? dollars[dollars.length - 1] : undefined
  let math = false
  let out = ''
  tokens.forEach((token, index) => {
    if (token.kind !== 'char') {
      out += token.text
      return
    }
    const char = token.text
    if (char === '$') {
      if (token === unpaired) out += '\\$'
      else {
        math = !math
        out += '$'
      }
    } else if (textSpecials.has(char) && !(math && char === '_')) out += `\\${char}`
    else if (char === '^' && !math) out += '{\\textasciicircum}'
    else if (char.charCodeAt(0) > 0x7f) {
      const command = math ? mathLatexFor(char) : textLatexFor(char)
      if (command === undefined) out += char
      else if (math && /^\\[A-Za-z]+$/.test(command)) {
        // `\alpha` followed by a letter would read as one longer command.
        const next = tokens[index + 1]
        out += next?.kind === 'char' && /^[A-Za-z]$/.test(next.text) ? `${command} ` : command
      } else out += command
    } else out += char
  })
  return normalizeSpace(out)
}

/** Runs of white space (line breaks included) become one space, as BibTeX reads them. */
export function normalizeSpace(value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}

/** The non-ASCII characters that stay UTF-8 in an escaped value (no LaTeX command for them). */
export function unmappedCharacters(value: string, field: string): string[] {
  if (verbatimFields.has(field)) return []
  const written = escapeLatexValue(value)
  return [...new Set(Array.from(written).filter((char) => char.charCodeAt(0) > 0x7f))]
}

/**
 * A URL the renderer adds to an entry (the dataset's access URL): written as
 * is, since `url` is a verbatim field, except that what would break the .bib
 * file or `\url` is percent-encoded: braces, backslashes, white space and
 * non-ASCII characters.
 */
export function escapeUrl(url: string): string {
  let out = ''
  for (const char of url.trim()) {
    if (/[{}\\\s]/.test(char) || char.charCodeAt(0) > 0x7f) {
      for (const byte of new TextEncoder().encode(char)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
    } else out += char
  }
  return out
}

/**
 * Text for a `%` comment line: one line, and no `@`, which would make BibTeX
 * start reading an entry. Everything else is ignored by BibTeX and read as
 * UTF-8 by biber, so names keep their spelling.
 */
export function commentText(text: string): string {
  return normalizeSpace(text.replace(/@/g, '(at)'))
}

/** Split a value into commands, verbatim URL arguments and single characters (code points). */
function tokenize(value: string): Token[] {
  const tokens: Token[] = []
  const chars = Array.from(value)
  let index = 0
  while (index < chars.length) {
    const char = chars[index] ?? ''
    if (char !== '\\') {
      tokens.push({kind: 'char', text: char})
      index++
      continue
    }
    let end = index + 1
    while (end < chars.length && /^[A-Za-z]$/.test(chars[end] ?? '')) end++
    // A control word (`\alpha`) or a control symbol (`\&`, `\"`); a lone final backslash stays alone.
    if (end === index + 1 && end < chars.length) end++
    const name = chars.slice(index + 1, end).join('')
    tokens.push({kind: 'command', text: chars.slice(index, end).join('')})
    index = end
    if (verbatimArgumentCommands.has(name)) {
      let start = index
      while (start < chars.length && /^\s$/.test(chars[start] ?? '')) start++
      const close = chars[start] === '{' ? closingBrace(chars, start) : -1
      if (close !== -1) {
        tokens.push({kind: 'verbatim', text: chars.slice(index, close + 1).join('')})
        index = close + 1
      }
    }
  }
  return tokens
}

/** The index of the brace that closes the group opened at `open`, or -1. */
function closingBrace(chars: readonly string[], open: number): number {
  let depth = 0
  for (let index = open; index < chars.length; index++) {
    if (chars[index] === '{') depth++
    else if (chars[index] === '}' && --depth === 0) return index
  }
  return -1
}
