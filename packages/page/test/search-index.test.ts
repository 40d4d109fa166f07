import {frozenCatalog} from '@catalog/test-support'
import type {Catalog, Dataset} from '@catalog/schema'
import {describe, expect, it} from 'vitest'
import {foldForSearch, latexForSearch, searchIndex} from '../src/lib/search-index.js'
import {loadCatalog, sources} from './support/catalogs.js'

const frozen = frozenCatalog()
const codes = frozen.languages.map(({code}) => code)

function datasetOf(catalog: Catalog, id: string): Dataset {
  const dataset = catalog.datasets.find((candidate) => candidate.id === id)
  if (!dataset) throw new Error(`the catalog has no dataset ${id}`)
  return dataset
}

const indexOf = (id: string, language: string, catalog = frozen): ReturnType<typeof searchIndex> =>
  searchIndex(catalog, datasetOf(catalog, id), language, codes)

describe('foldForSearch', () => {
  it('lowercases, drops accents and makes runs of spaces one', () => {
    expect(foldForSearch('  Instituição   de TECNOLOGIA\n')).toBe('instituicao de tecnologia')
    expect(foldForSearch('Ångström Müller')).toBe('angstrom muller')
  })
})

describe('latexForSearch', () => {
  it('reads accent and letter commands as the letters a reader types, and drops braces and other commands', () => {
    expect(foldForSearch(latexForSearch('M{\\"u}ller, J{\\\'e}r{\\^o}me and \\c{C}a\\u{g}lar, {\\O}ystein'))).toBe('muller, jerome and caglar, oystein')
    expect(latexForSearch('{CheXpert}: a {C}he{X}pert \\textbf{dataset} \\& more')).toBe('CheXpert: a CheXpert dataset & more')
    expect(latexForSearch('Stra{\\ss}e, {\\ae}sir, \\v{S}koda, \\c c')).toBe('Strasse, aesir, Skoda, c')
    // Text without LaTeX reads as itself.
    expect(latexForSearch('Johnson, Alistair EW and others')).toBe('Johnson, Alistair EW and others')
  })
})

describe('searchIndex', () => {
  it("holds every value a card shows, folded, in the page language: facts, access entries, the category, the citation's key and fields", () => {
    for (const dataset of frozen.datasets) {
      for (const language of codes) {
        const {shown} = indexOf(dataset.id, language)
        const pick = (values: Readonly<Record<string, string>>): string => values[language] ?? values[codes[0] ?? ''] ?? ''
        const category = frozen.categories.find((candidate) => candidate.id === dataset.category)
        const expected = [
          dataset.name,
          pick(dataset.title),
          category ? pick(category.title) : '',
          pick(dataset.description.text),
          ...dataset.facts.items.map((fact) => pick(fact.value)),
          ...dataset.access.items.map((item) => pick(item.value)),
          ...(dataset.citation ? [dataset.citation.key, ...Object.values(dataset.citation.fields)] : [])
        ]
        for (const text of expected) expect(shown, `${dataset.id} (${language}): ${text}`).toContain(foldForSearch(text))
        expect(shown).toBe(foldForSearch(shown))
      }
    }
    const mimic = indexOf('mimic-cxr', 'en').shown
    expect(mimic).toContain('massachusetts institute of technology (mit)')
    expect(mimic).toContain('physionet credentialed health data license')
    expect(mimic).toContain('johnson, alistair ew and others')
    expect(mimic).toContain('johnson2019mimic')
    expect(indexOf('mimic-cxr', 'pt').shown).toContain('instituto de tecnologia de massachusetts (mit)')
  })

  it('leaves out the labels: a word of a label does not find every card', () => {
    const fact = datasetOf(frozen, 'mimic-cxr').facts.items.find((item) => item.key === 'time-period')
    expect(fact?.label.en).toBe('Time Period')
    for (const dataset of frozen.datasets) expect(indexOf(dataset.id, 'en').shown).not.toContain('time period')
  })

  it('keeps what the card does not show, under its label in the page language: a comparison cell, a link target its text does not spell', () => {
    // The comparison row of TCGA names its institution "NIH/NCI", which its card spells out.
    expect(indexOf('tcga', 'en').unseen).toContainEqual(['Institution', 'nih/nci'])
    expect(indexOf('tcga', 'pt').unseen).toContainEqual(['Instituição', 'nih/nci'])
    expect(indexOf('tcga', 'en').shown).not.toContain('nih/nci')
    // A cell the card shows word for word ("MIT", "Stanford") holds no word found only there.
    expect(indexOf('mimic-cxr', 'en').unseen.map(([label]) => label)).not.toContain('Institution')
    expect(indexOf('chexpert', 'en').unseen.map(([label]) => label)).not.toContain('Institution')
    for (const dataset of frozen.datasets) {
      for (const language of codes) {
        const {shown, unseen} = indexOf(dataset.id, language)
        for (const [label, text] of unseen) {
          expect(shown, `${dataset.id} (${language}) ${label}`).not.toContain(text)
          expect(text).toBe(foldForSearch(text))
        }
      }
    }

    const linked = structuredClone(frozen)
    const portal = datasetOf(linked, 'tcga').access.items.find((item) => item.key === 'portal')
    if (!portal) throw new Error('TCGA has no portal entry')
    portal.value = {en: 'GDC Data Portal', pt: 'Portal de Dados GDC'}
    expect(indexOf('tcga', 'en', linked).unseen).toContainEqual(['Portal', 'https://portal.gdc.cancer.gov/'])
    expect(indexOf('tcga', 'en', linked).shown).toContain('gdc data portal')
  })

  it('reads a citation written with LaTeX as a reader types it', () => {
    const accented = structuredClone(frozen)
    const citation = datasetOf(accented, 'chexpert').citation
    if (!citation) throw new Error('CheXpert has no citation')
    citation.fields.author = 'Irvin, Jeremy and M{\\"u}ller, J{\\\'e}r{\\^o}me'
    expect(indexOf('chexpert', 'en', accented).shown).toContain('irvin, jeremy and muller, jerome')
  })

  it('reads a missing translation in the language the card shows instead', () => {
    const larger = loadCatalog(sources.larger)
    const dataset = larger.datasets.find((candidate) => candidate.description.text.pt === undefined)
    if (!dataset) throw new Error('the larger fixture has a description without a Portuguese translation')
    const {shown} = searchIndex(
      larger,
      dataset,
      'pt',
      larger.languages.map(({code}) => code)
    )
    expect(shown).toContain(foldForSearch(dataset.description.text.en ?? 'missing'))
    expect(shown).toContain(foldForSearch(dataset.tasks?.items.pt?.[0] ?? 'missing'))
  })
})
