import path from 'node:path'
import {describe, expect, it} from 'vitest'
import type {LanguageValue} from '../src/index.js'
import {buildJsonLd, defaultFreeAccessTerms, freeAccessEvidence, renderFeeds} from '../src/index.js'
import {buildFeeds, cloneCatalog, file, fixturesFolder, loadCatalog, frozenSourcePath} from './helpers.js'

type Node = Record<string, unknown>

function datasetsOf(text: string): Node[] {
  const list = JSON.parse(text) as {
    '@context': string
    '@type': string
    numberOfItems: number
    itemListElement: Array<{'@type': string; position: number; item: Node}>
  }
  expect(list['@context']).toBe('https://schema.org')
  expect(list['@type']).toBe('ItemList')
  expect(list.numberOfItems).toBe(list.itemListElement.length)
  list.itemListElement.forEach((element, index) => {
    expect(element['@type']).toBe('ListItem')
    expect(element.position).toBe(index + 1)
  })
  return list.itemListElement.map((element) => element.item)
}

/** The texts of a localized value, by language (a plain string stands for every language). */
function byLanguage(value: unknown, codes: readonly string[]): Record<string, string> {
  if (typeof value === 'string') return Object.fromEntries(codes.map((code) => [code, value]))
  const entries = value as LanguageValue[]
  for (const entry of entries) expect(Object.keys(entry).sort()).toEqual(['@language', '@value'])
  return Object.fromEntries(entries.map((entry) => [entry['@language'], entry['@value']]))
}

describe.each([
  ['the real source', frozenSourcePath],
  ['the larger fixture', path.join(fixturesFolder, 'larger-catalog/input.md')]
])('datasets.jsonld of %s', (_name, sourcePath) => {
  const {catalog, files} = buildFeeds(sourcePath)
  const nodes = datasetsOf(file(files, 'datasets.jsonld'))
  const codes = catalog.languages.map((language) => language.code)

  it('has one schema.org Dataset per dataset, in source order', () => {
    expect(nodes.map((node) => node.identifier)).toEqual(catalog.datasets.map((dataset) => dataset.id))
    for (const node of nodes) {
      expect(node['@type']).toBe('Dataset')
      expect(typeof node.name).toBe('string')
      expect(String(node.url)).toMatch(/^https:\/\//)
    }
  })

  it('gives the description, title and tasks in every language', () => {
    catalog.datasets.forEach((dataset, index) => {
      const node = nodes[index] ?? {}
      expect(byLanguage(node.description, codes)).toEqual(dataset.description.text)
      expect(byLanguage(node.alternateName, codes)).toEqual(dataset.title)
      expect(node.inLanguage).toEqual(codes.filter((code) => dataset.description.text[code] !== undefined))
      if (!dataset.tasks) {
        expect(node.keywords).toBeUndefined()
        return
      }
      const keywords = node.keywords as Array<string | LanguageValue>
      for (const code of codes) {
        const expected = dataset.tasks.items[code] ?? []
        const found = keywords.flatMap((keyword) => (typeof keyword === 'string' ? [keyword] : keyword['@language'] === code ? [keyword['@value']] : []))
        expect(found).toEqual(expected)
      }
    })
  })

  it('names license, creator and citation only where the source does', () => {
    catalog.datasets.forEach((dataset, index) => {
      const node = nodes[index] ?? {}
      const license = dataset.access.items.find((item) => item.key === 'license')
      if (license) {
        expect(node.license).toMatchObject({'@type': 'CreativeWork'})
        expect(byLanguage((node.license as Node).name, codes)).toEqual(license.value)
        if (license.url) expect((node.license as Node).url).toBe(license.url)
      } else expect(node.license).toBeUndefined()
      const institution = dataset.facts.items.find((fact) => fact.key === 'institution')
      if (institution) expect(byLanguage((node.creator as Node).name, codes)).toEqual(institution.value)
      else expect(node.creator).toBeUndefined()
      if (dataset.citation) {
        const citation = node.citation as Node
        expect(['ScholarlyArticle', 'CreativeWork', 'Book', 'Thesis']).toContain(citation['@type'])
        expect(citation.datePublished).toBe(dataset.citation.fields.year)
        expect(String(citation.name)).not.toMatch(/[{}]/)
      } else expect(node.citation).toBeUndefined()
    })
  })

  it('says isAccessibleForFree only as true, and only with evidence', () => {
    catalog.datasets.forEach((dataset, index) => {
      const node = nodes[index] ?? {}
      const evidence = freeAccessEvidence(catalog, index)
      if (evidence) expect(node.isAccessibleForFree).toBe(true)
      else expect('isAccessibleForFree' in node, dataset.id).toBe(false)
    })
  })
})

describe('isAccessibleForFree', () => {
  const {catalog} = loadCatalog(frozenSourcePath)
  const freeOf = (id: string): boolean | undefined => {
    const node = datasetsOf(JSON.stringify(buildJsonLd(catalog))).find((entry) => entry.identifier === id)
    return node?.isAccessibleForFree as boolean | undefined
  }

  it('follows what the access entries say', () => {
    expect(freeOf('chexpert')).toBe(true)
    expect(freeOf('tcga')).toBe(true)
    expect(freeOf('isic')).toBe(true)
    // Credentialed access, and "Free-text" reports are no evidence: nothing is said.
    expect(freeOf('mimic-cxr')).toBeUndefined()
    expect(freeAccessEvidence(catalog, 2)?.term).toBe('open access')
  })

  it('reads each language with its own words, and the comparison cell under the access column', () => {
    const onlyPortuguese = cloneCatalog(catalog)
    const chexpert = onlyPortuguese.datasets[1]
    if (!chexpert) throw new Error('no dataset')
    for (const item of chexpert.access.items) if (item.key !== 'url') item.value = {pt: item.value.pt ?? ''}
    delete onlyPortuguese.comparison
    expect(freeAccessEvidence(onlyPortuguese, 1)).toEqual({pointer: '/datasets/1/access/items/2/value/pt', term: 'gratuito'})
    expect(freeAccessEvidence(onlyPortuguese, 1, {en: ['free']})).toBeUndefined()

    const comparisonOnly = cloneCatalog(catalog)
    const dataset = comparisonOnly.datasets[1]
    if (!dataset) throw new Error('no dataset')
    dataset.access.items = dataset.access.items.filter((item) => item.key === 'url')
    expect(freeAccessEvidence(comparisonOnly, 1)).toEqual({pointer: '/comparison/rows/1/cells/en/4', term: 'free'})
  })

  it("looks for every locale's own terms (es included), in texts of that language only", () => {
    const mimic = catalog.datasets.findIndex((dataset) => dataset.id === 'mimic-cxr')
    expect(freeAccessEvidence(catalog, mimic)).toBeUndefined()
    expect(Object.keys(defaultFreeAccessTerms)).toEqual(expect.arrayContaining(['en', 'pt', 'es']))
    for (const [code, terms] of Object.entries(defaultFreeAccessTerms)) {
      for (const term of terms) {
        for (const language of [code, 'qq']) {
          const edited = cloneCatalog(catalog)
          if (!edited.languages.some((entry) => entry.code === language)) edited.languages.push({code: language, flag: '🏳️', name: language})
          const dataset = edited.datasets[mimic]
          if (!dataset) throw new Error('no dataset')
          const value = `${term.toLocaleUpperCase()} for research`
          const position = dataset.access.items.push({key: 'cost', label: {[language]: 'Cost'}, value: {[language]: value}}) - 1
          const evidence = freeAccessEvidence(edited, mimic)
          // A language without terms of its own (qq) is not looked at, whatever its texts say.
          if (language === 'qq') expect(evidence, `${term} in qq`).toBeUndefined()
          else {
            expect(evidence?.pointer, `${code}: ${term}`).toBe(`/datasets/${mimic}/access/items/${position}/value/${code}`)
            expect(value.toLocaleLowerCase()).toContain(evidence?.term)
          }
        }
      }
    }
  })

  it('finds no evidence in hyphenated words or other columns', () => {
    const tricky = cloneCatalog(catalog)
    const dataset = tricky.datasets[0]
    if (!dataset) throw new Error('no dataset')
    dataset.access.items.push({key: 'reports', label: {en: 'Reports'}, value: {en: 'Free-text reports, license-free-ish'}})
    expect(freeAccessEvidence(tricky, 0)).toBeUndefined()
  })
})

describe('datasets.jsonld in a page', () => {
  it('cannot close the script element it is embedded in', () => {
    const {catalog} = loadCatalog(frozenSourcePath)
    const hostile = cloneCatalog(catalog)
    const dataset = hostile.datasets[0]
    if (!dataset) throw new Error('no dataset')
    dataset.description.text.en = 'x</script><script>alert(1)</script>'
    const text = renderFeeds(hostile).get('datasets.jsonld') ?? ''
    expect(text).not.toContain('<')
    const nodes = datasetsOf(text)
    expect(byLanguage(nodes[0]?.description, ['en', 'pt']).en).toBe('x</script><script>alert(1)</script>')
  })

  it('escapes <, >, &, U+2028 and U+2029, as SECURITY.md says, and reads back the same', () => {
    const {catalog} = loadCatalog(frozenSourcePath)
    const hostile = cloneCatalog(catalog)
    const dataset = hostile.datasets[0]
    if (!dataset) throw new Error('no dataset')
    const text = 'a <!-- b --> & c\u2028d\u2029e'
    dataset.description.text.en = text
    const written = renderFeeds(hostile).get('datasets.jsonld') ?? ''
    for (const raw of ['<', '>', '&', '\u2028', '\u2029']) expect(written).not.toContain(raw)
    expect(written).toContain('a \\u003c!-- b --\\u003e \\u0026 c\\u2028d\\u2029e')
    expect(byLanguage(datasetsOf(written)[0]?.description, ['en', 'pt']).en).toBe(text)
  })
})
