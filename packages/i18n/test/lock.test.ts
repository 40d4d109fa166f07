/**
 * The lock of the real source is committed as test/fixtures/translations.lock.json
 * (and by the CLI as source/translations.lock.json). After a deliberate
 * change of the source, regenerate it with `UPDATE_FIXTURES=1 npx vitest run`
 * (or `catalog i18n accept`) and review the diff.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {acceptTranslations, createLock, hashText, InvalidLockError, readLock, serializeLock, translationFindings, UnknownSelectorError} from '../src/index.js'
import {brief, editHalf, legacyLockFixturePath, lockFixturePath, parse, readFrozenSource} from './helpers.js'

const source = readFrozenSource()
const {catalog} = parse(source)

describe('the lock of the real source', () => {
  const text = serializeLock(createLock(catalog))
  if (process.env['UPDATE_FIXTURES'] === '1') writeFileSync(lockFixturePath, text)

  it('is the committed fixture, byte for byte', () => {
    expect(text).toBe(readFileSync(lockFixturePath, 'utf8'))
  })

  it('keeps the primary text of each segment that has a translation, and its sha256', () => {
    const lock = readLock(text)
    expect(lock.primary).toBe('en')
    expect(Object.keys(lock.languages)).toEqual(['pt'])
    const mimic = lock.languages['pt']?.datasets['mimic-cxr']
    const description = catalog.datasets[0]?.description.text['en'] ?? ''
    expect(mimic?.['description']).toEqual({text: description, sha256: hashText(description)})
    expect(mimic?.['tasks']?.text).toBe(catalog.datasets[0]?.tasks?.items['en']?.join('\n'))
    expect(hashText('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    // The EN-only lists have no translation to confirm.
    expect(Object.keys(lock.languages['pt']?.datasets['chexpert'] ?? {}).filter((field) => field.startsWith('lists.'))).toEqual([])
    expect(lock.languages['pt']?.document['overview.text']?.text).toBe(catalog.overview?.text['en'])
    // In the file, an entry is the text itself: a reviewer reads in the lock's diff what was confirmed.
    expect(JSON.parse(text).languages.pt.datasets['mimic-cxr'].description).toBe(description)
  })

  it('is written with sorted keys, two spaces and a final newline, whatever order it was built in', () => {
    const lock = readLock(text)
    const shuffled = {
      ...lock,
      languages: {
        pt: {datasets: Object.fromEntries(Object.entries(lock.languages['pt']?.datasets ?? {}).reverse()), document: lock.languages['pt']?.document ?? {}}
      }
    }
    expect(serializeLock(shuffled)).toBe(text)
    expect(text.endsWith('}\n')).toBe(true)
    expect(text.split('\n')[1]).toBe('  "version": 2,')
  })
})

describe('accept', () => {
  const edited = parse(editHalf(source, 'en', '- **Patients:** 65,379 unique patients', '- **Patients:** 65,379 unique patients (2019 release)')).catalog
  const before = createLock(catalog)

  it('confirms only the selected datasets and keeps the rest of the lock', () => {
    const accepted = acceptTranslations(edited, before, ['chexpert'])
    expect(accepted).toEqual(before)
    const mimic = acceptTranslations(edited, before, ['mimic-cxr'])
    expect(mimic.languages['pt']?.datasets['mimic-cxr']?.['facts.patients']?.text).toBe('65,379 unique patients (2019 release)')
    expect({...mimic.languages['pt']?.datasets, 'mimic-cxr': undefined}).toEqual({...before.languages['pt']?.datasets, 'mimic-cxr': undefined})
  })

  it('confirms the document parts by group name', () => {
    const retitled = structuredClone(catalog)
    if (retitled.overview) retitled.overview.text['en'] = 'A new overview.'
    const lock = acceptTranslations(retitled, before, ['overview'])
    expect(lock.languages['pt']?.document['overview.text']).toEqual({text: 'A new overview.', sha256: hashText('A new overview.')})
    expect(lock.languages['pt']?.datasets).toEqual(before.languages['pt']?.datasets)
  })

  it('refuses a selector that names nothing', () => {
    expect(() => acceptTranslations(catalog, before, ['mimic-cxr', 'nope'])).toThrow(UnknownSelectorError)
    expect(() => acceptTranslations(catalog, before, ['nope'])).toThrow('no dataset or document part is called "nope"')
  })

  it('drops the confirmation of a translation that was removed', () => {
    const removed = structuredClone(catalog)
    const [first] = removed.datasets
    if (first) delete first.description.text['pt']
    expect(acceptTranslations(removed, before, ['mimic-cxr']).languages['pt']?.datasets['mimic-cxr']?.['description']).toBeUndefined()
  })
})

describe('readLock', () => {
  it('refuses what is not a lock', () => {
    expect(() => readLock('not json')).toThrow(InvalidLockError)
    expect(() => readLock('{"version": 3, "primary": "en", "languages": {}}')).toThrow(/version: 2/)
    expect(() => readLock('{"version": 1, "primary": "en", "languages": {"pt": {"document": {"a": "short"}, "datasets": {}}}}')).toThrow(/sha256/)
    expect(() => readLock('{"version": 2, "primary": "en", "languages": {"pt": {"document": {"a": 1}, "datasets": {}}}}')).toThrow(/confirmed text/)
    expect(() => readLock('{"version": 2, "primary": "en", "languages": {"pt": {"document": {"a": {"sha256": "ab"}}, "datasets": {}}}}')).toThrow(
      InvalidLockError
    )
  })

  it('reads a lock an editor saved with a byte order mark', () => {
    expect(readLock('\uFEFF{"version": 2, "primary": "en", "languages": {}}')).toEqual({version: 2, primary: 'en', languages: {}})
  })
})

describe('a version 1 lock (hashes only)', () => {
  const legacy = readLock(readFileSync(legacyLockFixturePath, 'utf8'))

  it('confirms what it confirmed, and is written back as version 2 with its hashes kept', () => {
    expect(brief(translationFindings(catalog, {lock: legacy}))).toEqual(brief(translationFindings(catalog, {lock: createLock(catalog)})))
    const written = JSON.parse(serializeLock(legacy))
    expect(written.version).toBe(2)
    expect(written.languages.pt.datasets.chexpert.description).toEqual({sha256: hashText(catalog.datasets[1]?.description.text['en'] ?? '')})
    expect(readLock(serializeLock(legacy))).toEqual(legacy)
  })

  it('makes an edited segment outdated without a previous text, until it is confirmed again', () => {
    const edited = parse(editHalf(source, 'en', 'CheXpert is a large dataset', 'CheXpert is a very large dataset')).catalog
    const [finding] = translationFindings(edited, {lock: legacy}).filter((item) => item.state === 'outdated')
    expect(finding).toMatchObject({dataset: 'chexpert', field: 'description', previous: null})
    const accepted = acceptTranslations(edited, legacy, ['chexpert'])
    expect(accepted.languages['pt']?.datasets['chexpert']?.['description']?.text).toBe(edited.datasets[1]?.description.text['en'])
    // The rest keeps its hashes.
    expect(accepted.languages['pt']?.datasets['isic']).toEqual(legacy.languages['pt']?.datasets['isic'])
  })
})
