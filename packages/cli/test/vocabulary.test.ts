/**
 * `catalog vocabulary` and the vocabulary beside the source: written from a
 * source, kept in order when updated, checked when read.
 */
import {readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {frozenVocabularyPath} from '@catalog/test-support'
import {describe, expect, it} from 'vitest'
import {realSource, replaceOnce, run, tempFolder} from './helpers.js'

const frozen = readFileSync(frozenVocabularyPath, 'utf8')

function folderWith(source: string, vocabulary?: string): string {
  const folder = tempFolder()
  writeFileSync(path.join(folder, 'catalog.md'), source)
  if (vocabulary === undefined) rmSync(path.join(folder, 'vocabulary.json'))
  else writeFileSync(path.join(folder, 'vocabulary.json'), vocabulary)
  return folder
}

describe('catalog vocabulary', () => {
  it('declares every label of a source that has no vocabulary, each translated as the halves pair it', async () => {
    const folder = folderWith(realSource)
    const before = await run(['validate', '--source', 'catalog.md', '--strict'], folder)
    expect(before.code).toBe(1)
    expect(before.stderr).toMatch(
      /warning: `Size` \(en\) and `Tamanho` \(pt\) are not declared in the vocabulary; paired by position within MIMIC-CXR, and so in 3 more datasets/
    )
    const written = await run(['vocabulary', '--source', 'catalog.md', '--write'], folder)
    expect(written.code, written.stderr).toBe(0)
    expect(readFileSync(path.join(folder, 'vocabulary.json'), 'utf8')).toBe(frozen)
    // ISIC's only Portuguese list, `Tarefas`, pairs with its tasks (as many items), not with `Lesion Types`: no conflict to say.
    expect(written.stderr).not.toContain('left out')
    expect((await run(['vocabulary', '--source', 'catalog.md', '--check'], folder)).code).toBe(0)
    expect(await run(['validate', '--source', 'catalog.md', '--strict'], folder)).toMatchObject({
      code: 1,
      stderr: expect.not.stringContaining('undeclared-label')
    })
  })

  it('keeps what is declared in its place, and adds what a source uses anew at the end', async () => {
    const withNew = replaceOnce(
      realSource,
      '- **Reports:** Free-text radiology reports for all images\n',
      '- **Reports:** Free-text radiology reports for all images\n- **Modality:** Chest radiography\n'
    ).replace(
      '- **Relatórios:** Relatórios radiológicos em texto livre para todas as imagens\n',
      '- **Relatórios:** Relatórios radiológicos em texto livre para todas as imagens\n- **Modalidade:** Radiografia de tórax\n'
    )
    const folder = folderWith(withNew, frozen)
    expect(await run(['vocabulary', '--source', 'catalog.md', '--check'], folder)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('not up to date (1 labels to add)')
    })
    const printed = await run(['vocabulary', '--source', 'catalog.md'], folder)
    expect(printed.stdout.startsWith(frozen.slice(0, frozen.lastIndexOf('\n  ]')))).toBe(true)
    expect(printed.stdout.trimEnd().split('\n').at(-3)).toBe('    {"key":"modality","kind":"fact","labels":{"en":"Modality","pt":"Modalidade"}}')
    expect(readFileSync(path.join(folder, 'vocabulary.json'), 'utf8')).toBe(frozen)
  })

  it('adds a translation a declared label lacks', async () => {
    const vocabulary = frozen.replace(
      '{"key":"size","kind":"fact","labels":{"en":"Size","pt":"Tamanho"},',
      '{"key":"size","kind":"fact","labels":{"en":"Size"},'
    )
    const folder = folderWith(realSource, vocabulary)
    const warned = await run(['validate', '--source', 'catalog.md'], folder)
    expect(warned.stderr).toContain('`Tamanho` (pt) is not declared in the vocabulary; paired with `Size` (en) by position within MIMIC-CXR')
    expect((await run(['vocabulary', '--source', 'catalog.md', '--write'], folder)).code).toBe(0)
    expect(readFileSync(path.join(folder, 'vocabulary.json'), 'utf8')).toBe(frozen)
  })

  it('refuses a vocabulary that is not one, at its line, and builds nothing', async () => {
    const twice = frozen.replace('{"key":"patients",', '{"key":"size",')
    const result = await run(['build', '--source', 'catalog.md', '--out', 'out'], folderWith(realSource, twice))
    expect(result.code).toBe(1)
    const line = twice.split('\n').findIndex((entry) => entry.includes('"key":"size","kind":"fact","labels":{"en":"Patients"')) + 1
    expect(result.stderr).toContain(`vocabulary.json:${line}:6: error: the fact key \`size\` is declared twice`)
    expect(result.stderr.match(/: error:/g)).toHaveLength(1)
    // A schema violation is named at the entry, a syntax error at its character.
    const broken = await run(['validate', '--source', 'catalog.md'], folderWith(realSource, '{"version": 1,\n "labels": [\n  {"key": "x"}\n]}'))
    expect(broken).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("vocabulary.json:3:3: error: the vocabulary's entry 1 is missing `kind` [invalid-vocabulary]")
    })
    const comma = frozen.replace('"labels":{"en":"Size","pt":"Tamanho"},', '"labels":{"en":"Size","pt":"Tamanho",},')
    const commaLine = comma.split('\n').findIndex((entry) => entry.includes('"Tamanho",}')) + 1
    const trailing = await run(['validate', '--source', 'catalog.md'], folderWith(realSource, comma))
    expect(trailing.stderr).toContain(
      `vocabulary.json:${commaLine}:${(comma.split('\n')[commaLine - 1]?.indexOf(',}') ?? 0) + 2}: error: the vocabulary: it is not JSON`
    )
    expect(trailing.stderr).not.toContain('    at ')
  })

  it('lets a fact and a list share a key: keys are unique within a kind', async () => {
    const shared = frozen.replace('\n  ]\n}', ',\n    {"key":"size","kind":"list","labels":{"en":"Sizes","pt":"Tamanhos"}}\n  ]\n}')
    expect(shared).not.toBe(frozen)
    const result = await run(['validate', '--source', 'catalog.md'], folderWith(realSource, shared))
    expect(result.stderr).not.toContain('invalid-vocabulary')
    expect(result.code).toBe(0)
  })
})
