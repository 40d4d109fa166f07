import type {Vocabulary, VocabularyLabel} from '@catalog/schema'

/** Which labels a label is looked up among: a section's (fixed sections and titled lists), a key fact's, an access entry's. */
export type LabelGroup = 'section' | 'fact' | 'access'

export type Resolution =
  /** Declared, as written. */
  | {kind: 'declared'; entry: VocabularyLabel}
  /** Not declared, but so close to a declared label that it is taken for a slip of it. */
  | {kind: 'typo'; entry: VocabularyLabel}
  | {kind: 'undeclared'}

const groupOf = (entry: VocabularyLabel): LabelGroup => (entry.kind === 'list' ? 'section' : entry.kind)

/**
 * The vocabulary, indexed for the parser: a label is looked up by its group
 * and the language of its half, as written; one that is not found there is
 * compared with the declared ones, and one that differs only in case,
 * accents, spaces or by an edit or two is a slip of it. A vocabulary that is
 * absent declares nothing, so everything is undeclared.
 */
export class Labels {
  private readonly exact = new Map<string, VocabularyLabel>()
  private readonly byGroup = new Map<string, Array<{entry: VocabularyLabel; normal: string}>>()

  constructor(readonly vocabulary: Vocabulary | undefined) {
    for (const entry of vocabulary?.labels ?? []) {
      for (const [language, text] of Object.entries(entry.labels)) {
        const place = `${groupOf(entry)}\u0000${language}`
        this.exact.set(`${place}\u0000${text}`, entry)
        this.byGroup.set(place, [...(this.byGroup.get(place) ?? []), {entry, normal: normalize(text)}])
      }
    }
  }

  get declaresAnything(): boolean {
    return this.exact.size > 0
  }

  resolve(group: LabelGroup, language: string, text: string): Resolution {
    const place = `${group}\u0000${language}`
    const entry = this.exact.get(`${place}\u0000${text}`)
    if (entry) return {kind: 'declared', entry}
    const normal = normalize(text)
    let best: {entry: VocabularyLabel; distance: number} | undefined
    for (const candidate of this.byGroup.get(place) ?? []) {
      const distance = candidate.normal === normal ? 0 : editDistance(candidate.normal, normal)
      // Two edits (`Sz` for `Size`), one for a declared label of three characters or fewer, where two edits
      // would take most other short labels for slips (`Use` for `URL`). A label of its own this close (`Sites`)
      // is told so, with the vocabulary entry that declares it.
      const allowed = candidate.normal.length <= 3 ? 1 : 2
      if (distance <= allowed && (!best || distance < best.distance)) best = {entry: candidate.entry, distance}
    }
    return best ? {kind: 'typo', entry: best.entry} : {kind: 'undeclared'}
  }

  /** The declared entry of a key of a kind, if any: keys are unique per kind (a fact and a list may share one). */
  entry(kind: VocabularyLabel['kind'], key: string): VocabularyLabel | undefined {
    return this.vocabulary?.labels.find((candidate) => candidate.kind === kind && candidate.key === key)
  }
}

/** Case, accents and runs of white space do not tell labels apart. */
function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*:$/, '')
    .trim()
}

/** Edits between two strings, a swap of neighbours counting as one (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3
  const rows = Array.from({length: a.length + 1}, (_, i) => Array.from({length: b.length + 1}, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      const row = rows[i] as number[]
      const above = rows[i - 1] as number[]
      row[j] = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] ?? 0, ((rows[i - 2] as number[])[j - 2] ?? 0) + 1)
    }
  }
  return (rows[a.length] as number[])[b.length] ?? 0
}
