import {hashSource} from '@catalog/feeds'
import {InvalidLockError, readLock, type TranslationLock} from '@catalog/i18n'
import {hasErrors, parseCatalog} from '@catalog/parser'
import type {Catalog} from '@catalog/schema'
import {VFile} from 'vfile'
import {FileSectionCache} from './cache.js'
import {cacheFolder} from './cli-kit.js'
import {type Diagnostic, toDiagnostics} from './diagnostics.js'
import {readInput} from './inputs.js'
import {outputChecks} from './outputs.js'

export interface ParsedSource {
  catalog?: Catalog
  /** The parsed file; it keeps `file.data.catalog` and the pointer map even when there are errors (`catalog i18n` reports translation errors as findings). */
  file?: VFile
  bytes?: Buffer
  diagnostics: Diagnostic[]
  sourceHash?: string
}

/**
 * Parse source bytes, and run the renderers' own checks. Parsed sections come
 * from, and go to, the section cache unless `cache` is false.
 */
export async function parseSource(sourcePath: string, cwd: string, bytes: Buffer, options: {cache?: boolean} = {}): Promise<ParsedSource> {
  const file = new VFile({path: sourcePath, cwd, value: bytes})
  const cache = options.cache === false ? undefined : FileSectionCache.open(cacheFolder(cwd, sourcePath))
  const {catalog} = parseCatalog(file, cache ? {cache, checks: outputChecks} : {checks: outputChecks})
  await cache?.save()
  const diagnostics = toDiagnostics(file)
  return catalog && !hasErrors(file) ? {catalog, file, bytes, diagnostics, sourceHash: hashSource(bytes)} : {file, bytes, diagnostics}
}

/** Read and parse a source: `readInput`, then `parseSource`. */
export async function readCatalog(sourcePath: string, cwd: string, options: {cache?: boolean} = {}): Promise<ParsedSource> {
  const read = await readInput(sourcePath, cwd, 'the source')
  if ('diagnostic' in read) return {diagnostics: [read.diagnostic]}
  return parseSource(sourcePath, cwd, read.bytes, options)
}

export interface LockFile {
  lock?: TranslationLock
  diagnostic?: Diagnostic
}

/** Read a lock; none is no error (nothing is outdated then), an unreadable one is. */
export async function readLockFile(lockPath: string, cwd: string): Promise<LockFile> {
  return parseLockFile(lockPath, await readInput(lockPath, cwd, 'the translation lock'))
}

/** The lock from what `readInput` gave. */
export function parseLockFile(lockPath: string, read: Awaited<ReturnType<typeof readInput>>): LockFile {
  if ('diagnostic' in read) return read.missing ? {} : {diagnostic: read.diagnostic}
  try {
    return {lock: readLock(read.bytes.toString('utf8'))}
  } catch (error) {
    if (!(error instanceof InvalidLockError)) throw error
    return {diagnostic: {file: lockPath, line: 1, column: 1, severity: 'error', ruleId: 'invalid-lock', message: `${error.message}; run \`catalog i18n accept\` to write it afresh`}}
  }
}
