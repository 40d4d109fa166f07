import {createHash} from 'node:crypto'
import type {Catalog} from '@catalog/schema'

/** `sha256:<hex>` of some bytes or text (UTF-8): the form `feed.json` and `datapackage.json` carry. */
export function hashSource(value: string | Uint8Array): string {
  return `sha256:${createHash('sha256').update(value).digest('hex')}`
}

/**
 * `sha256:<hex>` of the catalog as canonical JSON (object keys sorted, no
 * whitespace), so that the same catalog gives the same hash however its
 * keys happen to be ordered.
 */
export function hashCatalog(catalog: Catalog): string {
  return hashSource(canonicalJson(catalog))
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item
    const sorted: Record<string, unknown> = {}
    for (const key of Object.keys(item).sort()) sorted[key] = (item as Record<string, unknown>)[key]
    return sorted
  })
}
