/**
 * Fixture tests: each folder under test/fixtures with an `expected/` folder
 * holds the single-language documents its `input.md` (or, for
 * `real-source`, source/datasets.md) must give, compared byte for byte.
 * `README.md` is not stored: it must be the input itself (round-trip.test.ts).
 * Regenerate after a deliberate change with `UPDATE_FIXTURES=1 npx vitest run`
 * and review the diff.
 */
import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {renderMarkdown} from '../src/index.js'
import {fixturesFolder, parseOrThrow, readFrozenSource} from './helpers.js'

const update = process.env['UPDATE_FIXTURES'] === '1'

describe('fixtures', () => {
  const cases = readdirSync(fixturesFolder).filter((name) => existsSync(path.join(fixturesFolder, name, 'expected')))
  it('has the cases it promises', () => {
    expect(cases).toEqual(['larger', 'real-source'])
  })

  for (const name of cases) {
    const folder = path.join(fixturesFolder, name)
    const input = existsSync(path.join(folder, 'input.md')) ? readFileSync(path.join(folder, 'input.md'), 'utf8') : readFrozenSource()
    it(name, () => {
      const outputs = renderMarkdown(parseOrThrow(input))
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
