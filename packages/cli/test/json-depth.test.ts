/**
 * JSON inputs nested thousands deep (a catalog for `render --data`, the
 * translation lock, the vocabulary) are refused as problems in the input,
 * at the bracket that passes the limit: never a stack overflow, exit 3.
 */
import {mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {maxJsonDepth, readJson} from '../src/lib/json-input.js'
import {realLock, realSource, run, tempFolder} from './helpers.js'

const nested = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`

/** A JSON object's text with one more property, `deep`, holding `value`. */
const withDeep = (json: string, value: string): string => `${json.trimEnd().slice(0, -1).trimEnd()},\n  "deep": ${value}\n}\n`

function catalogFolder(): string {
  const folder = tempFolder()
  mkdirSync(path.join(folder, 'source'))
  writeFileSync(path.join(folder, 'source/datasets.md'), realSource)
  writeFileSync(path.join(folder, 'source/translations.lock.json'), realLock)
  renameSync(path.join(folder, 'vocabulary.json'), path.join(folder, 'source/vocabulary.json'))
  return folder
}

describe('deeply nested JSON', () => {
  it('reads nesting up to the limit, and refuses the bracket past it, outside strings only', () => {
    expect(readJson(nested(maxJsonDepth))).toHaveProperty('document')
    expect(readJson(`{"a": "${'['.repeat(500)}\\"{{{{"}`)).toHaveProperty('document')
    expect(readJson(`\n  ${nested(maxJsonDepth + 1)}`)).toEqual({
      error: {message: expect.stringContaining(`more than ${maxJsonDepth} levels deep`), line: 2, column: maxJsonDepth + 3}
    })
  })

  it('refuses a catalog JSON 5,000 deep with exit 1 and a diagnostic at its place', async () => {
    const folder = tempFolder()
    writeFileSync(path.join(folder, 'deep.json'), nested(5000))
    const result = await run(['render', '--data', 'deep.json', '--out', 'out'], folder)
    expect(result.stderr).not.toContain('internal error')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(
      `deep.json:1:${maxJsonDepth + 1}: error: the catalog JSON: it nests arrays and objects more than ${maxJsonDepth} levels deep`
    )
    expect(result.stderr).toContain('[invalid-json]')
  })

  it('refuses a translation lock nested 10,000 deep (build) and a vocabulary (validate) the same way', async () => {
    const folder = catalogFolder()
    writeFileSync(path.join(folder, 'source/translations.lock.json'), withDeep(realLock, nested(10_000)))
    const lines = withDeep(realLock, '').split('\n').length - 2
    const build = await run(['build', '--out', 'out'], folder)
    expect(build.stderr).not.toContain('internal error')
    expect(build.code).toBe(1)
    expect(build.stderr).toMatch(
      new RegExp(`source/translations\\.lock\\.json:${lines}:\\d+: error: the translation lock: it nests arrays .*\\[invalid-lock\\]`)
    )

    writeFileSync(path.join(folder, 'source/translations.lock.json'), realLock)
    const vocabulary = readFileSync(path.join(folder, 'source/vocabulary.json'), 'utf8')
    writeFileSync(path.join(folder, 'source/vocabulary.json'), withDeep(vocabulary, nested(10_000)))
    const validate = await run(['validate'], folder)
    expect(validate.stderr).not.toContain('internal error')
    expect(validate.code).toBe(1)
    expect(validate.stderr).toMatch(/source\/vocabulary\.json:\d+:\d+: error: the vocabulary: it nests arrays .*\[invalid-vocabulary\]/)
  })
})
