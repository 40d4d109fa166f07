/**
 * Spreadsheet formula neutralisation (CSV injection), after the OWASP advice:
 * a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is
 * run as a formula by Excel, LibreOffice, Numbers or Google Sheets when the
 * file is opened, so it gets a leading apostrophe and is always quoted.
 *
 * Two refinements:
 * - a cell that is a plain number (`-5`, `+3`, `1.5e3`) cannot run anything
 *   and stays a number, so numeric text keeps sorting and summing;
 * - the full-width forms `＝ ＋ － ＠` count too, because Numbers folds them
 *   into their ASCII forms when it opens a file.
 *
 * The rule is reversible: a cell that already starts with apostrophes before
 * a trigger character gets one more, so {@link restoreFormula} (drop one
 * leading apostrophe before a trigger) gives back the source text exactly.
 */

/** Characters that make a spreadsheet read a cell as a formula. */
export const formulaTriggers = ['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'] as const

const triggerClass = `[${formulaTriggers.map((char) => (char === '-' ? '\\-' : char)).join('')}]`
/** Apostrophes (possibly none) before a trigger: what gets one more apostrophe. */
const startsLikeFormula = new RegExp(`^'*${triggerClass}`, 'u')
/** One or more apostrophes before a trigger: what {@link restoreFormula} undoes. */
const neutralised = new RegExp(`^'+${triggerClass}`, 'u')
const plainNumber = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/

/** Whether a text is a plain decimal number, which spreadsheets read as a number and never run. */
export function isPlainNumber(text: string): boolean {
  return plainNumber.test(text)
}

/** Whether a text cell would run as a formula (or looks like one already neutralised) and so gets an apostrophe. */
export function needsNeutralising(text: string): boolean {
  return startsLikeFormula.test(text) && !isPlainNumber(text)
}

/** The cell text a spreadsheet shows but never runs: `=1+1` gives `'=1+1`; `-5` stays `-5`. */
export function neutraliseFormula(text: string): string {
  return needsNeutralising(text) ? `'${text}` : text
}

/** The source text of a cell written by {@link neutraliseFormula}: `'=1+1` gives `=1+1`. */
export function restoreFormula(cell: string): string {
  return neutralised.test(cell) ? cell.slice(1) : cell
}
