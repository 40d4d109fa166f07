import {describe, expect, it} from 'vitest'
import {pageLanguages, perLanguage, resolveLanguage, variantsOf} from '../src/lib/localize.js'

const languages = pageLanguages([
  {code: 'en', name: 'English'},
  {code: 'pt', name: 'Português'},
  {code: 'es', name: 'Español'}
])

describe('localized values', () => {
  it('falls back to the primary language, then to the first language that has one', () => {
    const codes = languages.codes
    expect(resolveLanguage({en: 'a', pt: 'b'}, 'pt', codes)).toBe('pt')
    expect(resolveLanguage({en: 'a'}, 'pt', codes)).toBe('en')
    expect(resolveLanguage({pt: 'b', es: 'c'}, 'en', codes)).toBe('pt')
    expect(resolveLanguage({fr: 'd'}, 'en', codes)).toBe('fr')
    expect(resolveLanguage({}, 'en', codes)).toBeUndefined()
  })

  it('groups the languages that show the same value and marks each fallback in the language that shows it', () => {
    expect(variantsOf({en: 'Size', pt: 'Tamanho'}, languages)).toEqual([
      {lang: 'en', shownIn: 'en es', value: 'Size', badges: [{shownIn: 'es', lang: 'es', text: 'EN', title: 'Not translated yet; shown in English.'}]},
      {lang: 'pt', shownIn: 'pt', value: 'Tamanho', badges: []}
    ])
    const [variant] = variantsOf({en: 'Labels'}, languages)
    expect(variant?.shownIn).toBe('en pt es')
    expect(variant?.badges.map(({lang, title}) => [lang, title])).toEqual([
      ['pt', 'Ainda não traduzido; exibido em English.'],
      ['es', 'Not translated yet; shown in English.']
    ])
  })

  it('marks fallbacks in attribute text, which cannot hold a badge', () => {
    expect(perLanguage({en: 'Cancer', pt: 'Câncer'}, languages)).toEqual({en: 'Cancer', pt: 'Câncer', es: 'Cancer (EN)'})
  })

  it('completes the page words of a language it lacks from the primary language', () => {
    expect(languages.ui.es?.search).toBe('Search')
    expect(languages.words.search).toEqual({en: 'Search', pt: 'Buscar'})
    const withSpanish = pageLanguages([{code: 'es', name: 'Español'}, {code: 'en', name: 'English'}], {es: {search: 'Buscar'}})
    expect(withSpanish.ui.es?.search).toBe('Buscar')
    // A primary language without words falls back to English.
    expect(withSpanish.ui.es?.category).toBe('Category')
  })
})
