const displayNames = new Map<string, Intl.DisplayNames | null>()

/**
 * The name of language `code` in the language `inLocale`, as ICU gives it
 * (`inglês` for `en` in Portuguese, `English` in English), else the catalog's
 * own name of the language (`names`, by code), else the code itself.
 */
export function languageName(code: string, inLocale: string, names: Readonly<Record<string, string>> = {}): string {
  try {
    const name = namesIn(inLocale)?.of(code)
    if (name) return name
  } catch {
    // A code ICU refuses to name (the schema allows any two or three letters): the catalog's own name.
  }
  return names[code] ?? code
}

function namesIn(locale: string): Intl.DisplayNames | null {
  let names = displayNames.get(locale)
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([locale], {type: 'language', fallback: 'none'})
    } catch {
      names = null
    }
    displayNames.set(locale, names)
  }
  return names
}
