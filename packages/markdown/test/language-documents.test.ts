/**
 * The single-language documents: each a whole document (title, overview,
 * every category, dataset and section, the comparison table, the
 * resources), read back with the catalog's own parser; what a language
 * lacks is shown in the primary language under a visible notice.
 */
import path from 'node:path'
import type {Catalog, Dataset} from '@catalog/schema'
import {frozenCatalog} from '@catalog/test-support'
import {describe, expect, it} from 'vitest'
import {messageTables} from '@catalog/locales'
import {titleIn} from '../src/lib/single-language.js'
import {formatSource, renderLanguageDocument, renderMarkdown} from '../src/index.js'
import {fixtureCatalog} from './catalog-json.js'
import {cloneCatalog, fixturesFolder, parseOrThrow, readFrozenSource} from './helpers.js'

const notice = /^> ⚠️ .*\n\n/gmu

/** The parts of a document a reader sees, whatever the JSON keys: labels and contents in reading order. */
function outlineOf(catalog: Catalog, read: (values: Readonly<Record<string, string>>) => string, citationLabel: (dataset: Dataset) => string): unknown {
  const readList = (values: Readonly<Record<string, string[]>>): string[] => {
    const joined = Object.fromEntries(Object.entries(values).map(([code, items]) => [code, items.join('\u0000')]))
    return read(joined).split('\u0000')
  }
  const section = (dataset: Dataset, name: string): unknown => {
    if (name === 'description') return [read(dataset.description.label), read(dataset.description.text)]
    if (name === 'facts' || name === 'access') {
      return [read(dataset[name].label), dataset[name].items.map((item) => [read(item.label), read(item.value), 'url' in item ? item.url : undefined])]
    }
    if (name === 'citation') return [citationLabel(dataset), dataset.citation?.raw]
    const list = name === 'tasks' ? dataset.tasks : dataset.lists[Number(name.slice('lists/'.length))]
    return list ? [read(list.label), list.style, readList(list.items)] : undefined
  }
  return {
    overview: catalog.overview ? [read(catalog.overview.heading), read(catalog.overview.text)] : undefined,
    categories: catalog.categories.map((category) => [
      category.emoji,
      read(category.title),
      catalog.datasets
        .filter((dataset) => dataset.category === category.id)
        .map((dataset) => [dataset.name, dataset.rating, read(dataset.title), dataset.sections.map((name) => section(dataset, name))])
    ]),
    comparison: catalog.comparison && [
      catalog.comparison.emoji,
      read(catalog.comparison.heading),
      readList(catalog.comparison.columns),
      catalog.comparison.rows.map((row) => [row.dataset, readList(row.cells)])
    ],
    resources: catalog.resources
  }
}

/** What the `code` document should show: each part in `code`, else in the primary language. */
function expectedOutline(catalog: Catalog, code: string, citationWord: string): unknown {
  const order = [code, ...catalog.languages.map((language) => language.code)]
  const read = (values: Readonly<Record<string, string>>): string => order.map((c) => values[c]).find((value) => value !== undefined) ?? ''
  return outlineOf(catalog, read, (dataset) => dataset.citation?.label[code] ?? citationWord)
}

/** What a single-language document says, read back with the parser (notices aside: they are not catalog content). */
function documentOutline(document: string): unknown {
  const catalog = parseOrThrow(document.replace(notice, ''), 'single-language.md')
  expect(catalog.languages).toHaveLength(1)
  const only = (values: Readonly<Record<string, string>>): string => Object.values(values)[0] ?? ''
  return outlineOf(catalog, only, (dataset) => only(dataset.citation?.label ?? {}))
}

// The catalogs rendered: JSON validated by the schema (the frozen catalog, the larger fixture's input.json), not parses.
const real = frozenCatalog()
const larger = fixtureCatalog(path.join(fixturesFolder, 'larger/input.md'))

for (const [name, catalog] of [
  ['the real source', real],
  ['the larger catalog', larger]
] as const) {
  describe(`single-language documents of ${name}`, () => {
    const outputs = renderMarkdown(catalog)

    it('renders README.md and one whole document per language', () => {
      expect([...outputs.keys()]).toEqual(['README.md', 'en/README.md', 'pt/README.md'])
    })

    for (const code of ['en', 'pt']) {
      it(`${code}/README.md holds every part of the catalog, the citations included`, () => {
        const document = outputs.get(`${code}/README.md`) ?? ''
        expect(document.startsWith(`# ${titleIn(catalog, code)}\n\n`)).toBe(true)
        expect(documentOutline(document)).toEqual(expectedOutline(catalog, code, messageTables[code]?.sections?.citation ?? ''))
        for (const dataset of catalog.datasets) {
          if (dataset.citation) expect(document).toContain(`\`\`\`${dataset.citation.language}\n${dataset.citation.raw}\n\`\`\`\n`)
          for (const item of dataset.access.items) if (item.url) expect(document).toContain(`(${item.url})`)
        }
      })
    }

    it('marks each part the Portuguese half lacks, right before it, and nothing else', () => {
      const document = outputs.get('pt/README.md') ?? ''
      const untranslated = catalog.datasets.flatMap((dataset) => dataset.lists.filter((list) => list.label['pt'] === undefined).map((list) => list.label['en']))
      expect(untranslated.length).toBeGreaterThan(0)
      const marked = [...document.matchAll(/^> ⚠️ Ainda não traduzido: exibido em inglês\.\n\n\*\*(.+):\*\*$/gmu)].map((match) => match[1])
      expect(marked).toEqual(untranslated)
      expect(document.match(notice)).toHaveLength(untranslated.length)
    })

    it('the English document, fully translated, carries no notice', () => {
      expect(outputs.get('en/README.md')).not.toMatch(notice)
    })
  })
}

describe('the titles of single-language documents', () => {
  it('take their part of a title written `EN / PT`, or the whole title otherwise', () => {
    expect(titleIn(real, 'en')).toBe('Medical Imaging Datasets')
    expect(titleIn(real, 'pt')).toBe('Datasets de Imagem Médica')
    const single = cloneCatalog(real)
    single.title = 'Datasets / de / Imagem'
    expect(titleIn(single, 'pt')).toBe('Datasets / de / Imagem')
  })
})

describe('languages beyond en and pt', () => {
  /** The real catalog with a third half that translates only the first dataset's title and description. */
  function withSpanish(catalog: Catalog, code = 'es', name = 'Español'): Catalog {
    const edited = cloneCatalog(catalog)
    edited.languages.push({code, flag: '🇪🇸', name})
    const [category] = edited.categories
    const [dataset] = edited.datasets
    if (!category || !dataset) throw new Error('the catalog has no dataset')
    category.title[code] = 'Radiografías de tórax'
    dataset.title[code] = 'El mayor dataset de radiografías de tórax'
    dataset.description.label[code] = 'Descripción'
    dataset.description.text[code] = 'MIMIC-CXR es el mayor dataset público de radiografías de tórax.'
    return edited
  }

  it('renders a document per language of the catalog, with its own notice wording', () => {
    const outputs = renderMarkdown(withSpanish(real))
    expect([...outputs.keys()]).toEqual(['README.md', 'en/README.md', 'pt/README.md', 'es/README.md'])
    const spanish = outputs.get('es/README.md') ?? ''
    expect(spanish).toContain('### ⭐⭐⭐⭐ MIMIC-CXR - El mayor dataset de radiografías de tórax\n\n**Descripción:** MIMIC-CXR es el mayor')
    // MIMIC-CXR's facts, untranslated, are shown in English under the Spanish notice.
    expect(spanish).toContain('> ⚠️ Aún sin traducir: se muestra en inglés.\n\n**Key Features:**\n- **Size:** 377,110')
    // A dataset without any Spanish carries one notice under its heading, not one per section.
    expect(spanish).toContain(
      '### ⭐⭐⭐⭐ CHEXPERT - Stanford Chest X-Ray Competition Dataset\n\n> ⚠️ Aún sin traducir: se muestra en inglés.\n\n**Description:**'
    )
    expect(spanish).toContain('**Cita:**\n```bibtex\n@article{johnson2019mimic,')
  })

  it('the bilingual document takes a third half, which the parser reads back into the same catalog', () => {
    // A round trip through the parser: it starts from the parse (without the vocabulary the frozen JSON carries).
    const catalog = withSpanish(parseOrThrow(readFrozenSource(), 'source/datasets.md'))
    const document = formatSource(catalog)
    expect(document).toContain(
      '## 🇪🇸 Español\n\n## 📊 Radiografías de tórax\n\n### ⭐⭐⭐⭐ MIMIC-CXR - El mayor dataset de radiografías de tórax\n\n**Descripción:** MIMIC-CXR es el mayor dataset público de radiografías de tórax.\n\n---\n\n## Related Resources'
    )
    expect(parseOrThrow(document)).toEqual(catalog)
  })

  it("takes the primary language's words for a language without a message table", () => {
    const dutch = renderLanguageDocument(withSpanish(real, 'nl', 'Nederlands'), 'nl')
    expect(dutch).toContain('> ⚠️ Not yet translated: shown in English.\n\n**Key Features:**')
    expect(dutch).toContain('**Citation:**\n```bibtex')
    // With Portuguese first, Dutch reads the Portuguese words, naming languages in Portuguese.
    const portugueseFirst = withSpanish(real, 'nl', 'Nederlands')
    portugueseFirst.languages = [...portugueseFirst.languages.filter(({code}) => code === 'pt'), ...portugueseFirst.languages.filter(({code}) => code !== 'pt')]
    const dutchAfterPortuguese = renderLanguageDocument(portugueseFirst, 'nl')
    expect(dutchAfterPortuguese).toContain('> ⚠️ Ainda não traduzido: exibido em português.\n\n**Características Principais:**')
    expect(dutchAfterPortuguese).toContain('**Citação:**\n```bibtex')
  })

  it('refuses a language the catalog does not have', () => {
    expect(() => renderLanguageDocument(real, 'de')).toThrow(/no language "de"/)
  })
})

describe('a dataset present only in a translation', () => {
  it('shows in the primary document under a notice, in the language it has', () => {
    const catalog = cloneCatalog(real)
    const orphan = cloneCatalog(real).datasets[3]
    if (!orphan) throw new Error('the real source has no fourth dataset')
    // Keep only the Portuguese of every text, as the parser stores a dataset found only in the Portuguese half.
    const onlyPt = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(onlyPt)
      if (value && typeof value === 'object') {
        const entries = Object.entries(value)
        if ('pt' in value && entries.every(([key]) => /^[a-z]{2}$/.test(key))) return {pt: (value as Record<string, unknown>)['pt']}
        return Object.fromEntries(entries.map(([key, inner]) => [key, onlyPt(inner)]))
      }
      return value
    }
    const translatedOnly = onlyPt({...orphan, id: 'isic-pt', name: 'ISIC-PT'}) as Dataset
    delete translatedOnly.citation
    translatedOnly.sections = translatedOnly.sections.filter((name) => name !== 'citation' && name !== 'lists/0')
    translatedOnly.lists = []
    catalog.datasets.push(translatedOnly)
    const english = renderLanguageDocument(catalog, 'en')
    expect(english).toContain(
      '### ⭐⭐⭐⭐ ISIC-PT - International Skin Imaging Collaboration\n\n> ⚠️ Not yet translated: shown in Portuguese.\n\n**Descrição:** ISIC é a maior'
    )
    // In the bilingual document it stands in the Portuguese half only.
    const bilingual = formatSource(catalog)
    expect(bilingual.indexOf('ISIC-PT')).toBeGreaterThan(bilingual.indexOf('## 🇧🇷 Português'))
    expect(bilingual.split('ISIC-PT')).toHaveLength(2)
  })
})
