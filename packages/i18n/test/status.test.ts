import {describe, expect, it} from 'vitest'
import {
  createLock,
  findingRecord,
  formatFindingsTable,
  formatTranslationSummary,
  translationFindings,
  translationStatus,
  translationVerdict
} from '../src/index.js'
import {editHalf, parse, readFrozenSource} from './helpers.js'

const source = readFrozenSource()
const real = parse(source)
const lock = createLock(real.catalog)

describe('translationStatus of the real source', () => {
  const status = translationStatus(real.catalog, lock)

  it('counts segments, translated ones and findings per state and language', () => {
    expect(status.primary).toBe('en')
    expect(status.languages).toHaveLength(1)
    const [pt] = status.languages
    // The three EN-only lists are two segments each (label and items).
    expect(pt).toMatchObject({code: 'pt', counts: {missing: 3, outdated: 0, unconfirmed: 0, orphan: 0, untranslated: 0, mismatch: 0}})
    expect((pt?.segments ?? 0) - (pt?.translated ?? 0)).toBe(6)
    expect(pt?.percent).toBe(Math.floor(((pt?.translated ?? 0) * 1000) / (pt?.segments ?? 1)) / 10)
    expect(status.counts.missing).toBe(3)
  })

  it('is deterministic JSON with the texts under their language codes and no lines', () => {
    expect(JSON.stringify(translationStatus(real.catalog, lock))).toBe(JSON.stringify(status))
    expect(status.findings[0]).toEqual({
      dataset: 'chexpert',
      field: 'lists.labels-14-observations',
      state: 'missing',
      language: 'pt',
      ruleId: 'missing-translation',
      en: 'Labels (14 Observations)',
      pt: null,
      pointer: '/datasets/1/lists/0',
      message: '"Labels (14 Observations)" of CHEXPERT has no Português translation'
    })
  })

  it('prints a one-line summary', () => {
    const counts = `pt ${status.languages[0]?.percent}% translated (${status.languages[0]?.translated} of ${status.languages[0]?.segments} segments), 3 missing`
    // A state, with where to look: never a verdict (the build that prints it succeeded).
    expect(formatTranslationSummary(status)).toBe(`translation: ${counts}; run \`catalog i18n\` to see them\n`)
    expect(formatTranslationSummary(status, {hint: false})).toBe(`translation: ${counts}\n`)
    expect(formatTranslationSummary(translationStatus(real.catalog, lock), {hint: true})).not.toMatch(/failed/)
  })

  it('counts every translation as unconfirmed without a lock, and still as translated', () => {
    const [pt] = translationStatus(real.catalog, undefined).languages
    expect(pt?.counts.unconfirmed).toBe(pt?.segments ? pt.segments - 6 : -1)
    expect(pt?.translated).toBe(pt?.segments ? pt.segments - 6 : -1)
  })
})

describe('translationVerdict', () => {
  const clean = translationStatus(real.catalog, lock)

  it('missing parts alone only warn, unless strict', () => {
    expect(translationVerdict(clean)).toEqual({failed: false, reasons: []})
    expect(translationVerdict(clean, {strict: true})).toEqual({failed: true, reasons: ['3 missing']})
  })

  it('outdated and mismatched parts fail', () => {
    const edited = parse(editHalf(editHalf(source, 'pt', '65.379 pacientes', '65.397 pacientes'), 'en', 'Label noise handling', 'Label-noise handling'))
    const status = translationStatus(edited.catalog, lock)
    expect(status.counts).toMatchObject({outdated: 1, mismatch: 1})
    expect(translationVerdict(status)).toEqual({failed: true, reasons: ['1 outdated', '1 mismatch']})
  })

  it('--min-translated fails below the percentage, like po4a --keep', () => {
    const percent = clean.languages[0]?.percent ?? 0
    expect(translationVerdict(clean, {minTranslated: Math.floor(percent)}).failed).toBe(false)
    expect(translationVerdict(clean, {minTranslated: Math.ceil(percent + 0.1)})).toEqual({
      failed: true,
      reasons: [`pt is ${percent}% translated, below ${Math.ceil(percent + 0.1)}%`]
    })
  })
})

describe('the readable table and the JSON records', () => {
  const edited = parse(editHalf(source, 'pt', '- **Tamanho:** 377.110 imagens', '- **Tamanho:** 377.100 imagens'))
  const findings = translationFindings(edited.catalog, {lock})

  it('prints one aligned row per finding, with source lines', () => {
    const table = formatFindingsTable(findings, {lineOf: edited.lineOf})
    const lines = table.trimEnd().split('\n')
    expect(lines).toHaveLength(findings.length + 1)
    expect(lines[0]).toMatch(/^LINE {2}LANG {2}DATASET +FIELD +STATE +PRIMARY +TRANSLATION$/)
    expect(lines[1]).toMatch(
      /^ *\d+ {2}pt {4}mimic-cxr +facts\.size +mismatch +377,110 chest X-ray images from 227,835 imaging… +377\.100 imagens de raio-X de tórax de 227\.835 .*…$/
    )
    // Columns line up: every row starts its STATE column at the same place.
    const stateColumn = lines[0]?.indexOf('STATE')
    for (const line of lines.slice(1)) expect(line.slice(stateColumn).match(/^(missing|mismatch) /)).not.toBeNull()
    expect(formatFindingsTable([])).toBe('')
  })

  it('records carry en and pt texts and the line the CLI maps', () => {
    const [first] = findings
    if (!first) throw new Error('no finding')
    expect(findingRecord(first, 'en', edited.lineOf(first))).toMatchObject({
      dataset: 'mimic-cxr',
      field: 'facts.size',
      state: 'mismatch',
      en: '377,110 chest X-ray images from 227,835 imaging studies',
      pt: '377.100 imagens de raio-X de tórax de 227.835 estudos de imagem',
      line: source.split('\n').indexOf('- **Tamanho:** 377.110 imagens de raio-X de tórax de 227.835 estudos de imagem') + 1
    })
  })
})
