/**
 * The real tools: Debian's `bibtex` (texlive-binaries, styles from
 * texlive-base) reads every rendered file with `\nocite{*}` and the plain
 * style, and plain TeX typesets what it wrote. Skipped with a visible reason
 * where the tools are missing locally, never in CI.
 */
import {describe, expect, it} from 'vitest'
import {checkBibliography, renderBibliography} from '../src/index.js'
import {type BibtexRun, cases, loadCatalog, runBibtex, tool, typesetBbl} from './helpers.js'

const bibtex = tool('bibtex', ['--version'], 'install texlive-binaries and texlive-base')
const tex = tool('tex', ['--version'], 'install texlive-binaries and texlive-base')

/** What a clean run looks like: exit 0, no warning, no error, one \bibitem per entry. */
function expectClean(run: BibtexRun, keys: readonly string[]): void {
  expect(run.status, run.stdout).toBe(0)
  expect(`${run.stdout}\n${run.blg}`).not.toMatch(/Warning--|error message|There were \d+ warnings|I couldn't open|I found no/)
  const items = [...run.bbl.matchAll(/\\bibitem(?:\[[^\]]*\])?\{([^}]+)\}/g)].map((match) => match[1])
  expect(items.toSorted()).toEqual([...keys].toSorted())
}

function expectTypesets(bbl: string, {ascii}: {ascii: boolean}): void {
  const {status, log} = typesetBbl(bbl)
  expect(log.split('\n').filter((line) => line.startsWith('!')), log).toEqual([])
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
    const ascii = !/[^\x00-\x7f]/.test(combined.replace(/^%.*$/gm, ''))
    for (const style of ['abbrv', 'alpha']) {
      const run = runBibtex(combined, style)
      expectClean(run, keys)
      if (ascii) expect(run.bbl).toMatch(/^[\x00-\x7f]*$/)
    }
  })

  it.runIf(bibtex.run && tex.run)(`TeX typesets the .bbl with no error${bibtex.label}${tex.label}`, () => {
    const ascii = !/[^\x00-\x7f]/.test(combined.replace(/^%.*$/gm, ''))
    if (name !== 'special-characters') expect(ascii).toBe(true)
    expectTypesets(runBibtex(combined).bbl, {ascii})
    expectTypesets(runBibtex(combined, 'alpha').bbl, {ascii})
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
    {type: 'manual', fields: {title: 'A manual without authors'}}
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
