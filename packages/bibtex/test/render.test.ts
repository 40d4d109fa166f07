/**
 * Rendering: the outputs of each catalog in `cases` (its JSON, validated by
 * the schema: the frozen catalog, or a fixture's `input.json`) are compared
 * byte for byte with `test/fixtures/<case>/expected/` (the real source's with
 * `fixtures/real-source/expected/`). After a deliberate change, regenerate
 * them with `UPDATE_FIXTURES=1 npx vitest run`, which first rewrites each
 * fixture's `input.json` from its `input.md`, and review the diff.
 */
import {mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {parse as parseBibtex} from '@retorquere/bibtex-parser'
import type {Catalog} from '@catalog/schema'
import {describe, expect, it} from 'vitest'
import {entryTypeOf} from '@catalog/schema'
import {caseProtectedFields, classicForm, fieldOrder, renderBibliography} from '../src/index.js'
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
    // datasets.biblatex.bib keeps every entry as the source gives it: everything renders again from it.
    expect(renderBibliography(rebuildFromBib(catalog, outputs.get('datasets.biblatex.bib') ?? ''))).toEqual(outputs)
    // datasets.bib writes a biblatex type as its stand-in, which renders as itself.
    const classic = renderBibliography(rebuildFromBib(catalog, outputs.get('datasets.bib') ?? ''))
    expect(classic.get('datasets.bib')).toBe(outputs.get('datasets.bib'))
    for (const key of keys) expect(classic.get(`bib/${key}.bib`)).toBe(outputs.get(`bib/${key}.bib`))
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
    const biblatexEntries = (outputs.get('datasets.biblatex.bib') ?? '').split('\n\n')
    expect(biblatexEntries).toHaveLength(keys.length)
    for (const text of [...keys.map((key) => outputs.get(`bib/${key}.bib`) ?? ''), ...biblatexEntries]) {
      const lines = text.split('\n')
      const fields = lines.filter((line) => line.startsWith('  ')).map((line) => /^ {2}([a-z][a-z0-9_-]*) = \{.*\},?$/.exec(line)?.[1])
      expect(fields).not.toContain(undefined)
      const rank = (field = ''): [number, string] => [fieldOrder.includes(field) ? fieldOrder.indexOf(field) : fieldOrder.length, field]
      const sorted = fields.toSorted((a, b) => {
        const [ra, na] = rank(a)
        const [rb, nb] = rank(b)
        return ra - rb || (na < nb ? -1 : na > nb ? 1 : 0)
      })
      expect(fields).toEqual(sorted)
      const end = lines.at(-1) === '' ? -2 : -1
      expect(lines.at(end)).toBe('}')
      expect(lines.at(end - 1)).not.toMatch(/,$/)
    }
  })

  it('writes datasets.biblatex.bib with the same entries, each of its own type', () => {
    const library = parseBibtex(outputs.get('datasets.biblatex.bib') ?? '', {raw: true, verbatimFields: [/.*/], sentenceCase: false, english: false})
    expect(library.errors).toEqual([])
    expect(library.entries.map((entry) => [entry.key, entry.type])).toEqual(cited.map((dataset) => [dataset.citation?.key, dataset.citation?.type]))
  })
})

describe('the real source', () => {
  const {catalog} = loadCatalog(cases[0]?.input ?? '')
  const outputs = renderBibliography(catalog)

  it("keeps the source's values (they are LaTeX already), bracing only the words of titles no style may recase", () => {
    const braced: string[] = []
    for (const dataset of catalog.datasets) {
      const text = outputs.get(`bib/${dataset.citation?.key}.bib`) ?? ''
      for (const [field, value] of Object.entries(dataset.citation?.fields ?? {})) {
        const written = new RegExp(`^ {2}${field} = \\{(.*)\\},?$`, 'm').exec(text)?.[1]
        if (!caseProtectedFields.has(field)) expect(written).toBe(value)
        else {
          expect(written?.replace(/[{}]/g, '')).toBe(value.replace(/[{}]/g, ''))
          braced.push(...[...(written ?? '').matchAll(/\{([^{}]*)\}/g)].map((match) => match[1] ?? ''))
        }
      }
    }
    // `Chexpert` and `(isic)` are lowercase in the source already: nothing to keep.
    expect(braced).toEqual(['MIMIC-CXR', 'AAAI'])
  })
})

describe('biblatex types', () => {
  const {catalog} = loadCatalog(cases.find((entry) => entry.name === 'biblatex-types')?.input ?? '')
  const outputs = renderBibliography(catalog)

  it('writes a @dataset as @misc in datasets.bib, publisher and version where plain.bst prints them, and as itself in datasets.biblatex.bib', () => {
    expect(outputs.get('bib/johnson2019mimiccxr.bib')).toContain(
      '@misc{johnson2019mimiccxr,\n  title = {{MIMIC-CXR} Database},\n  author = {Johnson, Alistair and Pollard, Tom and Mark, Roger and Berkowitz, Seth and Horng, Steven},\n  howpublished = {PhysioNet},\n  year = {2019},\n  note = {Version 2.0.0},\n  doi = {10.13026/C2JT1Q},\n'
    )
    expect(outputs.get('datasets.biblatex.bib')).toContain(
      '@dataset{johnson2019mimiccxr,\n  title = {{MIMIC-CXR} Database},\n  author = {Johnson, Alistair and Pollard, Tom and Mark, Roger and Berkowitz, Seth and Horng, Steven},\n  version = {2.0.0},\n  publisher = {PhysioNet},\n  year = {2019},\n  doi = {10.13026/C2JT1Q},\n'
    )
  })

  it('writes every entry of datasets.bib with a type of BibTeX’s standard styles', () => {
    const library = parseBibtex(outputs.get('datasets.bib') ?? '', {raw: true, verbatimFields: [/.*/], sentenceCase: false, english: false})
    expect(library.entries.map((entry) => entry.type)).toEqual(['misc', 'inproceedings', 'misc', 'misc', 'misc', 'techreport'])
    expect(library.entries.every((entry) => entryTypeOf(entry.type)?.dialect === 'bibtex')).toBe(true)
  })
})

describe('months', () => {
  const {catalog} = loadCatalog(cases.find((entry) => entry.name === 'biblatex-types')?.input ?? '')
  const edited = structuredClone(catalog)
  const citation = edited.datasets.find((dataset) => dataset.citation?.key === 'irvin2019chexpert')?.citation
  if (!citation) throw new Error('the fixture does not cite irvin2019chexpert')
  citation.fields['month'] = 'January'
  const outputs = renderBibliography(edited)

  it('are written as numbers in datasets.biblatex.bib, as the source writes them in datasets.bib', () => {
    expect(outputs.get('datasets.biblatex.bib')).toContain('  month = {1},\n')
    expect(outputs.get('datasets.bib')).toContain('  month = {January},\n')
  })
})

describe('classicForm', () => {
  const form = (type: string, fields: Record<string, string>): {type: string; fields: Record<string, string>} => {
    const classic = classicForm(type, Object.entries(fields))
    return {type: classic.type, fields: Object.fromEntries(classic.fields)}
  }

  it('writes software dated by `date` as @misc with its year, organization and version', () => {
    expect(form('software', {title: 'T', author: 'A', organization: 'Lab', version: '1.0', date: '2019-01-21', url: 'https://x.org/'})).toEqual({
      type: 'misc',
      fields: {title: 'T', author: 'A', howpublished: 'Lab', year: '2019', url: 'https://x.org/', note: 'Version 1.0'}
    })
  })

  it('writes a web page with its link and date of access where plain.bst prints them', () => {
    expect(form('online', {title: 'T', author: 'A', year: '2024', url: 'https://x.org/', urldate: '2024-05-01', note: 'A mirror'})).toEqual({
      type: 'misc',
      fields: {title: 'T', author: 'A', howpublished: '\\url{https://x.org/}', year: '2024', note: 'A mirror. Accessed 2024-05-01', url: 'https://x.org/'}
    })
  })

  it('writes a web page by an organization with both, organization first', () => {
    expect(form('online', {title: 'T', organization: 'ISIC', year: '2024', url: 'https://x.org/'}).fields['howpublished']).toBe('ISIC, \\url{https://x.org/}')
  })

  it('writes a report as @techreport, keeping its own howpublished and both dates', () => {
    expect(form('report', {title: 'T', author: 'A', type: 'White Paper', institution: 'I', year: '2020', date: '2020-02', version: '2'})).toEqual({
      type: 'techreport',
      fields: {title: 'T', author: 'A', institution: 'I', type: 'White Paper', year: '2020', date: '2020-02', note: 'Version 2'}
    })
    expect(form('dataset', {title: 'T', howpublished: 'Zenodo', publisher: 'CERN', year: '2020'}).fields).toEqual({
      title: 'T',
      howpublished: 'Zenodo',
      publisher: 'CERN',
      year: '2020'
    })
  })

  it('leaves the types BibTeX defines as they are', () => {
    expect(form('article', {title: 'T', version: '2', date: '2020'})).toEqual({type: 'article', fields: {title: 'T', version: '2', date: '2020'}})
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
