import {createHash} from 'node:crypto'
import type {Catalog} from '@catalog/schema'
import {type Segment, segmentsOf, segmentText} from './segments.js'

/**
 * The translation lock (`source/translations.lock.json`): for each
 * translated language, the sha256 of every primary-language segment at the
 * moment its translation was confirmed. When the primary text changes, its
 * hash no longer matches and the translation is outdated until a translator
 * updates it and runs `catalog i18n accept`.
 */
export interface TranslationLock {
  version: 1
  /** The primary language the hashes were taken in. */
  primary: string
  languages: Record<string, LanguageLock>
}

export interface LanguageLock {
  /** Segments of the document's own parts, by field: `overview.text`, `categories.<id>`, `comparison.heading`. */
  document: Record<string, string>
  /** Segments of each dataset, by dataset id, then by field. */
  datasets: Record<string, Record<string, string>>
}

/** Parts of the document a selector may name besides dataset ids; each is the first part of the document fields it covers. */
export const documentGroups = ['overview', 'categories', 'comparison'] as const

/** Raised by `acceptTranslations` for selectors that name no dataset nor document group. */
export class UnknownSelectorError extends Error {
  constructor(readonly selectors: readonly string[]) {
    super(`no dataset or document part is called ${selectors.map((selector) => `"${selector}"`).join(', ')}`)
  }
}

/** Raised by `readLock` when a lock file is not a lock. */
export class InvalidLockError extends Error {
  /** The JSON pointer of the part at fault, when the file is JSON. */
  constructor(
    message: string,
    readonly pointer = ''
  ) {
    super(message)
  }
}

/** sha256 of a segment's primary text, in hex. */
export function hashText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/** The hash recorded for a segment in a language, if any. */
export function confirmedHash(lock: TranslationLock, language: string, segment: Pick<Segment, 'dataset' | 'field'>): string | undefined {
  const entry = lock.languages[language]
  if (!entry) return undefined
  return segment.dataset === null ? entry.document[segment.field] : entry.datasets[segment.dataset]?.[segment.field]
}

/** A lock confirming every current translation of the catalog. */
export function createLock(catalog: Catalog): TranslationLock {
  return acceptTranslations(catalog, undefined)
}

/**
 * Confirm the current translations: record the hash of the primary text of
 * every segment that has a translation. Without selectors everything is
 * confirmed afresh (entries of segments that no longer exist are dropped);
 * with selectors (dataset ids, or `overview`, `categories`, `comparison`)
 * only those are, and the rest of `lock` is kept as it was.
 */
export function acceptTranslations(catalog: Catalog, lock: TranslationLock | undefined, selectors: readonly string[] = []): TranslationLock {
  const primary = catalog.languages[0]?.code ?? ''
  const unknown = selectors.filter((selector) => !catalog.datasets.some((dataset) => dataset.id === selector) && !(documentGroups as readonly string[]).includes(selector))
  if (unknown.length > 0) throw new UnknownSelectorError(unknown)
  const everything = selectors.length === 0
  // A lock taken in another primary language confirms nothing of this one.
  const previous = !everything && lock?.primary === primary ? lock : undefined
  const selected = (segment: Segment): boolean =>
    everything || (segment.dataset === null ? selectors.includes(segment.field.split('.')[0] ?? '') : selectors.includes(segment.dataset))

  const languages: Record<string, LanguageLock> = {}
  const segments = segmentsOf(catalog)
  for (const {code} of catalog.languages.slice(1)) {
    const entry: LanguageLock = {document: {...previous?.languages[code]?.document}, datasets: {}}
    for (const [id, fields] of Object.entries(previous?.languages[code]?.datasets ?? {})) entry.datasets[id] = {...fields}
    for (const segment of segments.filter(selected)) {
      const fields = segment.dataset === null ? entry.document : (entry.datasets[segment.dataset] ??= {})
      // Re-confirming a part starts from nothing, so that a translation removed since is no longer confirmed.
      delete fields[segment.field]
    }
    for (const segment of segments.filter(selected)) {
      const source = segmentText(segment, primary)
      if (source === undefined || segmentText(segment, code) === undefined) continue
      const fields = segment.dataset === null ? entry.document : (entry.datasets[segment.dataset] ??= {})
      fields[segment.field] = hashText(source)
    }
    for (const [id, fields] of Object.entries(entry.datasets)) if (Object.keys(fields).length === 0) delete entry.datasets[id]
    languages[code] = entry
  }
  return {version: 1, primary, languages}
}

/** The lock as committed: two-space JSON, keys sorted below the top level, a final newline. */
export function serializeLock(lock: TranslationLock): string {
  const sorted = (record: Readonly<Record<string, string>>): Record<string, string> =>
    Object.fromEntries(Object.keys(record).sort().map((key) => [key, record[key] ?? '']))
  const languages = Object.fromEntries(
    Object.keys(lock.languages)
      .sort()
      .map((code) => {
        const entry = lock.languages[code] ?? {document: {}, datasets: {}}
        const datasets = Object.fromEntries(Object.keys(entry.datasets).sort().map((id) => [id, sorted(entry.datasets[id] ?? {})]))
        return [code, {document: sorted(entry.document), datasets}]
      })
  )
  return `${JSON.stringify({version: lock.version, primary: lock.primary, languages}, null, 2)}\n`
}

/** Read a lock file, refusing anything that is not one. */
export function readLock(text: string): TranslationLock {
  let value: unknown
  try {
    // An editor may save the lock with a byte order mark; JSON has none to give.
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch (error) {
    throw new InvalidLockError(`the translation lock is not JSON: ${(error as Error).message}`)
  }
  return lockFromJson(value)
}

/** A lock from a parsed JSON value, refusing anything that is not one; the error names the part at fault by its pointer. */
export function lockFromJson(value: unknown): TranslationLock {
  const isRecord = (candidate: unknown): candidate is Record<string, unknown> => typeof candidate === 'object' && candidate !== null && !Array.isArray(candidate)
  const isHash = (hash: unknown): boolean => typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash)
  if (!isRecord(value)) throw new InvalidLockError('the translation lock needs `version: 1`, `primary` and `languages`')
  if (value['version'] !== 1) throw new InvalidLockError('the translation lock needs `version: 1`', '/version')
  if (typeof value['primary'] !== 'string') throw new InvalidLockError('the translation lock needs `primary`, the code of the primary language', '/primary')
  const languages = value['languages']
  if (!isRecord(languages)) throw new InvalidLockError('the translation lock needs `languages`, an object by language code', '/languages')
  const escape = (segment: string): string => segment.replaceAll('~', '~0').replaceAll('/', '~1')
  const checkHashes = (candidate: unknown, pointer: string, what: string): void => {
    if (!isRecord(candidate)) throw new InvalidLockError(`the translation lock's ${what} needs an object of sha256 hashes`, pointer)
    for (const [name, hash] of Object.entries(candidate)) {
      if (!isHash(hash)) throw new InvalidLockError(`the translation lock's hash of "${name}" in ${what} is not a sha256 hash (64 hexadecimal digits)`, `${pointer}/${escape(name)}`)
    }
  }
  for (const [code, entry] of Object.entries(languages)) {
    const at = `/languages/${escape(code)}`
    if (!isRecord(entry)) throw new InvalidLockError(`the translation lock's entry for "${code}" needs \`document\` and \`datasets\``, at)
    checkHashes(entry['document'], `${at}/document`, `entry for "${code}" (its \`document\`)`)
    const datasets = entry['datasets']
    if (!isRecord(datasets)) throw new InvalidLockError(`the translation lock's entry for "${code}" needs \`datasets\`, an object by dataset id`, `${at}/datasets`)
    for (const [id, hashes] of Object.entries(datasets)) checkHashes(hashes, `${at}/datasets/${escape(id)}`, `entry for "${code}" (dataset "${id}")`)
  }
  return value as unknown as TranslationLock
}
