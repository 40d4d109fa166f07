import {parse as parseBibtex} from '@retorquere/bibtex-parser'
import {describe, expect, it} from 'vitest'
import {
  bracesBalanced,
  commentText,
  decodeCharacterCommands,
  escapeLatexValue,
  escapeUrl,
  mathCommands,
  renderCslItems,
  textCommands,
  textLatexFor,
  unmappedCharacters
} from '../src/index.js'

describe('escapeLatexValue', () => {
  it.each([
    // LaTeX from the source stays as written.
    ['590--597', '590--597'],
    ['{de-identified} database', '{de-identified} database'],
    ['R\\&D \\% \\$ \\# \\_', 'R\\&D \\% \\$ \\# \\_'],
    ['M{\\"u}ller and J{\\"{o}}rg', 'M{\\"u}ller and J{\\"{o}}rg'],
    ['Armato~III', 'Armato~III'],
    ['$\\alpha_1$-blockers', '$\\alpha_1$-blockers'],
    ['line\\\\break & more', 'line\\\\break \\& more'],
    // Raw specials get a backslash.
    ['R&D', 'R\\&D'],
    ['100%', '100\\%'],
    ['#1', '\\#1'],
    ['data_set', 'data\\_set'],
    ['x^2', 'x{\\textasciicircum}2'],
    // Dollars pair up as math; the odd one out is a dollar sign.
    ['costs $5', 'costs \\$5'],
    ['$x_1$ and $5', '$x_1$ and \\$5'],
    ['$x$ costs $5 & $y$', '$x$ costs $5 \\& $y\\$'],
    // URLs inside \url and \href stay verbatim; the link text does not.
    ['\\url{https://a.org/x_y%20#z}', '\\url{https://a.org/x_y%20#z}'],
    ['\\href{https://a.org/a_b}{the a_b page}', '\\href{https://a.org/a_b}{the a\\_b page}'],
    // Non-ASCII becomes LaTeX.
    ['Müller', 'M{\\"{u}}ller'],
    ['Gonçalves, São', 'Gon{\\c{c}}alves, S{\\~{a}}o'],
    ['Łódź', "{\\L}{\\'{o}}d{\\'{z}}"],
    ['Ångström', '{\\AA}ngstr{\\"{o}}m'],
    ['Straße', 'Stra{\\ss}e'],
    ['Dvořák', "Dvo{\\v{r}}{\\'{a}}k"],
    ['ǘ', '{\\\'{\\"{u}}}'],
    ['1021–1035 — “quoted” ‘single’', "1021--1035 --- ``quoted'' {\\textquoteleft}single'"],
    ['5 μm ± 2 °C', '5 {$\\mu$}m {$\\pm$} 2 {\\textdegree}C'],
    ['$α x$ and $αx$', '$\\alpha x$ and $\\alpha x$'],
    ['$2×3$', '$2\\times3$'],
    ['東京', '東京'],
    // White space as BibTeX reads it.
    ['  two\n  lines\t', 'two lines']
  ])('%j → %j', (input, expected) => {
    expect(escapeLatexValue(input)).toBe(expected)
    // Escaping what it wrote changes nothing.
    expect(escapeLatexValue(expected)).toBe(expected)
  })

  it('keeps braces balanced and writes ASCII where a command exists', () => {
    const value = 'Zürich & Łódź: 100% of #1 data_set, $5 – α ± x^2 {CT}'
    const escaped = escapeLatexValue(value)
    expect(bracesBalanced(escaped)).toBe(true)
    expect(escaped).toMatch(/^[\x20-\x7e]*$/)
  })
})

describe('the character tables', () => {
  const characters = [...textCommands.keys(), ...mathCommands.keys(), ...'äëïöüÿÄÖÜáéíóúýÁÉÍÓÚàèìòùâêîôûãõñÃÕÑçÇąęĄĘőűčďěňřšťžČŘŠŽėżŻăğĞŭāēīōūůİ']
  /** Where Better BibTeX's decoder picks a different code point for the same glyph or ligature. */
  const decodedAs = new Map([
    ['\u2019', "'"],
    ['\u00B5', '𝜇'],
    ['μ', '𝜇'],
    ['·', '⋅'],
    ['\u00A0', '\u00A0']
  ])

  it.each(characters)('%s is written as LaTeX that Better BibTeX’s parser reads back', (char) => {
    const latex = textLatexFor(char)
    expect(latex).toBeDefined()
    expect(latex).toMatch(/^[\x20-\x7e]+$/)
    expect(bracesBalanced(latex ?? '')).toBe(true)
    const library = parseBibtex(`@misc{k, title = {a${latex}b}}`, {sentenceCase: false, english: false})
    expect(library.errors).toEqual([])
    const title = String(library.entries[0]?.fields['title'] ?? '').normalize('NFC')
    expect(title).toBe(`a${decodedAs.get(char) ?? char}b`)
  })

  /** Where the CSL-JSON says the same thing with another code point. */
  const inCsl = new Map([
    ['\u2019', "'"],
    ['\u00B5', 'μ']
  ])

  it.each(characters)('%s comes back out of citation-js as itself in CSL-JSON', (char) => {
    const latex = textLatexFor(char) ?? ''
    const [item] = renderCslItems([{datasetIndex: 0, type: 'misc', key: 'k', comment: '', fields: [['title', `a${latex}b`]]}])
    expect(String(item?.['title']).normalize('NFC')).toBe(`a${inCsl.get(char) ?? char}b`)
  })

  it('decodes only its own forms, leaving LaTeX from the source to citation-js', () => {
    expect(decodeCharacterCommands('{$\\geq$} {\\aa} {\\ldots} $\\geq$ {\\"{u}}')).toBe('≥ å … $\\geq$ {\\"{u}}')
  })

  it('has no command for scripts LaTeX cannot set without packages', () => {
    expect(textLatexFor('東')).toBeUndefined()
    expect(unmappedCharacters('東京 and Zürich', 'title')).toEqual(['東', '京'])
    expect(unmappedCharacters('https://例え.jp/', 'url')).toEqual([])
  })
})

describe('escapeUrl', () => {
  it('keeps what \\url reads and percent-encodes what would break the .bib', () => {
    expect(escapeUrl('https://example.org/zurich_ct/?a=1&b=%20#x~y')).toBe('https://example.org/zurich_ct/?a=1&b=%20#x~y')
    expect(escapeUrl('https://example.org/{a}\\b c/ü')).toBe('https://example.org/%7Ba%7D%5Cb%20c/%C3%BC')
  })
})

describe('commentText', () => {
  it('is one line without @', () => {
    expect(commentText('ZÜRICH-CT: Lung & Liver\n @ Zürich')).toBe('ZÜRICH-CT: Lung & Liver (at) Zürich')
  })
})

describe('bracesBalanced', () => {
  it.each([
    ['{a} {b {c}}', true],
    ['\\{ \\}', true],
    ['a\\\\', true],
    ['{a', false],
    ['a}', false],
    ['}{', false],
    // BibTeX counts escaped braces too.
    ['\\{', false],
    // A lone final backslash would escape the closing brace for LaTeX.
    ['a\\', false]
  ])('%j → %s', (value, expected) => {
    expect(bracesBalanced(value)).toBe(expected)
  })
})
