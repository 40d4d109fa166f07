/**
 * The template helpers: formatting the templates cannot express by
 * themselves. Each is a plain function, registered by name in templates.ts
 * and tested on its own; none looks at the catalog.
 */

/** The star rating of a dataset heading: `stars(4)` is `⭐⭐⭐⭐`. */
export function stars(rating: unknown): string {
  const count = typeof rating === 'number' && Number.isInteger(rating) && rating > 0 ? rating : 0
  return '⭐'.repeat(count)
}

/** Items joined by a separator: an inline list is `A, B, C`. */
export function join(items: unknown, separator: unknown): string {
  if (!Array.isArray(items)) return ''
  return items.map(String).join(typeof separator === 'string' ? separator : ', ')
}

/**
 * The backtick fence for a code block's content: three backticks, or one
 * more than the longest run of backticks in the content, so that the
 * content can never close the block early (CommonMark, section 4.5).
 */
export function fence(content: unknown): string {
  const runs = String(content).match(/`+/g) ?? []
  const longest = Math.max(0, ...runs.map((run) => run.length))
  return '`'.repeat(Math.max(3, longest + 1))
}

/** The helpers by the name the templates call them. */
export const helpers = {stars, join, fence} as const
