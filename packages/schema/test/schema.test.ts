import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {catalogSchema, validateCatalog, vocabularySchema} from '../src/index.js'

// Two datasets taken from the real catalog; the schema package cannot run the parser (it sits below it).
const catalog = JSON.parse(readFileSync(new URL('fixtures/two-datasets.json', import.meta.url), 'utf8')) as Record<string, unknown>

describe('the catalog schema', () => {
  it('is draft 2020-12 and accepts a catalog taken from the real source', () => {
    expect(catalogSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(validateCatalog(catalog)).toMatchObject({valid: true})
  })

  it('reports every violation with a JSON pointer', () => {
    const broken = structuredClone(catalog) as {datasets: Array<Record<string, unknown>>}
    const [first, second] = broken.datasets
    if (!first || !second) throw new Error('the committed catalog has datasets')
    first['rating'] = 7
    delete second['facts']
    first['extra'] = true
    const result = validateCatalog(broken)
    expect(result.valid).toBe(false)
    if (result.valid) return
    expect(result.violations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          pointer: '/datasets/0/rating',
          message: '/datasets/0/rating must be <= 5',
          keyword: 'maximum',
          params: {comparison: '<=', limit: 5}
        }),
        expect.objectContaining({pointer: '/datasets/1/facts', message: '/datasets/1 is missing `facts`', keyword: 'required'}),
        expect.objectContaining({pointer: '/datasets/0', message: '/datasets/0 has an unknown property `extra`', keyword: 'additionalProperties'})
      ])
    )
  })

  it('requires an https access URL', () => {
    const broken = structuredClone(catalog) as {datasets: Array<{access: {items: Array<{key: string; url?: string}>}}>}
    const url = broken.datasets[0]?.access.items.find((item) => item.key === 'url')
    if (!url) throw new Error('the committed catalog has URLs')
    url.url = 'http://example.org/'
    expect(validateCatalog(broken).valid).toBe(false)
  })
})

describe('text', () => {
  it('holds no control character but tab and line feed, in any field', () => {
    const edit = (change: (copy: {title: string; datasets: Array<{name: string; description: {text: Record<string, string>}}>}) => void) => {
      const copy = structuredClone(catalog) as {title: string; datasets: Array<{name: string; description: {text: Record<string, string>}}>}
      change(copy)
      return validateCatalog(copy)
    }
    expect(
      edit((copy) => {
        ;(copy.datasets[0] as {description: {text: Record<string, string>}}).description.text['en'] = 'tab\tand\nbreak'
      })
    ).toMatchObject({valid: true})
    for (const control of ['\u001b', '\u0007', '\r', '\u007f', '\u0085']) {
      const result = edit((copy) => {
        ;(copy.datasets[0] as {name: string}).name = `CHEX${control}PERT`
      })
      expect(result).toMatchObject({
        valid: false,
        violations: [
          {pointer: '/datasets/0/name', keyword: 'pattern', message: '/datasets/0/name holds a control character (only tabs and line breaks may stand in text)'}
        ]
      })
    }
    expect(
      edit((copy) => {
        copy.title = 'a\u0000b'
      }).valid
    ).toBe(false)
  })
})

describe('the precompiled validator', () => {
  it('is what ajv compiles from the schema in src/ (else run `npm run generate -w @catalog/schema`)', async () => {
    const {validatorSource} = (await import('../scripts/generate-validator.mjs')) as {validatorSource: (schema: unknown, vocabulary: unknown) => string}
    const committed = readFileSync(new URL('../src/lib/catalog-validator.generated.ts', import.meta.url), 'utf8')
    expect(committed === validatorSource(catalogSchema, vocabularySchema), 'src/lib/catalog-validator.generated.ts is stale').toBe(true)
  })
})
