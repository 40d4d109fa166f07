import type {UndeclaredLabel} from '@catalog/parser'
import {type Vocabulary, type VocabularyLabel, validateVocabulary} from '@catalog/schema'
import type {Diagnostic} from './diagnostics.js'
import type {InputRead} from './inputs.js'
import {type JsonPlace, readJson} from './json-input.js'

/**
 * The vocabulary beside the source, read and checked: valid against its
 * schema, each key once per kind, and no label text standing for two entries
 * of one group in one language (the halves could not tell them apart). None
 * is no error: every label is then undeclared. Every problem is named at the
 * entry it is in.
 */
export function parseVocabularyFile(vocabularyPath: string, read: InputRead): {vocabulary?: Vocabulary; diagnostics: Diagnostic[]} {
  const at = (message: string, place: JsonPlace): Diagnostic => ({file: vocabularyPath, ...place, severity: 'error', ruleId: 'invalid-vocabulary', message})
  if ('diagnostic' in read) return read.missing ? {diagnostics: []} : {diagnostics: [read.diagnostic]}
  const json = readJson(read.bytes.toString('utf8'))
  if ('error' in json) return {diagnostics: [at(`the vocabulary: ${json.error.message}`, json.error)]}
  const {value, placeOf} = json.document
  const result = validateVocabulary(value)
  if (!result.valid) {
    // `/labels/2/kind must be ...` is said `entry 3: kind must be ...`.
    const say = (message: string): string =>
      message.replace(
        /^\/labels\/(\d+)(?:\/(\S+))?/,
        (_, index: string, rest?: string) => `entry ${Number(index) + 1}${rest ? `: ${rest.replaceAll('/', '.')}` : ''}`
      )
    return {diagnostics: result.violations.map((violation) => at(`the vocabulary's ${say(violation.message)}`, placeOf(violation.pointer)))}
  }
  const diagnostics: Diagnostic[] = []
  const keys = new Map<string, number>()
  const texts = new Map<string, number>()
  result.vocabulary.labels.forEach((entry, index) => {
    const id = `${entry.kind}\u0000${entry.key}`
    const other = keys.get(id)
    if (other !== undefined) {
      diagnostics.push(
        at(
          `the ${entry.kind} key \`${entry.key}\` is declared twice (entries ${other + 1} and ${index + 1}); keys name CSV columns and must be unique within a kind`,
          placeOf(`/labels/${index}/key`)
        )
      )
    } else keys.set(id, index)
    for (const [language, label] of Object.entries(entry.labels)) {
      const place = `${entry.kind === 'list' ? 'section' : entry.kind}\u0000${language}\u0000${label}`
      const first = texts.get(place)
      if (first !== undefined)
        diagnostics.push(
          at(
            `the ${language} label \`${label}\` stands for two entries (${first + 1} and ${index + 1}); give each its own`,
            placeOf(`/labels/${index}/labels/${language}`)
          )
        )
      else texts.set(place, index)
    }
  })
  return diagnostics.length > 0 ? {diagnostics} : {vocabulary: result.vocabulary, diagnostics}
}

/**
 * The vocabulary updated with what a source uses undeclared: every existing
 * entry kept, in its place; a label it lacks in a language added to its
 * entry; each new label appended, in the order the source first uses it.
 * Where a label was paired with several translations, the most frequent wins,
 * and a text that would stand for two entries stays with the one that uses it
 * most. What is left out is returned as `conflicts`, to say.
 */
export function updateVocabulary(
  existing: Vocabulary | undefined,
  undeclared: readonly UndeclaredLabel[],
  primary: string,
  parts: ReadonlyMap<string, readonly string[]> = new Map()
): {vocabulary: Vocabulary; conflicts: string[]} {
  const labels: VocabularyLabel[] = (existing?.labels ?? []).map((entry) => ({...entry, labels: {...entry.labels}}))
  const conflicts: string[] = []
  // Tally each (kind, key)'s spellings per language, in order of first use.
  const tallies = new Map<string, {kind: VocabularyLabel['kind']; key: string; line: number; dataset: string; votes: Map<string, Map<string, number>>}>()
  for (const occurrence of [...undeclared].sort((a, b) => a.line - b.line)) {
    const id = `${occurrence.kind}\u0000${occurrence.key}`
    const tally = tallies.get(id) ?? {kind: occurrence.kind, key: occurrence.key, line: occurrence.line, dataset: occurrence.dataset, votes: new Map()}
    tallies.set(id, tally)
    for (const [language, text] of Object.entries(occurrence.labels)) {
      const votes = tally.votes.get(language) ?? new Map<string, number>()
      votes.set(text, (votes.get(text) ?? 0) + 1)
      tally.votes.set(language, votes)
    }
  }
  const groupOf = (kind: VocabularyLabel['kind']): string => (kind === 'list' ? 'section' : kind)
  // A text belongs to one entry per group and language: first to the existing entries, then to the most votes.
  const owners = new Map<string, {key: string; votes: number}>()
  for (const entry of labels)
    for (const [language, text] of Object.entries(entry.labels))
      owners.set(`${groupOf(entry.kind)}\u0000${language}\u0000${text}`, {key: entry.key, votes: Number.POSITIVE_INFINITY})
  const candidates = [...tallies.values()]
  for (const tally of candidates) {
    for (const [language, votes] of tally.votes) {
      for (const [text, count] of votes) {
        const place = `${groupOf(tally.kind)}\u0000${language}\u0000${text}`
        const owner = owners.get(place)
        if (!owner || owner.votes < count) owners.set(place, {key: `${tally.kind}\u0000${tally.key}`, votes: count})
      }
    }
  }
  for (const tally of candidates) {
    const chosen: Record<string, string> = {}
    for (const [language, votes] of tally.votes) {
      const ranked = [...votes].sort((a, b) => b[1] - a[1])
      const winner = ranked.find(([text]) => {
        const owner = owners.get(`${groupOf(tally.kind)}\u0000${language}\u0000${text}`)
        return owner?.key === `${tally.kind}\u0000${tally.key}`
      })
      if (winner) chosen[language] = winner[0]
      for (const [text] of ranked) {
        if (text === winner?.[0]) continue
        const owner = owners.get(`${groupOf(tally.kind)}\u0000${language}\u0000${text}`)?.key.split('\u0000')[1]
        const reason = owner && owner !== tally.key ? `it labels \`${owner}\` in more places` : `\`${winner?.[0] ?? ''}\` is its more common ${language} label`
        conflicts.push(`\`${text}\` (${language}), paired with \`${tally.key}\` in ${tally.dataset}, is left out of the vocabulary: ${reason}`)
      }
    }
    if (Object.keys(chosen).length === 0) continue
    const existingEntry = labels.find((entry) => entry.kind === tally.kind && entry.key === tally.key)
    if (existingEntry) {
      for (const [language, text] of Object.entries(chosen)) existingEntry.labels[language] ??= text
      continue
    }
    if (chosen[primary] === undefined && tally.kind === 'section') continue
    labels.push({key: tally.key, kind: tally.kind, labels: chosen})
  }
  // The parts (numbers, links) each fact and access label's values hold, appended to what its entry declares.
  for (const entry of labels) {
    const declared: readonly string[] = entry.parts ?? []
    const missing = (parts.get(`${entry.kind}\u0000${entry.key}`) ?? []).filter((part) => !declared.includes(part))
    if (missing.length > 0) entry.parts = [...declared, ...missing] as NonNullable<VocabularyLabel['parts']>
  }
  return {vocabulary: {version: 1, labels}, conflicts}
}

/**
 * The vocabulary as a file: JSON with one entry a line, written by hand here
 * rather than by `JSON.stringify` with an indent, so that adding or changing
 * a label is a one-line diff.
 */
export function serializeVocabulary(vocabulary: Vocabulary): string {
  const entries = vocabulary.labels.map(
    (entry) => `    ${JSON.stringify({key: entry.key, kind: entry.kind, labels: entry.labels, ...(entry.parts ? {parts: entry.parts} : {})})}`
  )
  return `{\n  "version": 1,\n  "labels": [\n${entries.join(',\n')}\n  ]\n}\n`
}
