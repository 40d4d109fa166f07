/**
 * datasets.csl.json, read back as Zotero and Pandoc users read it: JSON.parse,
 * citation-js (`new Cite`), and a bibliography formatted by citeproc through
 * @citation-js/plugin-csl.
 */
import {Cite} from '@citation-js/core'
import '@citation-js/plugin-csl'
import {parse as parseBibtex} from '@retorquere/bibtex-parser'
import {describe, expect, it} from 'vitest'
import {bibliographyEntries, formatEntryBody, renderBibliography} from '../src/index.js'
import {cases, loadCatalog} from './helpers.js'

interface Name {
  family?: string
  given?: string
  literal?: string
}

describe.each(cases)('$name', ({input}) => {
  const {catalog} = loadCatalog(input)
  const text = renderBibliography(catalog).get('datasets.csl.json') ?? ''
  // What the catalog says (escaped as the .bib writes it, so that a raw `%` is a percent sign, not
  // a LaTeX comment), turned into text by another decoder: the parser Better BibTeX uses.
  const expected = bibliographyEntries(catalog).map((entry) => {
    const [parsed] = parseBibtex(formatEntryBody(entry), {sentenceCase: false, english: false}).entries
    return {key: entry.key, fields: parsed?.fields as {title?: string; author?: Array<{lastName?: string; name?: string}>; year?: string}}
  })

  it('parses as a JSON array with one item per citation, ids being the keys in source order', () => {
    const items = JSON.parse(text) as Array<{id: string}>
    expect(Array.isArray(items)).toBe(true)
    expect(items.map((item) => item.id)).toEqual(expected.map((entry) => entry.key))
    expect(text.endsWith('\n')).toBe(true)
  })

  it('reads back through citation-js with the titles, authors and years of the catalog', () => {
    const cite = new Cite(JSON.parse(text))
    expect(cite.data).toHaveLength(expected.length)
    cite.data.forEach((item, index) => {
      const source = expected[index]
      expect(item.id).toBe(source?.key)
      expect(item['citation-key']).toBe(source?.key)
      // NFKC: the decoders may pick a math-italic μ where the other picks the letter.
      expect(String(item['title']).normalize('NFKC')).toBe(String(source?.fields.title).normalize('NFKC'))
      const authors = (item['author'] as Name[]).map((name) => (name.literal ?? name.family ?? '').normalize('NFC'))
      const sourceAuthors = (source?.fields.author ?? []).map((name) => (name.lastName ?? name.name ?? '').normalize('NFC'))
      expect(authors).toEqual(sourceAuthors)
      expect((item['issued'] as {'date-parts': number[][]})['date-parts'][0]?.[0]).toBe(Number(source?.fields.year))
      expect(item['URL']).toMatch(/^https:\/\//)
    })
  })

  it('writes BibTeX’s “and others” as Pandoc does, never as a person called others', () => {
    const items = JSON.parse(text) as Array<{id: string; author?: Name[]}>
    for (const item of items) {
      for (const name of item.author ?? []) expect(name.family).not.toBe('others')
      const source = catalog.datasets.find((dataset) => dataset.citation?.key === item.id)?.citation?.fields['author'] ?? ''
      expect(item.author?.at(-1)?.literal === 'others').toBe(/\band others$/.test(source))
    }
  })

  it('formats as a bibliography with citeproc, every title in it', () => {
    const bibliography = new Cite(JSON.parse(text)).format('bibliography', {format: 'text', template: 'apa', lang: 'en-US'})
    for (const entry of expected) {
      const title = String(entry.fields.title).normalize('NFC')
      // APA keeps the title's words; compare without case and punctuation at the end.
      expect(bibliography.normalize('NFC').toLowerCase()).toContain(title.toLowerCase().replace(/[.?!]$/, '').slice(0, 40))
    }
  })

  it('carries no random or time-dependent values', () => {
    expect(text).not.toMatch(/_graph|"accessed"|\d{4}-\d{2}-\d{2}T/)
    expect(renderBibliography(structuredClone(catalog)).get('datasets.csl.json')).toBe(text)
  })
})

describe('the real source', () => {
  const {catalog} = loadCatalog(cases[0]?.input ?? '')
  const items = JSON.parse(renderBibliography(catalog).get('datasets.csl.json') ?? '') as Array<{title: string; 'container-title'?: string}>

  it('has the titles and journals exactly as the catalog writes them (plain text there)', () => {
    const cited = catalog.datasets.filter((dataset) => dataset.citation)
    expect(items.map((item) => item.title)).toEqual(cited.map((dataset) => dataset.citation?.fields['title']))
    expect(items.map((item) => item['container-title'])).toEqual(cited.map((dataset) => dataset.citation?.fields['journal'] ?? dataset.citation?.fields['booktitle']))
  })
})
