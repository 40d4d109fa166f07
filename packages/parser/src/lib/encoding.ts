import iconv from 'iconv-lite'

/**
 * Single-byte encodings that UTF-8 text is commonly mis-decoded as, in the
 * order they are tried. `macintosh` is Mac Roman.
 */
export const mojibakeEncodings = ['macintosh', 'windows-1252', 'latin1'] as const
export type MojibakeEncoding = (typeof mojibakeEncodings)[number]

const encodingNames: Record<MojibakeEncoding, string> = {
  macintosh: 'Mac Roman',
  'windows-1252': 'Windows-1252',
  latin1: 'Latin-1'
}

/** A place in a text, 1-based like unist points. */
export interface TextPoint {
  line: number
  column: number
}

/**
 * Characters that other decoders produce for a byte, besides iconv-lite's:
 * Mac Roman has two revisions (0xDB is `¤` before 1998 and `€` after) and
 * Apple's own table (used by Python and macOS) gives 0xF0 as the Apple logo,
 * U+F8FF, where iconv-lite has no character.
 */
const variants: Partial<Record<MojibakeEncoding, Record<string, number>>> = {
  macintosh: {'\u20AC': 0xdb, '\uF8FF': 0xf0}
}

/**
 * Reverse tables (character -> byte) for each encoding, built from iconv-lite's
 * decoding tables. iconv-lite's own encoder turns unmappable characters into
 * `?` silently; a table lets us tell "not representable" apart. Windows-1252
 * leaves five bytes undefined, which decoders (Python, browsers) pass through
 * as the C1 control of the same value, so those map back to themselves.
 */
const reverseTables = new Map<MojibakeEncoding, Map<string, number>>()

function reverseTable(encoding: MojibakeEncoding): Map<string, number> {
  let table = reverseTables.get(encoding)
  if (!table) {
    table = new Map()
    for (let byte = 0; byte < 256; byte++) {
      let char = iconv.decode(Buffer.from([byte]), encoding)
      if (char === '\uFFFD' && encoding === 'windows-1252') char = String.fromCharCode(byte)
      if (char !== '\uFFFD' && !table.has(char)) table.set(char, byte)
    }
    for (const [char, byte] of Object.entries(variants[encoding] ?? {})) table.set(char, byte)
    reverseTables.set(encoding, table)
  }
  return table
}

/** Encode `text` back to the bytes it was decoded from, or report the first character that cannot be. */
function reencode(text: string, encoding: MojibakeEncoding): {bytes: Buffer} | {offset: number} {
  const table = reverseTable(encoding)
  const bytes = Buffer.alloc(text.length)
  for (let index = 0; index < text.length; index++) {
    const byte = table.get(text.charAt(index))
    if (byte === undefined) return {offset: index}
    bytes[index] = byte
  }
  return {bytes}
}

const strictUtf8 = new TextDecoder('utf-8', {fatal: true})

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes)
  } catch {
    return undefined
  }
}

export function pointAt(text: string, offset: number): TextPoint {
  let line = 1
  let lineStart = 0
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++
    lineStart = index + 1
  }
  // Columns count code points, as editors do.
  return {line, column: Array.from(text.slice(lineStart, offset)).length + 1}
}

/** Runs of non-ASCII characters: mojibake always comes as such a run. */
const nonAsciiRun = /[^\p{ASCII}]+/gu

export interface MojibakeFinding {
  encoding: MojibakeEncoding
  encodingName: string
  /** Where the first damaged run starts. */
  point: TextPoint
  /** The damaged run and what it should read. */
  damaged: string
  repaired: string
}

/**
 * Find the first run of characters that is UTF-8 decoded as a single-byte
 * encoding: re-encoded, it forms valid UTF-8 with at least one multi-byte
 * character. A lone "é" does not qualify (its byte is no valid UTF-8), so
 * correct accented text is not flagged. One short run can read as more than
 * one encoding ("Ã©" is valid UTF-8 behind Mac Roman too), so the encoding
 * under which the whole text turns back into UTF-8 is preferred.
 */
export function detectMojibake(text: string): MojibakeFinding | undefined {
  // Whether the whole text turns back into UTF-8 is asked only once a run could be damaged:
  // re-encoding a whole clean catalog costs more than scanning its runs.
  let whole: MojibakeEncoding | undefined | null = null
  // A catalog repeats a few dozen runs ("ç", "ão", "⭐⭐⭐") thousands of times; each is judged once.
  const judged = new Set<string>()
  for (const match of text.matchAll(nonAsciiRun)) {
    if (judged.has(match[0])) continue
    judged.add(match[0])
    for (const encoding of mojibakeEncodings) {
      // Cheap filter first: damaged UTF-8 starts with a lead byte (0xC2-0xF4).
      const lead = reverseTable(encoding).get(match[0].charAt(0))
      if (lead === undefined || lead < 0xc2 || lead > 0xf4) continue
      const repaired = reverseWhole(match[0], encoding)
      if (repaired === undefined) continue
      if (whole === null) whole = mojibakeEncodings.find((candidate) => reverseWhole(text, candidate) !== undefined)
      if (whole !== undefined && encoding !== whole) continue
      // When the text as a whole does not turn back into UTF-8, a lone run is weak evidence: accept
      // it only if it repairs to Western accents or punctuation, as damaged Western text does
      // ("Êàà" is proper Portuguese-looking text that also reads as the bytes of "戈").
      if (whole !== undefined || westernText.test(repaired)) {
        return {
          encoding,
          encodingName: encodingNames[encoding],
          point: pointAt(text, match.index),
          damaged: match[0],
          repaired
        }
      }
    }
  }
  return undefined
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the whole range from U+0000 is meant: controls are judged elsewhere, not here
const westernText = /^[\u0000-\u024F\u2000-\u206F\u20AC\u2122]+$/u

/** The text re-encoded and read as UTF-8, when that works and changes it. */
function reverseWhole(text: string, encoding: MojibakeEncoding): string | undefined {
  const result = reencode(text, encoding)
  if (!('bytes' in result)) return undefined
  const repaired = decodeUtf8(result.bytes)
  return repaired !== undefined && repaired !== text ? repaired : undefined
}

export type RepairResult = {ok: true; text: string; encoding: MojibakeEncoding; encodingName: string} | {ok: false; reason: string; point: TextPoint}

/**
 * Reverse the damage exactly: encode the whole text back with the encoding it
 * was wrongly decoded as, and decode the bytes as UTF-8. Refuses unless the
 * repair is lossless, that is, damaging the result again gives the input back.
 */
export function repairMojibake(text: string): RepairResult {
  const finding = detectMojibake(text)
  if (!finding) return {ok: false, reason: 'no mojibake found: the text reads as proper UTF-8', point: {line: 1, column: 1}}
  const result = reencode(text, finding.encoding)
  if (!('bytes' in result)) {
    const char = text.charAt(result.offset)
    return {
      ok: false,
      reason: `cannot repair losslessly: "${char}" (U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}) has no byte in ${finding.encodingName}, so the text mixes damaged and undamaged parts`,
      point: pointAt(text, result.offset)
    }
  }
  const repaired = decodeUtf8(result.bytes)
  if (repaired === undefined) {
    return {
      ok: false,
      reason: `cannot repair losslessly: the bytes behind the ${finding.encodingName} text are not valid UTF-8 here`,
      // One byte per character in a single-byte encoding: the byte offset is the character offset.
      point: pointAt(text, firstInvalidUtf8Byte(result.bytes))
    }
  }
  // Lossless by construction: each character maps to one byte and valid UTF-8
  // decodes one-to-one, so damaging `repaired` again with the same table
  // revision gives back `text`. Checked rather than trusted, as `format`
  // re-reads what it would write: the repaired text must be those bytes again.
  if (!Buffer.from(repaired, 'utf8').equals(result.bytes)) {
    return {
      ok: false,
      reason: `cannot repair losslessly: the repaired text does not encode to the bytes behind the ${finding.encodingName} text`,
      point: {line: 1, column: 1}
    }
  }
  return {ok: true, text: repaired, encoding: finding.encoding, encodingName: finding.encodingName}
}

/**
 * Offset of the first byte that is not valid UTF-8 (the length when all are).
 * A decoder cannot say where it failed, and a U+FFFD it substitutes cannot be
 * told from one in the text, so the bytes are walked by RFC 3629's table of
 * well-formed sequences (no overlong forms, no surrogates, nothing past U+10FFFF).
 */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let index = 0
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0
    if (lead < 0x80) {
      index++
      continue
    }
    const [length, low, high] =
      lead >= 0xc2 && lead <= 0xdf
        ? [2, 0x80, 0xbf]
        : lead === 0xe0
          ? [3, 0xa0, 0xbf]
          : lead === 0xed
            ? [3, 0x80, 0x9f]
            : lead >= 0xe1 && lead <= 0xef
              ? [3, 0x80, 0xbf]
              : lead === 0xf0
                ? [4, 0x90, 0xbf]
                : lead >= 0xf1 && lead <= 0xf3
                  ? [4, 0x80, 0xbf]
                  : lead === 0xf4
                    ? [4, 0x80, 0x8f]
                    : [0, 0, 0]
    if (length === 0) return index
    for (let next = 1; next < length; next++) {
      const byte = bytes[index + next]
      const [min, max] = next === 1 ? [low, high] : [0x80, 0xbf]
      if (byte === undefined || byte < min || byte > max) return index
    }
    index += length
  }
  return index
}
