import {firstInvalidUtf8Byte, pointAt} from './encoding.js'

export type DecodeResult = {ok: true; text: string} | {ok: false; ruleId: string; reason: string; line: number; column: number}

/**
 * Turn the bytes of a source file into text: refuse binary files and invalid
 * UTF-8 with the place of the first bad byte, and drop a byte order mark.
 */
export function decodeSource(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return {ok: false, ruleId: 'empty-file', reason: 'the file is empty', line: 1, column: 1}
  const nul = bytes.indexOf(0)
  if (nul !== -1) {
    return {ok: false, ruleId: 'binary-file', reason: 'the file is binary (it holds NUL bytes), not markdown text', ...lineOf(bytes, nul)}
  }
  const bad = firstInvalidUtf8Byte(bytes)
  if (bad < bytes.length) {
    return {ok: false, ruleId: 'invalid-utf8', reason: `invalid UTF-8 (byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')}); save the file as UTF-8`, ...lineOf(bytes, bad)}
  }
  let text = new TextDecoder('utf-8', {ignoreBOM: false}).decode(bytes)
  if (text.trim() === '') return {ok: false, ruleId: 'empty-file', reason: 'the file holds only white space', line: 1, column: 1}
  return {ok: true, text}
}

function lineOf(bytes: Uint8Array, offset: number): {line: number; column: number} {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset))
  return pointAt(before, before.length)
}
