import {createHash} from 'node:crypto'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {buildFeeds, file, fixturesFolder, readCsv, frozenSourcePath} from './helpers.js'

interface Field {
  name: string
  title: string
  type: string
  format?: string
  description: string
  constraints?: Record<string, unknown>
}

describe.each([
  ['the real source', frozenSourcePath],
  ['the larger fixture', path.join(fixturesFolder, 'larger-catalog/input.md')],
  ['the single-language formula fixture', path.join(fixturesFolder, 'formula-injection/input.md')]
])('datapackage.json of %s', (_name, sourcePath) => {
  const {catalog, files} = buildFeeds(sourcePath)
  const csv = file(files, 'datasets.csv')
  const [header = [], ...rows] = readCsv(csv)
  const pkg = JSON.parse(file(files, 'datapackage.json')) as {
    profile: string
    name: string
    title: string
    resources: Array<Record<string, unknown> & {schema: {fields: Field[]; primaryKey: string; missingValues: string[]}; dialect: Record<string, unknown>}>
  }
  const resource = pkg.resources[0]
  if (!resource) throw new Error('no resource')
  const {fields} = resource.schema

  it('is a tabular data package whose one resource is datasets.csv', () => {
    expect(pkg.profile).toBe('tabular-data-package')
    expect(pkg.name).toMatch(/^[-a-z0-9._/]+$/)
    expect(pkg.title).toBe(catalog.title)
    expect(pkg.resources).toHaveLength(1)
    expect(resource).toMatchObject({
      profile: 'tabular-data-resource',
      name: 'datasets',
      path: 'datasets.csv',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8'
    })
    expect(resource.schema.primaryKey).toBe('id')
  })

  it('describes the file byte for byte: size, hash and dialect', () => {
    expect(resource.bytes).toBe(Buffer.byteLength(csv))
    expect(resource.hash).toBe(`sha256:${createHash('sha256').update(csv).digest('hex')}`)
    expect(resource.dialect).toEqual({delimiter: ',', lineTerminator: '\n', quoteChar: '"', doubleQuote: true, header: true})
    expect(csv.split('\n')[0]).toBe(header.join(','))
  })

  it('has one field per CSV column, in order, each typed and described', () => {
    expect(fields.map((field) => field.name)).toEqual(header)
    for (const field of fields) {
      expect(['string', 'integer', 'number'], field.name).toContain(field.type)
      expect(field.description.length, field.name).toBeGreaterThan(10)
      expect(field.title.length, field.name).toBeGreaterThan(0)
    }
    expect(new Set(fields.map((field) => field.name)).size).toBe(fields.length)
  })

  it('types match the cells: integers, numbers and https links parse as declared', () => {
    fields.forEach((field, column) => {
      for (const row of rows) {
        const cell = row[column] ?? ''
        if (cell === '') {
          expect(field.constraints?.required, `${field.name} is required`).not.toBe(true)
          continue
        }
        if (field.type === 'integer') expect(cell, field.name).toMatch(/^-?\d+$/)
        if (field.type === 'number') expect(Number.isFinite(Number(cell)), `${field.name}: ${cell}`).toBe(true)
        if (field.format === 'uri') expect(new URL(cell).protocol, field.name).toBe('https:')
      }
    })
    const ids = rows.map((row) => row[0])
    expect(new Set(ids).size).toBe(ids.length)
    const rating = fields.find((field) => field.name === 'rating')
    expect(rating).toMatchObject({type: 'integer', constraints: {minimum: 1, maximum: 5}})
  })
})

describe('datapackage.json field types', () => {
  it('declares number where a value has a fraction and integer elsewhere', () => {
    const {files} = buildFeeds(path.join(fixturesFolder, 'larger-catalog/input.md'))
    const pkg = JSON.parse(file(files, 'datapackage.json')) as {resources: Array<{schema: {fields: Field[]}}>}
    const type = (name: string): string | undefined => pkg.resources[0]?.schema.fields.find((field) => field.name === name)?.type
    expect(type('fact_resolution_count')).toBe('number')
    expect(type('fact_size_count')).toBe('integer')
    expect(type('fact_time_period_from')).toBe('integer')
    expect(type('access_license_link')).toBe('string')
  })
})
