import {describe, expect, it} from 'vitest'
import {interfaceVariants, pageLanguages, perLanguage, resolveLanguage, variantsOf} from '../src/lib/localize.js'

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

  it('groups the languages that show the same value and marks each fallback in the language that shows it, naming the language in its own words', () => {
    expect(variantsOf({en: 'Size', pt: 'Tamanho'}, languages)).toEqual([
      {lang: 'en', shownIn: 'en es', value: 'Size', badges: [{shownIn: 'es', lang: 'es', text: 'EN', title: 'Aún sin traducir; se muestra en inglés.'}]},
      {lang: 'pt', shownIn: 'pt', value: 'Tamanho', badges: []}
    ])
    const [variant] = variantsOf({en: 'Labels'}, languages)
    expect(variant?.shownIn).toBe('en pt es')
    expect(variant?.badges.map(({lang, title}) => [lang, title])).toEqual([
      ['pt', 'Ainda não traduzido; exibido em inglês.'],
      ['es', 'Aún sin traducir; se muestra en inglés.']
    ])
  })

  it('marks fallbacks in attribute text, which cannot hold a badge', () => {
    expect(perLanguage({en: 'Cancer', pt: 'Câncer'}, languages)).toEqual({en: 'Cancer', pt: 'Câncer', es: 'Cancer (EN)'})
  })

  it('gives every language with a message table its own page words', () => {
    expect(languages.ui.es?.search).toBe('Buscar')
    expect(languages.ui.pt?.category).toBe('Categoria')
    expect(languages.words.category.map(({lang, shownIn, value, badges}) => [lang, shownIn, value, badges.length])).toEqual([
      ['en', 'en', 'Category', 0],
      ['pt', 'pt', 'Categoria', 0],
      ['es', 'es', 'Categoría', 0]
    ])
  })

  it("completes the page words of a language without a table from the primary language's, marked, and takes overrides", () => {
    const dutch = pageLanguages([
      {code: 'en', name: 'English'},
      {code: 'nl', name: 'Nederlands'}
    ])
    expect(dutch.ui.nl?.search).toBe('Search')
    expect(dutch.words.search).toEqual([
      {lang: 'en', shownIn: 'en nl', value: 'Search', badges: [{shownIn: 'nl', lang: 'en', text: 'EN', title: 'Not translated yet; shown in English.'}]}
    ])
    // After Portuguese, Dutch reads the Portuguese words, which name the language in Portuguese.
    const afterPortuguese = pageLanguages([
      {code: 'pt', name: 'Português'},
      {code: 'nl', name: 'Nederlands'}
    ])
    expect(afterPortuguese.ui.nl?.search).toBe('Buscar')
    expect(afterPortuguese.words.search[0]?.badges).toEqual([{shownIn: 'nl', lang: 'pt', text: 'PT', title: 'Ainda não traduzido; exibido em português.'}])
    // An override wins over the tables; a word it leaves out comes from the chain: nl, then the primary (none), then English.
    const overridden = pageLanguages(
      [
        {code: 'nl', name: 'Nederlands'},
        {code: 'qq', name: 'Quenya'}
      ],
      {nl: {search: 'Zoeken'}}
    )
    expect(overridden.ui.nl?.search).toBe('Zoeken')
    expect(overridden.ui.qq?.search).toBe('Zoeken')
    expect(overridden.ui.nl?.category).toBe('Category')
    expect(overridden.words.search[0]?.badges[0]?.title).toBe('Not translated yet; shown in Dutch.')
  })

  it('reads interface words the catalog gives in some languages along the same chain', () => {
    const citation = interfaceVariants((locale) => ({en: 'Cite as'})[locale] ?? {pt: 'Citação', es: 'Cita'}[locale], languages)
    expect(citation.map(({lang, shownIn, value}) => [lang, shownIn, value])).toEqual([
      ['en', 'en', 'Cite as'],
      ['pt', 'pt', 'Citação'],
      ['es', 'es', 'Cita']
    ])
  })
})
