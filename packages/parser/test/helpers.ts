import {fileURLToPath} from 'node:url'
import {parseCatalogSource} from '../src/index.js'
export {lineOf, readRealSource, realSourcePath, replaceOnce} from '@catalog/test-support'

/** The seed as it arrived (a copy of shared/seed/000_d1e8ca7f8d95b453.txt), Mac Roman mojibake and all. */
export const seedPath = fileURLToPath(new URL('data/seed-mojibake.md', import.meta.url))

/** Diagnostics in the CLI's one-line form, for compact assertions. */
export function messagesOf(value: string | Uint8Array, path = 'input.md'): string[] {
  const {file} = parseCatalogSource(value, path)
  return file.messages.map((m) => `${m.line}:${m.column} ${m.fatal ? 'error' : 'warning'} ${m.ruleId}`)
}

