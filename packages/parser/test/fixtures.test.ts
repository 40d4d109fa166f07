/**
 * Fixture tests: each folder under test/fixtures holds an `input.md` (or, for
 * `real-source`, reads source/datasets.md) beside `expected.json`, the catalog
 * it must give, and `messages.txt`, its diagnostics; both compared byte for
 * byte. Regenerate the expectations after a deliberate change with
 * `UPDATE_FIXTURES=1 npx vitest run` and review the diff.
 */
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {parseCatalogSource} from '../src/index.js'
import {realSourcePath} from './helpers.js'

const root = fileURLToPath(new URL('fixtures/', import.meta.url))
const update = process.env['UPDATE_FIXTURES'] === '1'

describe('fixtures', () => {
  for (const name of readdirSync(root)) {
    const folder = `${root}${name}/`
    const input = existsSync(`${folder}input.md`) ? `${folder}input.md` : realSourcePath
    it(name, () => {
      const {file} = parseCatalogSource(readFileSync(input), 'input.md')
      const json = `${JSON.stringify(file.data.catalog, null, 2)}\n`
      const messages = file.messages.map((m) => `${m.line}:${m.column}: ${m.fatal ? 'error' : 'warning'}: ${m.reason} [${m.ruleId}]\n`).join('')
      if (update) {
        writeFileSync(`${folder}expected.json`, json)
        writeFileSync(`${folder}messages.txt`, messages)
      }
      expect(json).toBe(readFileSync(`${folder}expected.json`, 'utf8'))
      expect(messages).toBe(readFileSync(`${folder}messages.txt`, 'utf8'))
    })
  }
})
