import {describe, expect, it} from 'vitest'

import {frozenVocabulary} from '@catalog/test-support'
import {lineOf, messagesOf, parse, readFrozenSource, replaceOnce} from './helpers.js'

const source = readFrozenSource()

describe('limits', () => {
  it('refuses a line over the limit at that line, before parsing', () => {
    const long = replaceOnce(source, '## Related Resources', `## Related Resources\n\n${'x'.repeat(20_001)}`)
    expect(messagesOf(long)).toEqual([`${lineOf(long, 'xxxx')}:20001 error line-too-long`])
  })

  it('counts a line in characters, not in UTF-16 units', () => {
    const emoji = replaceOnce(source, '## Related Resources', `## Related Resources\n\n${'😀'.repeat(10_001)}`)
    expect(messagesOf(emoji)).not.toContain(`${lineOf(emoji, '😀')}:20001 error line-too-long`)
    const {file} = parse(emoji, 'x.md', {limits: {maxLineLength: 10_000}})
    expect(file.messages.map((m) => m.reason)).toEqual([`line ${lineOf(emoji, '😀')} is 10001 characters long; the limit is 10000`])
  })

  it('refuses a source over the size limit', () => {
    expect(messagesOf(source, 'x.md')).not.toContain('1:1 error source-too-large')
    const {file} = parse(source, 'x.md', {limits: {maxBytes: 1000}})
    expect(file.messages.map((m) => m.ruleId)).toEqual(['source-too-large'])
  })

  it('refuses more datasets than the limit without building them', () => {
    const {file} = parse(source, 'x.md', {limits: {maxDatasets: 9}})
    const tenth = source.split('\n').flatMap((line, index) => (line.startsWith('### ') ? [index + 1] : []))[9]
    expect(file.messages.map((m) => [m.line, m.reason])).toEqual([[tenth, 'the source has more than 9 level-3 headings; the limit is 9 datasets']])
  })

  // Each limit at the first line that breaks it, and nothing parsed: the cases the issue met, and one a limit lower.
  const padded = (extra: string, at = '## Related Resources') => replaceOnce(source, at, `${extra}\n\n${at}`)
  it.each([
    ['the catalog padded with blank lines', source + '\n'.repeat(1500), {}, 'too-many-blank-lines', source.split('\n').length],
    ['a million list items', `${source}\n${'- a\n'.repeat(200_000)}`, {}, 'too-many-lines', 120_001],
    ['a line of 4000 `>`', padded(`${'>'.repeat(4000)} x`), {}, 'nesting-too-deep', lineOf(source, '## Related Resources')],
    ['a line of 2000 `- `', padded(`${'- '.repeat(2000)}x`), {}, 'nesting-too-deep', lineOf(source, '## Related Resources')],
    [
      'lists nested by indentation',
      padded(Array.from({length: 40}, (_, depth) => `${'  '.repeat(depth)}- x`).join('\n')),
      {},
      'nesting-too-deep',
      lineOf(source, '## Related Resources') + 16
    ],
    // Sections of 1,001 lines (a heading, a blank line, 999 items): the 60,001st item is on line 3 + 60 * 1001 + 60.
    ['too many list items', `# T\n\n${`${'- a\n'.repeat(999)}\n## h\n\n`.repeat(70)}`, {}, 'too-many-list-items', 3 + 60 * 1002 + 60],
    [
      'a run of 9000 stars around a word',
      replaceOnce(source, '**Description:** MIMIC-CXR is', `**Description:** ${'*'.repeat(9000)}x${'*'.repeat(9000)} MIMIC-CXR is`),
      {},
      'too-much-markup-in-paragraph',
      lineOf(source, '**Description:** MIMIC-CXR is')
    ],
    [
      'nested emphasis across the lines of one paragraph',
      padded(Array.from({length: 600}, () => '*a _b').join('\n')),
      {},
      'too-much-markup-in-paragraph',
      lineOf(source, '## Related Resources') + 500
    ],
    // 100 markup characters a line, on lines 3, 5, 7, …: the 31st passes 3,000.
    [
      'too much markup',
      `# T\n\n${Array.from({length: 40}, () => '[a](https://a.b) '.repeat(50)).join('\n\n')}`,
      {maxMarkup: 3000},
      'too-much-markup',
      3 + 2 * 30
    ],
    [
      'a section too long to cut',
      padded(Array.from({length: 60}, (_, row) => `| ${row} |`).join('\n')),
      {maxSectionLines: 50},
      'section-too-long',
      lineOf(source, '## 📋 Comparação')
    ]
  ] as const)('%s', (_, input, limits, rule, line) => {
    const {catalog, file} = parse(input, 'x.md', {limits})
    expect(catalog).toBeUndefined()
    expect(file.messages.map((m) => `${m.line} ${m.ruleId}`)).toEqual([`${line} ${rule}`])
  })

  it('says why a section could not be cut, when a block hid its headings', () => {
    const hidden = replaceOnce(source, '## 🧬 Cancer and Pathology Datasets', '- item\n  ```\n\n## 🧬 Cancer and Pathology Datasets')
    const {file} = parse(hidden, 'x.md', {limits: {maxSectionLines: 200}})
    const fence = lineOf(hidden, '  ```')
    // The last cut before the fence is at the heading before it; the section runs to the last line.
    const first = lineOf(hidden, '### ⭐⭐⭐⭐ CHEXPERT')
    const last = hidden.split('\n').length - 1
    expect(file.messages.map((m) => [m.line, m.reason])).toEqual([
      [
        first,
        `the section at lines ${first} to ${last} holds ${last - first + 1} lines; the limit is 200 a section (a section runs from a heading after a blank line to the next such heading (no heading after line ${fence} is cut at: the fence at line ${fence} is indented or inside a list or quote, so it may end with its container or run on)): split it with headings`
      ]
    ])
  })

  it('bounds the list items and the markup of a section too', () => {
    const items = `# T\n\n## h\n\n${'- a\n'.repeat(30)}`
    expect(parse(items, 'x.md', {limits: {maxSectionListItems: 20}}).file.messages.map((m) => `${m.line} ${m.ruleId} ${m.reason.split(';')[0]}`)).toEqual([
      '3 section-too-long the section at lines 3 to 34 holds 30 list items and block quote markers'
    ])
    const links = `# T\n\n## h\n\n${'[a](https://a.b)\n\n'.repeat(30)}`
    expect(parse(links, 'x.md', {limits: {maxSectionMarkup: 40}}).file.messages.map((m) => `${m.line} ${m.ruleId} ${m.reason.split(';')[0]}`)).toEqual([
      '3 section-too-long the section at lines 3 to 64 holds 60 inline markup characters'
    ])
  })

  it('leaves the committed source within every limit, with room to spare', () => {
    const tight = {
      maxLines: 400,
      maxSectionLines: 60,
      maxSectionListItems: 20,
      maxSectionMarkup: 200,
      maxDepth: 2,
      maxMarkup: 1000,
      maxParagraphMarkup: 30,
      maxListItems: 150,
      maxBlankLines: 1,
      maxDatasets: 10
    }
    expect(parse(source, 'x.md', {limits: tight}).file.messages.filter((m) => m.fatal)).toEqual([])
  })

  it('survives a hostile size within the limits without running out of memory', () => {
    const many = `# T\n\n## 🇬🇧 English\n\n## 📊 C\n\n${'### ⭐ X - Y\n\n'.repeat(2000)}`
    const {catalog, file} = parse(many, 'x.md')
    expect(catalog).toBeUndefined()
    expect(file.messages.length).toBeGreaterThan(0)
  })
})

describe('disable comments', () => {
  const tcgaRow = '| **TCGA** | 20k+ slides | Pathology | Cancer diagnosis, genomics | NIH/NCI | Free (GDC Portal) |\n'

  it('suppress the named rule inside the region only', () => {
    // Two lists the vocabulary does not declare: each is an `undeclared-label` warning.
    const vocabulary = frozenVocabulary()
    vocabulary.labels = vocabulary.labels.filter((entry) => entry.key !== 'labels-14-observations' && entry.key !== 'lesion-types')
    const edited = replaceOnce(source, '**Labels (14 Observations):**', '<!-- catalog-disable undeclared-label -->\n**Labels (14 Observations):**').replace(
      '**Access:**\n- **URL:** [https://stanfordmlgroup',
      '<!-- catalog-enable undeclared-label -->\n\n**Access:**\n- **URL:** [https://stanfordmlgroup'
    )
    expect(parse(source, 'x.md', {vocabulary}).file.messages.map((m) => m.ruleId)).toEqual(['undeclared-label', 'undeclared-label'])
    const {file} = parse(edited, 'x.md', {vocabulary})
    expect(file.messages.map((m) => `${m.line} ${m.ruleId}`)).toEqual([`${lineOf(edited, '**Lesion Types:**')} undeclared-label`])
  })

  it('warn when they suppress nothing, or name no rule', () => {
    const edited = replaceOnce(
      source,
      '## 🧬 Cancer and Pathology Datasets\n',
      '<!-- catalog-disable url-mismatch -->\n\n## 🧬 Cancer and Pathology Datasets\n'
    )
    expect(messagesOf(edited)).toContain(`${lineOf(edited, '<!-- catalog-disable')}:1 warning unused-disable`)
    const typo = replaceOnce(
      source,
      '## 🧬 Cancer and Pathology Datasets\n',
      '<!-- catalog-disable misssing-translation -->\n\n## 🧬 Cancer and Pathology Datasets\n'
    )
    const {file} = parse(typo, 'x.md')
    expect(file.messages.filter((m) => m.ruleId === 'unused-disable').map((m) => m.reason)).toEqual(['`catalog-disable` names no rule: `misssing-translation`'])
  })

  it('refuse to disable a rule whose finding would leave an output invalid, and report that rule still', () => {
    const twice = replaceOnce(
      source,
      '### ⭐⭐⭐⭐ ISIC - International Skin Imaging Collaboration\n\n**Description:** ISIC',
      '<!-- catalog-disable duplicate-dataset comparison-duplicate-row -->\n### ⭐⭐⭐⭐ MIMIC-CXR - International Skin Imaging Collaboration\n<!-- catalog-enable duplicate-dataset comparison-duplicate-row -->\n\n**Description:** ISIC'
    )
    const {catalog, file} = parse(twice, 'x.md')
    expect(catalog).toBeUndefined()
    const comment = lineOf(twice, '<!-- catalog-disable')
    expect(file.messages.filter((m) => m.line === comment).map((m) => `${m.fatal ? 'error' : 'warning'} ${m.ruleId}`)).toEqual([
      'error disable-not-allowed',
      'error disable-not-allowed'
    ])
    expect(file.messages.map((m) => m.ruleId)).toContain('duplicate-dataset')
  })

  it('can excuse a deliberate error that leaves the catalog valid', () => {
    const withoutRow = replaceOnce(source, tcgaRow, '')
    expect(messagesOf(withoutRow)).toContain(`${lineOf(source, '### ⭐⭐⭐⭐⭐ TCGA')}:1 error comparison-missing-row`)
    const excused = replaceOnce(
      withoutRow,
      '### ⭐⭐⭐⭐⭐ TCGA - The Cancer Genome Atlas\n\n**Description:**',
      '<!-- catalog-disable comparison-missing-row -->\n### ⭐⭐⭐⭐⭐ TCGA - The Cancer Genome Atlas\n<!-- catalog-enable comparison-missing-row -->\n\n**Description:**'
    )
    const {catalog} = parse(excused, 'x.md')
    expect(catalog?.comparison?.rows.filter((r) => r.cells['en']).map((r) => r.dataset)).toEqual(['mimic-cxr', 'chexpert', 'isic'])
  })

  it('never let an invalid catalog through: a bare disable comment covers only the rules that may be disabled', () => {
    const sevenStars = replaceOnce(source, '### ⭐⭐⭐⭐ MIMIC-CXR - The Largest', '<!-- catalog-disable -->\n### ⭐⭐⭐⭐⭐⭐⭐ MIMIC-CXR - The Largest')
    const {catalog, file} = parse(sevenStars, 'x.md')
    expect(catalog).toBeUndefined()
    expect(file.messages.filter((m) => m.fatal).map((m) => `${m.line} ${m.ruleId}`)).toContain(
      `${lineOf(sevenStars, '### ⭐⭐⭐⭐⭐⭐⭐ MIMIC-CXR')} rating-range`
    )
  })
})
