import {frozenCatalog} from '@catalog/test-support'
import {describe, expect, it} from 'vitest'
import {buildComparisonView} from '../src/lib/comparison.js'
import {readNumber} from '../src/lib/format.js'
import {inlineToText} from '../src/lib/inline.js'
import {pageLanguages} from '../src/lib/localize.js'

const frozen = frozenCatalog()

describe('readNumber', () => {
  it("reads the number a text starts with in the text's language", () => {
    expect(readNumber('224,316 chest radiographs', 'en')).toBe(224_316)
    expect(readNumber('224.316 radiografias', 'pt')).toBe(224_316)
    expect(readNumber('224.316', 'es')).toBe(224_316)
    // The same characters are another number in another language.
    expect(readNumber('224.316', 'en')).toBeCloseTo(224.316)
    expect(readNumber('224,316', 'pt')).toBeCloseTo(224.316)
    expect(readNumber('1,234,567.5', 'en')).toBe(1_234_567.5)
    expect(readNumber('1.234.567,5', 'pt')).toBe(1_234_567.5)
    // French groups with a narrow no-break space; a plain space typed instead reads the same.
    expect(readNumber(new Intl.NumberFormat('fr').format(12_345.5), 'fr')).toBe(12_345.5)
    expect(readNumber('12 345 images', 'fr')).toBe(12_345)
  })

  it('multiplies by a k, M or B right after the number, and skips signs of an estimate', () => {
    expect(readNumber('377k+ images', 'en')).toBe(377_000)
    expect(readNumber('20k+ lâminas', 'pt')).toBe(20_000)
    expect(readNumber('1.5M', 'en')).toBe(1_500_000)
    expect(readNumber('1,5M imagens', 'pt')).toBe(1_500_000)
    expect(readNumber('2 B tokens', 'en')).toBe(2e9)
    expect(readNumber('~ 40k', 'en')).toBe(40_000)
    expect(readNumber('>10,000 scans', 'en')).toBe(10_000)
    // A letter that starts a word is no multiplier.
    expect(readNumber('20 kids', 'en')).toBe(20)
    expect(readNumber('5 MB', 'en')).toBe(5)
    expect(readNumber('2011-2016', 'en')).toBe(2011)
  })

  it('reads no number in a text that does not start with one', () => {
    for (const text of ['Chest X-ray', 'NIH/NCI', 'Free (CC BY-NC)', '', 'k', 'Over 377,000 images']) expect(readNumber(text, 'en'), text).toBeUndefined()
  })
})

describe('buildComparisonView', () => {
  const languages = pageLanguages(frozen.languages)
  const comparison = frozen.comparison
  if (!comparison) throw new Error('the frozen catalog has a comparison table')

  it('holds every column and row of the catalog, in its order, each row naming and linking its card', () => {
    const view = buildComparisonView(frozen, languages)
    expect(view?.heading.map(({lang, value}) => [lang, value])).toEqual(Object.entries(comparison.heading))
    for (const code of languages.codes) {
      expect(view?.columns.map((column) => column.find((variant) => variant.shownIn.split(' ').includes(code))?.value)).toEqual(comparison.columns[code])
    }
    expect(view?.rows.map(({dataset, href}) => [dataset, href])).toEqual(comparison.rows.map(({dataset}) => [dataset, `#${dataset}`]))
    for (const [index, row] of (view?.rows ?? []).entries()) {
      expect(row.name).toBe(frozen.datasets.find((dataset) => dataset.id === row.dataset)?.name)
      for (const code of languages.codes) {
        expect(row.cells.map((cell) => cell.find((variant) => variant.shownIn.split(' ').includes(code))?.value)).toEqual(comparison.rows[index]?.cells[code])
      }
    }
    const without = structuredClone(frozen)
    delete without.comparison
    expect(buildComparisonView(without, languages)).toBeNull()
  })

  it('gives a cell that starts with a number that number, read in the language the cell is written in', () => {
    const view = buildComparisonView(frozen, languages)
    const size = comparison.columns.en?.indexOf('Size') ?? -1
    expect(size).toBeGreaterThan(0)
    for (const [index, row] of (view?.rows ?? []).entries()) {
      for (const variant of row.cells[size - 1] ?? []) {
        expect(variant.number, `${row.dataset} ${variant.lang}`).toBe(
          String(readNumber(comparison.rows[index]?.cells[variant.lang]?.[size - 1] ?? '', variant.lang))
        )
      }
    }
    expect(view?.rows.find((row) => row.dataset === 'mimic-cxr')?.cells[size - 1]?.map(({lang, number}) => [lang, number])).toEqual([
      ['en', '377000'],
      ['pt', '377000']
    ])
    // A text cell carries no number.
    expect(
      view?.rows.every((row) => row.cells.every((cell) => cell.every((variant) => variant.number === null || /^\d/.test(inlineToText(variant.value)))))
    ).toBe(true)

    const written = structuredClone(frozen)
    const first = written.comparison?.rows[0]
    if (!first) throw new Error('no row')
    first.cells = {en: ['224,316', ...(first.cells.en ?? []).slice(1)], pt: ['224.316', ...(first.cells.pt ?? []).slice(1)]}
    expect(buildComparisonView(written, languages)?.rows[0]?.cells[0]?.map(({number}) => number)).toEqual(['224316', '224316'])
  })

  it('shows a missing translation in the primary language, marked, and a row naming no dataset without a link', () => {
    const partial = structuredClone(frozen)
    if (!partial.comparison) throw new Error('no comparison')
    const [first, second] = partial.comparison.rows
    if (!first || !second) throw new Error('too few rows')
    delete first.cells.pt
    second.dataset = 'no-such-dataset'
    const view = buildComparisonView(partial, languages)
    const cell = view?.rows[0]?.cells[0]
    expect(cell?.map(({lang, shownIn}) => [lang, shownIn])).toEqual([['en', 'en pt']])
    expect(cell?.[0]?.badges.map(({shownIn, text}) => [shownIn, text])).toEqual([['pt', 'EN']])
    expect(view?.rows[1]).toMatchObject({dataset: 'no-such-dataset', name: 'no-such-dataset', href: null})
  })

  it('has as many columns as the language that has most', () => {
    const wider = structuredClone(frozen)
    if (!wider.comparison) throw new Error('no comparison')
    wider.comparison.columns.pt = [...(wider.comparison.columns.pt ?? []), 'Ano']
    const view = buildComparisonView(wider, languages)
    expect(view?.columns).toHaveLength((comparison.columns.en?.length ?? 0) + 1)
    expect(view?.columns.at(-1)?.map(({lang, shownIn}) => [lang, shownIn])).toEqual([['pt', 'en pt']])
    expect(view?.rows.every((row) => row.cells.length === view.columns.length - 1)).toBe(true)
  })
})
