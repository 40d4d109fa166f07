/**
 * Injection: hostile text in every kind of field stays text in every output.
 */
import {readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {parse as parseBibtex} from '@retorquere/bibtex-parser'
import {parse as parseCsv} from 'csv-parse/sync'
import {beforeAll, describe, expect, it} from 'vitest'
import {realSource, replaceOnce, run, tempFolder} from './helpers.js'

const formula = '=HYPERLINK("http://evil.example","click")'
const script = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">'
const template = "{{constructor.constructor('return process')().exit(9)}}"

let hostile = replaceOnce(realSource, '**Description:** MIMIC-CXR is the largest', `**Description:** ${formula} ${script} ${template} MIMIC-CXR is the largest`)
hostile = replaceOnce(
  hostile,
  '- **License:** Stanford University Dataset Research Use Agreement\n- **Download:** Free',
  '- **License:** </script><script>window.__pwned=2</script>\n- **Download:** Free'
)
hostile = replaceOnce(hostile, '  pages={590--597},\n', '  pages={590--597},\n  note={@misc{evil, title={x}}},\n')

describe('hostile text', () => {
  let folder: string
  let out: string
  const read = (name: string): string => readFileSync(path.join(out, name), 'utf8')

  beforeAll(async () => {
    folder = tempFolder()
    out = path.join(folder, 'out')
    writeFileSync(path.join(folder, 'catalog.md'), hostile)
    const result = await run(['build', '--source', 'catalog.md', '--out', 'out'], folder)
    expect(result.code, result.stderr).toBe(0)
  })

  it('is a warning where a renderer would otherwise show markup', async () => {
    const result = await run(['validate', '--source', 'catalog.md'], folder)
    expect(result.stderr).toMatch(/page-raw-html/)
  })

  it('cannot run as a spreadsheet formula', () => {
    for (const name of ['datasets.csv', 'datasets.excel.csv']) {
      const rows = parseCsv(read(name), {bom: true, columns: true}) as Array<Record<string, string>>
      expect(rows[0]?.['description_en']?.startsWith(`'${formula}`)).toBe(true)
    }
  })

  it('shows as text in the page, inside and outside scripts', () => {
    const html = read('index.html')
    expect(html).not.toContain('<script>window.__pwned')
    expect(html).not.toContain('<img src=x')
    expect(html).not.toContain('</script><script>window.__pwned=2')
    expect(html).toContain('&lt;script&gt;window.__pwned&#x3D;1&lt;/script&gt;')
    // Handlebars syntax from the source is printed, never compiled.
    expect(html).toContain('{{constructor.constructor(&#x27;return process&#x27;)().exit(9)}}')
    for (const [, json] of html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) expect(() => JSON.parse(json ?? '')).not.toThrow()
  })

  it('cannot close a BibTeX entry early or open another', () => {
    for (const name of ['datasets.bib', 'bib/irvin2019chexpert.bib']) {
      const library = parseBibtex(read(name), {raw: true, verbatimFields: [/.*/]})
      expect(library.errors).toEqual([])
      expect(library.entries.map((entry) => entry.key)).toEqual(
        name === 'datasets.bib' ? ['johnson2019mimic', 'irvin2019chexpert', 'weinstein2013cancer', 'codella2019skin'] : ['irvin2019chexpert']
      )
    }
  })

  it('never writes outside the output folder', () => {
    expect(readdirSync(folder).sort()).toEqual(['catalog.md', 'node_modules', 'out', 'vocabulary.json'])
  })

  it('refuses a value that closes the entry early', async () => {
    const early = replaceOnce(realSource, '  pages={590--597},\n', '  pages={590--597}},\n@misc{evil,\n  title={x},\n')
    writeFileSync(path.join(folder, 'early.md'), early)
    const result = await run(['validate', '--source', 'early.md'], folder)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/\[bibtex-(unbalanced-braces|entry-count|syntax)\]/)
  })
})
