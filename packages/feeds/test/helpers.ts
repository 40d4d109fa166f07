import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Catalog} from '@catalog/schema'
import {frozenCatalog, frozenSourcePath} from '@catalog/test-support'
import {parse} from 'csv-parse/sync'
import {hashSource, renderFeeds} from '../src/index.js'
import {fixtureCatalog} from './catalog-json.js'
export {hasCommand, frozenSourcePath, toolAvailable} from '@catalog/test-support'

const here = path.dirname(fileURLToPath(import.meta.url))
export const fixturesFolder = path.join(here, 'fixtures')

/**
 * The catalog of a source, as JSON validated by the schema (the feeds are
 * tested on the data, not on the parse): for the frozen source, the frozen
 * catalog JSON; for a fixture's `input.md`, the `input.json` beside it (see
 * catalog-json.ts). The markdown's bytes give the source hash, as in
 * `catalog build`.
 */
export function loadCatalog(sourcePath: string): {catalog: Catalog; bytes: Buffer} {
  const bytes = readFileSync(sourcePath)
  return {catalog: sourcePath === frozenSourcePath ? frozenCatalog() : fixtureCatalog(sourcePath), bytes}
}

/** The feeds as `catalog build` would write them: the hash is the source bytes'. */
export function buildFeeds(sourcePath: string): {catalog: Catalog; files: Map<string, string>; bytes: Buffer} {
  const {catalog, bytes} = loadCatalog(sourcePath)
  return {catalog, bytes, files: renderFeeds(catalog, {sourceHash: hashSource(bytes)})}
}

export function file(files: Map<string, string>, name: string): string {
  const text = files.get(name)
  if (text === undefined) throw new Error(`renderFeeds gave no ${name}`)
  return text
}

/** Records of a CSV read with csv-parse, as arrays of strings; the header row first. */
export function readCsv(text: string): string[][] {
  return parse(text, {bom: true, relax_column_count: false}) as string[][]
}

/** Write the files into a fresh temporary folder, for the command-line tools. */
export function writeTemporary(files: Map<string, string>): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'catalog-feeds-'))
  for (const [name, text] of files) writeFileSync(path.join(folder, name), text)
  return folder
}

/** Run a command; fail with its stderr when it does not exit 0 or writes to stderr. */
export function run(command: string, args: readonly string[], input?: string): string {
  const result = spawnSync(command, args, {encoding: 'utf8', input})
  if (result.error) throw new Error(`${command} could not run: ${result.error.message}`)
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`)
  if (result.stderr.trim() !== '') throw new Error(`${command} ${args.join(' ')} complained: ${result.stderr}`)
  return result.stdout
}

/**
 * Read CSV files with Python's csv module, in one run of python3 (starting
 * it is the slow part): per file, its records as arrays of strings, the
 * header row first. `utf-8-sig` drops a BOM, as Python users read Excel files.
 */
export function readCsvWithPython(files: ReadonlyArray<{path: string; encoding: 'utf-8' | 'utf-8-sig'}>): string[][][] {
  const script = [
    'import csv, json, sys',
    'tables = []',
    'for path, encoding in json.loads(sys.argv[1]):',
    '    with open(path, newline="", encoding=encoding) as f:',
    '        tables.append(list(csv.reader(f, strict=True)))',
    'json.dump(tables, sys.stdout)'
  ].join('\n')
  return JSON.parse(run('python3', ['-c', script, JSON.stringify(files.map((entry) => [entry.path, entry.encoding]))])) as string[][][]
}

/** A deep copy of a catalog, to build hostile variants. */
export function cloneCatalog(catalog: Catalog): Catalog {
  return structuredClone(catalog)
}

/** Both CSV files of a render, read by Python as their users do (the Excel file as `utf-8-sig`). */
export function readBothCsvsWithPython(files: Map<string, string>): string[][][] {
  const folder = writeTemporary(files)
  return readCsvWithPython([
    {path: path.join(folder, 'datasets.csv'), encoding: 'utf-8'},
    {path: path.join(folder, 'datasets.excel.csv'), encoding: 'utf-8-sig'}
  ])
}

/** The fixed columns the CSV starts with, for the given languages (columns.test.ts pins their spelling once). */
export const fixedColumns = (codes: readonly string[]): string[] => [
  'id',
  'name',
  'rating',
  'category',
  ...codes.map((code) => `category_${code}`),
  ...codes.map((code) => `title_${code}`),
  ...codes.map((code) => `description_${code}`),
  ...codes.map((code) => `tasks_${code}`),
  'url',
  'citation_key'
]
