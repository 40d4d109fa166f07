import type {Quantity} from '@catalog/schema'

/**
 * Read the number that a fact's value starts with, in the conventions of its
 * language: `377,110` (English) and `377.110` (Portuguese) are both 377110;
 * `20,000+` is at least 20000; `2011-2016` is a year range. A group of three
 * digits after a separator is a thousands group in either convention, so the
 * two halves of the catalog read the same.
 */
export function parseQuantity(text: string, language: string): Quantity | undefined {
  const range = /^\s*(1[5-9]\d\d|20\d\d|21\d\d)\s*(?:-|–|—)\s*(1[5-9]\d\d|20\d\d|21\d\d)(?![\d.,])/u.exec(text)
  if (range) {
    return {kind: 'year-range', from: Number(range[1]), to: Number(range[2])}
  }
  const number = /^\s*(\d{1,3}(?:([.,\u00A0\u202F ])\d{3})(?:\2\d{3})*|\d+)(?:([.,])(\d+))?(\s*\+)?/u.exec(text)
  if (!number) return undefined
  const [, integer = '', , decimalSeparator, fraction, plus] = number
  let value = Number(integer.replace(/[^\d]/g, ''))
  if (decimalSeparator && fraction !== undefined) {
    if (decimalSeparator === decimalSeparatorOf(language)) value = Number(`${value}.${fraction}`)
    else value = Number(`${integer.replace(/[^\d]/g, '')}${fraction}`)
  }
  return {kind: plus ? 'at-least' : 'count', value}
}

function decimalSeparatorOf(language: string): string {
  const parts = new Intl.NumberFormat(language).formatToParts(1.5)
  return parts.find((part) => part.type === 'decimal')?.value ?? '.'
}
