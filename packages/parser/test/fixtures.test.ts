/**
 * Fixture tests: each folder under test/fixtures holds an `input.md` (or, for
 * `real-source`, the frozen source of @catalog/test-support), and a
 * `vocabulary.json` when it has one (`real-source`: the frozen vocabulary),
 * beside `expected.json`, the catalog it must give (`real-source`: the frozen
 * catalog JSON of @catalog/test-support, which the renderers' tests start
 * from), and `messages.txt`, its diagnostics; both compared byte for byte. `larger` has no vocabulary: it is
 * the unseen catalog, every label undeclared and paired within its dataset.
 * Regenerate the expectations after a deliberate change with
 * `UPDATE_FIXTURES=1 npx vitest run` and review the diff.
 */
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {parseCatalogSource} from '../src/index.js'
import {frozenCatalogPath, frozenSourcePath, frozenVocabularyPath} from './helpers.js'

const root = fileURLToPath(new URL('fixtures/', import.meta.url))
const update = process.env['UPDATE_FIXTURES'] === '1'

describe('fixtures', () => {
  for (const name of readdirSync(root)) {
    const folder = `${root}${name}/`
    const own = existsSync(`${folder}input.md`)
    const input = own ? `${folder}input.md` : frozenSourcePath
    const vocabularyPath = own ? `${folder}vocabulary.json` : frozenVocabularyPath
    const expectedPath = own ? `${folder}expected.json` : frozenCatalogPath
    it(name, () => {
      const vocabulary = existsSync(vocabularyPath) ? {vocabulary: JSON.parse(readFileSync(vocabularyPath, 'utf8')) as never} : {}
      const {file} = parseCatalogSource(readFileSync(input), 'input.md', vocabulary)
      const json = `${JSON.stringify(file.data.catalog, null, 2)}\n`
      const messages = file.messages.map((m) => `${m.line}:${m.column}: ${m.fatal ? 'error' : 'warning'}: ${m.reason} [${m.ruleId}]\n`).join('')
      if (update) {
        writeFileSync(expectedPath, json)
        writeFileSync(`${folder}messages.txt`, messages)
      }
      expect(json).toBe(readFileSync(expectedPath, 'utf8'))
      expect(messages).toBe(readFileSync(`${folder}messages.txt`, 'utf8'))
    })
  }
})
