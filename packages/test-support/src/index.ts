/**
 * Helpers shared by the tests of every package: a frozen copy of the catalog
 * (its source, lock, vocabulary and the seed it was repaired from), edits
 * made exactly where a test means to, line lookups, and whether a test that
 * drives a system tool runs.
 *
 * Tests pin these frozen copies, never the live `source/`: the catalog is
 * data, edited every day, and whatever valid catalog stands in `source/`
 * leaves the suite green. Only `catalog validate`, `check` and `format --check`
 * look at the live source (packages/cli/test/live-source.test.ts).
 */
import {spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {type Catalog, validateCatalog, type Vocabulary} from '@catalog/schema'

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url))

/** The catalog source as it stood when the tests were written (a copy of `source/datasets.md`). */
export const frozenSourcePath = fixture('datasets.md')
/** Its translation lock (`source/translations.lock.json` then). */
export const frozenLockPath = fixture('translations.lock.json')
/** Its vocabulary (`source/vocabulary.json` then). */
export const frozenVocabularyPath = fixture('vocabulary.json')
/**
 * The catalog JSON the frozen source parses to (with its vocabulary), as
 * `catalog build` writes it: what the renderers' tests start from, so that
 * they test rendering, not parsing. The parser's fixture test keeps it equal
 * to the parse (`UPDATE_FIXTURES=1` in packages/parser rewrites it).
 */
export const frozenCatalogPath = fixture('datasets.json')
/** The seed as it arrived: the same catalog, UTF-8 decoded as Mac Roman and saved again. */
export const seedPath = fixture('seed-mojibake.md')

export function readFrozenSource(): string {
  return readFileSync(frozenSourcePath, 'utf8')
}

/** The frozen vocabulary, parsed (the parser's `vocabulary` option). */
export function frozenVocabulary(): Vocabulary {
  return JSON.parse(readFileSync(frozenVocabularyPath, 'utf8')) as Vocabulary
}

/** The frozen catalog, validated against the schema (a fresh copy each call, for tests to edit). */
export function frozenCatalog(): Catalog {
  const result = validateCatalog(JSON.parse(readFileSync(frozenCatalogPath, 'utf8')))
  if (!result.valid) throw new Error(`the frozen catalog JSON is not valid: ${result.violations.map((violation) => violation.message).join('; ')}`)
  return result.catalog
}

/** Replace exactly one occurrence, so that an edit that no longer applies fails loudly. */
export function replaceOnce(text: string, search: string, replacement: string): string {
  const first = text.indexOf(search)
  if (first === -1 || text.indexOf(search, first + 1) !== -1) throw new Error(`expected exactly one "${search}"`)
  return text.slice(0, first) + replacement + text.slice(first + search.length)
}

/** The 1-based line on which `search` first occurs. */
export function lineOf(text: string, search: string): number {
  const index = text.indexOf(search)
  if (index === -1) throw new Error(`"${search}" not found`)
  return text.slice(0, index).split('\n').length
}

/** Whether a command is on the PATH. */
export function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v "$0"`, command], {encoding: 'utf8'}).status === 0
}

/**
 * Whether the tests that drive a system tool run: always in CI (`CI` set),
 * where a missing tool must fail them rather than pass them by skipping;
 * elsewhere only when the tool is installed, saying once why they skip.
 */
export function toolAvailable(command: string, installHint: string): boolean {
  if (hasCommand(command) || process.env['CI']) return true
  console.warn(`Skipping the tests that run ${command}: it is not installed (${installHint}); in CI they fail instead.`)
  return false
}

export {catalogJsonPath, fixtureCatalog, type ParseSource, readCatalogJson} from './fixture-catalog.js'
