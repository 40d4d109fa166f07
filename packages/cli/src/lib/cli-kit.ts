import {existsSync} from 'node:fs'
import {rename, writeFile} from 'node:fs/promises'
import path from 'node:path'
import type {ParseArgsConfig} from 'node:util'
import {countBySeverity, type Diagnostic, formatDiagnostics, type ReporterName, reporterNames} from './diagnostics.js'

/** Where the CLI prints; a test passes its own. */
export interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
  cwd: string
}

export const exitCodes = {ok: 0, problems: 1, usage: 2, internal: 3} as const

/** A mistake in the command line: exit 2 with the usage hint. */
export class UsageError extends Error {}

export const commonOptions = {
  help: {type: 'boolean', short: 'h'},
  reporter: {type: 'string', default: 'text'},
  strict: {type: 'boolean', default: false},
  cache: {type: 'boolean', default: true}
} as const satisfies ParseArgsConfig['options']

export const sourceOption = {source: {type: 'string', default: 'source/datasets.md'}} as const satisfies ParseArgsConfig['options']
export const outOption = {out: {type: 'string', default: 'dist'}} as const satisfies ParseArgsConfig['options']

export const commonHelp = `  --reporter NAME  text (default, to stderr), json or github (to stdout)
  --strict         warnings fail the command too
  --no-cache       parse every section afresh (parsed sections are cached in
                   node_modules/.cache/catalog, or \$CATALOG_CACHE_DIR)
  -h, --help       show this help
`

export function printDiagnostics(diagnostics: Diagnostic[], reporter: ReporterName, io: Io): void {
  if (reporter === 'json') {
    io.stdout(formatDiagnostics(diagnostics, 'json'))
    return
  }
  if (diagnostics.length === 0) return
  if (reporter === 'github') {
    io.stdout(formatDiagnostics(diagnostics, 'github'))
    return
  }
  const {errors, warnings} = countBySeverity(diagnostics)
  io.stderr(formatDiagnostics(diagnostics, 'text'))
  io.stderr(`${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`)
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

export function readReporter(value: string): ReporterName {
  if ((reporterNames as readonly string[]).includes(value)) return value as ReporterName
  throw new UsageError(`unknown reporter "${value}"; use ${reporterNames.join(', ')}`)
}

/** Write beside the file and rename over it, so that a crash never leaves half a file. */
export async function writeFileAtomically(target: string, content: string): Promise<void> {
  const temporary = `${target}.${process.pid}.tmp`
  await writeFile(temporary, content)
  await rename(temporary, target)
}

export function isParseArgsError(error: unknown): boolean {
  const code = (error as {code?: unknown} | null)?.code
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')
}

/** The translation lock lives beside the source. */
export function lockPathOf(sourcePath: string): string {
  return path.join(path.dirname(sourcePath), 'translations.lock.json')
}

/**
 * Where parsed sections and recorded runs are kept: `CATALOG_CACHE_DIR`, else
 * `node_modules/.cache/catalog` in the nearest folder above the source that has
 * a `node_modules` (so that `npm run build`, which runs in a package folder,
 * and `npx catalog check` at the root share it), else below the working folder.
 */
export function cacheFolder(cwd: string, sourcePath: string): string {
  if (process.env['CATALOG_CACHE_DIR']) return path.resolve(cwd, process.env['CATALOG_CACHE_DIR'])
  for (let folder = path.dirname(path.resolve(cwd, sourcePath)); ; folder = path.dirname(folder)) {
    if (existsSync(path.join(folder, 'node_modules'))) return path.join(folder, 'node_modules/.cache/catalog')
    if (path.dirname(folder) === folder) return path.join(cwd, 'node_modules/.cache/catalog')
  }
}
