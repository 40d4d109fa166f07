import type {Fragments} from '@catalog/schema'

/**
 * A fragment whose text is JSON, as a value: read from the store, or made by
 * `compute` and kept there as its JSON. A store is a file anyone can edit, so
 * what it answers with is not trusted: `fits` says whether a parsed value is
 * one `compute` could have made of these inputs, and a text that is no JSON
 * or does not fit is a miss, computed afresh. Every fragment whose text is
 * JSON goes through here; a text fragment (a card, a block, a CSV row) has no
 * shape to check.
 */
export function jsonFragment<T>(fragments: Fragments, kind: string, inputs: unknown, compute: () => T, fits: (value: unknown) => value is T): T {
  // The text `accept` checked last, parsed: an accepted text is parsed once.
  let last: {text: string; value: T} | undefined
  const decode = (text: string): T | undefined => {
    if (last?.text === text) return last.value
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      return undefined
    }
    if (!fits(value)) return undefined
    last = {text, value}
    return value
  }
  const text = fragments.fragment(
    kind,
    inputs,
    () => JSON.stringify(compute()),
    (stored) => decode(stored) !== undefined
  )
  const answer = decode(text)
  if (answer !== undefined) return answer
  // A store that ignores `accept` answered with a damaged text: computed here, and read back as a stored one would be.
  const fresh = compute()
  return decode(JSON.stringify(fresh)) ?? fresh
}
