import {formatSource} from '@catalog/markdown'
import {parseCatalogSource, pointAt} from '@catalog/parser'
import type {Catalog} from '@catalog/schema'

/**
 * What rewriting a file would lose: the first word (a run of letters and
 * digits) of `before` that `after` holds fewer times, with its line and
 * column, or undefined when every word survives. Markup, spacing and order
 * may change; words may not.
 */
export function lostWord(before: string, after: string): {word: string; line: number; column: number} | undefined {
  const remaining = new Map<string, number>()
  for (const [word] of after.matchAll(words)) remaining.set(word, (remaining.get(word) ?? 0) + 1)
  for (const match of before.matchAll(words)) {
    const left = (remaining.get(match[0]) ?? 0) - 1
    remaining.set(match[0], left)
    if (left < 0) return {word: match[0], ...pointAt(before, match.index)}
  }
  return undefined
}

const words = /[\p{L}\p{N}]+/gu

/** The JSON pointer of the first place where two JSON values differ (`/` for the whole), or undefined when they are equal. */
export function firstDifference(a: unknown, b: unknown, pointer = ''): string | undefined {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Object.is(a, b) ? undefined : pointer || '/'
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  for (const key of keys) {
    const found = firstDifference(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`
    )
    if (found !== undefined) return found
  }
  return undefined
}

/**
 * A catalog edited as JSON must read back from the markdown it regenerates:
 * text that would start a new block (a blank line, a raw HTML block, a heading)
 * inside a field, or anything else the parser would read differently, is
 * refused here rather than smuggled into the documents.
 */
export function roundTripProblem(catalog: Catalog): {pointer: string; message: string} | undefined {
  // Read back with the labels the catalog was read with (it carries them), so that it pairs as it did.
  const {catalog: parsed, file} = parseCatalogSource(
    formatSource(catalog),
    'README.md',
    catalog.vocabulary ? {vocabulary: {version: 1, labels: catalog.vocabulary}} : {}
  )
  const error = file.messages.find((message) => message.fatal)
  if (error || !parsed) {
    // Everything before the first error reads back as it was written, so the field whose markdown holds the
    // error's line is the field at fault: the innermost one, by the pointers of what was read.
    const line = error?.line ?? 1
    let pointer = ''
    for (const [candidate, position] of file.data.pointers ?? []) {
      if (position.start.line <= line && line <= position.end.line && candidate.length > pointer.length) pointer = candidate
    }
    return {
      pointer,
      message: `the regenerated markdown does not parse back: ${error?.reason ?? 'no catalog'} [${error?.ruleId ?? 'unknown'}] (README.md line ${line})`
    }
  }
  const difference = firstDifference(catalog, parsed)
  return difference === undefined
    ? undefined
    : {pointer: difference, message: 'reads back differently from the regenerated markdown; a text field holds markup that starts another block'}
}
