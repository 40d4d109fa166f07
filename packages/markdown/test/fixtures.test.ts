/**
 * Fixture tests: each folder under test/fixtures with an `expected/` folder
 * holds the single-language documents its catalog must give, compared byte
 * for byte. The catalog is JSON, validated by the schema: the `input.json`
 * beside its `input.md` (or, for `real-source`, the frozen catalog JSON of
 * @catalog/test-support), so that these test rendering, not parsing.
 * `README.md` is not stored: it must be the markdown itself (round-trip.test.ts
 * holds the parse-and-render round trip). Regenerate after a deliberate
 * change with `UPDATE_FIXTURES=1 npx vitest run`, which first rewrites each
 * `input.json` from its `input.md` (see catalog-json.ts), and review the diff.
 */
import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {frozenCatalog} from '@catalog/test-support'
import {describe, expect, it} from 'vitest'
import {renderMarkdown} from '../src/index.js'
import {fixtureCatalog} from './catalog-json.js'
import {fixturesFolder, readFrozenSource} from './helpers.js'

const update = process.env['UPDATE_FIXTURES'] === '1'

describe('fixtures', () => {
  const cases = readdirSync(fixturesFolder).filter((name) => existsSync(path.join(fixturesFolder, name, 'expected')))
  it('has the cases it promises', () => {
    expect(cases).toEqual(['larger', 'real-source'])
  })

  for (const name of cases) {
    const folder = path.join(fixturesFolder, name)
    const markdownPath = path.join(folder, 'input.md')
    const own = existsSync(markdownPath)
    const input = own ? readFileSync(markdownPath, 'utf8') : readFrozenSource()
    it(name, () => {
      const outputs = renderMarkdown(own ? fixtureCatalog(markdownPath) : frozenCatalog())
      expect(outputs.get('README.md')).toBe(input)
      for (const [relative, content] of outputs) {
        if (relative === 'README.md') continue
        const expectedPath = path.join(folder, 'expected', relative)
        if (update) {
          mkdirSync(path.dirname(expectedPath), {recursive: true})
          writeFileSync(expectedPath, content)
        }
        expect(content, relative).toBe(readFileSync(expectedPath, 'utf8'))
      }
    })
  }
})
