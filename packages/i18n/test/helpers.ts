import {fileURLToPath} from 'node:url'
import {parseCatalogSource, positionOf} from '@catalog/parser'
import type {Catalog} from '@catalog/schema'
import {frozenVocabulary, replaceOnce} from '@catalog/test-support'
import type {TranslationFinding} from '../src/index.js'

export {readFrozenSource, frozenSourcePath, replaceOnce} from '@catalog/test-support'

export const lockFixturePath = fileURLToPath(new URL('fixtures/translations.lock.json', import.meta.url))

/** The same lock as version 1 wrote it, with hashes only: kept to hold the tool to reading it. */
export const legacyLockFixturePath = fileURLToPath(new URL('fixtures/translations.v1.lock.json', import.meta.url))

export interface Parsed {
  catalog: Catalog
  file: ReturnType<typeof parseCatalogSource>['file']
  /** The source line a finding points at, as the CLI maps it. */
  lineOf: (finding: TranslationFinding) => number | undefined
}

/** Parse a source the way `catalog i18n` does: with the vocabulary beside it, lines from the pointer map. */
export function parse(text: string): Parsed {
  const {file} = parseCatalogSource(text, 'datasets.md', {vocabulary: frozenVocabulary()})
  const catalog = file.data.catalog
  const pointers = file.data.pointers
  if (!catalog || !pointers) throw new Error(`no catalog:\n${file.messages.map(String).join('\n')}`)
  return {catalog, file, lineOf: (finding) => positionOf(pointers, finding.pointer)?.start.line}
}

/** The 1-based line of a text's line, for comparing with finding lines. */
export function lineText(text: string, line: number | undefined): string {
  return line === undefined ? '' : (text.split('\n')[line - 1] ?? '')
}

/** Replace exactly one occurrence within one language half (`en` is the first half, `pt` the second). */
export function editHalf(text: string, half: 'en' | 'pt', search: string, replacement: string): string {
  const border = text.indexOf('\n## 🇧🇷 Português\n')
  if (border === -1) throw new Error('no Portuguese half')
  const [before, after] = half === 'en' ? [text.slice(0, border), text.slice(border)] : [text.slice(border), '']
  const edited = replaceOnce(before, search, replacement)
  return half === 'en' ? edited + after : text.slice(0, border) + edited
}

/** Findings in a compact form for assertions: `state dataset field`. */
export function brief(findings: readonly TranslationFinding[]): string[] {
  return findings.map((finding) => `${finding.state} ${finding.dataset ?? '(document)'} ${finding.field}`)
}
