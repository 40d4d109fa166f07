/**
 * The live catalog in `source/` is data, edited every day: the only test that
 * reads it runs what CI runs on it (`catalog validate`, `check` and
 * `format --check`), so that whatever valid catalog stands there leaves the
 * suite green. Every other test pins the frozen copies of
 * @catalog/test-support; the second test below holds them to that.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {repoRoot, run} from './helpers.js'

describe('the live source', () => {
  it.each([
    ['validate', ['validate']],
    ['check', ['check']],
    ['format --check', ['format', '--check']]
  ])('passes `catalog %s`', async (_, args) => {
    const result = await run(args, repoRoot)
    expect(result.code, result.stderr).toBe(0)
  })
})

describe('the other tests', () => {
  it('read no live catalog file: not source/, nor the dist/ built from it', () => {
    const packages = path.join(repoRoot, 'packages')
    const offenders: string[] = []
    for (const name of readdirSync(packages)) {
      const tests = path.join(packages, name, 'test')
      let files: string[]
      try {
        files = readdirSync(tests, {recursive: true, encoding: 'utf8'}).filter((file) => /\.(ts|mjs|js)$/.test(file))
      } catch {
        continue
      }
      for (const file of files) {
        const full = path.join(tests, file)
        if (full === import.meta.filename) continue
        const text = readFileSync(full, 'utf8')
        // A path into the repository's own source/ or dist/, however it is joined, or a command run in the
        // repository (whose defaults are source/datasets.md and dist/).
        const live = /(?:repoRoot|\.\.\/\.\.\/\.\.)[^\n]{0,40}['"`/](?:source|dist)\//.exec(text) ?? /\brun\([^\n]*,\s*repoRoot\)/.exec(text)
        if (live) offenders.push(`${path.relative(repoRoot, full)}: ${live[0]}`)
      }
    }
    expect(offenders).toEqual([])
  })
})
