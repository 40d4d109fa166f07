/**
 * Which text each language of the page shows, and which of them are
 * fallbacks. Every language's text is in the page at once; the page's style
 * sheet shows the variants whose `shownIn` names the language chosen, so the
 * switch needs no request and works without the script for the primary
 * language.
 */

import {fill, type UiText, uiTexts} from './ui-text.js'

/** The languages of a page, the primary one first. */
export interface PageLanguages {
  codes: readonly string[]
  /** Display name of each language, for "shown in English". */
  names: Readonly<Record<string, string>>
  /** The page's own words per language, fallbacks resolved (for attributes and the script). */
  ui: Readonly<Record<string, UiText>>
  /** The page's own words as localized values (for text, with fallbacks marked). */
  words: Readonly<Record<keyof UiText, Readonly<Record<string, string>>>>
}

/** A mark on a fallback text: visible in one language, naming the language shown instead. */
export interface BadgeView {
  shownIn: string
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
 * The language each page language reads a value in: its own, else the
 * primary language, else the first language that has one.
 */
export function resolveLanguage(values: Readonly<Record<string, unknown>>, language: string, languages: readonly string[]): string | undefined {
  const has = (code: string | undefined): code is string => code !== undefined && Object.hasOwn(values, code) && values[code] !== undefined
  if (has(language)) return language
  const primary = languages[0]
  if (has(primary)) return primary
  return languages.find(has) ?? Object.keys(values).find(has)
}

/** The variants of a localized value, in the order of the page's languages. */
export function variantsOf<T>(values: Readonly<Record<string, T | undefined>>, languages: PageLanguages): VariantView<T>[] {
  const variants = new Map<string, {shownIn: string[]; badges: BadgeView[]}>()
  for (const language of languages.codes) {
    const source = resolveLanguage(values, language, languages.codes)
    if (source === undefined) continue
    const variant = variants.get(source) ?? {shownIn: [], badges: []}
    variants.set(source, variant)
    variant.shownIn.push(language)
    if (source !== language) {
      const ui = languages.ui[language] ?? (uiTexts.en as UiText)
      variant.badges.push({
        shownIn: language,
        lang: language,
        text: source.toUpperCase(),
        title: fill(ui.untranslated, {language: languages.names[source] ?? source})
      })
    }
  }
  return [...variants].map(([lang, {shownIn, badges}]) => ({lang, shownIn: shownIn.join(' '), value: values[lang] as T, badges}))
}

/** A value per page language with the fallbacks resolved and marked in brackets: for attributes, which cannot hold a badge. */
export function perLanguage(values: Readonly<Record<string, string | undefined>>, languages: PageLanguages): Record<string, string> {
  const result: Record<string, string> = {}
  for (const language of languages.codes) {
    const source = resolveLanguage(values, language, languages.codes)
    if (source === undefined) continue
    const value = values[source] ?? ''
    result[language] = source === language ? value : `${value} (${source.toUpperCase()})`
  }
  return result
}

/** The languages of a catalog, with the page's words in each, from the page's dictionary and the overrides. */
export function pageLanguages(
  languages: ReadonlyArray<{code: string; name: string}>,
  overrides: Readonly<Record<string, Partial<UiText>>> = {}
): PageLanguages {
  const codes = languages.map(({code}) => code)
  const names = Object.fromEntries(languages.map(({code, name}) => [code, name]))
  const words = uiValues(codes, overrides)
  const ui: Record<string, UiText> = {}
  for (const code of codes) {
    const entries = Object.entries(words).map(([key, values]) => {
      const source = resolveLanguage(values, code, codes)
      return [key, source === undefined ? '' : values[source]]
    })
    ui[code] = Object.fromEntries(entries) as UiText
  }
  return {codes, names, ui, words}
}

/**
 * The page's words as localized values. A language the page has no words
 * for is left out, so that it falls back, marked, as catalog texts do;
 * English is always there as the last resort.
 */
function uiValues(codes: readonly string[], overrides: Readonly<Record<string, Partial<UiText>>>): Record<keyof UiText, Record<string, string>> {
  const english = uiTexts.en as UiText
  const result = {} as Record<keyof UiText, Record<string, string>>
  for (const key of Object.keys(english) as Array<keyof UiText>) {
    const values: Record<string, string> = {}
    for (const code of new Set([...codes, 'en'])) {
      const value = overrides[code]?.[key] ?? uiTexts[code]?.[key]
      if (value !== undefined) values[code] = value
    }
    result[key] = values
  }
  return result
}
