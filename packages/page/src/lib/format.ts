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
 * The number a text starts with, read as a reader of `language` writes it:
 * `224,316` in English and `224.316` in Portuguese are both 224316, `1.5`
 * and `1,5` one and a half; a `k`, `M` or `B` right after it (not starting a
 * word: `377k+ images`, `1,2M`) multiplies it. Signs of an estimate before it
 * (`~`, `≈`, `>`, `+`) are skipped. Undefined when the text does not start
 * with a number (`Chest X-ray`). The comparison table sorts by it.
 */
export function readNumber(text: string, language: string): number | undefined {
  const {group, decimal} = separatorsOf(language)
  const escapeRegExp = (char: string): string => char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
  // Where a language groups digits with a space, any space does (people type a plain one).
  const groupPattern = /^[\s\u00A0\u202F]$/.test(group) ? '[\\s\\u00A0\\u202F]' : escapeRegExp(group)
  const pattern = new RegExp(
    `^[\\s~≈<>≥≤+]*(\\d{1,3}(?:${groupPattern}\\d{3})+(?:${escapeRegExp(decimal)}\\d+)?|\\d+(?:${escapeRegExp(decimal)}\\d+)?)\\s*([kMB](?![\\p{L}\\p{N}]))?`,
    'u'
  )
  const match = pattern.exec(text)
  if (!match?.[1]) return undefined
  const digits = match[1].replace(new RegExp(groupPattern, 'g'), '').replace(decimal, '.')
  const scale = {k: 1e3, M: 1e6, B: 1e9}[match[2] ?? ''] ?? 1
  return Number(digits) * scale
}

const separators = new Map<string, {group: string; decimal: string}>()

/** The digit group and decimal separators of a language's numbers, as ICU writes them. */
function separatorsOf(language: string): {group: string; decimal: string} {
  let found = separators.get(language)
  if (!found) {
    const parts = new Intl.NumberFormat(language).formatToParts(1234567.5)
    found = {group: parts.find((part) => part.type === 'group')?.value ?? ',', decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.'}
    separators.set(language, found)
  }
  return found
}
