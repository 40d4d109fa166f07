import {readFileSync} from 'node:fs'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {parseCatalogSource, parseIncrementally, splitSections} from '../src/index.js'
import {readRealSource} from './helpers.js'

const whole = (text: string) => unified().use(remarkParse).use(remarkGfm).parse(text)
const larger = readFileSync(new URL('fixtures/larger/input.md', import.meta.url), 'utf8')
const source = readRealSource()

describe('section-by-section parsing', () => {
  it('cuts the real source at its headings', () => {
    const sections = splitSections(source)
    expect(sections.map((s) => s.text).join('')).toBe(source)
    expect(sections.length).toBeGreaterThan(20)
    for (const section of sections.slice(1)) expect(section.text).toMatch(/^#{1,3} /)
  })

  it.each([
    ['the real source', source],
    ['the larger catalog', larger],
    ['headings inside code and comments', '# T\n\n```\n\n## not a cut\n```\n\n<!--\n\n### nor this\n-->\n\n## a cut\n\ntext\n### no blank line before\n']
  ])('gives the whole-document tree for %s', (_, text) => {
    expect(parseIncrementally(text, undefined, 'salt')).toEqual(whole(text))
  })

  it('gives the whole-document tree for mutated sources', {timeout: 300_000}, () => {
    // The English half: every kind of block, at half the parsing time.
    const lines = source.slice(0, source.indexOf('## 🇧🇷')).split('\n')
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.constantFrom('', '```', '~~~~', '<!--', '-->', '<pre>', '### h', '#x', '    ### h', '> q', '- l')), {maxLength: 6}), (edits) => {
        const copy = [...lines]
        for (const [at, line] of edits) copy.splice(at % copy.length, 0, line)
        const text = copy.join('\n')
        expect(parseIncrementally(text, undefined, 'salt')).toEqual(whole(text))
      }),
      {seed: 7, numRuns: process.env['CI'] ? 300 : 40}
    )
  })

  it('serves unchanged sections from the cache and parses only the edited one', () => {
    const store = new Map<string, unknown>()
    let parsed = 0
    // As the contract asks: the caller owns what it gets, and the cache keeps a copy of what is set.
    const cache = {
      get: (key: string) => structuredClone(store.get(key)),
      set: (key: string, value: unknown) => {
        if (key.startsWith('section:')) parsed++
        store.set(key, structuredClone(value))
      }
    }
    const cold = parseCatalogSource(source, 'x.md', {cache})
    const sections = parsed
    parsed = 0
    const edited = source.replace('**Description:** ISIC is', '**Description:** ISIC, edited, is')
    const warm = parseCatalogSource(edited, 'x.md', {cache})
    expect(parsed).toBe(1)
    expect(sections).toBe(splitSections(source).length)
    const fresh = parseCatalogSource(edited, 'x.md')
    expect(warm.catalog).toEqual(fresh.catalog)
    expect(warm.file.messages.map(String)).toEqual(fresh.file.messages.map(String))
    expect(cold.catalog).not.toEqual(warm.catalog)
  })
})
