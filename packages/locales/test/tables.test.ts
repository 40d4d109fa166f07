/**
 * Every table against the reference (the base locale's): the same groups and
 * messages (all of them in a complete table), the same kind of value, and
 * the same placeholders in every string.
 */
import {describe, expect, it} from 'vitest'
import {placeholdersOf} from '../src/lib/fill.js'
import {baseLocale, completeLocales, messageTables} from '../src/lib/tables.js'

const reference = messageTables[baseLocale] as Record<string, Record<string, string | readonly string[]>>

/** Every message of a table: `group.key` and its value. */
function entriesOf(table: object): Array<[string, unknown]> {
  return Object.entries(table).flatMap(([group, messages]) =>
    Object.entries(messages as object).map(([key, value]): [string, unknown] => [`${group}.${key}`, value])
  )
}

const referenceEntries = new Map(entriesOf(reference))

describe('the message tables', () => {
  it('include the base locale among the complete ones, and at least en, pt and es', () => {
    expect(completeLocales).toContain(baseLocale)
    expect(completeLocales).toEqual(expect.arrayContaining(['en', 'pt', 'es']))
    expect(Object.keys(messageTables)).toEqual(expect.arrayContaining(['fr', 'de']))
  })

  for (const [locale, table] of Object.entries(messageTables)) {
    describe(locale, () => {
      const entries = entriesOf(table)

      it(completeLocales.includes(locale) ? 'has every message of the reference' : 'is partial: the fallback chain fills the rest', () => {
        const keys = entries.map(([key]) => key)
        if (completeLocales.includes(locale)) expect(keys).toEqual([...referenceEntries.keys()])
        else expect(keys.length).toBeGreaterThan(0)
      })

      it('has no message the reference lacks, each of the same kind, and none empty', () => {
        for (const [key, value] of entries) {
          expect(referenceEntries.has(key), `${locale}: ${key} is not a message of the reference`).toBe(true)
          const expected = referenceEntries.get(key)
          expect(Array.isArray(value), `${locale}: ${key}`).toBe(Array.isArray(expected))
          const strings = Array.isArray(value) ? (value as unknown[]) : [value]
          expect(strings.length, `${locale}: ${key}`).toBeGreaterThan(0)
          for (const string of strings) expect(typeof string === 'string' && string.trim() !== '', `${locale}: ${key}`).toBe(true)
        }
      })

      it('keeps the placeholders of every reference string', () => {
        for (const [key, value] of entries) {
          const expected = referenceEntries.get(key)
          if (typeof value !== 'string' || typeof expected !== 'string') continue
          expect(placeholdersOf(value), `${locale}: ${key}`).toEqual(placeholdersOf(expected))
        }
      })
    })
  }
})

describe('placeholdersOf', () => {
  it('finds each name once, whatever the order', () => {
    expect(placeholdersOf('{shown} of {total}, {shown}')).toEqual(['shown', 'total'])
    expect(placeholdersOf('{total} : {shown}')).toEqual(['shown', 'total'])
    expect(placeholdersOf('no placeholder')).toEqual([])
  })
})
