/**
 * The translator's round trip through gettext: `catalog i18n export` writes
 * a PO file that GNU gettext's `msgfmt -c` accepts (the check Poedit,
 * Weblate and Lokalize run too), and `catalog i18n import` takes it back:
 * untouched, it changes nothing; with one msgstr edited, exactly that text.
 */
import {spawnSync} from 'node:child_process'
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {toolAvailable} from '@catalog/test-support'
import {describe, expect, it} from 'vitest'
import {realLock, realSource, replaceOnce, run, snapshot, tempFolder} from './helpers.js'

const msgfmt = toolAvailable('msgfmt', "Debian's gettext package")

/** A folder holding the frozen catalog and its lock, as source/ holds them. */
function catalogFolder(source = realSource, lock: string | null = realLock): string {
  const folder = tempFolder()
  writeFileSync(path.join(folder, 'datasets.md'), source)
  if (lock !== null) writeFileSync(path.join(folder, 'translations.lock.json'), lock)
  return folder
}

async function exportPt(folder: string): Promise<string> {
  const result = await run(['i18n', 'export', '--lang', 'pt', '--source', 'datasets.md', '--out', 'pt.po'], folder)
  expect(result.code, result.stderr).toBe(0)
  return readFileSync(path.join(folder, 'pt.po'), 'utf8')
}

/** `msgfmt -c`'s verdict on a PO file: its exit code and what it said (nothing, for a clean file). */
function checkWithMsgfmt(file: string): {status: number | null; stderr: string} {
  const result = spawnSync('msgfmt', ['-c', '-o', '/dev/null', file], {encoding: 'utf8'})
  return {status: result.status, stderr: result.stderr}
}

/** The text of one PO entry, from its comments to its msgstr, by its msgctxt. */
function entryOf(po: string, id: string): string {
  return po.split('\n\n').find((block) => block.includes(`msgctxt "${id}"\n`)) ?? ''
}

describe('catalog i18n export', () => {
  it('writes one entry per segment, with its id, the English, the Portuguese and their lines', async () => {
    const folder = catalogFolder()
    const po = await exportPt(folder)
    expect(po).toMatch(/^msgid ""\nmsgstr ""\n"Project-Id-Version: datasets.md\\n"\n/)
    expect(po).toContain('"Language: pt\\n"')
    const description = entryOf(po, 'chexpert:description')
    const englishLine = realSource.split('\n').findIndex((line) => line.startsWith('**Description:** CheXpert')) + 1
    const portugueseLine = realSource.split('\n').findIndex((line) => line.startsWith('**Descrição:** CheXpert')) + 1
    expect(description).toContain(`#: datasets.md:${englishLine} datasets.md:${portugueseLine}`)
    expect(description).toContain('msgid "CheXpert is a large dataset')
    expect(description).toContain('msgstr "CheXpert é um grande dataset')
    expect(description).not.toContain('fuzzy')
    // A list is one entry, an item per line; an English-only one has an empty msgstr, and is not fuzzy.
    expect(entryOf(po, 'chexpert:tasks')).toContain('msgid ""\n"Multi-label classification with uncertainty\\n"')
    expect(entryOf(po, 'isic:lists.lesion-types')).toMatch(/msgstr ""$/)
    expect(entryOf(po, 'isic:lists.lesion-types')).not.toContain('fuzzy')
  })

  it.runIf(msgfmt)('is accepted by msgfmt -c, and fuzzy with the previous English for an outdated entry', async () => {
    const folder = catalogFolder()
    const edited = replaceOnce(realSource, 'CheXpert is a large dataset', 'CheXpert is a very large dataset')
    writeFileSync(path.join(folder, 'datasets.md'), edited)
    const po = await exportPt(folder)
    const entry = entryOf(po, 'chexpert:description')
    expect(entry).toContain('#, fuzzy\n#| msgid "CheXpert is a large dataset')
    expect(entry).toContain('msgid "CheXpert is a very large dataset')
    expect(checkWithMsgfmt(path.join(folder, 'pt.po'))).toEqual({status: 0, stderr: ''})
    // msgfmt itself reads the entry as fuzzy and the rest as translated.
    const statistics = spawnSync('msgfmt', ['--statistics', '-o', '/dev/null', path.join(folder, 'pt.po')], {encoding: 'utf8'}).stderr
    expect(statistics).toMatch(/^\d+ translated messages, 1 fuzzy translation, 6 untranslated messages\.\n$/)
  })

  it('marks fuzzy what was never confirmed, and names the state in a comment', async () => {
    const folder = catalogFolder(realSource, null)
    const entry = entryOf(await exportPt(folder), 'chexpert:description')
    expect(entry).toContain('#, fuzzy')
    expect(entry).toContain('#. unconfirmed: ')
    expect(entry).not.toContain('#|')
  })

  it('refuses to write over the source or its lock', async () => {
    const folder = catalogFolder()
    const before = snapshot(folder)
    for (const out of ['datasets.md', 'translations.lock.json']) {
      const result = await run(['i18n', 'export', '--source', 'datasets.md', '--out', out], folder)
      expect(result.code).toBe(2)
      expect(result.stderr).toContain('an input of the catalog')
    }
    expect(snapshot(folder)).toEqual(before)
  })
})

describe('catalog i18n import', () => {
  it.runIf(msgfmt)('of an untouched export leaves the source and the lock byte for byte as they were', async () => {
    const folder = catalogFolder()
    await exportPt(folder)
    expect(checkWithMsgfmt(path.join(folder, 'pt.po'))).toEqual({status: 0, stderr: ''})
    const before = snapshot(folder)
    const result = await run(['i18n', 'import', 'pt.po', '--source', 'datasets.md'], folder)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).toContain('changes nothing')
    expect(snapshot(folder)).toEqual(before)
  })

  it('with one msgstr edited changes exactly that text, and confirms it', async () => {
    const folder = catalogFolder()
    const po = await exportPt(folder)
    writeFileSync(path.join(folder, 'pt.po'), replaceOnce(po, 'msgstr "CheXpert é um grande dataset', 'msgstr "CheXpert é um amplo dataset'))
    const result = await run(['i18n', 'import', 'pt.po', '--source', 'datasets.md'], folder)
    expect(result.code, result.stderr).toBe(0)
    expect(readFileSync(path.join(folder, 'datasets.md'), 'utf8')).toBe(replaceOnce(realSource, 'CheXpert é um grande dataset', 'CheXpert é um amplo dataset'))
    const status = await run(['i18n', '--source', 'datasets.md', '--json'], folder)
    expect((JSON.parse(status.stdout) as {findings: Array<{state: string}>}).findings.map((finding) => finding.state)).toEqual([
      'missing',
      'missing',
      'missing'
    ])
  })

  it('fills a missing translation, and writes a fuzzy one without confirming it', async () => {
    const folder = catalogFolder()
    const po = await exportPt(folder)
    const filled = replaceOnce(po, 'msgid "Lesion Types"\nmsgstr ""', 'msgid "Lesion Types"\nmsgstr "Tipos de Lesão"')
    const items = entryOf(po, 'isic:lists.lesion-types')
    const portuguese = [
      'Melanoma (PT)',
      'Nevo melanocítico',
      'Carcinoma basocelular',
      'Ceratose actínica',
      'Ceratose benigna',
      'Dermatofibroma',
      'Lesão vascular'
    ]
    const translatedItems = items.replace(
      /msgstr ""$/,
      `msgstr ""\n${portuguese.map((item, index) => JSON.stringify(index < portuguese.length - 1 ? `${item}\n` : item)).join('\n')}`
    )
    const fuzzy = replaceOnce(filled.replace(items, translatedItems), 'msgctxt "chexpert:title"', '#, fuzzy\nmsgctxt "chexpert:title"').replace(
      /(msgctxt "chexpert:title"\nmsgid "[^"]*"\nmsgstr ")[^"]*"/,
      '$1Dataset de Competição de Raio-X de Tórax de Stanford (revisar)"'
    )
    writeFileSync(path.join(folder, 'pt.po'), fuzzy)
    const result = await run(['i18n', 'import', 'pt.po', '--source', 'datasets.md'], folder)
    expect(result.code, result.stderr).toBe(0)
    const source = readFileSync(path.join(folder, 'datasets.md'), 'utf8')
    expect(source).toContain(`**Tipos de Lesão:**\n${portuguese.map((item) => `- ${item}\n`).join('')}`)
    // The list's label had no Portuguese word in the vocabulary: it is declared now.
    expect(readFileSync(path.join(folder, 'vocabulary.json'), 'utf8')).toContain(
      '{"key":"lesion-types","kind":"list","labels":{"en":"Lesion Types","pt":"Tipos de Lesão"}}'
    )
    expect(source).toContain('Stanford (revisar)\n')
    const findings = (
      JSON.parse((await run(['i18n', '--source', 'datasets.md', '--json'], folder)).stdout) as {
        findings: Array<{state: string; dataset: string; field: string}>
      }
    ).findings
    expect(findings.map((finding) => `${finding.state} ${finding.dataset} ${finding.field}`)).toEqual([
      'unconfirmed chexpert title',
      'missing chexpert lists.labels-14-observations',
      'missing tcga lists.cancer-types-included'
    ])
  })

  it('refuses a list label without its items, naming both', async () => {
    const folder = catalogFolder()
    const po = replaceOnce(await exportPt(folder), 'msgid "Lesion Types"\nmsgstr ""', 'msgid "Lesion Types"\nmsgstr "Tipos de Lesão"')
    writeFileSync(path.join(folder, 'pt.po'), po)
    const before = snapshot(folder)
    const result = await run(['i18n', 'import', 'pt.po', '--source', 'datasets.md'], folder)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('"isic:lists.lesion-types.label" cannot be written without "isic:lists.lesion-types"')
    expect(snapshot(folder)).toEqual(before)
  })

  /** The 1-based line of the first line of a PO file starting with `text`, plus `offset`. */
  const first =
    (text: string, offset = 0) =>
    (po: string) =>
      po.split('\n').findIndex((line) => line.startsWith(text)) + 1 + offset
  it.each([
    [
      'an unknown msgctxt',
      (po: string) => replaceOnce(po, 'msgctxt "chexpert:description"', 'msgctxt "chexpert:descripton"'),
      first('msgctxt "chexpert:descripton"'),
      'po-unknown-entry'
    ],
    [
      'an unescaped quote',
      (po: string) => replaceOnce(po, 'msgstr "CheXpert é um grande', 'msgstr "CheXpert é um "grande'),
      first('msgstr "CheXpert é um "grande'),
      'po-syntax'
    ],
    ['a second entry for a segment', (po: string) => `${po}\nmsgctxt "chexpert:description"\nmsgid "x"\nmsgstr "y"\n`, first('msgid "x"', -1), 'po-syntax'],
    [
      'a line break in a one-line text',
      (po: string) => replaceOnce(po, 'msgstr "CheXpert é um grande', 'msgstr "CheXpert é\\num grande'),
      first('msgctxt "chexpert:description"'),
      'po-unwritable'
    ],
    [
      'a table row with a cell less',
      (po: string) => replaceOnce(po, '"Raio-X tórax\\n"\n"Classificação multi-rótulo\\n"', '"Raio-X tórax\\n"'),
      first('msgctxt "chexpert:comparison"'),
      'po-unwritable'
    ],
    ['a header without its language', (po: string) => replaceOnce(po, '"Language: pt\\n"\n', ''), first('msgid ""'), 'po-syntax']
  ])('refuses %s at its PO line, writing nothing', async (_title, change, lineOf, ruleId) => {
    const folder = catalogFolder()
    // With a good edit in the same file, which is not written either.
    const po = change(replaceOnce(await exportPt(folder), 'msgstr "O Maior Dataset', 'msgstr "O Maior Conjunto'))
    writeFileSync(path.join(folder, 'pt.po'), po)
    const before = snapshot(folder)
    const result = await run(['i18n', 'import', 'pt.po', '--source', 'datasets.md', '--reporter', 'json'], folder)
    expect(result.code).toBe(1)
    expect(JSON.parse(result.stdout)).toEqual([expect.objectContaining({file: 'pt.po', line: lineOf(po), severity: 'error', ruleId})])
    expect(snapshot(folder)).toEqual(before)
  })

  it('leaves out, with a warning, a translation made from English that changed since', async () => {
    const folder = catalogFolder()
    const po = await exportPt(folder)
    const edited = replaceOnce(realSource, 'CheXpert is a large dataset', 'CheXpert is a very large dataset')
    writeFileSync(path.join(folder, 'datasets.md'), edited)
    writeFileSync(path.join(folder, 'pt.po'), replaceOnce(po, 'msgstr "CheXpert é um grande dataset', 'msgstr "CheXpert é um amplo dataset'))
    const result = await run(['i18n', 'import', 'pt.po', '--source', 'datasets.md'], folder)
    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(/pt\.po:\d+:1: warning: "chexpert:description" was translated from another English text .* \[po-stale-entry\]/)
    expect(readFileSync(path.join(folder, 'datasets.md'), 'utf8')).toBe(edited)
  })
})
