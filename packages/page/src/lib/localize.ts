/**
 * Which text each language of the page shows, and which of them are
 * fallbacks. Every language's text is in the page at once; the page's style
 * sheet shows the variants whose `shownIn` names the language chosen, so the
 * switch needs no request and works without the script for the primary
 * language.
 *
 * Two kinds of text fall back differently. The catalog's texts fall back to
 * the primary language, then to any language that has them. The interface's
 * words (the page's own, the downloads' labels, a section label the catalog
 * lacks) follow the fallback chain of @catalog/locales: the language's own
 * words, the primary language's, then the interface's base locale.
 */

import {baseLocale, fill, languageName, type Localized, type Messages, messagesFor, messageTables, resolveLocalized} from '@catalog/locales'

/** The page's own words: labels of its controls, not of the catalog (the `page` messages of @catalog/locales). */
export type UiText = Messages['page']

/** The languages of a page, the primary one first. */
export interface PageLanguages {
  codes: readonly string[]
  /** The catalog's own name of each language, for a language ICU cannot name. */
  names: Readonly<Record<string, string>>
  /** The page's own words per language, fallbacks resolved (for attributes and the script). */
  ui: Readonly<Record<string, UiText>>
  /** The page's own words as localized text, fallbacks marked. */
  words: Readonly<Record<keyof UiText, VariantView<string>[]>>
  /** The words each language marks a fallback with, and the locale they are written in (which names the language shown). */
  untranslated: Readonly<Record<string, Localized<string>>>
  /** One of the page's words as a locale has it (an override, else its message table), without fallback. */
  wordIn(key: keyof UiText, locale: string): string | undefined
}

/** What marking a fallback needs to know of the page's languages. */
type Marking = Pick<PageLanguages, 'codes' | 'names' | 'untranslated'>

/** A mark on a fallback text: visible in one language, naming the language shown instead. */
export interface BadgeView {
  shownIn: string
  /** The language of the title. */
  lang: string
  /** The code of the language shown, uppercased: `EN`. */
  text: string
  title: string
}

/** One value of a localized thing and the languages it is shown in. */
export interface VariantView<T> {
  /** The language the value is written in. */
  lang: string
  /** Space-separated codes of the languages that show this value. */
  shownIn: string
  value: T
  /** One per language that shows this value for want of its own. */
  badges: BadgeView[]
}

/**
 * The language each page language reads a catalog text in: its own, else the
 * primary language, else the first language that has one.
 */
export function resolveLanguage(values: Readonly<Record<string, unknown>>, language: string, languages: readonly string[]): string | undefined {
  const has = (code: string | undefined): code is string => code !== undefined && Object.hasOwn(values, code) && values[code] !== undefined
  if (has(language)) return language
  const primary = languages[0]
  if (has(primary)) return primary
  return languages.find(has) ?? Object.keys(values).find(has)
}

/** The variants of a catalog text, in the order of the page's languages. */
export function variantsOf<T>(values: Readonly<Record<string, T | undefined>>, languages: Marking): VariantView<T>[] {
  return variantsBy(values, languages, (language) => resolveLanguage(values, language, languages.codes))
}

/**
 * The variants of an interface text: each page language reads it along the
 * fallback chain, looking it up with `lookUp` in one locale at a time, so
 * that words the catalog or the caller give in some languages (a citation
 * label, a download's label, an override) mix with the message tables.
 */
export function interfaceVariants(lookUp: (locale: string) => string | undefined, languages: Marking): VariantView<string>[] {
  const primary = languages.codes[0]
  const found = new Map(languages.codes.map((code) => [code, resolveLocalized(code, primary, lookUp)]))
  const values = Object.fromEntries([...found.values()].flatMap((entry) => (entry ? [[entry.locale, entry.value]] : [])))
  return variantsBy(values, languages, (language) => found.get(language)?.locale)
}

/** Group the page languages by the value they show (`sourceOf` says whose), marking each fallback in the language that shows it. */
function variantsBy<T>(
  values: Readonly<Record<string, T | undefined>>,
  languages: Marking,
  sourceOf: (language: string) => string | undefined
): VariantView<T>[] {
  const variants = new Map<string, {shownIn: string[]; badges: BadgeView[]}>()
  for (const language of languages.codes) {
    const source = sourceOf(language)
    if (source === undefined) continue
    const variant = variants.get(source) ?? {shownIn: [], badges: []}
    variants.set(source, variant)
    variant.shownIn.push(language)
    if (source !== language) {
      const untranslated = languages.untranslated[language]
      variant.badges.push({
        shownIn: language,
        lang: untranslated?.locale ?? language,
        text: source.toUpperCase(),
        title: untranslated ? fill(untranslated.value, {language: languageName(source, untranslated.locale, languages.names)}) : ''
      })
    }
  }
  return [...variants].map(([lang, {shownIn, badges}]) => ({lang, shownIn: shownIn.join(' '), value: values[lang] as T, badges}))
}

/** A catalog text per page language with the fallbacks resolved and marked in brackets: for attributes, which cannot hold a badge. */
export function perLanguage(values: Readonly<Record<string, string | undefined>>, languages: Pick<PageLanguages, 'codes'>): Record<string, string> {
  const result: Record<string, string> = {}
  for (const language of languages.codes) {
    const source = resolveLanguage(values, language, languages.codes)
    if (source === undefined) continue
    const value = values[source] ?? ''
    result[language] = source === language ? value : `${value} (${source.toUpperCase()})`
  }
  return result
}

/**
 * The languages of a catalog, with the page's words in each: the overrides
 * (the caller's words per language) over the message tables, along the
 * fallback chain.
 */
export function pageLanguages(
  languages: ReadonlyArray<{code: string; name: string}>,
  overrides: Readonly<Record<string, Partial<UiText>>> = {}
): PageLanguages {
  const codes = languages.map(({code}) => code)
  const primary = codes[0]
  const names = Object.fromEntries(languages.map(({code, name}) => [code, name]))
  const keys = Object.keys(messagesFor(baseLocale, undefined).page) as Array<keyof UiText>
  const wordIn = (key: keyof UiText, locale: string): string | undefined => overrides[locale]?.[key] ?? messageTables[locale]?.page?.[key]
  const resolved = (code: string, key: keyof UiText): Localized<string> | undefined => resolveLocalized(code, primary, (locale) => wordIn(key, locale))
  // The base locale's table holds every word, so each resolves; '' only satisfies the types.
  const ui = Object.fromEntries(codes.map((code) => [code, Object.fromEntries(keys.map((key) => [key, resolved(code, key)?.value ?? '']))])) as Record<
    string,
    UiText
  >
  const untranslated: Record<string, Localized<string>> = {}
  for (const code of codes) {
    const found = resolved(code, 'untranslated')
    if (found) untranslated[code] = found
  }
  const marking: Marking = {codes, names, untranslated}
  const words = Object.fromEntries(keys.map((key) => [key, interfaceVariants((locale) => wordIn(key, locale), marking)])) as Record<
    keyof UiText,
    VariantView<string>[]
  >
  return {...marking, ui, words, wordIn}
}
