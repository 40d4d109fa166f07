import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {parseCatalogSource} from '../src/index.js'

export const realSourcePath = fileURLToPath(new URL('../../../source/datasets.md', import.meta.url))
/** The seed as it arrived (a copy of shared/seed/000_d1e8ca7f8d95b453.txt), Mac Roman mojibake and all. */
export const seedPath = fileURLToPath(new URL('data/seed-mojibake.md', import.meta.url))

export function readRealSource(): string {
  return readFileSync(realSourcePath, 'utf8')
}

/** Diagnostics in the CLI's one-line form, for compact assertions. */
export function messagesOf(value: string | Uint8Array, path = 'input.md'): string[] {
  const {file} = parseCatalogSource(value, path)
  return file.messages.map((m) => `${m.line}:${m.column} ${m.fatal ? 'error' : 'warning'} ${m.ruleId}`)
}

/** Replace exactly one occurrence, so that an edit that no longer applies fails loudly. */
export function replaceOnce(text: string, search: string, replacement: string): string {
  const first = text.indexOf(search)
  if (first === -1 || text.indexOf(search, first + 1) !== -1) throw new Error(`expected exactly one "${search}"`)
  return text.slice(0, first) + replacement + text.slice(first + search.length)
}

/** The 1-based line on which `search` first occurs. */
export function lineOf(text: string, search: string): number {
  const index = text.indexOf(search)
  if (index === -1) throw new Error(`"${search}" not found`)
  return text.slice(0, index).split('\n').length
}
