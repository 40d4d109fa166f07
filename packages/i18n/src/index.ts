export {translationChecks, translationFindings, type TranslationOptions} from './lib/findings.js'
export {failingStates, type TranslationFinding, type TranslationState, translationStates} from './lib/finding.js'
export {
  acceptTranslations,
  createLock,
  documentGroups,
  hashText,
  InvalidLockError,
  type LanguageLock,
  lockFromJson,
  readLock,
  serializeLock,
  type TranslationLock,
  UnknownSelectorError
} from './lib/lock.js'
export {
  type FindingRecord,
  findingRecord,
  formatTranslationSummary,
  type LanguageStatus,
  type StateCounts,
  type TranslationStatus,
  translationStatus,
  translationVerdict,
  type VerdictOptions
} from './lib/status.js'
export {formatFindingsTable, type TableOptions} from './lib/table.js'
export {numberDifferences, numberTokens} from './lib/numbers.js'
export {needsTranslation} from './lib/untranslated.js'
export {type Segment, type SegmentKind, segmentsOf} from './lib/segments.js'
