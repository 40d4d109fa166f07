import type {BibliographyEntry, EntryText} from './entry.js'

/**
 * One entry in the house style: a `%` comment naming the dataset, then the
 * entry as `formatEntryBody` writes it.
 */
export function formatEntry(entry: EntryText): string {
  return `% ${entry.comment}\n${formatEntryBody(entry)}`
}

/**
 * `@type{key,` with the type in lowercase, one field a line indented by two
 * spaces as `name = {value}`, every value in braces (never quotes, so a value
 * that holds `"` needs nothing), no comma after the last field, a final
 * newline.
 */
export function formatEntryBody(entry: EntryText): string {
  const fields = entry.fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n')
  return `@${entry.type}{${entry.key},\n${fields}${fields === '' ? '' : '\n'}}\n`
}

/** Entries one after another, a blank line between them, in the order given. */
export function formatBibliography(entries: readonly BibliographyEntry[]): string {
  return entries.map(formatEntry).join('\n')
}
