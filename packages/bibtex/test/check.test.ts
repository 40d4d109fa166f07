import {parseCatalogSource, type PointerMap, reportFindings} from '@catalog/parser'
import type {Catalog, Finding} from '@catalog/schema'
import {describe, expect, it} from 'vitest'
import {checkBibliography, normalizeDoi} from '../src/index.js'
import {cases, lineOf, loadCatalog, replaceOnce} from './helpers.js'

const [realSource, larger, special, biblatexTypes] = cases.map((entry) => loadCatalog(entry.input))
if (!realSource || !larger || !special || !biblatexTypes) throw new Error('missing a case')

/** The findings, briefly, but for the two warnings about completeness, which every citation of the real source has. */
function withoutCompleteness(findings: readonly Finding[]): string[] {
  return brief(findings.filter((finding) => finding.ruleId !== 'bibtex-no-identifier' && finding.ruleId !== 'bibtex-incomplete-authors'))
}

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
  it('finds in the real source what a reader would miss: no DOI or URL, and authors cut short', () => {
    // Each of its four citations: Google Scholar's export, with one author and "others", and no DOI.
    expect(brief(checkBibliography(realSource.catalog))).toEqual(
      [0, 1, 2, 3].flatMap((index) => [
        `warning bibtex-no-identifier /datasets/${index}/citation/key`,
        `warning bibtex-incomplete-authors /datasets/${index}/citation/fields/author`
      ])
    )
  })

  it('finds nothing in citations that are complete, of every type', () => {
    expect(checkBibliography(biblatexTypes.catalog, {currentYear: 2024})).toEqual([])
  })

  it('warns about a dataset without a citation', () => {
    const index = larger.catalog.datasets.findIndex((dataset) => !dataset.citation)
    expect(withoutCompleteness(checkBibliography(larger.catalog))).toEqual([`warning bibtex-missing-citation /datasets/${index}`])
  })

  it('warns about characters with no LaTeX command', () => {
    const findings = checkBibliography(special.catalog).filter((finding) => finding.ruleId === 'bibtex-unmapped-character')
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
    expect(withoutCompleteness(findings)).toEqual([
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
    expect(withoutCompleteness(checkBibliography(catalog))).toEqual(['error bibtex-key-case-collision /datasets/1/citation/key'])
  })

  it('leaves exact duplicate keys to the parser, which reports them at the source line', () => {
    const catalog = edited(realSource.catalog, (copy) => {
      citationOf(copy, 'chexpert').key = 'johnson2019mimic'
    })
    expect(withoutCompleteness(checkBibliography(catalog))).toEqual([])
  })

  it('reports a value that cannot sit between braces', () => {
    const catalog = edited(realSource.catalog, (copy) => {
      citationOf(copy, 'isic').fields['title'] = 'A {broken title'
      citationOf(copy, 'isic').fields['note'] = 'C:\\'
    })
    expect(withoutCompleteness(checkBibliography(catalog))).toEqual([
      'error bibtex-unbalanced-braces /datasets/3/citation/fields/title',
      'error bibtex-unbalanced-braces /datasets/3/citation/fields/note'
    ])
  })

  it('reports crossref, which a per-entry file cannot resolve', () => {
    const catalog = edited(realSource.catalog, (copy) => {
      citationOf(copy, 'chexpert').fields['crossref'] = 'aaai2019'
    })
    expect(withoutCompleteness(checkBibliography(catalog))).toEqual(['error bibtex-crossref /datasets/1/citation/fields/crossref'])
  })
})

describe('citations a reader cannot follow', () => {
  const withFields = (fields: Record<string, string | undefined>, type?: string): Catalog =>
    edited(biblatexTypes.catalog, (copy) => {
      const citation = citationOf(copy, 'mimic-cxr')
      if (type !== undefined) citation.type = type
      for (const [name, value] of Object.entries(fields)) {
        if (value === undefined) delete citation.fields[name]
        else citation.fields[name] = value
      }
    })
  const check = (catalog: Catalog, currentYear = 2024): string[] => brief(checkBibliography(catalog, {currentYear}))

  it.each([
    ['10.5555alpha.2020', 'error bibtex-doi-syntax'],
    ['https://doi.org/s41597-019-0322-0', 'error bibtex-doi-syntax'],
    ['10.1038/ s41597', 'error bibtex-doi-syntax'],
    ['10.123/short-registrant', 'error bibtex-doi-syntax'],
    ['https://doi.org/10.13026/C2JT1Q', 'warning bibtex-doi-format'],
    ['doi:10.13026/C2JT1Q', 'warning bibtex-doi-format'],
    ['10.1000.10/123', undefined],
    ['10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0', undefined]
  ])('the DOI %j: one finding at most, %s', (doi, finding) => {
    expect(check(withFields({doi}))).toEqual(finding === undefined ? [] : [`${finding} /datasets/0/citation/fields/doi`])
  })

  it('compares DOIs for duplicates only when they are DOIs', () => {
    const catalog = edited(biblatexTypes.catalog, (copy) => {
      citationOf(copy, 'mimic-cxr').fields['doi'] = 'not a doi'
      citationOf(copy, 'chexpert').fields['doi'] = 'NOT A DOI'
    })
    expect(check(catalog)).toEqual(['error bibtex-doi-syntax /datasets/0/citation/fields/doi', 'error bibtex-doi-syntax /datasets/1/citation/fields/doi'])
  })

  it.each([
    [{year: '1900'}, []],
    [{year: '2025'}, []],
    [{year: '2026'}, ['error bibtex-year-range /datasets/0/citation/fields/year']],
    [{year: '1899'}, ['error bibtex-year-range /datasets/0/citation/fields/year']],
    [{year: '20190'}, ['error bibtex-year-range /datasets/0/citation/fields/year']],
    // What is no number is no year to compare (`catalog new` writes `TODO`, which is its own error).
    [{year: 'in press'}, []],
    [{year: 'TODO'}, []],
    [{year: undefined, date: '2019-11-14'}, []],
    [{year: undefined, date: '2019/2030'}, ['error bibtex-year-range /datasets/0/citation/fields/date']],
    [{year: undefined, date: '0219-11-14'}, ['error bibtex-year-range /datasets/0/citation/fields/date']],
    // What biblatex reads as a date: ISO 8601, ranges open at one end, EDTF's approximate dates and seasons.
    [{year: undefined, date: '2019-11-14T10:30:00Z'}, []],
    [{year: undefined, date: '2018/'}, []],
    [{year: undefined, date: '2019~'}, []],
    [{year: undefined, date: '2019-21'}, []],
    // What it does not (biber would drop the date): written otherwise, or a month that is none.
    [{year: undefined, date: 'Nov 2019'}, ['error bibtex-year-range /datasets/0/citation/fields/date']],
    [{year: undefined, date: '14/11/2019'}, ['error bibtex-year-range /datasets/0/citation/fields/date']],
    [{year: undefined, date: '2019-13-45'}, ['error bibtex-year-range /datasets/0/citation/fields/date']],
    [{year: undefined, date: '/'}, ['error bibtex-year-range /datasets/0/citation/fields/date']],
    [{year: undefined, date: '12019'}, ['error bibtex-year-range /datasets/0/citation/fields/date']],
    // Open at its start, which citation-js cannot write as CSL.
    [{year: undefined, date: '/2019'}, ['error bibtex-year-range /datasets/0/citation/fields/date']],
    // The other date fields: any year, but a date.
    [{urldate: '1890-01-02', origdate: '1895'}, []],
    [{urldate: '/'}, ['error bibtex-year-range /datasets/0/citation/fields/urldate']],
    [{eventdate: 'yesterday'}, ['error bibtex-year-range /datasets/0/citation/fields/eventdate']]
  ])('dates %j: from 1900 to next year', (fields, findings) => {
    expect(check(withFields(fields))).toEqual(findings)
  })

  it('takes next year from the clock unless told', () => {
    const next = new Date().getUTCFullYear() + 1
    expect(brief(checkBibliography(withFields({year: String(next)})))).toEqual([])
    expect(brief(checkBibliography(withFields({year: String(next + 1)})))).toEqual(['error bibtex-year-range /datasets/0/citation/fields/year'])
  })

  it('warns about a citation with no DOI, URL or eprint, at its key, and lets an eprint do', () => {
    expect(check(withFields({doi: undefined, url: undefined}))).toEqual(['warning bibtex-no-identifier /datasets/0/citation/key'])
    expect(check(withFields({doi: undefined, url: undefined, eprint: '1901.07042'}))).toEqual([])
    // An empty `url` is no link, which the parser reports (`url-not-https`): one slip, one finding.
    expect(check(withFields({doi: undefined, url: ''}))).toEqual([])
    expect(check(withFields({doi: undefined, url: undefined, eprint: ' '}))).toEqual(['warning bibtex-no-identifier /datasets/0/citation/key'])
  })

  it('leaves an @online without one to the parser, which says it misses a required field', () => {
    const online = edited(biblatexTypes.catalog, (copy) => {
      delete citationOf(copy, 'isic').fields['url']
    })
    expect(check(online)).toEqual([])
  })

  it('warns about authors or editors that end in "and others", at that field', () => {
    expect(check(withFields({author: 'Johnson, Alistair and others'}))).toEqual(['warning bibtex-incomplete-authors /datasets/0/citation/fields/author'])
    expect(check(withFields({editor: 'Johnson, Alistair and\n    Others'}))).toEqual(['warning bibtex-incomplete-authors /datasets/0/citation/fields/editor'])
    expect(check(withFields({author: 'Johnson, Alistair and Brothers, Tom'}))).toEqual([])
    expect(check(withFields({author: '{Johnson and others Consortium}'}))).toEqual([])
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
    const findings = checkBibliography(catalog).filter((finding) => finding.ruleId === 'bibtex-style-warning')
    expect(brief(findings)).toEqual([
      'warning bibtex-style-warning /datasets/1/citation/fields/number',
      'warning bibtex-style-warning /datasets/3/citation/fields'
    ])
    expect(findings[0]?.message).toBe(
      'BibTeX\'s standard styles warn "can\'t use both volume and number fields in irvin2019chexpert": keep one of `volume` and `number`'
    )
  })
})
