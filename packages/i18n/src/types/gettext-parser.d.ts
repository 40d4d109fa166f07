/**
 * The part of gettext-parser (which ships no types) that this package uses:
 * its PO reader and writer, as its README documents them.
 */
declare module 'gettext-parser' {
  export interface PoComments {
    translator?: string
    reference?: string
    extracted?: string
    flag?: string
    previous?: string
  }
  export interface PoEntry {
    msgctxt?: string
    msgid: string
    msgid_plural?: string
    msgstr: string[]
    comments?: PoComments
  }
  export interface PoTable {
    charset: string
    headers: Record<string, string>
    /** Entries by context, then by msgid; the header is the entry of msgid "" in context "". */
    translations: Record<string, Record<string, PoEntry>>
    obsolete?: Record<string, Record<string, PoEntry>>
  }
  export const po: {
    parse(input: string | Buffer, options?: {defaultCharset?: string; validation?: boolean}): PoTable
    compile(table: PoTable, options?: {foldLength?: number; sort?: boolean | ((a: PoEntry, b: PoEntry) => number); escapeCharacters?: boolean}): Buffer
  }
}
