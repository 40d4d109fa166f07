/**
 * The one cache (`ContentStore`): content-addressed entries in a log per
 * tool fingerprint. It must never change what a build writes: a damaged
 * entry is recomputed, and a change to the tool's code, templates or lock
 * file leaves every entry behind.
 */
import {createHash} from 'node:crypto'
import {mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {frozenCatalog} from '@catalog/test-support'
import type {Fragments} from '@catalog/schema'
import {fingerprintOf} from '../src/lib/fingerprint.js'
import {renderOutputs} from '../src/lib/outputs.js'
import {ContentStore} from '../src/lib/store.js'
import {realSource, replaceOnce, run, snapshotBytes, tempFolder} from './helpers.js'

const key = (index: number) => `section:${index.toString(16).padStart(64, '0')}`
const logOf = (folder: string): string => {
  const [name] = readdirSync(folder).filter((entry) => /^store-[0-9a-f]{16}-[0-9a-f]{16}\.log$/.test(entry))
  if (!name) throw new Error(`no store in ${folder}`)
  return path.join(folder, name)
}
const storeLines = (folder: string): string[] => readFileSync(logOf(folder), 'latin1').split('\n').slice(1, -1)

describe('ContentStore', () => {
  it('keeps what runs use, appends what they add, and drops the unused once they outweigh the rest', async () => {
    const folder = tempFolder()
    const first = ContentStore.open(folder, {fingerprint: 'a'.repeat(64)})
    for (let index = 0; index < 200; index++) first.set(key(index), {index, text: 'é'.repeat(5000)})
    await first.save()
    const second = ContentStore.open(folder, {fingerprint: 'a'.repeat(64)})
    for (let index = 0; index < 200; index++) expect(second.get(key(index))).toEqual({index, text: 'é'.repeat(5000)})
    expect(second.get(key(999))).toBeUndefined()
    second.set(key(1000), {index: 1000})
    await second.save()
    // Only the new entry was appended.
    expect(storeLines(folder)).toHaveLength(201)
    const third = ContentStore.open(folder, {fingerprint: 'a'.repeat(64)})
    for (let index = 0; index < 10; index++) expect(third.get(key(index))).toEqual({index, text: 'é'.repeat(5000)})
    await third.save()
    // 190 unused entries of the kind the run used outweigh the 10 it used: the log is written afresh with those.
    expect(storeLines(folder)).toHaveLength(10)
    expect(ContentStore.open(folder, {fingerprint: 'a'.repeat(64)}).get(key(10))).toBeUndefined()
  })

  it('keeps the entries of kinds a run did not ask for', async () => {
    const folder = tempFolder()
    const first = ContentStore.open(folder, {fingerprint: 'a'.repeat(64)})
    for (let index = 0; index < 300; index++) first.fragment('page/card', {index}, () => `card ${index} ${'x'.repeat(5000)}`)
    first.set(key(1), {one: 1})
    await first.save()
    // A run that only parses (`catalog validate`) uses sections and leaves the renderings alone.
    const parseOnly = ContentStore.open(folder, {fingerprint: 'a'.repeat(64)})
    expect(parseOnly.get(key(1))).toEqual({one: 1})
    await parseOnly.save()
    const render = ContentStore.open(folder, {fingerprint: 'a'.repeat(64)})
    expect(render.fragment('page/card', {index: 299}, () => 'rendered again')).toBe(`card 299 ${'x'.repeat(5000)}`)
    expect(render.fragment('page/card', {index: 300}, () => 'new')).toBe('new')
  })

  it('recomputes a damaged entry and trusts the others', async () => {
    const folder = tempFolder()
    const first = ContentStore.open(folder, {fingerprint: 'a'.repeat(64)})
    for (let index = 0; index < 5; index++) first.set(key(index), {index})
    await first.save()
    const lines = readFileSync(logOf(folder), 'latin1').split('\n')
    // Line 2 is entry 1: a value changed in place; the last line torn by a killed run.
    lines[2] = (lines[2] ?? '').replace('"index":1', '"index":7')
    writeFileSync(logOf(folder), `${lines.slice(0, -2).join('\n')}\n${(lines.at(-2) ?? '').slice(0, 30)}`, 'latin1')
    const second = ContentStore.open(folder, {fingerprint: 'a'.repeat(64)})
    expect([0, 1, 2, 3, 4].map((index) => second.get(key(index)))).toEqual([{index: 0}, undefined, {index: 2}, {index: 3}, undefined])
    second.set(key(1), {index: 1})
    await second.save()
    // Written afresh, without the damaged lines.
    const third = ContentStore.open(folder, {fingerprint: 'a'.repeat(64)})
    expect([0, 1, 2, 3].map((index) => third.get(key(index)))).toEqual([{index: 0}, {index: 1}, {index: 2}, {index: 3}])
    expect(third.get(key(4))).toBeUndefined()
  })

  it('shares nothing between two fingerprints of the tool', async () => {
    const folder = tempFolder()
    const store = ContentStore.open(folder, {fingerprint: 'a'.repeat(64)})
    store.set(key(1), {one: 1})
    expect(store.fragment('x', {}, () => 'old')).toBe('old')
    await store.save()
    const other = ContentStore.open(folder, {fingerprint: 'b'.repeat(64)})
    expect(other.get(key(1))).toBeUndefined()
    expect(other.fragment('x', {}, () => 'new')).toBe('new')
    // Two fingerprints that the file name cannot tell apart: the header can.
    const sameStart = ContentStore.open(folder, {fingerprint: `${'a'.repeat(16)}${'c'.repeat(48)}`})
    expect(sameStart.get(key(1))).toBeUndefined()
  })
})

describe('the tool fingerprint', () => {
  /** A tool as the fingerprint sees it: a CLI package, one @catalog dependency as npm links it, a lock file. */
  const fakeTool = (): {root: string; cli: string; files: string[]} => {
    const root = tempFolder()
    const write = (relative: string, text: string): string => {
      mkdirSync(path.dirname(path.join(root, relative)), {recursive: true})
      writeFileSync(path.join(root, relative), text)
      return relative
    }
    const files = [
      write('package-lock.json', '{"lockfileVersion": 3, "packages": {"node_modules/micromark": {"version": "4.0.0"}}}'),
      write('packages/cli/package.json', '{"name": "@catalog/cli", "dependencies": {"@catalog/page": "1.0.0", "vfile": "6.0.3"}}'),
      write('packages/cli/dist/bundle/bin.js', 'export const bin = 1'),
      write('node_modules/@catalog/page/package.json', '{"name": "@catalog/page", "exports": {".": {"default": "./dist/index.js"}}}'),
      write('node_modules/@catalog/page/dist/index.js', 'export const page = 1'),
      write('node_modules/@catalog/page/templates/partials/card.hbs', '<article>{{id}}</article>')
    ]
    return {root, cli: path.join(root, 'packages/cli'), files}
  }

  it('changes with every input: the lock file, a manifest, compiled code, a template', () => {
    const {root, cli, files} = fakeTool()
    const before = fingerprintOf(cli)
    expect(fingerprintOf(cli)).toBe(before)
    for (const file of files) {
      const full = path.join(root, file)
      const text = readFileSync(full, 'utf8')
      writeFileSync(full, `${text}\n`)
      expect({file, changed: fingerprintOf(cli) !== before}).toEqual({file, changed: true})
      writeFileSync(full, text)
      expect(fingerprintOf(cli)).toBe(before)
    }
    // Source maps and declarations are not code that runs.
    writeFileSync(path.join(root, 'node_modules/@catalog/page/dist/index.d.ts'), 'export declare const page: number')
    expect(fingerprintOf(cli)).toBe(before)
  })
})

describe('the renderers behind the store', () => {
  it('render each fragment once: a second render takes every one from the store and writes the same files', () => {
    const kept = new Map<string, string>()
    const rendered: string[] = []
    const fragments: Fragments = {
      fragment(kind, inputs, render) {
        const key = `${kind}\0${JSON.stringify(inputs)}`
        const text = kept.get(key)
        if (text !== undefined) return text
        rendered.push(kind)
        const made = render()
        kept.set(key, made)
        return made
      }
    }
    const catalog = frozenCatalog()
    const plain = renderOutputs(catalog)
    const first = renderOutputs(catalog, {fragments})
    // Every kind, for each of the four datasets. Markdown blocks: each dataset's English and Portuguese blocks
    // of the whole document and its block of pt/README.md (which shows what is untranslated, with notices);
    // en/README.md prints the English blocks of the whole document, and takes them from the store.
    const counts = Object.fromEntries(
      ['markdown/dataset', 'page/card', 'bibtex/entry', 'bibtex/csl', 'feeds/csv-rfc4180', 'feeds/csv-excel'].map((kind) => [
        kind,
        rendered.filter((made) => made === kind).length
      ])
    )
    expect(counts).toEqual({'markdown/dataset': 12, 'page/card': 4, 'bibtex/entry': 4, 'bibtex/csl': 4, 'feeds/csv-rfc4180': 4, 'feeds/csv-excel': 4})
    rendered.length = 0
    const second = renderOutputs(catalog, {fragments})
    expect(rendered).toEqual([])
    expect(first).toEqual(plain)
    expect(second).toEqual(plain)
  })
})

describe('fragments whose text is JSON', () => {
  it('are read back from the store as they were made: none is refused, none rendered again', () => {
    const kept = new Map<string, string>()
    const rendered: string[] = []
    const refused: string[] = []
    const fragments: Fragments = {
      fragment(kind, inputs, render, accept?: (text: string) => boolean) {
        const key = `${kind}\0${JSON.stringify(inputs)}`
        const text = kept.get(key)
        if (text !== undefined && (accept === undefined || accept(text))) return text
        if (text !== undefined) refused.push(kind)
        rendered.push(kind)
        const made = render()
        kept.set(key, made)
        return made
      }
    }
    const catalog = frozenCatalog()
    renderOutputs(catalog, {fragments})
    rendered.length = 0
    expect(renderOutputs(catalog, {fragments})).toEqual(renderOutputs(catalog))
    expect({rendered, refused}).toEqual({rendered: [], refused: []})
  })
})

describe('the store behind catalog build', () => {
  it('after a one-dataset edit adds only what the edit changed, and the rebuild equals a build without cache', async () => {
    const folder = tempFolder()
    const cache = path.join(folder, 'node_modules/.cache/catalog')
    writeFileSync(path.join(folder, 'catalog.md'), realSource)
    expect((await run(['build', '--source', 'catalog.md', '--out', 'out'], folder)).code).toBe(0)
    const before = new Set(storeLines(cache))
    expect(before.size).toBeGreaterThan(20)
    writeFileSync(path.join(folder, 'catalog.md'), replaceOnce(realSource, '**Description:** ISIC is', '**Description:** ISIC, edited, is'))
    expect((await run(['build', '--source', 'catalog.md', '--out', 'out'], folder)).code).toBe(0)
    const added = storeLines(cache).filter((line) => !before.has(line))
    const kinds = added.map((line) => line.slice(17, line.indexOf(':')))
    // The edited section, and the renderings that show the edited description: its page card, its two CSV
    // rows, and its markdown block, one for both documents that show the English half (the whole
    // README and en/README print the same block: one key, one entry). Its citation did not change.
    expect(kinds.toSorted()).toEqual(['fragment', 'fragment', 'fragment', 'fragment', 'section'])
    expect((await run(['build', '--source', 'catalog.md', '--out', 'cold', '--no-cache'], folder)).code).toBe(0)
    expect(snapshotBytes(path.join(folder, 'out'))).toEqual(snapshotBytes(path.join(folder, 'cold')))
  })

  it('keeps a store per source: two catalogs built in turn do not evict each other', async () => {
    const folder = tempFolder()
    const cache = path.join(folder, 'node_modules/.cache/catalog')
    const other = replaceOnce(realSource, '**Description:** ISIC is', '**Description:** ISIC, in the other catalog, is')
    writeFileSync(path.join(folder, 'a.md'), realSource)
    writeFileSync(path.join(folder, 'b.md'), other)
    expect((await run(['build', '--source', 'a.md', '--out', 'out-a'], folder)).code).toBe(0)
    expect((await run(['build', '--source', 'b.md', '--out', 'out-b'], folder)).code).toBe(0)
    const stores = readdirSync(cache).filter((name) => name.startsWith('store-'))
    expect(stores).toHaveLength(2)
    const lines = (name: string): string[] => readFileSync(path.join(cache, name), 'latin1').split('\n')
    const before = Object.fromEntries(stores.map((name) => [name, lines(name)]))
    // Built again in turn, unchanged: both stores are used whole, and neither loses an entry.
    expect((await run(['build', '--source', 'a.md', '--out', 'out-a'], folder)).code).toBe(0)
    expect((await run(['build', '--source', 'b.md', '--out', 'out-b'], folder)).code).toBe(0)
    expect(Object.fromEntries(stores.map((name) => [name, lines(name)]))).toEqual(before)
  })

  it('builds the same from a store whose every entry is damaged, and writes it afresh', async () => {
    const folder = tempFolder()
    const cache = path.join(folder, 'node_modules/.cache/catalog')
    writeFileSync(path.join(folder, 'catalog.md'), realSource)
    expect((await run(['build', '--source', 'catalog.md', '--out', 'first'], folder)).code).toBe(0)
    const lines = readFileSync(logOf(cache), 'latin1').split('\n')
    // Half the entries torn, the other half holding a value of the wrong shape under a checksum that holds.
    const withChecksum = (body: string): string => `${createHash('sha256').update(body).digest('hex').slice(0, 16)} ${body}`
    const damaged = lines.map((line, index) => {
      if (index === 0 || line === '') return line
      if (index % 2) return line.slice(0, line.length / 2)
      const name = line.slice(17, line.indexOf(' ', 17))
      // A section's entry that is no tree, a fragment that is no text: well-formed lines, wrong values.
      return withChecksum(`${name} ${name.startsWith('fragment:') ? '{}' : '{"key": "x", "nodes": {}}'}`)
    })
    writeFileSync(logOf(cache), damaged.join('\n'), 'latin1')
    const again = await run(['build', '--source', 'catalog.md', '--out', 'out'], folder)
    expect(again.code).toBe(0)
    expect(snapshotBytes(path.join(folder, 'out'))).toEqual(snapshotBytes(path.join(folder, 'first')))
    expect(readFileSync(logOf(cache), 'latin1')).not.toBe(damaged.join('\n'))
  })

  /** The store's lines with the text of every `bibtex/entry` (kind `entry`) or `bibtex/csl` fragment (kind `csl`) replaced, under a checksum that holds. */
  const withJsonFragments = (lines: string[], kind: 'entry' | 'csl', text: string): string[] =>
    lines.map((line, index) => {
      if (index === 0 || !line.slice(17).startsWith('fragment:')) return line
      const name = line.slice(17, line.indexOf(' ', 17))
      let value: unknown
      try {
        value = JSON.parse(JSON.parse(line.slice(18 + name.length)) as string)
      } catch {
        return line
      }
      const record = (value ?? {}) as Record<string, unknown>
      const found = Array.isArray(record['fields']) ? 'entry' : typeof record['id'] === 'string' && typeof record['type'] === 'string' ? 'csl' : undefined
      if (found !== kind) return line
      const body = `${name} ${JSON.stringify(text)}`
      return `${createHash('sha256').update(body).digest('hex').slice(0, 16)} ${body}`
    })

  it.each([
    ['entry', '{}'],
    ['entry', ''],
    ['entry', 'null'],
    ['entry', '{"type": "misc", "key": "../../escaped", "comment": "x", "fields": [["title", "{"]]}'],
    ['csl', '{}'],
    ['csl', ''],
    ['csl', 'null'],
    ['csl', '{"id": "another", "type": "book"}']
  ] as const)('recomputes every bibtex/%s fragment holding %j under a right checksum, and builds what --no-cache builds', async (kind, text) => {
    const folder = tempFolder()
    const cache = path.join(folder, 'node_modules/.cache/catalog')
    writeFileSync(path.join(folder, 'catalog.md'), realSource)
    expect((await run(['build', '--source', 'catalog.md', '--out', 'cold', '--no-cache'], folder)).code).toBe(0)
    expect((await run(['build', '--source', 'catalog.md', '--out', 'out'], folder)).code).toBe(0)
    const lines = readFileSync(logOf(cache), 'latin1').split('\n')
    const damaged = withJsonFragments(lines, kind, text)
    expect(damaged.filter((line, index) => line !== lines[index])).toHaveLength(4)
    writeFileSync(logOf(cache), damaged.join('\n'), 'latin1')
    const again = await run(['build', '--source', 'catalog.md', '--out', 'out'], folder)
    expect(again.stderr).not.toContain('internal error')
    expect(again.code).toBe(0)
    expect(snapshotBytes(path.join(folder, 'out'))).toEqual(snapshotBytes(path.join(folder, 'cold')))
    // The damaged entries were replaced by what they should hold.
    expect(new Set(storeLines(cache))).toEqual(new Set(lines.slice(1, -1)))
  })
})
