import {describe, expect, it} from 'vitest'
import {parseCatalogSource} from '../src/index.js'
import {lineOf, messagesOf, readRealSource, replaceOnce} from './helpers.js'

const source = readRealSource()

describe('limits', () => {
  it('refuses a line over the limit at that line, before parsing', () => {
    const long = replaceOnce(source, '## Related Resources', `## Related Resources\n\n${'x'.repeat(20_001)}`)
    expect(messagesOf(long)).toEqual([`${lineOf(long, 'xxxx')}:20001 error line-too-long`])
  })

  it('refuses a source over the size limit', () => {
    expect(messagesOf(source, 'x.md')).not.toContain('1:1 error source-too-large')
    const {file} = parseCatalogSource(source, 'x.md', {limits: {maxBytes: 1000}})
    expect(file.messages.map((m) => m.ruleId)).toEqual(['source-too-large'])
  })

  it('refuses more datasets than the limit without building them', () => {
    const {file} = parseCatalogSource(source, 'x.md', {limits: {maxDatasets: 9}})
    expect(file.messages.map((m) => m.reason)).toEqual(['the source has 10 level-3 headings; the limit is 9 datasets'])
  })

  it('survives a hostile size within the limits without running out of memory', () => {
    const many = `# T\n\n## 🇬🇧 English\n\n## 📊 C\n\n${'### ⭐ X - Y\n\n'.repeat(2000)}`
    const {catalog, file} = parseCatalogSource(many, 'x.md')
    expect(catalog).toBeUndefined()
    expect(file.messages.length).toBeGreaterThan(0)
  })
})

describe('disable comments', () => {
  const tcgaRow = '| **TCGA** | 20k+ slides | Pathology | Cancer diagnosis, genomics | NIH/NCI | Free (GDC Portal) |\n'

  it('suppress the named rule inside the region only', () => {
    const edited = replaceOnce(
      source,
      '**Labels (14 Observations):**',
      '<!-- catalog-disable missing-translation -->\n**Labels (14 Observations):**'
    ).replace('**Access:**\n- **URL:** [https://stanfordmlgroup', '<!-- catalog-enable missing-translation -->\n\n**Access:**\n- **URL:** [https://stanfordmlgroup')
    const rules = messagesOf(edited).map((m) => m.split(' ').slice(1).join(' '))
    expect(rules).toEqual(['warning missing-translation', 'warning missing-translation'])
  })

  it('warn when they suppress nothing', () => {
    const edited = replaceOnce(source, '## 🧬 Cancer and Pathology Datasets\n', '<!-- catalog-disable rating-range -->\n\n## 🧬 Cancer and Pathology Datasets\n')
    expect(messagesOf(edited)).toContain(`${lineOf(edited, '<!-- catalog-disable')}:1 warning unused-disable`)
  })

  it('can excuse a deliberate error that leaves the catalog valid', () => {
    const withoutRow = replaceOnce(source, tcgaRow, '')
    expect(messagesOf(withoutRow)).toContain(`${lineOf(source, '### ⭐⭐⭐⭐⭐ TCGA')}:1 error comparison-missing-row`)
    const excused = replaceOnce(withoutRow, '### ⭐⭐⭐⭐⭐ TCGA - The Cancer Genome Atlas\n\n**Description:**', '<!-- catalog-disable comparison-missing-row -->\n### ⭐⭐⭐⭐⭐ TCGA - The Cancer Genome Atlas\n<!-- catalog-enable comparison-missing-row -->\n\n**Description:**')
    const {catalog} = parseCatalogSource(excused, 'x.md')
    expect(catalog?.comparison?.rows.filter((r) => r.cells['en']).map((r) => r.dataset)).toEqual(['mimic-cxr', 'chexpert', 'isic'])
  })

  it('never let an invalid catalog through', () => {
    const sevenStars = replaceOnce(source, '### ⭐⭐⭐⭐ MIMIC-CXR - The Largest', '<!-- catalog-disable -->\n### ⭐⭐⭐⭐⭐⭐⭐ MIMIC-CXR - The Largest')
    const {catalog, file} = parseCatalogSource(sevenStars, 'x.md')
    expect(catalog).toBeUndefined()
    expect(file.messages.map((m) => m.ruleId)).toEqual(['schema'])
    expect(file.messages[0]?.line).toBe(lineOf(sevenStars, '### ⭐⭐⭐⭐⭐⭐⭐ MIMIC-CXR'))
  })
})
