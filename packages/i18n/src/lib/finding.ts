/**
 * The states of a translation, as gettext and po4a have them and more:
 * - `missing`: in the primary language, absent in the translation (a whole
 *   dataset, a section such as a list, a fact, a comparison row);
 * - `outdated`: the primary text changed since its translation was last
 *   confirmed (see the lock); the finding carries that text as `previous`;
 * - `unconfirmed`: translated, but never confirmed (no entry in the lock):
 *   nobody has said it matches the primary text;
 * - `orphan`: in the translation only;
 * - `untranslated`: the translation is the primary text, copied;
 * - `mismatch`: language-neutral facts differ (numbers after locale
 *   normalisation, years, list lengths, links, ratings, names).
 */
export const translationStates = ['missing', 'outdated', 'unconfirmed', 'orphan', 'untranslated', 'mismatch'] as const

export type TranslationState = (typeof translationStates)[number]

/** States that fail `catalog i18n` on their own; the others only warn unless strict. */
export const failingStates: readonly TranslationState[] = ['outdated', 'mismatch']

export interface TranslationFinding {
  /** Id of the dataset, or null for the document's own parts (overview, categories, comparison table). */
  dataset: string | null
  /** `dataset` (the whole dataset), `title`, `description`, `facts.size`, `lists.lesion-types`, `access.url.label`, `rating`, ... */
  field: string
  state: TranslationState
  /** The translated language the finding is about. */
  language: string
  /** The text in the primary language, where it has one. */
  primary: string | null
  /** The text in `language`, where it has one. */
  translation: string | null
  /**
   * For an outdated finding: the primary text when the translation was last
   * confirmed, or null when the lock kept only its hash (a version 1 lock).
   */
  previous?: string | null
  /**
   * JSON pointer into the catalog: of the translated value where there is
   * one, else of the primary one. `positionOf(file.data.pointers, pointer)`
   * gives its source line.
   */
  pointer: string
  message: string
  /**
   * The rule the finding breaks, as the diagnostics name it: `missing-translation`, `orphan-translation`,
   * `outdated-translation`, `unconfirmed-translation`, `untranslated`, or for a mismatch `rating-mismatch`, `heading-mismatch`,
   * `category-mismatch`, `section-order`, `url-mismatch`, `citation-mismatch`, `list-length-mismatch`, `number-mismatch`.
   */
  ruleId: string
}
