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

/** CSL's rich text as the words it shows: `<span class="nocase">ISIC</span>` is `ISIC`. */
function plainText(text: unknown): string {
  return String(text).replace(/<span class="nocase">(.*?)<\/span>/g, '$1')
}

describe.each(cases)('$name', ({input}) => {
  const {catalog} = loadCatalog(input)
  const text = renderBibliography(catalog).get('datasets.csl.json') ?? ''
  // What the catalog says (escaped as the .bib writes it, so that a raw `%` is a percent sign, not
  // a LaTeX comment), turned into text by another decoder: the parser Better BibTeX uses.
  const expected = bibliographyEntries(catalog).map((entry) => {
    const [parsed] = parseBibtex(formatEntryBody(entry), {sentenceCase: false, english: false}).entries
    return {key: entry.key, fields: parsed?.fields as {title?: string; author?: Array<{lastName?: string; name?: string}>; year?: string; date?: string}}
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
      expect(plainText(item['title']).normalize('NFKC')).toBe(String(source?.fields.title).normalize('NFKC'))
      const authors = (item['author'] as Name[]).map((name) => (name.literal ?? name.family ?? '').normalize('NFC'))
      const sourceAuthors = (source?.fields.author ?? []).map((name) => (name.lastName ?? name.name ?? '').normalize('NFC'))
      expect(authors).toEqual(sourceAuthors)
      // biblatex dates a work by `year` or by `date` (`2019-01-21`).
      expect((item['issued'] as {'date-parts': number[][]})['date-parts'][0]?.[0]).toBe(Number(source?.fields.year ?? source?.fields.date?.slice(0, 4)))
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
      expect(bibliography.normalize('NFC').toLowerCase()).toContain(
        title
          .toLowerCase()
          .replace(/[.?!]$/, '')
          .slice(0, 40)
      )
    }
  })

  it('carries no random or time-dependent values', () => {
    // A date of access is the source's (`urldate`), never the day of the build.
    const accessed = catalog.datasets.some((dataset) => dataset.citation?.fields['urldate'] !== undefined)
    expect(text).not.toMatch(accessed ? /_graph|\d{4}-\d{2}-\d{2}T/ : /_graph|"accessed"|\d{4}-\d{2}-\d{2}T/)
    expect(renderBibliography(structuredClone(catalog)).get('datasets.csl.json')).toBe(text)
  })
})

describe('the real source', () => {
  const {catalog} = loadCatalog(cases[0]?.input ?? '')
  const items = JSON.parse(renderBibliography(catalog).get('datasets.csl.json') ?? '') as Array<{title: string; 'container-title'?: string}>

  it('has the titles and journals as the catalog writes them (plain text there), acronyms marked nocase', () => {
    const cited = catalog.datasets.filter((dataset) => dataset.citation)
    expect(items.map((item) => plainText(item.title))).toEqual(cited.map((dataset) => dataset.citation?.fields['title']))
    expect(items.map((item) => plainText(item['container-title']))).toEqual(
      cited.map((dataset) => dataset.citation?.fields['journal'] ?? dataset.citation?.fields['booktitle'])
    )
    expect(items[0]?.title).toBe(
      '<span class="nocase">MIMIC-CXR</span>, a de-identified publicly available database of chest radiographs with free-text reports'
    )
  })
})

describe('biblatex types and case protection', () => {
  const {catalog} = loadCatalog(cases.find((entry) => entry.name === 'biblatex-types')?.input ?? '')
  const outputs = renderBibliography(catalog)
  const items = JSON.parse(outputs.get('datasets.csl.json') ?? '') as Array<{id: string; type: string; [variable: string]: unknown}>
  const item = (id: string): Record<string, unknown> => items.find((entry) => entry.id === id) ?? {}

  it('types each entry by its biblatex type: a @dataset is a CSL dataset', () => {
    const types = Object.fromEntries(
      catalog.datasets.flatMap((dataset) => (dataset.citation ? [[dataset.citation.type, item(dataset.citation.key)['type']]] : []))
    )
    expect(types).toEqual({dataset: 'dataset', software: 'software', online: 'webpage', report: 'report', inproceedings: 'paper-conference', misc: 'document'})
  })

  it("keeps a data set's DOI, version and publisher, and a web page's date of access", () => {
    expect(item('johnson2019mimiccxr')).toMatchObject({DOI: '10.13026/C2JT1Q', version: '2.0.0', publisher: 'PhysioNet'})
    expect(item('isic2024archive')['accessed']).toEqual({'date-parts': [[2024, 5, 1]]})
    expect(item('smith2020ukbiobank')).toMatchObject({genre: 'Technical Report', version: '1.8'})
  })

  it('marks exactly the braced words of the .bib nocase, the source’s braces and the renderer’s alike', () => {
    const bib = outputs.get('datasets.biblatex.bib') ?? ''
    const marked = items.flatMap((entry) => [...String(entry['title']).matchAll(/<span class="nocase">(.*?)<\/span>/g)].map((match) => match[1]))
    const braced = [...bib.matchAll(/^ {2}title = \{(.*)\},?$/gm)].flatMap((match) => [...(match[1] ?? '').matchAll(/\{([^{}]*)\}/g)].map((group) => group[1]))
    expect(marked).toEqual(braced)
    expect(marked).toEqual(['MIMIC-CXR', 'CheXpert', 'CheXpert', 'X-ray', 'ISIC', 'ISIC', 'UK Biobank'])
  })
})
