/**
 * `catalog new`: a skeleton that cannot be published half-filled, and that,
 * filled, builds with nothing to say but what translation lags.
 */
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {realLock, realSource, replaceOnce, run, snapshot, tempFolder} from './helpers.js'

const category = 'large-scale-chest-x-ray-datasets'

function folderWith(source = realSource): string {
  const folder = tempFolder()
  writeFileSync(path.join(folder, 'datasets.md'), source)
  writeFileSync(path.join(folder, 'translations.lock.json'), realLock)
  return folder
}

/** The source and what lies beside it, with their modification times: untouched, or not. (The parse cache may change.) */
function sourceFiles(folder: string): Record<string, string> {
  return Object.fromEntries(Object.entries(snapshot(folder)).filter(([name]) => !name.startsWith('node_modules')))
}

/** What a maintainer writes in place of each TODO, in the order the skeleton has them (per half). */
function fill(text: string): string {
  const values = [
    ['### ⭐⭐⭐ RSNA Pneumonia - TODO', '### ⭐⭐⭐ RSNA Pneumonia - Pneumonia Detection Challenge'],
    ['**Description:** TODO', '**Description:** Chest radiographs annotated with bounding boxes around lung opacities.'],
    ['- **Size:** TODO', '- **Size:** 30,000 chest X-ray images'],
    ['- **Institution:** TODO', '- **Institution:** Radiological Society of North America'],
    ['- **Time Period:** TODO', '- **Time Period:** 2018-2018'],
    ['- TODO\n', '- Pneumonia detection\n'],
    ['- **URL:** [TODO](https://TODO.invalid/)', '- **URL:** [https://www.rsna.org/rsnai/ai-image-challenge](https://www.rsna.org/rsnai/ai-image-challenge)'],
    ['- **License:** TODO', '- **License:** Research use'],
    ['**Descrição:** TODO', '**Descrição:** Radiografias de tórax anotadas com caixas em torno das opacidades pulmonares.'],
    ['- **Tamanho:** TODO', '- **Tamanho:** 30.000 imagens de raio-X de tórax'],
    ['- **Instituição:** TODO', '- **Instituição:** Radiological Society of North America'],
    ['- **Período:** TODO', '- **Período:** 2018-2018'],
    ['- **Licença:** TODO', '- **Licença:** Uso em pesquisa'],
    ['title={TODO}', 'title={RSNA Pneumonia Detection Challenge}'],
    ['author={TODO}', 'author={Shih, George and Wu, Carol C.}'],
    ['year={TODO}', 'year={2019}'],
    ['url={TODO}', 'url={https://doi.org/10.1148/ryai.2019180041}'],
    ['| **RSNA Pneumonia** | TODO | TODO | TODO | TODO | TODO |', '| **RSNA Pneumonia** | 30k images | Chest X-ray | Detection | RSNA | Free (research) |']
  ] as const
  let filled = text
  for (const [todo, value] of values) filled = filled.replaceAll(todo, value)
  return filled
}

describe('catalog new', () => {
  it('inserts a skeleton at the end of its category and its comparison row; every TODO is an error at its line', async () => {
    const folder = folderWith()
    const added = await run(['new', '--name', 'RSNA Pneumonia', '--category', category, '--source', 'datasets.md'], folder)
    expect(added.code, added.stderr).toBe(0)
    const written = readFileSync(path.join(folder, 'datasets.md'), 'utf8')
    const lines = written.split('\n')
    const heading = lines.indexOf('### ⭐⭐⭐ RSNA Pneumonia - TODO') + 1
    expect(added.stderr).toContain(`added RSNA Pneumonia (rsna-pneumonia) to datasets.md at line ${heading}`)
    // After CheXpert, the last of its category, and before the next category; in the primary half only.
    expect(lines.findIndex((line) => line.startsWith('### ⭐⭐⭐⭐ CHEXPERT'))).toBeLessThan(heading)
    expect(lines.findIndex((line) => line.startsWith('## 🧬 Cancer'))).toBeGreaterThan(heading)
    expect(written.split('RSNA Pneumonia - TODO')).toHaveLength(2)
    expect(lines.findIndex((line) => line.startsWith('| **RSNA Pneumonia** |'))).toBe(lines.findIndex((line) => line.startsWith('| **CHEXPERT** |')) + 1)
    // Nothing else changed: the source is the frozen one with the skeleton and the row added.
    const without = written.replace(/### ⭐⭐⭐ RSNA Pneumonia[\s\S]*?\n---\n\n/, '').replace(/\| \*\*RSNA Pneumonia\*\* \|.*\n/, '')
    expect(without).toBe(realSource)

    const validated = await run(['validate', '--source', 'datasets.md', '--reporter', 'json'], folder)
    expect(validated.code).toBe(1)
    const diagnostics = JSON.parse(validated.stdout) as Array<{line: number; ruleId: string; severity: string}>
    const reported = diagnostics.filter((diagnostic) => diagnostic.severity === 'error')
    expect(new Set(reported.map((diagnostic) => diagnostic.ruleId))).toEqual(new Set(['todo-left']))
    // The other datasets' warnings are said beside the errors; none of the skeleton's, which would follow from them.
    const end = lines.indexOf('---', heading) + 1
    expect(diagnostics.filter((diagnostic) => diagnostic.severity !== 'error' && diagnostic.line >= heading && diagnostic.line <= end)).toEqual([])
    // Once per value, at its line; each citation field at its own; the comparison row once.
    const at = (text: string): number => lines.indexOf(text, heading - 1) + 1
    expect(reported.map((diagnostic) => diagnostic.line)).toEqual([
      heading,
      at('**Description:** TODO'),
      at('- **Size:** TODO'),
      at('- **Institution:** TODO'),
      at('- **Time Period:** TODO'),
      at('- TODO'),
      at('- **URL:** [TODO](https://TODO.invalid/)'),
      at('- **License:** TODO'),
      at('  title={TODO},'),
      at('  author={TODO},'),
      at('  year={TODO},'),
      at('  url={TODO}'),
      at('| **RSNA Pneumonia** | TODO | TODO | TODO | TODO | TODO |')
    ])
    // A half-filled dataset never builds.
    expect((await run(['build', '--source', 'datasets.md', '--out', 'out'], folder)).code).toBe(1)
    expect(existsSync(path.join(folder, 'out'))).toBe(false)
  })

  it('filled in, builds with nothing to say but that the Portuguese half lacks it', async () => {
    const folder = folderWith()
    expect((await run(['new', '--name', 'RSNA Pneumonia', '--category', category, '--source', 'datasets.md'], folder)).code).toBe(0)
    const file = path.join(folder, 'datasets.md')
    writeFileSync(file, fill(readFileSync(file, 'utf8')))
    const built = await run(['build', '--source', 'datasets.md', '--out', 'out', '--reporter', 'json'], folder)
    expect(built.code, built.stderr).toBe(0)
    const reported = JSON.parse(built.stdout) as Array<{ruleId: string; message: string}>
    const translation = reported.filter((diagnostic) => diagnostic.message.includes('RSNA'))
    expect(translation.map((diagnostic) => diagnostic.ruleId)).toEqual(['missing-translation'])
    // Besides, only what the frozen source says of itself (its citations have no DOI, and their authors end in "others").
    const before = await run(['validate', '--source', 'datasets.md', '--reporter', 'json'], folderWith())
    const said = (diagnostics: Array<{ruleId: string; message: string}>): string[] =>
      diagnostics.filter((d) => d.ruleId !== 'missing-translation').map((d) => `${d.ruleId} ${d.message}`)
    expect(said(reported)).toEqual(said(JSON.parse(before.stdout) as Array<{ruleId: string; message: string}>))
    expect((await run(['format', '--source', 'datasets.md', '--check'], folder)).code).toBe(0)
  })

  it('with --languages all, fills every half, and filled in builds with nothing to say at all', async () => {
    const folder = folderWith()
    expect(
      (await run(['new', '--name', 'RSNA Pneumonia', '--category', category, '--stars', '4', '--languages', 'all', '--source', 'datasets.md'], folder)).code
    ).toBe(0)
    const file = path.join(folder, 'datasets.md')
    const written = readFileSync(file, 'utf8')
    expect(written.split('### ⭐⭐⭐⭐ RSNA Pneumonia - TODO')).toHaveLength(3)
    // Labelled in each half as the vocabulary labels them.
    expect(written).toContain('**Características Principais:**\n- **Tamanho:** TODO')
    const filled = fill(written.replaceAll('### ⭐⭐⭐⭐ RSNA', '### ⭐⭐⭐ RSNA'))
    writeFileSync(file, filled)
    // The frozen source has three lists only in English; the new dataset adds nothing to them.
    const validated = await run(['validate', '--source', 'datasets.md', '--reporter', 'json'], folder)
    expect(validated.code, validated.stdout).toBe(0)
    expect((JSON.parse(validated.stdout) as Array<{message: string}>).filter((diagnostic) => diagnostic.message.includes('RSNA'))).toEqual([])
  })

  it('refuses a category, a name or a rating it cannot use, and a source with errors, writing nothing', async () => {
    const folder = folderWith()
    const before = sourceFiles(folder)
    const unknown = await run(['new', '--name', 'X', '--category', 'chest', '--source', 'datasets.md'], folder)
    expect(unknown).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('no category has the id `chest`; the categories are `large-scale-chest-x-ray-datasets`')
    })
    const taken = await run(['new', '--name', 'Mimic CXR', '--category', category, '--source', 'datasets.md'], folder)
    expect(taken).toMatchObject({code: 2, stderr: expect.stringContaining('already has a dataset with the id `mimic-cxr` (MIMIC-CXR)')})
    expect((await run(['new', '--name', 'X', '--category', category, '--stars', '6', '--source', 'datasets.md'], folder)).code).toBe(2)
    expect((await run(['new', '--category', category, '--source', 'datasets.md'], folder)).code).toBe(2)
    expect(sourceFiles(folder)).toEqual(before)
    const broken = folderWith(replaceOnce(realSource, '### ⭐⭐⭐⭐ CHEXPERT - Stanford', '### CHEXPERT - Stanford'))
    const brokenBefore = sourceFiles(broken)
    expect((await run(['new', '--name', 'X', '--category', category, '--source', 'datasets.md'], broken)).code).toBe(1)
    expect(sourceFiles(broken)).toEqual(brokenBefore)
  })

  it('writes nothing when the canonical form would lose a word of the source', async () => {
    // An HTML comment is not part of the catalog: writing the source anew would drop its words.
    const folder = folderWith(replaceOnce(realSource, '## Related Resources\n', '## Related Resources\n\n<!-- Keep this list short. -->\n'))
    const before = sourceFiles(folder)
    const refused = await run(['new', '--name', 'X', '--category', category, '--source', 'datasets.md'], folder)
    expect(refused).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(
        /datasets\.md:\d+:\d+: error: the source with the new dataset would lose the word `Keep`, so the source is left as it was \[format-loses-text\]/
      )
    })
    expect(sourceFiles(folder)).toEqual(before)
  })
})
