/**
 * Rendering: the outputs of each catalog in `cases` are compared byte for
 * byte with `test/fixtures/<case>/expected/` (the real source's with
 * `fixtures/real-source/expected/`). After a deliberate change, regenerate
 * them with `UPDATE_FIXTURES=1 npx vitest run` and review the diff.
 */
import {mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {parse as parseBibtex} from '@retorquere/bibtex-parser'
import type {Catalog} from '@catalog/schema'
import {describe, expect, it} from 'vitest'
import {fieldOrder, renderBibliography} from '../src/index.js'
import {cases, fixturesRoot, loadCatalog} from './helpers.js'

const update = process.env['UPDATE_FIXTURES'] === '1'

function listFiles(folder: string, prefix = ''): string[] {
  return readdirSync(folder, {withFileTypes: true}).flatMap((entry) =>
    entry.isDirectory() ? listFiles(path.join(folder, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]
  )
}

/** Parse BibTeX as the parser package does (verbatim: LaTeX kept) and put the entries back into the catalog. */
function rebuildFromBib(catalog: Catalog, bib: string): Catalog {
  const library = parseBibtex(bib, {raw: true, verbatimFields: [/.*/], sentenceCase: false, english: false})
  expect(library.errors).toEqual([])
  const rebuilt = structuredClone(catalog)
  const cited = rebuilt.datasets.filter((dataset) => dataset.citation)
  expect(library.entries.map((entry) => entry.key)).toEqual(cited.map((dataset) => dataset.citation?.key))
  library.entries.forEach((entry, index) => {
    const citation = cited[index]?.citation
    if (!citation) return
    citation.type = entry.type
    citation.key = entry.key
    citation.fields = Object.fromEntries(Object.entries(entry.fields).map(([name, value]) => [name, String(value)]))
  })
  return rebuilt
}

describe.each(cases)('$name', ({name, input}) => {
  const {catalog} = loadCatalog(input)
  const outputs = renderBibliography(catalog)
  const cited = catalog.datasets.filter((dataset) => dataset.citation)
  const keys = cited.map((dataset) => dataset.citation?.key ?? '')

  it('matches the expected files byte for byte', () => {
    const folder = path.join(fixturesRoot, name, 'expected')
    if (update) {
      rmSync(folder, {recursive: true, force: true})
      for (const [file, text] of outputs) {
        mkdirSync(path.dirname(path.join(folder, file)), {recursive: true})
        writeFileSync(path.join(folder, file), text)
      }
    }
    expect(listFiles(folder).toSorted()).toEqual([...outputs.keys()].toSorted())
    for (const [file, text] of outputs) expect(text, file).toBe(readFileSync(path.join(folder, file), 'utf8'))
  })

  it('writes one bib/<key>.bib per citation, and the combined file is them in source order', () => {
    expect([...outputs.keys()].filter((file) => file.startsWith('bib/'))).toEqual(keys.map((key) => `bib/${key}.bib`))
    expect(outputs.get('datasets.bib')).toBe(keys.map((key) => outputs.get(`bib/${key}.bib`)).join('\n'))
    for (const key of keys) expect(outputs.get(`bib/${key}.bib`)?.match(/^@/gm)).toHaveLength(1)
  })

  it('gives the same bytes on every run and for a copy of the catalog', () => {
    const before = JSON.stringify(catalog)
    expect(renderBibliography(catalog)).toEqual(outputs)
    expect(renderBibliography(JSON.parse(before) as Catalog)).toEqual(outputs)
    expect(JSON.stringify(catalog)).toBe(before)
  })

  it('is idempotent: parsing its output and rendering again gives the same bytes', () => {
    const again = renderBibliography(rebuildFromBib(catalog, outputs.get('datasets.bib') ?? ''))
    expect(again).toEqual(outputs)
    // And each per-entry file alone reads back to its own entry.
    for (const key of keys) {
      const library = parseBibtex(outputs.get(`bib/${key}.bib`) ?? '', {raw: true, verbatimFields: [/.*/], sentenceCase: false, english: false})
      expect(library.entries.map((entry) => entry.key)).toEqual([key])
    }
  })

  it('names the dataset in a comment and adds its URL only where the citation has none', () => {
    for (const dataset of cited) {
      const text = outputs.get(`bib/${dataset.citation?.key}.bib`) ?? ''
      const primary = catalog.languages[0]?.code ?? ''
      expect(text.split('\n')[0]).toBe(`% ${dataset.name}: ${dataset.title[primary]}`.replace(/@/g, '(at)'))
      const url = dataset.access.items.find((item) => item.key === 'url')?.url
      const own = dataset.citation?.fields['url']
      expect(text).toContain(`  url = {${own ?? url}}`)
      expect(text.match(/^ {2}url = /gm)).toHaveLength(1)
    }
  })

  it('writes the fields in the documented order, every value in braces', () => {
    for (const key of keys) {
      const lines = (outputs.get(`bib/${key}.bib`) ?? '').split('\n')
      const fields = lines.filter((line) => line.startsWith('  ')).map((line) => /^ {2}([a-z][a-z0-9_-]*) = \{.*\},?$/.exec(line)?.[1])
      expect(fields).not.toContain(undefined)
      const rank = (field = ''): [number, string] => [fieldOrder.includes(field) ? fieldOrder.indexOf(field) : fieldOrder.length, field]
      const sorted = fields.toSorted((a, b) => {
        const [ra, na] = rank(a)
        const [rb, nb] = rank(b)
        return ra - rb || (na < nb ? -1 : na > nb ? 1 : 0)
      })
      expect(fields).toEqual(sorted)
      expect(lines.at(-2)).toBe('}')
      expect(lines.at(-3)).not.toMatch(/,$/)
    }
  })
})

describe('the real source', () => {
  const {catalog} = loadCatalog(cases[0]?.input ?? '')
  const outputs = renderBibliography(catalog)

  it("keeps the source's values exactly (they are LaTeX already)", () => {
    for (const dataset of catalog.datasets) {
      const text = outputs.get(`bib/${dataset.citation?.key}.bib`) ?? ''
      for (const [field, value] of Object.entries(dataset.citation?.fields ?? {})) expect(text).toContain(`  ${field} = {${value}}`)
    }
  })
})

describe('the larger catalog', () => {
  const {catalog} = loadCatalog(cases[1]?.input ?? '')
  const outputs = renderBibliography(catalog)

  it('keeps a url the citation has, even where it differs from the dataset URL', () => {
    expect(outputs.get('bib/armato2011lidc.bib')).toContain('  url = {https://doi.org/10.1118/1.3528204}\n')
    expect(outputs.get('bib/armato2011lidc.bib')).not.toContain('cancerimagingarchive')
  })

  it('leaves out a dataset without a citation', () => {
    const uncited = catalog.datasets.filter((dataset) => !dataset.citation)
    expect(uncited.length).toBeGreaterThan(0)
    for (const dataset of uncited) expect(outputs.get('datasets.bib')).not.toContain(`% ${dataset.name}:`)
  })
})

describe('renderBibliography refuses what would break dist/', () => {
  const {catalog} = loadCatalog(cases[0]?.input ?? '')
  const edit = (change: (catalog: Catalog) => void): (() => unknown) => {
    const copy = structuredClone(catalog)
    change(copy)
    return () => renderBibliography(copy)
  }
  const citationOf = (copy: Catalog, index: number): NonNullable<Catalog['datasets'][number]['citation']> => {
    const citation = copy.datasets[index]?.citation
    if (!citation) throw new Error(`dataset ${index} has no citation`)
    return citation
  }

  it.each(['../escape', 'a/b', 'a\\b', '..', '.', 'key with space', ''])('a key that is no file name: %j', (key) => {
    expect(edit((copy) => (citationOf(copy, 0).key = key))).toThrow(/cannot name a file/)
  })

  it('two keys that would write the same file', () => {
    expect(edit((copy) => (citationOf(copy, 1).key = citationOf(copy, 0).key))).toThrow(/same file/)
    expect(edit((copy) => (citationOf(copy, 1).key = citationOf(copy, 0).key.toUpperCase()))).toThrow(/same file/)
  })

  it('a value with unbalanced braces', () => {
    expect(edit((copy) => (citationOf(copy, 0).fields['title'] = 'A {broken title'))).toThrow(/unbalanced braces/)
    expect(edit((copy) => (citationOf(copy, 0).fields['title'] = 'ends in a backslash \\'))).toThrow(/unbalanced braces/)
  })
})
