import path from 'node:path'
import {hashSource} from '@catalog/feeds'
import {InvalidLockError, lockFromJson, type TranslationLock, translationChecks} from '@catalog/i18n'
import {hasErrors, parseCatalog} from '@catalog/parser'
import type {Catalog, Vocabulary} from '@catalog/schema'
import {VFile} from 'vfile'
import {cacheFolder, vocabularyPathOf} from './cli-kit.js'
import {type Diagnostic, toDiagnostics} from './diagnostics.js'
import {type InputRead, readInput} from './inputs.js'
import {type JsonPlace, readJson} from './json-input.js'
import {outputChecks} from './outputs.js'
import {ContentStore} from './store.js'
import {parseVocabularyFile} from './vocabulary.js'

export interface ParsedSource {
  catalog?: Catalog
  /** The parsed file; it keeps `file.data.catalog` and the pointer map even when there are errors (`catalog i18n` reports translation errors as findings). */
  file?: VFile
  bytes?: Buffer
  diagnostics: Diagnostic[]
  sourceHash?: string
  /** The vocabulary the source was read with, when there is one. */
  vocabulary?: Vocabulary
}

/** What every catalog command checks besides the parser's own rules: the renderers' checks and the translation rules. */
const checks = [...outputChecks, translationChecks]

export interface ParseOptions {
  /** Whether parsed sections come from, and go to, the store (`ContentStore`) of the cache folder. @default true */
  cache?: boolean
  /** The store to use instead, which the caller saves (a build, which keeps its renderings there too). */
  store?: ContentStore
}

/**
 * Parse source bytes with the vocabulary beside the source (as `readInput`
 * read it), and run the renderers' checks and the translation rules. Parsed
 * sections come from, and go to, the store unless `cache` is false.
 * A vocabulary that is not valid is an error of its own, and nothing is parsed.
 */
export async function parseSource(
  sourcePath: string,
  cwd: string,
  bytes: Buffer,
  vocabularyRead: InputRead,
  options: ParseOptions = {}
): Promise<ParsedSource> {
  const {vocabulary, diagnostics: vocabularyProblems} = parseVocabularyFile(vocabularyPathOf(sourcePath), vocabularyRead)
  if (vocabularyProblems.length > 0) return {bytes, diagnostics: vocabularyProblems}
  const file = new VFile({path: sourcePath, cwd, value: bytes})
  const cache = options.store ?? (options.cache === false ? undefined : openStore(cwd, sourcePath))
  const {catalog} = parseCatalog(file, {checks, ...(cache ? {cache} : {}), ...(vocabulary ? {vocabulary} : {})})
  if (!options.store) await cache?.save()
  const diagnostics = toDiagnostics(file)
  const read = {bytes, diagnostics, ...(vocabulary ? {vocabulary} : {})}
  return catalog && !hasErrors(file) ? {...read, catalog, file, sourceHash: hashSource(bytes)} : {...read, file}
}

/** Read and parse a source and its vocabulary: `readInput`, then `parseSource`. */
export async function readCatalog(sourcePath: string, cwd: string, options: ParseOptions = {}): Promise<ParsedSource> {
  const read = await readInput(sourcePath, cwd, 'the source')
  if ('diagnostic' in read) return {diagnostics: [read.diagnostic]}
  return parseSource(sourcePath, cwd, read.bytes, await readInput(vocabularyPathOf(sourcePath), cwd, 'the vocabulary'), options)
}

/** The store of the cache folder that serves a source (`cacheFolder`). */
export function openStore(cwd: string, sourcePath: string): ContentStore {
  return ContentStore.open(cacheFolder(cwd, sourcePath), {source: path.resolve(cwd, sourcePath)})
}

export interface LockFile {
  lock?: TranslationLock
  diagnostic?: Diagnostic
}

/** Read a lock; none is no error (nothing is outdated then), an unreadable one is. */
export async function readLockFile(lockPath: string, cwd: string): Promise<LockFile> {
  return parseLockFile(lockPath, await readInput(lockPath, cwd, 'the translation lock'))
}

/** The lock from what `readInput` gave; what is wrong with it is named at its line. */
export function parseLockFile(lockPath: string, read: Awaited<ReturnType<typeof readInput>>): LockFile {
  if ('diagnostic' in read) return read.missing ? {} : {diagnostic: read.diagnostic}
  const at = (message: string, place: JsonPlace): LockFile => ({
    diagnostic: {file: lockPath, ...place, severity: 'error', ruleId: 'invalid-lock', message: `${message}; run \`catalog i18n accept\` to write it afresh`}
  })
  const json = readJson(read.bytes.toString('utf8'))
  if ('error' in json) return at(`the translation lock: ${json.error.message}`, json.error)
  try {
    return {lock: lockFromJson(json.document.value)}
  } catch (error) {
    if (!(error instanceof InvalidLockError)) throw error
    return at(error.message, json.document.placeOf(error.pointer))
  }
}
