/**
 * The few words the single-language documents add that the catalog does not
 * hold, per language code. A language missing here gets the English words;
 * add a row to localise them.
 *
 * | code | untranslated notice                           | citation label |
 * |------|-----------------------------------------------|----------------|
 * | en   | ⚠️ Not yet translated: shown in {language}.    | Citation       |
 * | pt   | ⚠️ Ainda não traduzido: exibido em {language}. | Citação        |
 * | es   | ⚠️ Aún sin traducir: se muestra en {language}. | Cita           |
 * | fr   | ⚠️ Pas encore traduit : affiché en {language}. | Citation       |
 * | de   | ⚠️ Noch nicht übersetzt: angezeigt auf {language}. | Zitation   |
 *
 * `{language}` is the name, in the notice's language, of the language the
 * part is shown in (ICU's display names: `inglês` in a Portuguese document).
 */
export interface Wording {
  untranslated: string
  citation: string
}

export const wordings: Readonly<Record<string, Wording>> = {
  en: {untranslated: '⚠️ Not yet translated: shown in {language}.', citation: 'Citation'},
  pt: {untranslated: '⚠️ Ainda não traduzido: exibido em {language}.', citation: 'Citação'},
  es: {untranslated: '⚠️ Aún sin traducir: se muestra en {language}.', citation: 'Cita'},
  fr: {untranslated: '⚠️ Pas encore traduit : affiché en {language}.', citation: 'Citation'},
  de: {untranslated: '⚠️ Noch nicht übersetzt: angezeigt auf {language}.', citation: 'Zitation'}
}

const fallbackCode = 'en'

/** The wording of a language, and the language it is written in (English where the table has no row). */
export function wordingOf(code: string): Wording & {code: string} {
  const own = wordings[code]
  return own ? {...own, code} : {...(wordings[fallbackCode] as Wording), code: fallbackCode}
}

/**
 * The notice for a part of a `code` document shown in language `from`.
 * `names` gives the catalog's own name of each language, used when ICU has
 * no display name for it.
 */
export function untranslatedNotice(code: string, from: string, names: Readonly<Record<string, string>>): string {
  const wording = wordingOf(code)
  return wording.untranslated.replace('{language}', languageName(wording.code, from, names))
}

/** The name of language `of` in language `in`: `inglês` for English in Portuguese. */
function languageName(inLanguage: string, of: string, names: Readonly<Record<string, string>>): string {
  try {
    const name = new Intl.DisplayNames([inLanguage], {type: 'language', fallback: 'none'}).of(of)
    if (name) return name
  } catch {
    // A code ICU does not accept: fall through to the catalog's own name.
  }
  return names[of] ?? of
}
