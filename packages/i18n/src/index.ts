export {translationChecks, translationFindings, type TranslationOptions} from './lib/findings.js'
export {failingStates, type TranslationFinding, type TranslationState, translationStates} from './lib/finding.js'
export {
  acceptTranslations,
  type Confirmed,
  confirmedEntry,
  confirmSegments,
  createLock,
  hashText,
  InvalidLockError,
  type LanguageLock,
  lockFromJson,
  readLock,
  selectedBy,
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
export {type Segment, segmentId, type SegmentKind, segmentsOf, segmentText} from './lib/segments.js'
export {applyPo, exportPo, PoError, type PoExportOptions, type PoFile, type PoImport, type PoImportEntry, readPo} from './lib/po.js'
export {wordDiff} from './lib/word-diff.js'
