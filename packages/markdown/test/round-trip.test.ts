/**
 * The bilingual document regenerated from the catalog alone is the source
 * itself, byte for byte, for any source written in the house style; and
 * `formatSource` brings a source in another style to that form, idempotently.
 */
import {describe, expect, it} from 'vitest'
import {formatSource, renderMarkdown} from '../src/index.js'
import {parseOrThrow, readFixture, readRealSource, replaceOnce} from './helpers.js'

const realSource = readRealSource()

describe('round trip of the canonical style', () => {
  it('regenerates source/datasets.md byte for byte', () => {
    const outputs = renderMarkdown(parseOrThrow(realSource, 'source/datasets.md'))
    expect(outputs.get('README.md')).toBe(realSource)
  })

  it('regenerates a larger catalog byte for byte (9 datasets, a new category, inline and EN-only lists, no citation, another section order)', () => {
    const larger = readFixture('larger')
    const catalog = parseOrThrow(larger)
    // The fixture must really exercise what its name promises.
    expect(catalog.datasets.length).toBeGreaterThanOrEqual(7)
    expect(catalog.categories.map((category) => category.id)).toContain('neuroimaging-datasets')
    expect(catalog.datasets.some((dataset) => !dataset.citation)).toBe(true)
    expect(catalog.datasets.some((dataset) => dataset.tasks?.style === 'inline')).toBe(true)
    expect(catalog.datasets.some((dataset) => dataset.lists.some((list) => list.label['pt'] === undefined))).toBe(true)
    expect(catalog.datasets.some((dataset) => dataset.lists.some((list) => list.label['pt'] !== undefined))).toBe(true)
    expect(catalog.datasets.find((dataset) => dataset.id === 'adni')?.sections).toEqual(['description', 'facts', 'access', 'tasks', 'citation'])
    expect(formatSource(catalog)).toBe(larger)
  })

  it('a change in the catalog lands in the document, and only there', () => {
    const catalog = parseOrThrow(realSource)
    const isic = catalog.datasets.find((dataset) => dataset.id === 'isic')
    if (!isic) throw new Error('the real source has no ISIC')
    isic.rating = 2
    isic.description.text['pt'] = 'Uma descrição nova.'
    const heading = '### ⭐⭐⭐⭐ ISIC - International Skin Imaging Collaboration'
    // The heading of both halves changes, the Portuguese description only in its half.
    expect(realSource.split(heading)).toHaveLength(3)
    const expected = replaceOnce(
      realSource.split(heading).join('### ⭐⭐ ISIC - International Skin Imaging Collaboration'),
      `**Descrição:** ${String(parseOrThrow(realSource).datasets[3]?.description.text['pt'])}`,
      '**Descrição:** Uma descrição nova.'
    )
    expect(formatSource(catalog)).toBe(expected)
  })
})

describe('formatSource on a source in another style', () => {
  // The real source with style-only edits: a setext title, closing hashes,
  // extra and missing blank lines, `*` and `+` bullets, separators dropped,
  // moved or written `***` / `___`, `⭐️` stars, an en dash, `__bold__`, a
  // tilde fence, trailing spaces, a table without outer pipes, no final newline.
  const messy = readFixture('messy')

  it('is not canonical to begin with', () => {
    expect(messy).not.toBe(realSource)
  })

  it('normalises it to the canonical source', () => {
    expect(formatSource(parseOrThrow(messy))).toBe(realSource)
  })

  it('is idempotent: format, parse, format again gives the same bytes', () => {
    const once = formatSource(parseOrThrow(messy))
    const twice = formatSource(parseOrThrow(once))
    expect(twice).toBe(once)
    const larger = formatSource(parseOrThrow(readFixture('larger')))
    expect(formatSource(parseOrThrow(larger))).toBe(larger)
  })

  // The parser reads CRLF (and lone CR) line endings as LF.
  it('normalises CRLF line endings', () => {
    expect(formatSource(parseOrThrow(realSource.replace(/\n/g, '\r\n')))).toBe(realSource)
  })
})
