/** The checks on their own: number normalisation, the untranslated heuristic, catalogs edited as JSON, other languages. */
import type {Catalog} from '@catalog/schema'
import {describe, expect, it} from 'vitest'
import {acceptTranslations, createLock, needsTranslation, numberDifferences, numberTokens, translationChecks, translationFindings} from '../src/index.js'
import {brief, parse, readFrozenSource} from './helpers.js'

const real = parse(readFrozenSource()).catalog
const enOnlyLists = ['missing chexpert lists.labels-14-observations', 'missing tcga lists.cancer-types-included', 'missing isic lists.lesion-types']

describe('numbers', () => {
  it('finds number tokens, not digits inside names', () => {
    expect(numberTokens('377,110 images from 227,835 studies, 2011-2016')).toEqual(['377,110', '227,835', '2011', '2016'])
    expect(numberTokens('T1, T1Gd, T2-FLAIR, CC0, ChestX-ray14')).toEqual([])
  })

  it('reads each side in its language', () => {
    expect(numberDifferences('377,110 images', 'en', '377.110 imagens', 'pt')).toEqual({primary: [], translation: []})
    expect(numberDifferences('377,110 images', 'en', '377.100 imagens', 'pt')).toEqual({primary: ['377,110'], translation: ['377.100']})
    expect(numberDifferences('2.4k+ participants', 'en', '2,4k+ participantes', 'pt')).toEqual({primary: [], translation: []})
    expect(numberDifferences('2011-2016', 'en', '2011-2017', 'pt')).toEqual({primary: ['2016'], translation: ['2017']})
    // Written the same way in both languages, a version number is the same number.
    expect(numberDifferences('CC BY-NC 4.0', 'en', 'CC BY-NC 4.0', 'pt')).toEqual({primary: [], translation: []})
    expect(numberDifferences('14 observations', 'en', 'quatorze observações', 'pt')).toEqual({primary: ['14'], translation: []})
  })
})

describe('needsTranslation', () => {
  it('flags prose of enough words, not names, links or short labels', () => {
    expect(needsTranslation('Free for research use', 3)).toBe(true)
    expect(needsTranslation('Label noise handling', 3)).toBe(true)
    expect(needsTranslation('Lesion segmentation', 3)).toBe(false)
    expect(needsTranslation('PhysioNet Credentialed Health Data License', 3)).toBe(false)
    expect(needsTranslation('Massachusetts Institute of Technology (MIT)', 3)).toBe(false)
    expect(needsTranslation('https://www.cancer.gov/tcga', 3)).toBe(false)
    expect(needsTranslation('2011-2016', 3)).toBe(false)
    expect(needsTranslation('Lesion segmentation', 2)).toBe(true)
  })
})

/** Edit a copy of the catalog as a script edits the JSON. */
function edit(change: (catalog: Catalog) => void): Catalog {
  const copy = structuredClone(real)
  change(copy)
  return copy
}

describe('a catalog edited as JSON, without the parser', () => {
  const lock = createLock(real)

  it('a translated fact removed is missing; a translated list added to one language only is an orphan', () => {
    const catalog = edit((copy) => {
      const [mimic] = copy.datasets
      if (!mimic) return
      delete mimic.facts.items[1]?.value['pt']
      mimic.lists.push({key: 'modalities', label: {pt: 'Modalidades'}, style: 'inline', items: {pt: ['Raio-X']}})
      mimic.sections.push('lists/0')
    })
    expect(brief(translationFindings(catalog, {lock}))).toEqual(['missing mimic-cxr facts.patients', 'orphan mimic-cxr lists.modalities', ...enOnlyLists])
  })

  it('a comparison cell changed to another number is a mismatch; a row dropped is missing', () => {
    const catalog = edit((copy) => {
      const [first, second] = copy.comparison?.rows ?? []
      if (first?.cells['pt']) first.cells['pt'][0] = '378k+ imagens'
      if (second) delete second.cells['pt']
    })
    expect(brief(translationFindings(catalog, {lock}))).toEqual([
      'mismatch mimic-cxr comparison',
      'missing chexpert lists.labels-14-observations',
      'missing chexpert comparison',
      ...enOnlyLists.slice(1)
    ])
  })

  it('a link text translated into another URL is a mismatch without any parser message', () => {
    const catalog = edit((copy) => {
      const url = copy.datasets[3]?.access.items[0]
      if (url) url.value['pt'] = 'https://www.isic-archive.com/pt/'
    })
    expect(brief(translationFindings(catalog, {lock}))).toEqual([...enOnlyLists, 'mismatch isic access.url'])
  })
})

describe('translationChecks: the rules as the parser runs them', () => {
  it('gives one warning per finding that needs no lock, with its rule and the pointer of the translated value', () => {
    const catalog = edit((copy) => {
      const isic = copy.datasets[3]
      if (!isic) return
      isic.variants = {pt: {rating: 3, sections: ['description', 'facts', 'access', 'tasks', 'lists/0']}}
      const citation = copy.datasets[0]?.citation
      if (citation) citation.rawVariants = {pt: '@misc{x, title={y}}'}
    })
    expect(translationChecks(catalog).map((finding) => `${finding.severity} ${finding.ruleId} ${finding.pointer}`)).toEqual([
      'warning citation-mismatch /datasets/0/citation/rawVariants/pt',
      'warning missing-translation /datasets/1/lists/0',
      'warning missing-translation /datasets/2/lists/0',
      'warning rating-mismatch /datasets/3/variants/pt',
      'warning section-order /datasets/3/variants/pt',
      'warning missing-translation /datasets/3/lists/0'
    ])
  })

  it('says nothing of the frozen source but its three EN-only lists', () => {
    expect(translationChecks(real).map((finding) => finding.ruleId)).toEqual(['missing-translation', 'missing-translation', 'missing-translation'])
  })
})

describe('more than two languages', () => {
  const withSpanish = edit((copy) => {
    copy.languages.push({code: 'es', flag: '🇪🇸', name: 'Español'})
    const [mimic] = copy.datasets
    if (!mimic) return
    mimic.title['es'] = 'El mayor dataset de radiografías de tórax'
    mimic.description.label['es'] = 'Descripción'
    mimic.description.text['es'] = mimic.description.text['en'] ?? ''
  })

  it('compares each language with the primary one', () => {
    const findings = translationFindings(withSpanish, {lock: createLock(withSpanish)})
    const spanish = findings.filter((finding) => finding.language === 'es')
    expect(findings.filter((finding) => finding.language === 'pt').map((finding) => `${finding.state} ${finding.dataset} ${finding.field}`)).toEqual(
      enOnlyLists
    )
    expect(brief(spanish)).toEqual([
      'missing (document) overview',
      'missing (document) categories.large-scale-chest-x-ray-datasets',
      'missing (document) categories.cancer-and-pathology-datasets',
      'missing (document) categories.dermatology-and-skin-lesion-datasets',
      'missing (document) comparison',
      'untranslated mimic-cxr description',
      'missing mimic-cxr facts',
      'missing mimic-cxr tasks',
      'missing mimic-cxr access',
      'missing chexpert dataset',
      'missing tcga dataset',
      'missing isic dataset'
    ])
  })

  it('keeps a lock per language', () => {
    const lock = acceptTranslations(withSpanish, undefined)
    expect(Object.keys(lock.languages)).toEqual(['pt', 'es'])
    expect(Object.keys(lock.languages['es']?.datasets['mimic-cxr'] ?? {})).toEqual(['title', 'description.label', 'description'])
  })
})
