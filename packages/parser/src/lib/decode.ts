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
  const bad = firstInvalidUtf8Byte(bytes)
  if (bad < bytes.length) {
    return {ok: false, ruleId: 'invalid-utf8', reason: `invalid UTF-8 (byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')}); save the file as UTF-8`, ...lineOf(bytes, bad)}
  }
  return {ok: true, text: new TextDecoder('utf-8', {ignoreBOM: false}).decode(bytes)}
}

function lineOf(bytes: Uint8Array, offset: number): {line: number; column: number} {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset))
  return pointAt(before, before.length)
}
