/**
 * No command that writes the source loses a word of it (issue 13): `format`
 * re-reads what it would write and refuses, leaving the file byte for byte,
 * when a word of the source would be gone or the catalog would read back
 * otherwise.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {lostWord} from '../src/lib/guard.js'
import {realSource, replaceOnce, run, tempFolder} from './helpers.js'

describe('lostWord', () => {
  it('names the first word the rewrite holds fewer times, at its place', () => {
    expect(lostWord('a b\nc d', 'd c\n\nb a')).toBeUndefined()
    expect(lostWord('a b\nc c d', 'a b c d')).toEqual({word: 'c', line: 2, column: 3})
    expect(lostWord('Médica 377,110', 'Médica 377 110')).toBeUndefined()
  })
})

describe('catalog format', () => {
  it('refuses, writing nothing, what the canonical form would drop', async () => {
    const folder = tempFolder()
    // The info string of a fence beyond its first word is not kept by the catalog.
    const lossy = replaceOnce(
      realSource,
      '**Citation:**\n```bibtex\n@article{johnson2019mimic,',
      '**Citation:**\n```bibtex verbatim\n@article{johnson2019mimic,'
    )
    writeFileSync(path.join(folder, 'catalog.md'), lossy)
    const result = await run(['format', '--source', 'catalog.md'], folder)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(
      `catalog.md:${lossy.split('\n').findIndex((line) => line.startsWith('```bibtex verbatim')) + 1}:11: error: the canonical form would lose the word \`verbatim\``
    )
    expect(readFileSync(path.join(folder, 'catalog.md'), 'utf8')).toBe(lossy)
  })

  it('either refuses and leaves the file as it was, or keeps every word, whatever lines are deleted, doubled or swapped', {timeout: 600_000}, async () => {
    const folder = tempFolder()
    const lines = realSource.split('\n')
    const change = fc.oneof(
      fc.record({kind: fc.constant('delete' as const), at: fc.nat()}),
      fc.record({kind: fc.constant('double' as const), at: fc.nat()}),
      fc.record({kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat()})
    )
    let written = 0
    await fc.assert(
      fc.asyncProperty(fc.array(change, {minLength: 1, maxLength: 3}), async (changes) => {
        const edited = [...lines]
        for (const step of changes) {
          const at = step.at % edited.length
          if (step.kind === 'delete') edited.splice(at, 1)
          else if (step.kind === 'double') edited.splice(at, 0, edited[at] ?? '')
          else {
            const other = step.with % edited.length
            ;[edited[at], edited[other]] = [edited[other] ?? '', edited[at] ?? '']
          }
        }
        const before = edited.join('\n')
        writeFileSync(path.join(folder, 'catalog.md'), before)
        const result = await run(['format', '--source', 'catalog.md', '--no-cache'], folder)
        const after = readFileSync(path.join(folder, 'catalog.md'), 'utf8')
        if (result.code !== 0) expect(after).toBe(before)
        else {
          written++
          expect(lostWord(before, after)).toBeUndefined()
        }
      }),
      {seed: 2026, numRuns: process.env['CI'] ? 150 : 40}
    )
    // The property must have met sources that format does rewrite, or it proves nothing.
    expect(written).toBeGreaterThan(0)
  })
})
