/**
 * The bilingual document regenerated from the catalog alone is the source
 * itself, byte for byte, for any source written in the house style; and
 * `formatSource` brings a source in another style to that form, idempotently.
 */
import {describe, expect, it} from 'vitest'
import {formatSource, renderMarkdown} from '../src/index.js'
import {parseOrThrow, readFixture, readFrozenSource, replaceOnce} from './helpers.js'

const realSource = readFrozenSource()

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

describe('round trip of what the halves say otherwise', () => {
  // Each an edit of one half that the catalog keeps (a variant, a part only one half has): formatting loses none of it.
  it.each([
    [
      'a translated heading with another rating',
      (text: string) =>
        replaceOnce(
          text,
          '### ⭐⭐⭐⭐ ISIC - International Skin Imaging Collaboration\n\n**Descrição:**',
          '### ⭐⭐⭐ ISIC - International Skin Imaging Collaboration\n\n**Descrição:**'
        )
    ],
    [
      'a translated link',
      (text: string) =>
        replaceOnce(
          text,
          '- **URL:** [https://www.isic-archive.com/](https://www.isic-archive.com/)\n- **Licença:**',
          '- **URL:** [https://www.isic-archive.com/](https://www.isic-archive.com/pt/)\n- **Licença:**'
        )
    ],
    [
      'a translated citation that differs',
      (text: string) =>
        replaceOnce(
          text,
          '- **Requisitos:** Completar treinamento CITI e assinar acordo de uso de dados\n',
          '- **Requisitos:** Completar treinamento CITI e assinar acordo de uso de dados\n\n**Citação:**\n```bibtex\n@misc{johnson2019mimic,\n  title={MIMIC-CXR}\n}\n```\n'
        )
    ],
    ['a translation missing a key fact', (text: string) => replaceOnce(text, '- **Pacientes:** 65.379 pacientes únicos\n', '')],
    [
      'a description only the translation has',
      (text: string) =>
        replaceOnce(
          text,
          '**Description:** CheXpert is a large dataset of chest X-rays with uncertainty labels, designed for multi-label classification of thoracic diseases.\n\n',
          ''
        )
    ],
    [
      'a translation with its sections in another order',
      (text: string) => {
        const tasks =
          '**Tarefas:**\n- Geração de relatórios radiológicos\n- Classificação multi-rótulo de doenças (14 observações)\n- Processamento de linguagem natural em relatórios médicos\n- Aprendizado fracamente supervisionado a partir de relatórios\n\n'
        const facts = '**Características Principais:**\n- **Tamanho:** 377.110'
        return replaceOnce(replaceOnce(text, tasks, ''), facts, `${tasks}${facts}`)
      }
    ]
  ])('%s is regenerated as written', (_, edit) => {
    const edited = edit(realSource)
    expect(edited).not.toBe(realSource)
    expect(formatSource(parseOrThrow(edited))).toBe(edited)
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
