import {readFileSync} from 'node:fs'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {parseIncrementally, splitSections} from '../src/index.js'
import {parse, readFrozenSource} from './helpers.js'

const whole = (text: string) => unified().use(remarkParse).use(remarkGfm).parse(text)
const larger = readFileSync(new URL('fixtures/larger/input.md', import.meta.url), 'utf8')
const source = readFrozenSource()

describe('section-by-section parsing', () => {
  it('cuts the real source at its headings', () => {
    const {sections, uncertain} = splitSections(source)
    expect(uncertain).toBeUndefined()
    expect(sections.map((s) => s.text).join('')).toBe(source)
    expect(sections.length).toBeGreaterThan(20)
    for (const section of sections.slice(1)) expect(section.text).toMatch(/^#{1,3} /)
  })

  it.each([
    ['the real source', source],
    ['the larger catalog', larger],
    ['headings inside code and comments', '# T\n\n```\n\n## not a cut\n```\n\n<!--\n\n### nor this\n-->\n\n## a cut\n\ntext\n### no blank line before\n']
  ])('gives the whole-document tree for %s', (_, text) => {
    expect(parseIncrementally(text, undefined)).toEqual(whole(text))
  })

  it('gives the whole-document tree for mutated sources', {timeout: 300_000}, () => {
    // The English half: every kind of block, at half the parsing time.
    const lines = source.slice(0, source.indexOf('## 🇧🇷')).split('\n')
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('', '```', '~~~~', '<!--', '-->', '<pre>', '### h', '#x', '    ### h', '> q', '- l')), {maxLength: 6}),
        (edits) => {
          const copy = [...lines]
          for (const [at, line] of edits) copy.splice(at % copy.length, 0, line)
          const text = copy.join('\n')
          expect(parseIncrementally(text, undefined)).toEqual(whole(text))
        }
      ),
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
    const cold = parse(source, 'x.md', {cache})
    const sections = parsed
    parsed = 0
    const edited = source.replace('**Description:** ISIC is', '**Description:** ISIC, edited, is')
    const warm = parse(edited, 'x.md', {cache})
    expect(parsed).toBe(1)
    expect(sections).toBe(splitSections(source).sections.length)
    const fresh = parse(edited, 'x.md')
    expect(warm.catalog).toEqual(fresh.catalog)
    expect(warm.file.messages.map(String)).toEqual(fresh.file.messages.map(String))
    expect(cold.catalog).not.toEqual(warm.catalog)
  })

  /**
   * The splitter must cut only where a whole-document parse has a top-level
   * boundary: random documents made of headings, blank lines and blocks of
   * every shape that can hide a heading (fences opened and closed every way,
   * HTML blocks of each kind, containers, indentation, tabs), parsed whole
   * and section by section, must give the same top-level nodes at the same
   * offsets. Without link definitions (which reach across sections and which
   * the catalog refuses) the trees are equal outright.
   */
  it('cuts only where a whole-document parse has a boundary, for fences and HTML of every shape', {timeout: 300_000}, () => {
    const blocks = [
      '#x',
      '    # indented',
      'text',
      'more *text*',
      '```',
      '````',
      '~~~',
      '~~~~',
      '```js',
      '```a`b',
      '~~~a`b',
      '``` ',
      '   ```',
      '  ```',
      ' ```',
      '    ```',
      '\t```',
      '- ```',
      '> ```',
      '1. ```',
      '```  x',
      '`` `',
      '<!--',
      '-->',
      '<!-- x -->',
      '<!-->',
      '<!--->',
      ' <!--',
      '  <!--',
      '<div>',
      '</div>',
      '<pre>',
      '</pre>',
      '<script>',
      '</script>',
      '<?',
      '?>',
      '<!X',
      '<![CDATA[',
      ']]>',
      '<custom>',
      '<a href="x">',
      '<https://x.y>',
      '- item',
      '  - nested',
      '  text',
      '1. one',
      '> quote',
      '>',
      '| a | b |',
      '| - | - |',
      '[a]: /u "t',
      '"',
      '===',
      '---',
      '***',
      '\ttab'
    ]
    // Headings after blank lines are where cuts happen: they come often.
    const line = fc.oneof(
      {weight: 3, arbitrary: fc.constant('')},
      {weight: 2, arbitrary: fc.constantFrom('# t', '## h', '### d')},
      {weight: 5, arbitrary: fc.constantFrom(...blocks)}
    )
    const documents = fc.array(line, {minLength: 1, maxLength: 40}).map((lines) => lines.join('\n'))
    const shape = (tree: ReturnType<typeof whole>) => tree.children.map((node) => [node.type, node.position?.start.offset, node.position?.end.offset])
    fc.assert(
      fc.property(documents, (text) => {
        const incremental = parseIncrementally(text, undefined)
        const expected = whole(text)
        expect(shape(incremental)).toEqual(shape(expected))
        if (!text.includes('[')) expect(incremental).toEqual(expected)
      }),
      {seed: 12, numRuns: process.env['CI'] ? 4000 : 600}
    )
  })

  it('stops cutting where a line alone cannot tell the top level, and says why', () => {
    const text = '# T\n\n- a\n\n  ```\n\n## h\n\ntext\n'
    const {sections, uncertain} = splitSections(text)
    expect(sections).toHaveLength(1)
    expect(uncertain).toEqual({line: 5, reason: 'the fence at line 5 is indented or inside a list or quote, so it may end with its container or run on'})
    expect(parseIncrementally(text, undefined)).toEqual(whole(text))
  })

  it('reads a backtick fence with a backtick in its info string as a paragraph, as CommonMark does', () => {
    const text = '# T\n\n```a`b\n\n## cut here\n\n```\n\n## not here\n```\n'
    expect(splitSections(text).sections.map((section) => section.line)).toEqual([0, 4])
    expect(parseIncrementally(text, undefined)).toEqual(whole(text))
  })
})
