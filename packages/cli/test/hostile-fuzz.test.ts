/**
 * Hostile sources through the whole CLI: deep nesting, long delimiter runs,
 * prototype names, control characters, fences of every shape, and a cache
 * whose entries are corrupted between runs. Every case must exit 0 or 1, never
 * 3, and say and build exactly the same with the cache as without it. The
 * seed is fixed, so a failure reproduces.
 */
import {readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {realSource, run, snapshot, tempFolder} from './helpers.js'

const numRuns = process.env['CI'] ? 200 : 30

/** The real source cut to its first dataset in each half, so that a case runs in tens of milliseconds. */
function smallCatalog(): string {
  const cut = (text: string, from: string, to: string): string => text.slice(0, text.indexOf(from)) + text.slice(text.indexOf(to, text.indexOf(from)))
  let small = cut(realSource, '### ⭐⭐⭐⭐ CHEXPERT', '## 📋 Dataset Comparison')
  small = cut(small, '### ⭐⭐⭐⭐ CHEXPERT', '## 📋 Comparação')
  return small.replace(/^\| \*\*(?!MIMIC-CXR).*\n/gm, '')
}
const base = smallCatalog()
const baseLines = base.split('\n')

type Mutation = (lines: string[]) => string[]
const at = (index: number, lines: readonly string[]): number => index % Math.max(lines.length, 1)
const insertLine = (text: string): fc.Arbitrary<Mutation> =>
  fc.nat().map(
    (i): Mutation =>
      (lines) => [...lines.slice(0, at(i, lines)), text, ...lines.slice(at(i, lines))]
  )
const insertInLine = (text: fc.Arbitrary<string>): fc.Arbitrary<Mutation> =>
  fc.tuple(fc.nat(), fc.nat(), text).map(
    ([i, k, inserted]): Mutation =>
      (lines) =>
        lines.map((line, index) => (index === at(i, lines) ? line.slice(0, k % (line.length + 1)) + inserted + line.slice(k % (line.length + 1)) : line))
  )
/** Rename everything that carries a name, in both halves, so that the catalog stays valid. */
const rename =
  (from: string, to: string): Mutation =>
  (lines) =>
    lines.map((line) => line.split(from).join(to))

const prototypeNames = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'prototype', 'valueOf', 'isPrototypeOf']
const fences = ['```', '````', '~~~', '```a`b', '  ```', '- ```', '> ```', '<!--', '-->', '<pre>', '</pre>', '<div>', '<custom>', '    ```']

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // Deep nesting: quotes, list markers, indentation.
  fc.tuple(fc.constantFrom('>', '- ', '* ', '1. ', '  '), fc.integer({min: 1, max: 5000})).chain(([marker, depth]) => insertLine(`${marker.repeat(depth)}x`)),
  // Long delimiter runs, plain and nested.
  fc
    .tuple(fc.constantFrom('*', '_', '~', '`', '[', '*_', '*a _a '), fc.integer({min: 1, max: 9000}))
    .chain(([run, count]) => insertInLine(fc.constant(`${run.repeat(count)}x${run.split('').reverse().join('').repeat(count)}`))),
  // Prototype names as a dataset, a category, a label, a citation type or key, a field, a language.
  fc.constantFrom(...prototypeNames).map((name) => rename('MIMIC-CXR', name)),
  fc.constantFrom(...prototypeNames).map((name) => rename('Large-Scale Chest X-Ray Datasets', name)),
  fc.constantFrom(...prototypeNames).map((name) => rename('**Patients:**', `**${name}:**`)),
  fc.constantFrom(...prototypeNames).map((name) => rename('@article{', `@${name}{`)),
  fc.constantFrom(...prototypeNames).map((name) => rename('johnson2019mimic', name)),
  fc.constantFrom(...prototypeNames).map((name) => rename('  volume={6},', `  ${name}={6},`)),
  fc.constantFrom(...prototypeNames).map((name) => rename('## 🇧🇷 Português', `## 🇧🇷 ${name}`)),
  // Control characters anywhere.
  insertInLine(
    fc
      .integer({min: 0, max: 0x9f})
      .filter((code) => code < 0x20 || code >= 0x7f)
      .map((code) => String.fromCharCode(code))
  ),
  // Fences and HTML of every shape.
  fc.constantFrom(...fences).chain((fence) => insertLine(fence)),
  // Ordinary slips, so that some cases stay valid and reach the renderers.
  fc.nat().map(
    (i): Mutation =>
      (lines) =>
        lines.filter((_, index) => index !== at(i, lines))
  ),
  fc.constant((lines: string[]) => lines)
)

/** What a run said: its exit code and its diagnostics, as JSON. */
async function validate(folder: string, cache: boolean): Promise<{code: number; stdout: string}> {
  const result = await run(['validate', '--source', 'catalog.md', '--reporter', 'json', ...(cache ? [] : ['--no-cache'])], folder)
  expect(result.stderr).not.toContain('internal error')
  return {code: result.code, stdout: result.stdout}
}

/** Damage some of the cache's files in one of the ways a disk, a crash or a hand can. */
function corruptCache(folder: string, seed: number): void {
  const root = path.join(folder, 'node_modules/.cache/catalog')
  const files = readdirSync(root, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
  const damages = [
    () => '{}',
    () => '[]',
    (file: string) => readFileSync(file, 'utf8').slice(0, 40),
    (file: string) => readFileSync(file, 'utf8').replace(/"offset":(\d+)/g, (_, offset: string) => `"offset":${Number(offset) + 2}`),
    (file: string) => readFileSync(file, 'utf8').replace(/"nodes":\[.*\]/s, '"nodes":[]'),
    () => readFileSync(files[(seed + 1) % files.length] ?? '', 'utf8')
  ]
  files.forEach((file, index) => {
    if ((index + seed) % 3 !== 0) return
    const damage = damages[(index + seed) % damages.length]
    if (damage) writeFileSync(file, damage(file))
  })
}

const bytesOf = (folder: string) => Object.fromEntries(Object.entries(snapshot(folder)).map(([file, entry]) => [file, entry.slice(entry.indexOf(' ') + 1)]))

describe('hostile sources through the CLI', () => {
  it('the base catalog builds', async () => {
    const folder = tempFolder()
    writeFileSync(path.join(folder, 'catalog.md'), base)
    expect((await validate(folder, false)).code).toBe(0)
  })

  it(`exit 0 or 1, never 3, and the same with and without the cache, whatever the cache holds (${numRuns} cases)`, {timeout: 900_000}, async () => {
    const folder = tempFolder()
    let builds = 0
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, {minLength: 1, maxLength: 3}), fc.nat(), async (mutations, damage) => {
        const source = mutations.reduce((lines, apply) => apply(lines), baseLines).join('\n')
        writeFileSync(path.join(folder, 'catalog.md'), source)
        const fresh = await validate(folder, false)
        expect([0, 1]).toContain(fresh.code)
        // Cold and warm cache, then a cache damaged between runs: each says what the fresh parse says.
        expect(await validate(folder, true)).toEqual(fresh)
        expect(await validate(folder, true)).toEqual(fresh)
        corruptCache(folder, damage)
        expect(await validate(folder, true)).toEqual(fresh)
        if (fresh.code === 0 && builds++ % 4 === 0) {
          const cached = await run(['build', '--source', 'catalog.md', '--out', 'cached'], folder)
          const uncached = await run(['build', '--source', 'catalog.md', '--out', 'uncached', '--no-cache'], folder)
          expect([cached.code, uncached.code]).toEqual([0, 0])
          expect(bytesOf(path.join(folder, 'cached'))).toEqual(bytesOf(path.join(folder, 'uncached')))
        }
      }),
      {seed: 20_261_202, numRuns}
    )
  })
})
