import {parseQuantity} from '@catalog/parser'

/**
 * Numbers as written in a text: digit runs with their group and decimal
 * separators (`377,110`, `377.110`, `2,4`), not digits glued to letters on
 * their left (`T1`, `CC0`, `ChestX-ray14` are names, not quantities).
 */
const numberToken = /(?<![\p{L}\p{N}])\d+(?:[.,\u00A0\u202F]\d+)*/gu

export function numberTokens(text: string): string[] {
  return text.match(numberToken) ?? []
}

/** A token's value in the conventions of its language, read by the parser's own `parseQuantity`. */
export function numberValue(token: string, language: string): number | undefined {
  const quantity = parseQuantity(token, language)
  return quantity && quantity.kind !== 'year-range' ? quantity.value : undefined
}

/**
 * The numbers of two texts that disagree once each is read in its own
 * language: `377,110` (en) and `377.110` (pt) agree; `377,110` and `377.100`
 * do not. Tokens written identically on both sides agree whatever they mean
 * (`CC BY-NC 4.0` in either language), so that version numbers and other
 * names need no locale. Returns the tokens of each side left without a match.
 */
export function numberDifferences(primary: string, primaryLanguage: string, translation: string, language: string): {primary: string[]; translation: string[]} {
  const ours = numberTokens(primary)
  const theirs = numberTokens(translation)
  const pairOff = (agree: (our: string, their: string) => boolean): void => {
    for (let index = 0; index < ours.length; ) {
      const our = ours[index] ?? ''
      const match = theirs.findIndex((their) => agree(our, their))
      if (match === -1) {
        index++
        continue
      }
      ours.splice(index, 1)
      theirs.splice(match, 1)
    }
  }
  // First the tokens both sides write the same way, then those that mean the same number.
  pairOff((our, their) => our === their)
  pairOff((our, their) => {
    const value = numberValue(our, primaryLanguage)
    return value !== undefined && value === numberValue(their, language)
  })
  return {primary: ours, translation: theirs}
}
