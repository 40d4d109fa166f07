import {messageTables} from '@catalog/locales'
import type {Catalog} from '@catalog/schema'
import {hashCatalog} from './hash.js'

/** Options of {@link renderFeeds}; every one has a documented default. */
export interface FeedOptions {
  /**
   * The hash that `feed.json` carries so that pollers can tell whether
   * anything changed, written `<algorithm>:<lowercase hex>`. The CLI passes
   * {@link hashSource} of the source bytes.
   * @default hashCatalog(catalog): sha256 of the catalog as canonical JSON
   */
  sourceHash?: string
  /**
   * Key of the access entry that holds the license (`- **License:** ...`).
   * @default 'license'
   */
  licenseKey?: string
  /**
   * Key of the fact that names the institution behind a dataset, published
   * as the schema.org `creator`.
   * @default 'institution'
   */
  creatorKey?: string
  /**
   * Words that, per language code, say a dataset costs nothing to get, looked
   * for (case-insensitively, as whole words) in access values and in the
   * comparison cells under the access column. A language without terms is
   * not looked at. See {@link freeAccessEvidence}.
   * @default {@link defaultFreeAccessTerms}
   */
  freeAccessTerms?: Readonly<Record<string, readonly string[]>>
}

/**
 * The words that say "free of charge", per language: each locale's own
 * `feeds.freeAccessTerms` in @catalog/locales. No fallback: another
 * language's words mean nothing in a text of this one.
 */
export const defaultFreeAccessTerms: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(messageTables).flatMap(([locale, table]) => (table.feeds?.freeAccessTerms ? [[locale, table.feeds.freeAccessTerms]] : []))
)

/** Options with their defaults filled in. */
export interface ResolvedOptions {
  sourceHash: string
  licenseKey: string
  creatorKey: string
  freeAccessTerms: Readonly<Record<string, readonly string[]>>
}

const hashPattern = /^[a-z0-9-]+:[0-9a-f]+$/

export function resolveOptions(catalog: Catalog, options: FeedOptions): ResolvedOptions {
  const sourceHash = options.sourceHash ?? hashCatalog(catalog)
  // A malformed hash is a bug in the caller, not a problem of the source.
  if (!hashPattern.test(sourceHash)) throw new TypeError(`sourceHash must read "<algorithm>:<lowercase hex>", got "${sourceHash}"`)
  return {
    sourceHash,
    licenseKey: options.licenseKey ?? 'license',
    creatorKey: options.creatorKey ?? 'institution',
    freeAccessTerms: options.freeAccessTerms ?? defaultFreeAccessTerms
  }
}
