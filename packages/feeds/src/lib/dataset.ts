import type {AccessItem, Catalog, Dataset, Fact, LocalizedText} from '@catalog/schema'

/** Language codes of the catalog, primary first. */
export function languageCodes(catalog: Catalog): string[] {
  return catalog.languages.map((language) => language.code)
}

export function accessItemOf(dataset: Dataset, key: string): AccessItem | undefined {
  return dataset.access.items.find((item) => item.key === key)
}

export function factOf(dataset: Dataset, key: string): Fact | undefined {
  return dataset.facts.items.find((item) => item.key === key)
}

/** A localized text restricted to the catalog's languages, in catalog order (stable key order in JSON). */
export function inCatalogOrder(text: LocalizedText, codes: readonly string[]): Record<string, string> {
  const ordered: Record<string, string> = {}
  for (const code of codes) {
    const value = text[code]
    if (value !== undefined) ordered[code] = value
  }
  return ordered
}
