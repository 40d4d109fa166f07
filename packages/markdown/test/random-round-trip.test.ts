/**
 * Random valid catalogs round-trip: render the markdown from a catalog, parse
 * it, and the same catalog comes back (fast-check, fixed seed).
 */
import type {Catalog, Dataset} from '@catalog/schema'
import {listSectionName, slugify, validateCatalog} from '@catalog/schema'
import {parseCatalogSource} from '@catalog/parser'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {formatSource} from '../src/index.js'

const languages = [
  {code: 'en', flag: '🇬🇧', name: 'English'},
  {code: 'pt', flag: '🇧🇷', name: 'Português'},
  {code: 'es', flag: '🇪🇸', name: 'Español'}
] as const

// Plain words: the catalog's texts are inline markdown, and these need no escaping.
const word = fc.stringMatching(/^[A-Za-zÀ-ÖØ-öø-ÿ][a-zß-öø-ÿ0-9]{0,8}$/)
const text = (min = 1, max = 6) => fc.array(word, {minLength: min, maxLength: max}).map((words) => words.join(' '))
const label = text(1, 3)
  .map((words) => words.charAt(0).toUpperCase() + words.slice(1))
  .filter((words) => slugify(words) !== '')
const items = (count: number) => fc.array(text(1, 4), {minLength: count, maxLength: count})

interface Shape {
  facts: number
  access: number
  tasks: number
  lists: Array<{count: number; style: 'bullets' | 'inline'; translated: boolean}>
  citation: boolean
}

const shape: fc.Arbitrary<Shape> = fc.record({
  facts: fc.integer({min: 1, max: 4}),
  access: fc.integer({min: 0, max: 2}),
  tasks: fc.integer({min: 1, max: 4}),
  // Lists pair across languages by label where the catalog teaches its translation, else by position among
  // lists of the same style; with labels that no other dataset translates, an untranslated list must come
  // after the translated ones for the markdown to say which is which.
  lists: fc
    .array(fc.record({count: fc.integer({min: 1, max: 4}), style: fc.constantFrom('bullets' as const, 'inline' as const), translated: fc.boolean()}), {
      maxLength: 2
    })
    .map((lists) => [...lists.filter((list) => list.translated), ...lists.filter((list) => !list.translated)]),
  citation: fc.boolean()
})

function localized<T>(codes: readonly string[], value: fc.Arbitrary<T>): fc.Arbitrary<Record<string, T>> {
  return fc.tuple(...codes.map(() => value)).map((values) => Object.fromEntries(codes.map((code, index) => [code, values[index] as T])))
}

function datasetArbitrary(codes: readonly string[], name: string, category: string, index: number): fc.Arbitrary<Dataset> {
  return shape.chain((s) => {
    const listLabels = fc.uniqueArray(label, {minLength: s.lists.length + 4, maxLength: s.lists.length + 4, selector: slugify})
    return fc
      .record({
        rating: fc.integer({min: 1, max: 5}),
        title: localized(codes, text(1, 5)),
        description: localized(codes, text(3, 12)),
        factLabels: fc
          .uniqueArray(label, {minLength: s.facts, maxLength: s.facts, selector: slugify})
          .filter((labels) => !labels.some((l) => slugify(l) === 'url')),
        factValues: fc.array(localized(codes, text(1, 5)), {minLength: s.facts, maxLength: s.facts}),
        accessValues: fc.array(localized(codes, text(1, 4)), {minLength: s.access, maxLength: s.access}),
        tasks: localized(codes, items(s.tasks)),
        listLabels,
        listItems: fc.tuple(...s.lists.map((list) => localized(codes, items(list.count))))
      })
      .map((r): Dataset => {
        const [primary = 'en'] = codes
        const only = (values: Record<string, string>, translated: boolean) => (translated ? values : {[primary]: values[primary] ?? ''})
        const lists = s.lists.map((list, position) => ({
          key: slugify(r.listLabels[position + 4] ?? 'list'),
          label: only(Object.fromEntries(codes.map((code) => [code, `${r.listLabels[position + 4]} ${code}`])), list.translated),
          style: list.style,
          items: list.translated ? (r.listItems[position] ?? {}) : {[primary]: r.listItems[position]?.[primary] ?? []}
        }))
        const dataset: Dataset = {
          id: slugify(name),
          name,
          rating: r.rating,
          category,
          title: r.title,
          description: {label: Object.fromEntries(codes.map((code) => [code, `Description ${code}`])), text: r.description},
          facts: {
            label: Object.fromEntries(codes.map((code) => [code, `Key Features ${code}`])),
            items: r.factLabels.map((factLabel, position) => ({
              key: slugify(factLabel),
              label: Object.fromEntries(codes.map((code) => [code, factLabel])),
              value: r.factValues[position] ?? {}
            }))
          },
          tasks: {label: Object.fromEntries(codes.map((code) => [code, code === primary ? 'Tasks' : `Tasks ${code}`])), style: 'bullets', items: r.tasks},
          lists: lists.map((list) => ({...list, key: slugify(list.label[primary] ?? '')})),
          access: {
            label: Object.fromEntries(codes.map((code) => [code, `Access ${code}`])),
            items: [
              {
                key: 'url',
                label: Object.fromEntries(codes.map((code) => [code, 'URL'])),
                value: Object.fromEntries(codes.map((code) => [code, `https://example.org/${index}/`])),
                url: `https://example.org/${index}/`
              },
              ...r.accessValues.map((value, position) => ({
                key: `entry-${position}`,
                label: Object.fromEntries(codes.map((code) => [code, `Entry ${position}`])),
                value
              }))
            ]
          },
          sections: ['description', 'facts', 'tasks', ...lists.map((_, position) => listSectionName(position)), 'access']
        }
        if (!s.citation) return dataset
        const key = `key${index}`
        // In the schema's property order: the citation before the sections.
        const {sections, ...rest} = dataset
        return {
          ...rest,
          citation: {
            label: {[primary]: 'Citation'},
            language: 'bibtex',
            type: 'misc',
            key,
            fields: {title: `Title ${index}`},
            raw: `@misc{${key},\n  title={Title ${index}}\n}`
          },
          sections: [...sections, 'citation']
        }
      })
  })
}

const catalogArbitrary: fc.Arbitrary<Catalog> = fc
  .record({
    languageCount: fc.integer({min: 1, max: 3}),
    categories: fc.uniqueArray(label, {minLength: 1, maxLength: 3, selector: slugify}),
    names: fc.uniqueArray(fc.stringMatching(/^[A-Z][A-Za-z0-9]{1,8}(-[A-Z0-9]{1,4})?$/), {minLength: 1, maxLength: 5, selector: slugify}),
    emojis: fc.shuffledSubarray(['📊', '🧬', '🔬', '🧠', '🫀', '🦴'], {minLength: 3, maxLength: 3})
  })
  .chain(({languageCount, categories: candidates, names, emojis}) => {
    // Every category holds a dataset: an empty one is an error of its own.
    const categories = candidates.slice(0, names.length)
    const codes = languages.slice(0, languageCount).map((language) => language.code)
    const categoryIds = categories.map(slugify)
    return fc
      .record({
        titles: fc.tuple(...categories.map(() => localized(codes, text(1, 4)))),
        datasets: fc.tuple(...names.map((name, index) => datasetArbitrary(codes, name, categoryIds[index % categoryIds.length] ?? '', index))),
        overview: localized(codes, text(4, 12)),
        cells: fc.tuple(...names.map(() => localized(codes, items(2))))
      })
      .map(
        ({titles, datasets, overview, cells}): Catalog => ({
          schemaVersion: 1,
          title: 'Random Catalog',
          languages: languages.slice(0, languageCount).map((language) => ({...language})),
          overview: {heading: Object.fromEntries(codes.map((code) => [code, `Overview ${code}`])), text: overview},
          categories: categories.map((category, index) => ({
            id: categoryIds[index] ?? '',
            emoji: emojis[index] ?? '📊',
            title: {...titles[index], [codes[0] ?? 'en']: category}
          })),
          // Source order: category by category, as the document lists them.
          datasets: categoryIds.flatMap((id) => datasets.filter((dataset) => dataset.category === id)),
          comparison: {
            emoji: '📋',
            heading: Object.fromEntries(codes.map((code) => [code, `Comparison ${code}`])),
            columns: Object.fromEntries(codes.map((code) => [code, ['Dataset', 'Size', 'Access']])),
            rows: categoryIds
              .flatMap((id) => datasets.filter((dataset) => dataset.category === id))
              .map((dataset) => ({dataset: dataset.id, cells: cells[names.indexOf(dataset.name)] ?? {}}))
          }
        })
      )
  })

describe('random valid catalogs', () => {
  it('render to markdown that parses back to the same catalog', {timeout: 300_000}, () => {
    fc.assert(
      fc.property(catalogArbitrary, (catalog) => {
        expect(validateCatalog(catalog)).toMatchObject({valid: true})
        const markdown = formatSource(catalog)
        const {catalog: parsed, file} = parseCatalogSource(markdown, 'random.md')
        expect(file.messages.filter((message) => message.fatal).map(String)).toEqual([])
        expect(JSON.stringify(parsed, null, 1)).toBe(JSON.stringify(catalog, null, 1))
        expect(formatSource(parsed as Catalog)).toBe(markdown)
      }),
      {seed: Number(process.env['SEED'] ?? 20_261_130), numRuns: process.env['CI'] ? 300 : 60}
    )
  })
})
