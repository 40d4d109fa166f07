import {spawnSync} from 'node:child_process'
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {registerSchema, validate} from '@hyperjump/json-schema/draft-2020-12'
import {beforeAll, describe, expect, it} from 'vitest'
import {resolveInside} from '../src/index.js'
import {frozenCatalogPath, lineOf} from '@catalog/test-support'
import {realSource, replaceOnce, repoRoot, run, seedPath, snapshot, tempFolder} from './helpers.js'

const seed = readFileSync(seedPath)

describe('catalog build', () => {
  let folder: string
  beforeAll(async () => {
    folder = tempFolder()
    writeFileSync(path.join(folder, 'catalog.md'), realSource)
    const result = await run(['build', '--source', 'catalog.md', '--out', 'out'], folder)
    expect(result.code, result.stderr).toBe(0)
  })

  it('writes the catalog JSON the frozen source stands for', () => {
    expect(readFileSync(path.join(folder, 'out/datasets.json'), 'utf8')).toBe(readFileSync(frozenCatalogPath, 'utf8'))
  })

  it('writes JSON that an independent validator accepts against the published schema', async () => {
    const schema = JSON.parse(readFileSync(path.join(folder, 'out/schema.json'), 'utf8')) as {$id: string}
    registerSchema(schema as Parameters<typeof registerSchema>[0])
    const output = await validate(schema.$id, JSON.parse(readFileSync(path.join(folder, 'out/datasets.json'), 'utf8')))
    expect(output.valid).toBe(true)
    const broken = JSON.parse(readFileSync(path.join(folder, 'out/datasets.json'), 'utf8')) as {datasets: Array<{rating: number}>}
    if (broken.datasets[0]) broken.datasets[0].rating = 7
    expect((await validate(schema.$id, broken)).valid).toBe(false)
  })

  it('prints warnings as FILE:LINE:COL lines and a summary', async () => {
    const result = await run(['validate', '--source', 'catalog.md'], folder)
    expect(result.code).toBe(0)
    expect(result.stderr).toContain('catalog.md:67:1: warning: "Labels (14 Observations)" of CHEXPERT has no Português translation [missing-translation]\n')
    // Inside the citation block: its key line, its author line.
    expect(result.stderr).toContain('catalog.md:37:1: warning: `johnson2019mimic` has no `doi`, `url` or `eprint`')
    expect(result.stderr).toContain('catalog.md:39:1: warning: the authors of `johnson2019mimic` end in "and others"')
    // Three translations missing; four citations without a DOI or URL, each with its authors cut short.
    expect(result.stderr).toContain('0 errors, 11 warnings\n')
  })

  it('fails on warnings with --strict', async () => {
    expect((await run(['validate', '--source', 'catalog.md', '--strict'], folder)).code).toBe(1)
  })
})

describe('a catalog that cites a data set as biblatex does', () => {
  // MIMIC-CXR cited as PhysioNet's DataCite record describes the data set: biblatex's @dataset, DOI and version.
  const dataset = replaceOnce(
    realSource,
    '@article{johnson2019mimic,\n  title={MIMIC-CXR, a de-identified publicly available database of chest radiographs with free-text reports},\n  author={Johnson, Alistair EW and others},\n  journal={Scientific Data},\n  volume={6},\n  number={1},\n  pages={317},\n  year={2019}\n}',
    '@dataset{johnson2019mimiccxr,\n  title={MIMIC-CXR Database},\n  author={Johnson, Alistair and Pollard, Tom and Mark, Roger and Berkowitz, Seth and Horng, Steven},\n  publisher={PhysioNet},\n  version={2.0.0},\n  year={2019},\n  doi={10.13026/C2JT1Q}\n}'
  )

  it('builds: classic BibTeX in datasets.bib, the @dataset itself in datasets.biblatex.bib, a CSL dataset, each offered on the page', async () => {
    const folder = tempFolder()
    writeFileSync(path.join(folder, 'catalog.md'), dataset)
    const result = await run(['build', '--source', 'catalog.md', '--out', 'out', '--reporter', 'json'], folder)
    expect(result.code, result.stderr).toBe(0)
    // Nothing said of it: the other citations keep their warnings.
    const reported = JSON.parse(result.stdout) as Array<{line: number; message: string}>
    expect(reported.filter((diagnostic) => diagnostic.message.includes('johnson2019mimiccxr'))).toEqual([])
    const out = (file: string): string => readFileSync(path.join(folder, 'out', file), 'utf8')
    expect(out('datasets.bib')).toContain('@misc{johnson2019mimiccxr,\n  title = {{MIMIC-CXR} Database},')
    expect(out('bib/johnson2019mimiccxr.bib')).toContain(
      '  howpublished = {PhysioNet},\n  year = {2019},\n  note = {Version 2.0.0},\n  doi = {10.13026/C2JT1Q},\n'
    )
    expect(out('datasets.biblatex.bib')).toContain('@dataset{johnson2019mimiccxr,\n  title = {{MIMIC-CXR} Database},')
    const items = JSON.parse(out('datasets.csl.json')) as Array<{id: string; type: string; DOI?: string; version?: string}>
    expect(items.find((item) => item.id === 'johnson2019mimiccxr')).toMatchObject({type: 'dataset', DOI: '10.13026/C2JT1Q', version: '2.0.0'})
    for (const file of ['datasets.bib', 'datasets.biblatex.bib', 'datasets.csl.json']) expect(out('index.html')).toContain(`href="${file}"`)
  })
})

describe('a build with errors', () => {
  const cases: Array<[string, string | Buffer, string]> = [
    [
      'seven stars',
      replaceOnce(realSource, '### ⭐⭐⭐⭐ MIMIC-CXR - The Largest', '### ⭐⭐⭐⭐⭐⭐⭐ MIMIC-CXR - The Largest'),
      ':13:1: error: MIMIC-CXR is rated 7 stars'
    ],
    ['unclosed BibTeX', replaceOnce(realSource, '  year={2013}\n}', '  year={2013}\n'), ': error: unclosed entry'],
    ['mojibake', seed, 'catalog.md:1:50: error: the text is UTF-8 that was decoded as Mac Roman'],
    ['binary', Buffer.from([0, 1, 2, 3]), 'catalog.md:1:1: error: the file is binary'],
    ['empty', '', 'catalog.md:1:1: error: the file is empty [empty-file]']
  ]
  for (const [name, input, expected] of cases) {
    it(`${name}: exits 1 and leaves the previous output bit-identical`, async () => {
      const folder = tempFolder()
      writeFileSync(path.join(folder, 'catalog.md'), realSource)
      expect((await run(['build', '--source', 'catalog.md', '--out', 'out'], folder)).code).toBe(0)
      const before = snapshot(`${folder}/out`)
      writeFileSync(path.join(folder, 'catalog.md'), input)
      const result = await run(['build', '--source', 'catalog.md', '--out', 'out'], folder)
      expect(result.code).toBe(1)
      expect(result.stderr).toContain(expected)
      expect(result.stderr).not.toMatch(/\n\s+at /)
      expect(snapshot(`${folder}/out`)).toEqual(before)
    })
  }

  it('names a missing source file', async () => {
    const result = await run(['validate', '--source', 'nope.md'], tempFolder())
    expect(result).toMatchObject({code: 1, stderr: expect.stringContaining('nope.md:1:1: error: cannot read the source: no such file [unreadable-file]')})
  })
})

describe('reporters', () => {
  const folder = tempFolder()
  writeFileSync(path.join(folder, 'catalog.md'), replaceOnce(realSource, '@article{johnson2019mimic,', '@article{../../evil,'))

  it('json prints an array of diagnostics on stdout', async () => {
    const result = await run(['validate', '--source', 'catalog.md', '--reporter', 'json'], folder)
    expect(result.code).toBe(1)
    const diagnostics = JSON.parse(result.stdout) as Array<Record<string, unknown>>
    expect(diagnostics).toContainEqual({
      file: 'catalog.md',
      line: 37,
      column: 1,
      severity: 'error',
      ruleId: 'unsafe-citation-key',
      message: 'the citation key `../../evil` cannot name a file: it holds characters some systems refuse in a file name (use letters, digits and `_.-` only)'
    })
  })

  it('github prints workflow annotations', async () => {
    const result = await run(['validate', '--source', 'catalog.md', '--reporter', 'github'], folder)
    expect(result.stdout).toContain('::error file=catalog.md,line=37,col=1,title=unsafe-citation-key::the citation key `../../evil` cannot name a file')
    const clean = tempFolder()
    writeFileSync(path.join(clean, 'catalog.md'), realSource)
    const warnings = await run(['validate', '--source', 'catalog.md', '--reporter', 'github'], clean)
    expect(warnings.stdout).toContain(`::warning file=catalog.md,line=${lineOf(realSource, '**Labels (14 Observations):**')},col=1,title=missing-translation::`)
  })
})

describe('catalog check', () => {
  it('names stale, missing and extra files', async () => {
    const folder = tempFolder()
    writeFileSync(path.join(folder, 'catalog.md'), realSource)
    await run(['build', '--source', 'catalog.md', '--out', 'out'], folder)
    writeFileSync(path.join(folder, 'out/datasets.json'), '{}\n')
    writeFileSync(path.join(folder, 'out/stray.txt'), 'x')
    const result = await run(['check', '--source', 'catalog.md', '--out', 'out'], folder)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`${path.join('out', 'datasets.json')}: differs from what build writes`)
    expect(result.stderr).toContain(`${path.join('out', 'stray.txt')}: would be removed by build`)
  })
})

describe('catalog fix-encoding', () => {
  it('prints the repaired seed, which is the source byte for byte', async () => {
    const folder = tempFolder()
    writeFileSync(path.join(folder, 'seed.md'), seed)
    const result = await run(['fix-encoding', 'seed.md'], folder)
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(realSource)
    expect(readFileSync(path.join(folder, 'seed.md'))).toEqual(seed)
  })

  it('rewrites the file with --write', async () => {
    const folder = tempFolder()
    writeFileSync(path.join(folder, 'seed.md'), seed)
    expect((await run(['fix-encoding', 'seed.md', '--write'], folder)).code).toBe(0)
    expect(readFileSync(path.join(folder, 'seed.md'), 'utf8')).toBe(realSource)
  })

  it('refuses when the repair would lose text, and leaves the file alone', async () => {
    const folder = tempFolder()
    writeFileSync(path.join(folder, 'mixed.md'), 'M√©dica with a real 😀\n')
    const result = await run(['fix-encoding', 'mixed.md', '--write'], folder)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('mixed.md:1:21: error: cannot repair losslessly')
    expect(readFileSync(path.join(folder, 'mixed.md'), 'utf8')).toBe('M√©dica with a real 😀\n')
  })

  it('says so when there is nothing to repair', async () => {
    const folder = tempFolder()
    writeFileSync(path.join(folder, 'clean.md'), realSource)
    expect((await run(['fix-encoding', 'clean.md'], folder)).stderr).toContain('no mojibake found')
  })
})

describe('usage', () => {
  it.each([
    [['bogus'], 'unknown command "bogus"'],
    [['build', '--nope'], "Unknown option '--nope'"],
    [['validate', '--reporter', 'xml'], 'unknown reporter "xml"'],
    [['fix-encoding'], 'fix-encoding takes exactly one FILE']
  ])('%j exits 2', async (args, message) => {
    const result = await run(args, tempFolder())
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(message)
  })

  it.each([['--help'], ['build', '--help'], ['validate', '-h'], ['check', '--help'], ['fix-encoding', '--help']])('%j prints help', async (...args) => {
    const result = await run(args, tempFolder())
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^Usage: catalog/)
  })
})

describe('output paths', () => {
  it('never resolve outside the output folder', () => {
    expect(resolveInside('/tmp/out', 'bib/a.bib')).toBe('/tmp/out/bib/a.bib')
    for (const bad of ['../x', 'bib/../../x', '/etc/passwd', '..']) expect(() => resolveInside('/tmp/out', bad)).toThrow(/outside/)
  })
})

describe('the installed bin', () => {
  it('runs as `catalog` with exit codes and no stack trace', () => {
    const bin = path.join(repoRoot, 'node_modules/.bin/catalog')
    expect(existsSync(bin)).toBe(true)
    const folder = tempFolder()
    writeFileSync(path.join(folder, 'catalog.md'), Buffer.from([0xff, 0xfe, 0x00]))
    const result = spawnSync(bin, ['validate', '--source', 'catalog.md'], {cwd: folder, encoding: 'utf8'})
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('catalog.md:1:1: error: the file is binary')
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })

  // The bin runs the bundle (scripts/bundle.mjs), not the modules these tests import: run every command through it.
  it('runs every command from the bundle', () => {
    const bin = path.join(repoRoot, 'node_modules/.bin/catalog')
    const folder = tempFolder()
    writeFileSync(path.join(folder, 'catalog.md'), realSource)
    const catalog = (args: string[]) => spawnSync(bin, args, {cwd: folder, encoding: 'utf8'})
    const source = ['--source', 'catalog.md']
    for (const [args, code, output] of [
      [['build', ...source, '--out', 'out'], 0, /wrote \d+ files to out/],
      [['check', ...source, '--out', 'out', '--no-cache'], 0, /out is fresh/],
      [['validate', ...source, '--reporter', 'json'], 0, /"ruleId": "missing-translation"/],
      [['format', ...source, '--check'], 0, /catalog.md is in canonical form/],
      [['i18n', ...source], 0, /translated/],
      [['render', '--data', 'out/datasets.json', '--out', 'rendered'], 0, /rendered \d+ files to rendered/],
      [['vocabulary', ...source, '--check'], 0, /declares every label the source uses/],
      [['fix-encoding', 'catalog.md'], 1, /no mojibake found/],
      [['watch', '--help'], 0, /Usage: catalog watch/],
      // Last: it changes the source.
      [['new', ...source, '--name', 'Example', '--category', 'large-scale-chest-x-ray-datasets'], 0, /added Example \(example\)/]
    ] as const) {
      const result = catalog([...args])
      expect({args, code: result.status}).toEqual({args, code})
      expect(result.stdout + result.stderr).toMatch(output)
    }
    // From the JSON alone, the same files (the feeds name the JSON's hash as their source, not the markdown's).
    expect(Object.keys(snapshot(path.join(folder, 'rendered')))).toEqual(Object.keys(snapshot(path.join(folder, 'out'))))
  })
})

describe('catalog check from a recorded run', () => {
  it('loads neither the parser nor a renderer: the build command statically imports none of their code', () => {
    // The bundle keeps each module's path in a comment (`// ../../node_modules/micromark/...`, `// dist/lib/outputs.js`).
    const folder = fileURLToPath(new URL('../dist/bundle/', import.meta.url))
    const entry = readdirSync(folder).find((name) => name.startsWith('build-'))
    expect(entry).toBeDefined()
    const seen = new Set<string>()
    const visit = (name: string): void => {
      if (seen.has(name)) return
      seen.add(name)
      for (const [, imported] of readFileSync(path.join(folder, name), 'utf8').matchAll(/^\s*(?:import|export)\b[^;]*?from "\.\/([^"]+)"/gm))
        visit(imported ?? '')
    }
    visit(entry ?? '')
    const loaded = [...seen].map((name) => readFileSync(path.join(folder, name), 'utf8')).join('\n')
    for (const heavy of [
      'node_modules/micromark',
      'node_modules/handlebars',
      'node_modules/@citation-js',
      'dist/lib/outputs.js',
      'dist/lib/read.js',
      'catalog-validator.generated.js'
    ])
      expect({heavy, loaded: loaded.includes(heavy)}).toEqual({heavy, loaded: false})
    expect(loaded).toContain('dist/lib/check-record.js')
  })

  it('judges dist/ by hashes when the inputs are byte for byte those of the last build, and not otherwise', async () => {
    const folder = tempFolder()
    writeFileSync(path.join(folder, 'catalog.md'), realSource)
    expect((await run(['build', '--source', 'catalog.md', '--out', 'out'], folder)).code).toBe(0)
    const records = () => readdirSync(path.join(folder, 'node_modules/.cache/catalog')).filter((name) => name.startsWith('check-'))
    expect(records()).toHaveLength(1)
    const fresh = await run(['check', '--source', 'catalog.md', '--out', 'out'], folder)
    expect(fresh.code).toBe(0)
    expect(fresh.stderr).toContain('0 errors, 11 warnings')
    writeFileSync(path.join(folder, 'out/feed.json'), '{}\n')
    const stale = await run(['check', '--source', 'catalog.md', '--out', 'out'], folder)
    expect(stale.code).toBe(1)
    expect(stale.stderr).toContain(`${path.join('out', 'feed.json')}: differs from what build writes`)
    // An edited source has no record: the full check runs and names what the edit changes.
    writeFileSync(path.join(folder, 'catalog.md'), replaceOnce(realSource, '**Description:** ISIC is', '**Description:** ISIC, edited, is'))
    const edited = await run(['check', '--source', 'catalog.md', '--out', 'out'], folder)
    expect(edited.code).toBe(1)
    expect(edited.stderr).toContain(`${path.join('out', 'datasets.json')}: differs from what build writes`)
    expect(records()).toHaveLength(2)
  })
})
