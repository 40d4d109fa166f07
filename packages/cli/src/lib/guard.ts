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
    if (left < 0) {
      const lines = before.slice(0, match.index).split('\n')
      return {word: match[0], line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1}
    }
  }
  return undefined
}

const words = /[\p{L}\p{N}]+/gu

/** The JSON pointer of the first place where two JSON values differ (`/` for the whole), or undefined when they are equal. */
export function firstDifference(a: unknown, b: unknown, pointer = ''): string | undefined {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Object.is(a, b) ? undefined : pointer || '/'
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  for (const key of keys) {
    const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`)
    if (found !== undefined) return found
  }
  return undefined
}
