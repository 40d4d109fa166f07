/**
 * Each translation state on its own fixture: the real source with one
 * string edit, checked with the lock of the real source, the parser's
 * messages and pointers, as `catalog i18n` runs it.
 */
import {describe, expect, it} from 'vitest'
import {acceptTranslations, createLock, formatFindingsTable, translationFindings} from '../src/index.js'
import {brief, editHalf, lineText, parse, readFrozenSource, replaceOnce} from './helpers.js'

const source = readFrozenSource()
const lock = createLock(parse(source).catalog)

function check(text: string): {findings: ReturnType<typeof translationFindings>; lines: string[]} {
  const parsed = parse(text)
  const findings = translationFindings(parsed.catalog, {lock})
  return {findings, lines: findings.map((finding) => lineText(text, parsed.lineOf(finding)))}
}

/** The three lists the real source has in English only: always reported, on every fixture below. */
const enOnlyLists = ['missing chexpert lists.labels-14-observations', 'missing tcga lists.cancer-types-included', 'missing isic lists.lesion-types']

describe('the real source with its lock', () => {
  it('reports only its three EN-only lists, as missing, at their lines', () => {
    const {findings, lines} = check(source)
    expect(brief(findings)).toEqual(enOnlyLists)
    expect(lines).toEqual(['**Labels (14 Observations):**', '**Cancer Types Included:**', '**Lesion Types:**'])
  })
})

describe('outdated', () => {
  const edited = editHalf(
    source,
    'en',
    'containing over 377,000 images paired with free-text radiology reports.',
    'containing over 377,000 images paired with free-text radiology reports and metadata.'
  )

  it('an EN description edited since the lock makes its PT outdated, at the PT line', () => {
    const {findings, lines} = check(edited)
    const outdated = findings.filter((finding) => finding.state === 'outdated')
    expect(brief(outdated)).toEqual(['outdated mimic-cxr description'])
    expect(outdated[0]?.primary).toMatch(/and metadata\.$/)
    expect(outdated[0]?.translation).toMatch(/^MIMIC-CXR é o maior dataset/)
    const [first] = outdated
    if (!first) throw new Error('no outdated finding')
    expect(lines[findings.indexOf(first)]).toMatch(/^\*\*Descrição:\*\* MIMIC-CXR é o maior/)
  })

  it('carries the primary text its translation was confirmed against', () => {
    const [outdated] = check(edited).findings.filter((finding) => finding.state === 'outdated')
    expect(outdated?.previous).toBe(parse(source).catalog.datasets[0]?.description.text['en'])
    expect(formatFindingsTable(outdated ? [outdated] : [])).toContain(
      'changed: MIMIC-CXR is the largest publicly available chest X-ray dataset, containing over 377,000 images paired with free-text radiology reports{+ and metadata+}.'
    )
  })

  it('accept clears it, for that dataset or for everything', () => {
    const {catalog} = parse(edited)
    for (const accepted of [acceptTranslations(catalog, lock, ['mimic-cxr']), acceptTranslations(catalog, lock)]) {
      expect(brief(translationFindings(catalog, {lock: accepted}))).toEqual(enOnlyLists)
    }
    // Accepting another dataset leaves it outdated.
    expect(brief(translationFindings(catalog, {lock: acceptTranslations(catalog, lock, ['isic'])}))).toContain('outdated mimic-cxr description')
  })

  it('without a lock nothing is outdated: every translation is unconfirmed', () => {
    const {catalog} = parse(edited)
    const findings = translationFindings(catalog)
    expect(findings.filter((item) => item.state !== 'unconfirmed').map((item) => `${item.state} ${item.dataset} ${item.field}`)).toEqual(enOnlyLists)
    expect(findings.filter((item) => item.state === 'unconfirmed')).toHaveLength(105)
  })
})

describe('unconfirmed', () => {
  // TCGA as a dataset added in both halves and never accepted: the lock has no entry for it.
  const partial = structuredClone(lock)
  delete partial.languages['pt']?.datasets['tcga']
  const edited = editHalf(source, 'en', '- **Size:** 20,000+ whole-slide pathology images', '- **Size:** 20,000+ whole-slide histopathology images')

  it('is every translated segment of a dataset never accepted, at its PT line, and stays so after an English edit', () => {
    for (const text of [source, edited]) {
      const parsed = parse(text)
      const findings = translationFindings(parsed.catalog, {lock: partial})
      const unconfirmed = findings.filter((finding) => finding.state === 'unconfirmed')
      expect(unconfirmed.length).toBeGreaterThan(10)
      expect(new Set(unconfirmed.map((finding) => finding.dataset))).toEqual(new Set(['tcga']))
      expect(unconfirmed.map((finding) => finding.ruleId)).toEqual(unconfirmed.map(() => 'unconfirmed-translation'))
      expect(findings.filter((finding) => finding.state === 'outdated')).toEqual([])
      const size = unconfirmed.find((finding) => finding.field === 'facts.size')
      expect(lineText(text, size && parsed.lineOf(size))).toMatch(/^- \*\*Tamanho:\*\*/)
    }
  })

  it('ends with accept', () => {
    const {catalog} = parse(edited)
    expect(brief(translationFindings(catalog, {lock: acceptTranslations(catalog, partial, ['tcga'])}))).toEqual(enOnlyLists)
  })
})

describe('mismatch', () => {
  it('a PT number changed: 377,110 vs 377.100, at the PT line', () => {
    const {findings, lines} = check(editHalf(source, 'pt', '- **Tamanho:** 377.110 imagens', '- **Tamanho:** 377.100 imagens'))
    expect(brief(findings)).toEqual(['mismatch mimic-cxr facts.size', ...enOnlyLists])
    expect(findings[0]?.message).toBe('the numbers 377.100 differ from 377,110')
    expect(lines[0]).toBe('- **Tamanho:** 377.100 imagens de raio-X de tórax de 227.835 estudos de imagem')
  })

  it('a PT year changed in a description', () => {
    const {findings} = check(editHalf(source, 'pt', 'mais de 20.000 amostras', 'mais de 2.000 amostras'))
    expect(brief(findings)).toContain('mismatch tcga description')
  })

  it('a PT URL changed: the catalog keeps both links, and the mismatch is reported at the PT line', () => {
    const edited = editHalf(
      source,
      'pt',
      '- **URL:** [https://physionet.org/content/mimic-cxr/](https://physionet.org/content/mimic-cxr/)',
      '- **URL:** [https://physionet.org/content/mimic-cxr-jpg/](https://physionet.org/content/mimic-cxr-jpg/)'
    )
    const {findings, lines} = check(edited)
    expect(brief(findings)).toEqual(['mismatch mimic-cxr access.url', ...enOnlyLists])
    expect(findings[0]?.message).toMatch(/mimic-cxr-jpg/)
    expect(lines[0]).toBe('- **URL:** [https://physionet.org/content/mimic-cxr-jpg/](https://physionet.org/content/mimic-cxr-jpg/)')
  })

  it('a PT link target changed under the same text: the catalog keeps it, and the checks see it', () => {
    const edited = editHalf(
      source,
      'pt',
      '[https://www.cancer.gov/tcga](https://www.cancer.gov/tcga)',
      '[https://www.cancer.gov/tcga](https://www.cancer.gov/ccg/research/genome-sequencing/tcga)'
    )
    const {findings, lines} = check(edited)
    expect(brief(findings)).toEqual([
      'missing chexpert lists.labels-14-observations',
      'missing tcga lists.cancer-types-included',
      'mismatch tcga access.url',
      'missing isic lists.lesion-types'
    ])
    expect(lines[2]).toBe('- **URL:** [https://www.cancer.gov/tcga](https://www.cancer.gov/ccg/research/genome-sequencing/tcga)')
    // The catalog alone tells: the PT link is kept as a variant of the entry.
    const {catalog} = parse(edited)
    expect(catalog.datasets[2]?.access.items[0]?.urlVariants).toEqual({pt: 'https://www.cancer.gov/ccg/research/genome-sequencing/tcga'})
  })

  it('a PT rating changed: kept as a variant, reported as a mismatch', () => {
    const edited = editHalf(
      source,
      'pt',
      '### ⭐⭐⭐⭐ ISIC - International Skin Imaging Collaboration',
      '### ⭐⭐⭐ ISIC - International Skin Imaging Collaboration'
    )
    const {findings, lines} = check(edited)
    expect(brief(findings)).toContain('mismatch isic rating')
    expect(lines[brief(findings).indexOf('mismatch isic rating')]).toBe('### ⭐⭐⭐ ISIC - International Skin Imaging Collaboration')
  })

  it('a PT task dropped: list lengths differ', () => {
    const {findings} = check(editHalf(source, 'pt', '- Predição de prognóstico\n', ''))
    expect(brief(findings)).toContain('mismatch tcga tasks')
    expect(findings.find((finding) => finding.field === 'tasks')?.message).toMatch(/5 items in English but 4 in Português/)
  })
})

describe('missing', () => {
  it('a PT dataset deleted is one missing finding for the whole dataset, at its EN heading', () => {
    const start = source.indexOf('### ⭐⭐⭐⭐ MIMIC-CXR - O Maior Dataset de Raio-X de Tórax')
    const end = source.indexOf('### ⭐⭐⭐⭐ CHEXPERT - Dataset de Competição')
    const {findings, lines} = check(source.slice(0, start) + source.slice(end))
    expect(brief(findings)).toEqual(['missing mimic-cxr dataset', ...enOnlyLists])
    expect(lines[0]).toBe('### ⭐⭐⭐⭐ MIMIC-CXR - The Largest Chest X-Ray Dataset')
  })
})

describe('orphan', () => {
  it('a PT-only dataset added is an orphan, at its PT heading', () => {
    const padchest = [
      '### ⭐⭐⭐ PADCHEST - Dataset de Raio-X de Tórax de Alicante',
      '',
      '**Descrição:** PadChest reúne mais de 160.000 imagens de raio-X de tórax com laudos em espanhol.',
      '',
      '**Acesso:**',
      '- **URL:** [https://bimcv.cipf.es/bimcv-projects/padchest/](https://bimcv.cipf.es/bimcv-projects/padchest/)',
      '',
      '---',
      '',
      ''
    ].join('\n')
    const edited = replaceOnce(source, '## 🧬 Datasets de Câncer e Patologia', `${padchest}## 🧬 Datasets de Câncer e Patologia`)
    const {findings, lines} = check(edited)
    expect(brief(findings)).toEqual([...enOnlyLists, 'orphan padchest dataset'])
    expect(lines[3]).toBe('### ⭐⭐⭐ PADCHEST - Dataset de Raio-X de Tórax de Alicante')
  })
})

describe('untranslated', () => {
  it('EN text copied into PT is untranslated, at the PT line', () => {
    const english = 'CheXpert is a large dataset of chest X-rays with uncertainty labels, designed for multi-label classification of thoracic diseases.'
    const edited = editHalf(
      source,
      'pt',
      '**Descrição:** CheXpert é um grande dataset de raios-X de tórax com rótulos de incerteza, projetado para classificação multi-rótulo de doenças torácicas.',
      `**Descrição:** ${english}`
    )
    const {findings, lines} = check(edited)
    expect(brief(findings)).toEqual(['untranslated chexpert description', ...enOnlyLists])
    expect(findings[0]?.translation).toBe(english)
    expect(lines[0]).toBe(`**Descrição:** ${english}`)
  })

  it('names, links and short labels that read the same in both halves are not', () => {
    // The real source has PhysioNet's license, ISIC's institution, TCGA's title and every URL identical in both halves.
    const {catalog} = parse(source)
    const identical = catalog.datasets.flatMap((dataset) => dataset.access.items.filter((item) => item.value['en'] === item.value['pt']))
    expect(identical.length).toBeGreaterThan(4)
    expect(brief(translationFindings(catalog, {lock}))).toEqual(enOnlyLists)
  })
})
