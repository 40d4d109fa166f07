import type {VFile} from 'vfile'

export type ReporterName = 'text' | 'json' | 'github'
export const reporterNames: readonly ReporterName[] = ['text', 'json', 'github']

/** One problem, as every reporter prints it. */
export interface Diagnostic {
  file: string
  line: number
  column: number
  /** `notice`: worth seeing, never failing (the github reporter's third level; translation findings use it). */
  severity: 'error' | 'warning' | 'notice'
  ruleId: string
  message: string
}

export function toDiagnostics(file: VFile): Diagnostic[] {
  return file.messages.map((message) => ({
    file: file.path || '<stdin>',
    line: message.line ?? 1,
    column: message.column ?? 1,
    severity: message.fatal === true ? 'error' : 'warning',
    ruleId: message.ruleId ?? 'unknown',
    message: message.reason
  }))
}

/** Sort by place, so that a reader goes through the file top to bottom. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column)
}

/**
 * Format diagnostics for a reporter: `FILE:LINE:COL: severity: message [rule]`
 * per line (the format compilers and editors read), a JSON array, or GitHub
 * Actions workflow commands that annotate the changed lines.
 */
export function formatDiagnostics(diagnostics: Diagnostic[], reporter: ReporterName): string {
  const sorted = sortDiagnostics(diagnostics)
  if (reporter === 'json') return `${JSON.stringify(sorted, null, 2)}\n`
  // Text and workflow commands reach a terminal or a log: nothing they echo may act on it.
  const shown = sorted.map((d) => ({...d, file: escapeControls(d.file), message: escapeControls(d.message), ruleId: escapeControls(d.ruleId)}))
  if (reporter === 'github') {
    return shown
      .map((d) => `::${d.severity} file=${escapeProperty(d.file)},line=${d.line},col=${d.column},title=${escapeProperty(d.ruleId)}::${escapeData(d.message)}\n`)
      .join('')
  }
  return shown.map((d) => `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.ruleId}]\n`).join('')
}

/**
 * Control characters would retitle or clear a terminal or forge a line of
 * output, and bidirectional controls would reorder what it shows: wherever a
 * message echoes input, they are shown as `\uXXXX` escapes (a tab stays).
 */
export function escapeControls(text: string): string {
  return text.replace(controls, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose
const controls = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g

/** Escaping of workflow commands, as @actions/core does it. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

export function countBySeverity(diagnostics: Diagnostic[]): {errors: number; warnings: number} {
  const count = (severity: Diagnostic['severity']): number => diagnostics.filter((d) => d.severity === severity).length
  return {errors: count('error'), warnings: count('warning')}
}
