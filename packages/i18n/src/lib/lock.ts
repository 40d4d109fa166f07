import {createHash} from 'node:crypto'
import {type Catalog, isJsonObject} from '@catalog/schema'
import {type Segment, segmentsOf, segmentText} from './segments.js'

/**
 * The translation lock (`source/translations.lock.json`): for each
 * translated language, the primary-language text of every segment as it
 * was when its translation was confirmed. When the primary text changes,
 * the translation is outdated until a translator updates it and runs
 * `catalog i18n accept` (or imports a PO file), and every reporter can show
 * the text as it was beside the text as it is.
 *
 * Version 1 kept only the sha256 of that text. It is still read: its entries
 * keep their hash (`{"sha256": …}` when written again) until the segment is
 * confirmed afresh, and an outdated finding from one cannot show what changed.
 */
export interface TranslationLock {
  version: 2
  /** The primary language the texts were taken in. */
  primary: string
  languages: Record<string, LanguageLock>
}

/** What the lock knows of one confirmed segment: its primary text, or only the hash of it (from a version 1 lock). */
export interface Confirmed {
  sha256: string
  /** The primary text when the translation was confirmed; absent for an entry read from a version 1 lock. */
  text?: string
}

export interface LanguageLock {
  /** Segments of the document's own parts, by field: `overview.text`, `categories.<id>`, `comparison.heading`. */
  document: Record<string, Confirmed>
  /** Segments of each dataset, by dataset id, then by field. */
  datasets: Record<string, Record<string, Confirmed>>
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

/** What the lock recorded for a segment in a language, if anything. */
export function confirmedEntry(lock: TranslationLock, language: string, segment: Pick<Segment, 'dataset' | 'field'>): Confirmed | undefined {
  const entry = lock.languages[language]
  if (!entry) return undefined
  return segment.dataset === null ? entry.document[segment.field] : entry.datasets[segment.dataset]?.[segment.field]
}

/**
 * Whether `accept` selectors (dataset ids, or `overview`, `categories`,
 * `comparison`) name a segment or finding; no selectors name everything.
 */
export function selectedBy(selectors: readonly string[], part: Pick<Segment, 'dataset' | 'field'>): boolean {
  return selectors.length === 0 || selectors.includes(part.dataset ?? part.field.split('.')[0] ?? '')
}

/** A lock confirming every current translation of the catalog. */
export function createLock(catalog: Catalog): TranslationLock {
  return acceptTranslations(catalog, undefined)
}

/**
 * Confirm the current translations: record the primary text of every
 * segment that has a translation. Without selectors everything is confirmed
 * afresh (entries of segments that no longer exist are dropped); with
 * selectors (dataset ids, or `overview`, `categories`, `comparison`) only
 * those are, and the rest of `lock` is kept as it was.
 */
export function acceptTranslations(catalog: Catalog, lock: TranslationLock | undefined, selectors: readonly string[] = []): TranslationLock {
  const unknown = selectors.filter(
    (selector) => !catalog.datasets.some((dataset) => dataset.id === selector) && !(documentGroups as readonly string[]).includes(selector)
  )
  if (unknown.length > 0) throw new UnknownSelectorError(unknown)
  if (selectors.length === 0) return confirmSegments(catalog, undefined, () => true)
  return confirmSegments(catalog, lock, (segment) => selectedBy(selectors, segment))
}

/**
 * Confirm the translations of the segments `selected` picks, per language,
 * keeping the rest of `lock` (a lock taken in another primary language
 * confirms nothing of this one). A selected segment without a translation
 * loses its confirmation: a translation removed since is no longer confirmed;
 * so does one for which `selected` says `'drop'` (a translation changed but
 * marked as needing review).
 */
export function confirmSegments(
  catalog: Catalog,
  lock: TranslationLock | undefined,
  selected: (segment: Segment, language: string) => boolean | 'drop'
): TranslationLock {
  const primary = catalog.languages[0]?.code ?? ''
  const previous = lock?.primary === primary ? lock : undefined
  const languages: Record<string, LanguageLock> = {}
  const segments = segmentsOf(catalog)
  for (const {code} of catalog.languages.slice(1)) {
    const entry: LanguageLock = {document: {...previous?.languages[code]?.document}, datasets: {}}
    for (const [id, fields] of Object.entries(previous?.languages[code]?.datasets ?? {})) entry.datasets[id] = {...fields}
    for (const segment of segments) {
      const choice = selected(segment, code)
      if (choice === false) continue
      const fields = fieldsOf(entry, segment.dataset)
      const source = segmentText(segment, primary)
      if (choice === 'drop' || source === undefined || segmentText(segment, code) === undefined) delete fields[segment.field]
      else fields[segment.field] = {sha256: hashText(source), text: source}
    }
    for (const [id, fields] of Object.entries(entry.datasets)) if (Object.keys(fields).length === 0) delete entry.datasets[id]
    languages[code] = entry
  }
  return {version: 2, primary, languages}
}

/** The confirmations of a language's document parts (`null`) or of one dataset, created when missing. */
function fieldsOf(entry: LanguageLock, dataset: string | null): Record<string, Confirmed> {
  if (dataset === null) return entry.document
  entry.datasets[dataset] ??= {}
  return entry.datasets[dataset]
}

/** The lock as committed: two-space JSON, keys sorted below the top level, a final newline; each entry its confirmed text, or `{"sha256": …}` where only the hash is known. */
export function serializeLock(lock: TranslationLock): string {
  const sorted = (record: Readonly<Record<string, Confirmed>>): Record<string, string | {sha256: string}> =>
    Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((key) => {
          const confirmed = record[key] ?? {sha256: ''}
          return [key, confirmed.text ?? {sha256: confirmed.sha256}]
        })
    )
  const languages = Object.fromEntries(
    Object.keys(lock.languages)
      .sort()
      .map((code) => {
        const entry = lock.languages[code] ?? {document: {}, datasets: {}}
        const datasets = Object.fromEntries(
          Object.keys(entry.datasets)
            .sort()
            .map((id) => [id, sorted(entry.datasets[id] ?? {})])
        )
        return [code, {document: sorted(entry.document), datasets}]
      })
  )
  return `${JSON.stringify({version: 2, primary: lock.primary, languages}, null, 2)}\n`
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

/**
 * A lock from a parsed JSON value (version 2, or version 1 with hashes only),
 * refusing anything that is not one; the error names the part at fault by
 * its pointer.
 */
export function lockFromJson(value: unknown): TranslationLock {
  const isHash = (hash: unknown): hash is string => typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash)
  if (!isJsonObject(value)) throw new InvalidLockError('the translation lock needs `version: 2`, `primary` and `languages`')
  const version = value['version']
  if (version !== 1 && version !== 2) throw new InvalidLockError('the translation lock needs `version: 2` (or 1, which this tool still reads)', '/version')
  if (typeof value['primary'] !== 'string') throw new InvalidLockError('the translation lock needs `primary`, the code of the primary language', '/primary')
  const languages = value['languages']
  if (!isJsonObject(languages)) throw new InvalidLockError('the translation lock needs `languages`, an object by language code', '/languages')
  const escapePointer = (segment: string): string => segment.replaceAll('~', '~0').replaceAll('/', '~1')
  const what = version === 1 ? 'a sha256 hash (64 hexadecimal digits)' : 'the confirmed text, or {"sha256": "<64 hexadecimal digits>"}'
  const entries = (candidate: unknown, pointer: string, where: string): Record<string, Confirmed> => {
    if (!isJsonObject(candidate)) throw new InvalidLockError(`the translation lock's ${where} needs an object by field`, pointer)
    const confirmed: Record<string, Confirmed> = {}
    for (const [name, entry] of Object.entries(candidate)) {
      if (version === 1 && isHash(entry)) confirmed[name] = {sha256: entry}
      else if (version === 2 && typeof entry === 'string') confirmed[name] = {sha256: hashText(entry), text: entry}
      else if (version === 2 && isJsonObject(entry) && isHash(entry['sha256']) && Object.keys(entry).length === 1) confirmed[name] = {sha256: entry['sha256']}
      else throw new InvalidLockError(`the translation lock's entry "${name}" in ${where} is not ${what}`, `${pointer}/${escapePointer(name)}`)
    }
    return confirmed
  }
  const lock: TranslationLock = {version: 2, primary: value['primary'], languages: {}}
  for (const [code, entry] of Object.entries(languages)) {
    const at = `/languages/${escapePointer(code)}`
    if (!isJsonObject(entry)) throw new InvalidLockError(`the translation lock's entry for "${code}" needs \`document\` and \`datasets\``, at)
    const document = entries(entry['document'], `${at}/document`, `"${code}" (its \`document\`)`)
    const datasets = entry['datasets']
    if (!isJsonObject(datasets))
      throw new InvalidLockError(`the translation lock's entry for "${code}" needs \`datasets\`, an object by dataset id`, `${at}/datasets`)
    lock.languages[code] = {
      document,
      datasets: Object.fromEntries(
        Object.entries(datasets).map(([id, fields]) => [id, entries(fields, `${at}/datasets/${escapePointer(id)}`, `"${code}" (dataset "${id}")`)])
      )
    }
  }
  return lock
}
