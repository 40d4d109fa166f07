/**
 * How non-ASCII characters are written in a .bib file: as LaTeX commands that
 * BibTeX treats as one "special character" (so `purify$`, sorting and the
 * initials of abbreviating styles stay right, where raw UTF-8 bytes would be
 * cut in half) and that biber and citation-js decode back to Unicode.
 *
 * Only commands that LaTeX's default setup knows are used; `\k` and `\r`
 * belong to the T1 font encoding, which biblatex documents already load.
 */

/** Combining marks (after NFD) and the accent command that draws each. */
export const accentCommands: ReadonlyMap<string, string> = new Map([
  ['\u0300', '`'],
  ['\u0301', "'"],
  ['\u0302', '^'],
  ['\u0303', '~'],
  ['\u0304', '='],
  ['\u0306', 'u'],
  ['\u0307', '.'],
  ['\u0308', '"'],
  ['\u030A', 'r'],
  ['\u030B', 'H'],
  ['\u030C', 'v'],
  ['\u0323', 'd'],
  ['\u0327', 'c'],
  ['\u0328', 'k']
])

/**
 * Characters written as a text-mode command or an ASCII ligature. Checked
 * before decomposition: `å` is `\aa`, which BibTeX's `purify$` knows, rather
 * than `\r{a}`.
 */
export const textCommands: ReadonlyMap<string, string> = new Map([
  ['\u00A0', '~'],
  ['\u2013', '--'],
  ['\u2014', '---'],
  ['\u2018', '{\\textquoteleft}'],
  ['\u2019', "'"],
  ['\u201C', '``'],
  ['\u201D', "''"],
  ['ß', '{\\ss}'],
  ['æ', '{\\ae}'],
  ['Æ', '{\\AE}'],
  ['œ', '{\\oe}'],
  ['Œ', '{\\OE}'],
  ['ø', '{\\o}'],
  ['Ø', '{\\O}'],
  ['ł', '{\\l}'],
  ['Ł', '{\\L}'],
  ['å', '{\\aa}'],
  ['Å', '{\\AA}'],
  ['ı', '{\\i}'],
  ['ȷ', '{\\j}'],
  ['…', '{\\ldots}'],
  ['§', '{\\S}'],
  ['¶', '{\\P}'],
  ['£', '{\\pounds}'],
  ['†', '{\\dag}'],
  ['‡', '{\\ddag}'],
  ['©', '{\\textcopyright}'],
  ['®', '{\\textregistered}'],
  ['™', '{\\texttrademark}'],
  ['°', '{\\textdegree}'],
  ['€', '{\\texteuro}'],
  ['•', '{\\textbullet}'],
  ['¡', '{\\textexclamdown}'],
  ['¿', '{\\textquestiondown}']
])

/**
 * Characters that only exist in math mode: written `{$\cmd$}` in text, `\cmd`
 * inside `$...$`. `ε` and `φ` are `\varepsilon` and `\varphi`: LaTeX's
 * `\epsilon` and `\phi` draw the other glyphs, `ϵ` and `ϕ`.
 */
export const mathCommands: ReadonlyMap<string, string> = new Map([
  ['×', '\\times'],
  ['±', '\\pm'],
  ['÷', '\\div'],
  ['·', '\\cdot'],
  ['≤', '\\leq'],
  ['≥', '\\geq'],
  ['≠', '\\neq'],
  ['≈', '\\approx'],
  ['∞', '\\infty'],
  ['→', '\\rightarrow'],
  ['←', '\\leftarrow'],
  ['α', '\\alpha'],
  ['β', '\\beta'],
  ['γ', '\\gamma'],
  ['δ', '\\delta'],
  ['ε', '\\varepsilon'],
  ['ζ', '\\zeta'],
  ['η', '\\eta'],
  ['θ', '\\theta'],
  ['ι', '\\iota'],
  ['κ', '\\kappa'],
  ['λ', '\\lambda'],
  ['μ', '\\mu'],
  // The micro sign after Greek mu, so that `{$\\mu$}` reads back as the letter.
  ['\u00B5', '\\mu'],
  ['ν', '\\nu'],
  ['ξ', '\\xi'],
  ['π', '\\pi'],
  ['ρ', '\\rho'],
  ['σ', '\\sigma'],
  ['ς', '\\varsigma'],
  ['τ', '\\tau'],
  ['υ', '\\upsilon'],
  ['φ', '\\varphi'],
  ['χ', '\\chi'],
  ['ψ', '\\psi'],
  ['ω', '\\omega'],
  ['Γ', '\\Gamma'],
  ['Δ', '\\Delta'],
  ['Θ', '\\Theta'],
  ['Λ', '\\Lambda'],
  ['Ξ', '\\Xi'],
  ['Π', '\\Pi'],
  ['Σ', '\\Sigma'],
  ['Υ', '\\Upsilon'],
  ['Φ', '\\Phi'],
  ['Ψ', '\\Psi'],
  ['Ω', '\\Omega']
])

/**
 * The text-mode LaTeX for one non-ASCII character, or undefined when there is
 * no command for it (CJK, emoji, ...): then it stays UTF-8, which biber reads
 * and BibTeX copies through, and `checkBibliography` warns.
 */
export function textLatexFor(char: string): string | undefined {
  const direct = textCommands.get(char)
  if (direct !== undefined) return direct
  const math = mathCommands.get(char)
  if (math !== undefined) return `{$${math}$}`
  const [base, ...marks] = Array.from(char.normalize('NFD'))
  if (base === undefined || marks.length === 0 || !/^[A-Za-z]$/.test(base)) return undefined
  let latex = base
  for (const mark of marks) {
    const command = accentCommands.get(mark)
    if (command === undefined) return undefined
    latex = `\\${command}{${latex}}`
  }
  // The outer braces make it one BibTeX "special character".
  return `{${latex}}`
}

/** The math-mode LaTeX for one non-ASCII character inside `$...$`, if any. */
export function mathLatexFor(char: string): string | undefined {
  return mathCommands.get(char)
}

/**
 * The renderer's own `{...}` forms (`{$\geq$}`, `{\aa}`, `{\ldots}`) turned
 * back into the characters they stand for. Readers such as citation-js do not
 * know every LaTeX command; CSL-JSON is made from the .bib through this, so
 * that it says `≥` where the .bib says `{$\geq$}` (and stays a function of
 * the .bib, which keeps the renderer idempotent). Accents need no help.
 */
export function decodeCharacterCommands(latex: string): string {
  return latex.replace(ownForms.pattern, (form) => ownForms.chars.get(form) ?? form)
}

const ownForms = ((): {pattern: RegExp; chars: Map<string, string>} => {
  const chars = new Map<string, string>()
  for (const char of [...textCommands.keys(), ...mathCommands.keys()]) {
    const form = textLatexFor(char)
    // Ligatures (`--`, `''`, `~`) are ordinary LaTeX that every reader knows; the first form of a character wins.
    if (form?.startsWith('{') && !chars.has(form)) chars.set(form, char)
  }
  const alternatives = [...chars.keys()].map((form) => form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return {pattern: new RegExp(alternatives.join('|'), 'g'), chars}
})()
