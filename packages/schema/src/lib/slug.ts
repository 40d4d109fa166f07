/** Latin letters that Unicode does not decompose into a base letter and a mark. */
const transliterations: Record<string, string> = {ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ð: 'd', þ: 'th', ł: 'l', đ: 'd', ı: 'i'}

/**
 * Slug of a name or label: diacritics dropped, lowercased, runs of anything
 * but letters and digits turned into one hyphen. `NIH ChestX-ray14` gives
 * `nih-chestx-ray14`, `Características Principais` gives `caracteristicas-principais`.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[øæœßðþłđı]/g, (letter) => transliterations[letter] ?? letter)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}
