/**
 * Limits that bound the time and memory a source can cost, checked before
 * any parsing. micromark's cost grows with lines and blocks, superlinearly
 * with the nesting of containers and with the emphasis marks of one
 * paragraph, and a section's parse is held in memory at once; each limit
 * bounds one of these. BENCHMARKS.md measures a source at each limit. They live
 * here, beside the rules they raise, so that the parser and the rules'
 * examples read the same numbers.
 */
export interface Limits {
  /** Largest source accepted, in bytes (UTF-8). @default 8 MiB */
  maxBytes: number
  /** Longest line accepted, in characters (code points). @default 20,000 */
  maxLineLength: number
  /** Most lines in the source. @default 120,000 */
  maxLines: number
  /** Most blank lines in a row. @default 1,000 */
  maxBlankLines: number
  /**
   * Most lines in a section: the source is parsed a section at a time (a
   * section runs from a heading after a blank line to the next), and one
   * section's parse is held in memory at once. @default 5,000
   */
  maxSectionLines: number
  /** Most list items and block quote markers in a section: micromark's cost grows with their square. @default 2,000 */
  maxSectionListItems: number
  /** Most inline markup characters in a section. @default 10,000 */
  maxSectionMarkup: number
  /** Deepest nesting of lists and block quotes on a line (two columns of indentation count as a level). @default 16 */
  maxDepth: number
  /** Most list items and block quote markers in the source. @default 60,000 */
  maxListItems: number
  /** Most inline markup characters (`*`, `_`, `~`, backticks, brackets, `<`, `>`, `&`, `\`, `!`) outside code blocks. @default 200,000 */
  maxMarkup: number
  /** Most inline markup characters in one paragraph (or table row, or heading). @default 1,000 */
  maxParagraphMarkup: number
  /** Most level-3 headings (datasets and overviews). @default 4,000 */
  maxDatasets: number
}

export const defaultLimits: Readonly<Limits> = {
  maxBytes: 8 * 1024 * 1024,
  maxLineLength: 20_000,
  maxLines: 120_000,
  maxBlankLines: 1_000,
  maxSectionLines: 5_000,
  maxSectionListItems: 2_000,
  maxSectionMarkup: 10_000,
  maxDepth: 16,
  maxListItems: 60_000,
  maxMarkup: 200_000,
  maxParagraphMarkup: 1_000,
  maxDatasets: 4_000
}
