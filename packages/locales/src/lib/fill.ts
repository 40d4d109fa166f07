const placeholder = /\{(\w+)\}/g

/** Fill the `{name}` placeholders of a message; a placeholder without a value stays as written. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(placeholder, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole))
}

/** The names of a message's placeholders, sorted, each once: what every translation of it must have. */
export function placeholdersOf(template: string): string[] {
  return [...new Set(Array.from(template.matchAll(placeholder), (match) => match[1] ?? ''))].sort()
}
