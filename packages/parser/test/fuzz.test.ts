/**
 * Property-based tests: random mutations of a real catalog must give
 * diagnostics or a valid catalog, never an exception. The seed is fixed, so a
 * failure reproduces; fast-check shrinks it to a minimal input, which is kept
 * under test/fuzz-regressions/ once fixed.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {validateCatalog} from '@catalog/schema'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'

import {parse, readFrozenSource} from './helpers.js'

// 10,000 cases in CI; fewer on a developer's machine to keep the loop short.
const numRuns = process.env['CI'] ? 10_000 : 500
const seed = 20_261_130

/** The real source cut down to its first dataset per half, so that each case parses in milliseconds. */
function smallCatalog(): string {
  const source = readFrozenSource()
  const cut = (text: string, from: string, to: string, after = 0): string => {
    const start = text.indexOf(from, after)
    const end = text.indexOf(to, start)
    return text.slice(0, start) + text.slice(end)
  }
  let small = cut(source, '### ⭐⭐⭐⭐ CHEXPERT', '## 📋 Dataset Comparison')
  small = cut(small, '### ⭐⭐⭐⭐ CHEXPERT', '## 📋 Comparação')
  return small.replace(/^\| \*\*(?!MIMIC-CXR).*\n/gm, '')
}

const base = smallCatalog()
const baseLines = base.split('\n')

const markers = ['**', '###', '##', '⭐', '```', '|', ':', '- ', '[', '](', '---', '{', '}', '@', ',']
const nasty = ['\u0000', '\uFEFF', '\uFFFD', '\r', '\u202E', '\u200B', '🇧🇷', 'Ã©', '√©', '<script>', '{{x}}', '\\', '`']

type Mutation = (lines: string[]) => string[]
const at = (index: number, lines: readonly string[]): number => index % Math.max(lines.length, 1)

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map(
    (i): Mutation =>
      (lines) =>
        lines.filter((_, index) => index !== at(i, lines))
  ),
  fc.nat().map(
    (i): Mutation =>
      (lines) =>
        lines.flatMap((line, index) => (index === at(i, lines) ? [line, line] : [line]))
  ),
  fc.tuple(fc.nat(), fc.nat()).map(
    ([i, j]): Mutation =>
      (lines) => {
        const copy = [...lines]
        const [a, b] = [at(i, copy), at(j, copy)]
        ;[copy[a], copy[b]] = [copy[b] ?? '', copy[a] ?? '']
        return copy
      }
  ),
  fc.tuple(fc.nat(), fc.nat()).map(
    ([i, k]): Mutation =>
      (lines) =>
        lines.map((line, index) => (index === at(i, lines) ? line.slice(0, k % (line.length + 1)) : line))
  ),
  fc.tuple(fc.nat(), fc.constantFrom(...markers)).map(
    ([i, marker]): Mutation =>
      (lines) =>
        lines.map((line, index) => (index === at(i, lines) ? line.split(marker).join('') : line))
  ),
  fc.tuple(fc.nat(), fc.nat(), fc.oneof(fc.constantFrom(...nasty), fc.string({unit: 'binary', maxLength: 8}))).map(
    ([i, k, text]): Mutation =>
      (lines) =>
        lines.map((line, index) => (index === at(i, lines) ? line.slice(0, k % (line.length + 1)) + text + line.slice(k % (line.length + 1)) : line))
  ),
  fc.tuple(fc.nat(), fc.integer({min: 1000, max: 25_000})).map(
    ([i, length]): Mutation =>
      (lines) =>
        lines.map((line, index) => (index === at(i, lines) ? line + 'x'.repeat(length) : line))
  ),
  fc.nat().map(
    (i): Mutation =>
      (lines) =>
        lines.slice(0, at(i, lines))
  )
)

function check(input: string): void {
  const {catalog, file} = parse(input, 'fuzz.md')
  for (const message of file.messages) {
    expect(message.line ?? 0).toBeGreaterThanOrEqual(1)
    expect(message.ruleId).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  }
  const errors = file.messages.filter((message) => message.fatal)
  if (catalog) {
    expect(errors).toEqual([])
    expect(validateCatalog(catalog).valid).toBe(true)
  } else {
    expect(errors.length).toBeGreaterThan(0)
  }
}

describe('fuzzing the parser', () => {
  it('the base catalog is valid', () => {
    expect(parse(base, 'fuzz.md').catalog?.datasets).toHaveLength(1)
  })

  it(`mutated sources give diagnostics or a valid catalog, never an exception (${numRuns} cases)`, {timeout: 600_000}, () => {
    fc.assert(
      fc.property(fc.array(mutation, {minLength: 1, maxLength: 4}), (mutations) => {
        check(mutations.reduce((lines, apply) => apply(lines), baseLines).join('\n'))
      }),
      {seed, numRuns}
    )
  })

  it('random bytes give diagnostics, never an exception', () => {
    fc.assert(
      fc.property(fc.uint8Array({maxLength: 512}), (bytes) => {
        const {catalog, file} = parse(bytes, 'fuzz.md')
        expect(catalog === undefined ? file.messages.some((m) => m.fatal) : true).toBe(true)
      }),
      {seed, numRuns: Math.min(numRuns, 2000)}
    )
  })

  const regressions = new URL('fuzz-regressions/', import.meta.url)
  for (const name of readdirSync(regressions)) {
    it(`regression: ${name}`, () => check(readFileSync(new URL(name, regressions), 'utf8')))
  }
})
