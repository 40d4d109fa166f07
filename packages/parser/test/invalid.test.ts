/**
 * Bad inputs: each case edits the real source (or stands alone) and names the
 * rule and the line where the problem must be reported.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'

import {lineOf, messagesOf, parse, readFrozenSource, replaceOnce, seedPath} from './helpers.js'

const source = readFrozenSource()

interface Case {
  name: string
  input: string | Uint8Array
  rule: string
  line: number
  column?: number
  severity?: 'error' | 'warning'
}

const mimicHeading = '### ⭐⭐⭐⭐ MIMIC-CXR - The Largest Chest X-Ray Dataset'
const ptFacts = '- **Pacientes:** 65.379 pacientes únicos\n'

const cases: Case[] = [
  {
    name: 'unclosed BibTeX entry',
    input: replaceOnce(source, '  pages={317},\n  year={2019}\n}\n', '  pages={317},\n  year={2019}\n'),
    rule: 'bibtex-unbalanced-braces',
    line: lineOf(source, '@article{johnson2019mimic,'),
    column: 9
  },
  {
    name: 'BibTeX entry missing a required field',
    input: replaceOnce(source, '  journal={Nature Genetics},\n', ''),
    rule: 'bibtex-required-field',
    line: lineOf(source, '@article{weinstein2013cancer,')
  },
  {
    name: 'duplicate dataset',
    input: replaceOnce(
      source,
      '### ⭐⭐⭐⭐ ISIC - International Skin Imaging Collaboration\n\n**Description:** ISIC',
      '### ⭐⭐⭐⭐ CheXpert - International Skin Imaging Collaboration\n\n**Description:** ISIC'
    ),
    rule: 'duplicate-dataset',
    line: lineOf(source, '### ⭐⭐⭐⭐ ISIC')
  },
  {
    name: 'seven stars',
    input: replaceOnce(
      source,
      `${mimicHeading}\n\n**Description:** MIMIC-CXR is`,
      `### ⭐⭐⭐⭐⭐⭐⭐ MIMIC-CXR - The Largest Chest X-Ray Dataset\n\n**Description:** MIMIC-CXR is`
    ),
    rule: 'rating-range',
    line: lineOf(source, mimicHeading)
  },
  {
    name: 'missing access URL',
    input: replaceOnce(
      source,
      '- **URL:** [https://physionet.org/content/mimic-cxr/](https://physionet.org/content/mimic-cxr/)\n- **License:** PhysioNet Credentialed Health Data License\n',
      '- **License:** PhysioNet Credentialed Health Data License\n'
    ),
    rule: 'missing-url',
    line: lineOf(source, '**Access:**')
  },
  {
    name: 'plain http URL',
    input: replaceOnce(
      source,
      '- **URL:** [https://www.cancer.gov/tcga](https://www.cancer.gov/tcga)\n- **Portal:** [https://portal.gdc.cancer.gov/](https://portal.gdc.cancer.gov/)\n- **License:** Open',
      '- **URL:** [http://www.cancer.gov/tcga](http://www.cancer.gov/tcga)\n- **Portal:** [https://portal.gdc.cancer.gov/](https://portal.gdc.cancer.gov/)\n- **License:** Open'
    ),
    rule: 'url-not-https',
    line: lineOf(source, '- **URL:** [https://www.cancer.gov/tcga]')
  },
  {
    name: 'citation key with ../',
    input: replaceOnce(source, '@article{johnson2019mimic,', '@article{../../etc/passwd,'),
    rule: 'unsafe-citation-key',
    line: lineOf(source, '@article{johnson2019mimic,')
  },
  {
    name: 'duplicate citation key',
    input: replaceOnce(source, '@article{codella2019skin,', '@article{johnson2019mimic,'),
    rule: 'duplicate-citation-key',
    line: lineOf(source, '@article{codella2019skin,')
  },
  {name: 'empty file', input: '', rule: 'empty-file', line: 1, column: 1},
  {name: 'white space only', input: '\n  \n', rule: 'empty-file', line: 1, column: 1},
  {name: 'binary file', input: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), rule: 'binary-file', line: 1, column: 1},
  {
    name: 'invalid UTF-8',
    input: Buffer.concat([Buffer.from('# Title\n\nCaf'), Buffer.from([0xe9]), Buffer.from(' au lait\n')]),
    rule: 'invalid-utf8',
    line: 3,
    column: 4
  },
  {name: 'mojibake (the seed as it arrived)', input: readFileSync(seedPath), rule: 'encoding', line: 1, column: 50},
  {
    name: 'Windows-1252 mojibake',
    input: replaceOnce(source, 'Visão Geral', 'VisÃ£o Geral'),
    rule: 'encoding',
    line: lineOf(source, 'Visão Geral'),
    column: 8
  },
  {
    name: 'comparison row naming no dataset',
    input: replaceOnce(source, '| **ISIC** | 33k+ images', '| **ISIC-2** | 33k+ images'),
    rule: 'comparison-unknown-dataset',
    line: lineOf(source, '| **ISIC** | 33k+ images')
  },
  {
    name: 'dataset without a comparison row',
    input: replaceOnce(source, '| **TCGA** | 20k+ slides | Pathology | Cancer diagnosis, genomics | NIH/NCI | Free (GDC Portal) |\n', ''),
    rule: 'comparison-missing-row',
    line: lineOf(source, '### ⭐⭐⭐⭐⭐ TCGA')
  },
  {
    name: 'raw HTML block',
    input: replaceOnce(source, '---\n\n## 🧬 Cancer and Pathology Datasets', '<script>alert(1)</script>\n\n---\n\n## 🧬 Cancer and Pathology Datasets'),
    rule: 'raw-html',
    line: lineOf(source, '## 🧬 Cancer and Pathology Datasets') - 2
  },
  {
    name: 'half in a language ICU does not know',
    input: replaceOnce(source, '## 🇧🇷 Português', '## 🇧🇷 Portuguish'),
    rule: 'unknown-language',
    line: lineOf(source, '## 🇧🇷 Português')
  },
  {
    name: 'malformed dataset heading',
    input: replaceOnce(source, '### ⭐⭐⭐⭐⭐ TCGA - The Cancer Genome Atlas\n\n**Description:**', '### TCGA: The Cancer Genome Atlas\n\n**Description:**'),
    rule: 'malformed-dataset-heading',
    line: lineOf(source, '### ⭐⭐⭐⭐⭐ TCGA')
  },
  {
    name: 'section label without content',
    input: replaceOnce(
      source,
      '**Tasks:**\n- Cancer diagnosis and subtyping\n- Prognosis prediction\n- Genomic-pathologic correlation\n- Survival analysis\n- Mutation prediction from histopathology\n',
      '**Tasks:**\n'
    ),
    rule: 'empty-section',
    line: lineOf(source, '- Cancer diagnosis and subtyping') - 1
  }
]

describe('bad inputs', () => {
  for (const testCase of cases) {
    it(`${testCase.name} -> ${testCase.rule}`, () => {
      const {catalog, file} = parse(testCase.input, 'input.md')
      const found = file.messages.find((m) => m.ruleId === testCase.rule)
      expect(found, file.messages.map(String).join('\n')).toBeDefined()
      expect(found?.line).toBe(testCase.line)
      if (testCase.column !== undefined) expect(found?.column).toBe(testCase.column)
      expect(found?.fatal).toBe((testCase.severity ?? 'error') === 'error')
      if ((testCase.severity ?? 'error') === 'error') expect(catalog).toBeUndefined()
    })
  }

  it('reports every problem at once, not the first only', () => {
    let broken = replaceOnce(
      source,
      `${mimicHeading}\n\n**Description:** MIMIC-CXR is`,
      `### ⭐⭐⭐⭐⭐⭐⭐ MIMIC-CXR - The Largest Chest X-Ray Dataset\n\n**Description:** MIMIC-CXR is`
    )
    broken = replaceOnce(broken, '@article{codella2019skin,', '@article{../x,')
    broken = replaceOnce(broken, ptFacts, '- **Pacientez:** 65.379 pacientes únicos\n')
    const rules = messagesOf(broken)
      .filter((m) => m.includes('error'))
      .map((m) => m.split(' ').at(-1))
    expect(rules).toEqual(expect.arrayContaining(['rating-range', 'unsafe-citation-key', 'unknown-label']))
  })

  it('tolerates a byte order mark', () => {
    const {catalog} = parse(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(source)]), 'input.md')
    expect(catalog?.datasets).toHaveLength(4)
  })

  it('keeps a dataset a translation lacks, without an error: the translation checks report it', () => {
    const withoutPtIsic = source.replace(/## 🔬 Datasets de Dermatologia[\s\S]*?\n---\n\n## 📋 Comparação/, '## 📋 Comparação')
    expect(withoutPtIsic).not.toBe(source)
    const {catalog, file} = parse(withoutPtIsic, 'input.md')
    expect(catalog?.datasets[3]?.title).toEqual({en: 'International Skin Imaging Collaboration'})
    expect(file.messages).toEqual([])
  })
})
