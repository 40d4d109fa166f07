/**
 * The commands that keep the languages and the outputs in sync: format,
 * render, i18n and i18n accept, and the translation status of build.
 */
import {existsSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {frozenCatalogPath} from '@catalog/test-support'
import {realLock, realSource, replaceOnce, run, tempFolder} from './helpers.js'

/** A folder with the real source and its committed lock, as the repository has them. */
function sourceFolder(source = realSource): string {
  const folder = tempFolder()
  writeFileSync(path.join(folder, 'datasets.md'), source)
  writeFileSync(path.join(folder, 'translations.lock.json'), realLock)
  return folder
}

/** The source's bytes and modification time, to prove it untouched. */
function sourceState(folder: string): string {
  const file = path.join(folder, 'datasets.md')
  return `${statSync(file).mtimeMs} ${readFileSync(file, 'base64')}`
}

/** The real source in another style: `*` bullets, a separator dropped, extra blank lines. */
const tasks =
  '- Radiology report generation\n- Multi-label disease classification (14 observations)\n- Natural language processing on medical reports\n- Weakly-supervised learning from reports\n'
const messy = replaceOnce(
  replaceOnce(realSource, tasks, tasks.replaceAll('- ', '* ')),
  '\n---\n\n## 🧬 Cancer and Pathology Datasets\n',
  '\n\n\n## 🧬 Cancer and Pathology Datasets\n'
)

describe('catalog build and the translation state', () => {
  it('writes the regenerated documents and i18n-status.json, and prints a one-line summary', async () => {
    const folder = sourceFolder()
    const result = await run(['build', '--source', 'datasets.md', '--out', 'out'], folder)
    expect(result.code, result.stderr).toBe(0)
    expect(readFileSync(path.join(folder, 'out/README.md'), 'utf8')).toBe(realSource)
    for (const name of ['en/README.md', 'pt/README.md', 'i18n-status.json']) expect(existsSync(path.join(folder, 'out', name))).toBe(true)
    const status = JSON.parse(readFileSync(path.join(folder, 'out/i18n-status.json'), 'utf8')) as {counts: Record<string, number>}
    expect(status.counts).toEqual({missing: 3, outdated: 0, unconfirmed: 0, orphan: 0, untranslated: 0, mismatch: 0})
    // A state, and where to see it: the build succeeded, so nothing reads as a failed check.
    expect(result.stderr).toMatch(/^catalog: translation: pt [\d.]+% translated \(\d+ of \d+ segments\), 3 missing; run `catalog i18n` to see them$/m)
    expect(result.stderr).not.toMatch(/failed/)
  })

  it('an EN edit only warns: the build still writes', async () => {
    const folder = sourceFolder(replaceOnce(realSource, 'Label noise handling', 'Label-noise handling'))
    const result = await run(['build', '--source', 'datasets.md', '--out', 'out'], folder)
    expect(result.code).toBe(0)
    expect(result.stderr).toContain(', 1 outdated')
  })

  it('regenerates the canonical source as README.md', async () => {
    const folder = sourceFolder()
    expect((await run(['build', '--source', 'datasets.md', '--out', 'out'], folder)).code).toBe(0)
    expect(readFileSync(path.join(folder, 'out/README.md'), 'utf8')).toBe(realSource)
  })
})

describe('catalog format', () => {
  it('--check passes on the committed source and fails on another style', async () => {
    expect((await run(['format', '--check', '--source', 'datasets.md'], sourceFolder())).code).toBe(0)
    const folder = sourceFolder(messy)
    const before = sourceState(folder)
    const result = await run(['format', '--check', '--source', 'datasets.md'], folder)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('not in canonical form')
    expect(sourceState(folder)).toBe(before)
  })

  it('rewrites another style into the canonical source, and changes nothing the second time', async () => {
    const folder = sourceFolder(messy)
    expect((await run(['format', '--source', 'datasets.md'], folder)).code).toBe(0)
    expect(readFileSync(path.join(folder, 'datasets.md'), 'utf8')).toBe(realSource)
    const before = sourceState(folder)
    expect((await run(['format', '--source', 'datasets.md'], folder)).stderr).toContain('already in canonical form')
    expect(sourceState(folder)).toBe(before)
  })

  it('refuses a source with errors, or with comments it would drop', async () => {
    const broken = sourceFolder(replaceOnce(realSource, '### ⭐⭐⭐⭐ MIMIC-CXR - The Largest', '### ⭐⭐⭐⭐⭐⭐⭐ MIMIC-CXR - The Largest'))
    expect((await run(['format', '--source', 'datasets.md'], broken)).code).toBe(1)
    const commented = sourceFolder(`<!-- catalog-disable missing-translation -->\n${realSource}`)
    const result = await run(['format', '--source', 'datasets.md'], commented)
    expect(result).toMatchObject({code: 1, stderr: expect.stringContaining('datasets.md:1:1: error: the canonical form keeps no HTML comments')})
  })
})

describe('catalog render', () => {
  it('renders every output from an edited JSON: a rating and a description are found in each', async () => {
    const folder = tempFolder()
    const catalog = JSON.parse(readFileSync(frozenCatalogPath, 'utf8')) as {
      datasets: Array<{id: string; rating: number; description: {text: Record<string, string>}}>
    }
    const isic = catalog.datasets.find((dataset) => dataset.id === 'isic')
    if (!isic) throw new Error('no ISIC')
    isic.rating = 2
    isic.description.text['en'] = 'ISIC, as a script rewrote it.'
    isic.description.text['pt'] = 'ISIC, como um script o reescreveu.'
    writeFileSync(path.join(folder, 'catalog.json'), JSON.stringify(catalog))
    const result = await run(['render', '--data', 'catalog.json', '--out', 'out'], folder)
    expect(result.code, result.stderr).toBe(0)
    const outputs = {
      'README.md': ['### ⭐⭐ ISIC - ', 'ISIC, as a script rewrote it.', 'ISIC, como um script o reescreveu.'],
      'en/README.md': ['### ⭐⭐ ISIC - ', 'ISIC, as a script rewrote it.'],
      'pt/README.md': ['### ⭐⭐ ISIC - ', 'ISIC, como um script o reescreveu.'],
      'datasets.json': ['"rating": 2', 'ISIC, as a script rewrote it.']
    }
    for (const [name, needles] of Object.entries(outputs)) {
      const text = readFileSync(path.join(folder, 'out', name), 'utf8')
      for (const needle of needles) expect(text, `${name} has ${needle}`).toContain(needle)
    }
  })

  it('validates against the schema first and writes nothing when invalid', async () => {
    const folder = tempFolder()
    const catalog = JSON.parse(readFileSync(frozenCatalogPath, 'utf8')) as {datasets: Array<{rating: number}>}
    if (catalog.datasets[0]) catalog.datasets[0].rating = 9
    const text = JSON.stringify(catalog, null, 2)
    writeFileSync(path.join(folder, 'catalog.json'), text)
    const result = await run(['render', '--data', 'catalog.json', '--out', 'out'], folder)
    // Named at the line of the rating, and by its pointer.
    const line = text.split('\n').findIndex((entry) => entry.includes('"rating": 9')) + 1
    expect(result).toMatchObject({code: 1, stderr: expect.stringContaining(`catalog.json:${line}:7: error: /datasets/0/rating must be <= 5 [schema]`)})
    expect(existsSync(path.join(folder, 'out'))).toBe(false)
    // A syntax error at its character.
    writeFileSync(path.join(folder, 'catalog.json'), text.replace('"rating": 9', '"rating": 9,,'))
    const broken = await run(['render', '--data', 'catalog.json', '--out', 'out'], folder)
    expect(broken).toMatchObject({code: 1, stderr: expect.stringContaining(`catalog.json:${line}:19: error: the catalog JSON: it is not JSON`)})
  })
})

describe('catalog render refuses text that would smuggle markup into the documents', () => {
  it.each([
    ['a raw HTML block', 'ISIC.\n\n<script>alert(1)</script>'],
    ['a heading', 'ISIC.\n\n## 🔓 Injected section'],
    ['a second paragraph', 'ISIC.\n\nAnother paragraph.']
  ])('%s in a description', async (_, text) => {
    const folder = tempFolder()
    const catalog = JSON.parse(readFileSync(frozenCatalogPath, 'utf8')) as {datasets: Array<{description: {text: Record<string, string>}}>}
    const first = catalog.datasets[0]
    if (!first) throw new Error('no dataset')
    first.description.text['en'] = text
    writeFileSync(path.join(folder, 'catalog.json'), JSON.stringify(catalog))
    const result = await run(['render', '--data', 'catalog.json', '--out', 'out'], folder)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/\[render-round-trip\]/)
    expect(existsSync(path.join(folder, 'out'))).toBe(false)
  })
})

describe('catalog i18n', () => {
  it('the committed source reports only its EN-only lists, and exits 0', async () => {
    const result = await run(['i18n', '--source', 'datasets.md', '--json'], sourceFolder())
    expect(result.code).toBe(0)
    const {findings} = JSON.parse(result.stdout) as {findings: Array<{dataset: string; field: string; state: string; en: string; pt: null; line: number}>}
    expect(findings.map(({dataset, field, state, line}) => [dataset, field, state, line])).toEqual([
      ['chexpert', 'lists.labels-14-observations', 'missing', 67],
      ['tcga', 'lists.cancer-types-included', 'missing', 102],
      ['isic', 'lists.lesion-types', 'missing', 145]
    ])
    expect((await run(['i18n', '--source', 'datasets.md', '--strict'], sourceFolder())).code).toBe(1)
    expect((await run(['i18n', '--source', 'datasets.md', '--min-translated', '99'], sourceFolder())).code).toBe(1)
  })

  it('a PT number and a PT URL changed are mismatches at their PT lines; the table names them', async () => {
    const edited = replaceOnce(
      replaceOnce(realSource, '- **Tamanho:** 377.110 imagens', '- **Tamanho:** 377.100 imagens'),
      '- **URL:** [https://www.isic-archive.com/](https://www.isic-archive.com/)\n- **Licença:**',
      '- **URL:** [https://www.isic-archive.com/pt/](https://www.isic-archive.com/pt/)\n- **Licença:**'
    )
    const result = await run(['i18n', '--source', 'datasets.md'], sourceFolder(edited))
    expect(result.code).toBe(1)
    const lines = edited.split('\n')
    expect(result.stdout).toMatch(
      new RegExp(
        `^ *${lines.indexOf('- **Tamanho:** 377.100 imagens de raio-X de tórax de 227.835 estudos de imagem') + 1}  pt +mimic-cxr +facts\\.size +mismatch`,
        'm'
      )
    )
    expect(result.stdout).toMatch(
      new RegExp(
        `^ *${lines.indexOf('- **URL:** [https://www.isic-archive.com/pt/](https://www.isic-archive.com/pt/)') + 1}  pt +isic +access\\.url +mismatch`,
        'm'
      )
    )
    expect(result.stderr).toContain('catalog: translation check failed: 2 mismatch')
    // The same findings as workflow annotations: mismatches fail, so they warn; missing parts are notices.
    const github = await run(['i18n', '--source', 'datasets.md', '--reporter', 'github'], sourceFolder(edited))
    expect(github.code).toBe(1)
    const sizeLine = lines.indexOf('- **Tamanho:** 377.100 imagens de raio-X de tórax de 227.835 estudos de imagem') + 1
    expect(github.stdout).toContain(`::warning file=datasets.md,line=${sizeLine},col=1,title=number-mismatch::`)
    expect(github.stdout).toMatch(
      new RegExp(
        `^::notice file=datasets\\.md,line=${lines.indexOf('**Labels (14 Observations):**') + 1},col=1,title=missing-translation::.*Labels \\(14 Observations\\)`,
        'm'
      )
    )
    const annotations = github.stdout.trimEnd().split('\n')
    expect(annotations).toHaveLength(5)
    // Each titled with the rule, as `catalog validate` names it.
    for (const annotation of annotations)
      expect(annotation).toMatch(/^::(warning|notice) file=datasets\.md,line=\d+,col=1,title=(missing-translation|number-mismatch|url-mismatch)::/)
  })

  it('an EN edit is outdated until accept confirms it', async () => {
    const folder = sourceFolder(replaceOnce(realSource, 'Label noise handling', 'Label-noise handling'))
    const before = await run(['i18n', '--source', 'datasets.md'], folder)
    expect(before.code).toBe(1)
    expect(before.stdout).toMatch(/chexpert +tasks +outdated/)
    expect((await run(['i18n', 'accept', 'chexpert', '--source', 'datasets.md'], folder)).code).toBe(0)
    expect((await run(['i18n', '--source', 'datasets.md'], folder)).code).toBe(0)
    expect((await run(['i18n', 'accept', 'no-such-dataset', '--source', 'datasets.md'], folder)).code).toBe(2)
  })

  it('names a broken lock at its line, and says how to write it afresh', async () => {
    const folder = sourceFolder()
    const lock = readFileSync(path.join(folder, 'translations.lock.json'), 'utf8')
    const entry = '"description": "CheXpert is a large dataset'
    writeFileSync(path.join(folder, 'translations.lock.json'), lock.replace(entry, '"description": 7, "x": "'))
    const line = lock.split('\n').findIndex((text) => text.includes(entry)) + 1
    const result = await run(['i18n', '--source', 'datasets.md'], folder)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      new RegExp(
        `translations\\.lock\\.json:${line}:\\d+: error: the translation lock's entry "description" in "pt" \\(dataset "chexpert"\\) is not the confirmed text, .*; run \`catalog i18n accept\` to write it afresh \\[invalid-lock\\]`
      )
    )
  })

  it('accept writes the committed lock for the committed source', async () => {
    const folder = tempFolder()
    writeFileSync(path.join(folder, 'datasets.md'), realSource)
    expect((await run(['i18n', 'accept', '--source', 'datasets.md'], folder)).code).toBe(0)
    expect(readFileSync(path.join(folder, 'translations.lock.json'), 'utf8')).toBe(realLock)
  })

  it('accept refuses a dataset whose translation states other numbers, naming each, unless --force', async () => {
    const folder = sourceFolder(replaceOnce(realSource, '224.316 radiografias', '224.317 radiografias'))
    const line =
      replaceOnce(realSource, '224.316 radiografias', '224.317 radiografias')
        .split('\n')
        .findIndex((text) => text.includes('224.317')) + 1
    const refused = await run(['i18n', 'accept', 'chexpert', '--source', 'datasets.md'], folder)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain(`datasets.md:${line}:1: warning: the numbers 224.317 differ from 224,316 [number-mismatch]`)
    expect(readFileSync(path.join(folder, 'translations.lock.json'), 'utf8')).toBe(realLock)
    // Another dataset is confirmed as asked; --force confirms the mismatched one as it is.
    expect((await run(['i18n', 'accept', 'tcga', '--source', 'datasets.md'], folder)).code).toBe(0)
    expect((await run(['i18n', 'accept', 'chexpert', '--force', '--source', 'datasets.md'], folder)).code).toBe(0)
  })
})
