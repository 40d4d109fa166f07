import {spawnSync} from 'node:child_process'
import {copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Catalog} from '@catalog/schema'
import {frozenCatalog, frozenSourcePath} from '@catalog/test-support'
import {fixtureCatalog} from './catalog-json.js'

export {lineOf, frozenSourcePath, replaceOnce} from '@catalog/test-support'

export const fixturesRoot = fileURLToPath(new URL('fixtures/', import.meta.url))

/** The catalogs the suite renders, by their markdown: the real source and the fixtures beside this file. */
export const cases: ReadonlyArray<{name: string; input: string}> = [
  {name: 'real-source', input: frozenSourcePath},
  {name: 'larger-catalog', input: path.join(fixturesRoot, 'larger-catalog/input.md')},
  {name: 'special-characters', input: path.join(fixturesRoot, 'special-characters/input.md')},
  {name: 'biblatex-types', input: path.join(fixturesRoot, 'biblatex-types/input.md')}
]

/**
 * The catalog of a case, as JSON validated by the schema (the renderers are
 * tested on the data, not on the parse): the frozen catalog JSON for the
 * frozen source, else the fixture's `input.json` (see catalog-json.ts); and
 * the text of its markdown, for the tests that edit the source and parse it.
 */
export function loadCatalog(input: string): {catalog: Catalog; text: string} {
  const text = readFileSync(input, 'utf8')
  return {catalog: input === frozenSourcePath ? frozenCatalog() : fixtureCatalog(input), text}
}

/**
 * Whether a system tool can be run. Tests that need it skip, with the reason
 * in their name, when it is missing on a developer's machine; in CI
 * (`CI` set) they run anyway and fail, so that a missing tool is never a pass.
 */
export function tool(command: string, args: readonly string[], installHint: string): {run: boolean; label: string} {
  const found = spawnSync(command, [...args], {encoding: 'utf8'}).error === undefined
  const inCi = Boolean(process.env['CI'])
  if (found || inCi) return {run: true, label: ''}
  const reason = `\`${command}\` is not installed; ${installHint}`
  // The default reporter only counts skipped tests: say why once, where it shows.
  console.warn(`Skipping the tests that run ${command}: ${reason} (in CI they fail instead).`)
  return {run: false, label: ` [skipped: ${reason}]`}
}

export interface BibtexRun {
  status: number | null
  stdout: string
  blg: string
  bbl: string
}

/**
 * Run Debian's real `bibtex` over a .bib file, citing every entry
 * (`\nocite{*}` writes `\citation{*}` into the .aux), with a standard style.
 */
export function runBibtex(bib: string, style = 'plain'): BibtexRun {
  return inTempDir((dir) => {
    writeFileSync(path.join(dir, 'datasets.bib'), bib)
    writeFileSync(path.join(dir, 'test.aux'), `\\relax\n\\citation{*}\n\\bibstyle{${style}}\n\\bibdata{datasets}\n`)
    const result = spawnSync('bibtex', ['test'], {cwd: dir, encoding: 'utf8'})
    if (result.error) throw result.error
    return {status: result.status, stdout: result.stdout, blg: readIfThere(path.join(dir, 'test.blg')), bbl: readIfThere(path.join(dir, 'test.bbl'))}
  })
}

/**
 * Run Debian's `biber` in tool mode with `--validate-datamodel` over a .bib
 * file: biblatex's data model holds it to its entry types, their required
 * fields and the fields each type has. Its warnings, without the `WARN - `.
 */
export function runBiber(bib: string): {status: number | null; warnings: string[]; log: string} {
  return inTempDir((dir) => {
    writeFileSync(path.join(dir, 'datasets.bib'), bib)
    const result = spawnSync('biber', ['--tool', '--validate-datamodel', '--outfile', path.join(dir, 'out.bib'), 'datasets.bib'], {cwd: dir, encoding: 'utf8'})
    if (result.error) throw result.error
    const log = `${result.stdout}\n${result.stderr}`
    return {status: result.status, warnings: [...log.matchAll(/^(?:WARN|ERROR) - (.*)$/gm)].map((match) => match[1] ?? ''), log}
  })
}

/**
 * Format every entry of a bibliography file (.bib, read by pandoc as
 * biblatex, or CSL-JSON) with pandoc's citeproc and its default style
 * (Chicago author-date, which title-cases titles), as a researcher writing
 * in markdown does: a document citing each key, rendered as plain text on
 * long lines.
 */
export function runPandoc(bibliography: string, fileName: string, keys: readonly string[]): {status: number | null; text: string; stderr: string} {
  return inTempDir((dir) => {
    writeFileSync(path.join(dir, fileName), bibliography)
    writeFileSync(path.join(dir, 'paper.md'), `Cited ${keys.map((key) => `[@${key}]`).join(', ')}.\n`)
    const result = spawnSync('pandoc', ['paper.md', '--citeproc', '--bibliography', fileName, '--to', 'plain', '--wrap', 'none'], {cwd: dir, encoding: 'utf8'})
    if (result.error) throw result.error
    return {status: result.status, text: result.stdout, stderr: result.stderr}
  })
}

/** The plain TeX harness beside this file: LaTeX's bibliography commands for `tex`. */
const harnessPath = fileURLToPath(new URL('typeset.tex', import.meta.url))

/** Typeset a .bbl with plain TeX through the harness above. */
export function typesetBbl(bbl: string): {status: number | null; log: string} {
  return inTempDir((dir) => {
    writeFileSync(path.join(dir, 'test.bbl'), bbl)
    copyFileSync(harnessPath, path.join(dir, 'typeset.tex'))
    const result = spawnSync('tex', ['-interaction=nonstopmode', '-halt-on-error', 'typeset.tex'], {cwd: dir, encoding: 'utf8'})
    if (result.error) throw result.error
    return {status: result.status, log: readIfThere(path.join(dir, 'typeset.log'))}
  })
}

function inTempDir<T>(work: (dir: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'catalog-bibtex-'))
  try {
    return work(dir)
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}

function readIfThere(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return ''
  }
}
