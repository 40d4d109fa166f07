/**
 * The real tools: Debian's `bibtex` (texlive-binaries, styles from
 * texlive-base) reads every rendered file with `\nocite{*}` and the plain
 * style, and plain TeX typesets what it wrote; `biber` validates
 * datasets.biblatex.bib against biblatex's data model; pandoc's citeproc
 * formats all three bibliography files. Skipped with a visible reason where
 * the tools are missing locally, never in CI.
 */
import {parse as parseBibtex} from '@retorquere/bibtex-parser'
import {toolAvailable} from '@catalog/test-support'
import {describe, expect, it} from 'vitest'
import {biblatexEntry, bibliographyEntries, caseProtectedFields, checkBibliography, formatBibliography, renderBibliography} from '../src/index.js'
import {type BibtexRun, cases, loadCatalog, runBiber, runBibtex, runPandoc, tool, typesetBbl} from './helpers.js'

const bibtex = tool('bibtex', ['--version'], 'install texlive-binaries and texlive-base')
const tex = tool('tex', ['--version'], 'install texlive-binaries and texlive-base')
const biber = toolAvailable('biber', "Debian's biber")
const pandoc = toolAvailable('pandoc', "Debian's pandoc")

/**
 * What biber's data model says of a catalog beyond its required fields:
 * datasets.biblatex.bib keeps the source's fields, and Google Scholar exports
 * a journal's publisher with an article, which biblatex's `@article` has no
 * field for (biblatex leaves it out; only validation mentions it).
 */
const expectedBiberWarnings: Readonly<Record<string, readonly string[]>> = {
  'larger-catalog': ["Datamodel: Entry 'bustos2020padchest' (datasets.bib): Invalid field 'publisher' for entrytype 'article'"]
}

/** The words each title braces, as written inside the braces (simple groups only: no commands, no math). */
function bracedWords(bib: string): string[] {
  const {entries} = parseBibtex(bib, {raw: true, verbatimFields: [/.*/], sentenceCase: false, english: false})
  return entries.flatMap((entry) =>
    Object.entries(entry.fields).flatMap(([field, value]) =>
      caseProtectedFields.has(field) ? [...String(value).matchAll(/\{([^{}\\$]+)\}/g)].map((match) => match[1] ?? '') : []
    )
  )
}

/** What a clean run looks like: exit 0, no warning, no error, one \bibitem per entry. */
function expectClean(run: BibtexRun, keys: readonly string[]): void {
  expect(run.status, run.stdout).toBe(0)
  expect(`${run.stdout}\n${run.blg}`).not.toMatch(/Warning--|error message|There were \d+ warnings|I couldn't open|I found no/)
  const items = [...run.bbl.matchAll(/\\bibitem(?:\[[^\]]*\])?\{([^}]+)\}/g)].map((match) => match[1])
  expect(items.toSorted()).toEqual([...keys].toSorted())
}

function expectTypesets(bbl: string, {ascii}: {ascii: boolean}): void {
  const {status, log} = typesetBbl(bbl)
  expect(
    log.split('\n').filter((line) => line.startsWith('!')),
    log
  ).toEqual([])
  expect(status).toBe(0)
  // A character with no glyph: allowed only where a value keeps non-ASCII text.
  if (ascii) expect(log).not.toContain('Missing character')
}

describe.each(cases)('$name', ({name, input}) => {
  const {catalog} = loadCatalog(input)
  const outputs = renderBibliography(catalog)
  const keys = catalog.datasets.flatMap((dataset) => (dataset.citation ? [dataset.citation.key] : []))
  const combined = outputs.get('datasets.bib') ?? ''

  it.runIf(bibtex.run)(`bibtex typesets every entry of datasets.bib with no warning${bibtex.label}`, () => {
    expect(keys.length).toBeGreaterThan(0)
    expectClean(runBibtex(combined), keys)
  })

  it.runIf(bibtex.run)(`bibtex typesets each bib/<key>.bib on its own with no warning${bibtex.label}`, () => {
    for (const key of keys) expectClean(runBibtex(outputs.get(`bib/${key}.bib`) ?? ''), [key])
  })

  it.runIf(bibtex.run)(`abbrv and alpha, which abbreviate first names and build labels, run clean too${bibtex.label}`, () => {
    // Accents written as LaTeX keep the .bbl whole; raw UTF-8 would be cut to a lone byte (`Åsa` → `\303.`).
    const ascii = !/[^\p{ASCII}]/u.test(combined.replace(/^%.*$/gm, ''))
    for (const style of ['abbrv', 'alpha']) {
      const run = runBibtex(combined, style)
      expectClean(run, keys)
      if (ascii) expect(run.bbl).toMatch(/^\p{ASCII}*$/u)
    }
  })

  it.runIf(bibtex.run)(`plain.bst keeps the case of every word the titles brace${bibtex.label}`, () => {
    const printed = runBibtex(combined).bbl.replace(/[{}]/g, '').replace(/\s+/g, ' ')
    for (const word of bracedWords(combined)) expect(printed).toContain(word)
  })

  it.runIf(biber)('biber validates datasets.biblatex.bib against biblatex’s data model', () => {
    const run = runBiber(outputs.get('datasets.biblatex.bib') ?? '')
    expect(run.status, run.log).toBe(0)
    expect(run.log).toMatch(/Datamodel validation complete/)
    expect(run.warnings).toEqual(expectedBiberWarnings[name] ?? [])
  })

  it.runIf(pandoc)('pandoc’s citeproc formats every entry of each file, keeping the case of every braced word', () => {
    const words = bracedWords(outputs.get('datasets.biblatex.bib') ?? '')
    for (const file of ['datasets.bib', 'datasets.biblatex.bib', 'datasets.csl.json']) {
      const run = runPandoc(outputs.get(file) ?? '', file, keys)
      expect(run.status, run.stderr).toBe(0)
      expect(run.stderr, file).not.toMatch(/not found|warning/i)
      for (const word of words) expect(run.text, `${file}: ${word}`).toContain(word)
    }
  })

  it.runIf(bibtex.run && tex.run)(`TeX typesets the .bbl with no error${bibtex.label}${tex.label}`, () => {
    const ascii = !/[^\p{ASCII}]/u.test(combined.replace(/^%.*$/gm, ''))
    if (name !== 'special-characters') expect(ascii).toBe(true)
    expectTypesets(runBibtex(combined).bbl, {ascii})
    expectTypesets(runBibtex(combined, 'alpha').bbl, {ascii})
  })
})

describe('titles whose acronyms and mixed-case words a style must not recase', () => {
  const {catalog} = loadCatalog(cases.find((entry) => entry.name === 'biblatex-types')?.input ?? '')
  const outputs = renderBibliography(catalog)
  const keys = catalog.datasets.flatMap((dataset) => (dataset.citation ? [dataset.citation.key] : []))
  /** Written unbraced in the source; recased, they would read `Chexpert`, `Mimic-cxr`, `(isic)`, `chest x-ray`. */
  const kept = ['CheXpert:', 'CheXpert labeler', 'MIMIC-CXR', '(ISIC)', 'The ISIC', 'chest X-ray', 'AAAI']

  it.runIf(bibtex.run)(`keep their case in bibtex with plain.bst${bibtex.label}`, () => {
    const printed = runBibtex(outputs.get('datasets.bib') ?? '')
      .bbl.replace(/[{}]/g, '')
      .replace(/\s+/g, ' ')
    for (const text of kept) expect(printed).toContain(text)
    // Beside them, plain.bst did recase the title: the test sees what a style does.
    expect(printed).toContain('A large chest radiograph dataset with uncertainty labels')
  })

  it.runIf(pandoc)('keep their case in pandoc’s citeproc, from the .bib files and from the CSL-JSON', () => {
    for (const file of ['datasets.bib', 'datasets.biblatex.bib', 'datasets.csl.json']) {
      const {text} = runPandoc(outputs.get(file) ?? '', file, keys)
      for (const word of ['CheXpert', 'MIMIC-CXR', '(ISIC)', 'X-ray']) expect(text, `${file}: ${word}`).toContain(word)
      expect(text).not.toMatch(/Chexpert|Mimic|Isic|x-Ray/)
    }
  })
})

describe('a month written as a name', () => {
  const {catalog} = loadCatalog(cases.find((entry) => entry.name === 'biblatex-types')?.input ?? '')
  const edited = structuredClone(catalog)
  // Entries dated by `year` (with a `date`, biber takes the month from the date).
  const dated = edited.datasets.flatMap((dataset) => (dataset.citation?.fields['year'] === undefined ? [] : [dataset.citation]))
  for (const [index, month] of ['jan', 'February', 'mar'].entries()) {
    const citation = dated[index]
    if (citation) citation.fields['month'] = month
  }

  it.runIf(biber)('is one biber reads without a warning', () => {
    expect(runBiber(renderBibliography(edited).get('datasets.biblatex.bib') ?? '').warnings).toEqual([])
  })
})

describe('bibtex-year-range predicts which dates biber refuses', () => {
  const {catalog} = loadCatalog(cases.find((entry) => entry.name === 'biblatex-types')?.input ?? '')
  const dates = [
    '2019',
    '2019-11',
    '2019-11-14',
    '2019-11-14T10:30:00Z',
    '2018/2019',
    '2018/',
    '2019/..',
    '2019~',
    '2019%',
    '2019-21',
    'Nov 2019',
    '14/11/2019',
    '2019-13-45',
    '2019-11-32',
    '12019',
    '/'
  ]
  const edited = structuredClone(catalog)
  const template = edited.datasets.find((dataset) => dataset.citation?.type === 'software')
  if (!template?.citation) throw new Error('the fixture cites no software')
  edited.datasets = dates.map((date, index) => ({
    ...structuredClone(template),
    id: `date-${index}`,
    citation: {...structuredClone(template.citation), key: `date${index}`, fields: {title: 'T', author: 'Doe, Jane', date, url: 'https://example.org/'}}
  })) as typeof edited.datasets

  const refusedByCheck = checkBibliography(edited, {currentYear: 2024})
    .filter((finding) => finding.ruleId === 'bibtex-year-range')
    .map((finding) => Number(/^\/datasets\/(\d+)\//.exec(finding.pointer)?.[1]))

  it.runIf(biber)('one finding for each date biber drops, none for the others', () => {
    // The biblatex file alone: the CSL-JSON of a date that is none cannot be made (the checks stop the build first).
    const bib = formatBibliography(bibliographyEntries(edited).map(biblatexEntry))
    // As the .bib writes them: `2019%` is `2019\%` there.
    const refused = runBiber(bib).warnings.flatMap((warning) => /Invalid format '(.*)' of date field/.exec(warning)?.[1]?.replace(/\\/g, '') ?? [])
    expect(refused.length).toBeGreaterThan(0)
    expect(refusedByCheck.map((index) => dates[index]).toSorted()).toEqual(refused.toSorted())
  })

  it('renders every date it lets through, CSL-JSON included', () => {
    const accepted = structuredClone(edited)
    accepted.datasets = edited.datasets.filter((_, index) => !refusedByCheck.includes(index))
    expect(accepted.datasets.length).toBeGreaterThan(0)
    expect(() => renderBibliography(accepted)).not.toThrow()
  })
})

describe('values a JSON editor typed raw', () => {
  const {catalog} = loadCatalog(cases[0]?.input ?? '')
  const edited = structuredClone(catalog)
  const citation = edited.datasets[0]?.citation
  if (!citation) throw new Error('the real source has no first citation')
  citation.fields['title'] = 'Costs $5 & 10% off #1 of the data_set, x^2, for Jörg Müller’s “team” – 5 μm'
  citation.fields['note'] = 'Prices in $ and € at 37 °C'
  const bib = renderBibliography(edited).get('datasets.bib') ?? ''

  it('are escaped as the README says', () => {
    expect(bib).toContain(
      "title = {Costs \\$5 \\& 10\\% off \\#1 of the data\\_set, x{\\textasciicircum}2, for J{\\\"{o}}rg M{\\\"{u}}ller's ``team'' -- 5 {$\\mu$}m}"
    )
    expect(bib).toContain('note = {Prices in \\$ and {\\texteuro} at 37 {\\textdegree}C}')
  })

  it.runIf(bibtex.run && tex.run)(`and typeset by bibtex and TeX with no warning${bibtex.label}${tex.label}`, () => {
    const keys = edited.datasets.flatMap((dataset) => (dataset.citation ? [dataset.citation.key] : []))
    const run = runBibtex(bib)
    expectClean(run, keys)
    expectTypesets(run.bbl, {ascii: true})
  })
})

describe('the TeX harness', () => {
  it.runIf(bibtex.run && tex.run)(`stops on a raw # that escaping would have caught${bibtex.label}${tex.label}`, () => {
    const {catalog} = loadCatalog(cases[0]?.input ?? '')
    const bbl = runBibtex(renderBibliography(catalog).get('datasets.bib') ?? '').bbl
    const broken = bbl.replace('Scientific Data', 'Scientific # Data')
    expect(broken).not.toBe(bbl)
    const {status, log} = typesetBbl(broken)
    expect(status).not.toBe(0)
    expect(log).toContain("You can't use `macro parameter character #'")
  })
})

describe('bibtex-style-warning predicts what bibtex says', () => {
  const {catalog} = loadCatalog(cases[0]?.input ?? '')
  /** Entries that each trip one check of plain.bst, as a JSON editor could write them. */
  const entries: ReadonlyArray<{type: string; fields: Record<string, string>}> = [
    {type: 'misc', fields: {title: 'A dataset cited without authors', howpublished: 'Online', year: '2020'}},
    {type: 'misc', fields: {author: 'Doe, Jane', title: 'Dated by month only', month: 'jan'}},
    {type: 'article', fields: {author: 'Doe, Jane', title: 'An issue without a volume', journal: 'J', number: '3', year: '2020'}},
    {type: 'inproceedings', fields: {author: 'Doe, Jane', title: 'Volume and number', booktitle: 'Proc', volume: '33', number: '01', year: '2019'}},
    {type: 'inproceedings', fields: {author: 'Doe, Jane', title: 'Number without series', booktitle: 'Proc', number: '7', year: '2019'}},
    {type: 'book', fields: {author: 'Doe, Jane', editor: 'Roe, Rick', title: 'Written and edited', publisher: 'P', year: '2019'}},
    {type: 'proceedings', fields: {title: 'Proceedings without editors', year: '2019'}},
    {type: 'manual', fields: {title: 'A manual without authors'}},
    // A biblatex type, as its stand-in (`@misc`) in datasets.bib: plain.bst sorts a misc by its author alone.
    {type: 'dataset', fields: {editor: 'Doe, Jane', title: 'A dataset with editors only', publisher: 'A repository', year: '2020'}}
  ]
  const edited = structuredClone(catalog)
  const template = edited.datasets[0]
  if (!template?.citation) throw new Error('the real source has no first citation')
  edited.datasets = entries.map((entry, index) => ({
    ...structuredClone(template),
    id: `case-${index}`,
    citation: {...structuredClone(template.citation), type: entry.type, key: `case${index}`, fields: entry.fields}
  })) as typeof edited.datasets

  it.runIf(bibtex.run)(`one finding per warning, with bibtex's words${bibtex.label}`, () => {
    const predicted = checkBibliography(edited)
      .filter((finding) => finding.ruleId === 'bibtex-style-warning')
      .map((finding) => /warn "([^"]+)"/.exec(finding.message)?.[1])
      .toSorted()
    const run = runBibtex(renderBibliography(edited).get('datasets.bib') ?? '')
    const warned = [...run.stdout.matchAll(/^Warning--(.*)$/gm)].map((match) => match[1]).toSorted()
    expect(warned.length).toBeGreaterThanOrEqual(entries.length)
    expect(predicted).toEqual(warned)
  })
})
