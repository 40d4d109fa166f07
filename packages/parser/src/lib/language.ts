/**
 * Language codes from the names that head each half (`English`, `Português`).
 * Names are matched against ICU's display names, both in English and in the
 * language itself, so any language ICU knows works without a table here.
 */
let byName: Map<string, string> | undefined

function normalize(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('und').trim()
}

function nameIndex(): Map<string, string> {
  if (byName) return byName
  byName = new Map()
  const english = new Intl.DisplayNames(['en'], {type: 'language', fallback: 'none'})
  const letters = 'abcdefghijklmnopqrstuvwxyz'
  for (const a of letters) {
    for (const b of letters) {
      const code = a + b
      const inEnglish = english.of(code)
      if (!inEnglish) continue
      let autonym: string | undefined
      try {
        autonym = new Intl.DisplayNames([code], {type: 'language', fallback: 'none'}).of(code)
      } catch {
        autonym = undefined
      }
      for (const name of [inEnglish, autonym]) {
        if (name && !byName.has(normalize(name))) byName.set(normalize(name), code)
      }
    }
  }
  return byName
}

/** The ISO 639-1 code for a language name, or undefined when ICU knows no such language. */
export function languageCode(name: string): string | undefined {
  return nameIndex().get(normalize(name))
}
