import {describe, expect, it} from 'vitest'
import {fill} from '../src/lib/fill.js'
import {languageName} from '../src/lib/language-name.js'
import {localeChain, messagesFor, resolveLocalized, resolveMessage} from '../src/lib/resolve.js'
import {baseLocale, messageTables} from '../src/lib/tables.js'

describe('the fallback chain', () => {
  it('is the locale, then the primary language, then the base locale, each once', () => {
    expect(baseLocale).toBe('en')
    expect(localeChain('es', 'pt')).toEqual(['es', 'pt', 'en'])
    expect(localeChain('pt', 'pt')).toEqual(['pt', 'en'])
    expect(localeChain('en', 'pt')).toEqual(['en', 'pt'])
    expect(localeChain('nl', undefined)).toEqual(['nl', 'en'])
  })

  it('gives a locale with a table its own messages', () => {
    expect(messagesFor('pt', 'en').sections.citation).toBe('Citação')
    expect(messagesFor('es', 'pt')).toEqual(messageTables['es'])
    expect(resolveMessage('es', 'en', 'page', 'search')).toEqual({locale: 'es', value: 'Buscar'})
  })

  it('fills a partial table from the primary language, then from the base locale', () => {
    // French has the documents' words only.
    expect(resolveMessage('fr', 'pt', 'sections', 'citation')).toEqual({locale: 'fr', value: 'Citation'})
    expect(resolveMessage('fr', 'pt', 'page', 'search')).toEqual({locale: 'pt', value: 'Buscar'})
    expect(resolveMessage('fr', 'de', 'page', 'search')).toEqual({locale: 'en', value: 'Search'})
    const french = messagesFor('fr', 'pt')
    expect(french.document.untranslated).toBe(messageTables['fr']?.document?.untranslated)
    expect(french.downloads).toEqual(messageTables['pt']?.downloads)
  })

  it('gives a locale without a table the primary language, then the base locale', () => {
    expect(messagesFor('nl', 'es')).toEqual(messageTables['es'])
    expect(messagesFor('nl', 'xx')).toEqual(messageTables['en'])
    expect(resolveMessage('nl', undefined, 'document', 'untranslated').locale).toBe('en')
  })

  it('resolves any localized value the same way, saying which locale it comes from', () => {
    const labels: Record<string, string> = {pt: 'Citação do catálogo', en: 'Cite as'}
    expect(resolveLocalized('es', 'pt', (locale) => labels[locale])).toEqual({locale: 'pt', value: 'Citação do catálogo'})
    expect(resolveLocalized('es', 'de', (locale) => labels[locale])).toEqual({locale: 'en', value: 'Cite as'})
    expect(resolveLocalized('es', 'de', () => undefined)).toBeUndefined()
  })
})

describe('fill', () => {
  it('fills every placeholder it has a value for, and leaves the others', () => {
    expect(fill('{shown} of {total} datasets shown', {shown: 3, total: 12})).toBe('3 of 12 datasets shown')
    expect(fill('{a} and {b}', {a: 'x'})).toBe('x and {b}')
    expect(fill('{constructor}', {})).toBe('{constructor}')
  })
})

describe('languageName', () => {
  it('names a language in another language, as ICU does', () => {
    expect(languageName('en', 'pt')).toBe('inglês')
    expect(languageName('en', 'es')).toBe('inglés')
    expect(languageName('pt', 'en')).toBe('Portuguese')
    expect(languageName('es', 'es')).toBe('español')
  })

  it("falls back to the catalog's own name, then to the code", () => {
    expect(languageName('qq', 'pt', {qq: 'Quenya'})).toBe('Quenya')
    expect(languageName('qq', 'pt')).toBe('qq')
    expect(languageName('en', 'not a locale!', {en: 'English'})).toBe('English')
  })
})
