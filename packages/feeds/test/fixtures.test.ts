import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {buildFeeds, fixturesFolder} from './helpers.js'

/**
 * Each `test/fixtures/<case>/input.md`, as its catalog JSON `input.json`
 * (validated by the schema; the markdown's bytes give the source hash),
 * renders to the files in `<case>/expected/`, byte for byte. After a
 * deliberate change, regenerate them with
 * `UPDATE_FIXTURES=1 npx vitest run test/fixtures.test.ts`, which first
 * rewrites each `input.json` from its `input.md`, and review the diff.
 */
const update = process.env.UPDATE_FIXTURES === '1'
const cases = readdirSync(fixturesFolder).filter((name) => existsSync(path.join(fixturesFolder, name, 'input.md')))

describe.each(cases)('fixture %s', (name) => {
  const folder = path.join(fixturesFolder, name)
  const {files} = buildFeeds(path.join(folder, 'input.md'))
  const expectedFolder = path.join(folder, 'expected')
  if (update) {
    mkdirSync(expectedFolder, {recursive: true})
    for (const [file, text] of files) writeFileSync(path.join(expectedFolder, file), text)
  }

  it('renders exactly the expected files', () => {
    expect(readdirSync(expectedFolder).sort()).toEqual([...files.keys()].sort())
  })

  it.each([...files.keys()])('renders %s byte for byte', (file) => {
    expect(files.get(file)).toBe(readFileSync(path.join(expectedFolder, file), 'utf8'))
  })
})
