import type {TranslationFinding} from './finding.js'
import {wordDiff} from './word-diff.js'

export interface TableOptions {
  /** The source line of a finding (the CLI maps its pointer with the parser's `positionOf`). @default none */
  lineOf?: ((finding: TranslationFinding) => number | undefined) | undefined
  /** Widest a text column grows before it is cut with `…`. @default 48 */
  width?: number | undefined
}

/**
 * The findings as a plain-text table for a terminal: one row per finding,
 * columns padded, texts on one line and cut to `width`. Below an outdated
 * row, in full, how the primary text changed since the translation was
 * confirmed, as a word diff. Empty for no findings.
 */
export function formatFindingsTable(findings: readonly TranslationFinding[], options: TableOptions = {}): string {
  if (findings.length === 0) return ''
  const width = options.width ?? 48
  const cut = (text: string | null): string => {
    if (text === null) return '—'
    const flat = text.replace(/\s*\n\s*/g, ' / ')
    return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat
  }
  const header = ['LINE', 'LANG', 'DATASET', 'FIELD', 'STATE', 'PRIMARY', 'TRANSLATION']
  const rows = findings.map((finding) => [
    String(options.lineOf?.(finding) ?? ''),
    finding.language,
    finding.dataset ?? '(document)',
    finding.field,
    finding.state,
    cut(finding.primary),
    cut(finding.translation)
  ])
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => [...(row[column] ?? '')].length)))
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => (column === 0 ? cell.padStart(widths[0] ?? 0) : cell + ' '.repeat((widths[column] ?? 0) - [...cell].length)))
      .join('  ')
      .trimEnd()
  const changes = (finding: TranslationFinding): string[] => {
    if (finding.state !== 'outdated' || finding.previous === undefined) return []
    if (finding.previous === null) return ['      changed: (the lock kept only a hash of the text it confirmed; accept once to keep the text)']
    return [`      changed: ${wordDiff(finding.previous, finding.primary ?? '').replace(/\n/g, ' / ')}`]
  }
  return `${[line(header), ...rows.flatMap((row, index) => [line(row), ...changes(findings[index] as TranslationFinding)])].join('\n')}\n`
}
