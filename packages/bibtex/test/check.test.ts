import {parseCatalogSource, type PointerMap, reportFindings} from '@catalog/parser'
import type {Catalog, Finding} from '@catalog/schema'
import {describe, expect, it} from 'vitest'
import {checkBibliography, normalizeDoi} from '../src/index.js'
import {cases, lineOf, loadCatalog, replaceOnce} from './helpers.js'

const [realSource, larger, special] = cases.map((entry) => loadCatalog(entry.input))
if (!realSource || !larger || !special) throw new Error('missing a case')

function brief(findings: readonly Finding[]): string[] {
  return findings.map((finding) => `${finding.severity} ${finding.ruleId} ${finding.pointer}`)
}

function edited(catalog: Catalog, change: (copy: Catalog) => void): Catalog {
  const copy = structuredClone(catalog)
  change(copy)
  return copy
}

function citationOf(catalog: Catalog, id: string): NonNullable<Catalog['datasets'][number]['citation']> {
  const citation = catalog.datasets.find((dataset) => dataset.id === id)?.citation
  if (!citation) throw new Error(`${id} has no citation`)
  return citation
}

describe('checkBibliography', () => {
  it('finds nothing in the real source', () => {
    expect(checkBibliography(realSource.catalog)).toEqual([])
  })

  it('warns about a dataset without a citation', () => {
    const index = larger.catalog.datasets.findIndex((dataset) => !dataset.citation)
    expect(brief(checkBibliography(larger.catalog))).toEqual([`warning bibtex-missing-citation /datasets/${index}`])
  })

  it('warns about characters with no LaTeX command', () => {
    const findings = checkBibliography(special.catalog)
    expect(brief(findings)).toEqual(['warning bibtex-unmapped-character /datasets/1/citation/fields/title'])
    expect(findings[0]?.message).toContain('"東" (U+6771), "京" (U+4EAC)')
  })

  it('reports a DOI cited twice, however it is written', () => {
    const catalog = edited(larger.catalog, (copy) => {
      citationOf(copy, 'oasis').fields['doi'] = 'https://doi.org/10.1109/tmi.2014.2377694'
    })
    const oasis = catalog.datasets.findIndex((dataset) => dataset.id === 'oasis')
    const findings = checkBibliography(catalog)
    const uncited = catalog.datasets.findIndex((dataset) => !dataset.citation)
    expect(brief(findings)).toEqual([
      `warning bibtex-doi-format /datasets/${oasis}/citation/fields/doi`,
      `error bibtex-duplicate-doi /datasets/${oasis}/citation/fields/doi`,
      `warning bibtex-missing-citation /datasets/${uncited}`
    ])
    expect(findings.find((finding) => finding.ruleId === 'bibtex-duplicate-doi')?.message).toContain('already cited by BraTS as `menze2015brats`')
  })

  it.each([
    ['10.1038/sdata.2018.161', '10.1038/sdata.2018.161'],
    ['https://doi.org/10.1038/SDATA.2018.161', '10.1038/sdata.2018.161'],
    ['http://dx.doi.org/10.1038/sdata.2018.161', '10.1038/sdata.2018.161'],
    ['doi: 10.1038/sdata.2018.161', '10.1038/sdata.2018.161']
  ])('normalizes the DOI %j', (doi, expected) => {
    expect(normalizeDoi(doi)).toBe(expected)
  })

  it('reports keys that differ only in case', () => {
    const catalog = edited(realSource.catalog, (copy) => {
      citationOf(copy, 'chexpert').key = 'Johnson2019MIMIC'
    })
    expect(brief(checkBibliography(catalog))).toEqual(['error bibtex-key-case-collision /datasets/1/citation/key'])
  })

  it('leaves exact duplicate keys to the parser, which reports them at the source line', () => {
    const catalog = edited(realSource.catalog, (copy) => {
      citationOf(copy, 'chexpert').key = 'johnson2019mimic'
    })
    expect(checkBibliography(catalog)).toEqual([])
  })

  it('reports a value that cannot sit between braces', () => {
    const catalog = edited(realSource.catalog, (copy) => {
      citationOf(copy, 'isic').fields['title'] = 'A {broken title'
      citationOf(copy, 'isic').fields['note'] = 'C:\\'
    })
    expect(brief(checkBibliography(catalog))).toEqual([
      'error bibtex-unbalanced-braces /datasets/3/citation/fields/title',
      'error bibtex-unbalanced-braces /datasets/3/citation/fields/note'
    ])
  })

  it('reports crossref, which a per-entry file cannot resolve', () => {
    const catalog = edited(realSource.catalog, (copy) => {
      citationOf(copy, 'chexpert').fields['crossref'] = 'aaai2019'
    })
    expect(brief(checkBibliography(catalog))).toEqual(['error bibtex-crossref /datasets/1/citation/fields/crossref'])
  })
})

describe('findings at source positions', () => {
  it('puts a duplicate DOI on the line of the citation block that repeats it', () => {
    // BraTS, listed before OASIS, now cites OASIS's DOI.
    const text = replaceOnce(larger.text, 'doi={10.1109/TMI.2014.2377694}', 'doi={10.1162/jocn.2007.19.9.1498}')
    const {catalog, file} = parseCatalogSource(text, 'input.md')
    if (!catalog) throw new Error(file.messages.map(String).join('; '))
    const findings = checkBibliography(catalog).filter((finding) => finding.ruleId === 'bibtex-duplicate-doi')
    expect(findings).toHaveLength(1)
    reportFindings(file, findings, file.data['pointers'] as PointerMap)
    const message = file.messages.find((m) => m.ruleId === 'bibtex-duplicate-doi')
    // The second in source order is reported: OASIS, at the line of its own DOI.
    const doiLines = text.split('\n').flatMap((line, index) => (line.includes('doi={10.1162/jocn.2007.19.9.1498}') ? [index + 1] : []))
    expect(doiLines).toHaveLength(2)
    expect(message?.line).toBe(doiLines[1])
    expect(message?.line).toBeGreaterThan(lineOf(text, '@article{marcus2007oasis'))
    expect(message?.fatal).toBe(true)
  })
})

describe('bibtex-style-warning', () => {
  it('points at the field to change, or at the fields when one is missing', () => {
    const catalog = edited(realSource.catalog, (copy) => {
      citationOf(copy, 'chexpert').fields['number'] = '01'
      const isic = citationOf(copy, 'isic')
      isic.type = 'misc'
      delete isic.fields['author']
    })
    const findings = checkBibliography(catalog)
    expect(brief(findings)).toEqual(['warning bibtex-style-warning /datasets/1/citation/fields/number', 'warning bibtex-style-warning /datasets/3/citation/fields'])
    expect(findings[0]?.message).toBe('BibTeX\'s standard styles warn "can\'t use both volume and number fields in irvin2019chexpert": keep one of `volume` and `number`')
  })
})
