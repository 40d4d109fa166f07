/**
 * Correctness before speed: whatever the store holds, a build with it writes
 * exactly what a build without it writes. Property-tested over random
 * sequences of what maintainers do: edits and reverts, renamed, deleted and
 * moved datasets, a dataset moved to another category, a changed vocabulary
 * or lock, and a new version of the tool (a changed template, say).
 */
import {createHash} from 'node:crypto'
import {readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {realLock, realSource, run, snapshotBytes, tempFolder} from './helpers.js'

/** The catalog as chunks that each start at a heading line, so that edits can move whole datasets. */
function chunksOf(text: string): string[] {
  return text.split(/(?=^#)/m)
}

const isDataset = (chunk: string): boolean => chunk.startsWith('### ⭐')
/** The dataset's name in its heading: `### ⭐⭐⭐⭐ ISIC - International ...` -> `ISIC`. */
const nameOf = (chunk: string): string => /^### ⭐+ (.+?) - /.exec(chunk)?.[1] ?? ''
const names = (text: string): string[] => [...new Set(chunksOf(text).filter(isDataset).map(nameOf))]

/** Categories without a dataset: a maintainer's move or delete that empties one is an error, not an edit worth building. */
function emptyCategories(text: string): number {
  const chunks = chunksOf(text)
  const isCategory = (chunk: string): boolean => /^## (?!🇬🇧|🇧🇷|📋|Related)/u.test(chunk)
  return chunks.filter((chunk, index) => isCategory(chunk) && !isDataset(chunks[index + 1] ?? '')).length
}

interface State {
  source: string
  vocabulary: string
  lock: string | undefined
}

type Step =
  | {kind: 'edit'; dataset: number; half: number; word: string}
  | {kind: 'revert'; back: number}
  | {kind: 'rename'; dataset: number; suffix: string}
  | {kind: 'delete'; dataset: number}
  | {kind: 'move'; dataset: number; after: number}
  | {kind: 'vocabulary'; entry: number}
  | {kind: 'lock'; change: 'drop-entry' | 'remove' | 'restore'}
  | {kind: 'tool'}

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({kind: fc.constant('edit' as const), dataset: fc.nat(20), half: fc.nat(1), word: fc.constantFrom('edited', 'revised', 'çà', '**bold**', '`code`')}),
  fc.record({kind: fc.constant('revert' as const), back: fc.nat(4)}),
  fc.record({kind: fc.constant('rename' as const), dataset: fc.nat(20), suffix: fc.constantFrom('2', 'X', '-Plus')}),
  fc.record({kind: fc.constant('delete' as const), dataset: fc.nat(20)}),
  fc.record({kind: fc.constant('move' as const), dataset: fc.nat(20), after: fc.nat(20)}),
  fc.record({kind: fc.constant('vocabulary' as const), entry: fc.nat(40)}),
  fc.record({kind: fc.constant('lock' as const), change: fc.constantFrom('drop-entry' as const, 'remove' as const, 'restore' as const)}),
  fc.constant({kind: 'tool' as const})
)

/** Apply one step to the catalog's files; `history` holds the states before it. */
function apply(state: State, change: Step, history: readonly State[]): State {
  const next = applyStep(state, change, history)
  return emptyCategories(next.source) > emptyCategories(state.source) ? state : next
}

function applyStep(state: State, change: Step, history: readonly State[]): State {
  const pick = <T>(items: readonly T[], index: number): T | undefined => items[index % Math.max(1, items.length)]
  const datasetNames = names(state.source)
  switch (change.kind) {
    case 'edit': {
      // A word added to one half's description of one dataset.
      const chunks = chunksOf(state.source)
      const indexes = chunks.flatMap((chunk, index) => (isDataset(chunk) && nameOf(chunk) === pick(datasetNames, change.dataset) ? [index] : []))
      const index = pick(indexes, change.half)
      if (index === undefined) return state
      chunks[index] = (chunks[index] ?? '').replace(/(\*\*(?:Description|Descrição):\*\* )/, `$1${change.word} `)
      return {...state, source: chunks.join('')}
    }
    case 'revert':
      return history.at(-1 - (change.back % Math.max(1, history.length))) ?? state
    case 'rename': {
      // Everywhere the name stands as a word: both headings, the comparison rows, the text.
      const name = pick(datasetNames, change.dataset)
      if (!name) return state
      const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      return {...state, source: state.source.replace(new RegExp(`\\b${escaped}\\b`, 'g'), `${name}${change.suffix}`)}
    }
    case 'delete': {
      // Both halves' sections and its comparison rows.
      const name = pick(datasetNames, change.dataset)
      if (!name) return state
      const chunks = chunksOf(state.source).filter((chunk) => !(isDataset(chunk) && nameOf(chunk) === name))
      return {...state, source: chunks.join('').replace(new RegExp(`^\\| \\**${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\**.*\\n`, 'gm'), '')}
    }
    case 'move': {
      // In both halves, a dataset's section goes after another's: into that one's category when it is another.
      const name = pick(datasetNames, change.dataset)
      const after = pick(datasetNames, change.after)
      if (!name || !after || name === after) return state
      const chunks = chunksOf(state.source)
      const result: string[] = []
      const moved = chunks.filter((chunk) => isDataset(chunk) && nameOf(chunk) === name)
      let half = 0
      for (const chunk of chunks) {
        if (isDataset(chunk) && nameOf(chunk) === name) continue
        result.push(chunk)
        if (isDataset(chunk) && nameOf(chunk) === after) {
          const section = moved[half++]
          if (section) result.push(section.endsWith('\n\n') ? section : `${section}\n`)
        }
      }
      return {...state, source: result.join('')}
    }
    case 'vocabulary': {
      // One declared label dropped, or its Portuguese text changed.
      const vocabulary = JSON.parse(state.vocabulary) as {labels?: Array<{key: string; labels: Record<string, string>}>}
      const labels = vocabulary.labels ?? []
      const index = change.entry % Math.max(1, labels.length)
      const entry = labels[index]
      if (!entry) return state
      if (change.entry % 2) labels.splice(index, 1)
      else entry.labels['pt'] = `${entry.labels['pt'] ?? ''} novo`
      return {...state, vocabulary: `${JSON.stringify(vocabulary, null, 2)}\n`}
    }
    case 'lock': {
      if (change.change === 'remove') return {...state, lock: undefined}
      if (change.change === 'restore' || state.lock === undefined) return {...state, lock: realLock}
      // One confirmed segment forgotten (the first in the lock): its translation is unconfirmed again.
      const lock = JSON.parse(state.lock) as unknown
      const forget = (value: unknown): boolean => {
        if (typeof value !== 'object' || value === null) return false
        const record = value as Record<string, unknown>
        const first = Object.keys(record)[0]
        if (first !== undefined && typeof record[first] === 'string') {
          delete record[first]
          return true
        }
        return Object.values(record).some(forget)
      }
      forget((lock as {languages?: unknown}).languages)
      return {...state, lock: `${JSON.stringify(lock, null, 2)}\n`}
    }
    case 'tool':
      return state
  }
}

/**
 * What another version of the tool would have left: its store, under its own
 * fingerprint in the header, with every rendering different (a changed
 * template) and every checksum right. The current tool must use none of it.
 */
function storeOfAnotherTool(cache: string): void {
  for (const name of readdirSync(cache).filter((entry) => entry.startsWith('store-'))) {
    const lines = readFileSync(path.join(cache, name), 'latin1').split('\n')
    const rewritten = lines.map((line, index) => {
      if (index === 0) return line.replace(/ [0-9a-f]{64}$/, ` ${'0'.repeat(64)}`)
      if (line === '') return line
      const body = line.slice(17).replace(/^(fragment:[0-9a-f]+ )"/, '$1"<!-- old template -->')
      return `${createHash('sha256').update(body).digest('hex').slice(0, 16)} ${body}`
    })
    writeFileSync(path.join(cache, name), rewritten.join('\n'), 'latin1')
  }
}

function writeState(folder: string, state: State): void {
  writeFileSync(path.join(folder, 'catalog.md'), state.source)
  writeFileSync(path.join(folder, 'vocabulary.json'), state.vocabulary)
  if (state.lock === undefined) rmSync(path.join(folder, 'translations.lock.json'), {force: true})
  else writeFileSync(path.join(folder, 'translations.lock.json'), state.lock)
}

const build = ['build', '--source', 'catalog.md', '--out', 'out']

describe('a rebuild from the store', () => {
  it('equals a cold build without cache after any sequence of edits', {timeout: 240_000}, async () => {
    const warm = tempFolder()
    const initial: State = {source: realSource, vocabulary: readFileSync(path.join(warm, 'vocabulary.json'), 'utf8'), lock: realLock}
    let checked = 0
    await fc.assert(
      fc.asyncProperty(fc.array(step, {minLength: 1, maxLength: 5}), async (steps) => {
        // Each sequence starts from the frozen catalog with the store the previous sequences left.
        const history: State[] = []
        let state = initial
        for (const change of steps) {
          history.push(state)
          state = apply(state, change, history)
          if (change.kind === 'tool') storeOfAnotherTool(path.join(warm, 'node_modules/.cache/catalog'))
          writeState(warm, state)
          const rebuilt = await run(build, warm)
          const cold = tempFolder()
          writeState(cold, state)
          const fresh = await run([...build, '--no-cache'], cold)
          expect({code: rebuilt.code, stderr: rebuilt.stderr, stdout: rebuilt.stdout}).toEqual({code: fresh.code, stderr: fresh.stderr, stdout: fresh.stdout})
          if (fresh.code === 0) expect(snapshotBytes(path.join(warm, 'out'))).toEqual(snapshotBytes(path.join(cold, 'out')))
          rmSync(cold, {recursive: true, force: true})
          checked++
        }
      }),
      {numRuns: 25, seed: Number(process.env['FC_SEED'] ?? 17), endOnFailure: true}
    )
    expect(checked).toBeGreaterThan(25)
  })
})
