import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import type {Feed} from '../src/index.js'
import {canonicalJson, feedSchemaVersion, hashCatalog, hashSource, renderFeeds} from '../src/index.js'
import {buildFeeds, cloneCatalog, file, fixturesFolder, loadCatalog, frozenSourcePath} from './helpers.js'

const feedFields = ['id', 'name', 'rating', 'category', 'url', 'license', 'citationKey', 'title', 'description']

describe('feed.json', () => {
  const {catalog, files, bytes} = buildFeeds(frozenSourcePath)
  const feed = JSON.parse(file(files, 'feed.json')) as Feed

  it('carries the schema version and the hash of the source, no timestamp', () => {
    expect(feed.schemaVersion).toBe(feedSchemaVersion)
    expect(feed.sourceHash).toBe(hashSource(bytes))
    expect(feed.sourceHash).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(feed.languages).toEqual(['en', 'pt'])
    expect(file(files, 'feed.json')).not.toMatch(/\d{4}-\d{2}-\d{2}T/)
  })

  it('lists every dataset in order with exactly the promised fields', () => {
    expect(feed.datasets.map((entry) => entry.id)).toEqual(catalog.datasets.map((dataset) => dataset.id))
    feed.datasets.forEach((entry, index) => {
      const dataset = catalog.datasets[index]
      expect(Object.keys(entry)).toEqual(feedFields)
      expect(entry.name).toBe(dataset?.name)
      expect(entry.rating).toBe(dataset?.rating)
      expect(entry.url).toBe(dataset?.access.items.find((item) => item.key === 'url')?.url)
      expect(entry.citationKey).toBe(dataset?.citation?.key)
      expect(entry.title).toEqual(dataset?.title)
      expect(entry.description).toEqual(dataset?.description.text)
      expect(entry.license).toEqual(dataset?.access.items.find((item) => item.key === 'license')?.value)
      expect(Object.keys(entry.title)).toEqual(['en', 'pt'])
    })
  })

  it('says null where the source has no license or citation', () => {
    const {catalog: larger} = loadCatalog(path.join(fixturesFolder, 'larger-catalog/input.md'))
    const stripped = cloneCatalog(larger)
    const first = stripped.datasets[0]
    if (!first) throw new Error('no dataset')
    first.access.items = first.access.items.filter((item) => item.key !== 'license')
    delete first.citation
    const entry = (JSON.parse(file(renderFeeds(stripped), 'feed.json')) as Feed).datasets[0]
    expect(entry?.license).toBeNull()
    expect(entry?.citationKey).toBeNull()
    const oasis = (JSON.parse(file(renderFeeds(larger), 'feed.json')) as Feed).datasets.find((dataset) => dataset.id === 'oasis-3')
    expect(oasis?.citationKey).toBeNull()
  })
})

describe('reproducible builds', () => {
  it('gives byte-identical feeds for two loads of the same catalog', () => {
    for (const sourcePath of [frozenSourcePath, path.join(fixturesFolder, 'larger-catalog/input.md')]) {
      const first = buildFeeds(sourcePath).files
      const second = buildFeeds(sourcePath).files
      expect([...first.keys()]).toEqual(['datasets.csv', 'datasets.excel.csv', 'datapackage.json', 'feed.json', 'datasets.jsonld'])
      for (const [name, text] of first) expect(second.get(name), name).toBe(text)
    }
  })

  it('hashes the catalog canonically when no source hash is given', () => {
    const {catalog} = loadCatalog(frozenSourcePath)
    const reordered = JSON.parse(canonicalJson(catalog)) as typeof catalog
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(catalog))
    expect(hashCatalog(reordered)).toBe(hashCatalog(catalog))
    expect(renderFeeds(reordered).get('feed.json')).toBe(renderFeeds(catalog).get('feed.json'))
    const changed = cloneCatalog(catalog)
    if (changed.datasets[0]) changed.datasets[0].rating = 1
    expect(hashCatalog(changed)).not.toBe(hashCatalog(catalog))
  })

  it('changes the hash, and only the hash, when the source bytes change but the catalog does not', () => {
    const source = readFileSync(frozenSourcePath)
    const {catalog} = loadCatalog(frozenSourcePath)
    const a = renderFeeds(catalog, {sourceHash: hashSource(source)})
    const b = renderFeeds(catalog, {sourceHash: hashSource(Buffer.concat([source, Buffer.from('\n')]))})
    expect(a.get('feed.json')).not.toBe(b.get('feed.json'))
    expect(a.get('datasets.csv')).toBe(b.get('datasets.csv'))
  })

  it('refuses a malformed source hash', () => {
    const {catalog} = loadCatalog(frozenSourcePath)
    expect(() => renderFeeds(catalog, {sourceHash: '2024-01-01T00:00:00Z'})).toThrow(/sourceHash/)
  })
})
