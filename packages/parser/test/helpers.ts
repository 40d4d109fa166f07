import {frozenVocabulary} from '@catalog/test-support'
import {type ParserOptions, parseCatalogSource} from '../src/index.js'
export {frozenCatalogPath, frozenSourcePath, frozenVocabularyPath, lineOf, readFrozenSource, replaceOnce, seedPath} from '@catalog/test-support'

/** Parse as the CLI does the catalog: with the frozen vocabulary beside it. */
export function parse(value: string | Uint8Array, path = 'input.md', options: ParserOptions = {}): ReturnType<typeof parseCatalogSource> {
  return parseCatalogSource(value, path, {vocabulary: frozenVocabulary(), ...options})
}

/** Diagnostics in the CLI's one-line form, for compact assertions. */
export function messagesOf(value: string | Uint8Array, path = 'input.md'): string[] {
  const {file} = parse(value, path)
  return file.messages.map((m) => `${m.line}:${m.column} ${m.fatal ? 'error' : 'warning'} ${m.ruleId}`)
}
