import {firstInvalidUtf8Byte, pointAt} from './encoding.js'

export type DecodeResult = {ok: true; text: string} | {ok: false; ruleId: string; reason: string; line: number; column: number}

/**
 * Turn the bytes of a source file into text: refuse binary files and invalid
 * UTF-8 with the place of the first bad byte, and drop a byte order mark.
 */
export function decodeSource(bytes: Uint8Array): DecodeResult {
  const nul = bytes.indexOf(0)
  if (nul !== -1) {
    return {ok: false, ruleId: 'binary-file', reason: 'the file is binary (it holds NUL bytes), not markdown text', line: 1, column: 1}
  }
  try {
    return {ok: true, text: new TextDecoder('utf-8', {fatal: true, ignoreBOM: false}).decode(bytes)}
  } catch {
    const bad = firstInvalidUtf8Byte(bytes)
    return {
      ok: false,
      ruleId: 'invalid-utf8',
      reason: `invalid UTF-8 (byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')}); save the file as UTF-8`,
      ...lineOf(bytes, bad)
    }
  }
}

/**
 * The text the parser reads, from bytes (decoded as above) or text: without a
 * byte order mark, and with one line ending, so that texts never carry a CR
 * (lines and columns stay as the editor shows them).
 */
export function sourceText(value: string | Uint8Array): DecodeResult {
  const decoded: DecodeResult = typeof value === 'string' ? {ok: true, text: value} : decodeSource(value)
  if (!decoded.ok) return decoded
  let text = decoded.text
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n')
  const control = controlCharacter.exec(text)
  if (control) {
    const code = control[0].charCodeAt(0)
    const count = text.match(new RegExp(controlCharacter.source, 'g'))?.length ?? 1
    const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
    return {
      ok: false,
      ruleId: 'control-character',
      reason: `a control character (${name}) stands here${count > 1 ? `, the first of ${count}` : ''}; text holds no control characters but tabs and line breaks: remove it`,
      ...pointAt(text, control.index)
    }
  }
  return {ok: true, text}
}

/**
 * C0 and C1 controls and DEL, but tab and line feed: they have no place in
 * text, and raw in a terminal, a CSV or a .bib they act instead of showing.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose
const controlCharacter = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/

function lineOf(bytes: Uint8Array, offset: number): {line: number; column: number} {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset))
  return pointAt(before, before.length)
}
