/**
 * PO files on their own: what an export holds for each state, what reading
 * one refuses and where, and what applying one changes. The CLI's tests run
 * the round trip through files and GNU gettext's `msgfmt`.
 */
import {po as gettext} from 'gettext-parser'
import {describe, expect, it} from 'vitest'
import {applyPo, createLock, exportPo, PoError, readPo, segmentId, segmentsOf, wordDiff} from '../src/index.js'
import {editHalf, parse, readFrozenSource, replaceOnce} from './helpers.js'

const source = readFrozenSource()
const {catalog, file} = parse(source)
const lock = createLock(catalog)
const date = new Date('2026-12-02T07:57:00Z')
const exported = exportPo(catalog, {language: 'pt', lock, sourcePath: 'source/datasets.md', date})

function errorOf(text: string): PoError {
  try {
    applyPo(catalog, readPo(text))
  } catch (error) {
    if (error instanceof PoError) return error
    throw error
  }
  throw new Error('no PoError')
}

describe('exportPo', () => {
  it('holds one entry per segment with a primary text, in document order, as gettext reads them', () => {
    const table = gettext.parse(exported)
    const ids = Object.keys(table.translations).filter((id) => id !== '')
    expect(ids).toEqual(
      segmentsOf(catalog)
        .filter((segment) => segment.items['en'] !== undefined)
        .map(segmentId)
    )
    expect(table.headers).toMatchObject({Language: 'pt', 'PO-Revision-Date': '2026-12-02 07:57+0000', 'X-Source-Language': 'en'})
    expect(table.translations['mimic-cxr:facts.size']?.['377,110 chest X-ray images from 227,835 imaging studies']?.msgstr).toEqual([
      '377.110 imagens de raio-X de tórax de 227.835 estudos de imagem'
    ])
  })

  it('is deterministic for a given date, and says nothing is fuzzy when everything is confirmed', () => {
    expect(exportPo(catalog, {language: 'pt', lock, sourcePath: 'source/datasets.md', date})).toBe(exported)
    expect(exported).not.toContain('fuzzy')
  })

  it('writes an outdated entry fuzzy, with the primary text it was confirmed against as #| msgid', () => {
    const edited = parse(editHalf(source, 'en', 'CheXpert is a large dataset', 'CheXpert is a "large"\tdataset')).catalog
    const text = exportPo(edited, {language: 'pt', lock, sourcePath: 'source/datasets.md', date})
    expect(text).toContain('#, fuzzy\n#| msgid "CheXpert is a large dataset of chest X-rays')
    const entry = gettext.parse(text).translations['chexpert:description']
    expect(Object.keys(entry ?? {})).toEqual([
      'CheXpert is a "large"\tdataset of chest X-rays with uncertainty labels, designed for multi-label classification of thoracic diseases.'
    ])
    expect(Object.values(entry ?? {})[0]?.comments?.previous).toMatch(/^msgid "CheXpert is a large dataset/)
  })
})

describe('readPo', () => {
  it('reads back what exportPo wrote, each entry at the line of its msgctxt', () => {
    const {language, entries} = readPo(exported)
    expect(language).toBe('pt')
    const lines = exported.split('\n')
    for (const entry of entries) expect(lines[entry.line - 1]).toBe(`msgctxt "${entry.id}"`)
    expect(entries.find((entry) => entry.id === 'chexpert:tasks')?.msgid.split('\n')).toEqual(catalog.datasets[1]?.tasks?.items['en'])
  })

  it.each([
    [
      'a syntax error',
      replaceOnce(exported, 'msgstr "O Maior Dataset de Raio-X de Tórax"', 'msgstr "O Maior Dataset de Raio-X de Tórax'),
      'msgstr "O Maior',
      'po-syntax'
    ],
    [
      'plural forms',
      replaceOnce(exported, 'msgid "The Largest Chest X-Ray Dataset"\n', 'msgid "The Largest Chest X-Ray Dataset"\nmsgid_plural "Datasets"\n'),
      'msgctxt "mimic-cxr:title"',
      'po-syntax'
    ],
    ['an entry without msgctxt', `${exported}\nmsgid "Orphan"\nmsgstr "Órfão"\n`, 'msgid "Orphan"', 'po-syntax'],
    ['an unknown msgctxt', replaceOnce(exported, 'msgctxt "mimic-cxr:title"', 'msgctxt "mimic:title"'), 'msgctxt "mimic:title"', 'po-unknown-entry'],
    ['another language', replaceOnce(exported, '"Language: pt\\n"', '"Language: de\\n"'), 'msgid ""', 'po-syntax']
  ])('refuses %s at its line', (_title, text, at, ruleId) => {
    const error = errorOf(text)
    expect(error.ruleId).toBe(ruleId)
    expect(text.split('\n')[error.line - 1]?.startsWith(at), `line ${error.line}: ${error.message}`).toBe(true)
  })

  it('takes a regional variant of the language for the language', () => {
    expect(applyPo(catalog, readPo(replaceOnce(exported, '"Language: pt\\n"', '"Language: pt_BR\\n"'))).language).toBe('pt')
  })
})

describe('applyPo', () => {
  it('changes nothing for an untouched export, and confirms every entry', () => {
    const plan = applyPo(catalog, readPo(exported))
    expect(plan.changed).toEqual([])
    expect(plan.catalog).toEqual(catalog)
    expect(plan.confirmed).toHaveLength(readPo(exported).entries.filter((entry) => entry.msgstr !== '').length)
  })

  it('changes exactly the edited translation, and leaves the catalog it was given alone', () => {
    const plan = applyPo(catalog, readPo(replaceOnce(exported, 'msgstr "377.110 imagens de raio-X', 'msgstr "377.110 radiografias')))
    expect(plan.changed.map((entry) => entry.id)).toEqual(['mimic-cxr:facts.size'])
    expect(plan.catalog.datasets[0]?.facts.items[0]?.value['pt']).toMatch(/^377.110 radiografias de tórax/)
    expect(catalog.datasets[0]?.facts.items[0]?.value['pt']).toMatch(/^377.110 imagens de raio-X/)
  })

  it('never deletes a translation for an empty msgstr', () => {
    const plan = applyPo(catalog, readPo(replaceOnce(exported, 'msgstr "377.110 imagens de raio-X de tórax de 227.835 estudos de imagem"', 'msgstr ""')))
    expect(plan.changed).toEqual([])
    expect(plan.catalog).toEqual(catalog)
  })

  it('leaves out an entry made from another primary text', () => {
    const edited = parse(editHalf(source, 'en', 'CheXpert is a large dataset', 'CheXpert is a very large dataset')).catalog
    const plan = applyPo(edited, readPo(replaceOnce(exported, 'msgstr "CheXpert é um grande', 'msgstr "CheXpert é um amplo')))
    expect(plan.changed).toEqual([])
    expect(plan.skipped.map(({entry}) => entry.id)).toEqual(['chexpert:description'])
  })

  it('refuses a declared label changed for one dataset: the vocabulary holds it for all', () => {
    expect(file.data.catalog?.vocabulary).toBeDefined()
    const label = 'msgctxt "mimic-cxr:facts.size.label"\nmsgid "Size"\nmsgstr "Tamanho"'
    expect(errorOf(replaceOnce(exported, label, label.replace('Tamanho', 'Dimensão'))).message).toContain('change it in vocabulary.json')
  })
})

describe('wordDiff', () => {
  it('marks what changed word by word, as git --word-diff=plain does', () => {
    expect(wordDiff('a large dataset of images', 'a very large dataset of scans')).toBe('a {+very +}large dataset of [-images-]{+scans+}')
  })

  it('keeps a few words around each change when asked', () => {
    expect(wordDiff('one two three four five six seven eight nine', 'one two three four FIVE six seven eight nine', 1)).toBe('…four [-five-]{+FIVE+} six…')
  })
})
