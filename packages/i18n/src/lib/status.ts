import type {Catalog} from '@catalog/schema'
import {failingStates, type TranslationFinding, type TranslationState, translationStates} from './finding.js'
import {translationFindings, type TranslationOptions} from './findings.js'
import type {TranslationLock} from './lock.js'
import {segmentsOf, segmentText} from './segments.js'

export type StateCounts = Record<TranslationState, number>

export interface LanguageStatus {
  code: string
  /** Segments of the primary language to translate. */
  segments: number
  /** Those with a current translation: present, not outdated, not a copy of the primary text (unconfirmed ones count). */
  translated: number
  /** `translated / segments`, in percent, rounded down to one decimal (100 only when all are). */
  percent: number
  counts: StateCounts
}

/** One finding as `dist/i18n-status.json` and `catalog i18n --json` print it: the texts under their language codes. */
export type FindingRecord = {
  dataset: string | null
  field: string
  state: TranslationState
  language: string
  /** The rule, as the diagnostics name it: `missing-translation`, `outdated-translation`, … */
  ruleId: string
  pointer: string
  message: string
  /** For an outdated finding: the primary text when the translation was confirmed (null when the lock kept only its hash). */
  previous?: string | null
  line?: number | null
} & Record<string, string | number | null | undefined>

/** The translation status of the catalog: what `catalog build` writes as `dist/i18n-status.json`. */
export interface TranslationStatus {
  primary: string
  languages: LanguageStatus[]
  counts: StateCounts
  findings: FindingRecord[]
}

function emptyCounts(): StateCounts {
  return Object.fromEntries(translationStates.map((state) => [state, 0])) as StateCounts
}

/**
 * The status of every translated language: segments, how many are
 * translated, counts per state, and the findings. Deterministic (no
 * timestamps, no source lines), so that `catalog check` can compare it.
 */
export function translationStatus(catalog: Catalog, lock: TranslationLock | undefined, options: Omit<TranslationOptions, 'lock'> = {}): TranslationStatus {
  const primary = catalog.languages[0]?.code ?? ''
  const findings = translationFindings(catalog, {...options, lock})
  const segments = segmentsOf(catalog)
  const counts = emptyCounts()
  const languages = catalog.languages.slice(1).map(({code}): LanguageStatus => {
    const ours = findings.filter((item) => item.language === code)
    const languageCounts = emptyCounts()
    for (const item of ours) {
      languageCounts[item.state]++
      counts[item.state]++
    }
    const stale = new Set(ours.filter((item) => item.state === 'outdated' || item.state === 'untranslated').map((item) => `${item.dataset}\u0000${item.field}`))
    const toTranslate = segments.filter((segment) => segmentText(segment, primary) !== undefined)
    const present = toTranslate.filter((segment) => segmentText(segment, code) !== undefined)
    const translated = present.filter((segment) => !stale.has(`${segment.dataset}\u0000${segment.field}`)).length
    return {code, segments: toTranslate.length, translated, percent: percentOf(translated, toTranslate.length), counts: languageCounts}
  })
  return {primary, languages, counts, findings: findings.map((item) => findingRecord(item, primary))}
}

function percentOf(part: number, whole: number): number {
  return whole === 0 ? 100 : Math.floor((part * 1000) / whole) / 10
}

/**
 * A finding with its texts under their language codes (`en`, `pt`), as the
 * JSON outputs print it. `line` is added when given (the CLI maps the
 * pointer to a source line); the status file has none, lines being the
 * source's business.
 */
export function findingRecord(item: TranslationFinding, primary: string, line?: number | null): FindingRecord {
  const record: FindingRecord = {
    dataset: item.dataset,
    field: item.field,
    state: item.state,
    language: item.language,
    ruleId: item.ruleId,
    [primary]: item.primary,
    [item.language]: item.translation,
    pointer: item.pointer,
    message: item.message
  }
  if (item.previous !== undefined) record.previous = item.previous
  if (line !== undefined) record.line = line
  return record
}

/**
 * The translation state as `catalog build` prints it, a state and not a
 * verdict: `translation: pt 94.1% translated (96 of 102 segments), 3 missing,
 * 1 outdated; run \`catalog i18n\` to see them`, or `…, in sync`. `hint:
 * false` leaves out the advice to run `catalog i18n` (which prints it).
 */
export function formatTranslationSummary(status: TranslationStatus, options: {hint?: boolean} = {}): string {
  if (status.languages.length === 0) return 'translation: one language, nothing to compare\n'
  const parts = status.languages.map((language) => {
    const states = translationStates.filter((state) => language.counts[state] > 0).map((state) => `${language.counts[state]} ${state}`)
    return `${language.code} ${language.percent}% translated (${language.translated} of ${language.segments} segments), ${states.join(', ') || 'in sync'}`
  })
  const anything = translationStates.some((state) => status.counts[state] > 0)
  return `translation: ${parts.join('; ')}${anything && options.hint !== false ? '; run `catalog i18n` to see them' : ''}\n`
}

export interface VerdictOptions {
  /** Missing, unconfirmed, orphan and untranslated parts fail too. @default false */
  strict?: boolean | undefined
  /** Fail when a language has fewer than this percent of its segments translated, like po4a's `--keep`. @default 0 */
  minTranslated?: number | undefined
}

/**
 * Whether the translation state fails `catalog i18n`: anything outdated or
 * mismatched does; missing, unconfirmed, orphan and untranslated parts only
 * when strict;
 * and a language below `minTranslated` percent.
 */
export function translationVerdict(status: TranslationStatus, options: VerdictOptions = {}): {failed: boolean; reasons: string[]} {
  const reasons: string[] = []
  for (const state of translationStates) {
    const count = status.counts[state]
    if (count > 0 && (failingStates.includes(state) || options.strict)) reasons.push(`${count} ${state}`)
  }
  const minimum = options.minTranslated ?? 0
  for (const language of status.languages) {
    if (language.percent < minimum) reasons.push(`${language.code} is ${language.percent}% translated, below ${minimum}%`)
  }
  return {failed: reasons.length > 0, reasons}
}
