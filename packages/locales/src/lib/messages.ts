import type {en} from './tables/en.js'

type Reference = typeof en

/**
 * Every message of the interface, grouped by where it is used: the shape of
 * the English table, the reference. A message is a string, possibly with
 * `{name}` placeholders, or a list of strings (words looked for, not shown).
 */
export type Messages = {
  readonly [G in keyof Reference]: {
    readonly [K in keyof Reference[G]]: Reference[G][K] extends readonly string[] ? readonly string[] : string
  }
}

/** A table that translates only some messages: any group or message may be missing, and the fallback chain fills it. */
export type PartialMessages = {readonly [G in keyof Messages]?: Partial<Messages[G]>}
