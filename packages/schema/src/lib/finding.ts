/**
 * A problem found in a catalog object, located by JSON pointer. Checks that
 * work on the catalog (not on markdown) return findings; the parser maps each
 * pointer back to the source line it came from.
 */
export interface Finding {
  /** JSON pointer of the offending value, e.g. `/datasets/2/citation/key`. */
  pointer: string
  severity: 'error' | 'warning'
  /** Kebab-case id of the rule, listed in the README. */
  ruleId: string
  message: string
}
