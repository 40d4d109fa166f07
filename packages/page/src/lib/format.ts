/**
 * Sizes as people read them, in each language's number format: `1.2 kB` in
 * English, `1,2 kB` in Portuguese. Decimal units (1 kB = 1000 bytes), as
 * browsers' download lists show them.
 */
export function formatBytes(bytes: number, language: string): string {
  if (!Number.isFinite(bytes) || bytes < 0) throw new RangeError(`a size must be a non-negative number of bytes, got ${bytes}`)
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const
  let value = bytes
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit++
  }
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: units[unit],
    // Short bytes read `312 byte` in English; `312 bytes` reads right in every language.
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1
  }).format(value)
}

/**
 * Text folded for searching: lowercased, accents dropped, runs of spaces
 * made one. The page's script folds what is typed the same way.
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/g, ' ').trim()
}
