import type {Catalog} from '@catalog/schema'
import type {TranslationFinding} from './finding.js'
import {sectionField} from './segments.js'

/** A parser message as the vfile has it (`file.messages`): only what is read here. */
export interface ParserMessage {
  ruleId?: string | null | undefined
  reason: string
  line?: number | null | undefined
}

/** `file.data.pointers`: JSON pointer -> source position. */
export type PointerPositions = ReadonlyMap<string, {start: {line: number}}>

/**
 * Parser rules that report a translation whose language-neutral facts
 * differ from the primary half's, where the catalog keeps the primary value
 * only and so cannot show the difference itself.
 */
const mismatchRules: Readonly<Record<string, string>> = {
  'url-mismatch': 'access',
  'rating-mismatch': 'rating',
  'heading-mismatch': 'name',
  'category-mismatch': 'category',
  'citation-mismatch': 'citation',
  'fact-count-mismatch': 'facts',
  'access-count-mismatch': 'access',
  'list-length-mismatch': 'list'
}

/**
 * Mismatch findings from the parser's messages, placed on their dataset and
 * field through the pointer map: the message's line lies in some language
 * half (`/languages/N`) and on or after some value of some dataset.
 */
export function parserMessageFindings(catalog: Catalog, messages: readonly ParserMessage[], pointers: PointerPositions | undefined): TranslationFinding[] {
  const primary = catalog.languages[0]?.code ?? ''
  const findings: TranslationFinding[] = []
  for (const message of messages) {
    const rule = message.ruleId ? mismatchRules[message.ruleId] : undefined
    if (rule === undefined) continue
    const line = message.line ?? undefined
    const place = line === undefined || !pointers ? undefined : locate(pointers, line)
    const language = place ? languageAt(catalog, pointers, line) : catalog.languages[1]?.code
    if (language === undefined || language === primary) continue
    const datasetIndex = place ? Number(/^\/datasets\/(\d+)/.exec(place)?.[1] ?? Number.NaN) : Number.NaN
    const dataset = catalog.datasets[datasetIndex]
    const {field, primaryText, translation} = describe(rule, place ?? '', dataset, language, primary)
    const finding: TranslationFinding = {
      dataset: dataset?.id ?? null,
      field,
      state: 'mismatch',
      language,
      primary: primaryText,
      translation,
      pointer: place ?? (dataset ? `/datasets/${datasetIndex}` : ''),
      message: message.reason
    }
    if (line !== undefined) finding.line = line
    findings.push(finding)
  }
  return findings
}

function describe(
  rule: string,
  pointer: string,
  dataset: Catalog['datasets'][number] | undefined,
  language: string,
  primary: string
): {field: string; primaryText: string | null; translation: string | null} {
  if (!dataset) return {field: rule, primaryText: null, translation: null}
  if (rule === 'rating') return {field: rule, primaryText: String(dataset.rating), translation: null}
  if (rule === 'name') return {field: rule, primaryText: dataset.name, translation: null}
  if (rule === 'category') return {field: rule, primaryText: dataset.category, translation: null}
  const item = /^\/datasets\/\d+\/access\/items\/(\d+)/.exec(pointer)
  if (rule === 'access' && item) {
    const entry = dataset.access.items[Number(item[1])]
    // The catalog keeps the primary link only; the parser's message names the translation's.
    if (entry) return {field: `access.${entry.key}`, primaryText: entry.url ?? entry.value[primary] ?? null, translation: null}
  }
  const list = /^\/datasets\/\d+\/(tasks|lists\/\d+)/.exec(pointer)
  if (rule === 'list' && list?.[1]) {
    const section = list[1] === 'tasks' ? dataset.tasks : dataset.lists[Number(list[1].slice('lists/'.length))]
    return {field: sectionField(dataset, list[1]), primaryText: section?.items[primary]?.join('\n') ?? null, translation: section?.items[language]?.join('\n') ?? null}
  }
  return {field: rule, primaryText: null, translation: null}
}

/** The most specific pointer on the message's line, else the last one before it. */
function locate(pointers: PointerPositions, line: number): string | undefined {
  let best: {pointer: string; line: number} | undefined
  for (const [pointer, position] of pointers) {
    const at = position.start.line
    if (at > line || !pointer.startsWith('/datasets/')) continue
    if (!best || at > best.line || (at === best.line && pointer.length > best.pointer.length)) best = {pointer, line: at}
  }
  return best?.pointer
}

/** The language of the half the line stands in. */
function languageAt(catalog: Catalog, pointers: PointerPositions | undefined, line: number | undefined): string | undefined {
  if (!pointers || line === undefined) return undefined
  let found: string | undefined
  let foundLine = -1
  catalog.languages.forEach((language, index) => {
    const at = pointers.get(`/languages/${index}`)?.start.line
    if (at !== undefined && at <= line && at > foundLine) {
      found = language.code
      foundLine = at
    }
  })
  return found
}
