import {describe, expect, it} from 'vitest'
import {slugify} from '@catalog/schema'
import {detectMojibake, languageCode, parseCitation, parseQuantity, repairMojibake} from '../src/index.js'

describe('slugify', () => {
  it.each([
    ['MIMIC-CXR', 'mimic-cxr'],
    ['CHEXPERT', 'chexpert'],
    ['NIH ChestX-ray14', 'nih-chestx-ray14'],
    ['Time Period', 'time-period'],
    ['Labels (14 Observations)', 'labels-14-observations'],
    ['Características Principais', 'caracteristicas-principais'],
    ['  --Odd__Name!! ', 'odd-name'],
    ['Ørsted Æbleskiver Straße', 'orsted-aebleskiver-strasse']
  ])('%s -> %s', (name, slug) => expect(slugify(name)).toBe(slug))
})

describe('parseQuantity', () => {
  it.each([
    ['377,110 chest X-ray images', 'en', {kind: 'count', value: 377110}],
    ['377.110 imagens', 'pt', {kind: 'count', value: 377110}],
    ['377.110 images', 'en', {kind: 'count', value: 377110}],
    ['20,000+ whole-slide images', 'en', {kind: 'at-least', value: 20000}],
    ['20.000+ imagens', 'pt', {kind: 'at-least', value: 20000}],
    ['2011-2016', 'en', {kind: 'year-range', from: 2011, to: 2016}],
    ['2006–2018', 'pt', {kind: 'year-range', from: 2006, to: 2018}],
    ['14 observations (multi-label)', 'en', {kind: 'count', value: 14}],
    ['1.5 million studies', 'en', {kind: 'count', value: 1.5}],
    ['1,5 milhão de estudos', 'pt', {kind: 'count', value: 1.5}],
    ['1 234 567 images', 'en', {kind: 'count', value: 1234567}]
  ])('%s (%s)', (text, language, quantity) => expect(parseQuantity(text, language)).toEqual(quantity))

  it('reads nothing from text that does not start with a number', () => {
    expect(parseQuantity('Massachusetts Institute of Technology (MIT)', 'en')).toBeUndefined()
    expect(parseQuantity('Annual challenges since 2016', 'en')).toBeUndefined()
  })
})

describe('mojibake', () => {
  it('repairs Mac Roman, Windows-1252 and Latin-1 damage exactly', () => {
    const original = 'Médica, Português, 🇧🇷, “quotes” — ⭐'
    for (const [encoding, damaged] of [
      ['macintosh', 'M√©dica'],
      ['windows-1252', 'MÃ©dica'],
      ['latin1', 'MÃ©dica']
    ] as const) {
      const bytes = Buffer.from(original, 'utf8')
      const text = encoding === 'latin1' ? bytes.toString('latin1') : new TextDecoder(encoding === 'macintosh' ? 'x-mac-roman' : encoding).decode(bytes)
      if (encoding !== 'latin1') expect(text.startsWith(damaged)).toBe(true)
      const result = repairMojibake(text)
      expect(result.ok && result.text).toBe(original)
    }
  })

  it('leaves proper accented text alone', () => {
    expect(detectMojibake('Médica, São Paulo, naïve, Ωmega, ½')).toBeUndefined()
    // Found by the random round trip: these bytes would also spell "戈" behind Mac Roman.
    expect(detectMojibake('🇧🇷 Êàà')).toBeUndefined()
  })

  it('refuses a repair that would lose text', () => {
    const mixed = 'M√©dica and a real 😀 emoji'
    const result = repairMojibake(mixed)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.point).toEqual({line: 1, column: 20})
  })
})

describe('languageCode', () => {
  it('knows languages by their English name and by their own', () => {
    expect(languageCode('English')).toBe('en')
    expect(languageCode('Português')).toBe('pt')
    expect(languageCode('Español')).toBe('es')
    expect(languageCode('Deutsch')).toBe('de')
    expect(languageCode('Klingonese')).toBeUndefined()
  })
})

describe('parseCitation', () => {
  it('keeps LaTeX verbatim and lowercases field names', () => {
    const {entry, problems} = parseCitation('@Book{k,\n  Author={M{\\"u}ller, J},\n  Title={{DNA} \\& more},\n  Publisher={X},\n  Year=2020\n}')
    expect(problems).toEqual([])
    expect(entry).toEqual({type: 'book', key: 'k', fields: {author: 'M{\\"u}ller, J', title: '{DNA} \\& more', publisher: 'X', year: '2020'}})
  })

  it('accepts either of alternative required fields', () => {
    expect(parseCitation('@book{k, editor={E}, title={T}, publisher={P}, year={2020}}').problems).toEqual([])
    expect(parseCitation('@book{k, title={T}, publisher={P}, year={2020}}').problems.map((p) => p.ruleId)).toEqual(['bibtex-required-field'])
  })

  it('flags a duplicate field, two entries and an unknown type', () => {
    expect(parseCitation('@misc{k, title={a}, title={b}}').problems.map((p) => [p.ruleId, p.line])).toEqual([['bibtex-duplicate-field', 1]])
    expect(parseCitation('@misc{a, title={a}}\n@misc{b, title={b}}').problems.map((p) => p.ruleId)).toEqual(['bibtex-entry-count'])
    expect(parseCitation('@datset{k, title={a}}').problems.map((p) => p.ruleId)).toEqual(['bibtex-entry-type'])
    expect(parseCitation('@webpage{k, title={a}}').problems[0]?.reason).toMatch(
      /^unknown BibTeX entry type `@webpage`; use one of article, .*, dataset, software, online, report$/
    )
  })

  it("knows biblatex's @dataset, @software, @online and @report, with the fields biblatex requires", () => {
    const problems = (bibtex: string): string[] => parseCitation(bibtex).problems.map((p) => p.reason)
    expect(problems('@dataset{k, author={A}, title={T}, publisher={PhysioNet}, version={2.0.0}, year={2019}, doi={10.13026/C2JT1Q}}')).toEqual([])
    expect(problems('@dataset{k, editor={E}, title={T}, date={2019-11-14}}')).toEqual([])
    expect(problems('@dataset{k, title={T}}')).toEqual(['`@dataset` entry `k` needs `author` or `editor`', '`@dataset` entry `k` needs `year` or `date`'])
    expect(problems('@software{k, author={A}, title={T}, year={2019}}')).toEqual([])
    expect(problems('@online{k, author={A}, title={T}, year={2024}}')).toEqual(['`@online` entry `k` needs `doi` or `url` or `eprint`'])
    expect(problems('@online{k, author={A}, title={T}, year={2024}, url={https://x.org/}}')).toEqual([])
    expect(problems('@report{k, author={A}, title={T}, institution={I}, year={2020}}')).toEqual(['`@report` entry `k` needs `type`'])
    expect(parseCitation('@DataSet{k, author={A}, title={T}, year={2019}}').entry?.type).toBe('dataset')
  })

  it('places an unbalanced brace at the field that holds it, not where the count runs out', () => {
    // A value left open: the next field starts inside it.
    expect(parseCitation('@misc{k,\n  title={a {b},\n  year={2020}\n}').problems).toEqual([
      {ruleId: 'bibtex-unbalanced-braces', reason: 'unbalanced braces: this value is never closed (a later line starts a field inside it)', line: 2, column: 9}
    ])
    // A value closed twice: the entry ends there, and its fields go on.
    expect(parseCitation('@misc{k,\n  title={a} b},\n  year={2020}\n}').problems).toEqual([
      {
        ruleId: 'bibtex-unbalanced-braces',
        reason: 'unbalanced braces: this `}` ends the entry, but its fields go on after it (a `}` too many)',
        line: 2,
        column: 14
      }
    ])
    // A key without its comma.
    expect(parseCitation('@misc{k\n  title={a},\n  year={2020}\n}').problems).toEqual([
      {ruleId: 'bibtex-syntax', reason: 'BibTeX syntax error: a comma must follow the key `k`', line: 1, column: 8}
    ])
    // The entry's own brace never closed.
    expect(parseCitation('@misc{k,\n  title={a},\n  year={2020}\n').problems).toEqual([
      {ruleId: 'bibtex-unbalanced-braces', reason: 'unclosed entry: the `{` that opens it is never closed', line: 1, column: 6}
    ])
  })
})
