import {diffWordsWithSpace} from 'diff'

/**
 * What changed between two texts, word by word, written as `git diff
 * --word-diff=plain` writes it: `[-removed-]{+added+}` inside the unchanged
 * words. `context` keeps that many words either side of each change and
 * replaces the rest with `…` (all of it when undefined), for one-line
 * annotations.
 */
export function wordDiff(before: string, after: string, context?: number): string {
  const parts = diffWordsWithSpace(before, after)
  const out: string[] = []
  parts.forEach((part, index) => {
    if (part.removed) out.push(`[-${part.value}-]`)
    else if (part.added) out.push(`{+${part.value}+}`)
    else out.push(context === undefined ? part.value : shorten(part.value, context, index > 0, index < parts.length - 1))
  })
  return out.join('')
}

/** Unchanged text cut to `context` words after the change before it and before the change after it. */
function shorten(text: string, context: number, after: boolean, before: boolean): string {
  const tokens = text.match(/\s+|\S+/g) ?? []
  const words = tokens.flatMap((token, index) => (/\S/.test(token) ? [index] : []))
  const keepHead = after ? context : 0
  const keepTail = before ? context : 0
  if (words.length <= keepHead + keepTail) return text
  const headEnd = keepHead > 0 ? (words[keepHead - 1] ?? 0) + 1 : 0
  const tailStart = keepTail > 0 ? (words[words.length - keepTail] ?? tokens.length) : tokens.length
  return `${tokens.slice(0, headEnd).join('')}…${tokens.slice(tailStart).join('')}`
}
