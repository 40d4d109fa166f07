import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {hashSource} from '@catalog/feeds'
import {InvalidLockError, readLock, type TranslationLock} from '@catalog/i18n'
import {hasErrors, parseCatalog} from '@catalog/parser'
import type {Catalog} from '@catalog/schema'
import {VFile} from 'vfile'
import {FileSectionCache} from './cache.js'
import {cacheFolder} from './cli-kit.js'
import {type Diagnostic, toDiagnostics} from './diagnostics.js'
import {outputChecks} from './outputs.js'

/**
 * Read and parse a source, and run the renderers' own checks; a file that
 * cannot be read is a diagnostic too. Parsed sections come from, and go to,
 * the section cache unless `cache` is false.
 */
export async function readCatalog(
  sourcePath: string,
  cwd: string,
  options: {cache?: boolean} = {}
): Promise<{catalog?: Catalog; file?: VFile; bytes?: Buffer; diagnostics: Diagnostic[]; sourceHash?: string}> {
  const file = new VFile({path: sourcePath, cwd})
  let bytes: Buffer
  try {
    bytes = await readFile(path.resolve(cwd, sourcePath))
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message
    return {diagnostics: [{file: sourcePath, line: 1, column: 1, severity: 'error', ruleId: 'unreadable-file', message: `cannot read the source: ${reason}`}]}
  }
  file.value = bytes
  const cache = options.cache === false ? undefined : FileSectionCache.open(cacheFolder(cwd, sourcePath))
  const {catalog} = parseCatalog(file, cache ? {cache, checks: outputChecks} : {checks: outputChecks})
  await cache?.save()
  const diagnostics = toDiagnostics(file)
  // `file` keeps `file.data.catalog` and the pointer map even when there are errors: `catalog i18n` reports translation errors as findings.
  return catalog && !hasErrors(file) ? {catalog, file, bytes, diagnostics, sourceHash: hashSource(bytes)} : {file, bytes, diagnostics}
}


/** Read a lock; none is no error (nothing is outdated then), an unreadable one is. */
export async function readLockFile(lockPath: string, cwd: string): Promise<{lock?: TranslationLock; diagnostic?: Diagnostic}> {
  let text: string
  try {
    text = await readFile(path.resolve(cwd, lockPath), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {}
    return {diagnostic: {file: lockPath, line: 1, column: 1, severity: 'error', ruleId: 'unreadable-file', message: `cannot read the translation lock: ${(error as Error).message}`}}
  }
  try {
    return {lock: readLock(text)}
  } catch (error) {
    if (!(error instanceof InvalidLockError)) throw error
    return {diagnostic: {file: lockPath, line: 1, column: 1, severity: 'error', ruleId: 'invalid-lock', message: `${error.message}; run \`catalog i18n accept\` to write it afresh`}}
  }
}
