/**
 * Whether a text that reads the same in two languages was left untranslated,
 * or is simply the same in both (a name, a link, a number). A text is taken
 * to need translation when it
 * - holds at least `minWords` words with letters (short labels such as
 *   `URL`, `API`, `Download`, `Dataset` read the same in many languages);
 * - is no link (`https://...`);
 * - is not name-like: a name capitalises every word of four letters or more
 *   (`PhysioNet Credentialed Health Data License`, `The Cancer Genome Atlas`,
 *   `Massachusetts Institute of Technology (MIT)`), whereas prose does not.
 * The last rule also spares title-cased headings that were copied
 * untranslated; no rule without a dictionary can tell those from names.
 */
export function needsTranslation(text: string, minWords: number): boolean {
  const trimmed = text.trim()
  if (/^(?:https?:\/\/|\[https?:\/\/)\S*$/u.test(trimmed)) return false
  const words = trimmed.match(/\p{L}[\p{L}\p{M}'’-]*/gu) ?? []
  if (words.length < minWords) return false
  return !isNameLike(words)
}

function isNameLike(words: readonly string[]): boolean {
  return words.filter((word) => word.length >= 4).every((word) => /^\p{Lu}/u.test(word))
}
