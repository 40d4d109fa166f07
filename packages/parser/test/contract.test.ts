/**
 * The contract between the markdown and the data (issue 13): labels are
 * declared, the halves pair inside each dataset by key, a slip is one error at
 * its line, and a slip in one dataset never changes another dataset's data.
 */
import type {Catalog} from '@catalog/schema'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {lineOf, parse, readFrozenSource, replaceOnce} from './helpers.js'

const source = readFrozenSource()
const lines = source.split('\n')
const fresh = parse(source).catalog as Catalog

/** Every dataset's JSON but one's, by id: what a slip in that one must leave alone. */
function others(catalog: Catalog | undefined, except: string): Record<string, unknown> {
  return Object.fromEntries((catalog?.datasets ?? []).filter((dataset) => dataset.id !== except).map((dataset) => [dataset.id, dataset]))
}

/** The line range of each dataset's body in each half: from its heading to the next heading. */
const datasetRanges = lines.flatMap((line, index) => {
  const heading = /^### ⭐+ (.+?) - /.exec(line)
  if (!heading) return []
  const end = lines.findIndex((candidate, position) => position > index && /^#{2,3} /.test(candidate))
  return [{id: (heading[1] ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '-'), from: index + 1, to: end === -1 ? lines.length : end}]
})

/** Every `**Label:**` of every dataset, with its line (0-based) and the dataset it stands in. */
const labels = datasetRanges.flatMap((range) =>
  lines.slice(range.from, range.to).flatMap((line, offset) => {
    const label = /^(- )?\*\*([^*]+):\*\*/.exec(line)
    return label ? [{dataset: range.id, index: range.from + offset, label: label[2] ?? '', prefix: label[1] ?? ''}] : []
  })
)

describe('slips a maintainer makes', () => {
  const errors = (text: string) => parse(text).file.messages.filter((message) => message.fatal)

  it.each([
    ['a misspelt key fact', '- **Size:** 377,110 chest X-ray images', '- **Sise:** 377,110 chest X-ray images', 'unknown label `Sise`; did you mean `Size`?'],
    [
      'a misspelt section',
      '**Tasks:**\n- Radiology report generation',
      '**Taks:**\n- Radiology report generation',
      'unknown label `Taks`; did you mean `Tasks`?'
    ],
    ['another case', '- **Patients:** 65,379 unique patients', '- **patients:** 65,379 unique patients', 'unknown label `patients`; did you mean `Patients`?'],
    ['a stray space', '- **Time Period:** 2011-2016', '- **Time  Period:** 2011-2016', 'unknown label `Time  Period`; did you mean `Time Period`?'],
    [
      'a colon outside the bold',
      '- **Reports:** Free-text radiology reports for all images',
      '- **Reports**: Free-text radiology reports for all images',
      'the colon of `Reports` stands outside the bold: write `**Reports:**`'
    ],
    ['two edits', '- **Size:** 377,110 chest X-ray images', '- **Sz:** 377,110 chest X-ray images', 'unknown label `Sz`; did you mean `Size`?'],
    [
      'a space inside the asterisks',
      '- **Size:** 377,110 chest X-ray images',
      '- ** Size:** 377,110 chest X-ray images',
      '`** Size:**` is not bold as written (a space inside the asterisks, or none after them): write `**Size:**` and a space'
    ],
    [
      'a space before the closing asterisks',
      '- **Size:** 377,110 chest X-ray images',
      '- **Size: ** 377,110 chest X-ray images',
      '`**Size: **` is not bold as written (a space inside the asterisks, or none after them): write `**Size:**` and a space'
    ],
    [
      'no space after the bold',
      '- **Size:** 377,110 chest X-ray images',
      '- **Size:**377,110 chest X-ray images',
      '`**Size:**` is not bold as written (a space inside the asterisks, or none after them): write `**Size:**` and a space'
    ],
    [
      "a section label's stray space",
      '**Tasks:**\n- Radiology report generation',
      '**Tasks: **\n- Radiology report generation',
      '`**Tasks: **` is not bold as written (a space inside the asterisks, or none after them): write `**Tasks:**` and a space'
    ]
  ])('%s is one error, at its line, naming the declared label; no other dataset changes', (_, from, to, message) => {
    const input = replaceOnce(source, from, to)
    const {file} = parse(input)
    expect(errors(input).map((m) => `${m.line} ${m.ruleId} ${m.reason.split(' (if')[0]}`)).toEqual([
      `${lineOf(input, to.split('\n')[0] ?? '')} unknown-label ${message}`
    ])
    expect(others(file.data.catalog, 'mimic-cxr')).toEqual(others(fresh, 'mimic-cxr'))
  })

  it('an http link is one error, at its line', () => {
    const input = replaceOnce(
      source,
      '- **URL:** [https://physionet.org/content/mimic-cxr/](https://physionet.org/content/mimic-cxr/)\n- **License:** PhysioNet Credentialed Health Data License\n- **Requirements:**',
      '- **URL:** [http://physionet.org/content/mimic-cxr/](http://physionet.org/content/mimic-cxr/)\n- **License:** PhysioNet Credentialed Health Data License\n- **Requirements:**'
    )
    expect(errors(input).map((m) => `${m.line} ${m.ruleId}`)).toEqual([`${lineOf(input, '[http://physionet')} url-not-https`])
  })

  it("an http link in the translation is one error at the translation's line; in both halves, one at each", () => {
    const english = '- **URL:** [https://physionet.org/content/mimic-cxr/](https://physionet.org/content/mimic-cxr/)\n- **License:**'
    const portuguese = '- **URL:** [https://physionet.org/content/mimic-cxr/](https://physionet.org/content/mimic-cxr/)\n- **Licença:**'
    const http = (text: string): string => text.replaceAll('https://physionet', 'http://physionet')
    const translated = replaceOnce(source, portuguese, http(portuguese))
    expect(errors(translated).map((m) => `${m.line} ${m.ruleId}`)).toEqual([`${lineOf(translated, '[http://physionet')} url-not-https`])
    const both = replaceOnce(translated, english, http(english))
    const lineNumbers = both.split('\n').flatMap((line, index) => (line.includes('[http://physionet') ? [index + 1] : []))
    expect(errors(both).map((m) => `${m.line} ${m.ruleId}`)).toEqual(lineNumbers.map((line) => `${line} url-not-https`))
  })

  it('an access entry that is a link in one half only is one error, at the translation', () => {
    const portuguese = '- **URL:** [https://physionet.org/content/mimic-cxr/](https://physionet.org/content/mimic-cxr/)\n- **Licença:**'
    const unlinked = replaceOnce(source, portuguese, '- **URL:** physionet.org\n- **Licença:**')
    expect(errors(unlinked).map((m) => `${m.line} ${m.ruleId} ${m.reason}`)).toEqual([
      `${lineOf(unlinked, '- **URL:** physionet.org')} unpaired-link "URL" of MIMIC-CXR has no link, where "URL" in the \`en\` half links to https://physionet.org/content/mimic-cxr/: link both halves, or neither`
    ])
    // A link only the primary half's plain entry lacks: the same, whichever half holds it.
    const linked = replaceOnce(source, '- **Download:** Free via GDC Data Portal', '- **Download:** [https://gdc.cancer.gov/](https://gdc.cancer.gov/)')
    expect(errors(linked).map((m) => `${m.line} ${m.ruleId}`)).toEqual([`${lineOf(linked, '- **Download:** Gratuito via GDC')} unpaired-link`])
  })

  it('a URL entry that is no link is one error at the entry, worded for people; an empty one, one error', () => {
    const english = '- **URL:** [https://physionet.org/content/mimic-cxr/](https://physionet.org/content/mimic-cxr/)\n- **License:**'
    const plain = replaceOnce(source, english, '- **URL:** physionet.org/content/mimic-cxr\n- **License:**')
    expect(errors(plain).map((m) => `${m.line} ${m.ruleId} ${m.reason}`)).toEqual([
      `${lineOf(plain, '- **URL:** physionet.org')} missing-url the access list's \`URL\` entry of MIMIC-CXR has no link: write it as \`[https://...](https://...)\``
    ])
    const empty = replaceOnce(source, english, '- **URL:**\n- **License:**')
    expect(errors(empty).map((m) => `${m.line} ${m.ruleId}`)).toEqual([`${lineOf(empty, '- **URL:**\n')} empty-section`])
  })

  it('a heading without stars in both halves is one error in each, and its comparison rows follow from them', () => {
    const input = replaceOnce(
      replaceOnce(source, '### ⭐⭐⭐⭐ CHEXPERT - Stanford', '### CHEXPERT - Stanford'),
      '### ⭐⭐⭐⭐ CHEXPERT - Dataset',
      '### CHEXPERT - Dataset'
    )
    expect(errors(input).map((m) => `${m.line} ${m.ruleId}`)).toEqual([
      `${lineOf(input, '### CHEXPERT - Stanford')} malformed-dataset-heading`,
      `${lineOf(input, '### CHEXPERT - Dataset')} malformed-dataset-heading`
    ])
  })

  it('a heading without stars is one error, and its body is not reported block by block', () => {
    const input = replaceOnce(
      source,
      '### ⭐⭐⭐⭐ CHEXPERT - Stanford Chest X-Ray Competition Dataset',
      '### CHEXPERT - Stanford Chest X-Ray Competition Dataset'
    )
    expect(errors(input).map((m) => `${m.line} ${m.ruleId}`)).toEqual([`${lineOf(input, '### CHEXPERT')} malformed-dataset-heading`])
  })

  it('a schema violation is worded for people and placed at the value, with its pointer beside', () => {
    const input = replaceOnce(
      source,
      '**Description:** MIMIC-CXR is the largest publicly available chest X-ray dataset, containing over 377,000 images paired with free-text radiology reports.\n\n',
      ''
    ).replace(/\*\*Descrição:\*\* MIMIC-CXR é o maior[^\n]*\n\n/, '')
    const schema = parse(input).file.messages.filter((message) => message.ruleId === 'schema')
    expect(schema.map((message) => `${message.line} ${message.reason}`)).toEqual([
      `${lineOf(input, '### ⭐⭐⭐⭐ MIMIC-CXR')} the description of MIMIC-CXR is missing`
    ])
  })

  it('a description only the translation has is kept, in the translation, and the source round-trips it', () => {
    const input = replaceOnce(
      source,
      '**Description:** CheXpert is a large dataset of chest X-rays with uncertainty labels, designed for multi-label classification of thoracic diseases.\n\n',
      ''
    )
    const {catalog, file} = parse(input)
    expect(file.messages.filter((m) => m.fatal)).toEqual([])
    const chexpert = catalog?.datasets.find((dataset) => dataset.id === 'chexpert')
    expect(chexpert?.description.label).toEqual({pt: 'Descrição'})
    expect(chexpert?.description.text['pt']).toMatch(/^CheXpert é um grande dataset/)
    expect(chexpert?.sections[0]).toBe('description')
  })

  it('a key fact only the translation has is kept in the translation, not paired with another fact', () => {
    const input = replaceOnce(source, '- **Patients:** 65,379 unique patients\n', '')
    const mimic = parse(input).catalog?.datasets.find((dataset) => dataset.id === 'mimic-cxr')
    const patients = mimic?.facts.items.find((item) => item.key === 'patients')
    expect(patients?.label).toEqual({pt: 'Pacientes'})
    expect(mimic?.facts.items.find((item) => item.key === 'reports')?.label).toEqual({en: 'Reports', pt: 'Relatórios'})
  })

  it("keeps what a translation's heading says otherwise, for the translation checks to report and the markdown to regenerate", () => {
    const input = replaceOnce(
      source,
      '### ⭐⭐⭐⭐ ISIC - International Skin Imaging Collaboration\n\n**Descrição:**',
      '### ⭐⭐⭐ ISIC - International Skin Imaging Collaboration\n\n**Descrição:**'
    )
    const {catalog, file} = parse(input)
    expect(file.messages).toEqual([])
    expect(catalog?.datasets.find((dataset) => dataset.id === 'isic')?.variants).toEqual({pt: {rating: 3}})
  })
})

describe('the other checks beside an error', () => {
  // A check that says something of every dataset and of the catalog as a whole, as the renderers' checks do.
  const checks = [
    (catalog: Catalog) => [
      ...catalog.datasets.map((dataset, index) => ({pointer: `/datasets/${index}/name`, severity: 'warning' as const, ruleId: 'x', message: dataset.id})),
      {pointer: '/comparison', severity: 'warning' as const, ruleId: 'x', message: 'the catalog'}
    ]
  ]
  const warned = (text: string): string[] =>
    parse(text, 'x.md', {checks})
      .file.messages.filter((message) => message.ruleId === 'x')
      .map((message) => message.reason)

  it('are said of every dataset but the one an error stands in', () => {
    expect(warned(source)).toEqual(['mimic-cxr', 'chexpert', 'tcga', 'isic', 'the catalog'])
    // A slip in CheXpert's key facts: its own findings could follow from it, the others' cannot.
    expect(warned(replaceOnce(source, '- **Labels:** 14 observations', '- **Labls:** 14 observations'))).toEqual(['mimic-cxr', 'tcga', 'isic'])
    // A heading refused in both halves: the dataset is none of the one before it.
    const starless = replaceOnce(
      replaceOnce(source, '### ⭐⭐⭐⭐ CHEXPERT - Stanford', '### CHEXPERT - Stanford'),
      '### ⭐⭐⭐⭐ CHEXPERT - Dataset',
      '### CHEXPERT - Dataset'
    )
    expect(warned(starless)).toEqual(['mimic-cxr', 'tcga', 'isic'])
  })
})

describe('every label of the frozen source', () => {
  const slips: Array<[string, (label: string) => string]> = [
    ['two letters swapped', (label) => (label.length > 3 ? label.slice(0, 1) + (label[2] ?? '') + (label[1] ?? '') + label.slice(3) : `${label}x`)],
    ['a letter dropped', (label) => label.slice(0, -1)],
    ['upper case', (label) => label.toUpperCase()]
  ]
  for (const [name, slip] of slips) {
    it(`${name}: an error at the label's line naming it, and every other dataset unchanged`, {timeout: 60_000}, () => {
      for (const {dataset, index, label, prefix} of labels) {
        const typo = slip(label)
        if (typo === label) continue
        const edited = [...lines]
        edited[index] = (edited[index] ?? '').replace(`${prefix}**${label}:**`, `${prefix}**${typo}:**`)
        const {file} = parse(edited.join('\n'))
        const found = file.messages.filter((message) => message.fatal).map((message) => `${message.line} ${message.ruleId} ${message.reason.split(' (if')[0]}`)
        expect({label, typo, found}).toEqual({label, typo, found: [`${index + 1} unknown-label unknown label \`${typo}\`; did you mean \`${label}\`?`]})
        expect(others(file.data.catalog, dataset), `${label} -> ${typo}`).toEqual(others(fresh, dataset))
      }
    })
  }
})

describe('a slip in one dataset', () => {
  const bodyLines = (range: (typeof datasetRanges)[number]) =>
    Array.from({length: range.to - range.from}, (_, offset) => range.from + offset).filter((index) => !(lines[index] ?? '').startsWith('```'))
  const slip = fc.oneof(
    fc.record({kind: fc.constant('delete' as const), at: fc.nat()}),
    fc.record({kind: fc.constant('double' as const), at: fc.nat()}),
    fc.record({kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat()}),
    fc.record({kind: fc.constant('typo' as const), at: fc.nat(), position: fc.nat(), character: fc.constantFrom('x', ' ', ':', '*', 'ã')})
  )

  it("never changes another dataset's data, whatever the slip", {timeout: 300_000}, () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(slip, {minLength: 1, maxLength: 3}), (which, slips) => {
        const range = datasetRanges[which % datasetRanges.length]
        if (!range) return
        const edited = [...lines]
        const body = bodyLines(range)
        for (const change of slips) {
          const at = body[change.at % body.length] ?? range.from
          if (change.kind === 'delete') edited[at] = ''
          else if (change.kind === 'double') edited[at] = `${edited[at] ?? ''}\n${edited[at] ?? ''}`
          else if (change.kind === 'swap') {
            const other = body[change.with % body.length] ?? at
            ;[edited[at], edited[other]] = [edited[other] ?? '', edited[at] ?? '']
          } else {
            const line = edited[at] ?? ''
            const position = change.position % (line.length + 1)
            edited[at] = line.slice(0, position) + change.character + line.slice(position)
          }
        }
        const {file} = parse(edited.join('\n'))
        expect(others(file.data.catalog, range.id)).toEqual(others(fresh, range.id))
      }),
      {seed: 13, numRuns: process.env['CI'] ? 600 : 120}
    )
  })
})
