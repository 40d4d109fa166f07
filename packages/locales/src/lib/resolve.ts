import type {Messages} from './messages.js'
import {baseLocale, baseMessages, messageTables} from './tables.js'

/** A value found along a fallback chain, and the locale it is written in. */
export interface Localized<T> {
  locale: string
  value: T
}

/**
 * The fallback chain of a locale, best first: the locale itself, then the
 * catalog's primary language, then the base locale, each once.
 */
export function localeChain(locale: string, primary: string | undefined): string[] {
  return [...new Set([locale, ...(primary === undefined ? [] : [primary]), baseLocale])]
}

/**
 * The one resolution: the first locale of `locale`'s chain for which
 * `lookUp` gives a value, with that value. The message tables go through it,
 * and so do values that mix them with the catalog's own words (a section
 * label the catalog has in some languages, the page's overrides), so that a
 * language reads the same locale first whatever the source of the words.
 */
export function resolveLocalized<T>(locale: string, primary: string | undefined, lookUp: (locale: string) => T | undefined): Localized<T> | undefined {
  for (const candidate of localeChain(locale, primary)) {
    const value = lookUp(candidate)
    if (value !== undefined) return {locale: candidate, value}
  }
  return undefined
}

/**
 * One message for `locale`, from the first table of its chain that has it,
 * with the locale it is written in (to name a language in that locale, or to
 * mark the message as a fallback).
 */
export function resolveMessage<G extends keyof Messages, K extends keyof Messages[G]>(
  locale: string,
  primary: string | undefined,
  group: G,
  key: K
): Localized<Messages[G][K]> {
  const lookUp = (candidate: string): Messages[G][K] | undefined => (messageTables[candidate]?.[group] as Partial<Messages[G]> | undefined)?.[key]
  const found = resolveLocalized(locale, primary, lookUp)
  // The chain ends with the base locale, whose table holds every message.
  return found ?? {locale: baseLocale, value: baseMessages[group][key]}
}

/**
 * Every message for `locale` in a catalog whose primary language is
 * `primary` (`catalog.languages[0].code`): each from the locale's own table,
 * else the primary language's, else the base locale's.
 */
export function messagesFor(locale: string, primary: string | undefined): Messages {
  const groups = (Object.keys(baseMessages) as Array<keyof Messages>).map((group) => {
    const keys = Object.keys(baseMessages[group]) as Array<keyof Messages[typeof group]>
    return [group, Object.fromEntries(keys.map((key) => [key, resolveMessage(locale, primary, group, key).value]))]
  })
  return Object.fromEntries(groups) as Messages
}
